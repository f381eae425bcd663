"""Assembling a Document from a reader's parts: clean text, one blank line between blocks, offsets.

Every reader yields ``Part`` records in reading order; ``build_document`` joins them so that
``doc.text[b.start:b.end] == b.text`` for every block and ``section`` is the nearest heading above.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import InputError
from ..model import Block, Document

__all__ = [
    "BLOCK_KINDS",
    "CONTROL",
    "Part",
    "build_document",
    "clean_inline",
    "drop_release_trailer",
    "human_size",
]

BLOCK_KINDS = ("heading", "paragraph", "list_item")

# soft hyphen, zero-width characters and the byte-order mark carry no text
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# typographic ligatures ("ﬁ" in "ﬁnance") break word matching; NFKC would also flatten "²" and "½"
_LIGATURES = {
    0xFB00: "ff",
    0xFB01: "fi",
    0xFB02: "fl",
    0xFB03: "ffi",
    0xFB04: "ffl",
    0xFB05: "st",
    0xFB06: "st",
}
# control characters (category Cc) other than tab and line ends
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# a character reference inside a word is an export's accident ("communiqu&#233;", "S&#227;o",
# "Jerry&#8217;s"): it is decoded when it stands for a letter or a typographic quote or dash.
# Anywhere else ("&amp;", "&#x41;" between spaces) it is what the source says, and stays.
_REFERENCE = re.compile(
    r"(?<=\w)&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z]{2,8});"
    r"|&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z]{2,8});(?=\w)"
)
_REFERENCE_KINDS = ("L", "Pi", "Pf", "Pd")


def _reference(match: re.Match[str]) -> str:
    char = html.unescape(match.group(0))
    if len(char) == 1 and unicodedata.category(char).startswith(_REFERENCE_KINDS):
        return char
    return match.group(0)


_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


# a press release ends at "###" or "-ENDS-"; what follows is for journalists, not the story
_RELEASE_END = re.compile(r"^(?:(?:#\s*){3}|-*\s*ends\s*-*|-30-)$", re.IGNORECASE)
# ... and so are its notes to editors and contacts, even without an end mark
_RELEASE_NOTES = re.compile(
    r"^(?:notes? (?:to|for) editors?|editors?['’]?s? notes?|(?:media|press) (?:contacts?|"
    r"enquiries|inquiries|office)|for (?:further|more) information,? (?:please )?contact"
    r"|for (?:further|more) information)\b\s*[:.]?",
    re.IGNORECASE,
)
_NOTES_WORDS = 15


@dataclass(frozen=True)
class Part:
    """A block as a reader found it, before cleaning and placing: kind, raw text, heading level."""

    kind: str
    text: str
    level: int = 0


def clean_inline(text: str) -> str:
    """Return ``text`` as one clean line: references to letters inside words decoded, NFC, no
    ligatures, control or invisible characters, and single spaces."""
    if "&" in text:
        text = _REFERENCE.sub(_reference, text)
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_LIGATURES)
    return _SPACES.sub(" ", CONTROL.sub(" ", text)).strip()


def drop_release_trailer(parts: list[Part]) -> list[Part]:
    """Return ``parts`` without a press release's trailer: from an end mark ("###", "-ENDS-"), or
    a short "Notes to editors" / "Media contact" line in the second half, to the end."""
    end = next(
        (n for n, p in enumerate(parts) if n and _RELEASE_END.match(clean_inline(p.text))),
        len(parts),
    )
    parts = parts[:end]
    for n, part in enumerate(parts):
        text = clean_inline(part.text)
        if (
            n >= len(parts) / 2
            and _RELEASE_NOTES.match(text)
            and len(text.split()) <= _NOTES_WORDS
            and any(p.kind != "heading" for p in parts[:n])
        ):
            return parts[:n]
    return parts


def build_document(
    parts: Iterable[Part],
    *,
    location: str,
    format: str,
    title: str | None = None,
    date: str | None = None,
    author: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Document:
    """Return the Document made of ``parts`` and the given metadata (cleaned, empty means None).

    Raises ``InputError`` naming ``location`` when no part holds body text (headings alone are not
    a document).
    """
    chunks: list[str] = []
    blocks: list[Block] = []
    pos = 0
    section: str | None = None
    for part in drop_release_trailer(list(parts)):
        if part.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {part.kind!r} (valid: {', '.join(BLOCK_KINDS)})")
        text = clean_inline(part.text)
        if not text:
            continue
        if chunks:
            pos += 2
        heading = part.kind == "heading"
        if heading:
            section = text
        blocks.append(
            Block(
                part.kind, text, pos, pos + len(text), section, max(part.level, 1) if heading else 0
            )
        )
        chunks.append(text)
        pos += len(text)
    if not any(b.kind != "heading" for b in blocks):
        raise InputError(f"{location}: no readable text found")
    return Document(
        text="\n\n".join(chunks),
        blocks=tuple(blocks),
        title=_meta(title),
        date=date or None,
        author=_meta(author),
        outlet=_meta(outlet),
        url=url or None,
        location=location,
        format=format,
    )


def _meta(value: str | None) -> str | None:
    cleaned = clean_inline(value) if value else ""
    return cleaned or None


def human_size(n: int) -> str:
    """Return ``n`` bytes in words: "512 bytes", "1.5 KB", "50 MB"."""
    if n < 1024:
        return f"{n} bytes"
    value = float(n)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            return f"{value:.3g} {unit}"
    raise AssertionError("unreachable")
