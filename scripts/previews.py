"""Render PNG previews of every built-in layout for the README into docs/img/.

    python scripts/previews.py [--out docs/img] [--resolution 70]

Each layout renders the seed's briefing, made by briefgen itself from
``seeds/nato-foreign-ministers-2025-04-04.txt``, to PDF and DOCX; the PDF becomes
``docs/img/<layout>.png`` with ``pdftoppm -png -r 70``; with LibreOffice installed the DOCX is
converted too (``docs/img/<layout>-docx.png``), so the two can be compared side by side.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen import make_brief  # noqa: E402
from briefgen.layout import available_layouts, fit_plan, load_layout  # noqa: E402
from briefgen.renderers import RENDERERS  # noqa: E402

SEED = ROOT / "seeds" / "nato-foreign-ministers-2025-04-04.txt"


def _png(pdf: Path, out: Path, resolution: int) -> None:
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-singlefile", str(pdf), str(stem)],
                   check=True)


def main(argv: list[str] | None = None) -> int:
    """Render the previews; return the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    ap.add_argument("--resolution", type=int, default=70)
    ap.add_argument("--no-docx", action="store_true", help="skip the DOCX previews")
    args = ap.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is required", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    brief = make_brief(SEED)
    with tempfile.TemporaryDirectory(prefix="briefgen-previews-") as tmp:
        work = Path(tmp)
        docs = []
        for name in sorted(available_layouts()):
            layout = load_layout(name)
            plan = fit_plan(brief, layout)
            pdf = work / f"{name}.pdf"
            pdf.write_bytes(RENDERERS["pdf"](plan, layout))
            _png(pdf, args.out / f"{name}.png", args.resolution)
            docx = work / f"{name}-docx.docx"
            docx.write_bytes(RENDERERS["docx"](plan, layout))
            docs.append(docx)
            print(f"{name}: {plan.font_size:g} pt, dropped {len(plan.dropped)} -> "
                  f"{args.out / (name + '.png')}")
        soffice = shutil.which("soffice")
        if docs and soffice and not args.no_docx:
            subprocess.run([soffice, f"-env:UserInstallation={(work / 'lo').as_uri()}",
                            "--headless", "--convert-to", "pdf", "--outdir", str(work),
                            *map(str, docs)], check=True, capture_output=True)
            for d in docs:
                _png(d.with_suffix(".pdf"), args.out / f"{d.stem}.png", args.resolution)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
