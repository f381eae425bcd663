"""Reader that turns plain text into a Document: encoding, header lines, paragraphs and lists.

Header conventions understood at the top of the file, in any order:

- the seed's ``date 2025-04-04 By Eurasia Review`` (date and outlet);
- a headline: the first line, short, alone on its line, with no final full stop (the title);
- a byline ``By Jane Smith`` (the author) and a date line ``Published 4 April 2025``;
- a wire dateline opening the first paragraph, ``LONDON (Reuters) -`` (removed; gives the outlet).

The text is never interpreted as markup: ``<b>`` or ``{{ x }}`` stay as written.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..model import Block, Document
from ._build import CONTROL, Part, build_document
from ._dates import find_date
from ._furniture import drop_pasted_furniture

__all__ = [
    "Header",
    "decode_text",
    "read_header",
    "read_text",
    "split_blocks",
    "strip_dateline",
    "text_parts",
]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# UTF-8 read as cp1252 and saved again: "â€™" for "’", "Ã©" for "é": a lead byte, continuations
_CONTINUATION = "\u0080-\u00bf" + "".join(
    bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xA0)
)
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}}")

_SAMPLE = 200_000  # characters enough to judge an encoding by

_SEED_HEADER = re.compile(
    r"^date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+by\s+(?P<outlet>.+?))?$", re.IGNORECASE
)
_BYLINE = re.compile(r"^by\s+(?P<name>[^|,;:–—]+?)\s*(?:[|,;–—]\s*(?P<rest>.*))?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[a-z]{2,}[.!?]$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?)"
    r"(?:,\s+(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
    r"\s*(?:\((?P<outlet>[A-Z][\w&.' -]{1,40})\))?"
    r"\s*(?:-{1,2}|–|—)\s+(?=\S)"
)
# "(CNN)ESPN's ...", "Boston (CNN)Guilty ...", "(AP) — ...": a one-word wire tag, glued or dashed
_WIRE_TAG = re.compile(
    r"^(?:(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s+)?\((?P<outlet>[A-Z][A-Za-z&.]{1,15})\)"
    r"(?:\s*(?:-{1,2}|–|—)\s+|(?=[A-Z\"“‘']))"
)
_BULLET = re.compile(r"^\s*(?:[-*•◦▪–]|\d{1,3}[.)])\s+(?=\S)")
# the line a press release opens with, above its headline
_RELEASE_LINE = re.compile(
    r"^(?:for (?:immediate|general) release|(?:press|news|media) release|(?:embargoed|under "
    r"embargo|not for (?:publication|release))\b.*)$",
    re.IGNORECASE,
)
# a clock time alone on its line ("1300 GMT", "7.30pm") is a fact, never a heading
_TIME_LINE = re.compile(r"^\d{1,2}[:.]?\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4})?$", re.IGNORECASE)
# this many one-line short paragraphs in a row are a fact box (date, venue, kick-off), not headings
_FACT_BOX_RUN = 3
_BYLINE_ROLE_WORDS = 5
_ROLE_WORD = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|columnist|analyst|staff|desk|journalist"
    r"|contributor|producer|news)\b",
    re.IGNORECASE,
)
_SHORT_LINE_WORDS = 8


@dataclass(frozen=True)
class Header:
    """What the header lines of a text said: any of title, date, author, outlet."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    outlet: str | None = None


def decode_text(data: bytes, location: str) -> str:
    """Return ``data`` decoded: BOM, then UTF-8, UTF-16 without BOM, then the likeliest 8-bit code.

    Raises ``InputError`` naming ``location`` when the bytes are binary data rather than text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{location}: not valid {encoding.upper()} text") from exc
    text = _decode_without_bom(data, location)
    controls = len(CONTROL.findall(text)) - text.count("\x0c")  # form feeds part pages
    if controls > max(2, len(text) // 100):
        raise InputError(f"{location}: looks like binary data, not text")
    return text


def _decode_without_bom(data: bytes, location: str) -> str:
    if b"\x00" in data:
        odd, even = data[1::2].count(0), data[0::2].count(0)
        half = len(data) // 2
        if odd > 0.3 * half and even == 0:
            return _decode_or_binary(data, "utf-16-le", location)
        if even > 0.3 * half and odd == 0:
            return _decode_or_binary(data, "utf-16-be", location)
        raise InputError(f"{location}: looks like binary data, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_8bit(data)
    return _MOJIBAKE.sub(_unmangle, text)


def _unmangle(match: re.Match[str]) -> str:
    """Return the character a UTF-8 sequence read as cp1252 stood for, or the match unchanged."""
    try:
        char = _as_cp1252_bytes(match.group(0)).decode("utf-8")
    except UnicodeError:
        return match.group(0)
    # only characters mojibake commonly hides: Latin, Greek, Cyrillic, punctuation and symbols
    # (a legitimate "Ü»" would otherwise become a Syriac letter)
    plausible = ord(char) < 0x0250 or 0x0370 <= ord(char) < 0x0530 or 0x2000 <= ord(char) < 0x2C00
    return char if len(char) == 1 and plausible else match.group(0)


def _as_cp1252_bytes(text: str) -> bytes:
    """Return the bytes cp1252 decoding made ``text`` from; its 5 unmapped bytes passed through."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def _decode_or_binary(data: bytes, encoding: str, location: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{location}: looks like binary data, not text") from exc


