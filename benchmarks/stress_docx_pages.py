"""Stress: how often does the DOCX, laid out by LibreOffice, stay on one page?

    python benchmarks/stress_docx_pages.py [--seeds 12]

Renders synthetic briefs (100 to 20,000 words, Latin and Cyrillic/Greek text) for every layout on
A4 and Letter, converts all DOCX files with ONE LibreOffice call, and counts pages of both formats.
Prints a SUMMARY line; exits 1 when any file has more than one page.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdf  # noqa: E402

from briefgen.layout import available_layouts, fit_plan, load_layout  # noqa: E402
from briefgen.renderers import RENDERERS  # noqa: E402
from tests.helpers import synthetic_brief  # noqa: E402

_GREEK = str.maketrans("abcdefghiklmnoprstuvyz", "αβψδεφγηικλμνοπρστθωυζ")
_CYRILLIC = str.maketrans("abcdefghiklmnoprstuvyz", "абцдефгхиклмнопрстуввз")


def _translit(brief, table):
    if table is None:
        return brief

    def tr(item):
        return dataclasses.replace(item, text=item.text.translate(table))

    return dataclasses.replace(
        brief, key_points=tuple(map(tr, brief.key_points)),
        bottom_line=tuple(map(tr, brief.bottom_line)), quotes=tuple(map(tr, brief.quotes)))


def main(argv: list[str] | None = None) -> int:
    """Run the stress test; return the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=12)
    args = ap.parse_args(argv)
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice (LibreOffice) is required", file=sys.stderr)
        return 2
    sizes = (100, 300, 1000, 3000, 8000, 20000)
    with tempfile.TemporaryDirectory(prefix="briefgen-stress-") as tmp:
        work = Path(tmp)
        pdf_pages = {}
        for name in sorted(available_layouts()):
            for paper in ("A4", "Letter"):
                layout = load_layout(name, paper=paper)
                for seed in range(args.seeds):
                    brief = synthetic_brief(sizes[seed % len(sizes)], seed=seed + 7)
                    brief = _translit(brief, (None, _GREEK, _CYRILLIC)[seed % 3])
                    plan = fit_plan(brief, layout)
                    stem = f"{name}-{paper}-{seed}"
                    pdf = RENDERERS["pdf"](plan, layout)
                    (work / f"{stem}.docx").write_bytes(RENDERERS["docx"](plan, layout))
                    pdf_pages[stem] = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        out = work / "out"
        subprocess.run([soffice, f"-env:UserInstallation={(work / 'lo').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out),
                        *sorted(str(p) for p in work.glob("*.docx"))],
                       check=True, capture_output=True)
        bad = []
        for stem in pdf_pages:
            docx_pages = len(pypdf.PdfReader(out / f"{stem}.pdf").pages)
            if docx_pages != 1 or pdf_pages[stem] != 1:
                bad.append(f"{stem}: pdf {pdf_pages[stem]} docx {docx_pages}")
        for line in bad:
            print("MULTI-PAGE", line)
        n = len(pdf_pages)
        print(f"SUMMARY one page: {n - len(bad)}/{n} briefs in both PDF and DOCX (LibreOffice)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
