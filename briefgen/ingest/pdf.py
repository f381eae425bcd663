"""Reader that turns a PDF's text layer into a Document, with pdfplumber (pdfminer.six).

pdfplumber rather than pypdf because it gives every character's position, size and font: the
vertical gaps between lines make paragraphs, larger or bold lines make headings, lines that
repeat at the top or bottom of most pages are running headers and footers to drop, and a gutter
free of words splits a two-column page into columns read in turn. Words broken
at a line-end hyphen are joined ("inter-" + "national" = "international") unless the document
writes the hyphenated form elsewhere. A PDF with no text layer (a scan) raises ``InputError``.
"""

from __future__ import annotations

import itertools
import logging
import re
import statistics
import traceback
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from io import BytesIO
from typing import Any

from ..errors import InputError
from ..limits import LEAD_PAGES, pages_to_read
from ..model import Document
from ._build import Part, build_document, clean_inline
from ._columns import reading_regions
from ._dates import iso_date
from ._meta import real_value

__all__ = ["Line", "lines_to_parts", "move_footnotes", "read_pdf", "remove_running_lines"]

log = logging.getLogger("briefgen")

_BULLET = re.compile(r"^(?:[•●◦▪■–\-*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+(?=\S)")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_UNMAPPED_BULLET = re.compile(r"^\(cid:\d+\)\s+")
_UNMAPPED = re.compile(r"\(cid:\d+\)")
_MARGIN_ZONE = 0.12  # top and bottom share of the page where running heads and feet live


@dataclass(frozen=True)
class Line:
    """A line of text on a page: its words, position (points from the top), font size and weight.

    ``region`` numbers the page's parts in reading order; ``side`` is 0 for full width, 1 for the
    left and 2 for the right column.
    """

    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    page_height: float = 842.0
    region: int = 0
    side: int = 0


def read_pdf(data: bytes, location: str) -> Document:
    """Return the Document for the PDF ``data``: paragraphs, headings, title, author and date.

    Raises ``InputError`` naming ``location`` when the PDF is password-protected, corrupt, or has
    no text layer (a scanned PDF).
    """
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{location}: not a PDF file (no %PDF header): corrupt or mislabelled")
    pages, images, meta = _extract(data, location)
    lines = [line for page in pages for line in page]
    if not lines:
        if images:
            raise InputError(
                f"{location}: PDF has no text layer (a scanned PDF?); run OCR on it first"
            )
        raise InputError(f"{location}: PDF has no text")
    lines = move_footnotes(remove_running_lines(pages))
    parts = list(lines_to_parts(lines))
    title = real_value(meta.get("Title"))
    # the opening heading is the title when it is the only one of the top size ("Section 1" of
    # several same-size section headings is not)
    top = [p for p in parts if p.kind == "heading" and p.level == 1]
    if (
        parts
        and parts[0].kind == "heading"
        and len(top) == 1
        and parts[0] is top[0]
        and (title is None or clean_inline(parts[0].text).casefold() == title.casefold())
    ):
        title = clean_inline(parts.pop(0).text)
    return build_document(
        parts,
        location=location,
        format="pdf",
        title=title,
        date=iso_date(meta.get("CreationDate")),
        author=real_value(meta.get("Author")),
    )


def _extract(data: bytes, location: str) -> tuple[list[list[Line]], int, dict[str, Any]]:
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError as exc:  # pragma: no cover - a dependency
        raise InputError(
            f"{location}: reading PDF needs pdfplumber (pip install pdfplumber)"
        ) from exc
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            meta = {k: _meta_text(v) for k, v in (pdf.metadata or {}).items()}
            pages, images = [], 0
            every = pdf.pages
            chosen = pages_to_read(len(every))
            if len(chosen) < len(every):
                log.warning(
                    "%s: read %d of %d pages (the first %d, then pages spread evenly)",
                    location,
                    len(chosen),
                    len(every),
                    LEAD_PAGES,
                )
            for number in chosen:
                page = every[number]
                pages.append(_page_lines(page, number))
                images += len(page.images)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputError(f"{location}: PDF is password-protected") from exc
        raise InputError(f"{location}: corrupt PDF ({_why(cause)})") from exc
    except Exception as exc:
        # pdfminer raises many types on damaged files; an error raised in our own code is a bug
        if not _raised_in_library(exc):
            raise
        raise InputError(f"{location}: corrupt PDF ({_why(exc)})") from exc
    return pages, images, meta


def _raised_in_library(exc: BaseException) -> bool:
    """Return True when ``exc`` was raised inside pdfminer or pdfplumber (or below them)."""
    frames = list(traceback.walk_tb(exc.__traceback__))
    names = [frame.f_code.co_filename.replace("\\", "/") for frame, _ in frames]
    ours = [n for n, name in enumerate(names) if "/briefgen/" in name]
    theirs = [n for n, name in enumerate(names) if "/pdfminer/" in name or "/pdfplumber/" in name]
    return bool(theirs) and (not ours or max(theirs) > max(ours))


