"""The seed, end to end, as a user meets it: files read back, one page in both formats."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen import generate

from .office import docx_page_counts

ROOT = Path(__file__).resolve().parent.parent


def unembedded_fonts(reader: PdfReader) -> list[str]:
    """Return the names of fonts used on the pages that carry no embedded font file."""
    missing = []
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            desc = target.get("/FontDescriptor")
            desc = desc.get_object() if desc else {}
            if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(str(font.get("/BaseFont")))
    return missing


@pytest.fixture(scope="module")
def seed_outputs(seed_path, tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("seed")
    paths = generate(seed_path, out_dir=out)
    return {p.suffix: p for p in paths}


def test_exactly_one_pdf_and_one_docx(seed_outputs):
    assert sorted(seed_outputs) == [".docx", ".pdf"]
    assert len(list(seed_outputs[".pdf"].parent.iterdir())) == 2


def test_pdf_is_one_page_with_key_facts_and_embedded_fonts(seed_outputs):
    reader = PdfReader(seed_outputs[".pdf"])
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Rutte" in text
    assert "20 billion" in text
    assert "Mark Rutte" not in text  # the source never gives his first name
    assert unembedded_fonts(reader) == []


def test_docx_holds_the_same_facts(seed_outputs):
    import docx

    document = docx.Document(str(seed_outputs[".docx"]))
    text = " ".join(p.text for p in document.paragraphs)
    text += " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Rutte" in text and "20 billion" in text


@pytest.mark.libreoffice
def test_docx_is_one_page_in_libreoffice(seed_outputs, tmp_path):
    pages = docx_page_counts([seed_outputs[".docx"]], tmp_path)
    assert pages == {seed_outputs[".docx"]: 1}


@pytest.mark.slow
def test_wheel_installs_and_works_away_from_the_checkout(tmp_path, seed_path):
    """The built wheel carries the layouts: a briefing is made from another folder."""
    pytest.importorskip("hatchling", reason="the wheel is built with hatchling (a test extra)")
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("briefgen-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [str(venv / "bin" / "briefgen"), "make", str(seed_path), "--out", "briefs"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    made = sorted(p.suffix for p in (elsewhere / "briefs").iterdir())
    assert made == [".docx", ".pdf"]
    where = subprocess.run(
        [str(py), "-c", "import briefgen; print(briefgen.__file__)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert str(venv) in where  # the installed wheel, not the checkout
