"""Key points: score sentences with a registered method, then pick them best first with section
shares and redundancy control (MMR), keeping only sentences that read on their own.

``SUMMARISERS`` maps a method name to a scorer ``(SentenceTable) -> scores`` (one float per
sentence, higher = better); ``rank_key_points`` does the shared "score, pick, trim" work.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..errors import AnalysisError
from ..model import Analysis, KeyPoint
from .candidates import Candidate, inside_quotes, point_span, point_text
from .features import SentenceTable, lexrank, sentence_features, tfidf_matrix
from .learned import load_model, model_scores
from .runons import ends_sentence, list_numbered
from .text import title_from

__all__ = [
    "MAX_GROUPS",
    "SUMMARISERS",
    "Candidate",
    "default_points",
    "inside_quotes",
    "key_point_candidates",
    "near_repeat",
    "pick_key_points",
    "point_span",
    "point_text",
    "rank_key_points",
    "sentence_scores",
    "scorer_for",
    "section_of",
]

Scorer = Callable[[SentenceTable], np.ndarray]

#: weight of a sentence's own score against its similarity to points already chosen
MMR_LAMBDA = 0.7
#: two sentences this similar (TF-IDF cosine) are one point said twice
DUPLICATE_SIMILARITY = 0.75
#: two points are one point said twice when this share of the shorter one's words comes again,
#: in order, in the other ("Meanwhile others say they protect the skin from the inside." and "...
#: and others say they protect the skin from the inside.")
NEAR_REPEAT_SHARE = 0.75
#: ... and a run of this many words in a row at least
NEAR_REPEAT_WORDS = 5
#: the most key-point groups (sections, sources) a page shows
MAX_GROUPS = 6


def _positions(table: SentenceTable) -> np.ndarray:
    pos = np.zeros(len(table.sentences))
    for rows in table.by_source.values():
        pos[rows] = np.arange(len(rows))
    return pos


def lead_scores(table: SentenceTable) -> np.ndarray:
    """Return scores that rank each source's sentences in document order."""
    return 1.0 / (1.0 + _positions(table))


def lexrank_scores(table: SentenceTable) -> np.ndarray:
    """Return each sentence's LexRank centrality within its source (as a share of the best)."""
    out = np.zeros(len(table.sentences))
    for rows in table.by_source.values():
        m, _ = tfidf_matrix([table.words[r] for r in rows])
        cent = lexrank(m @ m.T)
        out[rows] = cent / cent.max() if cent.max() > 0 else cent
    return out


def centrality_position_scores(table: SentenceTable) -> np.ndarray:
    """Return LexRank centrality plus a position prior: the fallback when no model is shipped."""
    return lexrank_scores(table) + 0.8 / np.sqrt(1.0 + _positions(table))


def default_scores(table: SentenceTable) -> np.ndarray:
    """Return the learned model's scores, or centrality + position when no model is shipped."""
    model = load_model()
    if model is None:
        return centrality_position_scores(table)
    return model_scores(model, sentence_features(table.analysis, table))


SUMMARISERS: dict[str, Scorer] = {
    "default": default_scores,
    "lead": lead_scores,
    "lexrank": lexrank_scores,
    "centrality+position": centrality_position_scores,
}


def scorer_for(method: str) -> Scorer:
    """Return the scorer registered as ``method``; raises ``AnalysisError`` listing valid names."""
    try:
        return SUMMARISERS[method]
    except KeyError:
        valid = ", ".join(sorted(SUMMARISERS))
        raise AnalysisError(f"unknown summariser {method!r} (valid: {valid})") from None


def default_points(sentences: int) -> int:
    """Return a sensible number of key points for a text of ``sentences`` sentences (3 to 8)."""
    return max(3, min(8, round(sentences / 6)))


def section_of(analysis: Analysis, row: int) -> str | None:
    """Return the heading a key point from sentence ``row`` goes under.

    With several sources it is the source's title, else a title taken word for word from the
    source's first sentence; with one, the heading the sentence sits under (None for a story
    without headings).
    """
    sent = analysis.sentences[row]
    if len(analysis.sources) > 1:
        return source_title(analysis, sent.source)
    return sent.section


def source_title(analysis: Analysis, source: int) -> str:
    """Return the title of source ``source``: its own, else one cut from its first sentence."""
    info = analysis.sources[source] if source < len(analysis.sources) else None
    if info is not None and info.title:
        return info.title
    first = next((s.text for s in analysis.sentences if s.source == source), "")
    return title_from(first) if first else f"Source {source + 1}"


def key_point_candidates(table: SentenceTable, scores: np.ndarray,
                         groups: Mapping[int, str | None] | None = None) -> list[Candidate]:
    """Return the sentences that can be key points, trimmed as a point shows them, with their
    scores and the heading each goes under."""
    out = []
    sents = table.sentences
    size = Counter((s.source, s.paragraph) for s in sents)
    numbered = set()
    for rows in table.by_source.values():
        numbered |= {rows[i] for i in list_numbered([sents[r].text for r in rows])}
    quoted = inside_quotes(table.analysis)
    for row, sent in enumerate(sents):
        if row in quoted:
            continue
        if size[(sent.source, sent.paragraph)] > 1 and not ends_sentence(sent.text):
            continue  # a caption: it stops without a full stop in a paragraph of sentences
        point = point_span(sent.text, sent.referent, numbered=row in numbered)
        if point is None:
            continue
        text, lo, hi = point
        out.append(
            Candidate(row, text, sent.start + lo, sent.start + hi, float(scores[row]),
                      groups.get(sent.index) if groups is not None
                      else section_of(table.analysis, row))
        )
    return out


