"""Output names, no silent overwrite, atomic writes that leave nothing partial behind."""

from __future__ import annotations

import errno
import os

import pytest

from briefgen.errors import RenderError
from briefgen.files import output_stem, slugify, write_outputs


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("NATO Foreign Ministers meet", "nato-foreign-ministers-meet"),
        ("Élysée: «Paris» talks €20bn", "elysee-paris-talks-20bn"),
        ("Москва", ""),
        ("a b c d e f g h i j", "a-b-c-d-e-f-g-h"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("date", "name", "title", "stem"),
    [
        (
            "2025-04-04",
            "seeds/nato-foreign-ministers-2025-04-04.txt",
            None,
            "2025-04-04-nato-foreign-ministers",
        ),
        (None, "report.pdf", "Ignored", "report"),
        ("2025-01-02", "-", "Budget talks resume", "2025-01-02-budget-talks-resume"),
        (None, "https://example.org/a", None, "briefing"),
    ],
)
def test_output_stem(date, name, title, stem):
    assert output_stem(date, name, title) == stem


def test_write_outputs_writes_all_files(tmp_path):
    paths = write_outputs({"a.pdf": b"%PDF", "a.docx": b"PK"}, tmp_path / "out")
    assert [p.read_bytes() for p in paths] == [b"%PDF", b"PK"]
    assert sorted(os.listdir(tmp_path / "out")) == ["a.docx", "a.pdf"]


def test_existing_file_stops_before_anything_is_written(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"old")
    with pytest.raises(RenderError, match=r"a\.docx already exists; use --force"):
        write_outputs({"a.pdf": b"%PDF", "a.docx": b"new"}, tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["a.docx"]
    assert (tmp_path / "a.docx").read_bytes() == b"old"


def test_overwrite_replaces(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"old")
    write_outputs({"a.pdf": b"new"}, tmp_path, overwrite=True)
    assert (tmp_path / "a.pdf").read_bytes() == b"new"


def test_disk_full_leaves_no_partial_or_temporary_file(tmp_path, monkeypatch):
    calls = []

    def full(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(RenderError, match="disk full"):
        write_outputs({"a.pdf": b"%PDF", "a.docx": b"PK"}, tmp_path)
    assert os.listdir(tmp_path) == []


def test_output_folder_that_is_a_file(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(RenderError, match="cannot create output folder|not a folder"):
        write_outputs({"a.pdf": b"%PDF"}, tmp_path / "out")


KILLER = """
import sys
from briefgen.files import write_outputs
data = sys.argv[2].encode() * (8 * 1024 * 1024)
print("ready", flush=True)
write_outputs({"a.pdf": data}, sys.argv[1], overwrite=sys.argv[3] == "1")
print("done", flush=True)
"""


@pytest.mark.parametrize("overwrite", [False, True])
@pytest.mark.parametrize("delay", [0.0, 0.01, 0.05, 0.2])
def test_killed_writer_leaves_old_new_or_nothing(tmp_path, overwrite, delay):
    """SIGKILL a run while it writes 8 MB: the file is the old one, the new one, or absent."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    target = tmp_path / "a.pdf"
    if overwrite:
        target.write_bytes(b"o" * 1000)
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLER, str(tmp_path), "n", "1" if overwrite else "0"],
        stdout=subprocess.PIPE,
        cwd=root,
        text=True,
    )
    assert proc.stdout.readline() == "ready\n"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    content = target.read_bytes() if target.exists() else None
    allowed = [b"n" * (8 * 1024 * 1024), b"o" * 1000 if overwrite else None]
    assert content in allowed


@pytest.mark.parametrize(
    ("step", "overwrite"),
    [
        ("fdopen", True),
        ("fsync", True),
        ("chmod", True),
        ("replace", True),
        ("fdopen", False),
        ("fsync", False),
        ("chmod", False),
        ("link", False),
        ("unlink", False),
    ],
)
def test_interrupted_at_each_step_leaves_old_or_nothing_and_no_temporary(
    tmp_path, monkeypatch, step, overwrite
):
    (tmp_path / "old.pdf").write_bytes(b"old")
    real = getattr(os, step)
    calls = []

    def interrupt(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # the clean-up after the interruption may use it

    monkeypatch.setattr(os, step, interrupt)
    name = "old.pdf" if overwrite else "fresh.pdf"
    with pytest.raises(KeyboardInterrupt):
        write_outputs({name: b"new"}, tmp_path, overwrite=overwrite)
    monkeypatch.undo()
    left = sorted(os.listdir(tmp_path))
    if step == "unlink":  # interrupted after the new file was linked in: new file complete
        assert (tmp_path / "fresh.pdf").read_bytes() == b"new"
        left = [n for n in left if not n.endswith(".part")]  # the temporary name may remain
        assert left == ["fresh.pdf", "old.pdf"]
    else:
        assert left == ["old.pdf"]
    assert (tmp_path / "old.pdf").read_bytes() == b"old"


def test_temporaries_of_a_killed_run_are_removed_when_stale(tmp_path):
    stale, fresh, other = (
        tmp_path / n for n in (".a.pdf.x1.part", ".a.pdf.x2.part", ".b.pdf.x3.part")
    )
    for path in (stale, fresh, other):
        path.write_bytes(b"partial")
    old = os.stat(stale).st_mtime - 2 * 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_outputs({"a.pdf": b"%PDF"}, tmp_path)
    assert sorted(os.listdir(tmp_path)) == [".a.pdf.x2.part", ".b.pdf.x3.part", "a.pdf"]


def test_nothing_is_written_once_the_time_budget_is_spent(tmp_path):
    """Even when library code swallowed the timer's exception, the write step refuses."""
    import time

    from briefgen.errors import TimeLimitError
    from briefgen.limits import time_limit

    with time_limit(0.05):
        try:
            time.sleep(0.2)
        except BaseException:  # noqa: BLE001 - a library that swallows even the timer's signal
            pass
        with pytest.raises(TimeLimitError, match="0.05 s"):
            write_outputs({"a.pdf": b"%PDF"}, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    write_outputs({"a.pdf": b"%PDF"}, tmp_path / "out")  # no budget outside the block


def test_time_limit_is_not_swallowed_by_except_exception():
    """Library code's ``except Exception`` must not eat the timer: the block still stops."""
    import time

    from briefgen.errors import TimeLimitError
    from briefgen.limits import time_limit

    with pytest.raises(TimeLimitError):
        with time_limit(0.05):
            try:
                time.sleep(0.5)
            except Exception:  # noqa: BLE001
                pass
            time.sleep(0.5)  # reached only if the timer was swallowed
            pytest.fail("the time limit was swallowed")


def test_time_limit_landing_in_a_finaliser_stops_the_work_quietly(capsys):
    """An alarm that lands in a ``__del__`` is printed and ignored by Python: the limit must
    still stop the block, and without an "Exception ignored" message on stderr."""
    import random
    import time

    from briefgen.errors import TimeLimitError
    from briefgen.limits import time_limit

    def busy(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass

    rng = random.Random(7)  # irregular steps, so that the alarm cannot keep one phase

    class Slow:
        def __del__(self) -> None:
            busy(rng.uniform(0.005, 0.03))  # most of the loop is spent here

    give_up = time.monotonic() + 5
    with pytest.raises(TimeLimitError):
        with time_limit(0.05):
            while time.monotonic() < give_up:
                Slow()
                busy(rng.uniform(0.001, 0.004))
    assert "Exception ignored" not in capsys.readouterr().err
