"""Tests of format detection, ``read_source`` and ``read_sources``: paths, stdin, bad input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.ingest import DEFAULT_MAX_BYTES, READERS, detect_format, read_source, read_sources

from .helpers import assert_well_formed, make_docx, make_pdf

HTML = (
    b"<!DOCTYPE html><html><head><title>Ministers meet</title></head><body><article>"
    b"<p>NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday, focusing on "
    b"preparations for the upcoming NATO Summit in The Hague and on defence investment.</p>"
    b"</article></body></html>"
)
PDF = make_pdf([[("body", "NATO Foreign Ministers met in Brussels on Friday.")]])
DOCX = make_docx([("Normal", "NATO Foreign Ministers met in Brussels on Friday.")])


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"Plain words.", "a.txt", "txt"),
        (b"Plain words.", "a.TEXT", "txt"),
        (b"# Title\n\nWords.", "a.md", "md"),
        (b"Words.", "a.markdown", "md"),
        (HTML, "a.html", "html"),
        (HTML, "a.htm", "html"),
        (HTML, "a.txt", "html"),  # content wins over a wrong extension
        (HTML, "page", "html"),
        (b"<html><body><p>x</p></body></html>", "standard input", "html"),
        (PDF, "a.pdf", "pdf"),
        (PDF, "a.txt", "pdf"),
        (PDF, "report", "pdf"),
        (b"not a pdf at all", "a.pdf", "pdf"),  # the PDF reader says it is not one
        (DOCX, "a.docx", "docx"),
        (DOCX, "a.bin", "docx"),
        (b"PK\x03\x04broken", "a.docx", "docx"),
        (b"# Heading\n\nWords.", "standard input", "md"),
        (b"Title\n=====\n\nWords.", "standard input", "md"),
        (b"Words only.", "standard input", "txt"),
        (b"Words only.", "no-extension", "txt"),
        (b"# Heading\n\nWords.", "https://example.org/story", "md"),
    ],
)
def test_detect_format(data: bytes, name: str, expected: str) -> None:
    assert detect_format(data, name) == expected
    assert expected in READERS


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"a,b,c\n1,2,3", "a.csv", r"^a\.csv: unsupported file type '\.csv' \(supported: .*\.pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a.png", r"^a\.png: a PNG image, not a supported document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a.txt", r"^a\.txt: a PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50), "a.docx", r"^a\.docx: .*password-prot"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50), "a.doc", r"^a\.doc: old binary Office"),
        (b"PK\x03\x04" + bytes(30), "a.zip", r"^a\.zip: a ZIP archive, not a document"),
    ],
)
def test_detect_format_rejects_unsupported(data: bytes, name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        detect_format(data, name)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("folder", "dir", "is a folder, not a file"),
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b" \n\t\r\n  \n", "file is empty"),
        ("binary.txt", bytes(range(256)) * 8, "binary data"),
        ("data.xlsx", b"\x01\x02 numbers", "unsupported file type '.xlsx'"),
        ("corrupt.pdf", b"%PDF-1.4\n" + b"garbage " * 50, "corrupt PDF"),
        ("truncated.pdf", PDF[: len(PDF) // 3], "corrupt PDF"),
        ("fake.pdf", b"This is text, not a PDF.", "not a PDF file"),
        ("corrupt.docx", b"PK\x03\x04" + b"garbage" * 40, "corrupt or not a Word document"),
        ("truncated.docx", DOCX[: len(DOCX) // 2], "corrupt or not a Word document"),
        ("headings.md", b"# Title\n\n## Only headings\n", "no readable text"),
    ],
)
def test_read_source_bad_input_is_one_line_input_error(
    tmp_path: Path, name: str, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_source(path)
    text = str(caught.value)
    assert text.startswith(f"{path}: ") and message in text and "\n" not in text
    assert caught.value.exit_code == 2


def test_read_source_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Words and more words.\n" * 100)
    assert read_source(path, max_bytes=4096).text.startswith("Words")
    with pytest.raises(InputError, match=r"big\.txt: file is 2\.15 KB, over the 1 KB limit"):
        read_source(path, max_bytes=1024)
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


@pytest.mark.parametrize(
    ("suffix", "data", "fmt"),
    [
        (".txt", b"Ministers met in Brussels on Friday.\n\nThey discussed Ukraine.", "txt"),
        (".md", b"# Brief\n\n## Part\n\nMinisters met in Brussels on Friday.", "md"),
        (".html", HTML, "html"),
        (".pdf", PDF, "pdf"),
        (".docx", DOCX, "docx"),
    ],
)
def test_read_source_reads_each_format(tmp_path: Path, suffix: str, data: bytes, fmt: str) -> None:
    path = tmp_path / f"source{suffix}"
    path.write_bytes(data)
    for source in (path, str(path)):
        doc = read_source(source)
        assert doc.format == fmt and doc.location == str(path)
        assert "Ministers" in doc.text
        assert_well_formed(doc)


@pytest.mark.parametrize(
    ("data", "fmt", "first"),
    [
        (
            b"date 2025-04-04 By Eurasia Review\n\nMinisters met on Friday.",
            "txt",
            "Ministers met on Friday.",
        ),
        (b"# Brief\n\nMinisters met on Friday.", "md", "Ministers met on Friday."),
        (HTML, "html", "NATO Foreign Ministers wrapped up"),
        (PDF, "pdf", "NATO Foreign Ministers met"),
    ],
)
def test_read_source_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str, first: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = read_source("-")
    assert doc.format == fmt and doc.location == "standard input"
    assert doc.blocks[0].text.startswith(first)


@pytest.mark.parametrize(
    ("data", "max_bytes", "message"),
    [
        (b"", DEFAULT_MAX_BYTES, "standard input: empty"),
        (b"x" * 2000, 1024, "standard input: more than 1 KB, over the limit"),
    ],
)
def test_read_source_bad_standard_input(
    monkeypatch: pytest.MonkeyPatch, data: bytes, max_bytes: int, message: str
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    with pytest.raises(InputError, match=f"^{message}$"):
        read_source("-", max_bytes=max_bytes)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/a.txt", "javascript://x", "data://text"]
)
def test_read_source_rejects_other_url_schemes(url: str) -> None:
    with pytest.raises(InputError, match=r"unsupported URL scheme .*only http and https"):
        read_source(url)


def test_read_sources_reads_all_in_order(tmp_path: Path) -> None:
    paths = []
    for n, (suffix, data) in enumerate(((".html", HTML), (".pdf", PDF), (".docx", DOCX))):
        paths.append(tmp_path / f"s{n}{suffix}")
        paths[-1].write_bytes(data)
    docs = read_sources(paths)
    assert [d.format for d in docs] == ["html", "pdf", "docx"]
    assert [d.location for d in docs] == [str(p) for p in paths]


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["ok.txt", "missing.pdf", "ok.txt"], r"^source 2 of 3: .*missing\.pdf: no such file$"),
        (["ok.txt", "empty.txt"], r"^source 2 of 2: .*empty\.txt: file is empty$"),
        (["missing.pdf"], r"^.*missing\.pdf: no such file$"),
        ([], r"^no sources given$"),
        (["-", "-"], r"standard input \('-'\) can be read only once"),
    ],
)
def test_read_sources_names_the_failing_source(
    tmp_path: Path, names: list[str], message: str
) -> None:
    (tmp_path / "ok.txt").write_text("Ministers met on Friday.")
    (tmp_path / "empty.txt").write_text("")
    sources = [n if n == "-" else tmp_path / n for n in names]
    with pytest.raises(InputError, match=message):
        read_sources(sources)


def test_read_source_error_stays_on_one_line_for_odd_file_names(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert "\n" not in str(caught.value) and str(caught.value).endswith("lines.txt: file is empty")
