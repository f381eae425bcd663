"""Reader that turns an HTML page into a Document: its main content and metadata, via trafilatura.

Before extraction the page loses what is never article text: scripts, navigation, footers, forms,
dialogs, and elements whose class or id names a cookie banner, a newsletter or subscribe box, an
advert or a share bar. trafilatura (2.x) then finds the main content and the metadata (title,
date, author, site name); after it, short paragraphs that are boilerplate calls to action ("Sign up
to our newsletter", "We use cookies") are dropped too.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Document
from ._build import Part, build_document, clean_inline, human_size
from ._dates import iso_date
from ._furniture import is_boilerplate
from .text import decode_text

__all__ = ["html_document", "is_boilerplate", "read_html"]

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "canvas",
    "button",
    "select",
    "dialog",
)
_DROP_ROLES = {
    "navigation",
    "banner",
    "contentinfo",
    "dialog",
    "alertdialog",
    "complementary",
    "search",
}
_DROP_TOKENS = {
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "cmp",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "subscriptions",
    "signup",
    "paywall",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsored",
    "share",
    "sharing",
    "social",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "related",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "comments",
}
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset|<\?xml[^>]+encoding", re.IGNORECASE)
_KEEP_TAGS = {"html", "body", "main", "article"}
# what a page may hold in bulk without adding text to extract: scripts, styles, SVG, data: URIs
_BULK = re.compile(r"<(script|style|svg)\b.*?</\1\s*>|data:[^\"')\s]{256,}", re.S | re.I)
_BULK_BYTES = re.compile(_BULK.pattern.encode(), re.S | re.I)


def _check_size(data: bytes | str, location: str) -> None:
    """Raise ``InputError`` when the page's markup is over ``limits.MAX_HTML_BYTES``."""
    from .. import limits

    if len(data) <= limits.MAX_HTML_BYTES:
        return
    rest = _BULK.sub("", data) if isinstance(data, str) else _BULK_BYTES.sub(b"", data)
    if len(rest) > limits.MAX_HTML_BYTES:
        raise InputError(
            f"{location}: HTML page holds {human_size(len(rest))} of markup, over the "
            f"{human_size(limits.MAX_HTML_BYTES)} limit; save its text as .txt to brief it"
        )


def read_html(data: bytes, location: str) -> Document:
    """Return the Document for the HTML page ``data``: main text, title, date, author, site.

    Raises ``InputError`` naming ``location`` when the page has no readable main text.
    """
    return html_document(data, location)


def html_document(data: bytes | str, location: str, *, url: str | None = None) -> Document:
    """Return the Document for the HTML ``data`` read from ``location`` (fetched from ``url``)."""
    try:
        import trafilatura
        from lxml import etree
    except ImportError as exc:  # pragma: no cover - both are dependencies
        raise InputError(
            f"{location}: reading HTML needs trafilatura (pip install trafilatura)"
        ) from exc
    _check_size(data, location)
    if isinstance(data, bytes) and not _DECLARED_CHARSET.search(data[:4096]):
        data = decode_text(data, location)  # our guess beats a mojibake when the page is silent
    tree = trafilatura.load_html(data)
    if tree is None:
        raise InputError(f"{location}: not readable as HTML")
    _drop_boilerplate(tree)
    options: dict[str, Any] = dict(
        url=url,
        output_format="xml",
        with_metadata=True,
        include_tables=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        # a date only from the page's markup: the extensive search guesses one from the text
        # ("in the first quarter of 2025" became 2025-01-01)
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    # extraction prunes the tree it is given: the second, more lenient try needs the original
    xml = trafilatura.extract(copy.deepcopy(tree), **options) or trafilatura.extract(
        tree, favor_recall=True, **options
    )
    if not xml:
        raise InputError(f"{location}: no readable main text in the page")
    root = etree.fromstring(xml.encode("utf-8"))
    meta = dict(root.attrib)
    title = clean_inline(meta.get("title") or "") or None
    parts = [p for p in _xml_parts(root.find("main")) if not is_boilerplate(p.text)]
    if parts and title and parts[0].kind == "heading" and _same(parts[0].text, title):
        parts = parts[1:]
    page_url = url or meta.get("url")
    return build_document(
        parts,
        location=location,
        format="html",
        title=title,
        date=iso_date(meta.get("date")),
        author=meta.get("author"),
        outlet=meta.get("sitename") or _host(page_url),
        url=page_url,
    )


def _drop_boilerplate(tree: Any) -> None:
    page_chars = len(clean_inline(" ".join(tree.itertext())))
    doomed: list[Any] = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments and processing instructions
            continue
        tag = el.tag.lower()
        if tag in _KEEP_TAGS:
            continue
        if tag in _DROP_TAGS:
            doomed.append(el)
        elif _named_boilerplate(el) and not _holds_article(el, page_chars):
            doomed.append(el)
    gone: set[int] = set()
    for el in doomed:
        gone.add(id(el))
        if el.getparent() is None or any(id(a) in gone for a in el.iterancestors()):
            continue
        _remove_keeping_tail(el)


def _named_boilerplate(el: Any) -> bool:
    tokens = set(re.split(r"[\s_-]+", f"{el.get('class', '')} {el.get('id', '')}".lower()))
    return bool(
        el.get("role", "").lower() in _DROP_ROLES
        or el.get("aria-modal") == "true"
        or el.get("hidden") is not None
        or tokens & _DROP_TOKENS
    )


def _holds_article(el: Any, page_chars: int) -> bool:
    """Return True when ``el`` wraps the article itself ("page has-sidebar"), so must stay."""
    if any(True for _ in el.iter("article", "main", "h1")):
        return True
    return len(clean_inline(" ".join(el.itertext()))) > 0.4 * max(page_chars, 1)


def _remove_keeping_tail(el: Any) -> None:
    parent = el.getparent()
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _xml_parts(main: Any) -> Iterator[Part]:
    if main is None:
        return
    for el in main:
        tag = el.tag
        if tag == "head":
            level = re.sub(r"\D", "", el.get("rend", "")) or "2"
            yield Part("heading", _text(el), int(level))
        elif tag == "list":
            yield from _list_items(el)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [clean_inline(_text(cell)) for cell in row if cell.tag == "cell"]
                yield Part("paragraph", " | ".join(c for c in cells if c))
        elif tag in ("p", "quote"):
            yield Part("paragraph", _text(el))
        # code, graphics and anything else are not prose


def _list_items(el: Any) -> Iterator[Part]:
    for item in el:
        if item.tag != "item":
            continue
        nested = [child for child in item if child.tag == "list"]
        for child in nested:
            item.remove(child)
        yield Part("list_item", _text(item))
        for child in nested:
            yield from _list_items(child)


def _text(el: Any) -> str:
    """Return the text of ``el`` with line breaks as spaces (itertext would glue the words)."""
    pieces = [el.text or ""]
    for child in el:
        pieces.append(" " if child.tag == "lb" else _text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _same(a: str, b: str) -> bool:
    return clean_inline(a).casefold() == clean_inline(b).casefold()


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
