"""The command line: usage, bad input, and the seed's briefing read back from disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from briefgen import __version__
from briefgen.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefgen {__version__}"


@pytest.mark.parametrize("command", ["make", "analyse", "layouts"])
def test_help_of_every_command_has_examples(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert "examples:" in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["fly"])
    assert exc.value.code == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "empty"), (b"  \n\n \t\n", "empty")],
    ids=["missing", "empty", "blank"],
)
def test_bad_source_one_line_exit_2_nothing_written(tmp_path, capsys, content, message):
    source = tmp_path / "story.txt"
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "out"
    code = main(["make", str(source), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and message in err and str(source) in err
    assert not out.exists() or not any(out.iterdir())


def test_make_writes_pdf_and_docx_of_the_seed(seed_path, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["make", str(seed_path), "--out", str(out)]) == 0
    printed = capsys.readouterr().out.split()
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "2025-04-04-nato-foreign-ministers.docx",
        "2025-04-04-nato-foreign-ministers.pdf",
    ]
    assert sorted(os.path.basename(p) for p in printed) == names


def test_make_refuses_to_overwrite_then_force_replaces(seed_path, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["make", str(seed_path), "--out", str(out), "--format", "pdf"]) == 0
    pdf = next(out.iterdir())
    before = pdf.stat().st_mtime_ns
    assert main(["make", str(seed_path), "--out", str(out), "--format", "pdf"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert pdf.stat().st_mtime_ns == before
    assert main(["make", str(seed_path), "--out", str(out), "--format", "pdf", "--force"]) == 0


def test_unknown_format_is_refused(seed_path, tmp_path, capsys):
    code = main(["make", str(seed_path), "--out", str(tmp_path), "--format", "pdf,xls"])
    assert code != 0
    assert "xls" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_analyse_json(seed_path, capsys):
    assert main(["analyse", str(seed_path), "--points", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["key_points"]) == 3
    assert data["date"] == "2025-04-04" and data["source"] == "Eurasia Review"
    assert any("20 billion" in f["text"] for f in data["figures"])
    assert all(q["speaker"] in (None, "Rutte") or "Rutte" in q["speaker"] for q in data["quotes"])


def test_layouts_lists_names_and_descriptions(capsys):
    assert main(["layouts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line for line in lines if line and not line.startswith(" ")]
    assert {"memo", "executive", "meeting"} <= set(names)
    assert all(line.startswith("    ") and line.strip() for line in lines if line not in names)


def test_real_subprocess_error_has_no_traceback(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefgen",
            "make",
            str(tmp_path / "missing.txt"),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("briefgen: error:") and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()
