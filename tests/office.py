"""LibreOffice for tests: convert many DOCX files to PDF in ONE headless call, count their pages.

Tests that need LibreOffice skip when ``soffice`` is missing, except under ``CI=true`` where they
fail:
CI installs it, so its absence there is a broken install, not a reason to skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

__all__ = ["convert", "docx_page_counts", "require_soffice"]


def require_soffice() -> str:
    """Return the soffice executable; skip the test (fail under CI=true) when there is none."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice (soffice) is not installed, and CI=true requires it")
        pytest.skip("LibreOffice (soffice) is not installed")
    return exe


def convert(paths: Sequence[Path], workdir: Path, target: str = "pdf") -> dict[Path, Path]:
    """Convert every file in ``paths`` with LibreOffice headless in ONE call, with a private
    profile under ``workdir``; return each source's converted file (``target`` is a
    ``--convert-to`` argument such as "pdf" or "docx:MS Word 2007 XML")."""
    exe = require_soffice()
    out = workdir / "lo-out"
    out.mkdir(parents=True, exist_ok=True)
    profile = (workdir / "lo-profile").resolve().as_uri()
    # files with the same name in different folders would collide in one output folder
    stems = [p.stem for p in paths]
    assert len(set(stems)) == len(stems), "give each file a distinct name"
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    suffix = "." + target.split(":", 1)[0]
    return {p: out / f"{p.stem}{suffix}" for p in paths}


def docx_page_counts(paths: Sequence[Path], workdir: Path) -> dict[Path, int]:
    """Return the page count of each DOCX in ``paths`` as LibreOffice lays it out (one call)."""
    from pypdf import PdfReader

    return {src: len(PdfReader(pdf).pages) for src, pdf in convert(paths, workdir).items()}
