"""Builders for the ingest tests: Document checks, DOCX and PDF fixtures made from text."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from briefgen.model import Document


def assert_well_formed(doc: Document) -> None:
    """Assert the Document contract: exact offsets, one blank line between blocks, sections."""
    assert doc.blocks, "no blocks"
    section = None
    for n, block in enumerate(doc.blocks):
        assert doc.text[block.start : block.end] == block.text
        assert block.text == block.text.strip() and "\n" not in block.text
        if block.kind == "heading":
            section = block.text
            assert block.level >= 1
        else:
            assert block.level == 0
        assert block.section == section
        if n:
            assert doc.text[doc.blocks[n - 1].end : block.start] == "\n\n"
    assert doc.blocks[0].start == 0 and doc.blocks[-1].end == len(doc.text)


def make_docx(
    items: Sequence[tuple[str, str]],
    *,
    title: str | None = None,
    author: str | None = None,
    created: str | None = None,
    table: Sequence[Sequence[str]] = (),
) -> bytes:
    """Return a .docx whose body is ``items`` ((style, text); style "Heading 1", "Title", ...)."""
    import datetime as dt

    import docx

    document = docx.Document()
    for style, text in items:
        document.add_paragraph(text, style=style)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    props = document.core_properties
    if title is not None:
        props.title = title
    if author is not None:
        props.author = author
    if created is not None:
        props.created = dt.datetime.fromisoformat(created)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(
    pages: Sequence[Sequence[tuple[str, str]]],
    *,
    title: str | None = None,
    author: str | None = None,
    header: str | None = None,
    footer: Callable[[int], str] | None = None,
    encrypt: Any = None,
    notes: dict[int, Sequence[str]] | None = None,
) -> bytes:
    """Return a PDF drawn line by line: each page a list of (style, line) with style "title",
    "heading", "body" or "gap" (an empty line: a paragraph break); running header and footer;
    ``notes`` maps a page number to footnote lines set small above the footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    if title:
        pdf.setTitle(title)
    if author:
        pdf.setAuthor(author)
    fonts = {
        "title": ("Helvetica-Bold", 20),
        "heading": ("Helvetica-Bold", 14),
        "body": ("Helvetica", 10),
    }
    width, height = A4
    for number, lines in enumerate(pages, start=1):
        if header:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(72, height - 36, header)
        if footer:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(72, 30, footer(number))
        for n, note in enumerate((notes or {}).get(number, ())):
            pdf.setFont("Helvetica", 7)
            pdf.drawString(72, 70 - 9 * n, note)
        y = height - 90
        for style, text in lines:
            if style == "gap":
                y -= 10
                continue
            font, size = fonts[style]
            pdf.setFont(font, size)
            pdf.drawString(72, y, text)
            y -= size * 1.3 + (6 if style != "body" else 0)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_two_column_pdf(paragraphs: Sequence[str], *, title: str, header: str) -> bytes:
    """Return a PDF with a full-width title over two columns of ``paragraphs``, a running header
    and a page number; later pages are two columns from top to bottom."""
    import html

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
    )

    styles = getSampleStyleSheet()
    width, height = A4
    margin, gap = 56.0, 18.0
    column = (width - 2 * margin - gap) / 2

    def columns(top: float) -> list[Frame]:
        return [
            Frame(margin + n * (column + gap), margin, column, height - 2 * margin - top)
            for n in range(2)
        ]

    def running(canvas: Any, doc: Any) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, height - 30, header)
        canvas.drawString(width / 2, 25, str(doc.page))

    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A4)
    title_frame = Frame(margin, height - margin - 60, width - 2 * margin, 60)
    doc.addPageTemplates(
        [
            PageTemplate("first", [title_frame, *columns(60)], onPage=running),
            PageTemplate("later", columns(0), onPage=running),
        ]
    )
    story: list[Any] = [Paragraph(title, styles["Title"]), FrameBreak(), NextPageTemplate("later")]
    story += [Paragraph(html.escape(p), styles["BodyText"]) for p in paragraphs]
    doc.build(story)
    return buffer.getvalue()


def make_scanned_pdf() -> bytes:
    """Return a one-page PDF holding only an image, as a scanner makes (no text layer)."""
    import zlib

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body).to_bytes(4, "big")
        return len(body).to_bytes(4, "big") + kind + body + crc

    pixels = b"".join(b"\x00" + b"\x80" * 8 for _ in range(8))  # 8x8 grey, one filter byte a row
    header = (8).to_bytes(4, "big") * 2 + b"\x08\x00\x00\x00\x00"
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels))
    png += chunk(b"IEND", b"")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawImage(ImageReader(io.BytesIO(png)), 72, 400, 400, 300)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
