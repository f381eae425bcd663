"""Reader that turns plain text into a Document, understanding simple header lines.

The seed's convention ``date 2025-04-04 By Eurasia Review`` on the first line gives date and outlet.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Block, Document

__all__ = ["read_text", "split_blocks"]

_HEADER = re.compile(
    r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+by\s+(?P<outlet>.+?))?\s*$", re.IGNORECASE
)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: looks like binary data, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def split_blocks(text: str) -> tuple[Block, ...]:
    """Return the paragraphs of ``text`` (separated by blank lines) as blocks with offsets."""
    blocks = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", text, re.DOTALL):
        blocks.append(Block("paragraph", match.group(0), match.start(), match.end()))
    return tuple(blocks)


def read_text(data: bytes, location: str) -> Document:
    """Return the Document for plain-text ``data``; a header line gives date and outlet."""
    raw = _decode(data, location).replace("\r\n", "\n").replace("\r", "\n")
    lines = raw.split("\n")
    date = outlet = None
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        header = _HEADER.match(lines[first])
        if header:
            date, outlet = header.group("date"), header.group("outlet")
            lines = lines[first + 1 :]
    body = "\n".join(lines).strip()
    # one blank line between paragraphs, whatever the source used
    body = re.sub(r"\n\s*\n+", "\n\n", body)
    if not body:
        raise InputError(f"{location}: no text in the file")
    blocks = split_blocks(body)
    title = None
    # a short first paragraph without closing punctuation is a headline
    if len(blocks) > 1 and len(blocks[0].text) <= 150 and blocks[0].text[-1] not in ".!?\"”'’:":
        title = blocks[0].text
        body = body[blocks[1].start :]
        blocks = split_blocks(body)
    return Document(
        text=body, blocks=blocks, title=title, date=date, outlet=outlet, location=location
    )
