"""Batch: sources found, made in worker processes, failures reported while the batch goes on."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import pytest

from briefgen.batch import (
    Outcome,
    chunks,
    find_sources,
    make_chunk,
    make_one,
    run_batch,
    summary,
)
from briefgen.errors import InputError


def fake_make(source, **options):
    """Make a pretend briefing: fails on names with "bad" (briefgen error) or "bug" (a bug)."""
    name = Path(source).name
    if "bad" in name:
        raise InputError(f"{source}: file is empty")
    if "bug" in name:
        raise ZeroDivisionError("division by zero")
    out = Path(options["out_dir"]) / f"{Path(source).stem}.pdf"
    out.write_text(f"made in {os.getpid()}")
    return [out]


def same_name_make(source, **options):
    """Make files named after the source's stem only, as two sources of one date and name do."""
    out = Path(options["out_dir"]) / f"{Path(source).stem}.pdf"
    out.write_text(source)
    return [out]


def dying_make(source, **options):
    """Kill the worker process itself on "die", as an out-of-memory kill would."""
    if "die" in Path(source).name:
        os._exit(9)
    return fake_make(source, **options)


def slow_make(source, **options):
    """Take far too long on "slow" sources (the time limit must cut it short), else as
    ``fake_make``."""
    if "slow" in Path(source).name:
        time.sleep(60)
    return fake_make(source, **options)


def swallowing_make(source, **options):
    """Like ``slow_make``, but swallowing every Exception on the way, as library code may."""
    if "slow" in Path(source).name:
        try:
            time.sleep(60)
        except Exception:
            pass
    return fake_make(source, **options)


def no_model(level):
    """An initializer that loads nothing."""


def record_pid(level):
    """An initializer that leaves a file per worker process."""
    Path(os.environ["BRIEFGEN_TEST_INIT_DIR"], str(os.getpid())).touch()


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a.txt", "b-bad.txt", "c.md", "d-bug.html", ".hidden.txt", "notes.xlsx"):
        (src / name).write_text("x")
    (src / "sub").mkdir()
    return src


def test_folder_gives_its_sources_sorted_without_hidden_or_unknown_files(folder):
    assert [p.name for p in find_sources(str(folder))] == [
        "a.txt",
        "b-bad.txt",
        "c.md",
        "d-bug.html",
    ]


@pytest.mark.parametrize(
    ("pattern", "names"),
    [("*.txt", ["a.txt", "b-bad.txt"]), ("c.*", ["c.md"]), ("a.txt", ["a.txt"])],
)
def test_glob_or_file(folder, pattern, names):
    assert [p.name for p in find_sources(str(folder / pattern))] == names


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("*.pdf", "no file matches"),
        ("missing", "no such folder or file"),
        ("sub", "no source files"),
    ],
)
def test_nothing_to_do_is_bad_input(folder, pattern, message):
    with pytest.raises(InputError, match=message):
        find_sources(str(folder / pattern))


@pytest.mark.parametrize("jobs", [1, 2])
def test_failures_are_reported_and_the_batch_goes_on(folder, tmp_path, jobs):
    out = tmp_path / "out"
    out.mkdir()
    seen: list[Outcome] = []
    outcomes = run_batch(
        find_sources(str(folder)),
        {"out_dir": out},
        jobs=jobs,
        make=fake_make,
        on_done=seen.append,
        initializer=no_model,
    )
    assert [Path(o.source).name for o in outcomes] == ["a.txt", "b-bad.txt", "c.md", "d-bug.html"]
    assert [o.ok for o in outcomes] == [True, False, True, False]
    assert outcomes[1].error.endswith("b-bad.txt: file is empty") and outcomes[1].bug is None
    assert outcomes[3].error == "internal error: ZeroDivisionError: division by zero"
    assert "Traceback" in outcomes[3].bug and "fake_make" in outcomes[3].bug
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "c.pdf"]
    assert sorted(seen, key=lambda o: o.source) == outcomes
    assert summary(outcomes) == "2 made, 2 failed"
    pids = {p.read_text() for p in out.iterdir()}
    assert (pids == {f"made in {os.getpid()}"}) == (jobs == 1)  # jobs > 1: other processes


