"""Hostile and odd sources through ``briefgen make``: a one-page briefing or a one-line error.

Encodings, binary junk, extreme tokens, scripts other than Latin, emoji, and texts that are all
quotes, all numbers or a single sentence. Each case names what it must end in.
"""

from __future__ import annotations

import codecs
import subprocess
import sys

import pytest

from briefgen.cli import main

from .conftest import (
    SEED,
    assert_clean_outcome,
    assert_complete,
    docx_text,
    pdf_text,
    process_env,
    run_main,
    snapshot,
)

SEED_TEXT = SEED.read_text(encoding="utf-8")
BODY = "\n\n".join(SEED_TEXT.split("\n\n")[1:])  # without the seed's header line
CP1252 = (
    "Ministers met in Brussels\n\n"
    "The café’s “defence” budget rose to €20bn, Rutte said on Friday.\n\n" + BODY
)
QUOTES_300 = "\n\n".join(
    f"“Point {i} matters to all of us,” said Maria Lindqvist, the defence minister."
    for i in range(300)
)

# name → (file name, bytes, expected error substring or None, text the PDF must show)
CASES: dict[str, tuple[str, bytes, str | None, str | None]] = {
    "cp1252": ("story.txt", CP1252.encode("cp1252"), None, "café"),
    "cp1252 euro": ("story.txt", CP1252.encode("cp1252"), None, "€20bn"),
    "utf-8 with BOM": ("story.txt", codecs.BOM_UTF8 + SEED_TEXT.encode(), None, "Rutte"),
    "utf-16 with BOM": ("story.txt", SEED_TEXT.encode("utf-16"), None, "Rutte"),
    "utf-16-be with BOM": (
        "story.txt",
        codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"),
        None,
        "Rutte",
    ),
    "utf-16 without BOM": ("story.txt", SEED_TEXT.encode("utf-16-le"), None, "Rutte"),
    "invalid utf-8 bytes": (
        "story.txt",
        SEED_TEXT.encode()[:900] + b"\xc3\x28\xa0\xa1" + SEED_TEXT.encode()[900:],
        None,
        "Rutte",
    ),
    "truncated utf-8 at the end": ("story.txt", SEED_TEXT.encode() + "é".encode()[:1], None, None),
    "NUL bytes in text": (
        "story.txt",
        SEED_TEXT.encode().replace(b". ", b".\x00 "),
        "binary",
        None,
    ),
    "only NUL bytes": ("story.txt", b"\x00" * 4096, "binary", None),
    "random binary": ("story.txt", bytes(range(256)) * 40, "binary", None),
    "PNG named .txt": ("story.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG", None),
    "empty": ("story.txt", b"", "empty", None),
    "whitespace only": ("story.txt", b" \n\t\r\n  \n", "empty", None),
    "5,000-character token": (
        "story.txt",
        ("x" * 5000 + " is one word. Foreign ministers met in Brussels on Friday.").encode(),
        None,
        "Foreign ministers met",
    ),
    "5,000-character URL": (
        "story.txt",
        ("See https://example.org/" + "a/" * 2500 + " now. Rutte spoke.").encode(),
        None,
        None,
    ),
    "right-to-left Arabic": (
        "story.txt",
        "اجتمع وزراء خارجية الناتو في بروكسل. قال روته إن الحلف قوي.".encode(),
        None,
        None,
    ),
    "right-to-left Hebrew": (
        "story.txt",
        "שרי החוץ של נאט״ו נפגשו בבריסל. רוטה אמר שהברית חזקה.".encode(),
        None,
        None,
    ),
    "bidi override characters": (
        "story.txt",
        "The \u202eminister\u202c said the budget \u2067rose\u2069. Second sentence.".encode(),
        None,
        "Second sentence",
    ),
    "CJK": ("story.txt", "北约外长在布鲁塞尔开会。他们讨论了国防开支。".encode(), None, None),
    "emoji": (
        "story.txt",
        "🚀 The rocket launched today 🎉. The crowd 👏 cheered! 👨‍👩‍👧 😀".encode(),
        None,
        "rocket launched",
    ),
    "combining marks": ("story.txt", ("T̸̢̛h̷e̴͜ b̵u̷d̸g̵e̷t̶ r̸o̷s̵e̸. " * 40).encode(), None, None),
    "300 quotes": ("story.txt", QUOTES_300.encode(), None, "Lindqvist"),
    "only numbers": ("story.txt", " ".join(str(i * 37) for i in range(3000)).encode(), None, None),
    "a single sentence": ("story.txt", b"NATO ministers met in Brussels.", None, "Brussels"),
    "a single word": ("story.txt", b"Hello", None, "Hello"),
    "20,000 one-letter lines": ("story.txt", b"\n".join([b"a"] * 20000), None, None),
    "2,000 headings": (
        "story.md",
        "\n\n".join(f"## Part {i}\n\nBody sentence {i} is here." for i in range(2000)).encode(),
        None,
        None,
    ),
    "a 10,000-character heading": (
        "story.md",
        ("# " + "H" * 10000 + "\n\nSome body text. And more.").encode(),
        None,
        None,
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_odd_source_gives_a_briefing_or_one_line_error(case, nlp, tmp_path, isolated, capsys):
    name, data, error, shown = CASES[case]
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / "out"
    before = snapshot(isolated)
    outcome = run_main(["make", str(source), "--out", str(out)], capsys, out)
    assert_clean_outcome(outcome, expect_error=error)
    assert snapshot(isolated) == before, "a file was written outside the output folder"
    if shown is not None:
        pdf = next(p for p in outcome.files if p.suffix == ".pdf").read_bytes()
        docx = next(p for p in outcome.files if p.suffix == ".docx").read_bytes()
        assert shown in " ".join(pdf_text(pdf).split())
        assert shown in docx_text(docx)


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("file:///etc/passwd", "scheme 'file'"),
        ("ftp://example.org/story.txt", "scheme 'ftp'"),
        ("gopher://example.org/", "scheme 'gopher'"),
        ("javascript://alert(1)", "scheme 'javascript'"),
        ("missing-story.txt", "no such file"),
        (".", "folder"),
        ("story.exe", "no such file"),
    ],
)
def test_sources_that_cannot_be_read_give_one_line(source, error, tmp_path, capsys):
    out = tmp_path / "out"
    outcome = run_main(["make", source, "--out", str(out)], capsys, out)
    assert_clean_outcome(outcome, expect_error=error)
    assert outcome.code == 2
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(
    ("data", "code", "error"),
    [
        (bytes(range(256)) * 20, 2, "binary"),
        (b"", 2, "empty"),
        (
            b"Ministers met in Brussels on Friday to discuss the summit. <b & {{ x }}",
            0,
            None,
        ),
    ],
)
def test_standard_input_in_a_real_process(data, code, error, tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "briefgen", "make", "-", "--out", str(tmp_path / "out")],
        input=data,
        capture_output=True,
        env=process_env(),
        cwd=tmp_path,
        timeout=300,
    )
    err = run.stderr.decode()
    assert run.returncode == code and "Traceback" not in err
    if error:
        assert err.strip().count("\n") == 0 and error in err
        assert not (tmp_path / "out").exists()
    else:
        for path in (tmp_path / "out").iterdir():
            assert_complete(path)