def _decode_8bit(data: bytes) -> str:
    """Return ``data`` in cp1252 unless charset-normalizer's guess reads more like words."""
    from charset_normalizer import from_bytes

    candidates = ["cp1252"]
    best = from_bytes(data).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    decoded = []
    for encoding in candidates:
        try:
            decoded.append(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    if not decoded:
        return data.decode("latin-1")
    # symbols wedged between letters ("Ko¹cielny") betray the wrong code page; ties keep cp1252
    return min(decoded, key=lambda text: _oddities(text[:_SAMPLE]))


def _oddities(text: str) -> int:
    """Return how unlike words ``text`` reads.

    Symbols wedged between letters count, and so do accented Latin letters when they make up a
    third or more of the letters (another script read in the wrong code page).
    """
    count = 0
    for i in range(1, len(text) - 1):
        ch = text[i]
        category = unicodedata.category(ch)
        if (category[0] in "SC" or category in ("No", "Nl") or ch in "¿¡") and not ch.isspace():
            count += text[i - 1].isalpha() and text[i + 1].isalpha()
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 0x7F and "LATIN" in unicodedata.name(ch, ""))
    if accented >= len(letters) / 3:
        count += accented
    return count


def read_header(lines: Sequence[str], *, headline: bool = True) -> tuple[Header, int]:
    """Return the header found in the leading ``lines`` and the index of the first body line.

    ``headline=False`` leaves the first line alone when the caller already knows the title.
    """
    title = date = author = outlet = None
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        following = _next_line(lines, i)
        seed, byline = _SEED_HEADER.match(line), _BYLINE.match(line)
        if title is None and _RELEASE_LINE.match(line):
            pass  # "FOR IMMEDIATE RELEASE" is the release's furniture, not its headline
        elif seed:
            date = date or seed.group("date")
            outlet = outlet or seed.group("outlet")
        elif byline and author is None and _is_byline(line, byline.group("name")):
            author = byline.group("name")
            # "By Jane Smith" then "Business reporter" on its own line: the byline's second line
            if following is not None and _is_byline_role(following):
                i = next(j for j in range(i + 1, len(lines)) if lines[j].strip())
        elif date is None and _is_date_line(line):
            date = find_date(line)
        elif (
            headline
            and title is None
            and following is not None
            and (not lines[i + 1].strip() or _is_header_line(following))
            and _is_headline(line)
        ):
            title = line
        else:
            break
        i += 1
    return Header(title, date, author, outlet), i


def _next_line(lines: Sequence[str], i: int) -> str | None:
    return next((line.strip() for line in lines[i + 1 :] if line.strip()), None)


def _is_header_line(line: str) -> bool:
    byline = _BYLINE.match(line)
    return bool(
        _SEED_HEADER.match(line)
        or (byline and _is_byline(line, byline.group("name")))
        or _is_date_line(line)
    )


def _is_byline(line: str, name: str) -> bool:
    words = name.split()
    return (
        len(line) <= 100
        and 1 <= len(words) <= 8
        and name[0].isupper()
        and not _SENTENCE_END.search(line)
    )


def _is_byline_role(line: str) -> bool:
    """Return True for a byline's second line: a role or desk, short, lower-case after its first
    word ("Business reporter", "Political correspondent, BBC News")."""
    words = line.replace(",", " ").split()
    return (
        0 < len(words) <= _BYLINE_ROLE_WORDS
        and not _SENTENCE_END.search(line)
        and bool(_ROLE_WORD.search(line))
    )


def _is_date_line(line: str) -> bool:
    return len(line.split()) <= 10 and not _SENTENCE_END.search(line) and bool(find_date(line))


