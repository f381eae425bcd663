"""Benchmark briefgen's quote and figure extraction against the gold labels, with textacy's anchor.

    python benchmarks/bench_extraction.py [--bench ../shared/bench] [--anchor-python PY] [--out DIR]
    python benchmarks/bench_extraction.py --bench /work/shared/bench \
        --anchor-python /work/venvs/anchor/bin/python

Runs ``briefgen.analysis.analyse_documents`` on every record of ``extraction-dev.jsonl`` (texts from
``dev.jsonl``; the seed record carries its own text), writes PRED.jsonl and scores it with the
bench's ``score_extraction.py``. With ``--anchor-python`` (a Python that has textacy and quantulum3,
e.g. /work/venvs/anchor/bin/python) it also runs ``anchor_extraction.py`` and scores it in the same
run. Prints the warm analysis time per 700 words (median of the articles, scaled by length).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.analysis import analyse_documents  # noqa: E402
from briefgen.analysis.tags import SKIPPED_PIPES  # noqa: E402
from briefgen.ingest.text import split_blocks  # noqa: E402
from briefgen.model import Document  # noqa: E402
from briefgen.nlp import load_nlp  # noqa: E402


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(
    records: list[dict], texts: dict[str, str]
) -> tuple[list[dict], dict[str, list[float]]]:
    """Return PRED lines for ``records`` and timings per 700 words of each article (seconds):
    ``wall`` and ``cpu`` for the whole analysis, ``parse`` for spaCy's parse alone (wall)."""
    nlp = load_nlp()
    analyse_documents([Document(text="Warm up. He said “hello there, my friends.”")])
    preds: list[dict] = []
    times: dict[str, list[float]] = {"wall": [], "cpu": [], "parse": []}
    for rec in records:
        text = rec.get("text") or texts[rec["id"]]
        doc = Document(text=text, blocks=split_blocks(text))
        scale = 700 / max(1, len(text.split()))
        t0, c0 = time.perf_counter(), time.process_time()
        analysis = analyse_documents([doc])
        times["wall"].append((time.perf_counter() - t0) * scale)
        times["cpu"].append((time.process_time() - c0) * scale)
        t0 = time.perf_counter()
        nlp(text, disable=SKIPPED_PIPES)
        times["parse"].append((time.perf_counter() - t0) * scale)
        preds.append({
            "id": rec["id"],
            "quotes": [{"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end}
                       for q in analysis.quotes],
            "figures": [{"text": f.text, "start": f.start, "end": f.end} for f in analysis.figures],
        })
    return preds, times


def score(bench: Path, gold: Path, pred: Path) -> str:
    """Return the scorer's report for ``pred``."""
    run = subprocess.run(
        [sys.executable, str(bench / "score_extraction.py"), str(gold), str(pred),
         "--texts", str(bench / "dev.jsonl")],
        capture_output=True, text=True, check=True,
    )
    return run.stdout


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=None,
                    help="folder with extraction-dev.jsonl, dev.jsonl and the scorers "
                         "(default: ../shared/bench from the checkout or the current folder)")
    ap.add_argument("--gold", type=Path, help="gold file (default BENCH/extraction-dev.jsonl)")
    ap.add_argument("--anchor-python", help="a Python with textacy + quantulum3 to run the anchor")
    ap.add_argument("--out", type=Path, help="folder to keep the PRED files in")
    a = ap.parse_args(argv)
    if a.bench is None:
        candidates = [ROOT.parent / "shared" / "bench", Path.cwd().parent / "shared" / "bench"]
        a.bench = next((c for c in candidates if c.is_dir()), candidates[0])
    bench = a.bench.resolve()
    if not (bench / "score_extraction.py").is_file():
        ap.error(f"no benchmark folder at {bench} (give it with --bench)")
    gold = (a.gold or bench / "extraction-dev.jsonl").resolve()
    records = _load(gold)
    texts = {r["id"]: r["text"] for r in _load(bench / "dev.jsonl")}
    out = a.out or Path(tempfile.mkdtemp(prefix="bench-extraction-"))
    out.mkdir(parents=True, exist_ok=True)
    preds, times = predict(records, texts)
    pred_path = out / "briefgen.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    print("== briefgen.analyse")
    print(score(bench, gold, pred_path), end="")
    med = {k: 1000 * statistics.median(v) for k, v in times.items()}
    print(f"TIMING warm analysis per 700 words over {len(times['wall'])} articles: median "
          f"{med['wall']:.0f} ms wall ({med['cpu']:.0f} ms CPU), of which spaCy's parse "
          f"{med['parse']:.0f} ms; max {1000 * max(times['wall']):.0f} ms wall")
    if a.anchor_python:
        anchor_path = out / "anchor.jsonl"
        subprocess.run([a.anchor_python, str(bench / "anchor_extraction.py"), str(gold),
                        str(bench / "dev.jsonl"), str(anchor_path)], check=True,
                       stderr=subprocess.DEVNULL)
        print("== anchor: textacy direct_quotations + quantulum3")
        print(score(bench, gold, anchor_path), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
