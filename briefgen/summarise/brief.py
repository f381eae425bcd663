"""The whole briefing's content: ``summarise`` turns an Analysis into a ranked Brief.

Every block comes back best first and longer than a page holds; the layout's fit planner drops
the lowest-ranked items. Nothing here invents words: titles, bottom line and key points are
source sentences (trimmed of datelines), quotes and figures come from the analysis as found.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from pathlib import PurePath

import numpy as np

from ..errors import AnalysisError
from ..ingest._furniture import strip_furniture_phrases
from ..model import Analysis, Brief, Document, Entity, Event, Figure, KeyPoint, Quote
from .rank import (
    key_point_candidates,
    pick_key_points,
    rank_key_points,
    section_of,
    sentence_scores,
    source_title,
)
from .runons import story_part
from .sections import group_sections
from .text import (
    content_words,
    drop_picture_asides,
    jaccard,
    quoted_fraction,
    title_from,
    trim_clutter,
)

__all__ = [
    "DEFAULT_BRIEF_POINTS",
    "FIGURE_KIND_WEIGHT",
    "MIN_QUOTE_WORDS",
    "bottom_line",
    "figure_kind",
    "lead_title",
    "linked",
    "rank_figures",
    "rank_people",
    "rank_quotes",
    "summarise",
    "title_from",
    "with_key_points",
]

#: key points a Brief offers by default: more than a page holds, the planner cuts
DEFAULT_BRIEF_POINTS = 12
LEADING_POINTS = 8  # key points that every layout shows when the page has room
#: a quote shorter than this is a phrase, not a statement for the quotes box
MIN_QUOTE_WORDS = 5
#: two quotes whose content words overlap this much say the same thing
QUOTE_DUPLICATE_OVERLAP = 0.5
#: the most quotes a page shows: their sentences are not repeated as key points
QUOTES_SHOWN = 4

_STRONG = re.compile(
    r"\b(?:must|have to|has to|need to|will|never|always|cannot|can't|won't|biggest|most|"
    r"every|all|any|only|clear|sure|determined|committed)\b",
    re.IGNORECASE,
)
#: words a cut title must not end on
def _sentence_merit(analysis: Analysis, method: str = "default",
                    scores: np.ndarray | None = None) -> dict[int, float]:
    """Return every sentence's score rescaled to 0..1 (by sentence index)."""
    if scores is None:
        _, scores = sentence_scores(analysis, method)
    if not len(scores):
        return {}
    lo, hi = float(scores.min()), float(scores.max())
    span = (hi - lo) or 1.0
    pairs = zip(analysis.sentences, scores, strict=True)
    return {s.index: (float(v) - lo) / span for s, v in pairs}


def _mentions(analysis: Analysis) -> dict[str, int]:
    return {e.name: len(e.sentence_indices) for e in analysis.entities}


def rank_quotes(analysis: Analysis, merit: dict[int, float] | None = None) -> tuple[Quote, ...]:
    """Return the quotes of at least ``MIN_QUOTE_WORDS`` words, best first, without near-duplicates.

    Only quotes whose speaker the analysis determined, and which reads as a name, reach the page:
    a briefing never shows words it cannot attribute. Then the speaker's prominence
    (sentences naming them), the strength of the wording (modal verbs, absolutes), a statement's
    length, the merit of its sentence and whether it is a whole statement rather than a fragment
    picked from the middle of a sentence. ``Quote.score`` holds the result; a missing role is
    taken from the speaker's entity.
    """
    merit = merit if merit is not None else _sentence_merit(analysis)
    mentions = _mentions(analysis)
    top = max(mentions.values(), default=1) or 1
    roles = {e.name: e.role for e in analysis.entities if e.role}
    scored = []
    for q in analysis.quotes:
        words = q.text.split()
        if len(words) < MIN_QUOTE_WORDS or not _named(q.speaker):
            continue
        strength = min(3, len(_STRONG.findall(q.text))) / 3
        length = 1.0 if 8 <= len(words) <= 45 else 0.5
        score = (
            1.0
            + 0.4 * (mentions.get(q.speaker or "", 0) / top)
            + 0.2 * strength
            + 0.2 * length
            + 0.2 * merit.get(q.sentence_index, 0.0)
            + 0.2 * float(_statement(q.text))
        )
        role = q.role or roles.get(q.speaker or "")
        # a quote cut from its sentence keeps the sentence's comma ("... lasting," he said)
        text = q.text.rstrip(",;: ")
        end = q.end - (len(q.text) - len(text))
        scored.append(
            dataclasses.replace(q, text=text, end=end, score=float(round(score, 6)), role=role)
        )
    scored.sort(key=lambda q: (-q.score, q.sentence_index))
    kept: list[Quote] = []
    kept_words: list[list[str]] = []
    for q in scored:
        words = content_words(q.text)
        if any(_near_duplicate(words, other) for other in kept_words):
            continue
        kept.append(q)
        kept_words.append(words)
    return tuple(kept)


