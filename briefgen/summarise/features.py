"""Sentence features for ranking: position, length, centrality, entities, figures, quotes.

``sentence_features`` is the one code path that both the training script
(``benchmarks/train_keypoints.py``) and the run-time ranker use, so a learned model sees at run
time exactly what it was trained on. Every feature is computed within one source document.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from ..model import Analysis, Sentence
from .text import content_words, quoted_fraction, standalone_problem

__all__ = ["FEATURE_NAMES", "SentenceTable", "lexrank", "sentence_features", "tfidf_matrix"]

FEATURE_NAMES: tuple[str, ...] = (
    "pos_inv",  # 1 / (1 + position in the source)
    "rel_pos",  # position / (sentences - 1)
    "is_first",
    "is_lead3",
    "para_inv",  # 1 / (1 + paragraph rank in the source)
    "para_start",  # first sentence of its paragraph
    "in_para_inv",  # 1 / (1 + position within its paragraph)
    "section_first",  # first sentence under its heading (0 without headings)
    "log_words",
    "short",  # fewer than 10 words
    "long",  # more than 40 words
    "centrality",  # LexRank score / the source's best
    "centrality_rank",  # 1 - rank / sentences
    "sim_title",  # similarity to the title (to the lead sentence when there is no title)
    "sim_lead",  # similarity to the source's first sentence (0 for the first itself)
    "sim_doc",  # similarity to the whole source
    "keywords",  # share of the source's 10 most frequent content words present
    "entities",  # log(1 + distinct entities)
    "people",
    "main_entity",  # mentions one of the source's 3 most mentioned entities
    "figures",  # log(1 + figures)
    "quoted",  # share of characters inside quotation marks
    "not_standalone",
    "first_x_log_words",  # interaction: the lead's length
    "log_sentences",  # size of the source (lets a model adapt its position prior)
    "rel_pos_x_log_sentences",
)


class SentenceTable:
    """The sentences of one analysis grouped by source, with their content words (computed once)."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.sentences: tuple[Sentence, ...] = analysis.sentences
        self.words: list[list[str]] = [content_words(s.text) for s in self.sentences]
        by_source: dict[int, list[int]] = {}
        for row, sent in enumerate(self.sentences):
            by_source.setdefault(sent.source, []).append(row)
        self.by_source = by_source


def tfidf_matrix(words: Sequence[Sequence[str]]) -> tuple[np.ndarray, dict[str, int]]:
    """Return L2-normalised TF-IDF rows (one per sentence; IDF over these sentences) and the
    vocabulary."""
    vocab: dict[str, int] = {}
    for ws in words:
        for w in ws:
            vocab.setdefault(w, len(vocab))
    m = np.zeros((len(words), max(1, len(vocab))))
    for i, ws in enumerate(words):
        for w, c in Counter(ws).items():
            m[i, vocab[w]] = 1.0 + math.log(c)
    df = (m > 0).sum(axis=0)
    idf = np.log((1.0 + len(words)) / (1.0 + df)) + 1.0
    m *= idf
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms, vocab


def lexrank(sim: np.ndarray, *, damping: float = 0.85, iterations: int = 30) -> np.ndarray:
    """Return continuous LexRank scores (stationary distribution of the similarity walk).

    ``sim`` is a square cosine-similarity matrix; self-similarity is ignored.
    """
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    w = sim.copy()
    np.fill_diagonal(w, 0.0)
    rows = w.sum(axis=1, keepdims=True)
    w = np.divide(w, rows, out=np.full_like(w, 1.0 / n), where=rows > 0)
    p = np.full(n, 1.0 / n)
    for _ in range(iterations):
        nxt = (1 - damping) / n + damping * (p @ w)
        if np.abs(nxt - p).sum() < 1e-6:
            p = nxt
            break
        p = nxt
    return p


