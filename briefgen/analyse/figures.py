"""Figures: numbers with what they count."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Document, Figure, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_figures"]

_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}


def find_figures(source: int, doc: Document, parsed: Doc, sents: Sequence[Sentence]) -> list[Figure]:
    """Return money, percentages, quantities and counts found by spaCy's entity recogniser."""
    out = []
    for ent in parsed.ents:
        if ent.label_ not in _LABELS or not any(c.isdigit() for c in ent.text):
            continue
        sent = next((s for s in sents if s.start <= ent.start_char < s.end), None)
        if sent is None:
            continue
        out.append(Figure(ent.text, None, None, None, sent.index, start=ent.start_char,
                          end=ent.end_char, source=source))
    return out
