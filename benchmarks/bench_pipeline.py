#!/usr/bin/env python3
"""Performance of briefgen, measured side by side with what a user would otherwise wait for.

    python benchmarks/bench_pipeline.py [--bench ../shared/bench] [--runs 5] [--jobs 2] [--write]

Measures, in one run (medians of --runs; the machine's load average is read before each one):
  1. cold `briefgen make` of the seed (a fresh process: analysis + PDF + DOCX) against LibreOffice
     headless merely converting that DOCX to PDF (a fresh process with its own new profile), run
     alternately so both see the same load;
  2. the whole pipeline in-process (warm) against a spaCy parse of the same text (spaCy's own
     pipeline, every default pipe, as `spacy.load("en_core_web_sm")` gives it);
  3. per-stage breakdown (ingest, analysis, summarise, fit, PDF, DOCX) for the seed;
  4. a 20,000-word report (dev articles under headings) end to end, in-process and cold;
  5. batch throughput over dev.jsonl (`briefgen batch --jobs N`, briefings per second);
  6. peak memory: RSS of the cold make, and of the batch (largest process, and all processes).
Wall time is what a user waits for; CPU time (user + sys) is shown beside it because the machine
is shared: on a loaded machine wall time grows while CPU time stays about the same.
The package's bytecode is compiled first (as `pip install` does), so a cold start does not
include compiling briefgen's own modules. With --write the table goes into benchmarks/RESULTS.md
(section "## Performance").
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "nato-foreign-ministers-2025-04-04.txt"
sys.path.insert(0, str(ROOT))

Row = tuple[str, str, str]


def default_bench() -> Path:
    """Return the shared bench folder: ``../shared/bench`` of the main checkout or of a worktree."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "bench" / "dev.jsonl").exists():
            return base / "shared" / "bench"
    return ROOT.parent / "shared" / "bench"


def load() -> float:
    """Return the 1-minute load average (runnable processes; 2.0 fills this 2-core machine)."""
    return os.getloadavg()[0]


class Loads:
    """The load averages read before each measurement, summarised as "min-max"."""

    def __init__(self) -> None:
        self.seen: list[float] = []

    def read(self) -> None:
        """Record the current load."""
        self.seen.append(load())

    def text(self) -> str:
        """Return "load a-b" over what was recorded since the last call, and forget it."""
        seen, self.seen = self.seen, []
        if not seen:
            return ""
        return f"load {min(seen):.1f}" + (
            f"-{max(seen):.1f}" if max(seen) - min(seen) >= 0.1 else ""
        )


LOADS = Loads()


def median_time(fn: Callable[[], object], runs: int) -> float:
    """Return the median wall time of ``runs`` calls of ``fn``."""
    times = []
    for _ in range(runs):
        LOADS.read()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _tree_rss_mb(pid: int) -> float:
    """Return the summed RSS (MB) of ``pid`` and its descendants (shared pages count in each)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            with open(f"/proc/{p}/task/{p}/children", encoding="ascii") as fh:
                todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total / 1024


class Run:
    """One fresh process: wall and CPU seconds, peak RSS of its largest process and of its tree."""

    def __init__(self, cmd: list[str], *, tree: bool = False, **kw: object) -> None:
        LOADS.read()
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
        self.tree_mb = 0.0
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                self.tree_mb = max(self.tree_mb, _tree_rss_mb(proc.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        if tree:  # sampling costs a little CPU: only where several processes run
            sampler.start()
        err = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        self.wall = time.perf_counter() - t
        done.set()
        if tree:
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{err.decode(errors='replace')}")
        self.cpu = usage.ru_utime + usage.ru_stime
        self.max_mb = usage.ru_maxrss / 1024  # the largest single process, reaped children included


def briefgen_cmd() -> list[str]:
    """Return the command that runs this checkout's briefgen CLI."""
    return [sys.executable, "-m", "briefgen"]


def soffice_convert(docx: Path, out: Path) -> Run | None:
    """Return the Run of LibreOffice converting ``docx`` to PDF with a new profile, or None."""
    soffice = shutil.which("soffice")
    if not soffice:
        return None
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        return Run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(docx),
            ]
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def cold_make(source: Path, runs: int, *, convert: bool) -> tuple[list[Run], list[Run]]:
    """Return the Runs of cold ``briefgen make`` of ``source`` and of LibreOffice, alternated."""
    makes, converts = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            makes.append(Run([*briefgen_cmd(), "make", str(source), "--out", tmp, "-q"], cwd=ROOT))
            docx = next(Path(tmp).glob("*.docx"))
            if convert:
                lo = soffice_convert(docx, Path(tmp))
                if lo is not None:
                    converts.append(lo)
    return makes, converts


