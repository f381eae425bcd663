"""Reader that turns a Word document (.docx) into a Document, with python-docx.

Body paragraphs and tables are read in order: "Heading N" styles (or an outline level) become
headings, list styles and numbered paragraphs list items, each table row one paragraph with its
cells joined by " | ". Captions and table-of-contents entries are left out. The "Title"
paragraph or the core properties give the title; core properties give the author and the date
(created).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO
from typing import Any

from ..errors import InputError
from ..model import Document
from ._build import Part, build_document, clean_inline, human_size
from ._dates import iso_date
from ._meta import real_value

__all__ = ["docx_parts", "read_docx"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
# a report's apparatus, not its text: captions ("Table 1: Results") and table-of-contents entries
_APPARATUS_STYLE = re.compile(
    r"^(?:caption|toc\s*(?:heading|\d)|table of figures|index\s*\d?)$", re.IGNORECASE
)


def read_docx(data: bytes, location: str) -> Document:
    """Return the Document for the .docx ``data``: paragraphs, headings, tables and properties.

    Raises ``InputError`` naming ``location`` when the file is password-protected, corrupt or not a
    Word document, or holds no text.
    """
    if data.startswith(_OLE):
        raise InputError(f"{location}: DOCX is password-protected (encrypted) or an old .doc file")
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import XMLSyntaxError
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise InputError(
            f"{location}: reading DOCX needs python-docx (pip install python-docx)"
        ) from exc
    _check_unpacked_size(data, location)
    try:
        document = docx.Document(BytesIO(data))
        parts = list(docx_parts(document))
        props = document.core_properties
        author, created, core_title = props.author, props.created, props.title
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        zlib.error,  # a damaged compressed member
        EOFError,
        KeyError,
        NotImplementedError,  # a member packed with an unknown method
        RuntimeError,  # an encrypted member
        XMLSyntaxError,
        ValueError,
    ) as exc:
        raise InputError(f"{location}: corrupt or not a Word document ({_why(exc)})") from exc
    title = None
    if parts and parts[0].kind == "heading" and parts[0].level == 0:
        title = clean_inline(parts.pop(0).text)
    parts = [Part(p.kind, p.text, max(p.level, 1)) if p.kind == "heading" else p for p in parts]
    author = real_value(author)
    return build_document(
        parts,
        location=location,
        format="docx",
        title=title or real_value(core_title),
        # a tool's default author marks default properties, whose date is the template's
        date=iso_date(created) if author or real_value(core_title) else None,
        author=author,
    )


def docx_parts(document: Any) -> Iterator[Part]:
    """Yield the parts of a python-docx ``document``; a "Title" paragraph is a level-0 heading."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    names: dict[str | None, str] = {}  # style id → name: python-docx looks a style up slowly

    def style_name(paragraph: Any) -> str:
        sid = paragraph._p.style
        if sid not in names:
            style = paragraph.style
            names[sid] = (style.name if style is not None else "") or ""
        return names[sid]

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            style = style_name(paragraph)
            if not _APPARATUS_STYLE.match(style):
                yield _paragraph_part(paragraph, style)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = clean_inline(cell.text)
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                yield Part("paragraph", " | ".join(cells))


def _paragraph_part(paragraph: Any, style: str) -> Part:
    text = paragraph.text
    if style.lower() == "title":
        return Part("heading", text, 0)
    heading = _HEADING_STYLE.match(style)
    if heading:
        return Part("heading", text, int(heading.group(1)))
    ppr = paragraph._p.pPr
    outline = ppr.find(_qn("w:outlineLvl")) if ppr is not None else None
    if outline is not None and (outline.get(_qn("w:val")) or "9").isdigit():
        level = int(outline.get(_qn("w:val"))) + 1
        if level <= 6:
            return Part("heading", text, level)
    if style.lower().startswith("list") or (ppr is not None and ppr.numPr is not None):
        return Part("list_item", text)
    return Part("paragraph", text)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _check_unpacked_size(data: bytes, location: str) -> None:
    """Raise ``InputError`` when the package unpacks to more than ``MAX_UNPACKED_BYTES``.

    The sizes a ZIP declares are what ``zipfile`` will unpack at most, so their sum is a bound.
    """
    from .. import limits

    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # python-docx says what is wrong with it
    if unpacked > limits.MAX_UNPACKED_BYTES:
        raise InputError(
            f"{location}: DOCX unpacks to {human_size(unpacked)}, over the "
            f"{human_size(limits.MAX_UNPACKED_BYTES)} limit"
        )


def _why(exc: Exception) -> str:
    return clean_inline(str(exc)).split(". ")[0][:80] or type(exc).__name__