def _named(speaker: str | None) -> bool:
    """Return True for a speaker that reads as a name: a capitalised word ("the ruling" does
    not)."""
    return bool(speaker) and any(w[:1].isupper() for w in (speaker or "").split())


def _statement(text: str) -> bool:
    """Return True for a quote that reads as a whole statement: it starts a sentence (capital
    letter or digit) rather than in the middle of one ("been advised that...")."""
    first = text.lstrip("\"'“‘…. ")[:1]
    return first.isupper() or first.isdigit()


def _near_duplicate(a: Sequence[str], b: Sequence[str]) -> bool:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return sa == sb
    contained = len(sa & sb) / min(len(sa), len(sb))
    return jaccard(a, b) >= QUOTE_DUPLICATE_OVERLAP or contained >= 0.8


#: how much a kind of figure tends to matter on a briefing's page (headline money, shares and
#: large counts above durations, ages, ranks and match scores)
FIGURE_KIND_WEIGHT = {
    "money": 0.35, "percent": 0.25, "large": 0.25, "count": 0.1, "small": 0.05, "vague": 0.0,
    "rank": -0.05, "duration": -0.25, "age": -0.3, "score": -0.2,
}
_PERIOD_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks fortnight month months year "
    "years decade decades s".split()
)
_APPROX = frozenset({"more than", "over", "about", "around", "nearly", "almost", "up to",
                     "at least", "some", "an estimated", "estimated", "a record", "a total of",
                     "as many as", "in excess of", "upwards of", "well over", "roughly",
                     "approximately", "all", "more than a"})


def figure_kind(figure: Figure) -> str:
    """Return the kind of a figure: ``money``, ``percent``, ``age``, ``duration``, ``score``,
    ``rank``, ``vague`` or a count by size (``large`` from 1,000, ``count`` from 10, ``small``)."""
    text = figure.text.lower()
    unit = figure.unit or ""
    if re.search(r"year[\s-]old|years old|\baged\b|\bin (?:his|her|their) ", text) or (
            unit == "years" and re.fullmatch(r"\d{1,3}", text)):
        return "age"
    if unit == "%":
        return "percent"
    if unit.isupper() or unit in {"pence", "cents"}:
        return "money"
    if unit == "score":
        return "score"
    if unit.lower() in _PERIOD_UNITS or unit == "s":
        return "duration"
    if re.search(r"(?:\d(?:st|nd|rd|th)|\b(?:first|second|third|[a-z]+th))\b", text) and \
            not re.search(r"\b(?:half|quarter|thirds?|fifths?|tenths?)\b", text):
        return "rank"
    if figure.value is None:
        return "vague"
    if figure.value >= 1000:
        return "large"
    return "count" if figure.value >= 10 else "small"


def rank_figures(analysis: Analysis, merit: dict[int, float] | None = None) -> tuple[Figure, ...]:
    """Return the figures that say what they count, headline numbers first, each once.

    Headline = in a highly ranked sentence, early in the story, of a kind that tends to matter
    (money, a percentage, a large count: ``FIGURE_KIND_WEIGHT``), given as an estimate ("more
    than", "about"). A number repeated counts once, at its best-placed labelled mention.
    ``Figure.score`` holds the result.
    """
    merit = merit if merit is not None else _sentence_merit(analysis)
    first = {}
    for s in analysis.sentences:
        first.setdefault(s.source, s.index)
    scored = []
    seen = set()
    for f in analysis.figures:
        if not f.counts or _says_nothing_more(f) or _too_weak(f):
            continue
        position = f.sentence_index - first.get(f.source, 0)
        score = (
            0.35 * merit.get(f.sentence_index, 0.0)
            + 0.35 / math.sqrt(1 + max(0, position))
            + FIGURE_KIND_WEIGHT[figure_kind(f)]
            + 0.05 * float((f.qualifier or "").lower() in _APPROX)
        )
        scored.append(dataclasses.replace(f, score=float(round(score, 6))))
    scored.sort(key=lambda f: (-f.score, f.sentence_index))
    out = []
    for f in scored:
        key = (f.value, f.unit) if f.value is not None else (" ".join(f.text.lower().split()),)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return tuple(out)


