"""Where figures are in raw text: number cores found by pattern, and what is no figure.

``Finder`` runs ``numbers.NUMBER_CORE`` over a document's text and keeps the cores that are
figures: not a year or a date, a clock time, a list number, a number inside a name (G7, Boeing
747, "the 9-11 Commission", "Under-21"), a reference ("No 1", "the digits 269"), a phone number,
a pronoun ("one of the"), an ordinal that only orders ("the third day"), a number idiom
("two-bit", "second-hand", "zero-hours"), nor the whole of a proportion ("nine in ten"). Ranges
("between 3% and 3.5%", "10-20 million") are merged into one core; a score is a pair of numbers
that no measure, scale or plural noun follows.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .numbers import (
    DATE_CODE,
    MEASURE_WORDS,
    MONTHS,
    NUMBER_CORE,
    ORDINAL_PLACE,
    PHONE,
    RESULT_WORDS,
    SCALE,
    SPAN_AFTER,
    TIME_AFTER,
    UNIT_AFTER,
    idiom_after,
)
from .tags import pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CoreMatch", "Finder", "plain_date", "unit_class"]


_NUMBER_WORD_RE = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                   "thirty|forty|fifty|hundred")
_PLAIN_NUMBER = re.compile(rf"(?i)\d+(?:\s?(?:{SCALE})\b)?")
_WHOLE_OF = re.compile(r"(?i)\b(?:" + _NUMBER_WORD_RE + r"|\d+)(?:\stimes)?\s(?:in|out\sof)\s$")


@dataclass
class CoreMatch:
    """A figure's core: where it is in the text and which pattern found it."""

    start: int
    end: int
    kind: str
    qualifier: str | None = None


