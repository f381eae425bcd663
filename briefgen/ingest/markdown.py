"""Reader that turns Markdown into a Document: headings become sections, lists list items.

The Markdown is parsed for structure only, never rendered: inline markup is reduced to its words
(``[text](url)`` to ``text``, ``**bold**`` to ``bold``), code blocks and images are left out, raw
HTML stays as written. A YAML-style front matter (``title:``, ``date:``, ``author:``,
``source:``) and a leading ``# Title`` give the metadata; the header
lines of plain text (bylines, dates) work too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..model import Document
from ._build import Part, build_document
from ._dates import find_date
from .text import decode_text, read_header, strip_dateline

__all__ = ["markdown_inline", "markdown_parts", "read_markdown"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEYS = {
    "title": "title",
    "date": "date",
    "published": "date",
    "author": "author",
    "authors": "author",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "site": "outlet",
    "url": "url",
    "link": "url",
}
_ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?P<char>=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(?=\S)")
_ATTRIBUTES = re.compile(r"\s*\{[#.][^}]*\}\s*$")  # Pandoc/kramdown "{#id .class}" after a heading
_QUOTE = re.compile(r"^ {0,3}> ?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")

_INLINE = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images carry no text of the body
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (re.compile(r"(`+)(.+?)\1"), r"\2"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_ESCAPED = "\ue000"  # private-use mark: an escaped character waits here while markup goes


def markdown_inline(text: str) -> str:
    """Return ``text`` with Markdown inline markup reduced to its words."""
    escaped: list[str] = []

    def hide(match: re.Match[str]) -> str:
        escaped.append(match.group(1))
        return _ESCAPED

    text = _ESCAPE.sub(hide, text.replace(_ESCAPED, ""))
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    restored = iter(escaped)
    return re.sub(_ESCAPED, lambda _: next(restored), text)


def read_markdown(data: bytes, location: str) -> Document:
    """Return the Document for Markdown ``data``; headings become sections.

    Raises ``InputError`` naming ``location`` for binary data or a file without body text.
    """
    raw = decode_text(data, location).replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(raw)
    if front:
        meta = _front_matter(front.group("body"))
        raw = raw[front.end() :]
    lines = raw.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    heading = _ATX.match(lines[first]) if first < len(lines) else None
    underline = lines[first + 1] if first + 1 < len(lines) else ""
    if heading and len(heading.group("marks")) == 1 and heading.group("text"):
        meta.setdefault("title", markdown_inline(heading.group("text")))
        first += 1
    elif first < len(lines) and re.match(r"^ {0,3}=+\s*$", underline):
        meta.setdefault("title", markdown_inline(lines[first].strip()))
        first += 2
    plain = first < len(lines) and not re.match(r"^\s*(?:#|[-*+>|]|\d+[.)])", lines[first])
    header, start = read_header(lines[first:], headline="title" not in meta and plain)
    parts = list(markdown_parts(lines[first + start :]))
    if parts and parts[0].kind == "paragraph":
        body, wire = strip_dateline(parts[0].text)
        parts[0] = Part("paragraph", body)
        meta.setdefault("outlet", wire or "")
    return build_document(
        parts,
        location=location,
        format="md",
        title=meta.get("title") or header.title,
        date=find_date(meta.get("date", "")) or header.date,
        author=meta.get("author") or header.author,
        outlet=meta.get("outlet") or header.outlet,
        url=meta.get("url"),
    )


def _front_matter(body: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in body.split("\n"):
        key, sep, value = line.partition(":")
        field = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if sep and field and value and field not in meta:
            meta[field] = value
    return meta


def markdown_parts(lines: Sequence[str]) -> Iterator[Part]:
    """Yield the headings, paragraphs, list items and table rows of Markdown ``lines``."""
    buffer: list[str] = []
    kind = "paragraph"
    fence: str | None = None

    def flush() -> Iterator[Part]:
        nonlocal buffer, kind
        if buffer:
            yield Part(kind, markdown_inline(" ".join(buffer)))
        buffer, kind = [], "paragraph"

    for n, line in enumerate(lines):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening:
            yield from flush()
            fence = opening.group("fence")
            continue
        stripped = line.strip()
        atx = _ATX.match(line)
        if not stripped or _RULE.match(line) and not (buffer and _SETEXT.match(line)):
            yield from flush()
        elif atx:
            yield from flush()
            text = _ATTRIBUTES.sub("", atx.group("text") or "")
            yield Part("heading", markdown_inline(text), len(atx.group("marks")))
        elif _SETEXT.match(line) and buffer and kind == "paragraph":
            level = 1 if line.strip().startswith("=") else 2
            text, buffer = " ".join(buffer), []
            yield Part("heading", markdown_inline(text), level)
        elif stripped.startswith("|") or (_is_table_row(stripped) and _next_is_rule(lines, n)):
            yield from flush()
            if not _TABLE_RULE.match(stripped):
                cells = [markdown_inline(c.strip()) for c in stripped.strip("|").split("|")]
                yield Part("paragraph", " | ".join(c for c in cells if c))
        elif _ITEM.match(line):
            yield from flush()
            kind, buffer = "list_item", [line[_ITEM.match(line).end() :]]  # type: ignore[union-attr]
        else:
            quote = _QUOTE.match(line)
            buffer.append(line[quote.end() :].strip() if quote else stripped)
    yield from flush()


def _is_table_row(line: str) -> bool:
    return "|" in line


def _next_is_rule(lines: Sequence[str], n: int) -> bool:
    return n + 1 < len(lines) and bool(_TABLE_RULE.match(lines[n + 1])) and "|" in lines[n + 1]