def _is_headline(line: str) -> bool:
    # headlines may end in a question or a closing quote ("Anglers 'could face prosecution'")
    bare = line.rstrip("\"'”’»")
    return (
        len(line) <= 150
        and bool(bare)
        and bare[-1] not in ".!:;,…"
        and any(c.isalpha() for c in line)
    )


def strip_dateline(text: str) -> tuple[str, str | None]:
    """Return ``text`` without a wire dateline ("LONDON (Reuters) - ", "(CNN)") and its outlet."""
    match = _DATELINE.match(text) or _WIRE_TAG.match(text)
    if not match or not re.match(r"[\w\"“‘']", text[match.end() :]):
        return text, None
    return text[match.end() :], match.group("outlet")


def text_parts(lines: Sequence[str]) -> Iterator[Part]:
    """Yield the paragraphs, list items and one-line headings of plain-text ``lines``."""
    paragraphs = _paragraphs(lines)
    boxed = _fact_box(paragraphs)
    for n, para in enumerate(paragraphs):
        if len(para) == 1 and n + 1 < len(paragraphs) and not boxed[n] and _is_heading(para[0]):
            yield Part("heading", para[0], 2)
            continue
        text: list[str] = []
        kind = "paragraph"
        for line in para:
            bullet = _BULLET.match(line)
            if bullet:
                if text:
                    yield Part(kind, _join(text))
                kind, text = "list_item", [line[bullet.end() :]]
            else:
                text.append(line)
        if text:
            yield Part(kind, _join(text))


def _paragraphs(lines: Sequence[str]) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _fact_box(paragraphs: Sequence[Sequence[str]]) -> list[bool]:
    """Return, for each paragraph, whether it is in a run of short one-line paragraphs too long to
    be headings (a match's date, venue and kick-off; a fact box's label and values)."""
    short = [
        len(p) == 1
        and len(p[0].split()) <= _SHORT_LINE_WORDS
        and not _BULLET.match(p[0])
        and not p[0].endswith((".", "?"))  # "He declined to comment." is a paragraph
        for p in paragraphs
    ]
    boxed = [False] * len(paragraphs)
    n = 0
    while n < len(short):
        end = n
        while end < len(short) and short[end]:
            end += 1
        if end - n >= _FACT_BOX_RUN:
            boxed[n:end] = [True] * (end - n)
        n = max(end, n + 1)
    return boxed


def _is_heading(line: str) -> bool:
    words = line.split()
    return (
        not _TIME_LINE.match(line)
        and not _is_date_line(line)
        and len(line) <= 80
        and len(words) <= 12
        and (line[0].isupper() or line[0].isdigit())
        and line[-1] not in ".!?:;,\"”'’…"
        and not _BULLET.match(line)
        and any(c.isalpha() for c in line)
    )


def _join(lines: Sequence[str]) -> str:
    """Return hard-wrapped ``lines`` as one line; a word broken at a hyphen keeps the hyphen."""
    out = [lines[0]]
    for line in lines[1:]:
        # only the end matters: searching the whole joined text each time was quadratic
        out.append(line if re.search(r"\w-$", out[-1][-2:]) else " " + line)
    return "".join(out)


def split_blocks(text: str) -> tuple[Block, ...]:
    """Return the paragraphs of ``text`` (separated by blank lines) as blocks with exact offsets.

    For callers that build a Document from text they already hold, as it is.
    """
    return tuple(
        Block("paragraph", m.group(0), m.start(), m.end())
        for m in re.finditer(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)", text, re.DOTALL)
    )


def read_text(data: bytes, location: str) -> Document:
    """Return the Document for plain-text ``data``: header lines give title, date, author, outlet.

    Raises ``InputError`` naming ``location`` for binary data or a file without body text.
    """
    raw = decode_text(data, location)
    return plain_document(raw, location, format="txt")


def plain_document(raw: str, location: str, *, format: str) -> Document:
    """Return the Document for decoded plain text ``raw``."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = drop_pasted_furniture(lines)
    header, first = read_header(lines)
    parts = list(text_parts(lines[first:]))
    outlet = header.outlet
    date = header.date
    if parts and parts[0].kind == "paragraph":
        body, wire = strip_dateline(parts[0].text)
        # "LEEDS, 3 March 2025 – ...": a dated dateline dates the story
        date = date or (find_date(parts[0].text[: len(parts[0].text) - len(body)]) or None)
        parts[0] = Part("paragraph", body)
        outlet = outlet or wire
    if not parts:
        raise InputError(f"{location}: no readable text found")
    return build_document(
        parts,
        location=location,
        format=format,
        title=header.title,
        date=date,
        author=header.author,
        outlet=outlet,
    )
