#!/usr/bin/env python3
"""Performance of briefgen, measured side by side with what a user would otherwise wait for.

    python benchmarks/bench_pipeline.py [--bench ../shared/bench] [--runs 5] [--write]

Measures, in one run (medians of --runs):
  1. cold `briefgen make` of the seed (fresh process: analysis + PDF + DOCX) against LibreOffice
     headless merely converting that DOCX to PDF (fresh process, its own new profile);
  2. the whole pipeline in-process (warm) against a spaCy parse of the same text;
  3. per-stage breakdown (ingest, analysis, summarise, fit, PDF, DOCX) for the seed;
  4. a 20,000-word report end to end (in-process, warm model);
  5. batch throughput over dev.jsonl (`briefgen batch`, briefings per second on this machine);
  6. peak memory (RSS) of a cold `briefgen make` and of the batch.
With --write the table is written into benchmarks/RESULTS.md (section "Performance").
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "nato-foreign-ministers-2025-04-04.txt"
sys.path.insert(0, str(ROOT))


def default_bench() -> Path:
    """Return the shared bench folder: ``../shared/bench`` of the main checkout or of a worktree."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "bench" / "dev.jsonl").exists():
            return base / "shared" / "bench"
    return ROOT.parent / "shared" / "bench"


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def run_timed(cmd: list[str], **kw) -> tuple[float, int]:
    """Return (seconds, peak RSS in MB) of a fresh process running ``cmd``."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    _, err = proc.communicate()
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err.decode()}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return wall, rss


def cold_make(runs: int) -> tuple[float, float, int]:
    exe = shutil.which("briefgen")
    cmd = [exe] if exe else [sys.executable, "-m", "briefgen"]
    soffice = shutil.which("soffice")
    makes, converts, rss = [], [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            wall, peak = run_timed([*cmd, "make", str(SEED), "--out", tmp])
            makes.append(wall)
            rss = max(rss, peak)
            docx = next(Path(tmp).glob("*.docx"))
            if soffice:
                profile = Path(tmp, "profile").as_uri()
                wall, _ = run_timed(
                    [
                        soffice,
                        f"-env:UserInstallation={profile}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        tmp,
                        str(docx),
                    ]
                )
                converts.append(wall)
    return statistics.median(makes), statistics.median(converts) if converts else float("nan"), rss


def stages(text_path: Path, runs: int) -> dict[str, float]:
    from briefgen.analysis import analyse_documents
    from briefgen.ingest import read_source
    from briefgen.layout import fit_plan, load_layout
    from briefgen.nlp import load_nlp
    from briefgen.renderers import RENDERERS
    from briefgen.summarise import summarise

    nlp = load_nlp()
    doc = read_source(text_path)
    analysis = analyse_documents([doc])
    brief = summarise(analysis)
    layout = load_layout(None)
    plan = fit_plan(brief, layout)
    RENDERERS["pdf"](plan, layout)
    RENDERERS["docx"](plan, layout)
    out = {
        "spacy parse": median_time(lambda: nlp(doc.text), runs),
        "ingest": median_time(lambda: read_source(text_path), runs),
        "analysis": median_time(lambda: analyse_documents([doc]), runs),
        "summarise": median_time(lambda: summarise(analysis), runs),
        "fit": median_time(lambda: fit_plan(brief, layout), runs),
        "pdf": median_time(lambda: RENDERERS["pdf"](plan, layout), runs),
        "docx": median_time(lambda: RENDERERS["docx"](plan, layout), runs),
    }

    def whole() -> None:
        d = read_source(text_path)
        b = summarise(analyse_documents([d]))
        p = fit_plan(b, layout)
        RENDERERS["pdf"](p, layout)
        RENDERERS["docx"](p, layout)

    out["whole pipeline"] = median_time(whole, runs)
    return out


def long_report(bench: Path, words: int = 20_000) -> Path:
    """Write a ~20,000-word report made of real dev articles, with headings, and return its path."""
    parts, count = [], 0
    for line in open(bench / "dev.jsonl", encoding="utf-8"):
        rec = json.loads(line)
        parts.append(f"# {rec.get('title') or rec['id']}\n\n{rec['text']}\n")
        count += len(rec["text"].split())
        if count >= words:
            break
    path = Path(tempfile.mkdtemp()) / "report-20000.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def batch(bench: Path, jobs: int) -> tuple[float, int, int]:
    exe = shutil.which("briefgen")
    cmd = [exe] if exe else [sys.executable, "-m", "briefgen"]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "src")
        src.mkdir()
        n = 0
        for line in open(bench / "dev.jsonl", encoding="utf-8"):
            rec = json.loads(line)
            Path(src, f"{rec['id'][:60]}.txt").write_text(rec["text"], encoding="utf-8")
            n += 1
        wall, rss = run_timed(
            [
                *cmd,
                "batch",
                str(src),
                "--out",
                str(Path(tmp, "out")),
                "--jobs",
                str(jobs),
                "--quiet",
            ]
        )
    return n / wall, n, rss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", type=Path, default=default_bench())
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--skip-batch", action="store_true")
    ap.add_argument(
        "--write", action="store_true", help="write the table into benchmarks/RESULTS.md"
    )
    a = ap.parse_args()

    rows = []
    make_s, convert_s, make_rss = cold_make(max(3, a.runs // 2))
    rows.append(
        ("cold `briefgen make` seed (PDF+DOCX)", f"{make_s:.2f} s", f"peak RSS {make_rss} MB")
    )
    rows.append(
        (
            "LibreOffice convert DOCX→PDF (cold)",
            f"{convert_s:.2f} s",
            f"ratio make/convert = {make_s / convert_s:.2f} (target ≤ 1.0)",
        )
    )
    st = stages(SEED, a.runs)
    for name, secs in st.items():
        rows.append((f"seed: {name}", f"{secs * 1000:.0f} ms", ""))
    rows.append(
        (
            "warm pipeline / spaCy parse",
            f"{st['whole pipeline'] / st['spacy parse']:.2f} ×",
            "target ≤ 3",
        )
    )
    rows.append(
        (
            "fit + PDF + DOCX of the seed",
            f"{(st['fit'] + st['pdf'] + st['docx']) * 1000:.0f} ms",
            "target ≤ 150 ms",
        )
    )
    report = long_report(a.bench)
    big = stages(report, 1)
    rows.append(
        (
            "20,000-word report, whole pipeline (warm)",
            f"{big['whole pipeline']:.2f} s",
            "target ≤ 10 s",
        )
    )
    if not a.skip_batch:
        rate, n, rss = batch(a.bench, a.jobs)
        rows.append(
            (
                f"batch of {n} dev articles, {a.jobs} jobs",
                f"{rate:.2f} briefings/s",
                f"peak RSS per process {rss} MB; target ≥ 8/s",
            )
        )
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    lines = [
        "## Performance",
        "",
        f"Machine: {machine}. `python benchmarks/bench_pipeline.py --runs {a.runs}`, medians.",
        "",
        "| measure | value | note |",
        "|---|---|---|",
    ]
    lines += [f"| {m} | {v} | {n} |" for m, v, n in rows]
    table = "\n".join(lines) + "\n"
    print(table)
    if a.write:
        results = ROOT / "benchmarks" / "RESULTS.md"
        old = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n\n"
        start = old.find("## Performance")
        if start >= 0:
            end = old.find("\n## ", start + 1)
            old = old[:start] + (old[end + 1 :] if end >= 0 else "")
        results.write_text(old.rstrip() + "\n\n" + table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
