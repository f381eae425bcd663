"""Tests of the PDF reader: paragraphs, headings, de-hyphenation, running heads, bad files."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import InputError
from briefgen.ingest.pdf import read_pdf

from .helpers import assert_well_formed, make_pdf, make_scanned_pdf, make_two_column_pdf

PAGE_ONE = [
    ("title", "Allied Ministers Meet"),
    ("heading", "Summary"),
    ("body", "NATO Foreign Ministers wrapped up two days of meetings in Brus-"),
    ("body", "sels on Friday, focusing on preparations for the upcoming summit."),
    ("gap", ""),
    ("body", "Allies have pledged more than 20 billion euros in military assis-"),
    ("body", "tance in the first quarter of 2025, the Secretary General said."),
]
PAGE_TWO = [
    ("heading", "Euro-Atlantic security"),
    ("body", "The ministers discussed the well-"),
    ("body", "known risks to the Euro-"),
    ("body", "Atlantic area and the well-known burden of defence spending."),
    ("gap", ""),
    ("body", "• Defence investment was discussed at a working lunch."),
    ("body", "• Ministers also met partners from the Indo-Pacific."),
]
PAGE_THREE = [("body", "The NATO Summit will take place in The Hague in June 2025.")]


def report(**kwargs: object) -> bytes:
    return make_pdf(
        [PAGE_ONE, PAGE_TWO, PAGE_THREE],
        header="Example Institute · Ministerial Review",
        footer=lambda n: f"Page {n} of 3",
        **kwargs,  # type: ignore[arg-type]
    )


def test_read_pdf_reads_paragraphs_headings_and_lists() -> None:
    doc = read_pdf(report(author="Jane Smith"), "report.pdf")
    assert [(b.kind, b.text, b.section) for b in doc.blocks] == [
        ("heading", "Summary", "Summary"),
        (
            "paragraph",
            "NATO Foreign Ministers wrapped up two days of meetings in Brussels on "
            "Friday, focusing on preparations for the upcoming summit.",
            "Summary",
        ),
        (
            "paragraph",
            "Allies have pledged more than 20 billion euros in military assistance in "
            "the first quarter of 2025, the Secretary General said.",
            "Summary",
        ),
        ("heading", "Euro-Atlantic security", "Euro-Atlantic security"),
        (
            "paragraph",
            "The ministers discussed the well-known risks to the Euro-Atlantic area and "
            "the well-known burden of defence spending.",
            "Euro-Atlantic security",
        ),
        (
            "list_item",
            "Defence investment was discussed at a working lunch.",
            "Euro-Atlantic security",
        ),
        (
            "list_item",
            "Ministers also met partners from the Indo-Pacific.",
            "Euro-Atlantic security",
        ),
        (
            "paragraph",
            "The NATO Summit will take place in The Hague in June 2025.",
            "Euro-Atlantic security",
        ),
    ]
    assert (doc.title, doc.author, doc.format) == ("Allied Ministers Meet", "Jane Smith", "pdf")
    assert doc.date is not None and len(doc.date) == 10
    assert_well_formed(doc)


@pytest.mark.parametrize("running", ["Example Institute", "Ministerial Review", "Page", "of 3"])
def test_read_pdf_drops_running_headers_and_footers(running: str) -> None:
    assert running not in read_pdf(report(), "report.pdf").text


def test_read_pdf_keeps_a_one_page_header_line() -> None:
    data = make_pdf([PAGE_THREE], header="Example Institute · Ministerial Review")
    assert read_pdf(data, "note.pdf").blocks[0].text == "Example Institute · Ministerial Review"


def test_read_pdf_prefers_a_real_metadata_title() -> None:
    doc = read_pdf(report(title="Ministerial Review 2025"), "report.pdf")
    assert doc.title == "Ministerial Review 2025"
    assert doc.blocks[0].text == "Allied Ministers Meet"  # the visible title stays in the body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (make_scanned_pdf(), "PDF has no text layer (a scanned PDF?); run OCR on it first"),
        (make_pdf([[]]), "PDF has no text"),
        (report(encrypt="secret"), "PDF is password-protected"),
        (report()[:1500], "corrupt PDF"),
        (b"%PDF-1.7\n%%EOF", "corrupt PDF"),
        (b"<html>not a pdf</html>", "not a PDF file"),
    ],
)
def test_read_pdf_bad_files_raise_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_pdf(data, "report.pdf")
    assert str(caught.value) == f"report.pdf: {message}" or str(caught.value).startswith(
        f"report.pdf: {message}"
    )


def test_read_pdf_reads_owner_password_only_pdfs() -> None:
    from reportlab.lib import pdfencrypt

    data = make_pdf([PAGE_THREE], encrypt=pdfencrypt.StandardEncryption("", ownerPassword="o"))
    assert read_pdf(data, "a.pdf").text == PAGE_THREE[0][1]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=4000), junk=st.binary(max_size=64))
def test_read_pdf_damaged_files_raise_only_input_error(cut: int, junk: bytes) -> None:
    data = make_pdf([PAGE_THREE])
    damaged = data[:cut] + junk + data[cut + len(junk) :]
    try:
        doc = read_pdf(damaged, "a.pdf")
    except InputError as exc:
        assert str(exc).startswith("a.pdf: ") and "\n" not in str(exc)
    else:
        assert_well_formed(doc)


def test_read_pdf_keeps_body_lines_that_recur_at_the_top_of_pages() -> None:
    page = [
        ("body", "The ministers met again on the following day."),
        ("body", "They discussed defence investment and Ukraine."),
        ("gap", ""),
    ]
    pages = [page + [("body", f"Day {n} ended with a statement.")] for n in range(1, 4)]
    doc = read_pdf(make_pdf(pages, header="Running head"), "days.pdf")
    assert doc.text.count("The ministers met again on the following day.") == 3
    assert "Running head" not in doc.text


def test_read_pdf_reads_two_columns_in_order(seed_path) -> None:
    from briefgen.ingest import read_source

    paragraphs = [b.text for b in read_source(seed_path).blocks]
    # two copies in different orders: the columns hold different text side by side
    paragraphs = paragraphs + paragraphs[::-1]
    data = make_two_column_pdf(paragraphs, title="Two column review", header="Alliance Review")
    doc = read_pdf(data, "columns.pdf")
    assert [b.text for b in doc.blocks] == paragraphs
    assert doc.title == "Two column review"
    assert_well_formed(doc)


@pytest.mark.parametrize("lines", [1, 4, 30])
def test_read_pdf_single_column_pages_are_not_split(lines: int) -> None:
    text = "Short lines of a single column report stay whole as they are written here."
    pages = [[("body", f"{n}. {text}") for n in range(lines)]]
    doc = read_pdf(make_pdf(pages), "one.pdf")
    assert all(text in b.text for b in doc.blocks)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("military assis-", "tance was pledged.", "military assistance was pledged."),
        ("the Euro-", "Atlantic area matters.", "the Euro-Atlantic area matters."),
        ("a well-", "known risk, a well-known risk.", "a well-known risk, a well-known risk."),
        ("in 2024-", "2025 the budget grew.", "in 2024-2025 the budget grew."),
    ],
)
def test_read_pdf_mends_words_broken_at_line_end(first: str, second: str, expected: str) -> None:
    doc = read_pdf(make_pdf([[("body", first), ("body", second)]]), "a.pdf")
    assert doc.text == expected


def test_read_pdf_numbered_headings_keep_their_numbers() -> None:
    pages = [
        [
            ("heading", "1. Introduction"),
            ("body", "The ministers met in Brussels."),
            ("heading", "2. Findings"),
            ("body", "1. The first finding is stated here."),
        ]
    ]
    doc = read_pdf(make_pdf(pages), "a.pdf")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "1. Introduction"),
        ("paragraph", "The ministers met in Brussels."),
        ("heading", "2. Findings"),
        ("list_item", "The first finding is stated here."),
    ]


def test_read_pdf_moves_footnotes_out_of_a_running_paragraph() -> None:
    pages = [
        [
            ("body", "Ministers opened the meeting on Thursday."),
            ("gap", ""),
            ("body", "After long talks the Allies agreed to"),
        ],
        [("body", "raise defence spending next year."), ("gap", ""), ("body", "The End.")],
    ]
    notes = {1: ["1 See the communique of 4 April 2025.", "2 Figures from national plans."]}
    doc = read_pdf(make_pdf(pages, notes=notes), "notes.pdf")
    assert [b.text for b in doc.blocks] == [
        "Ministers opened the meeting on Thursday.",
        "After long talks the Allies agreed to raise defence spending next year.",
        "The End.",
        "1 See the communique of 4 April 2025.",
        "2 Figures from national plans.",
    ]


def test_read_pdf_bugs_in_our_code_are_not_reported_as_corrupt_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefgen.ingest import pdf

    def broken(*args: object, **kwargs: object) -> list[object]:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(pdf, "_region_lines", broken)
    with pytest.raises(ZeroDivisionError):
        read_pdf(make_pdf([PAGE_THREE]), "a.pdf")


def test_read_pdf_reads_a_two_column_table_by_rows() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rows = [(f"Member state {n}", f"{n + 1} billion euros") for n in range(25)]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 780, "Pledges by Allies in the first quarter of 2025 were as follows.")
    for n, (label, value) in enumerate(rows):
        pdf.drawString(72, 750 - 14 * n, label)
        pdf.drawString(340, 750 - 14 * n, value)
    pdf.showPage()
    pdf.save()
    doc = read_pdf(buffer.getvalue(), "table.pdf")
    assert "Member state 3 4 billion euros" in doc.text