def _shares(weights: dict[str | None, float], caps: dict[str | None, int], n: int) -> dict:
    """Return how many points each section gets: proportional to weight (largest remainder),
    at least one each while points last, never more than a section's candidates; only the
    ``MAX_GROUPS`` heaviest sections get any."""
    shares = {k: 0 for k in weights}
    order = sorted(weights, key=lambda k: -weights[k])[:MAX_GROUPS]
    total = sum(weights[k] for k in order) or 1.0
    for k in order[: min(n, len(order))]:
        shares[k] = 1
    left = n - sum(shares.values())
    while left > 0:
        open_ = [k for k in order if shares[k] < caps[k]]
        if not open_:
            break
        k = max(open_, key=lambda k: n * weights[k] / total - shares[k])
        shares[k] += 1
        left -= 1
    return shares


def rank_key_points(
    analysis: Analysis, n: int | None = None, *, method: str = "default"
) -> tuple[KeyPoint, ...]:
    """Return up to ``n`` key points of ``analysis``, best first (``n=None``: ``default_points``).

    Each section (heading, or source when there are several) gets a share of the points by its
    length; within the shares, points are picked by maximal marginal relevance so that no point
    repeats another. Only sentences that read on their own are used, so fewer than ``n`` points
    come back when the text has fewer such sentences. Raises ``AnalysisError`` for an unknown
    ``method`` or a negative ``n``.
    """
    scorer = scorer_for(method)
    if n is not None and n < 0:
        raise AnalysisError(f"number of key points must be 0 or more, not {n}")
    if not analysis.sentences:
        return ()
    table = SentenceTable(analysis)
    n = default_points(len(analysis.sentences)) if n is None else n
    return pick_key_points(table, np.asarray(scorer(table), dtype=float), n)


def sentence_scores(
    analysis: Analysis, method: str = "default"
) -> tuple[SentenceTable, np.ndarray]:
    """Return the sentence table of ``analysis`` and ``method``'s score for each sentence."""
    table = SentenceTable(analysis)
    if not analysis.sentences:
        return table, np.zeros(0)
    return table, np.asarray(scorer_for(method)(table), dtype=float)


@dataclass
class _Turns:
    """Whose turn it is among a group's sub-sections (a chapter's stories): round-robin in the
    order of ``ranked`` (best sentence first), each sub-section's best sentence first."""

    ranked: dict[str | None, list[str | None]]
    sub_of: Mapping[int, str | None]
    taken: dict[tuple[str | None, str | None], int] = field(default_factory=dict)

    def next_up(self, pool: list[Candidate]) -> dict[str | None, str | None]:
        """Return, for each group with several sub-sections, the sub-section whose turn it is:
        the first, in rank order, of those with sentences left that gave the fewest points."""
        left = {(c.section, self.sub_of[c.row]) for c in pool}
        out = {}
        for group, subs in self.ranked.items():
            open_ = [s for s in subs if (group, s) in left]
            if open_:
                out[group] = min(open_, key=lambda s: self.taken.get((group, s), 0))
        return out

    def took(self, group: str | None, sub: str | None) -> None:
        """Count a point taken from ``sub`` of ``group``."""
        self.taken[(group, sub)] = self.taken.get((group, sub), 0) + 1


def _sub_section_turns(cands: list[Candidate], sub_of: Mapping[int, str | None],
                       rel: Mapping[int, float]) -> _Turns:
    """Return the round-robin over each group's sub-sections: those of a group holding more
    than one, ranked by their best sentence (the best point still comes first), then by weight
    (words of their usable sentences)."""
    weight: dict[tuple[str | None, str | None], float] = {}
    best: dict[tuple[str | None, str | None], float] = {}
    for c in cands:
        key = (c.section, sub_of[c.row])
        weight[key] = weight.get(key, 0.0) + len(c.text.split())
        best[key] = max(best.get(key, -math.inf), rel[c.row])
    ranked: dict[str | None, list[str | None]] = {}
    for group, sub in sorted(weight, key=lambda k: (-best[k], -weight[k])):
        ranked.setdefault(group, []).append(sub)
    return _Turns({g: subs for g, subs in ranked.items() if len(subs) > 1}, sub_of)


def _words_key(text: str) -> str:
    """Return ``text``'s lower-case words between single spaces, a space at each end: one
    sentence holds another's words in a row when its key holds the other's."""
    return " " + " ".join(re.findall(r"[^\W_]+", text.lower())) + " "


