"""Text for the page: markup escaping with font fallback, big numbers, dates, key-point groups.

Shared by the planner and every renderer, so that the PDF and the DOCX show the same words.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape as _xml_escape

from briefgen.fonts import FALLBACK_NAME, split_runs
from briefgen.model import Figure, KeyPoint, SourceInfo

__all__ = [
    "BigNumber",
    "attribute",
    "big_number",
    "clean",
    "format_date",
    "group_key_points",
    "is_link",
    "location_label",
    "markup",
    "source_line",
    "strip_controls",
    "title_text",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACE = re.compile(r"\s+")


def strip_controls(text: str) -> str:
    """Return ``text`` without control characters (which neither PDF markup nor XML allow)."""
    return _CONTROL.sub("", text)


def clean(text: str | None) -> str:
    """Return ``text`` on one line: control characters removed, runs of whitespace collapsed."""
    if not text:
        return ""
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


_LINK = re.compile(r"^(?:https?|mailto):", re.IGNORECASE)


def is_link(url: str | None) -> bool:
    """Return True when ``url`` may become a clickable link: http(s) or mailto only (a "#x"
    would be a destination inside the PDF, a "javascript:" one an action)."""
    return bool(url and _LINK.match(clean(url)))


def markup(text: str | None) -> str:
    """Return ``text`` as literal reportlab paragraph markup, switching to the fallback font
    for characters Arimo lacks (or a visible placeholder when no installed font has them)."""
    out = []
    for kind, run in split_runs(clean(text)):
        esc = _xml_escape(run, {'"': "&quot;"})
        out.append(f'<font name="{FALLBACK_NAME}">{esc}</font>' if kind == "fallback" else esc)
    return "".join(out)


TITLE_LIMIT = 240


def title_text(title: str | None) -> str:
    """Return the title for the page: cleaned, cut at a word before ``TITLE_LIMIT`` characters
    with an ellipsis (a title longer than that is a page of its own), "Briefing" when empty."""
    text = clean(title)
    if len(text) > TITLE_LIMIT:
        cut = text[:TITLE_LIMIT].rsplit(" ", 1)[0] or text[:TITLE_LIMIT]
        text = cut.rstrip(" ,;:") + "…"
    return text or "Briefing"


def attribute(text: str | None) -> str:
    """Return ``text`` escaped for a markup attribute value in double quotes (e.g. an href)."""
    return _xml_escape(clean(text), {'"': "&quot;"})


def plain(text: str | None) -> str:
    """Return ``text`` cleaned, characters no installed font has replaced by a placeholder."""
    return "".join(run for _, run in split_runs(clean(text)))


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def format_date(iso: str | None) -> str:
    """Return an ISO date as "4 April 2025" ("April 2025", "2025" for partial dates); other
    strings are returned cleaned, None as ""."""
    if not iso:
        return ""
    text = clean(iso)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        return text
    year, month, day = m.groups()
    try:
        if day:
            d = _dt.date(int(year), int(month), int(day))
            return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
        if month and 1 <= int(month) <= 12:
            return f"{_MONTHS[int(month) - 1]} {year}"
    except ValueError:
        return text
    return year


# ----------------------------------------------------------------------------- big numbers

@dataclass(frozen=True)
class BigNumber:
    """How a figure shows in the numbers box: ``qualifier`` (small, before), ``big``, ``rest``."""

    qualifier: str
    big: str
    rest: str
    numeric: bool = True


_QUALIFIERS = (
    "more than", "over", "upwards of", "in excess of", "at least", "almost", "nearly",
    "about", "around", "roughly", "approximately", "some", "up to", "less than", "fewer than",
    "under", "below", "close to", "just over", "just under", "well over", "as many as",
    "as much as", "an estimated", "estimated",
)
_CURRENCY_WORDS = {
    "euro": "€", "euros": "€", "eur": "€", "dollar": "$", "dollars": "$", "usd": "$",
    "us dollars": "$", "pound": "£", "pounds": "£", "gbp": "£", "pounds sterling": "£",
    "yen": "¥", "jpy": "¥",
}
_SYMBOLS = ("US$", "€", "$", "£", "¥")
_SCALES = {"thousand": "k", "million": "m", "billion": "bn", "trillion": "tn",
           "mn": "m", "bn": "bn", "tn": "tn", "m": "m", "k": "k"}
_PERCENT = re.compile(r"^(?:%|(?:per ?cent|percent)\b)", re.I)
_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
               "eighty": "80", "ninety": "90", "hundred": "100", "a hundred": "100",
               "a thousand": "1,000", "dozens": "dozens"})
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?|^\.\d+")
_SCORE = re.compile(r"\d{1,2}\s?[-–]\s?\d{1,2}")
_NUMBER_TAIL = re.compile(r"(?:st|nd|rd|th)\b|[-–]\d[\d,]*(?:\.\d+)?(?=%|\s|$|\b|[a-zA-Z])")
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
                "billion": 1_000_000_000}
_FRACTION_WORDS = (r"(?:a[\s-]half|halves|half|thirds?|quarters?|fifths|tenths|hundredths|"
                   r"thousandths|dozen)")
_ONE_WORD = "|".join(sorted(_UNITS + _TENS + list(_WORD_SCALES), key=len, reverse=True))
#: a run of number words at the start of a figure: "Twenty-two", "one hundred and twenty",
#: "two-and-a-half", "two-thirds", "twenty-first" (an ordinal only glued to its tens: "nine
#: first-team players" and "one second" are a number and a word)
_NUMBER_WORDS = re.compile(
    rf"(?i)^(?:an?\s(?=hundred|thousand|million|billion))?(?:{_ONE_WORD})\b"
    rf"(?:(?:[\s-]and[\s-]|[\s-])(?:{_ONE_WORD}|{_FRACTION_WORDS})\b)*"
    r"(?:(?<=ty)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b)?")


def _word_number(words: str, value: float | None) -> str | None:
    """Return number words as digits ("Twenty-two" -> "22", "one million" -> "1m", "two and a
    half" -> "2.5"), or None when they are better left as written (a fraction, a dozen)."""
    low = words.lower()
    if re.search(r"third|quarter|fifth|tenth|hundredth|dozen|halves|first|second|th\b", low):
        return None
    total, current = 0, 0
    for w in re.findall(r"[a-z]+", low):
        if w in _UNITS:
            current += _UNITS.index(w)
        elif w in _TENS:
            current += 20 + 10 * _TENS.index(w)
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _WORD_SCALES:
            total, current = total + (current or 1) * _WORD_SCALES[w], 0
    number: float = total + current + (0.5 if "half" in low else 0)
    if value is not None and abs(value - number) > 1e-9:
        return None  # the analysis read it otherwise: show the words
    for name, size in (("bn", 1_000_000_000), ("m", 1_000_000)):
        if number >= size and number % (size // 10) == 0:
            return f"{number / size:g}{name}"
    return f"{number:,.1f}" if number % 1 else f"{int(number):,}"


def _rest(text: str) -> str:
    """Return what follows the big number, without the hyphen that glued it ("-minute trek")."""
    return re.sub(r"^[-–]\s*", "", text.strip())


def big_number(fig: Figure) -> BigNumber:
    """Return the figure's big-number form, built only from its own text.

    "more than 20 billion euros" → ("more than", "€20bn", ""); "2 per cent" → ("", "2%", "");
    "4,000 troops" → ("", "4,000", "troops"). The digits are kept as written (no rounding), and
    the qualifier is always kept. Text without a leading number is shown as written.
    """
    text = clean(fig.text)
    qualifier = clean(fig.qualifier)
    low = text.lower()
    if qualifier and low.startswith(qualifier.lower()):
        text = text[len(qualifier):].lstrip(" ,")
    elif not qualifier:
        for q in sorted(_QUALIFIERS, key=len, reverse=True):
            if low.startswith(q + " "):
                qualifier, text = text[: len(q)], text[len(q) + 1:]
                break
    symbol = ""
    for s in _SYMBOLS:
        if text.startswith(s):
            symbol, text = s, text[len(s):].lstrip()
            break
    if _SCORE.fullmatch(text):
        return BigNumber(qualifier, text, "")  # "1-1": a score is one figure, both its ends
    words = _NUMBER_WORDS.match(text)
    if words and not symbol:
        shown = _word_number(words.group(0), fig.value)
        if shown is None:  # "two-thirds", "twenty-first": words stay as written
            fraction = re.search(_FRACTION_WORDS + r"|(?<=ty)-[a-z]+$", words.group(0), re.I)
            return BigNumber(qualifier, words.group(0) if fraction else text,
                             _rest(text[words.end():]) if fraction else "", numeric=False)
        text = shown + text[words.end():]
    m = _NUMBER.match(text)
    if not m and not symbol:
        inner = re.search(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?", text)
        if inner is None or re.fullmatch(r"(?:19|20)\d\d", inner.group(0)):  # a year is no count
            return BigNumber(qualifier, text, "", numeric=False)
        # "более 20 миллиардов евро": words before the number stay, shown small, as qualifier
        before = text[: inner.start()].strip()
        qualifier = f"{qualifier} {before}".strip()
        text = text[inner.start():]
        m = _NUMBER.match(text)
    if not m:
        return BigNumber(qualifier, symbol + text, "", numeric=False)
    number, rest = m.group(0), text[m.end():]
    extra = _NUMBER_TAIL.match(rest)
    if extra:  # "2nd", "77th", "200,000-300,000": the number's own ending or other end
        number, rest = number + extra.group(0), rest[extra.end():]
    scale = ""
    sm = re.match(r"^\s*(thousand|million|billion|trillion|mn|bn|tn|m|k)\b", rest, re.I)
    if sm:
        scale, rest = _SCALES[sm.group(1).lower()], rest[sm.end():]
    rest = _rest(rest)
    percent = _PERCENT.match(rest)
    if percent:
        return BigNumber(qualifier, f"{symbol}{number}{scale}%", rest[percent.end():].strip())
    if not symbol:
        for word in sorted(_CURRENCY_WORDS, key=len, reverse=True):
            if rest.lower() == word or rest.lower().startswith(word + " "):
                symbol, rest = _CURRENCY_WORDS[word], rest[len(word):].strip()
                break
    if not symbol and scale == "k":
        scale = "k" if sm and sm.group(1).lower() == "k" else " thousand"
    return BigNumber(qualifier, f"{symbol}{number}{scale}", rest)


# ----------------------------------------------------------------------------- key points

def group_key_points(points: Sequence[KeyPoint]) -> list[tuple[str | None, list[KeyPoint]]]:
    """Return the points in document order (source, sentence), grouped by section.

    Groups keep the order of their first point; a group's title is None when the points come from
    only one section (the page then shows no sub-headings).
    """
    ordered = sorted(points, key=lambda p: (p.source, p.sentence_index))
    groups: dict[tuple[int, str | None], list[KeyPoint]] = {}
    for p in ordered:
        groups.setdefault((p.source, clean(p.section) or None), []).append(p)
    if len(groups) <= 1:
        return [(None, ordered)] if ordered else []
    return [(section or "General", items) for (_, section), items in groups.items()]


def location_label(location: str) -> str:
    """Return how a page names a source known only by its location: a URL as it is, a file by its
    name (the reader's folders are not the briefing's business), stdin as "standard input"."""
    location = clean(location)
    if location == "-":
        return "standard input"
    if "://" in location:
        return location
    return re.split(r"[\\/]", location.rstrip("/\\"))[-1] or location


def source_line(src: SourceInfo) -> tuple[str, str | None]:
    """Return the plain description of a source ("Title — Outlet, 4 April 2025") and its URL."""
    parts = []
    if src.title:
        parts.append(f"“{clean(src.title)}”")
    tail = ", ".join(x for x in (clean(src.outlet or src.author), format_date(src.date)) if x)
    if tail:
        parts.append(tail)
    if not parts and src.location:
        parts.append(location_label(src.location))
    url = clean(src.url) or None
    return (" — ".join(parts) or "Source", url)
