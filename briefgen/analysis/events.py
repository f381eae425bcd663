"""Dated and upcoming events: what's next.

An event is a named gathering or decision point ("the upcoming NATO Summit in The Hague", "a
vote on Thursday", "the hearing next month"). It is upcoming when a word says so ("upcoming",
"next", "will", "is due to", "is set to", "scheduled") and dated when its sentence gives a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Document, Event, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["EVENT_NOUNS", "find_events"]

EVENT_NOUNS = (
    "summit|meeting|meetings|conference|election|elections|referendum|vote|ballot|council|session|"
    "talks|negotiations|hearing|trial|sentencing|inquiry|visit|ceremony|launch|deadline|"
    "congress|convention|assembly|forum|ministerial|debate|match|final|race|tournament|games|"
    "festival|review|budget|announcement|inauguration|signing|state visit|g7|g20|cop\\d*"
)
_NOT_DATE = (
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_NAME = r"(?:[A-Z][\w’'&.-]*|of|the|and|for|on|-)"
_UPCOMING = re.compile(
    rf"(?P<cue>\b(?:upcoming|forthcoming|next|coming|planned|scheduled|proposed|future)\s+)"
    rf"(?P<name>(?:{_NAME}\s+){{0,6}}?(?:{EVENT_NOUNS})\b(?:\s+(?:{EVENT_NOUNS})\b)?"
    rf"(?:\s+(?:in|at|on)\s+(?:The\s+|the\s+)?{_NOT_DATE}[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,3}})?)",
    re.IGNORECASE,
)
_PLACE = rf"(?:\s+(?:in|at)\s+(?:The\s+)?{_NOT_DATE}[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,3}})?"
_NAMED = re.compile(
    rf"\b(?P<name>(?:[A-Z][\w’'&.-]*\s+){{1,5}}(?i:{EVENT_NOUNS})\b{_PLACE})"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|is due to|are due to|is set to|are set to|is scheduled|are scheduled|"
    r"is expected to|are expected to|is to|are to|plans to|planned for|next (?:week|month|year)|"
    r"later this (?:week|month|year)|upcoming|forthcoming)\b",
    re.IGNORECASE,
)
_DATE_WORD = re.compile(
    r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4}|next \w+|"
    r"tomorrow|tonight)\b"
)


def _date_in(parsed: Doc, start: int, end: int) -> str | None:
    """Return the first date phrase spaCy found between ``start`` and ``end`` (chars), or None."""
    for ent in parsed.ents:
        if ent.start_char >= end:
            break
        if ent.start_char >= start and ent.label_ == "DATE" and _DATE_WORD.search(ent.text):
            return ent.text
    return None


def find_events(source: int, doc: Document, parsed: Doc, sents: Sequence[Sentence]) -> list[Event]:
    """Return the upcoming and dated events of ``doc``, one per name, in text order."""
    out: list[Event] = []
    seen: set[str] = set()
    for sent in sents:
        if sent.source != source:
            continue
        future = bool(_FUTURE.search(sent.text))
        for m in _UPCOMING.finditer(sent.text):
            name = _tidy(m.group("name"))
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            # "the upcoming Summit" alone does not date it: the sentence's date may be another's
            date = _date_in(parsed, sent.start + m.end(), sent.end) if future else None
            out.append(Event(name, sent.index, date=date, upcoming=True, source=source))
        if not future:
            continue
        for m in _NAMED.finditer(sent.text):
            name = _tidy(m.group("name"))
            low = name.lower()
            if low in seen or any(low in s or s in low for s in seen):
                continue
            date = _date_in(parsed, sent.start, sent.end)
            if date is None:
                continue
            seen.add(low)
            out.append(Event(name, sent.index, date=date, upcoming=True, source=source))
    return out


def _tidy(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:")
    return re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
