"""Faults while writing: read-only folder, full disk, a run killed mid-write, two runs at once.

Root runs the tests, so ``chmod`` cannot make a folder read-only for us, and a read-only bind mount
needs privileges a test should not take: a read-only folder and a full disk are simulated by
patching the ``os`` calls that create files in the output folder (``os.open`` under
``tempfile.mkstemp``, ``os.link``, ``os.replace``, ``os.mkdir``) or write them (the file object
``os.fdopen`` returns). Kills are real: ``python -m briefgen render`` in a subprocess SIGKILLs
itself at a chosen write step (deterministic), or is killed from outside after a delay.

Outputs are rendered from a JSON draft (made once), so subprocesses need no spaCy and stay fast.
A killed run may leave a hidden ``.<name>.<random>.part`` file, never a visible partial output;
the next run writing that name removes it once it is stale.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefgen import files as files_module

from .conftest import assert_complete, process_env, run_main, run_process

FORMATS = "pdf,docx,md,html"


def one_error_line(err: str) -> bool:
    """Return True when ``err`` holds exactly one ``briefgen: error:`` line and no traceback."""
    lines = [line for line in err.splitlines() if line.startswith("briefgen: error: ")]
    return len(lines) == 1 and "Traceback" not in err


def visible(folder: Path) -> list[Path]:
    """Return the files of ``folder`` a user sees (not hidden)."""
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def hidden(folder: Path) -> list[Path]:
    """Return the hidden files of ``folder``."""
    return sorted(p for p in folder.iterdir() if p.name.startswith("."))


def names(stem: str) -> list[str]:
    """Return the file names a render of ``FORMATS`` writes, sorted."""
    return sorted(f"{stem}.{fmt}" for fmt in FORMATS.split(","))


def assert_only_complete_files(folder: Path, stem: str) -> None:
    """Assert every visible file is complete and every hidden one a temporary ``.part``."""
    for path in visible(folder):
        assert path.name in names(stem)
        assert_complete(path)
    for path in hidden(folder):
        assert path.name.endswith(".part"), path.name
        assert any(path.name.startswith(f".{name}.") for name in names(stem)), path.name


def _inside(path: object, folder: Path) -> bool:
    try:
        return Path(os.fsdecode(path)).resolve().is_relative_to(folder.resolve())  # type: ignore
    except (TypeError, ValueError):
        return False


@pytest.fixture
def read_only(monkeypatch):
    """Return a function that makes a folder behave as read-only (EROFS) for this test."""

    def make(folder: Path) -> None:
        def deny(name: str):
            real = getattr(os, name)

            def call(*args, **kwargs):
                targets = [a for a in args[:2] if isinstance(a, (str, bytes, os.PathLike))]
                creating = name != "open" or args[1] & (os.O_CREAT | os.O_WRONLY | os.O_RDWR)
                if creating and any(_inside(t, folder) for t in targets):
                    raise OSError(errno.EROFS, "Read-only file system", os.fsdecode(targets[-1]))
                return real(*args, **kwargs)

            monkeypatch.setattr(os, name, call)

        for name in ("open", "link", "replace", "rename", "mkdir"):
            deny(name)

    return make


@pytest.mark.parametrize("force", [False, True])
def test_read_only_folder_gives_one_line_and_keeps_old_files(
    force, draft, tmp_path, read_only, capsys
):
    out = tmp_path / "out"
    out.mkdir()
    old = out / f"{draft.stem}.pdf"
    if force:
        old.write_bytes(b"old pdf")
    read_only(out)
    argv = ["render", str(draft), "--out", str(out), "--format", FORMATS]
    outcome = run_main(argv + (["--force"] if force else []), capsys, out)
    assert outcome.code == 1
    assert one_error_line(outcome.err) and "Read-only file system" in outcome.err
    assert list(out.iterdir()) == ([old] if force else [])
    if force:
        assert old.read_bytes() == b"old pdf"


def test_output_folder_under_a_read_only_parent(draft, tmp_path, read_only, capsys):
    parent = tmp_path / "locked"
    parent.mkdir()
    read_only(parent)
    out = parent / "new" / "out"
    outcome = run_main(["render", str(draft), "--out", str(out)], capsys, out)
    assert outcome.code == 1 and "cannot create output folder" in outcome.err
    assert one_error_line(outcome.err)
    assert list(parent.iterdir()) == []


class _FillingFile:
    """A file object on a disk with ``room`` bytes left: writes past it fail with ENOSPC."""

    room = 0

    def __init__(self, handle):
        self._handle = handle

    def write(self, data: bytes) -> int:
        if len(data) > _FillingFile.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        _FillingFile.room -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()


@pytest.mark.parametrize("room", [0, 30_000, 60_000])
def test_full_disk_leaves_no_file_at_all(room, draft, tmp_path, monkeypatch, capsys):
    real_fdopen = os.fdopen
    monkeypatch.setattr(_FillingFile, "room", room)
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FillingFile(real_fdopen(fd, *a, **k)))
    out = tmp_path / "out"
    argv = ["render", str(draft), "--out", str(out), "--format", FORMATS]
    outcome = run_main(argv, capsys, out)
    assert outcome.code == 1
    assert one_error_line(outcome.err) and "disk full" in outcome.err
    assert list(out.iterdir()) == []  # no partial file, no temporary file, no half set


def test_full_disk_at_fsync(draft, tmp_path, monkeypatch, capsys):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "out"
    outcome = run_main(["render", str(draft), "--out", str(out)], capsys, out)
    assert outcome.code == 1 and "disk full" in outcome.err
    assert list(out.iterdir()) == []


# a briefgen run that SIGKILLs itself at the n-th call of an os function
KILLER = textwrap.dedent(
    """
    import os, signal, sys
    name, n = sys.argv[1], int(sys.argv[2])
    real, calls = getattr(os, name), [0]
    def hook(*args, **kwargs):
        calls[0] += 1
        if calls[0] == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    setattr(os, name, hook)
    from briefgen.cli import main
    sys.exit(main(sys.argv[3:]))
    """
)


@pytest.mark.parametrize(
    ("step", "n", "force"),
    [
        ("fsync", 1, False),  # first temporary file written, not yet flushed
        ("link", 1, False),  # first file complete, about to appear
        ("unlink", 1, False),  # first file in place, its temporary name not yet removed
        ("fsync", 3, False),  # in the middle of the set
        ("link", 4, False),  # last file about to appear
        ("replace", 1, True),  # --force: about to replace the first old file
        ("replace", 3, True),
    ],
)
def test_killed_mid_write_leaves_only_complete_files(step, n, force, draft, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    if force:
        first = run_process(
            ["render", str(draft), "--out", str(out), "--format", FORMATS], cwd=tmp_path
        )
        assert first.returncode == 0, first.stderr
        old = {p.name: p.read_bytes() for p in visible(out)}
    argv = ["render", str(draft), "--out", str(out), "--format", FORMATS] + (
        ["--force"] if force else []
    )
    run = subprocess.run(
        [sys.executable, "-c", KILLER, step, str(n), *argv],
        env=process_env({"SOURCE_DATE_EPOCH": "1767225600"}),  # new files differ from the old
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()
    assert_only_complete_files(out, draft.stem)
    if force:
        assert {p.name for p in visible(out)} == set(old)  # every file old or new, none missing
    # the next run finishes the job, and removes the stale temporary files
    for part in hidden(out):
        os.utime(part, (time.time() - 2 * files_module.STALE_SECONDS,) * 2)
    again = run_process(argv + ["--force"], cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert [p.name for p in visible(out)] == names(draft.stem)
    assert hidden(out) == []
    assert_only_complete_files(out, draft.stem)


@pytest.mark.parametrize("delay", [0.2, 0.8, 1.6])
def test_killed_from_outside_leaves_only_complete_files(delay, draft, tmp_path):
    out = tmp_path / "out"
    argv = ["render", str(draft), "--out", str(out), "--format", FORMATS]
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefgen", *argv],
        env=process_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.kill()
    proc.wait(timeout=60)
    if out.exists():
        assert_only_complete_files(out, draft.stem)


@pytest.mark.parametrize("force", [False, True])
def test_two_runs_into_one_folder_at_once(force, draft, tmp_path):
    out = tmp_path / "out"
    argv = [
        sys.executable,
        "-m",
        "briefgen",
        "render",
        str(draft),
        "--out",
        str(out),
        "--format",
        FORMATS,
    ] + (["--force"] if force else [])
    procs = [
        subprocess.Popen(
            argv, env=process_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for proc in procs:
        proc.stdout.close()
        proc.stderr.close()
    codes = sorted(code for code, _ in results)
    assert all("Traceback" not in err for _, err in results)
    if force:
        assert codes == [0, 0]
    else:  # one wins; the other says the files exist, and removes none of the winner's
        assert codes == [0, 1], results
        loser = next(err for code, err in results if code == 1)
        assert "already exists" in loser and one_error_line(loser)
    assert [p.name for p in visible(out)] == names(draft.stem)
    assert hidden(out) == []
    assert_only_complete_files(out, draft.stem)


@pytest.mark.parametrize("name", ["../escape.pdf", "/tmp/escape.pdf", "..", "a/b.pdf", ""])
def test_output_names_cannot_leave_the_folder(name, tmp_path):
    from briefgen.errors import RenderError

    with pytest.raises(RenderError, match="not a plain file name"):
        files_module.write_outputs({name: b"x"}, tmp_path / "out")
    assert not (tmp_path / "out").exists() and not (tmp_path / "escape.pdf").exists()


@pytest.mark.parametrize("where", ["file", "file/sub", "nul"])
def test_output_folder_that_cannot_be_a_folder(where, draft, tmp_path):
    from briefgen.api import render_draft
    from briefgen.errors import RenderError

    (tmp_path / "file").write_text("x")
    out = "a\0b" if where == "nul" else str(tmp_path / where)
    with pytest.raises(RenderError, match="cannot create output folder"):
        render_draft(draft, out)
    assert (tmp_path / "file").read_text() == "x"
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".pdf", ".docx")]


def test_paths_with_undecodable_bytes_in_a_strict_terminal(draft, tmp_path):
    out = os.fsencode(tmp_path) + b"/out-\xff"
    run = subprocess.run(
        [sys.executable.encode(), b"-m", b"briefgen", b"render", os.fsencode(draft), b"--out", out],
        env=process_env({"PYTHONIOENCODING": "utf-8:strict"}),
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr.decode(errors="replace")
    assert run.stdout.decode().count("out-\ufffd/") == 2
    assert sorted(os.listdir(out)) == [f"{draft.stem}.docx".encode(), f"{draft.stem}.pdf".encode()]
