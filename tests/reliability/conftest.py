"""Helpers for the reliability catalogue: run briefgen, then judge the outcome by one rule.

Every case ends in either a valid one-page briefing (PDF parses with one page, DOCX opens) or a
one-line ``briefgen: error: ...`` with a non-zero exit, and never leaves a file outside the output
folder or a partial file inside it.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
SEED = ROOT / "seeds" / "nato-foreign-ministers-2025-04-04.txt"


@dataclass(frozen=True)
class Outcome:
    """What a run left: exit code, stdout, stderr and the files of the output folder."""

    code: int
    out: str
    err: str
    files: tuple[Path, ...]


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Run each test in its own working folder, away from user config and BRIEFGEN_* variables."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    for name in ("LAYOUT", "PAPER", "MARKING", "AUTHOR"):
        monkeypatch.delenv(f"BRIEFGEN_{name}", raising=False)
    return work


@pytest.fixture(scope="session")
def draft(tmp_path_factory, nlp) -> Path:
    """A JSON draft of the seed, made once: rendering it needs no spaCy."""
    from briefgen.api import generate

    (path,) = generate(SEED, tmp_path_factory.mktemp("draft"), formats=("json",))
    return path


def snapshot(folder: Path) -> set[str]:
    """Return every path under ``folder``, relative to it."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str], out_dir: Path) -> Outcome:
    """Return the Outcome of ``briefgen.cli.main(argv)`` writing into ``out_dir``."""
    code = main(argv)
    captured = capsys.readouterr()
    files = tuple(sorted(out_dir.iterdir())) if out_dir.is_dir() else ()
    return Outcome(code, captured.out, captured.err, files)


def run_process(
    argv: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Return the finished ``python -m briefgen argv`` run in ``cwd`` on this worktree's code."""
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *argv],
        cwd=cwd,
        env=process_env(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def process_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Return the environment for a subprocess that imports this worktree's ``briefgen``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFGEN_")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(extra or {})
    return env


def pdf_pages(data: bytes) -> int:
    """Return the page count of a PDF (raises when it does not parse)."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data), strict=True).pages)


def pdf_text(data: bytes) -> str:
    """Return the text of a PDF's pages."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    """Return the text of a DOCX: body, tables, headers and footers (raises if it does not open)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    tables = list(document.tables)
    for section in document.sections:
        for part in (section.header, section.footer):
            parts.extend(p.text for p in part.paragraphs)
            tables.extend(part.tables)
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    for r in inner.rows:
                        for c in r.cells:
                            parts.extend(p.text for p in c.paragraphs)
    return "\n".join(parts)


def assert_complete(path: Path) -> None:
    """Assert ``path`` is a whole output: a one-page PDF, a DOCX that opens, or JSON that loads."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        assert pdf_pages(data) == 1, f"{path.name} is not one page"
    elif path.suffix == ".docx":
        docx_text(data)
    elif path.suffix == ".json":
        import json

        json.loads(data)
    else:
        assert data, f"{path.name} is empty"


def assert_clean_outcome(outcome: Outcome, *, expect_error: str | None = None) -> None:
    """Assert the outcome is a complete briefing, or a one-line error with nothing written.

    ``expect_error`` (a substring) says the run must fail with that in its message; None that it
    must succeed.
    """
    err_lines = [line for line in outcome.err.splitlines() if line.startswith("briefgen: error")]
    assert "Traceback" not in outcome.err
    if expect_error is None:
        assert outcome.code == 0, outcome.err
        assert not err_lines
        assert {p.suffix for p in outcome.files} == {".pdf", ".docx"}, outcome.files
        for path in outcome.files:
            assert_complete(path)
    else:
        assert outcome.code != 0
        assert len(err_lines) == 1, outcome.err
        assert expect_error.lower() in err_lines[0].lower(), err_lines[0]
        assert not outcome.files, "a failed run left files behind"
    assert not [p for p in outcome.files if p.name.startswith(".") or p.suffix == ".part"]