def test_each_worker_runs_the_initializer_once(folder, tmp_path, monkeypatch):
    marks = tmp_path / "init"
    marks.mkdir()
    monkeypatch.setenv("BRIEFGEN_TEST_INIT_DIR", str(marks))
    out = tmp_path / "out"
    out.mkdir()
    sources = [folder / "a.txt", folder / "c.md"] * 3
    run_batch(sources, {"out_dir": out}, jobs=2, make=fake_make, initializer=record_pid)
    assert 1 <= len(list(marks.iterdir())) <= 2


def test_make_one_keeps_the_message_on_one_line():
    def failing(source, **options):
        raise InputError("two\nlines")

    assert make_one("x.txt", {}, failing) == Outcome("x.txt", error="two lines")


def test_two_sources_writing_the_same_files_are_reported(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    sources = [tmp_path / "a" / "story.txt", tmp_path / "b" / "story.md"]
    outcomes = run_batch(
        sources, {"out_dir": out}, jobs=1, make=same_name_make, initializer=no_model
    )
    assert [o.ok for o in outcomes] == [True, False]
    assert "replaced" in outcomes[1].error and str(sources[0]) in outcomes[1].error


def test_a_worker_that_dies_fails_its_source_and_the_batch_returns(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    sources = [tmp_path / "a.txt", tmp_path / "die.txt", tmp_path / "c.txt"]
    outcomes = run_batch(sources, {"out_dir": out}, jobs=2, make=dying_make, initializer=no_model)
    assert len(outcomes) == 3
    died = outcomes[1]
    assert not died.ok and "worker process died" in died.error


@pytest.mark.parametrize(
    ("n", "jobs", "sizes"),
    [
        (0, 2, []),
        (3, 2, [1, 1, 1]),
        (8, 1, [2, 2, 2, 2]),
        (20, 2, [2] * 10),
        (200, 2, [16] * 12 + [8]),
        (1000, 4, [16] * 62 + [8]),
    ],
)
def test_chunks_keep_order_and_every_source(n, jobs, sizes):
    names = [f"s{i}.txt" for i in range(n)]
    parts = chunks(names, jobs)
    assert [len(p) for p in parts] == sizes
    assert [name for part in parts for name in part] == names


def test_a_chunk_parsed_together_makes_what_each_source_makes_alone(tmp_path, nlp, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    texts = {
        "a.txt": 'NATO ministers met in Brussels on Friday.\n\n"We are united," Rutte said.',
        "b-empty.txt": "",
        "c.txt": "The airline made a pre-tax profit of £75m, against £125m a year earlier.",
    }
    sources = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        sources.append(str(tmp_path / name))
    together = make_chunk(sources, {"out_dir": tmp_path / "together", "formats": ("json",)})
    alone = [make_one(s, {"out_dir": tmp_path / "alone", "formats": ("json",)}) for s in sources]
    assert [o.ok for o in together] == [o.ok for o in alone] == [True, False, True]
    assert together[1].error == alone[1].error
    for a, b in zip(together, alone, strict=True):
        for x, y in zip(a.paths, b.paths, strict=True):
            assert Path(x).name == Path(y).name
            assert Path(x).read_bytes() == Path(y).read_bytes()


# ----------------------------------------------------------------------------- time limit

LATE = (
    "gave up after 3 s, the time limit for each source (raise it with --time-limit or "
    "BRIEFGEN_TIME_LIMIT); nothing was written for it"
)


@pytest.mark.parametrize("make", [slow_make, swallowing_make], ids=["sleeps", "swallows"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_source_past_the_time_limit_fails_alone(tmp_path, jobs, make):
    out = tmp_path / "out"
    out.mkdir()
    sources = [str(tmp_path / n) for n in ("a.txt", "b-slow.txt", "c.txt", "d-bad.txt")]
    outcomes = run_batch(
        sources, {"out_dir": out}, jobs=jobs, make=make, initializer=no_model, time_limit=3
    )
    assert [o.ok for o in outcomes] == [True, False, True, False]
    assert outcomes[1].error == f"{sources[1]}: {LATE}"
    assert [o.timed_out for o in outcomes] == [False, True, False, False]
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "c.pdf"]
    assert summary(outcomes) == "2 made, 2 failed (1 over the time limit)"


@pytest.mark.parametrize("limit", [0.0, 30.0])
def test_sources_within_the_limit_or_without_one_are_made(tmp_path, limit):
    out = tmp_path / "out"
    out.mkdir()
    sources = [str(tmp_path / n) for n in ("a.txt", "b.txt")]
    outcomes = make_chunk(sources, {"out_dir": out}, fake_make, time_limit=limit)
    assert [o.ok for o in outcomes] == [True, True] and summary(outcomes) == "2 made, 0 failed"


# the real pipeline's first briefing in a process loads fonts and renderers: give it room
REAL = 4.0
REAL_LATE = LATE.replace("3 s", f"{REAL:g} s")
SLOW_TEXT = "Glacier talks stall in Geneva.\n\nThe negotiators met for a third day on Monday.\n"
QUICK_TEXTS = {
    "a.txt": "NATO ministers met in Brussels on Friday.\n\nThey agreed to meet again in June.\n",
    "c.txt": "The airline made a pre-tax profit of £75m, against £125m a year earlier.\n",
}


def _sources(tmp_path) -> list[str]:
    texts = {**QUICK_TEXTS, "b-slow.txt": SLOW_TEXT}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / n) for n in sorted(texts)]


def test_a_slow_stage_of_the_real_pipeline_writes_nothing_for_its_source(tmp_path, nlp,
                                                                         monkeypatch):
    import briefgen.renderers

    real_docx = briefgen.renderers.RENDERERS["docx"]

    def slow_docx(plan, layout, **options):
        if "Glacier" in str(plan.brief.to_dict()):
            time.sleep(60)
        return real_docx(plan, layout, **options)

    monkeypatch.setitem(briefgen.renderers.RENDERERS, "docx", slow_docx)
    out = tmp_path / "out"
    outcomes = make_chunk(_sources(tmp_path), {"out_dir": out}, time_limit=REAL)
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].timed_out and outcomes[1].error.endswith(REAL_LATE)
    made = sorted(Path(p).name for o in outcomes for p in o.paths)
    assert sorted(p.name for p in out.iterdir()) == made  # no file, no temporary of b-slow
    assert sorted(Path(n).suffix for n in made) == [".docx", ".docx", ".pdf", ".pdf"]


def test_a_source_too_slow_to_read_is_read_once_and_fails(tmp_path, nlp, monkeypatch):
    import briefgen.ingest

    real_read = briefgen.ingest.read_source
    reads: list[str] = []

    def slow_read(source, *args, **kwargs):
        reads.append(Path(source).name)
        if "slow" in Path(source).name:
            time.sleep(60)
        return real_read(source, *args, **kwargs)

    monkeypatch.setattr(briefgen.ingest, "read_source", slow_read)
    out = tmp_path / "out"
    outcomes = make_chunk(_sources(tmp_path), {"out_dir": out, "formats": ("json",)},
                          time_limit=REAL)
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].error == f"{outcomes[1].source}: {REAL_LATE}"
    assert reads == ["a.txt", "b-slow.txt", "c.txt"]  # read once each, the made ones included
    assert len(list(out.iterdir())) == 2


def test_a_shared_parse_past_the_limit_leaves_each_text_to_its_own(tmp_path, nlp, monkeypatch):
    import briefgen.nlp

    real_prepared = briefgen.nlp.prepared

    @contextlib.contextmanager
    def stuck(texts, **kwargs):
        texts = list(texts)
        if texts:  # the shared parse never ends; the batch's own empty one clears the cache
            time.sleep(60)
        with real_prepared(texts, **kwargs):
            yield

    monkeypatch.setattr(briefgen.nlp, "prepared", stuck)
    out = tmp_path / "out"
    sources = [str(tmp_path / n) for n in QUICK_TEXTS]
    for name, text in QUICK_TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    outcomes = make_chunk(sources, {"out_dir": out, "formats": ("json",)}, time_limit=REAL)
    assert [o.ok for o in outcomes] == [True, True]
