"""Figures: numbers with their qualifier, value, unit and what they count.

A figure's core is found on the raw text by pattern (money "£75m", "20 billion euros", percentages,
plain and worded numbers "3,000", "two-thirds", "dozens", ordinals "fifth", scores "2-1", measures
"1:35.782", ages "42-year-old"); the parse then extends it to the noun it counts ("3,000 troops",
"millions of Americans") and back over its qualifier ("more than", "about", "up to"). Which
cores are figures at all (no dates, years, clock times, numbers inside names, phone numbers,
number idioms) is ``figure_finder``'s business. A number glued by a hyphen to a unit noun takes
that noun as its unit ("a 50-minute trek": minutes). The ``counts`` label is built from the
sentence's parse by ``figure_labels.counts_label``: the thing
counted, the verb and its agent, and a time phrase ("military assistance pledged by Allies in the
first quarter of 2025").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Document, Figure, Sentence
from .entities import sentence_at
from .figure_finder import CoreMatch, Finder, unit_class
from .figure_labels import age_label, counts_label, score_label
from .numbers import (
    AGE,
    CONVERSION,
    EXCHANGE_RATE,
    MEASURE_WORDS,
    QUALIFIER_RE,
    UNIT_AFTER,
    parse_value,
    plural,
    unit_of,
)
from .tags import pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["find_figures", "parse_value"]


_COUNT_STOP = {"DET", "ADP", "PUNCT", "VERB", "AUX", "CCONJ", "SCONJ", "PRON", "PART", "NUM",
               "SPACE", "ADV"}


#: a unit glued to its number, in its own case ("150ml", "500MW"; never "3G", a generation)
_GLUED_UNIT = re.compile(r"(?:km|kg|cm|mm|ft|mph|kph|lbs?|ml|mg|kW|MW|GW|oz|g)\b")


def _extend(finder: Finder, m: CoreMatch) -> tuple[int, int, str | None, str | None]:
    """Return (start, end, qualifier, counted noun) of a figure grown from its core."""
    text = finder.text
    start, end = m.start, m.end
    unit = UNIT_AFTER.match(text, end)
    if unit:
        end = unit.end()
    glued = _GLUED_UNIT.match(text, end)
    if glued and m.kind == "num":
        end = glued.end()  # "150ml", which the tokenizer keeps as one word with its unit
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
    money = m.kind == "money" or bool(unit and unit_class(unit.group(0)) == "money")
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
                # "1,000 sit-ups", "dial-up users": never end inside a compound (but a
                # "three month-long poll" counts months)
                if compound and taken[-1].lower_ not in MEASURE_WORDS:
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
    finder = Finder(doc.text, parsed)
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
        if unit is not None and unit == noun and unit in _SPAN_UNITS and (value or 0) > 1:
            unit = plural(unit)  # "a three month-long poll": three months
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


def _hyphen_measure(finder: Finder, m: CoreMatch) -> str | None:
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


def _age_apposition(finder: Finder, m: CoreMatch, core: str) -> bool:
    """Return True for a bare number set off by commas after a name ("Tsarnaev, 21,")."""
    if not re.fullmatch(r"\d{1,3}", core) or not 0 < int(core) < 120:
        return False
    tok = finder.token_at(m.start)
    before = finder.text[max(0, m.start - 2):m.start]
    after = finder.text[m.end:m.end + 1]
    return before == ", " and after in {",", ".", ")", ""} and tok.i > 1 and \
        pos(finder.parsed[tok.i - 2]) == "PROPN" and tok.dep_ in {"appos", "npadvmod", "amod",
                                                                  "nummod", "conj"}


_SPAN_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year", "decade"})
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
