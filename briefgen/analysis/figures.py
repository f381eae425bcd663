"""Figures: numbers with their qualifier, value, unit and what they count.

A figure's core is found on the raw text by pattern (money "£75m", "20 billion euros", percentages,
plain and worded numbers "3,000", "two-thirds", "dozens", ordinals "fifth", scores "2-1", measures
"1:35.782", ages "42-year-old"); the parse then extends it to the noun it counts ("3,000 troops",
"millions of Americans") and back over its qualifier ("more than", "about", "up to"). Dates,
years, clock times, numbers inside names (G7, Boeing 747) and phone numbers are not figures.
The ``counts`` label is built from the sentence's parse by ``figure_labels.counts_label``: the thing
counted, the verb and its agent, and a time phrase ("military assistance pledged by Allies in the
first quarter of 2025").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Document, Figure, Sentence
from .entities import sentence_at
from .figure_labels import age_label, counts_label, score_label
from .numbers import (
    AGE,
    CONVERSION,
    DATE_CODE,
    EXCHANGE_RATE,
    MEASURE_WORDS,
    MONTHS,
    NUMBER_CORE,
    ORDINAL_PLACE,
    PHONE,
    QUALIFIER_RE,
    RESULT_WORDS,
    SCALE,
    SPAN_AFTER,
    TIME_AFTER,
    UNIT_AFTER,
    idiom_after,
    parse_value,
    plural,
    unit_of,
)
from .tags import pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["find_figures", "parse_value"]


@dataclass
class _Match:
    start: int
    end: int
    kind: str
    qualifier: str | None = None


class _Finder:
    """Find figures in one parsed document."""

    def __init__(self, text: str, parsed: Doc) -> None:
        self.text = text
        self.parsed = parsed
        self.starts = [t.idx for t in parsed]

    def token_at(self, char: int) -> Token:
        i = bisect.bisect_right(self.starts, char) - 1
        return self.parsed[max(i, 0)]

    def matches(self) -> list[_Match]:
        out: list[_Match] = []
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
            out.append(_Match(start, end, kind))
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

    def _joins(self, prev: _Match, m: _Match, gap: str) -> bool:
        return _range_ok(self.text, prev, m, gap)

    def _near_result(self, start: int, end: int) -> bool:
        """Return True when a word of a match result ("won", "victory") stands within four
        words of the pair of numbers at ``start``..``end``."""
        first, last = self.token_at(start).i, self.token_at(max(start, end - 1)).i
        near = self.parsed[max(0, first - 4):last + 5]
        return any(t.lower_ in RESULT_WORDS for t in near)

    def _range_ends(self, start: int, end: int) -> list[_Match]:
        """Return the two numbers of a pair that is a range ("10" and "20 million" of "10-20
        million"), which ``_merge_ranges`` joins again."""
        out = []
        for d in re.finditer(r"\d+", self.text[start:end]):
            m = _PLAIN_NUMBER.match(self.text, start + d.start())
            if m is not None and self._keep(m, "num"):
                out.append(_Match(m.start(), m.end(), "num"))
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

    def _merge_ranges(self, found: list[_Match]) -> list[_Match]:
        """Merge "between 40% and 50%", "3% to 3.5%", "ninth and 10th" into one figure."""
        out: list[_Match] = []
        for m in found:
            if out:
                prev = out[-1]
                gap = self.text[prev.end:m.start]
                if self._joins(prev, m, gap):
                    out[-1] = _Match(prev.start, m.end, prev.kind)
                    continue
            out.append(m)
        return out


def _range_ok(text: str, prev: _Match, m: _Match, gap: str) -> bool:
    """Return True when ``gap`` joins two numbers into one range figure."""
    if not re.fullmatch(r"\s*(?:to|and|-|–)\s*", gap):
        return False
    a = text[prev.start:prev.end]
    b = text[m.start:m.end] + (UNIT_AFTER.match(text, m.end) or _EMPTY).group(0)
    if _unit_class(a) != _unit_class(b) and _unit_class(a) != "":
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


def _unit_class(core: str) -> str:
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


_COUNT_STOP = {"DET", "ADP", "PUNCT", "VERB", "AUX", "CCONJ", "SCONJ", "PRON", "PART", "NUM",
               "SPACE", "ADV"}


def _extend(finder: _Finder, m: _Match) -> tuple[int, int, str | None, str | None]:
    """Return (start, end, qualifier, counted noun) of a figure grown from its core."""
    text = finder.text
    start, end = m.start, m.end
    unit = UNIT_AFTER.match(text, end)
    if unit:
        end = unit.end()
    age = AGE.match(text[end:end + 20])
    if age:
        end += age.end()
    # hyphenated units: three-year deal, 16-page, 60,000-capacity
    hyph = re.match(r"-(?:[a-z]+)(?:-[a-z]+)*", text[end:end + 30])
    if hyph and not age:
        end += hyph.end()
    # "a share", "an ounce", "a day" after an amount or count
    rate = re.match(r"\s(?:a|an|per)\s(?:share|ounce|barrel|tonne|year|month|week|day|hour|head|"
                    r"litre|gallon|kilo|kg|pound|person|night|game|match|leg)\b",
                    text[end:end + 20])
    if rate and m.kind in {"money", "num"}:
        end += rate.end()
    # "dozens of people", "millions of Americans", "17 of the 30 counts"
    of = re.match(r"\s(?:of)\s(?:the\s|a\s|an\s)?", text[end:end + 10])
    money = m.kind == "money" or bool(unit and _unit_class(unit.group(0)) == "money")
    if money:
        end = _converted(text, end)
        exchange = EXCHANGE_RATE.match(text, end)
        if exchange:
            end = exchange.end()  # "$1.354 to the euro": a rate, the price of a euro
    if m.kind == "ordinal":
        sup = re.match(r"[\s-](?:[a-z]+est|place|position|spot|largest|biggest|most\s[a-z]+)\b",
                       text[end:end + 25])
        if sup:
            end += sup.end()
    noun = None
    tok_end = finder.token_at(max(end - 1, start))
    j = tok_end.i + 1
    if of and (m.kind in {"vague", "words", "num"}) and not unit:
        j = finder.token_at(end + of.end()).i
    taken: list[Token] = []
    doc = finder.parsed
    # an age stops at its own words: "42-year-old", whose "actress" is what it is the age of
    if m.kind not in {"money", "laptime", "score", "pctrange", "decade", "kin", "times",
                      "ordinal", "fora"} and not age:
        k = j
        while k < len(doc) and len(taken) < 6:
            tok = doc[k]
            measure = tok.lower_ in MEASURE_WORDS or tok.lower_ in {"season", "seasons"}
            participle = tok.tag_ in {"VBN", "VBG"} and tok.dep_ == "amod"
            if (pos(tok) in _COUNT_STOP and not measure and not participle) or (
                    tok.ent_type_ in {"DATE", "TIME"} and not measure) or \
                    tok.ent_type_ == "PERSON" or tok.is_space:
                if tok.text == "-" and taken:
                    k += 1
                    continue
                break
            taken.append(tok)
            nxt = doc[k + 1] if k + 1 < len(doc) else None
            if measure or pos(tok) in {"NOUN", "PROPN"} and (nxt is None or pos(nxt) not in {
                    "NOUN", "PROPN"} or nxt.ent_type_ in {"DATE", "TIME"}):
                break
            k += 1
        while taken and pos(taken[-1]) not in {"NOUN", "PROPN"} and \
                taken[-1].lower_ not in MEASURE_WORDS:
            taken.pop()
        if taken and (of or taken[0].idx - end <= 1):
            if "%" in text[start:end] and not of:
                taken = []
            else:
                end = taken[-1].idx + len(taken[-1].text)
                noun = taken[-1].lower_ if pos(taken[-1]) == "NOUN" else taken[-1].text
                compound = re.match(r"(?:-[a-z]+)+", text[end:end + 30])
                if compound:  # "1,000 sit-ups", "dial-up users": never end inside a compound
                    end += compound.end()
                    noun = text[taken[-1].idx:end].lower()
                    following = re.match(r"\s([a-z]+s)\b", text[end:end + 30])
                    if following and finder.token_at(end + 1).tag_ == "NNS":
                        end += following.end()
                        noun = following.group(1)
    if noun is not None and not money:
        end = _converted(text, end)  # "10 miles (16km)"
    # qualifiers before
    qualifier = None
    before = text[max(0, start - 30):start]
    q = QUALIFIER_RE.search(before)
    if q and q.group(1).lower() in {"between", "from"} and not _is_range(text[m.start:m.end]):
        q = None
    if q:
        qualifier = q.group(1).lower()
        start -= len(before) - q.start(1)
    aged = re.search(r"(?i)\baged\s$", before)
    if aged and not q:
        start -= len(before) - aged.start()
    return start, end, qualifier, noun


def _converted(text: str, end: int) -> int:
    """Return where a figure ending at ``end`` ends with the conversion in brackets that follows
    it ("400m euros ($527.61m; £274.73m)"): the same figure, never a figure of its own."""
    conv = CONVERSION.match(text, end)
    return conv.end() if conv else end


def find_figures(
    source: int, doc: Document, parsed: Doc, sents: Sequence[Sentence]
) -> list[Figure]:
    """Return the figures of ``doc`` in text order: money, percentages, counts, measures, ranks."""
    finder = _Finder(doc.text, parsed)
    out: list[Figure] = []
    last_end = -1
    for m in finder.matches():
        if m.start < last_end:
            continue
        start, end, qualifier, noun = _extend(finder, m)
        if start < last_end:
            start = m.start
        sent = sentence_at(sents, m.start)
        if sent is None or m.start >= sent.end + 1:
            continue
        text = doc.text[start:end]
        core = doc.text[m.start:m.end]
        pair = m.kind == "num" and re.fullmatch(r"\d{1,2}\s?[-–]\s?\d{1,2}", core)  # "8-10 lb"
        value = None if m.kind in {"score", "vague"} or _is_range(core) or pair else \
            parse_value(core)
        if m.kind == "proportion":
            part, whole = re.split(r"\s(?:in|out\sof)\s", core.lower(), maxsplit=1)
            a, b = parse_value(part), parse_value(whole)
            value = a / b if a is not None and b else None  # "one in seven": a share
        if m.kind == "laptime":
            mins, secs = core.split(":")
            value = int(mins) * 60 + float(secs)
        unit = unit_of(re.sub(r"\([^()]*\)", " ", text), noun)  # not the conversion's
        measure = _hyphen_measure(finder, m)
        if measure is not None and (unit is None or unit == noun):
            unit = plural(measure, value)  # "a 50-minute trek": 50 minutes, not 50 treks
        if unit is None and re.search(r"(?i)\bage\sof\s$", doc.text[max(0, start - 8):start]):
            unit = "years"  # "died at the age of 73": an age
        if unit is None and _age_apposition(finder, m, core):
            unit = "years"  # "Tsarnaev, 21, was found guilty": an age, by news convention
        if qualifier in _RELATIVE and unit in _PERIODS:
            continue  # "the last two days", "the next three weeks": when, not how much
        if unit in _PERIODS and not _is_age(text, unit) and \
                re.match(r"\s+(?:ago|earlier|later|before|after)\b", doc.text[end:end + 12]):
            continue  # "12 years ago", "two days later": when, not how much
        if _is_age(text, unit):
            counts = age_label(finder.parsed, start, end)
        elif unit == "score":
            counts = score_label(finder.parsed, start, end)
        else:
            counts = counts_label(finder.parsed, start, end)
        out.append(Figure(
            text=text, value=value, unit=unit, counts=counts,
            sentence_index=sent.index, qualifier=qualifier, start=start, end=end, source=source,
        ))
        last_end = end
    return out


#: nouns after a hyphen that say what the number is a size of, not what it counts in units
_NOT_UNITS = frozenset({"capacity", "strong", "odd", "plus", "year-old", "old", "some"})


def _hyphen_measure(finder: _Finder, m: _Match) -> str | None:
    """Return the unit noun glued by a hyphen to a number ("minute" of "50-minute trek",
    "year" of "three-year deal"), or None: a number's unit is that noun, not the noun the
    compound describes."""
    if m.kind not in {"num", "words"} or re.search(r"(?:st|nd|rd|th)$", finder.text[m.start:m.end]):
        return None  # "70th-minute finish": a moment, not 70 minutes
    glued = re.match(r"-([a-z]+)\b(?!-year)", finder.text[m.end:m.end + 25])
    if not glued or glued.group(1) in _NOT_UNITS or re.search(r"(?<!met)(?<!lit)er$",
                                                              glued.group(1)):
        return None  # "two-wheeler", "three-pointer": a thing, not a unit (but "100-meter")
    tok = finder.token_at(m.end + 1)
    if tok.text != glued.group(1):
        return None
    return glued.group(1) if tok.tag_ in {"NN", "NNS"} or tok.lower_ in MEASURE_WORDS else None


def _is_age(text: str, unit: str | None) -> bool:
    """Return True for a figure that is someone's age ("42-year-old", "aged 15", "Tsarnaev,
    21,", "at the age of 73")."""
    return unit == "years" and bool(
        re.search(r"(?i)year[\s-]old|years old|\baged\b", text) or re.fullmatch(r"\d{1,3}", text))


def _age_apposition(finder: _Finder, m: _Match, core: str) -> bool:
    """Return True for a bare number set off by commas after a name ("Tsarnaev, 21,")."""
    if not re.fullmatch(r"\d{1,3}", core) or not 0 < int(core) < 120:
        return False
    tok = finder.token_at(m.start)
    before = finder.text[max(0, m.start - 2):m.start]
    after = finder.text[m.end:m.end + 1]
    return before == ", " and after in {",", ".", ")", ""} and tok.i > 1 and \
        pos(finder.parsed[tok.i - 2]) == "PROPN" and tok.dep_ in {"appos", "npadvmod", "amod",
                                                                  "nummod", "conj"}


_NUMBER_WORD_RE = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                   "thirty|forty|fifty|hundred")
_PLAIN_NUMBER = re.compile(rf"(?i)\d+(?:\s?(?:{SCALE})\b)?")
_WHOLE_OF = re.compile(r"(?i)\b(?:" + _NUMBER_WORD_RE + r"|\d+)(?:\stimes)?\s(?:in|out\sof)\s$")
_RELATIVE = frozenset({"last", "past", "next", "coming", "previous", "recent"})
_PERIODS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"})


def _is_range(core: str) -> bool:
    """Return True for two numbers as a range ("3% to 3.5%"), not for one number written with
    "and" ("two-and-a-half", "one hundred and twenty") nor for a score ("2-1")."""
    if re.search(r"(?i)\band[\s-]a[\s-]half\b|\b(?:hundred|thousand|million|billion)[\s-]and\b",
                 core):
        return False
    return bool(re.search(r"\d\s*(?:to|and|or|[-–])\s*\d|\b(?:and|to)\b", core)) and not \
        re.fullmatch(r"\d{1,2}\s?[-–]\s?\d{1,2}", core)
