"""People, organisations and places, with mentions merged and roles from titles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model import Entity, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_entities"]

_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place"}


def _sentence_at(sents: Sequence[Sentence], char: int) -> int:
    for s in sents:
        if s.start <= char < s.end:
            return s.index
    return sents[-1].index if sents else 0


def find_entities(parses: Sequence[tuple[int, Any, Doc, Sequence[Sentence]]]) -> tuple[Entity, ...]:
    """Return the entities of all parses, merging a person's shorter mentions into the fullest."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for _source, _doc, parsed, sents in parses:
        for ent in parsed.ents:
            kind = _KINDS.get(ent.label_)
            if kind is None:
                continue
            name = ent.text.strip()
            if name.lower().startswith("the "):
                name = name[4:]
            rec = found.setdefault((kind, name), {"mentions": [], "sents": []})
            rec["mentions"].append(ent.text)
            rec["sents"].append(_sentence_at(sents, ent.start_char))
    # merge "Rutte" into "Mark Rutte" when the last name matches
    people = [n for (k, n) in found if k == "person"]
    for short in sorted(people, key=len):
        longer = [n for n in people if n != short and n.split()[-1] == short.split()[-1]
                  and len(n) > len(short)]
        if len(longer) == 1:
            rec = found.pop(("person", short))
            target = found[("person", longer[0])]
            target["mentions"] += rec["mentions"]
            target["sents"] += rec["sents"]
            people.remove(short)
    return tuple(
        Entity(name, kind, None, tuple(dict.fromkeys(rec["mentions"])),
               tuple(sorted(set(rec["sents"]))))
        for (kind, name), rec in found.items()
    )