def _source_features(table: SentenceTable, rows: list[int], out: np.ndarray) -> None:
    analysis = table.analysis
    sents = [table.sentences[r] for r in rows]
    words = [table.words[r] for r in rows]
    n = len(rows)
    m, vocab = tfidf_matrix(words)
    sim = m @ m.T
    cent = lexrank(sim)
    cent_norm = cent / cent.max() if n and cent.max() > 0 else cent
    order = np.argsort(-cent, kind="stable")
    cent_rank = np.empty(n)
    cent_rank[order] = np.arange(n)
    doc_vec = m.sum(axis=0)
    doc_norm = np.linalg.norm(doc_vec) or 1.0
    sim_doc = (m @ doc_vec) / doc_norm
    source = sents[0].source
    title = analysis.sources[source].title if source < len(analysis.sources) else None
    title = title or (analysis.title if source == 0 else None)
    # without a title the lead sentence stands in, so that "no title" is not a signal of its own
    sim_title = sim[:, 0].copy()
    if title:
        title_words = Counter(content_words(title))
        vec = np.zeros(m.shape[1])
        for w, c in title_words.items():
            if w in vocab:
                vec[vocab[w]] = c
        if vec.any():
            sim_title = (m @ vec) / np.linalg.norm(vec)
    # dict.fromkeys, not set: ties among equally frequent words must not depend on hash order
    freq = Counter(w for ws in words for w in dict.fromkeys(ws))
    top = {w for w, _ in freq.most_common(10)}
    paragraphs: list[int] = []
    para_rank: dict[int, int] = {}
    for s in sents:
        if s.paragraph not in para_rank:
            para_rank[s.paragraph] = len(para_rank)
        paragraphs.append(para_rank[s.paragraph])
    ents_per: Counter[int] = Counter()
    people_per: Counter[int] = Counter()
    main_ents = sorted(analysis.entities, key=lambda e: -len(e.sentence_indices))[:3]
    main_sents = {i for e in main_ents for i in e.sentence_indices}
    for e in analysis.entities:
        for i in set(e.sentence_indices):
            ents_per[i] += 1
            if e.kind == "person":
                people_per[i] += 1
    figs_per = Counter(f.sentence_index for f in analysis.figures)
    log_n = math.log(n)
    in_para = 0
    for k, (row, s) in enumerate(zip(rows, sents, strict=True)):
        para_start = k == 0 or s.paragraph != sents[k - 1].paragraph
        in_para = 0 if para_start else in_para + 1
        section_first = bool(s.section) and (k == 0 or s.section != sents[k - 1].section)
        n_words = len(s.text.split())
        rel = k / (n - 1) if n > 1 else 0.0
        log_words = math.log(1 + n_words)
        out[row] = (
            1.0 / (1 + k),
            rel,
            float(k == 0),
            float(k < 3),
            1.0 / (1 + paragraphs[k]),
            float(para_start),
            1.0 / (1 + in_para),
            float(section_first),
            log_words,
            float(n_words < 10),
            float(n_words > 40),
            cent_norm[k],
            1.0 - cent_rank[k] / n,
            sim_title[k],
            sim[k, 0] if k else 0.0,
            sim_doc[k],
            len(top & set(words[k])) / max(1, len(top)),
            math.log1p(ents_per[s.index]),
            math.log1p(people_per[s.index]),
            float(s.index in main_sents),
            math.log1p(figs_per[s.index]),
            quoted_fraction(s.text),
            float(standalone_problem(s.text) is not None),
            float(k == 0) * log_words,
            log_n,
            rel * log_n,
        )


def sentence_features(analysis: Analysis, table: SentenceTable | None = None) -> np.ndarray:
    """Return a (sentences x ``FEATURE_NAMES``) array of features for ``analysis.sentences``."""
    table = table or SentenceTable(analysis)
    out = np.zeros((len(table.sentences), len(FEATURE_NAMES)))
    for rows in table.by_source.values():
        _source_features(table, rows, out)
    return out
