"""A stage run in a forked child: its result, its errors and its death come back to the caller."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen import background
from briefgen.errors import AnalysisError, BriefgenError, InputError, LayoutError

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def _run(fn, value=None, prepare=None):
    pending = background.start(fn, prepare=prepare)
    pending.send(value)
    return pending.result()


def test_result_is_made_in_another_process_after_prepare():
    def prepare():
        os.environ["BRIEFGEN_TEST_PREPARED"] = str(os.getpid())

    label, pid, value, prepared = _run(
        lambda x: ("made by", os.getpid(), x, os.environ.get("BRIEFGEN_TEST_PREPARED")),
        [1, 2.5, "€"],
        prepare,
    )
    assert (label, value) == ("made by", [1, 2.5, "€"])
    assert pid != os.getpid() and prepared == str(pid)
    assert "BRIEFGEN_TEST_PREPARED" not in os.environ


def test_a_large_input_and_result_pass_through_the_pipes():
    text = "word " * 200_000  # over a pipe's buffer both ways
    assert _run(lambda x: x.upper(), text) == text.upper()


def test_an_error_while_preparing_comes_back_after_the_input_is_sent():
    def no_model():
        raise AnalysisError("no English spaCy model installed")

    with pytest.raises(AnalysisError, match="no English spaCy model"):
        _run(lambda x: x, "word " * 200_000, no_model)


def test_cancel_stops_the_child():
    pending = background.start(lambda x: x)
    pending.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pending._pid, os.WNOHANG)


class _Unpicklable(InputError):
    def __init__(self, message: str, handle: object) -> None:
        super().__init__(message)
        self.handle = handle

    def __reduce__(self):
        raise TypeError("cannot pickle")


def _raise(exc: BaseException):
    def fn(_):
        raise exc

    return fn


@pytest.mark.parametrize(
    ("exc", "kind", "exit_code"),
    [
        (InputError("story.txt: text is empty"), InputError, 2),
        (AnalysisError("no sentences found in the source text"), AnalysisError, 1),
        (LayoutError("memo.toml: bad key"), LayoutError, 2),
        (_Unpicklable("odd.txt: cannot read", object()), InputError, 2),
    ],
)
def test_briefgen_errors_are_raised_here_with_their_class(exc, kind, exit_code):
    with pytest.raises(BriefgenError) as caught:
        _run(_raise(exc))
    assert type(caught.value) is kind
    assert str(caught.value) == str(exc)
    assert caught.value.exit_code == exit_code


def test_a_bug_in_the_child_is_a_runtime_error_with_its_traceback():
    with pytest.raises(RuntimeError, match=r"(?s)in the analysis process:.*ZeroDivisionError"):
        _run(lambda x: 1 / x, 0)


def test_a_child_that_dies_is_replaced_by_running_here():
    here = os.getpid()

    def fn(x):
        if os.getpid() != here:
            os._exit(9)  # killed before it could answer
        return f"{x} here"

    assert _run(fn, "done") == "done here"


@pytest.mark.parametrize(
    ("platform", "cpus", "spacy_loaded", "expected"),
    [
        ("linux", 2, False, True),
        ("linux", 1, False, False),
        ("linux", 2, True, False),
        ("darwin", 8, False, False),
        ("win32", 8, False, False),
    ],
)
def test_worth_forking(monkeypatch, platform, cpus, spacy_loaded, expected):
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(os, "cpu_count", lambda: cpus)
    if spacy_loaded:
        monkeypatch.setitem(sys.modules, "spacy", sys.modules.get("spacy") or object())
    else:
        monkeypatch.delitem(sys.modules, "spacy", raising=False)
    assert background.worth_forking() is expected


@pytest.mark.parametrize(
    ("argv", "unwanted"),
    [
        (["--help"], {"spacy", "reportlab", "docx", "numpy"}),
        (["layouts"], {"spacy", "reportlab", "docx", "numpy"}),
    ],
)
def test_light_commands_do_not_load_heavy_packages(argv, unwanted):
    code = (
        "import json, sys\n"
        "from briefgen.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(out.stderr.strip().splitlines()[-1]))
    assert not loaded & unwanted


def _briefgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_one_off_make_forks_and_writes_what_the_api_writes(tmp_path, seed_path, nlp):
    from briefgen import api

    cli = _briefgen("make", str(seed_path), "--out", str(tmp_path / "cli"), "--format", "json,md")
    assert cli.returncode == 0, cli.stderr
    api.generate(seed_path, tmp_path / "api", formats=("json", "md"))
    made = sorted(p.name for p in (tmp_path / "cli").iterdir())
    assert made == sorted(p.name for p in (tmp_path / "api").iterdir()) and len(made) == 2
    for name in made:
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "api" / name).read_bytes()


@pytest.mark.parametrize(
    ("name", "text", "code", "message"),
    [
        ("story.txt", "", 2, "story.txt: file is empty"),
        ("story.txt", "\n\n   \n", 2, "story.txt: file is empty"),
        ("story.md", "# Heading only\n", 2, "story.md: no readable text found"),
    ],
)
def test_one_off_make_reports_the_childs_error_on_one_line(tmp_path, name, text, code, message):
    story = tmp_path / name
    story.write_text(text, encoding="utf-8")
    cli = _briefgen("make", str(story), "--out", str(tmp_path / "out"))
    assert cli.returncode == code
    [line] = cli.stderr.strip().splitlines()
    assert line.startswith("briefgen: error: ") and message in line
    assert not (tmp_path / "out").exists()