def med(runs: list[Run], attr: str) -> float:
    """Return the median of ``attr`` over ``runs``."""
    return statistics.median(getattr(r, attr) for r in runs)


def spacy_parse_time(text: str, runs: int) -> float:
    """Return the median time of a parse of ``text`` by spaCy's own full pipeline."""
    import spacy

    from briefgen.nlp import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        raise SystemExit("no spaCy model installed")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    nlp(text)
    return median_time(lambda: nlp(text), runs)


def stages(text_path: Path, runs: int) -> dict[str, float]:
    """Return the median seconds of each stage, and of the whole pipeline, on ``text_path``."""
    from briefgen.analysis import analyse_documents
    from briefgen.ingest import read_source
    from briefgen.layout import fit_plan, load_layout
    from briefgen.renderers import RENDERERS
    from briefgen.summarise import summarise

    doc = read_source(text_path)
    analysis = analyse_documents([doc])
    brief = summarise(analysis)
    layout = load_layout(None)
    plan = fit_plan(brief, layout)
    RENDERERS["pdf"](plan, layout)
    RENDERERS["docx"](plan, layout)
    out = {
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
    out["spacy parse"] = spacy_parse_time(doc.text, runs)
    return out


def stages_apart(text_path: Path, runs: int) -> dict[str, float]:
    """Return ``stages(text_path, runs)`` measured in a fresh process, with its load readings.

    Apart, so that this process stays small: a child started later would inherit its peak RSS
    (Linux keeps the larger of the parent's and the child's in the child's ``ru_maxrss``).
    """
    out = subprocess.run(
        [sys.executable, __file__, "--stages-of", str(text_path), "--runs", str(runs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise SystemExit(f"stages of {text_path} failed:\n{out.stderr}")
    result = json.loads(out.stdout)
    LOADS.seen += result.pop("loads")
    return result


def long_report(bench: Path, folder: Path, words: int = 20_000) -> tuple[Path, int]:
    """Write a report of ``words``+ words made of dev articles under headings; return it and its
    word count."""
    parts, count = [], 0
    for line in open(bench / "dev.jsonl", encoding="utf-8"):
        rec = json.loads(line)
        parts.append(f"# {rec.get('title') or rec['id']}\n\n{rec['text']}\n")
        count += len(rec["text"].split())
        if count >= words:
            break
    path = folder / "report-20000.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path, count


def batch(bench: Path, jobs: int) -> tuple[int, Run]:
    """Return the number of dev articles and the Run of ``briefgen batch`` over them."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "src")
        src.mkdir()
        n = 0
        for line in open(bench / "dev.jsonl", encoding="utf-8"):
            rec = json.loads(line)
            Path(src, f"{rec['id'][:60]}.txt").write_text(rec["text"], encoding="utf-8")
            n += 1
        cmd = [*briefgen_cmd(), "batch", str(src), "--out", str(Path(tmp, "out"))]
        run = Run([*cmd, "--jobs", str(jobs), "--quiet"], tree=True, cwd=ROOT)
    return n, run


def ms(seconds: float) -> str:
    """Return ``seconds`` as whole milliseconds."""
    return f"{seconds * 1000:.0f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", type=Path, default=default_bench())
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--skip-batch", action="store_true")
    ap.add_argument(
        "--write", action="store_true", help="write the table into benchmarks/RESULTS.md"
    )
    ap.add_argument("--stages-of", type=Path, help=argparse.SUPPRESS)  # see stages_apart
    a = ap.parse_args()
    if a.stages_of:
        import resource

        result = stages(a.stages_of, a.runs)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({**result, "loads": LOADS.seen, "peak MB": peak}))
        return 0

    compileall.compile_dir(ROOT / "briefgen", quiet=1)  # as an installed package would have it
    rows: list[Row] = []
    summary: list[str] = []

    makes, converts = cold_make(SEED, max(3, a.runs), convert=True)
    make_s, make_cpu, make_rss = med(makes, "wall"), med(makes, "cpu"), max(r.max_mb for r in makes)
    where = LOADS.text()
    rows.append(
        (
            "cold `briefgen make` seed (PDF+DOCX)",
            f"{make_s:.2f} s",
            f"CPU {make_cpu:.2f} s; peak RSS {make_rss:.0f} MB; {where}",
        )
    )
    if converts:
        lo_s, lo_cpu = med(converts, "wall"), med(converts, "cpu")
        ratio = make_s / lo_s
        rows.append(
            (
                "LibreOffice convert DOCX→PDF (cold, new profile)",
                f"{lo_s:.2f} s",
                f"CPU {lo_cpu:.2f} s; **make / convert = {ratio:.2f}** (target ≤ 1.0)",
            )
        )
        summary.append(f"cold make/convert {ratio:.2f} (target <= 1.0)")

    st = stages_apart(SEED, a.runs)
    where = LOADS.text()
    for name in ("ingest", "analysis", "summarise", "fit", "pdf", "docx", "whole pipeline"):
        rows.append(
            (
                f"seed (warm): {name}",
                ms(st[name]),
                "analysis includes the parse" if name == "analysis" else "",
            )
        )
    rows.append(("seed: spaCy parse (full default pipeline)", ms(st["spacy parse"]), where))
    warm = st["whole pipeline"] / st["spacy parse"]
    rows.append(("warm pipeline / spaCy parse", f"**{warm:.2f} ×**", "target ≤ 3"))
    summary.append(f"warm/parse {warm:.2f} (target <= 3)")

    with tempfile.TemporaryDirectory() as tmp:
        report, words = long_report(a.bench, Path(tmp))
        big = stages_apart(report, 1)
        where = LOADS.text()
        parts = ", ".join(
            f"{k} {big[k]:.2f}" for k in ("analysis", "summarise", "fit", "pdf", "docx")
        )
        rows.append(
            (
                f"{words:,}-word report, whole pipeline (warm)",
                f"**{big['whole pipeline']:.2f} s**",
                f"target ≤ 10 s; stages (s): {parts}; spaCy parse {big['spacy parse']:.2f} s; "
                f"peak RSS {big['peak MB']:.0f} MB (spaCy's parse included); {where}",
            )
        )
        cold_big, _ = cold_make(report, 1, convert=False)
        rows.append(
            (
                f"{words:,}-word report, cold `briefgen make`",
                f"{cold_big[0].wall:.2f} s",
                f"CPU {cold_big[0].cpu:.2f} s; peak RSS {cold_big[0].max_mb:.0f} MB; "
                f"{LOADS.text()}",
            )
        )
        summary.append(f"20k words warm {big['whole pipeline']:.2f} s (target <= 10)")

    if not a.skip_batch:
        n, run = batch(a.bench, a.jobs)
        rate = n / run.wall
        where = LOADS.text()
        rows.append(
            (
                f"batch of {n} dev articles, --jobs {a.jobs}",
                f"**{rate:.2f} briefings/s**",
                f"{run.wall:.1f} s wall, CPU {run.cpu:.1f} s ({n / run.cpu:.1f} briefings per "
                f"CPU-second); target ≥ 8/s; {where}",
            )
        )
        rows.append(
            (
                "batch peak RSS",
                f"{run.max_mb:.0f} MB",
                f"largest process; all processes together {run.tree_mb:.0f} MB "
                "(pages shared after fork counted in each)",
            )
        )
        summary.append(f"batch {rate:.2f}/s with {a.jobs} jobs (target >= 8)")
    summary.append(f"peak RSS make {make_rss:.0f} MB (target <= 500)")

    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    lines = [
        "## Performance",
        "",
        f"Machine: {machine}. `python benchmarks/bench_pipeline.py --runs {a.runs} --jobs "
        f"{a.jobs}`: medians; one run of the 20,000-word report and of the batch. The machine is "
        "shared with other jobs: the load average (2.0 fills both cores) is read before every "
        "measurement; under load wall time grows while CPU time stays about the same.",
        "",
        "| measure | value | note |",
        "|---|---|---|",
    ]
    lines += [f"| {m} | {v} | {n} |" for m, v, n in rows]
    lines += ["", *(f"    SUMMARY {s}" for s in summary)]
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