def _meta_text(value: Any) -> Any:
    if isinstance(value, bytes):
        for encoding in ("utf-16", "utf-8", "latin-1"):
            try:
                return value.decode(encoding)
            except UnicodeDecodeError:
                continue
    return value


def _why(exc: BaseException) -> str:
    return clean_inline(str(exc))[:80] or type(exc).__name__


def _page_lines(page: Any, number: int) -> list[Line]:
    """Return the lines of ``page`` in reading order, column by column on a two-column page."""
    words = page.extract_words(use_text_flow=False)
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    regions = reading_regions(words, (x0, top, x1, bottom))
    if len(regions) == 1:
        return _region_lines(page, number, float(page.height), 0, 0)
    lines: list[Line] = []
    for n, region in enumerate(regions):
        part = page.within_bbox(region.bbox)
        lines += _region_lines(part, number, float(page.height), n, region.side)
    return lines


def _region_lines(page: Any, number: int, page_height: float, region: int, side: int) -> list[Line]:
    lines = []
    for raw in page.extract_text_lines(strip=True, return_chars=True):
        chars = [c for c in raw["chars"] if c.get("text", "").strip()]
        # a glyph without Unicode mapping at the start of a line is a bullet symbol; elsewhere noise
        raw_text = re.sub("[\u00ad¬]\\s*$", "-", raw["text"])  # a soft hyphen breaking a word
        text = _UNMAPPED.sub("", _UNMAPPED_BULLET.sub("• ", clean_inline(raw_text)))
        text = clean_inline(text)
        if not text or not chars:
            continue
        size = statistics.median(round(float(c.get("size", 0)), 1) for c in chars)
        bold = sum(_is_bold(c.get("fontname", "")) for c in chars) > 0.8 * len(chars)
        lines.append(
            Line(
                text,
                number,
                float(raw["top"]),
                float(raw["bottom"]),
                float(raw["x0"]),
                float(raw["x1"]),
                size,
                bold,
                page_height,
                region,
                side,
            )
        )
    return lines


def _is_bold(fontname: str) -> bool:
    return bool(re.search(r"bold|black|heavy|semibold|demi", fontname, re.IGNORECASE))


