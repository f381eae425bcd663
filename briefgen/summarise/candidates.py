"""What a sentence shows as a key point: its trimmed text and the span of the source it
keeps, and which sentences cannot be points at all (captions only, a speaker's words inside a
quote begun elsewhere, text that does not read on its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ingest._furniture import strip_furniture_phrases
from ..model import Analysis
from .runons import ends_sentence, missed_breaks, story_part, without_list_number
from .text import drop_picture_asides, resolve_opening, standalone_problem, trim_clutter

__all__ = ["Candidate", "inside_quotes", "point_span", "point_text"]


def point_text(sentence: str, referent: str | None = None) -> tuple[str, int] | None:
    """Return sentence ``sentence`` as a key point would show it, and how many of its leading
    characters it leaves out; None when it cannot be a point (see ``point_span``)."""
    span = point_span(sentence, referent)
    return None if span is None else span[:2]


def _shown(piece: str, referent: str | None) -> tuple[str, int] | None:
    """Return ``piece`` trimmed as a point shows it and how many leading characters went, or
    None when it does not read on its own."""
    text, cut = trim_clutter(piece)
    text, _ = resolve_opening(text, referent if not cut else None)
    text = drop_picture_asides(strip_furniture_phrases(text))
    if standalone_problem(text) is not None:
        return None
    return text, cut


def point_span(sentence: str, referent: str | None = None, *,
               numbered: bool = False) -> tuple[str, int, int] | None:
    """Return sentence ``sentence`` as a key point would show it, with the offsets in
    ``sentence`` where the point's span starts and ends; None when it cannot be a point.

    Furniture phrases ("Scroll down for video") and picture captions glued on before the
    sentence (``story_part``) go, then a leading dateline, label or connective
    (``trim_clutter``); an opening "He"/"She" becomes ``referent`` when nothing was cut; picture
    asides ("(pictured)") go. Two sentences the splitter ran together (``missed_breaks``: "...
    more than £1m. The rules ...") give the first, or the second when the first does not read on
    its own. ``numbered``: the sentence ends with the next list item's number
    (``list_numbered``), which goes. None for captions only, or text that does not read on its
    own (``standalone_problem``).
    """
    part = story_part(sentence)
    if part is None:
        return None
    body, start = part
    end = start + len(body.rstrip())
    breaks = missed_breaks(body)
    if breaks:
        pieces = [(start, start + len(body[: breaks[0]].rstrip())),
                  (start + breaks[0], end)]
    else:
        pieces = [(start, end)]
    for lo, hi in pieces:
        piece = sentence[lo:hi]
        if numbered and hi == end:
            piece = without_list_number(piece)
            hi = lo + len(piece)
            if not ends_sentence(piece):
                piece += "."
        shown = _shown(piece, referent)
        if shown is not None:
            return shown[0], lo + shown[1], hi
    return None


@dataclass(frozen=True)
class Candidate:
    """A sentence that may become a key point: its row, trimmed text and span, score, section."""

    row: int
    text: str
    start: int
    end: int
    score: float
    section: str | None


_REPORTS = re.compile(r"\b(?:said|says|told|tells|added|adds|according to)\b")


def inside_quotes(analysis: Analysis) -> set[int]:
    """Return the rows of the sentences that lie inside a quote begun in another sentence (the
    speaker's second sentence and on, "I have the whole squad available." with no quote marks
    and no speaker of its own): shown as a point it would state a speaker's words as fact. A
    sentence that reports speech itself ("Clarkson said ...") is never one."""
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for q in analysis.quotes:
        spans.setdefault(q.source, []).append((q.start, q.end, q.sentence_index))
    out = set()
    for row, sent in enumerate(analysis.sentences):
        if _REPORTS.search(sent.text):
            continue  # it reports who said what: a quote's span that runs on over it is wrong
        for start, end, index in spans.get(sent.source, ()):
            # the closing mark may sit just past the quote's words
            if index != sent.index and start <= sent.start and sent.end <= end + 2:
                out.add(row)
                break
    return out