class Finder:
    """Find figures in one parsed document."""

    def __init__(self, text: str, parsed: Doc) -> None:
        self.text = text
        self.parsed = parsed
        self.starts = [t.idx for t in parsed]

    def token_at(self, char: int) -> Token:
        i = bisect.bisect_right(self.starts, char) - 1
        return self.parsed[max(i, 0)]

    def matches(self) -> list[CoreMatch]:
        out: list[CoreMatch] = []
        blocked = [(d.start(), d.end()) for d in DATE_CODE.finditer(self.text)]
        blocked += [(p.start(), p.end()) for p in PHONE.finditer(self.text)
                    if len(re.sub(r"\D", "", p.group(0))) >= 9]
        for m in NUMBER_CORE.finditer(self.text):
            if any(a <= m.start() < b for a, b in blocked):
                continue
            kind = m.lastgroup or "num"
            start, end = m.start(), m.end()
            if kind == "score" and self._range_after(end):
                out += self._range_ends(start, end)  # "10-20 million subscribers"
                continue
            if not self._keep(m, kind):
                continue
            out.append(CoreMatch(start, end, kind))
        return self._merge_ranges(out)

    def _keep(self, m: re.Match[str], kind: str) -> bool:
        """Return False for a number that is no figure: a year, a date ("April 5", "5th of
        May"), a clock time, a decade, a list number ("1. Lewis Hamilton"), a number inside a name
        (G7, A321, Boeing 747, "the Six Nations"), a reference ("No 1", "page 4", 9/11), a phone
        number, a pronoun ("one of the"), or an ordinal that only orders ("the third day")."""
        text = self.text
        start, end = m.start(), m.end()
        core = m.group(0)
        before = text[max(0, start - 25):start]
        after = text[end:end + 25]
        low = core.lower()
        if kind in {"words", "vague", "ordinal", "halfword"} and not core[:1].isalpha():
            return False
        if end < len(text) and (text[end].isalpha() and kind not in {"words"}) and \
                not re.match(r"(?i)(?:bn|m|k|p|st|nd|rd|th|ft|in|km|kg|cm|mm|mph|kph|lbs?|g|ml|"
                             r"mg|kw|mw|gw|sq|yds?|oz)\b", text[end:end + 4]):
            return False  # glued to letters: A321, 3D, G7 (the look-behind covers G7's "G")
        if re.match(r"G\b", text[end:end + 2]) and kind != "money":
            return False  # "3G", "5G": a generation of a network, not grams
        if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "#№’'") and \
                kind != "money":
            return False
        if re.search(r"\w[\s,]+Under[\s-]$|\bU-?$", before):
            return False  # "Spain's Under 20 side", "the Under-21s": an age group, a name
        if _WHOLE_OF.search(before) and not SPAN_AFTER.match(text, end):
            return False  # "nine in ten", "nine times out of 10": the whole of a proportion
        if kind == "words" and re.search(r"(?i)\b(?:" + _NUMBER_WORD_RE + r")-$", before):
            return False  # "a quick one-two": a compound that is no number
        if kind == "num":
            plain = re.fullmatch(r"\d+", core) is not None
            if plain and len(core) == 4 and 1700 <= int(core) <= 2100:
                tok = self.token_at(start)
                nxt = self.parsed[tok.i + 1] if tok.i + 1 < len(self.parsed) else None
                if not (nxt is not None and nxt.tag_ == "NNS") or _led_by_article(tok) or \
                        re.search(r"(?i)\b(?:in|since|from|until|during|year|season|fiscal|"
                                  r"financial|calendar)\s$", before):
                    return False  # a year, unless it counts something ("2000 tickets"):
                    # "the awesome 1967 tourists", "her 2019 albums", "full year 2004 gains",
                    # "in 2009 shows" are dated, not counted
            if plain and re.match(r"\s?s\b|’s\b|'s\b", after) and len(core) >= 2:
                return False  # the 1990s, the 90s
            if TIME_AFTER.match(after) or re.match(r"[:.]\d{2}\s?(?:am|pm|a\.m|p\.m)", after):
                return False
            if re.match(r"[:]\d{2}\b", after):
                return False  # 10:30
            if plain and re.search(r"(?i)\b(?:" + "|".join(MONTHS) + r")\.?\s*$", before):
                return False  # April 5
            ordinal = re.fullmatch(r"\d+(?:st|nd|rd|th)", core) is not None
            if ordinal and re.match(r"[\s-]+(?:century|centuries|anniversary|birthday|"
                                    r"amendment|floor|street|avenue)\b", after, re.I):
                return False
            if ordinal and (re.match(r"[\s-]+(?:minute|hour|day|week|month|year|round|lap|"
                                     r"over|innings?|annual|edition|term)\b", after, re.I)
                            or re.match(r"\s[A-Z]", after)):
                return False  # "the 90th minute", "the 77th annual Academy Awards", "the 2nd
                # Battalion", "the 10th Precinct": a moment, an edition or a name, no rank
            if (plain or ordinal) and re.match(r"(?i)\s*(?:st|nd|rd|th)?\s*(?:of\s)?(?:"
                                               + "|".join(MONTHS)
                                  + r")\b", after):
                return False  # 5 April, 5th of May
            if re.search(r"(?i)\b(?:no|nos|number|numbers|digits|no\.|page|pages|chapter|"
                         r"article|section|"
                         r"room|flight|route|channel|platform|season|series|episode|version|"
                         r"level|grade|class|phase|stage|act|scene|verse|rule|clause|box|"
                         r"code|line|model|gate|exit|junction|apartment|unit|block|highway|"
                         r"interstate)\.?\s*$", before) and plain and \
                    not re.match(r"\s?(?:%|per\s?cent|[a-z]+s\b)", after):
                return False
            if plain and re.search(r"(?:^|\s)\d{1,2}\.\s*$", before) is None and \
                    re.match(r"\.\s+[A-Z]", after) and len(core) <= 2 and (
                    start == 0 or text[start - 1] in " \n") and re.search(
                    r"(?:^|[)\d]\s|\n)$", text[max(0, start - 3):start]):
                return False  # "1. Lewis Hamilton": list numbering
            if re.match(r"\.\s+[A-Z]", after) and plain and re.search(r"[)\d]\s$|^$|\n$",
                                                                         before):
                return False
            if plain and re.match(r"/\d", after):
                return False  # 9/11, 24/7
            if plain and len(core) >= 2 and core[0] == "0":
                return False  # "03 Bonnie and Clyde", "007", a code: no amount starts with 0
            if plain and len(core) <= 2 and re.match(r"\.(?:\s*\n|\s+[A-Z]|\s*$)", after) and \
                    re.search(r"[a-z]\s$", before) and self._after_noun(start):
                return False  # "the build-up to the mega fight 1.": a caption's list number
        if kind == "score":
            if re.search(r"(?i)(?:aged|ages|between|from)\s*$", before):
                return False
            if re.match(r"\s[A-Z]", after) and not self._near_result(start, end):
                return False  # "the 9-11 Commission": part of a name, not a result
            if re.match(r"\s?(?:year|yr|month|week|day)", after, re.I):
                return False
        if re.fullmatch(r"\d{3,}", core) and re.search(
                r"(?i)\b(?:call|calls|called|calling|dial|dials|dialled|dialed|dialling|phoned|"
                r"rang|ring|text|texted)\s+$", before) and not re.match(r"\s+[a-z]+s\b", after):
            return False  # "dialled 911": a phone number, not a count
        if kind == "words":
            if core[0].isupper() and start > 0 and not re.search(
                    r"(?:^|[.!?:;()\"“‘'—–-]\s*|\n\s*)$", text[max(0, start - 3):start]):
                return False  # "the Six Nations", "Formula One": part of a name
            glued = re.match(r"-([a-z]+)", after, re.I)
            if glued and idiom_after(re.split(r"[\s-]", low)[-1], glued.group(1)):
                return False  # "two-bit Tories", "a two-way street", "zero-hours contracts"
            first = low.split()[0].split("-")[0]
            if first in {"one", "zero"} and not self._measured(end) and \
                    not re.search(r"\b(?:hundred|thousand|million|billion)\b|%|per\s?cent", low):
                return False  # "one of the", "no one": a pronoun, not a count
            if first == "one" and re.search(r"(?i)\bno\s*$", before):
                return False
            tok = self.token_at(start)
            if tok.ent_type_ in {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT"}:
                return False  # "Formula One", "Channel Four"
        if kind == "ordinal":
            if not self._ordinal_is_figure(start, end, low):
                return False
        if kind in {"vague"} and low in {"scores"}:
            return False
        if kind == "halfword":
            nxt = re.match(r"[\s-]*([a-z]+)", after.lower())
            word = nxt.group(1) if nxt else ""
            if after.startswith("-") or (word not in {"of", "the", "a", "an", "its", "their"} and
                                          not re.search(r"(?i)(?:than|about|nearly|almost)\s$",
                                                        before)):
                return False
            if re.match(r"[\s-]*an?\s(?:second|minute|hour|day|week|month|year|decade|century|"
                        r"season|mile|metre|meter)\b", after.lower()):
                return False  # "half an hour later", "half a mile": a span, no share
        if kind == "num" and start > 0:
            tok = self.token_at(start)
            prev = self.parsed[tok.i - 1] if tok.i > 0 else None
            # a number right after a capitalised name word: Boeing 747, Apollo 11, Essential 11
            if prev is not None and prev.is_title and pos(prev) == "PROPN" and \
                    not prev.is_sent_start and prev.lower_ not in MONTHS and \
                    prev.ent_type_ not in {"DATE"} and not re.match(r"\s?(?:%|per)", after) and \
                    prev.whitespace_ and not prev.text.isupper() and \
                    not re.match(r"(?:st|nd|rd|th)\b", text[end - 2:end]):
                return False
            if tok.ent_type_ in {"DATE", "TIME"} and plain_date(tok):
                return False
        return True

    def _joins(self, prev: CoreMatch, m: CoreMatch, gap: str) -> bool:
        return _range_ok(self.text, prev, m, gap)

    def _near_result(self, start: int, end: int) -> bool:
        """Return True when a word of a match result ("won", "victory") stands within four
        words of the pair of numbers at ``start``..``end``."""
        first, last = self.token_at(start).i, self.token_at(max(start, end - 1)).i
        near = self.parsed[max(0, first - 4):last + 5]
        return any(t.lower_ in RESULT_WORDS for t in near)

    def _after_noun(self, start: int) -> bool:
        """Return True when a common noun stands right before the number at ``start``."""
        tok = self.token_at(start)
        return tok.i > 0 and pos(self.parsed[tok.i - 1]) == "NOUN"

    def _range_ends(self, start: int, end: int) -> list[CoreMatch]:
        """Return the two numbers of a pair that is a range ("10" and "20 million" of "10-20
        million"), which ``_merge_ranges`` joins again."""
        out = []
        for d in re.finditer(r"\d+", self.text[start:end]):
            m = _PLAIN_NUMBER.match(self.text, start + d.start())
            if m is not None and self._keep(m, "num"):
                out.append(CoreMatch(m.start(), m.end(), "num"))
        return out if len(out) == 2 else []

    def _range_after(self, end: int) -> bool:
        """Return True when a measure, a scale or a plural noun follows a pair of numbers: the
        pair is a range of that ("5-6 people", "10-20 million", "8-10 lb"), not a score."""
        nxt = re.match(r"\s?([A-Za-z]+)", self.text[end:end + 20])
        if not nxt:
            return False
        word = nxt.group(1).lower()
        if word in MEASURE_WORDS or re.fullmatch(SCALE + r"|lbs?|kg|km|cm|mm|ft|mph|g|oz|per",
                                                  word):
            return True
        tok = self.token_at(end + nxt.start(1))
        return tok.tag_ == "NNS" and tok.lower_ == word

    def _measured(self, end: int) -> bool:
        nxt = re.match(r"[\s-]+([a-z]+)", self.text[end:end + 20])
        return bool(nxt and nxt.group(1) in MEASURE_WORDS)

    def _ordinal_is_figure(self, start: int, end: int, low: str) -> bool:
        after = self.text[end:end + 20].lower()
        nxt = re.match(r"[\s-]+([a-z]+)", after)
        word = nxt.group(1) if nxt else ""
        if word in {"century", "centuries", "anniversary", "birthday", "amendment", "floor",
                    "grade", "street", "avenue"}:
            return False
        if after.startswith("-") and not (word.endswith("est") or word in {
                "most", "least", "place", "placed", "best", "worst"}):
            return False  # "second-hand", "first-class", "third-party": an adjective of kind
        if word in {"of"} or word.endswith("est") or word in ORDINAL_PLACE:
            if word in {"time", "half", "quarter", "round", "term"}:
                return False
            return low != "first" or word in {"place", "position"} or word.endswith("est")
        if low in {"first", "second"}:
            return False
        tok = self.token_at(start)
        # a standalone ordinal ("finished eighth") is a rank; "the third day" is not a figure
        return tok.dep_ not in {"amod"} and pos(tok) != "ADV" and not (
            self.parsed[tok.i - 1].lower_ in {"the", "a", "his", "her", "its", "their"}
            if tok.i > 0 else False
        )

    def _merge_ranges(self, found: list[CoreMatch]) -> list[CoreMatch]:
        """Merge "between 40% and 50%", "3% to 3.5%", "ninth and 10th" into one figure."""
        out: list[CoreMatch] = []
        for m in found:
            if out:
                prev = out[-1]
                gap = self.text[prev.end:m.start]
                if self._joins(prev, m, gap):
                    out[-1] = CoreMatch(prev.start, m.end, prev.kind)
                    continue
            out.append(m)
        return out


def _range_ok(text: str, prev: CoreMatch, m: CoreMatch, gap: str) -> bool:
    """Return True when ``gap`` joins two numbers into one range figure."""
    if not re.fullmatch(r"\s*(?:to|and|-|–)\s*", gap):
        return False
    a = text[prev.start:prev.end]
    b = text[m.start:m.end] + (UNIT_AFTER.match(text, m.end) or _EMPTY).group(0)
    if unit_class(a) != unit_class(b) and unit_class(a) != "":
        return False  # "shed 2.1% to 17.58 euros": a change and a price, not a range
    if re.search(r"(?i)\bfrom\s*$", text[max(0, prev.start - 8):prev.start]):
        return False  # "from £6 to £10": two figures
    if prev.kind != m.kind and {prev.kind, m.kind} != {"ordinal", "num"}:
        return False
    if gap.strip() != "and":
        return True
    between = re.search(r"(?i)between\s*$", text[max(0, prev.start - 12):prev.start])
    return bool(between) or m.kind == "ordinal" or bool(
        re.search(r"(?:st|nd|rd|th)$", text[m.start:m.end]))


_EMPTY = re.match("", "")


def unit_class(core: str) -> str:
    """Return the kind of unit a core is written in: "%", "money" or ""."""
    if re.search(r"%|per\s?cent", core):
        return "%"
    if re.search(r"[£$€¥₹₽]|euro|dollar|pound|yen|yuan|pence|cent", core):
        return "money"
    return ""


def _led_by_article(tok: Token) -> bool:
    """Return True when an article or a possessive leads the noun phrase of ``tok`` across
    adjectives only ("the awesome 1967", "her 2019"): a year there dates the noun."""
    i = tok.i - 1
    while i >= tok.sent.start and pos(tok.doc[i]) in {"ADJ", "ADV"}:
        i -= 1
    if i < tok.sent.start:
        return False
    prev = tok.doc[i]
    return prev.lower_ in {"the", "this", "that", "these", "those"} or prev.tag_ == "PRP$" or \
        prev.dep_ == "poss"


def plain_date(tok: Token) -> bool:
    """Return True when ``tok`` is a number inside a calendar date ("4 April 2025")."""
    near = tok.doc[max(0, tok.i - 3):tok.i + 4]
    ent_tokens = [t for t in near if t.ent_type_ in {"DATE", "TIME"}]
    return any(t.lower_ in MONTHS for t in ent_tokens) and tok.text.isdigit() and \
        len(tok.text) <= 4
