"""Direct quotes and who said them.

``find_quotes`` pairs the quote marks of a document (``marks``), keeps each quoted span that reads
as speech (a cue frames it, or it continues the previous quote, or it is long enough to be speech;
scare quotes, coined terms and titles of works are left out) and gives it the speaker its cue names
(``cues``), resolved to the fullest name the sources give (``speakers``) or None when the text does
not settle who spoke.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Document, Entity, Quote, Sentence
from .cues import CUE_VERBS, cue_speaker, previous_sentence_speaker
from .entities import EntityIndex, sentence_at
from .marks import QuoteSpan, quote_spans
from .speakers import PRONOUNS, Speaker, SpeakerResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["CUE_VERBS", "QuoteSpan", "find_quotes", "quote_spans"]

_WORD = re.compile(r"[\w’']+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _looks_like_title(text: str) -> bool:
    """Return True for a title of a work or a name ("Going Clear", "American Pie")."""
    words = _words(text)
    if not words or len(words) > 8 or text.rstrip()[-1:] in ".!?,…":
        return False
    small = {"a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "with", "or", "by"}
    return all(w[0].isupper() or w.lower() in small or w[0].isdigit() for w in words) and \
        words[0][0].isupper()


def find_quotes(
    source: int,
    doc: Document,
    parsed: Doc,
    sents: Sequence[Sentence],
    *,
    entities: Sequence[Entity] = (),
) -> list[Quote]:
    """Return the direct quotes of ``doc`` with their speakers (None when undeterminable)."""
    text = doc.text
    spans = quote_spans(text)
    if not spans:
        return []
    index = EntityIndex(entities)
    resolver = SpeakerResolver(parsed, index, spans)
    token_at = _token_index(parsed)
    out: list[Quote] = []
    prev: Quote | None = None
    prev_end = -10_000
    for span in spans:
        words = text[span.start:span.end]
        stripped = words.strip()
        if not stripped or not any(c.isalpha() for c in stripped):
            continue
        sent = sentence_at(sents, span.start)
        if sent is None:
            continue
        speaker = cue_speaker(text, parsed, span, spans, token_at, resolver)
        n_words = len(_words(stripped))
        continued = (
            speaker is None and prev is not None and span.start - prev_end < 160
            and _no_other_person(resolver, prev_end, span.start, prev.speaker)
        )
        if speaker is None and not continued:
            speaker = previous_sentence_speaker(text, parsed, span, spans, sent, sents,
                                                 token_at, resolver)
        if speaker is None and not continued:
            # unattributed: keep only what reads as speech, not a scare quote or a title
            if n_words < 5 or _looks_like_title(stripped):
                continue
        elif _looks_like_title(stripped):
            continue  # "American Pie", "Going Clear": a title even when someone wrote it
        if speaker is None and continued and prev is not None:
            speaker = Speaker(prev.speaker, prev.role, None)
        if speaker is not None and speaker.name is not None and (
            speaker.name.lower() in PRONOUNS
            or (index.person(speaker.name) is not None and _named_within(speaker.name, stripped))
        ):
            speaker = Speaker(None, None, speaker.cue)
        quote = Quote(
            text=stripped,
            speaker=speaker.name if speaker else None,
            sentence_index=sent.index,
            role=speaker.role if speaker else None,
            cue=speaker.cue if speaker else None,
            start=span.start + (len(words) - len(words.lstrip())),
            end=span.start + len(words.rstrip()),
            source=source,
        )
        out.append(quote)
        prev, prev_end = quote, span.end
        if quote.speaker is not None:
            resolver.last_speaker = (quote.speaker, quote.role, span.end)
    return _carry_back(text, out)


def _named_within(name: str, words: str) -> bool:
    """Return True when a person's first name stands in their own quote ("Peter was never the type
    to ..." is said about Peter O'Toole, not by him): people rarely call themselves by their first
    name, so such a speaker is a misreading."""
    parts = name.split()
    if len(parts) < 2 or len(parts[0]) < 3 or name in words:
        # "NATO", "Rutte" may well recur; the full name inside a span is narrative the quote
        # marks swallowed, not a reference
        return False
    return re.search(rf"\b{re.escape(parts[0])}\b", words) is not None


def _carry_back(text: str, quotes: list[Quote]) -> list[Quote]:
    """Return ``quotes`` where an unattributed quote right before an attributed one (only quote
    marks and spaces between them: "“…” “…,” Callan said") takes its speaker."""
    out = list(quotes)
    for i in range(len(out) - 2, -1, -1):
        cur, nxt = out[i], out[i + 1]
        if cur.speaker is None and nxt.speaker is not None and cur.source == nxt.source:
            gap = text[cur.end:nxt.start]
            if len(gap) <= 6 and not any(c.isalnum() for c in gap):
                out[i] = dataclasses.replace(cur, speaker=nxt.speaker, role=nxt.role)
    return out


def _no_other_person(resolver: SpeakerResolver, lo: int, hi: int, speaker: str | None) -> bool:
    """Return True when no person other than ``speaker`` is named between ``lo`` and ``hi``."""
    for ent in resolver.people:
        if ent.start_char >= hi:
            break
        if ent.start_char >= lo:
            name = resolver.index.person(ent.text)
            if speaker is None or name is None or name.name != speaker:
                return False
    return True


def _token_index(parsed: Doc) -> list[int]:
    """Return a map from character offset to token index (the token covering that character)."""
    n = len(parsed.text)
    idx = [0] * (n + 1)
    for tok in parsed:
        end = tok.idx + len(tok.text_with_ws)
        for c in range(tok.idx, min(end, n + 1)):
            idx[c] = tok.i
    if n:
        idx[n] = len(parsed) - 1
    return idx