def _too_weak(figure: Figure) -> bool:
    """Return True for a figure too weak for the box: a whole number under 10 with no noun of
    its own ("five" of "a family of five", "three" of "three Sim cards"), which a big number
    shows bare. A share ("nearly half", "nine in ten") is no such number. On the labelled dev
    stories none of these was a key figure; dropping them raised the top-2's share of key
    figures."""
    return figure_kind(figure) == "small" and not figure.unit and (figure.value or 0) >= 1


def _says_nothing_more(figure: Figure) -> bool:
    """Return True when a figure's label only repeats its own words ("3,000 miles" — "miles")."""
    label = set(content_words(figure.counts or ""))
    return not label or label <= set(content_words(figure.text))


def rank_people(analysis: Analysis, featured: Sequence[int] = (),
                speakers: Sequence[str] = ()) -> tuple[Entity, ...]:
    """Return who's who: the people the story is about, those with roles first.

    A person counts when they have a role, speak a quote, are named in a ``featured`` sentence
    (bottom line, key points, quotes) or in two sentences or more; a shorter form of a listed
    person's name ("Peter" beside "Peter O'Toole") is left out. An organisation counts only when
    it has a role or speaks a quote (a name the story merely mentions tells the reader nothing),
    after the people; the outlet itself is left out. The ``speakers`` of the quotes the page
    shows come first (a reader looks them up), then people with roles; within each group the
    most mentioned come first.
    """
    outlets = {(s.outlet or "").lower() for s in analysis.sources}
    outlets.add((analysis.source or "").lower())
    featured_set = set(featured)
    shown_speakers = speakers
    speakers = {q.speaker for q in analysis.quotes if q.speaker}
    persons = [e for e in analysis.entities if e.kind == "person"]
    out = []
    for e in analysis.entities:
        if e.kind not in ("person", "org") or e.name.lower() in outlets:
            continue
        shown = any(e.name == s or e.kind == "person" and s.endswith(" " + e.name)
                    for s in shown_speakers)
        speaks = shown or e.name in speakers or e.kind == "person" and any(
            s.endswith(" " + e.name) for s in speakers)
        in_featured = bool(featured_set & set(e.sentence_indices))
        if e.kind == "org":
            if not (e.role or speaks) or _shorter_form(e, persons):
                continue
        elif not (e.role or speaks or in_featured or len(e.sentence_indices) >= 2):
            continue
        elif _shorter_form(e, persons) or _credited_only(e, analysis):
            continue
        out.append((e.kind != "person", not shown, e.role is None, not (in_featured or speaks),
                    -len(e.sentence_indices), min(e.sentence_indices, default=0), e))
    out.sort(key=lambda t: t[:6])
    return tuple(t[-1] for t in out)


_CREDIT = re.compile(
    r"\b(?:reported from|contributed to this report|contributed reporting|[Rr]eporting by|"
    r"[Ee]diting by|[Ww]ritten by|[Aa]dditional reporting)\b"
)


def _credited_only(entity: Entity, analysis: Analysis) -> bool:
    """Return True for a person the text names only in reporters' credits ("Dana Ford reported
    from Atlanta.", "Reporting by ..."): the story is not about them."""
    texts = {s.index: s.text for s in analysis.sentences}
    lines = [texts.get(i, "") for i in entity.sentence_indices]
    return bool(lines) and entity.role is None and all(_CREDIT.search(t) for t in lines)


def _shorter_form(entity: Entity, persons: Sequence[Entity]) -> bool:
    """Return True when another person's name holds all of ``entity``'s name words and more."""
    words = set(entity.name.lower().split())
    return any(
        other is not entity and words < set(other.name.lower().split())
        and (entity.role is None or other.role is not None)
        for other in persons
    )


def rank_events(analysis: Analysis) -> tuple[Event, ...]:
    """Return the events, upcoming ones first, then in document order."""
    return tuple(sorted(analysis.events, key=lambda e: (not e.upcoming, e.sentence_index)))


