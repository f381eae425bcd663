"""Score briefgen's top-3 key points on the bench's dev stories beside Lead-3 and sumy.

    python benchmarks/bench_summaries.py [--bench DIR] [--python VENV_PYTHON] [--methods ...]
                                         [--cv logistic] [--results benchmarks/RESULTS.md]

Writes one PRED.jsonl per briefgen method (top-3 key points, document order) and runs
``score_summaries.py`` (from the bench folder, in the scorer's venv) once with all of them, so
Lead-3, sumy's LexRank/TextRank/LSA/Luhn and the oracle are scored in the same run. ``--cv KIND``
adds the cross-validated predictions written by ``train_keypoints.py --kind KIND`` (each story
ranked by a model trained without its fold): the honest figure for the learned ranker. The
shipped model ("briefgen-default") is trained on all of dev, so its dev score is optimistic.
The tables go to stdout and replace the "Key points on dev" section of ``--results``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_analyses import CACHE, analyses, bench_dir, load_records  # noqa: E402

from briefgen.summarise import rank_key_points  # noqa: E402

SECTION = "## Key points on dev (bench_summaries.py)"


def write_preds(recs: list[dict], docs: list, method: str, path: Path) -> float:
    """Write the top-3 key points of every record to ``path``; return seconds spent ranking."""
    t0 = time.perf_counter()
    rows = []
    for rec, doc in zip(recs, docs, strict=True):
        points = sorted(rank_key_points(doc, 3, method=method), key=lambda p: p.sentence_index)
        rows.append({"id": rec["id"], "summary": [p.text for p in points]})
    secs = time.perf_counter() - t0
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return secs


def speed(recs: list[dict]) -> str:
    """Return a table of the time to parse and rank the story closest to 700 words."""
    from dev_analyses import document_of

    from briefgen.analysis import analyse_documents
    from briefgen.summarise import summarise
    from briefgen.summarise.learned import load_model

    rec = min(recs, key=lambda r: abs(len(r["text"].split()) - 700))
    analyse_documents([document_of(rec)])  # load spaCy first: its load is not ours to time
    t0 = time.perf_counter()
    analysis = analyse_documents([document_of(rec)])
    parse = time.perf_counter() - t0
    load_model.cache_clear()
    t0 = time.perf_counter()
    rank_key_points(analysis, 5)
    cold = time.perf_counter() - t0
    warm = []
    for _ in range(20):
        t0 = time.perf_counter()
        rank_key_points(analysis, 5)
        warm.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    summarise(analysis)
    brief = time.perf_counter() - t0
    words = len(rec["text"].split())
    return (
        f"Speed on one {words}-word story ({len(analysis.sentences)} sentences), ms:\n\n"
        "| spaCy analysis | rank 5 points, first call (loads the model JSON) | rank, warm "
        "(median of 20) | whole Brief |\n|---|---|---|---|\n"
        f"| {1000 * parse:.0f} | {1000 * cold:.1f} | {1000 * sorted(warm)[10]:.1f} "
        f"| {1000 * brief:.1f} |\n"
    )


#: the issue's targets: ROUGE-1 over Lead-3 on dev, by source
TARGETS = {"cnndm": 1.0, "bbc": 5.0}


def summary_lines(report: dict) -> str:
    """Return one SUMMARY line per briefgen method: ROUGE-1 against Lead-3 and the targets."""
    lines = []
    for scores in report["files"].values():
        lead = scores["lead3"]
        for name, res in scores.items():
            if not name.startswith("briefgen"):
                continue
            parts = []
            for src, margin in TARGETS.items():
                ours, base = res[src]["rouge1"]["mean"], lead[src]["rouge1"]["mean"]
                verdict = "met" if ours >= base + margin else "missed"
                parts.append(f"{src} R-1 {ours:.2f} (Lead-3 {base:.2f}, {ours - base:+.2f}; "
                             f"target +{margin:g} {verdict})")
            lines.append(f"SUMMARY {name}: " + "; ".join(parts))
    return "\n".join(f"    {line}" for line in lines) + "\n"


def update_results(path: Path, body: str) -> None:
    """Replace (or append) this script's section of the results file with ``body``."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    pattern = re.compile(re.escape(SECTION) + r".*?(?=^## |\Z)", re.DOTALL | re.MULTILINE)
    new = f"{SECTION}\n\n{body.strip()}\n\n"
    old = pattern.sub("", old).rstrip() + "\n\n"
    path.write_text(old + new, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=None, help="bench folder (../shared/bench)")
    ap.add_argument("--python", default="/work/venvs/bench/bin/python",
                    help="python of the scorer's venv (rouge-score, sumy, nupunkt)")
    ap.add_argument("--methods", default="default,lexrank,centrality+position")
    ap.add_argument("--cv", action="append", default=[], metavar="KIND",
                    help="also score .cache/cv.KIND.jsonl from train_keypoints.py (repeatable)")
    ap.add_argument("--results", type=Path,
                    default=Path(__file__).resolve().parent / "RESULTS.md")
    ap.add_argument("--bootstrap", type=int, default=1000)
    a = ap.parse_args()
    bench = bench_dir(a.bench)
    recs = load_records(bench / "dev.jsonl")
    docs = analyses(recs)
    preds = []
    timing = []
    for method in [m.strip() for m in a.methods.split(",") if m.strip()]:
        path = CACHE / f"pred.{method}.jsonl"
        secs = write_preds(recs, docs, method, path)
        name = f"briefgen-{method}"
        preds += ["--pred", f"{name}={path}"]
        timing.append(f"| {name} | {1000 * secs / len(recs):.2f} |")
    for kind in a.cv:
        preds += ["--pred", f"briefgen-cv-{kind}={CACHE / f'cv.{kind}.jsonl'}"]
    numbers = CACHE / "scores.json"
    cmd = [a.python, str(bench / "score_summaries.py"), str(bench / "dev.jsonl"),
           "--bootstrap", str(a.bootstrap), "--json-out", str(numbers), *preds]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    out = summary_lines(json.loads(numbers.read_text(encoding="utf-8"))) + "\n" + out
    print(out)
    note = (
        "Top-3 key points per story (document order) scored by the bench's\n"
        "`score_summaries.py` (ROUGE F1 x 100, 95% bootstrap CI). `briefgen-cv-*` =\n"
        "cross-validated (5 folds by article; each story ranked by a model trained without its\n"
        "fold) — the honest figure for the learned ranker; `.r1`, `.r2`: the same with other\n"
        "fold splits (`train_keypoints.py --repeats`). `briefgen-default` uses the shipped\n"
        "model trained on all 200 dev stories (in-sample, optimistic).\n"
        "`secs` for briefgen rows only read cached spaCy analyses.\n\n"
        "Ranking time per story after the spaCy parse (ms):\n\n| method | ms/story |\n|---|---|\n"
        + "\n".join(timing)
    )
    update_results(a.results, note + "\n\n" + speed(recs) + "\n" + out)
    print(f"results -> {a.results}")


if __name__ == "__main__":
    main()
