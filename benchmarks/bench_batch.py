#!/usr/bin/env python3
"""Batch throughput of ``briefgen batch`` by worker count, and the cost of the text formats.

    python benchmarks/bench_batch.py [--bench ../shared/bench] [--n 20] [--jobs 1,2]

1. ``briefgen batch`` (a fresh process, as a user runs it) over the first ``--n`` articles of
   ``dev.jsonl``, PDF + DOCX, once per worker count: wall time, briefings per second, speed-up,
   failures.
2. In-process, warm: the time to render each text format (json, md, html, eml with its PDF and DOCX
   attached) of the seed's plan, median of 20, next to the PDF and DOCX renderers themselves.
Prints one ``SUMMARY`` line per measure.
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
SEED = ROOT / "seeds" / "nato-foreign-ministers-2025-04-04.txt"
sys.path.insert(0, str(ROOT))


def batch(bench: Path, n: int, jobs: int) -> tuple[float, int, int]:
    """Return (wall seconds, made, failed) of one ``briefgen batch`` over ``n`` dev articles."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "src")
        src.mkdir()
        with open(bench / "dev.jsonl", encoding="utf-8") as fh:
            for i, line in zip(range(n), fh, strict=False):
                rec = json.loads(line)
                Path(src, f"{i:03d}-{rec['id'][:40]}.txt").write_text(rec["text"], "utf-8")
        cmd = [
            sys.executable,
            "-m",
            "briefgen",
            "batch",
            str(src),
            "--out",
            str(Path(tmp, "out")),
            "--jobs",
            str(jobs),
        ]
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        wall = time.perf_counter() - start
    last = proc.stderr.strip().splitlines()[-1]  # "briefgen: N made, M failed"
    made, failed = (int(w) for w in last.split()[1:4:2])
    return wall, made, failed


def formats() -> dict[str, float]:
    """Return the median milliseconds of each renderer over the seed's plan (warm)."""
    from briefgen.api import make_brief
    from briefgen.layout import fit_plan, load_layout
    from briefgen.renderers import RENDERERS

    spec = load_layout(None)
    plan = fit_plan(make_brief(SEED), spec)
    out = {}
    for fmt, render in RENDERERS.items():
        times = []
        for _ in range(20):
            start = time.perf_counter()
            render(plan, spec)
            times.append(time.perf_counter() - start)
        out[fmt] = 1000 * statistics.median(times)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--jobs", default="1,2")
    a = ap.parse_args()
    if not (a.bench / "dev.jsonl").exists():
        a.bench = Path("/work/shared/bench")
    base = None
    for jobs in (int(j) for j in a.jobs.split(",")):
        wall, made, failed = batch(a.bench, a.n, jobs)
        base = base or wall
        print(
            f"SUMMARY batch n={a.n} jobs={jobs}: {wall:.1f} s, {made / wall:.2f} briefings/s, "
            f"speed-up x{base / wall:.2f}, {made} made, {failed} failed"
        )
    for fmt, ms in formats().items():
        print(f"SUMMARY render {fmt}: {ms:.1f} ms (median of 20, seed, warm)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
