"""Who a sentence-opening "He" or "She" means, so that the sentence can stand alone on the page.

Only settled cases are resolved: the pronoun opens the sentence as its subject, the resolver finds
the person last named as a subject outside quotes (agreeing in the gender the text gives), and that
person is named in one of the two sentences before. Anything less stays unresolved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Entity, Sentence
from .entities import EntityIndex
from .marks import quote_spans
from .speakers import SpeakerResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["with_referents"]

_OPENERS = {"He": "he", "She": "she"}


def with_referents(
    text: str, parsed: Doc, sents: Sequence[Sentence], entities: Sequence[Entity]
) -> list[Sentence]:
    """Return ``sents`` with ``referent`` set where an opening He/She is settled by the text."""
    spans = quote_spans(text)
    resolver: SpeakerResolver | None = None
    index = EntityIndex(entities)
    out = list(sents)
    for k, sent in enumerate(sents):
        first = sent.text.split(maxsplit=1)[0] if sent.text else ""
        pronoun = _OPENERS.get(first)
        if pronoun is None:
            continue
        token = parsed.char_span(sent.start, sent.start + len(first))
        if token is None or token[0].dep_ not in ("nsubj", "nsubjpass"):
            continue
        if resolver is None:
            resolver = SpeakerResolver(parsed, index, spans)
        ent = resolver.pronoun_referent(sent.start, spans, pronoun)
        if ent is None:
            continue
        person = index.person(ent.text)
        if person is None:
            continue
        near = [s for s in sents[max(0, k - 2) : k] if s.source == sent.source]
        if not near or not near[0].start <= ent.start_char < sent.start:
            continue
        out[k] = dataclasses.replace(sent, referent=person.name)
    return out