def _best_sentence(analysis: Analysis, scores: np.ndarray) -> KeyPoint:
    """Return the best-scored sentence as a point: the bottom line of a text in which no
    sentence reads on its own (all quotes, say) still needs one."""
    row = int(np.argmax(scores))
    sent = analysis.sentences[row]
    body, start = story_part(sent.text) or (sent.text, 0)
    text, cut = trim_clutter(body)
    text = drop_picture_asides(strip_furniture_phrases(text))
    return KeyPoint(text, 1.0, sent.index, section_of(analysis, row),
                    sent.source, sent.start + start + cut, sent.end)


#: two sentences this many sentences apart or closer are one passage of the text
LINKED_DISTANCE = 2
#: or they share this many content words (the same people, places, things)
LINKED_WORDS = 3


def linked(first: KeyPoint, second: KeyPoint) -> bool:
    """Return True when two points read as one passage: same source and section, and close
    together (``LINKED_DISTANCE`` sentences) or about the same things (``LINKED_WORDS`` shared
    content words)."""
    if first.source != second.source or first.section != second.section:
        return False
    if abs(first.sentence_index - second.sentence_index) <= LINKED_DISTANCE:
        return True
    return len(set(content_words(first.text)) & set(content_words(second.text))) >= LINKED_WORDS


def bottom_line(points: Sequence[KeyPoint]) -> tuple[KeyPoint, ...]:
    """Return the one or two best points that carry the story: a short best point takes the next
    one along when the two are ``linked`` (one story, never two unrelated ones) and stay under
    55 words."""
    if not points:
        return ()
    first = points[0]
    if len(points) > 1 and len(first.text.split()) < 20:
        second = points[1]
        if linked(first, second) and len((first.text + " " + second.text).split()) <= 55:
            return (first, second)
    return (first,)


def _of_first_source(points: Sequence[KeyPoint]) -> Sequence[KeyPoint]:
    """Return the points of the first source, whose title heads the page (so the bottom line
    speaks of what the title says), or all of them when it has none."""
    return [p for p in points if p.source == 0] or points


def summarise(
    analysis: Analysis,
    *,
    points: int | None = None,
    method: str = "default",
    marking: str | None = None,
    documents: Sequence[Document] | None = None,
) -> Brief:
    """Return the Brief of ``analysis``: every block ranked best first, more than a page holds.

    ``documents`` are the sources the analysis was made from: with them a report's key points
    are grouped by the heading level that gives a sensible number of groups (``group_sections``),
    without them by each sentence's own heading.

    ``points`` is how many key points to offer beside the bottom line (default
    ``DEFAULT_BRIEF_POINTS``); ``method`` a name in ``SUMMARISERS``; ``marking`` a handling
    marking such as "OFFICIAL". Raises ``AnalysisError`` for an unknown method, a negative
    ``points`` or an analysis without sentences.
    """
    if not analysis.sentences:
        raise AnalysisError("nothing to summarise: the analysis has no sentences")
    n = DEFAULT_BRIEF_POINTS if points is None else points
    if n < 0:
        raise AnalysisError(f"number of key points must be 0 or more, not {n}")
    table, scores = sentence_scores(analysis, method)
    merit = _sentence_merit(analysis, scores=scores)
    quotes = rank_quotes(analysis, merit)
    # facts apart from quotes: a sentence that is mostly a quote the quotes box shows is not
    # also a key point
    quoted = {q.sentence_index for q in quotes[:QUOTES_SHOWN]}
    groups = group_sections(analysis, documents)
    cands = key_point_candidates(table, scores, groups)
    ranked = pick_key_points(table, scores, n + 2 + len(quoted), groups, candidates=cands)
    bottom = bottom_line(_of_first_source(ranked)) or (_best_sentence(analysis, scores),)
    # several sources: the first one's title (its own or cut from its lead), never another's
    own_title = analysis.title if len(analysis.sources) < 2 else source_title(analysis, 0)
    title = own_title or lead_title(next((p.text for p in bottom), analysis.sentences[0].text))
    used = {p.sentence_index for p in bottom}
    if _reads_as(title, bottom[0].text):
        # the title is the lead (whole, or most of it): the bottom line goes on with the next
        # best points (picked again with room for the points the bottom line now takes)
        ranked = pick_key_points(table, scores, n + 4 + len(quoted), groups,
                                 candidates=cands)
        rest = [p for p in ranked if p.sentence_index != bottom[0].sentence_index]
        if rest:
            used.add(bottom[0].sentence_index)
            bottom = bottom_line(_of_first_source(rest))
            used.update(p.sentence_index for p in bottom)
    key_points = tuple(
        p
        for p in ranked
        if p.sentence_index not in used
        and not (p.sentence_index in quoted and quoted_fraction(p.text) >= 0.5)
    )[:n]
    # a quote from a sentence the page already shows as a leading point would say it twice:
    # the quotes box shows the others first
    leading = {p.sentence_index for p in bottom + key_points[:LEADING_POINTS]}
    quotes = tuple(sorted(quotes, key=lambda q: q.sentence_index in leading))
    renamed = _untitled_headings(analysis, title, {p.sentence_index for p in bottom + key_points})
    if renamed:
        bottom, key_points = (
            tuple(dataclasses.replace(p, section=renamed.get(p.section, p.section)) for p in ps)
            for ps in (bottom, key_points)
        )
    featured = [p.sentence_index for p in bottom + key_points] + [
        q.sentence_index for q in quotes
    ]
    return Brief(
        title=title,
        bottom_line=bottom,
        key_points=key_points,
        quotes=quotes,
        figures=rank_figures(analysis, merit),
        people=rank_people(analysis, featured,
                           speakers=[q.speaker for q in quotes[:QUOTES_SHOWN] if q.speaker]),
        events=rank_events(analysis),
        sources=analysis.sources,
        date=analysis.date,
        marking=marking,
    )