def shared_words(a: str, b: str) -> tuple[int, int]:
    """Return how many words ``a`` and ``b`` share in order (their longest common subsequence)
    and the longest run of them in a row."""
    wa, wb = _words_key(a).split(), _words_key(b).split()
    run = 0
    prev_seq = [0] * (len(wb) + 1)
    prev_run = [0] * (len(wb) + 1)
    for x in wa:
        seq = [0] * (len(wb) + 1)
        cur = [0] * (len(wb) + 1)
        for j, y in enumerate(wb, 1):
            if x == y:
                seq[j] = prev_seq[j - 1] + 1
                cur[j] = prev_run[j - 1] + 1
                run = max(run, cur[j])
            else:
                seq[j] = max(prev_seq[j], seq[j - 1])
        prev_seq, prev_run = seq, cur
    return prev_seq[-1], run


def near_repeat(a: str, b: str) -> bool:
    """Return True when ``a`` and ``b`` say one thing twice: ``NEAR_REPEAT_SHARE`` of the
    shorter's words come again in order in the other, ``NEAR_REPEAT_WORDS`` of them in a row
    (one holding the other whole is the extreme case)."""
    wa, wb = _words_key(a).split(), _words_key(b).split()
    shorter = min(len(wa), len(wb))
    # the words in common in order are at most the words in common at all: most pairs of
    # different sentences stop here, before the quadratic count
    if sum((Counter(wa) & Counter(wb)).values()) < NEAR_REPEAT_SHARE * shorter:
        return False
    common, run = shared_words(a, b)
    return run >= NEAR_REPEAT_WORDS and common >= NEAR_REPEAT_SHARE * shorter


def pick_key_points(table: SentenceTable, scores: np.ndarray, n: int,
                    groups: Mapping[int, str | None] | None = None, *,
                    candidates: Sequence[Candidate] | None = None) -> tuple[KeyPoint, ...]:
    """Return up to ``n`` key points picked by section share and MMR from scored sentences.

    ``groups`` maps a sentence index to the heading its point goes under (default
    ``section_of``); at most ``MAX_GROUPS`` groups get points. ``candidates`` are
    ``key_point_candidates(table, scores, groups)`` when the caller already has them (a second
    pick from the same sentences).
    """
    analysis = table.analysis
    if not analysis.sentences:
        return ()
    cands = list(candidates) if candidates is not None else key_point_candidates(
        table, scores, groups)
    if not cands or n == 0:
        return ()
    lo, hi = scores.min(), scores.max()
    span = (hi - lo) or 1.0
    rel = {c.row: (c.score - lo) / span for c in cands}
    weights: dict[str | None, float] = {}
    caps: dict[str | None, int] = {}
    for c in cands:
        weights[c.section] = weights.get(c.section, 0.0) + len(c.text.split())
        caps[c.section] = caps.get(c.section, 0) + 1
    shares = _shares(weights, caps, min(n, len(cands)))
    kept = {k for k, v in shares.items() if v > 0}
    vecs, _ = tfidf_matrix(table.words)
    chosen: list[tuple[Candidate, float]] = []
    max_sim = {c.row: 0.0 for c in cands}
    pool = list(cands)
    seen_text: set[str] = set()
    last = math.inf
    sub_of = {c.row: analysis.sentences[c.row].section for c in cands}
    turn = _sub_section_turns(cands, sub_of, rel)
    while pool and len(chosen) < n:
        best, best_value = None, -math.inf
        up = turn.next_up(pool)
        for c in pool:
            if shares.get(c.section, 0) <= 0:
                continue
            if c.section in up and sub_of[c.row] != up[c.section]:
                continue
            value = MMR_LAMBDA * rel[c.row] - (1 - MMR_LAMBDA) * max_sim[c.row]
            if value > best_value:
                best, best_value = c, value
        if best is None:
            # a section ran out of usable sentences: its unused share goes to the others
            # (a new section only while the page shows fewer than MAX_GROUPS)
            open_sections = {c.section for c in pool if c.section in kept}
            if not open_sections and len(kept) < MAX_GROUPS:
                fresh = sorted({c.section for c in pool}, key=lambda k: -weights[k])
                open_sections = set(fresh[: MAX_GROUPS - len(kept)])
                kept |= open_sections
            if not open_sections:
                break
            for section in open_sections:
                shares[section] = shares.get(section, 0) + 1
            continue
        pool.remove(best)
        key = _words_key(best.text)
        if max_sim[best.row] >= DUPLICATE_SIMILARITY or any(
                key in seen or seen in key for seen in seen_text) or any(
                near_repeat(best.text, c.text) for c, _ in chosen):
            continue  # the same sentence again, whole or inside a longer one (a caption's copy)
        seen_text.add(key)
        # a share handed on late can free a sentence that outscores the last pick: keep the
        # scores in the order the points come
        last = min(last, best_value)
        chosen.append((best, last))
        shares[best.section] -= 1
        turn.took(best.section, sub_of[best.row])
        sims = vecs @ vecs[best.row]
        for c in pool:
            max_sim[c.row] = max(max_sim[c.row], float(sims[c.row]))
    return tuple(
        KeyPoint(c.text, float(round(value, 6)), analysis.sentences[c.row].index, c.section,
                 analysis.sentences[c.row].source, c.start, c.end)
        for c, value in chosen
    )
