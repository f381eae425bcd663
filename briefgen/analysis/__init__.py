"""The analysis stage: sentences, entities, quotes, figures and events of one or several Documents.

``analyse_documents`` parses each document once with spaCy (without its attribute ruler and
lemmatizer: ``tags`` maps fine tags to coarse ones) and hands the parse to pure finder functions:
``entities.find_entities`` (people, organisations, places, roles), ``quotes.find_quotes`` (quote
marks paired in ``marks``, attributed by ``cues``, speakers resolved by ``speakers``),
``figures.find_figures`` (patterns and values in ``numbers``) and ``events.find_events``.
Sentence indices are global over all documents; ``source`` is the document's index.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import AnalysisError
from ..limits import bound_documents
from ..model import Analysis, Document, Sentence, SourceInfo
from ..nlp import parse
from .entities import find_entities
from .events import find_events
from .figures import find_figures
from .quotes import find_quotes
from .referents import with_referents

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["analyse_documents", "sentences_of"]

log = logging.getLogger("briefgen")


def sentences_of(doc: Document, parsed: Doc, *, source: int = 0, offset: int = 0) -> list[Sentence]:
    """Return the sentences of ``parsed`` with paragraph and section taken from ``doc.blocks``.

    ``offset`` is the global index of the first sentence.
    """
    blocks = sorted(doc.blocks, key=lambda b: b.start)
    out: list[Sentence] = []
    b = 0
    for sent in parsed.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(text)
        while b + 1 < len(blocks) and blocks[b + 1].start <= start:
            b += 1
        section = blocks[b].section if blocks else None
        if blocks and blocks[b].kind == "heading":
            continue  # headings are structure, not sentences
        prev = out[-1] if out else None
        if (prev is not None and prev.paragraph == b and _unfinished(prev.text)
                and "\n" not in doc.text[prev.end:start]):
            # the parser cut inside a sentence ("the film | Shall We Dance? and her new album.")
            out[-1] = dataclasses.replace(prev, text=doc.text[prev.start:end], end=end)
            continue
        out.append(Sentence(offset + len(out), text, start, end, b, section, source))
    return out


def _unfinished(text: str) -> bool:
    """Return True when ``text`` stops where no sentence ends (a word, a number, a comma)."""
    return text[-1].isalnum() or text[-1] in ",-–—"


def analyse_documents(docs: Sequence[Document]) -> Analysis:
    """Return the Analysis of ``docs`` (at least one); raises ``AnalysisError`` if no sentence.

    Documents longer than ``limits.MAX_ANALYSED_CHARS`` in all are sampled (``limits``).
    """
    if not docs:
        raise AnalysisError("nothing to analyse: no source documents")
    bounded, note = bound_documents(docs)  # spaCy's time and memory grow with the text
    if any(a is not b for a, b in zip(bounded, docs, strict=True)):
        log.warning("%s", note)
    docs = bounded
    sentences: list[Sentence] = []
    parses = []
    for source, doc in enumerate(docs):
        parsed = parse(doc.text)  # the pipeline holds none of tags.SKIPPED_PIPES
        sents = sentences_of(doc, parsed, source=source, offset=len(sentences))
        parses.append((source, doc, parsed, sents))
        sentences.extend(sents)
    if not sentences:
        raise AnalysisError("no sentences found in the source text")
    entities = find_entities(parses)
    # an opening "He"/"She" resolved, so a key point can stand alone
    parses = [
        (source, doc, parsed, with_referents(doc.text, parsed, sents, entities))
        for source, doc, parsed, sents in parses
    ]
    sentences = [s for *_, sents in parses for s in sents]
    quotes = tuple(q for p in parses for q in find_quotes(*p, entities=entities))
    figures = tuple(f for p in parses for f in find_figures(*p))
    events = tuple(e for p in parses for e in find_events(*p))
    first = docs[0]
    return Analysis(
        title=first.title,
        date=first.date,
        source=first.outlet,
        sentences=tuple(sentences),
        entities=entities,
        quotes=quotes,
        figures=figures,
        events=events,
        sources=tuple(
            SourceInfo(i, d.title, d.date, d.author, d.outlet, d.url, d.location)
            for i, d in enumerate(docs)
        ),
    )