def test_batch_of_hostile_files_reports_each_and_fails(nlp, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    chosen = ["cp1252", "only NUL bytes", "empty", "emoji", "PNG named .txt", "300 quotes"]
    for i, case in enumerate(chosen):
        name, data, _, _ = CASES[case]
        (folder / f"{i}-{name}").write_bytes(data)
    out = tmp_path / "out"
    code = main(["batch", str(folder), "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("briefgen: error: ")]
    assert len(errors) == 3  # NUL bytes, empty, PNG: one line each
    made = sorted(p.name for p in out.iterdir())
    assert len(made) == 6 and all(not n.startswith(".") for n in made)  # 3 sources × PDF, DOCX
    for path in out.iterdir():
        assert_complete(path)


@pytest.mark.parametrize("stdin", ["closed", "none"])
def test_unreadable_standard_input_gives_one_line(stdin, tmp_path, monkeypatch, capsys):
    import io

    if stdin == "closed":
        stream = io.TextIOWrapper(io.BytesIO(b"text"))
        stream.close()
        monkeypatch.setattr(sys, "stdin", stream)
    else:
        monkeypatch.setattr(sys, "stdin", None)
    out = tmp_path / "out"
    outcome = run_main(["make", "-", "--out", str(out)], capsys, out)
    assert_clean_outcome(outcome, expect_error="standard input")
