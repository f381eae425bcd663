"""Dated and upcoming events."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Document, Event, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_events"]

_UPCOMING = re.compile(
    r"\b(?:the\s+)?(?:upcoming|forthcoming|next)\s+((?:[A-Z][\w-]*\s+)*(?:Summit|Meeting|Conference|"
    r"Election|Council|Session|Vote|Talks)(?:\s+in\s+(?:The\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?)"
)


def find_events(source: int, doc: Document, parsed: Doc, sents: Sequence[Sentence]) -> list[Event]:
    """Return upcoming events named in ``doc`` ("the upcoming NATO Summit in The Hague")."""
    out: list[Event] = []
    seen = set()
    for sent in sents:
        if sent.source != source:
            continue
        for m in _UPCOMING.finditer(sent.text):
            name = m.group(1)
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            out.append(Event(name, sent.index, upcoming=True, source=source))
    return out
