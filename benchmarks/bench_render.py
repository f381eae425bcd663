"""Benchmark: fit and render the seed Brief, PDF and DOCX, warm (target: <= 150 ms per layout).

    python benchmarks/bench_render.py [--repeat 20]

Warm means fonts are instanced, cached and registered (one untimed run first). Times are the
median CPU time (``time.process_time``), which a busy shared machine disturbs less than wall time.
Prints a SUMMARY line per input and layout: fit, PDF, DOCX and their total.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.layout import available_layouts, fit_plan, load_layout  # noqa: E402
from briefgen.renderers import RENDERERS  # noqa: E402
from tests.helpers import seed_brief, synthetic_brief  # noqa: E402


def _ms(fn, repeat: int) -> tuple[float, object]:
    """Return the median CPU time of ``fn`` in ms (CPU, not wall: the machine may be shared)."""
    times, out = [], None
    for _ in range(repeat):
        t = time.process_time()
        out = fn()
        times.append((time.process_time() - t) * 1000)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit status (1 when a layout exceeds the budget)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--budget", type=float, default=150.0, help="ms for fit + PDF + DOCX")
    args = ap.parse_args(argv)
    over = 0
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for label, brief in (("seed", seed_brief()), ("20000 words", synthetic_brief(20000))):
        for name in sorted(available_layouts()):
            layout = load_layout(name)
            for fmt in RENDERERS:  # warm-up: fonts, caches, imports
                RENDERERS[fmt](fit_plan(brief, layout), layout)
            fit_ms, plan = _ms(lambda: fit_plan(brief, layout), args.repeat)  # noqa: B023
            pdf_ms, _ = _ms(lambda: RENDERERS["pdf"](plan, layout), args.repeat)  # noqa: B023
            docx_ms, _ = _ms(lambda: RENDERERS["docx"](plan, layout), args.repeat)  # noqa: B023
            total = fit_ms + pdf_ms + docx_ms
            flag = "" if total <= args.budget else "  OVER BUDGET"
            over += label == "seed" and total > args.budget
            print(f"SUMMARY {label:12s} {name:10s} fit {fit_ms:6.1f} ms  pdf {pdf_ms:6.1f} ms  "
                  f"docx {docx_ms:6.1f} ms  total {total:6.1f} ms (median of {args.repeat})"
                  f"{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