def _untitled_headings(analysis: Analysis, title: str, shown: set[int]) -> dict[str, str]:
    """Return new group headings for sources without a title whose heading, cut from their first
    sentence, would read as that sentence twice: the sentence is shown (bottom line, a point) or
    the heading is the page's title. The source's file name (else "Source N") names the group."""
    if len(analysis.sources) < 2:
        return {}
    out = {}
    for info in analysis.sources:
        if info.title:
            continue
        first = next((s for s in analysis.sentences if s.source == info.id), None)
        if first is None:
            continue
        heading = source_title(analysis, info.id)
        if first.index in shown or heading == title:
            name = PurePath(info.location).name if info.location else ""
            out[heading] = name or f"Source {info.id + 1}"
    return out


#: words that open a sentence's introductory phrase rather than its main clause
_INTRO = frozenset(
    "after before when while although though as since despite following in on at for with "
    "without amid amidst having speaking if because once until over under during like unlike "
    "according earlier later last this".split()
)


def lead_title(sentence: str) -> str:
    """Return a title cut from a lead ``sentence`` (``title_from``), from its main clause when the
    sentence opens with an introductory phrase set off by a comma ("After deliberating for 11½
    hours, jurors found..." → "Jurors found..."). Words are the sentence's own; only the first
    letter may become a capital."""
    title = title_from(sentence)
    words = sentence.split()
    if not words or words[0].lower().strip(",") not in _INTRO:
        return title
    text, _ = trim_clutter(sentence.strip())
    head, sep, rest = text.partition(", ")
    if not sep or len(head.split()) > 12 or len(rest.split()) < 4 or not title.startswith(head):
        return title
    main = title_from(rest)
    return main[:1].upper() + main[1:]


#: a title cut from a sentence holding this share of its words or more reads as the sentence again
RETOLD_SHARE = 2 / 3


def _reads_as(title: str, sentence: str) -> bool:
    """Return True when ``title`` is ``sentence`` (its first sentence) again: word for word, or a
    cut of it (a run of its words) that holds at least ``RETOLD_SHARE`` of its words."""
    first = re.split(r"(?<=[.!?])\s+", sentence.strip(), maxsplit=1)[0]

    def norm(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    said, told = norm(title), norm(first)
    if not said or len(said) < RETOLD_SHARE * len(told):
        return False
    return any(told[i : i + len(said)] == said for i in range(len(told) - len(said) + 1))


def with_key_points(
    analysis: Analysis, points: int | None = None, *, method: str = "default"
) -> Analysis:
    """Return ``analysis`` with ``key_points`` filled by ``rank_key_points`` (best first).

    This is what ``briefgen.analyse(text, points=N)`` returns: each point carries
    ``sentence_index`` (to restore document order) and ``section``.
    """
    return dataclasses.replace(
        analysis, key_points=rank_key_points(analysis, points, method=method)
    )
