"""Acceptance: the seed article written as txt, Markdown, HTML, DOCX and PDF reads the same."""

from __future__ import annotations

import html
import io
from pathlib import Path

import pytest

from briefgen.ingest import read_source

from .helpers import assert_well_formed, make_docx


def seed_paragraphs(seed_path: Path) -> list[str]:
    return [b.text for b in read_source(seed_path).blocks]


def as_markdown(paragraphs: list[str]) -> bytes:
    return ("# NATO ministers meet\n\n" + "\n\n".join(paragraphs)).encode()


def as_html(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>NATO ministers meet</title>"
        "</head><body><nav><a href='/'>Home</a></nav><article><h1>NATO ministers meet</h1>"
        f"{body}</article><footer>All rights reserved.</footer></body></html>"
    ).encode()


def as_docx(paragraphs: list[str]) -> bytes:
    return make_docx([("Title", "NATO ministers meet")] + [("Normal", p) for p in paragraphs])


def as_pdf(paragraphs: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    story = [Paragraph("NATO ministers meet", styles["Title"])]
    story += [Paragraph(html.escape(p), styles["BodyText"]) for p in paragraphs]
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("suffix", "write"),
    [(".md", as_markdown), (".html", as_html), (".docx", as_docx), (".pdf", as_pdf)],
)
def test_every_format_reads_the_seed_paragraphs(
    tmp_path: Path, seed_path: Path, suffix: str, write
) -> None:
    paragraphs = seed_paragraphs(seed_path)
    path = tmp_path / f"seed{suffix}"
    path.write_bytes(write(paragraphs))
    doc = read_source(path)
    assert [b.text for b in doc.blocks] == paragraphs
    assert doc.title == "NATO ministers meet"
    assert_well_formed(doc)
