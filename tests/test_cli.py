"""The command line: usage, bad input, config, render and batch, and the seed's briefing read back.

Tests marked ``END_TO_END`` run the real summariser, layout and PDF/DOCX renderers (merged from
other branches); the others replace those stages with the fakes of ``tests/fakes.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen import __version__
from briefgen.cli import main

from .fakes import fake_pipeline_fixture  # noqa: F401  (the fake_pipeline fixture)

ROOT = Path(__file__).resolve().parent.parent
END_TO_END = pytest.mark.slow  # needs the real summariser, layout and pdf/docx renderers


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    """Run every test away from the user's own config file and BRIEFGEN_* variables."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    for name in ("LAYOUT", "PAPER", "MARKING", "AUTHOR"):
        monkeypatch.delenv(f"BRIEFGEN_{name}", raising=False)


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefgen {__version__}"


@pytest.mark.parametrize("command", ["make", "render", "batch", "analyse", "layouts"])
def test_help_of_every_command_has_examples(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"briefgen {command}" in out
    assert "exit codes: 0 ok, 1 failure, 2 bad input or usage" in out and "BRIEFGEN_LAYOUT" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["make", "a.txt", "-q", "-v"],
        ["batch", "d", "--jobs", "0"],
        ["render"],
        ["make", "a.txt", "--points", "x"],
        ["make", "a.txt", "--paper", "a5"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["fly"])
    assert exc.value.code == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "empty"), (b"  \n\n \t\n", "empty")],
    ids=["missing", "empty", "blank"],
)
def test_bad_source_one_line_exit_2_nothing_written(
    tmp_path, capsys, content, message, fake_pipeline
):
    source = tmp_path / "story.txt"
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "out"
    code = main(["make", str(source), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and message in err and str(source) in err
    assert not out.exists() or not any(out.iterdir())


def test_make_of_a_folder_points_to_batch(tmp_path, capsys, fake_pipeline):
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "story.txt").write_text("A story.", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["make", str(folder), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "is a folder" in err and f"briefgen batch {folder}" in err
    assert not out.exists()


@END_TO_END
def test_make_writes_pdf_and_docx_of_the_seed(seed_path, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["make", str(seed_path), "--out", str(out)]) == 0
    printed = capsys.readouterr().out.split()
    names = sorted(p.name for p in out.iterdir())
    stem = "2025-04-04-nato-foreign-ministers"
    assert names == [f"{stem}.docx", f"{stem}.pdf"]
    assert sorted(os.path.basename(p) for p in printed) == names


@END_TO_END
def test_make_refuses_to_overwrite_then_force_replaces(seed_path, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["make", str(seed_path), "--out", str(out), "--format", "pdf"]) == 0
    pdf = next(out.iterdir())
    before = pdf.stat().st_mtime_ns
    assert main(["make", str(seed_path), "--out", str(out), "--format", "pdf"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert pdf.stat().st_mtime_ns == before
    assert main(["make", str(seed_path), "--out", str(out), "--format", "pdf", "--force"]) == 0


def test_unknown_format_is_refused(seed_path, tmp_path, capsys, fake_pipeline):
    code = main(["make", str(seed_path), "--out", str(tmp_path), "--format", "pdf,xls"])
    assert code == 2
    assert "xls" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@END_TO_END
def test_analyse_json(seed_path, capsys):
    assert main(["analyse", str(seed_path), "--points", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["key_points"]) == 3
    assert data["date"] == "2025-04-04" and data["source"] == "Eurasia Review"
    assert any("20 billion" in f["text"] for f in data["figures"])
    assert all(q["speaker"] in (None, "Rutte") or "Rutte" in q["speaker"] for q in data["quotes"])


@END_TO_END
def test_layouts_lists_names_and_descriptions(capsys):
    assert main(["layouts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line for line in lines if line and not line.startswith(" ")]
    assert {"memo", "executive", "meeting"} <= set(names)
    assert all(line.startswith("    ") and line.strip() for line in lines if line not in names)


@END_TO_END
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


# ----------------------------------------------------------------------------- formats and drafts

STORY = "Ministers met in Brussels on Friday.\n\nThey agreed to meet again.\n"


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "brussels-2025-04-04.txt"
    path.write_text(STORY)
    return path


def test_make_every_text_format_and_quiet(story, tmp_path, capsys, fake_pipeline):
    out = tmp_path / "out"
    argv = [
        "make",
        str(story),
        "--out",
        str(out),
        "--format",
        "json, md,html,eml",
        "--to",
        "desk@example.org",
        "--from",
        "me@example.org",
    ]
    assert main(argv) == 0
    printed = capsys.readouterr().out.split()
    assert [os.path.basename(p) for p in printed] == [
        f"brussels.{x}" for x in ("json", "md", "html", "eml")
    ]
    assert main([*argv, "--force", "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--to", "desk"], "--to: not an e-mail address"),
        (["--format", "xls"], "unknown format xls"),
    ],
)
def test_bad_options_exit_2_one_line(story, tmp_path, capsys, fake_pipeline, extra, message):
    assert main(["make", str(story), "--out", str(tmp_path / "out"), *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert fake_pipeline.made == []


def make_draft(story, tmp_path):
    assert (
        main(["make", str(story), "--out", str(tmp_path / "drafts"), "--format", "json", "-q"]) == 0
    )
    return tmp_path / "drafts" / "brussels.json"


def test_render_an_edited_draft(story, tmp_path, capsys, fake_pipeline):
    draft = make_draft(story, tmp_path)
    data = json.loads(draft.read_text())
    data["title"] = "Edited title"
    data["key_points"] = data["key_points"][:1]
    draft.write_text(json.dumps(data))
    out = tmp_path / "out"
    assert main(["render", str(draft), "--out", str(out), "--format", "pdf,md"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["brussels.md", "brussels.pdf"]
    assert (out / "brussels.pdf").read_text().splitlines() == [
        "%PDF",
        "Edited title",
        data["key_points"][0]["text"],
    ]
    assert main(["render", str(draft), "--out", str(out), "--format", "pdf"]) == 1
    assert "already exists; use --force" in capsys.readouterr().err


def test_render_an_invalid_draft_names_the_path(story, tmp_path, capsys, fake_pipeline):
    draft = make_draft(story, tmp_path)
    data = json.loads(draft.read_text())
    data["quotes"][0]["speaker"] = ["Rutte"]
    draft.write_text(json.dumps(data))
    assert main(["render", str(draft), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"briefgen: error: {draft}: $.quotes[0].speaker: expected string or null, got array\n"
    )
    assert not (tmp_path / "out").exists()


# ----------------------------------------------------------------------------- config


@pytest.mark.parametrize(
    ("toml", "environ", "flags", "layout", "paper"),
    [
        (None, {}, [], "memo", "a4"),
        ('layout = "executive"\npaper = "letter"', {}, [], "executive", "letter"),
        ('layout = "executive"', {"BRIEFGEN_LAYOUT": "meeting"}, [], "meeting", "a4"),
        (
            'layout = "executive"',
            {"BRIEFGEN_LAYOUT": "meeting"},
            ["--layout", "memo"],
            "memo",
            "a4",
        ),
        (None, {"BRIEFGEN_PAPER": "letter"}, ["--paper", "A4"], "memo", "a4"),
    ],
    ids=["built-in", "file", "env-over-file", "flag-over-all", "flag-over-env"],
)
def test_defaults_reach_the_layout(
    story, tmp_path, monkeypatch, fake_pipeline, toml, environ, flags, layout, paper
):
    monkeypatch.chdir(tmp_path)
    if toml:
        (tmp_path / "briefgen.toml").write_text(toml)
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    assert main(["make", str(story), "--out", "out", "-q", *flags]) == 0
    assert [(s.name, s.paper) for s in fake_pipeline.layouts] == [(layout, paper)]


@pytest.mark.parametrize(
    ("environ", "flags", "asked"),
    [
        ({}, [], ("memo", "a4")),
        ({"BRIEFGEN_LAYOUT": "executive", "BRIEFGEN_PAPER": "letter"}, [], ("memo", "a4")),
        ({}, ["--layout", "executive"], ("executive", None)),
        ({"BRIEFGEN_PAPER": "letter"}, ["--layout", "executive"], ("executive", "letter")),
        ({}, ["--paper", "letter"], ("memo", "letter")),
    ],
    ids=["draft", "draft-over-env", "flag-layout", "flag-layout-env-paper", "flag-paper"],
)
def test_render_takes_the_drafts_layout_and_paper(
    story, tmp_path, monkeypatch, fake_pipeline, environ, flags, asked
):
    draft = make_draft(story, tmp_path)
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    assert main(["render", str(draft), "--out", str(tmp_path / "out"), "-q", *flags]) == 0
    assert fake_pipeline.layouts[-1].asked == asked


def test_user_config_marking_and_author(story, tmp_path, monkeypatch, fake_pipeline):
    user = tmp_path / "xdg" / "briefgen"
    user.mkdir(parents=True)
    (user / "briefgen.toml").write_text('marking = "OFFICIAL"\nauthor = "Europe desk"')
    monkeypatch.chdir(tmp_path)
    assert main(["make", str(story), "--out", "out", "--format", "md", "-q"]) == 0
    md = (tmp_path / "out" / "brussels.md").read_text()
    assert "**OFFICIAL**" in md and "Prepared by Europe desk" in md


@pytest.mark.parametrize(
    ("environ", "flags", "expected"),
    [
        ({}, [], None),
        ({"BRIEFGEN_AUTHOR": "Europe desk"}, [], "Europe desk"),
        ({"BRIEFGEN_AUTHOR": "Europe desk"}, ["--author", "Night desk"], "Night desk"),
        ({}, ["--author", "<b>Jane</b> & Co"], "<b>Jane</b> & Co"),
    ],
    ids=["none", "config", "flag-over-config", "markup-kept-as-text"],
)
def test_make_author_reaches_the_brief_every_format_renders(
    story, tmp_path, monkeypatch, fake_pipeline, environ, flags, expected
):
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    out = tmp_path / "out"
    argv = ["make", str(story), "--out", str(out), "--format", "pdf,docx,json", "-q", *flags]
    assert main(argv) == 0
    assert {fmt: plan.brief.author for fmt, plan in fake_pipeline.rendered} == {
        "pdf": expected, "docx": expected}
    assert json.loads((out / "brussels.json").read_text())["author"] == expected


@pytest.mark.parametrize(
    ("in_draft", "environ", "flags", "expected"),
    [
        ("Europe desk", {}, [], "Europe desk"),
        ("Europe desk", {"BRIEFGEN_AUTHOR": "Config desk"}, [], "Europe desk"),
        (None, {"BRIEFGEN_AUTHOR": "Config desk"}, [], "Config desk"),
        ("Europe desk", {}, ["--author", "Night desk"], "Night desk"),
        (None, {}, [], None),
    ],
    ids=["draft", "draft-over-config", "config-when-draft-has-none", "flag-over-draft", "none"],
)
def test_render_keeps_the_drafts_author_unless_told(
    story, tmp_path, monkeypatch, fake_pipeline, in_draft, environ, flags, expected
):
    draft = make_draft(story, tmp_path)
    data = json.loads(draft.read_text())
    data["author"] = in_draft
    draft.write_text(json.dumps(data))
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    out = tmp_path / "out"
    assert main(["render", str(draft), "--out", str(out), "--format", "pdf,md", "-q", *flags]) == 0
    assert fake_pipeline.rendered[-1][1].brief.author == expected
    md = (out / "brussels.md").read_text()
    assert (f"Prepared by {expected}" in md) if expected else ("Prepared by" not in md)


def test_bad_config_file_exit_2_naming_file_and_key(
    story, tmp_path, monkeypatch, capsys, fake_pipeline
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "briefgen.toml").write_text('paper = "tabloid"')
    assert main(["make", str(story), "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "briefgen.toml: key 'paper'" in err
    assert fake_pipeline.made == []


# ----------------------------------------------------------------------------- batch


def no_model(level):
    """A worker initializer that loads no spaCy model."""


def test_batch_reports_failures_and_exits_1(tmp_path, monkeypatch, capsys, fake_pipeline):
    import briefgen.batch

    monkeypatch.setattr(briefgen.batch, "_init_worker", no_model)
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(STORY)
    (src / "b.txt").write_text("Another story.\n")
    (src / "empty.txt").write_text("")
    out = tmp_path / "out"
    assert main(["batch", str(src), "--out", str(out), "--jobs", "2", "--format", "md"]) == 1
    captured = capsys.readouterr()
    assert sorted(os.path.basename(p) for p in captured.out.split()) == ["a.md", "b.md"]
    err = captured.err.splitlines()
    assert err[-1] == "briefgen: 2 made, 1 failed"
    assert any(
        line.startswith("briefgen: error:") and "empty.txt: file is empty" in line for line in err
    )


def test_batch_with_progress_bar_on_a_terminal(tmp_path, monkeypatch, capsys, fake_pipeline):
    import briefgen.batch

    monkeypatch.setattr(briefgen.batch, "_init_worker", no_model)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(STORY)
    (src / "empty.txt").write_text("")
    assert main(["batch", str(src), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert sorted(os.path.basename(p) for p in captured.out.split()) == ["a.docx", "a.pdf"]
    assert "empty.txt: file is empty" in captured.err
    assert captured.err.rstrip().endswith("briefgen: 1 made, 1 failed")


@pytest.mark.parametrize("how", ["flag", "env"])
def test_batch_time_limit_is_per_source(tmp_path, monkeypatch, capsys, fake_pipeline, how):
    import time

    import briefgen.batch
    from briefgen import api

    fake_make_brief = api.make_brief

    def slow_make_brief(docs, **kwargs):
        if "slow" in docs[0].location:
            time.sleep(60)
        return fake_make_brief(docs, **kwargs)

    monkeypatch.setattr(api, "make_brief", slow_make_brief)
    monkeypatch.setattr(briefgen.batch, "_init_worker", no_model)
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a.txt", "b-slow.txt", "c.txt"):
        (src / name).write_text(STORY)
    out = tmp_path / "out"
    argv = ["batch", str(src), "--out", str(out), "--jobs", "1", "--format", "md,json"]
    if how == "flag":
        argv += ["--time-limit", "3"]
    else:
        monkeypatch.setenv("BRIEFGEN_TIME_LIMIT", "3")
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert sorted(os.path.basename(p) for p in captured.out.split()) == [
        "a.json", "a.md", "c.json", "c.md"]
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "a.md", "c.json", "c.md"]
    err = captured.err.splitlines()
    assert err == [
        f"briefgen: error: {src / 'b-slow.txt'}: gave up after 3 s, the time limit for each "
        "source (raise it with --time-limit or BRIEFGEN_TIME_LIMIT); nothing was written for it",
        "briefgen: 2 made, 1 failed (1 over the time limit)",
    ]


def test_batch_of_nothing_is_bad_input(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "*.txt"), "--out", str(tmp_path / "out")]) == 2
    assert "no file matches" in capsys.readouterr().err


# ----------------------------------------------------------------------------- real processes


def run(*argv, cwd=None, env=None):
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    environ = {**os.environ, "XDG_CONFIG_HOME": "/nonexistent", "PYTHONPATH": path, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *argv],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env=environ,
    )


def test_subprocess_invalid_draft_exit_2_one_line(tmp_path):
    draft = tmp_path / "d.json"
    draft.write_text('{"schema": "briefgen/brief", "version": 1, "title": 3}')
    proc = run("render", str(draft), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"briefgen: error: {draft}: $.title: expected string, got integer\n"


def test_subprocess_bad_config_exit_2(tmp_path):
    (tmp_path / "briefgen.toml").write_text("layout = ")
    proc = run("render", "d.json", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("briefgen: error: ")
    assert "briefgen.toml: not valid TOML" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_subprocess_bad_environment_exit_2(tmp_path):
    proc = run("render", "d.json", cwd=tmp_path, env={"BRIEFGEN_PAPER": "a5"})
    assert proc.returncode == 2 and "BRIEFGEN_PAPER" in proc.stderr


def test_subprocess_help(tmp_path):
    proc = run("batch", "--help")
    assert proc.returncode == 0 and "--jobs" in proc.stdout and "examples:" in proc.stdout


# ----------------------------------------------------------------------------- end to end


@END_TO_END
def test_e2e_draft_edited_then_rendered(seed_path, tmp_path):
    from pypdf import PdfReader

    made = run("make", str(seed_path), "--format", "json", "--out", "drafts", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    draft = tmp_path / "drafts" / "2025-04-04-nato-foreign-ministers.json"
    data = json.loads(draft.read_text())
    assert data["schema"] == "briefgen/brief" and data["key_points"]
    assert all(p["end"] > p["start"] >= 0 for p in data["key_points"])
    data["title"] = "Edited: ministers at NATO"
    data["key_points"][0]["text"] = "A sentence the analyst rewrote."
    data["quotes"] = data["quotes"][1:]
    draft.write_text(json.dumps(data))
    proc = run("render", str(draft), "--format", "pdf,docx,md,html,eml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    pdf = PdfReader(tmp_path / "output" / f"{draft.stem}.pdf")
    text = " ".join(pdf.pages[0].extract_text().split())
    assert "Edited: ministers at NATO" in text and "A sentence the analyst rewrote." in text
    assert len(pdf.pages) == 1
    import email
    from email import policy

    msg = email.message_from_bytes(
        (tmp_path / "output" / f"{draft.stem}.eml").read_bytes(), policy=policy.default
    )
    assert msg["Subject"] == "Edited: ministers at NATO"
    assert sorted(p.get_filename() for p in msg.iter_attachments()) == [
        f"{draft.stem}.docx",
        f"{draft.stem}.pdf",
    ]


@END_TO_END
def test_e2e_batch_real_processes(seed_path, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / seed_path.name).write_bytes(seed_path.read_bytes())
    (src / "empty.txt").write_text("")
    proc = run("batch", str(src), "--out", str(tmp_path / "out"), "--jobs", "2")
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-1] == "briefgen: 1 made, 1 failed"
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx", ".pdf"]


@END_TO_END
def test_e2e_batch_a_source_too_long_for_the_time_limit(seed_path, tmp_path):
    """Real worker processes, a real pathological source: a text that takes far longer to analyse
    than the limit (about 100,000 characters of sentences) fails alone, the seed is made."""
    src = tmp_path / "src"
    src.mkdir()
    (src / seed_path.name).write_bytes(seed_path.read_bytes())
    sentences = (f"Delegation {i} met the minister in Vienna on day {i % 28 + 1} and spent "
                 f"{i * 7 % 900} million euros on {i % 13} new projects." for i in range(1300))
    (src / "long.txt").write_text("\n\n".join(" ".join(sentences).split(". ")))
    proc = run("batch", str(src), "--out", str(tmp_path / "out"), "--jobs", "2",
               "--time-limit", "3")
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert lines[-1] == "briefgen: 1 made, 1 failed (1 over the time limit)"
    assert any(line.startswith(f"briefgen: error: {src / 'long.txt'}: gave up after 3 s")
               for line in lines)
    assert "Traceback" not in proc.stderr
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx", ".pdf"]


@pytest.mark.parametrize("how", ["flag", "env"])
def test_time_limit_gives_up_with_one_line_and_writes_nothing(seed_path, tmp_path, capsys,
                                                              monkeypatch, how):
    out = tmp_path / "out"
    argv = ["make", str(seed_path), "--out", str(out)]
    if how == "flag":
        argv += ["--time-limit", "0.001"]
    else:
        monkeypatch.setenv("BRIEFGEN_TIME_LIMIT", "0.001")
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "time limit" in err
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("value", ["-1", "soon", "nan"])
def test_time_limit_must_be_seconds(value, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["make", "x.txt", "--time-limit", value])
    assert exc.value.code == 2


def test_time_limit_zero_means_none(seed_path, tmp_path):
    assert main(["make", str(seed_path), "--out", str(tmp_path), "--time-limit", "0",
                 "--format", "json"]) == 0


def test_time_limit_in_a_real_process_leaves_nothing(seed_path, tmp_path):
    """A one-off process (which forks its analysis) stops cleanly when its budget runs out."""
    proc = subprocess.run(
        [sys.executable, "-m", "briefgen", "make", str(seed_path), "--out", str(tmp_path / "o"),
         "--time-limit", "0.3"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("briefgen: error: gave up after 0.3 s")
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "o").exists() or list((tmp_path / "o").iterdir()) == []
