"""Malicious or broken user layouts: a one-line LayoutError (exit 2), or a page that shows their
text literally; never a traceback, never a file read from outside the layout's folder.

Each case edits the built-in ``memo`` layout and renders the seed's draft through the CLI.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import pytest

from .conftest import ROOT, assert_clean_outcome, docx_text, pdf_text, run_main

MEMO = (ROOT / "layouts" / "memo.toml").read_text(encoding="utf-8")


def png(width: int, height: int, claim: tuple[int, int] | None = None) -> bytes:
    """Return a black RGB PNG of ``width`` × ``height`` pixels (whose header says ``claim``)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\x00" * width * 3 for _ in range(height))
    header = struct.pack(">IIBBBBB", *(claim or (width, height)), 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def edit(old: str, new: str, text: str = MEMO) -> str:
    """Return the memo layout with ``old`` (which must be there) replaced by ``new``."""
    assert old in text, old
    return text.replace(old, new, 1)


HEADER = 'marking = "OFFICIAL"'
FONTS = "base_size = 10"
MARGINS = "margins = [20, 20, 18, 20]"

# name → (layout text, expected error substring or None)
INVALID: dict[str, tuple[str, str]] = {
    "a font file key": (
        edit("title_scale = 1.7", 'title_scale = 1.7\nfile = "/etc/passwd"'),
        "unknown key",
    ),
    "a font path in the fonts table": (
        edit(FONTS, f'{FONTS}\nregular = "../../x.ttf"'),
        "unknown key",
    ),
    "base size 1e308": (edit(FONTS, "base_size = 1e308"), "between"),
    "base size nan": (edit(FONTS, "base_size = nan"), "between"),
    "base size inf": (edit(FONTS, "base_size = inf"), "between"),
    "base size a huge integer": (edit(FONTS, "base_size = 99999999999999999999999"), "between"),
    "base size negative": (edit(FONTS, "base_size = -10"), "between"),
    "base size a string": (edit(FONTS, 'base_size = "10"'), "expected a number"),
    "margins inf": (edit(MARGINS, "margins = [inf, 20, 18, 20]"), "margins"),
    "margins nan": (edit(MARGINS, "margins = [nan, 20, 18, 20]"), "margins"),
    "margins of 10,000 mm": (edit(MARGINS, "margins = [10000, 20, 18, 20]"), "margins"),
    "5 margins": (edit(MARGINS, "margins = [20, 20, 18, 20, 5]"), "margins"),
    "a block maximum of 10**9": (
        re.sub(r"max = \d+", "max = 1000000000", MEMO, count=1),
        "between",
    ),
    "an unknown block": (MEMO + '\n[blocks.evil]\nregion = "main"\n', "unknown block"),
    "an unknown colour": (edit("[colours]", '[colours]\nevil = "#000000"'), "unknown colour"),
    "a colour with CSS": (
        edit('box = "#f0f2f4"', 'box = "red; background: url(x)"'),
        "expected a colour",
    ),
    "not UTF-8": ('name = "\udcff"', "not valid TOML"),
    "not TOML": ("[[[", "not valid TOML"),
    "a list at the top": ("blocks = 3", "expected a table"),
    "no blocks": ('name = "empty"', "at least one block"),
    "a logo that is a folder": (edit(HEADER, f'{HEADER}\nlogo = "."'), "logo"),
    "a logo that does not exist": (edit(HEADER, f'{HEADER}\nlogo = "nope.png"'), "logo"),
}


def _write_layout(folder: Path, text: str, name: str = "evil.toml") -> Path:
    path = folder / name
    if "\udcff" in text:
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", INVALID, ids=list(INVALID))
def test_invalid_layout_gives_one_line_layout_error(case, draft, tmp_path, capsys):
    text, error = INVALID[case]
    layout = _write_layout(tmp_path, text)
    out = tmp_path / "out"
    outcome = run_main(
        ["render", str(draft), "--layout", str(layout), "--out", str(out)], capsys, out
    )
    assert_clean_outcome(outcome, expect_error=error)
    assert outcome.code == 2
    assert str(layout) in outcome.err  # the message names the file


MARKUP = "<img src='/no/such/file.png'/><font size=80>Big</font> & <b"
SHOWN: dict[str, tuple[str, str]] = {
    "markup in a heading": (edit('heading = "Bottom line"', f'heading = "{MARKUP}"'), MARKUP),
    "markup in the marking": (edit(HEADER, 'marking = "<b>secret</b> & <i"'), "<B>SECRET</B>"),
    "template code in the marking": (
        edit(HEADER, "marking = \"{{ ''.__class__.__mro__ }}\""),
        "{{ ''.__CLASS__.__MRO__ }}",
    ),
    "markup in the name": (edit('name = "memo"', 'name = "<b>memo & </para>"'), "Bottom line"),
    "a 10,000-character language tag": (
        edit('name = "memo"', 'name = "memo"\nlanguage = "' + "x" * 10000 + '"'),
        "Bottom line",
    ),
    "every block at its maximum minimum": (
        re.sub(r"max = \d+", "max = 100", re.sub(r"min = \d+", "min = 50", MEMO)),
        "Bottom line",
    ),
}


@pytest.mark.parametrize("case", SHOWN, ids=list(SHOWN))
def test_layout_text_is_shown_literally(case, draft, tmp_path, capsys):
    text, shown = SHOWN[case]
    layout = _write_layout(tmp_path, text)
    out = tmp_path / "out"
    outcome = run_main(
        ["render", str(draft), "--layout", str(layout), "--out", str(out)], capsys, out
    )
    assert_clean_outcome(outcome)
    pdf = next(p for p in outcome.files if p.suffix == ".pdf").read_bytes()
    docx = next(p for p in outcome.files if p.suffix == ".docx").read_bytes()
    assert shown.upper() in " ".join(pdf_text(pdf).split()).upper()  # headings may be capitals
    assert shown.upper() in docx_text(docx).upper()


@pytest.mark.parametrize(
    ("logo", "error"),
    [
        (b"hello, not an image", "logo"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "logo"),  # a PNG signature and nothing valid
        (b"", "logo"),
    ],
)
def test_broken_logo_gives_one_line(logo, error, draft, tmp_path, capsys):
    (tmp_path / "logo.png").write_bytes(logo)
    layout = _write_layout(tmp_path, edit(HEADER, f'{HEADER}\nlogo = "logo.png"'))
    out = tmp_path / "out"
    for fmt in ("pdf", "docx"):
        outcome = run_main(
            ["render", str(draft), "--layout", str(layout), "--out", str(out), "--format", fmt],
            capsys,
            out,
        )
        assert_clean_outcome_any(outcome, error)


def assert_clean_outcome_any(outcome, error: str) -> None:
    """Assert a one-line error naming ``error`` and no file, whatever the exit code's class."""
    lines = [x for x in outcome.err.splitlines() if x.startswith("briefgen: error: ")]
    assert outcome.code in (1, 2) and len(lines) == 1 and error in lines[0]
    assert "Traceback" not in outcome.err and not outcome.files


def test_a_small_logo_in_the_layout_folder_is_drawn(draft, tmp_path, capsys):
    (tmp_path / "logo.png").write_bytes(png(40, 20))
    layout = _write_layout(tmp_path, edit(HEADER, f'{HEADER}\nlogo = "logo.png"'))
    out = tmp_path / "out"
    outcome = run_main(
        ["render", str(draft), "--layout", str(layout), "--out", str(out)], capsys, out
    )
    assert_clean_outcome(outcome)
    assert b"/Subtype /Image" in next(p for p in outcome.files if p.suffix == ".pdf").read_bytes()


CRAMPED = edit(
    MARGINS,
    "margins = [60, 60, 60, 60]",
    edit(
        "title_scale = 1.7",
        "title_scale = 4",
        edit("min_size = 7.5", "min_size = 16", edit(FONTS, "base_size = 16")),
    ),
)


def test_cramped_layout_gives_a_page_or_one_line_layout_error(draft, tmp_path, capsys):
    """60 mm margins and 16 pt type at the floor: the few points that fit make a valid page, or,
    when not one does, a one-line LayoutError naming the file — never a page of header alone."""
    layout = _write_layout(tmp_path, CRAMPED)
    out = tmp_path / "out"
    outcome = run_main(["render", str(draft), "--layout", str(layout), "--out", str(out)],
                       capsys, out)
    if outcome.code == 0:
        assert_clean_outcome(outcome)
        from pypdf import PdfReader

        pdf = next(p for p in outcome.files if p.suffix == ".pdf")
        assert len(PdfReader(pdf).pages) == 1
    else:
        assert_clean_outcome(outcome, expect_error="fit")
        assert outcome.code == 2 and str(layout) in outcome.err


# --- template fields and logo containment --------------------------------------------------------

SUBLINE = "{{ outlet }} · {{ date }} · {{ marking }}"
FOOTER = "{{ marking }} · generated {{ generated }} · {{ sources }} source(s)"


def _with_templates(subline: str | None = SUBLINE, footer: str | None = FOOTER) -> str:
    text = MEMO
    if subline is not None:
        text = edit(HEADER, f"{HEADER}\nsubline = {json.dumps(subline)}", text)
    if footer is not None:
        text += f"\n[footer]\ntext = {json.dumps(footer)}\n"
    return text


def test_template_fields_customise_the_header_and_footer(draft, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    layout = _write_layout(tmp_path, _with_templates())
    out = tmp_path / "out"
    argv = ["render", str(draft), "--layout", str(layout), "--out", str(out)]
    outcome = run_main(argv, capsys, out)
    assert_clean_outcome(outcome)
    pdf = " ".join(pdf_text(next(p for p in outcome.files if p.suffix == ".pdf").read_bytes())
                   .split())
    docx = docx_text(next(p for p in outcome.files if p.suffix == ".docx").read_bytes())
    for text in (pdf, " ".join(docx.split())):
        assert "Eurasia Review · 4 April 2025 · OFFICIAL" in text
        assert "OFFICIAL · generated 1 January 2026 · 1 source(s)" in text
        assert "Generated by briefgen on" not in text


def test_source_text_in_template_values_stays_literal(tmp_path, capsys):
    from briefgen.api import render_draft
    from briefgen.draft import Draft

    from ..helpers import hostile_brief

    layout = _write_layout(tmp_path, _with_templates("{{ title }} | {{ outlet }}", "{{ title }}"))
    (pdf,) = render_draft(Draft(hostile_brief(), "memo", "A4"), tmp_path / "out", ("pdf",),
                          layout=str(layout), stem="hostile")
    text = " ".join(pdf_text(pdf.read_bytes()).split())
    assert "AT&T <b says {{ 7*7 }} | AT&T News" in text and "49" not in text


HOSTILE_TEMPLATES = {
    "a class escape": ("{{ ''.__class__.__mro__ }}", "not allowed"),
    "subclasses": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "not allowed"),
    "a global": ("{{ cycler.__init__.__globals__ }}", "undefined|not allowed"),
    "an include": ("{% include '/etc/passwd' %}", "invalid template|template"),
    "an unknown name": ("{{ secret_key }}", "undefined"),
    "a huge loop": ("{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}"
                    "{% endfor %}{% endfor %}{% endfor %}", "longer than"),
    "a huge string": ("{{ 'x' * 100000 }}", "too large"),
    "a padding filter": ("{{ title | center(100000000) }}", "No filter named"),
    "a syntax error": ("{{ outlet }", "invalid template"),
    "a template too long": ("x" * 2001, "longer than 2000"),
}


@pytest.mark.parametrize("where", ["subline", "footer"])
@pytest.mark.parametrize("case", HOSTILE_TEMPLATES, ids=list(HOSTILE_TEMPLATES))
def test_hostile_template_gives_one_line_layout_error(case, where, draft, tmp_path, capsys):
    source, error = HOSTILE_TEMPLATES[case]
    text = _with_templates(source, None) if where == "subline" else _with_templates(None, source)
    layout = _write_layout(tmp_path, text)
    out = tmp_path / "out"
    argv = ["render", str(draft), "--layout", str(layout), "--out", str(out)]
    outcome = run_main(argv, capsys, out)
    assert outcome.code == 2, outcome.err
    lines = [x for x in outcome.err.splitlines() if x.startswith("briefgen: error: ")]
    assert len(lines) == 1 and re.search(error, lines[0]), outcome.err
    key = "header.subline" if where == "subline" else "footer.text"
    assert str(layout) in lines[0] and key in lines[0]
    assert "Traceback" not in outcome.err and not outcome.files


def test_a_long_footer_is_cut_to_its_line(draft, tmp_path, capsys):
    layout = _write_layout(tmp_path, _with_templates(None, "{{ title }} " * 20))
    out = tmp_path / "out"
    outcome = run_main(["render", str(draft), "--layout", str(layout), "--out", str(out)],
                       capsys, out)
    assert_clean_outcome(outcome)
    pdf = pdf_text(next(p for p in outcome.files if p.suffix == ".pdf").read_bytes())
    footer = [line for line in pdf.splitlines() if line.endswith("…") and "NATO" in line]
    assert len(footer) == 1 and len(footer[0]) < 200, pdf


@pytest.mark.parametrize(
    ("logo", "error"),
    [
        ("/etc/hostname", "must be a file in the layout's folder"),
        ("../outside.png", "must be a file in the layout's folder"),
        ("link.png", "must be a file in the layout's folder"),  # a symbolic link leading out
        ("fake.png", "not an image"),
        ("huge.png", "too large"),
    ],
)
def test_logo_outside_the_folder_or_not_an_image_is_refused(logo, error, draft, tmp_path, capsys):
    folder = tmp_path / "layouts"
    folder.mkdir()
    (tmp_path / "outside.png").write_bytes(png(10, 10))
    (folder / "link.png").symlink_to(tmp_path / "outside.png")
    (folder / "fake.png").write_bytes(b"not a picture at all")
    (folder / "huge.png").write_bytes(png(1, 1, claim=(6000, 5000)))  # 30 Mpx in a few bytes
    layout = _write_layout(folder, edit(HEADER, f"{HEADER}\nlogo = {json.dumps(logo)}"))
    out = tmp_path / "out"
    outcome = run_main(["render", str(draft), "--layout", str(layout), "--out", str(out)],
                       capsys, out)
    assert_clean_outcome(outcome, expect_error=error)
    assert outcome.code == 2 and "header.logo" in outcome.err
