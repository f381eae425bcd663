"""Direct quotes and who said them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Document, Entity, Quote, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_quotes"]

_QUOTE = re.compile(r"[\"“]([^\"“”]{2,}?)[\"”]")


def find_quotes(
    source: int,
    doc: Document,
    parsed: Doc,
    sents: Sequence[Sentence],
    *,
    entities: Sequence[Entity] = (),
) -> list[Quote]:
    """Return the direct quotes of ``doc`` with the person named in the same sentence as speaker."""
    people = [e for e in entities if e.kind == "person"]
    out = []
    for m in _QUOTE.finditer(doc.text):
        words = m.group(1).strip()
        if len(words.split()) < 4:
            continue
        sent = next((s for s in sents if s.source == source and s.start <= m.start() < s.end), None)
        if sent is None:
            continue
        speaker = None
        for person in people:
            if any(mention in sent.text for mention in person.mentions):
                speaker = person.name
                break
        out.append(Quote(words, speaker, sent.index, start=m.start(1), end=m.end(1), source=source))
    return out
