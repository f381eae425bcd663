"""Tests of the DOCX reader: paragraphs, headings as sections, lists, tables, core properties."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import InputError
from briefgen.ingest.docx import read_docx
from tests.office import convert

from .helpers import assert_well_formed, make_docx

BODY = [
    ("Title", "Allied ministers meet in Brussels"),
    ("Normal", "NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday."),
    ("Heading 1", "Support for Ukraine"),
    ("Normal", "Allies have pledged more than 20 billion euros in military assistance."),
    ("List Bullet", "Defence investment was discussed at a working lunch."),
    ("List Number", "Ministers also met partners from the Indo-Pacific."),
    ("Heading 2", "Next steps"),
    ("Normal", "The NATO Summit will take place in The Hague in June."),
]


def test_read_docx_reads_structure_and_tables() -> None:
    data = make_docx(BODY, table=[["Country", "Pledge"], ["Germany", "3 billion euros"]])
    doc = read_docx(data, "brief.docx")
    assert [(b.kind, b.text, b.section, b.level) for b in doc.blocks] == [
        ("paragraph", BODY[1][1], None, 0),
        ("heading", "Support for Ukraine", "Support for Ukraine", 1),
        ("paragraph", BODY[3][1], "Support for Ukraine", 0),
        ("list_item", BODY[4][1], "Support for Ukraine", 0),
        ("list_item", BODY[5][1], "Support for Ukraine", 0),
        ("heading", "Next steps", "Next steps", 2),
        ("paragraph", BODY[7][1], "Next steps", 0),
        ("paragraph", "Country | Pledge", "Next steps", 0),
        ("paragraph", "Germany | 3 billion euros", "Next steps", 0),
    ]
    assert doc.title == "Allied ministers meet in Brussels" and doc.format == "docx"
    assert_well_formed(doc)


@pytest.mark.parametrize(
    ("kwargs", "body", "expected"),
    [
        (
            {"title": "Core title", "author": "Jane Smith", "created": "2025-04-04T09:30:00"},
            BODY[1:],
            ("Core title", "Jane Smith", "2025-04-04"),
        ),
        (
            {"title": "Core title", "author": "Jane Smith", "created": "2025-04-04T09:30:00"},
            BODY,
            ("Allied ministers meet in Brussels", "Jane Smith", "2025-04-04"),
        ),
        # python-docx's template defaults (author "python-docx", created 2013) mean "unknown"
        ({}, BODY[1:], (None, None, None)),
        (
            {"title": "Document1.docx", "author": "Microsoft Office User"},
            BODY[1:],
            (None, None, None),
        ),
    ],
)
def test_read_docx_reads_core_properties(
    kwargs: dict[str, str], body: list[tuple[str, str]], expected: tuple[str | None, ...]
) -> None:
    doc = read_docx(make_docx(body, **kwargs), "brief.docx")
    assert (doc.title, doc.author, doc.date) == expected


def test_read_docx_merged_cells_once() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Ministers met in Brussels on Friday.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Pledges in 2025"
    for c, text in enumerate(["Germany", "France", "Italy"]):
        table.cell(1, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_docx(buffer.getvalue(), "brief.docx")
    assert [b.text for b in doc.blocks][1:] == ["Pledges in 2025", "Germany | France | Italy"]


def _without(data: bytes, member: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename != member:
                target.writestr(item, source.read(item.filename))
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "password-protected"),
        (b"PK\x03\x04 not really a zip", "corrupt or not a Word document"),
        (_without(make_docx(BODY), "word/document.xml"), "corrupt or not a Word document"),
        (make_docx(BODY)[:2000], "corrupt or not a Word document"),
        (make_docx([("Normal", "  "), ("Heading 1", "Only a heading")]), "no readable text"),
    ],
)
def test_read_docx_bad_files_raise_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=rf"^brief\.docx: .*{message}"):
        read_docx(data, "brief.docx")


DAMAGE_BASE = make_docx(BODY, table=[["Country", "Pledge"], ["Germany", "3 billion euros"]])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=len(DAMAGE_BASE)), junk=st.binary(max_size=64))
def test_read_docx_damaged_files_raise_only_input_error(cut: int, junk: bytes) -> None:
    damaged = DAMAGE_BASE[:cut] + junk + DAMAGE_BASE[cut + len(junk) :]
    try:
        doc = read_docx(damaged, "a.docx")
    except InputError as exc:
        assert str(exc).startswith("a.docx: ") and "\n" not in str(exc)
    else:
        assert_well_formed(doc)


@pytest.mark.libreoffice
def test_read_docx_written_by_libreoffice(tmp_path) -> None:
    page = tmp_path / "brief.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>Ministers meet</title></head><body>"
        "<h1>Ministers meet in Brussels</h1><p>NATO ministers met on Friday.</p>"
        "<h2>Support for Ukraine</h2><p>Allies pledged more than 20 billion euros.</p>"
        "<ul><li>Defence investment was discussed.</li></ul>"
        "<table><tr><td>Country</td><td>Pledge</td></tr></table></body></html>",
        encoding="utf-8",
    )
    (docx,) = convert([page], tmp_path, "docx:MS Word 2007 XML").values()
    doc = read_docx(docx.read_bytes(), "brief.docx")
    assert [(b.kind, b.text, b.section) for b in doc.blocks] == [
        ("heading", "Ministers meet in Brussels", "Ministers meet in Brussels"),
        ("paragraph", "NATO ministers met on Friday.", "Ministers meet in Brussels"),
        ("heading", "Support for Ukraine", "Support for Ukraine"),
        ("paragraph", "Allies pledged more than 20 billion euros.", "Support for Ukraine"),
        ("list_item", "Defence investment was discussed.", "Support for Ukraine"),
        ("paragraph", "Country | Pledge", "Support for Ukraine"),
    ]
    assert doc.title == "Ministers meet"


@pytest.mark.parametrize(
    ("style", "text"),
    [("Caption", "Table 1: British Airways results"), ("TOC Heading", "Contents")],
)
def test_read_docx_leaves_out_captions_and_contents(style: str, text: str) -> None:
    doc = read_docx(make_docx([*BODY[:2], (style, text), *BODY[2:]]), "report.docx")
    assert text not in doc.text
    assert [b.text for b in doc.blocks] == [t for s, t in BODY if s != "Title"]