def remove_running_lines(pages: Sequence[Sequence[Line]]) -> list[Line]:
    """Return the lines of ``pages`` without running headers, footers and page numbers.

    A running line sits in the top or bottom margin zone, set apart from the text next to it by
    more than a line's spacing, and recurs at the same height (digits ignored) on at least half the
    pages and on two or more; a lone page number there goes too.
    """
    marginal = {id(x): band for page in pages for x, band in _margin_lines(page)}

    def key(line: Line) -> tuple[str, int, str]:
        # producers print a running line at the same height on every page
        return marginal[id(line)], round(line.top / 4), re.sub(r"\d+", "#", line.text.casefold())

    counts = Counter(k for page in pages for k in {key(x) for x in page if id(x) in marginal})
    need = max(2, (len(pages) + 1) // 2)
    return [
        line
        for page in pages
        for line in page
        if id(line) not in marginal
        or not (counts[key(line)] >= need or _PAGE_NUMBER.match(line.text))
    ]


def _margin_lines(page: Sequence[Line]) -> Iterator[tuple[Line, str]]:
    """Yield the lines of ``page`` in its top or bottom margin zone, apart from the body text."""
    for i, line in enumerate(page):
        if line.top < _MARGIN_ZONE * line.page_height:
            below = page[i + 1] if i + 1 < len(page) else None
            if below is None or below.top - line.top > 1.6 * max(line.size, below.size):
                yield line, "top"
        elif line.bottom > (1 - _MARGIN_ZONE) * line.page_height:
            above = page[i - 1] if i else None
            if above is None or line.top - above.top > 1.6 * max(line.size, above.size):
                yield line, "bottom"


def move_footnotes(lines: Sequence[Line]) -> list[Line]:
    """Return ``lines`` with each page's footnotes moved to the end of the document.

    Footnotes are the lines in small type (at most 85 % of the body size) that close a page in its
    lower part; left in place they would cut a paragraph running on to the next page in two.
    """
    if not lines:
        return []
    body_size = _body_size(lines)
    kept: list[Line] = []
    notes: list[Line] = []
    for _, group in itertools.groupby(lines, key=lambda x: x.page):
        page = list(group)
        tail = 0
        while tail < len(page) - 1:
            line = page[-1 - tail]
            if line.size > 0.85 * body_size or line.top < 0.6 * line.page_height:
                break
            tail += 1
        kept += page[: len(page) - tail]
        notes += page[len(page) - tail :]
    return kept + notes


def _body_size(lines: Sequence[Line]) -> float:
    """Return the font size set in most characters of ``lines``."""
    sizes = Counter(round(x.size) for x in lines for _ in range(len(x.text)))
    return float(sizes.most_common(1)[0][0])


def lines_to_parts(lines: Sequence[Line]) -> Iterator[Part]:
    """Yield the headings, paragraphs and list items the ``lines`` of a PDF make, in order."""
    if not lines:
        return
    body_size = _body_size(lines)
    body_bold = sum(len(x.text) for x in lines if x.bold) > 0.5 * sum(len(x.text) for x in lines)
    heading_sizes = sorted(
        {round(x.size) for x in lines if _is_heading(x, body_size, body_bold)}, reverse=True
    )
    words = _document_words(lines)
    spacing = _typical_spacing(lines)
    right = {
        side: Counter(round(x.x1) for x in lines if x.side == side).most_common(1)[0][0]
        for side in {x.side for x in lines}
    }

    current: list[Line] = []
    kind = "paragraph"

    def flush() -> Iterator[Part]:
        nonlocal current, kind
        if current:
            text = _join(current, words)
            if kind == "heading":
                level = heading_sizes.index(round(current[0].size)) + 1
                yield Part("heading", text, min(level, 6))
            else:
                yield Part(kind, text)
        current, kind = [], "paragraph"

    for line in lines:
        heading = _is_heading(line, body_size, body_bold)
        bullet = None if heading else _BULLET.match(line.text)  # "1. Introduction" stays whole
        if current:
            prev = current[-1]
            # a new page or column continues the paragraph unless the last line ended a sentence
            new_page = (line.page, line.region) != (prev.page, prev.region)
            gap = line.top - prev.top
            if (
                heading != (kind == "heading")
                or (heading and abs(line.size - prev.size) > 0.5)
                or bullet
                or (new_page and _SENTENCE_END.search(prev.text))
                # larger type has wider line spacing: a wrapped heading stays one heading
                or (not new_page and (gap > 1.35 * max(spacing, 1.2 * prev.size) or gap < 0))
                or (
                    not new_page
                    and _SENTENCE_END.search(prev.text)
                    and prev.x1 < right[prev.side] - 0.15 * (right[prev.side] - prev.x0)
                    and kind != "heading"
                )
            ):
                yield from flush()
        if not current:
            kind = "heading" if heading else "list_item" if bullet else "paragraph"
            if bullet:
                line = replace(line, text=line.text[bullet.end() :])
        current.append(line)
    yield from flush()


def _is_heading(line: Line, body_size: float, body_bold: bool) -> bool:
    short = len(line.text.split()) <= 15 and not line.text.endswith(".")
    bigger = line.size >= body_size * 1.15
    return short and (bigger or (line.bold and not body_bold and line.size >= body_size - 0.5))


def _typical_spacing(lines: Sequence[Line]) -> float:
    """Return the usual distance between the tops of two lines of one paragraph.

    That is the commonest spacing between neighbouring lines of the same size (the smaller one on
    a tie): paragraph gaps and headings are rarer than lines. In a short text with few, wide gaps
    it is 1.2 times the body size.
    """
    gaps = Counter(
        round(b.top - a.top)
        for a, b in zip(lines, lines[1:], strict=False)
        if (a.page, a.region) == (b.page, b.region)
        and abs(a.size - b.size) < 0.5
        and 0 < b.top - a.top < 3 * b.size
    )
    usual = 1.2 * _body_size(lines)  # the common leading of body text
    if not gaps:
        return usual
    spacing, seen = min(gaps.items(), key=lambda item: (-item[1], item[0]))
    # a handful of wide gaps in a short text are paragraph gaps, not the line spacing
    return float(spacing) if seen >= 5 or spacing <= 1.6 * usual / 1.2 else usual


def _document_words(lines: Sequence[Line]) -> set[str]:
    return {w.casefold() for x in lines for w in re.findall(r"\w+(?:-\w+)*", x.text)}


def _join(lines: Sequence[Line], words: set[str]) -> str:
    """Return ``lines`` as one line, mending words broken at a line-end hyphen."""
    out = lines[0].text
    for line in lines[1:]:
        text = line.text
        broken = re.search(r"(\w+)-$", out)
        following = re.match(r"\w+", text)
        if broken and following:
            head, tail = broken.group(1), following.group(0)
            hyphenated = f"{head}-{tail}".casefold() in words
            whole = f"{head}{tail}".casefold() in words
            if tail[0].islower() and (whole or not hyphenated):
                out = out[:-1] + text
            else:
                out += text
        else:
            out += " " + text
    return out
