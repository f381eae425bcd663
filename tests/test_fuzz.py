"""Property-based fuzzing of the pipeline: any input gives a one-page PDF and DOCX, or briefgen's
own error — never any other exception.

A small number of examples runs by default (CI). For a long run, set the number of examples:

    BRIEFGEN_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py -q

Hypothesis keeps failing examples in ``.hypothesis/`` and replays them first on the next run.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import briefgen
from briefgen.errors import BriefgenError, InputError, LayoutError
from briefgen.model import Brief, Entity, Event, Figure, KeyPoint, Quote, SourceInfo

from .helpers import seed_brief

EXAMPLES = int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "12"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
CHEAP = settings(FUZZ, max_examples=EXAMPLES * 5)  # strategies that need no spaCy

ANY_CHAR = st.characters(codec=None, exclude_categories=())
# a Brief comes from our pipeline or a draft, which never hold lone surrogates (the API replaces
# them, drafts refuse them), so Briefs are fuzzed with every other character
BRIEF_CHAR = st.characters(codec=None, exclude_categories=("Cs",))
WORDS = (
    "NATO ministers met in Brussels on Friday to discuss defence spending and support for "
    "Ukraine said Rutte the Secretary General more than 20 billion euros €5bn 2 per cent "
    "summit The Hague June 2025 allies partners agreed warned"
).split()
MARKUP = [
    "<b",
    "&amp;",
    "<img src=x>",
    "{{ 7*7 }}",
    "{% if %}",
    "</para>",
    "]]>",
    "<w:p>",
    "“",
    "”",
    '"',
    "'",
    "—",
    "\n",
    "\n\n",
    "# ",
    "- ",
    "1. ",
    "\t",
    "\x00",
    "\u202e",
]
TOKENS = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(MARKUP), st.text(ANY_CHAR, min_size=1, max_size=12)
)


@st.composite
def news_texts(draw: st.DrawFn) -> str:
    """Return text that mixes sentence-like runs of words with markup and random characters."""
    sentences = []
    for _ in range(draw(st.integers(1, 12))):
        words = draw(st.lists(TOKENS, min_size=1, max_size=30))
        end = draw(st.sampled_from([".", "!", "?", "", ".”", ":"]))
        sentences.append(" ".join(words) + end)
    sep = draw(st.sampled_from([" ", "\n", "\n\n"]))
    return sep.join(sentences)


def assert_one_page(brief: Brief) -> None:
    """Assert ``brief`` renders to a one-page PDF and a DOCX that opens, or a LayoutError."""
    import docx
    from pypdf import PdfReader

    try:
        pdf = briefgen.render(brief, "pdf")
        word = briefgen.render(brief, "docx")
    except LayoutError:
        return  # e.g. a title too long for the header at the smallest size: said on one line
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    docx.Document(io.BytesIO(word))


@FUZZ
@given(text=st.one_of(news_texts(), st.text(ANY_CHAR, max_size=400)))
def test_any_text_gives_a_page_or_our_error(text, nlp):
    try:
        brief = briefgen.make_brief(text)
    except BriefgenError:
        return
    assert_one_page(brief)


@FUZZ
@given(text=news_texts(), points=st.integers(0, 40))
def test_analyse_gives_an_analysis_or_our_error(text, points, nlp):
    try:
        result = briefgen.analyse(text, points=points)
    except BriefgenError:
        return
    data = result.to_dict()
    json.dumps(data)
    assert len(data["key_points"]) <= points


@st.composite
def structured_sources(draw: st.DrawFn) -> tuple[str, bytes]:
    """Return (file name, bytes) of a Markdown or HTML file of random headings, lists, text."""
    kind = draw(st.sampled_from(["md", "html"]))
    blocks = draw(
        st.lists(
            st.tuples(st.sampled_from(["h1", "h2", "p", "li"]), news_texts()),
            min_size=1,
            max_size=8,
        )
    )
    if kind == "md":
        prefix = {"h1": "# ", "h2": "## ", "p": "", "li": "- "}
        body = "\n\n".join(prefix[k] + t.replace("\n", " ") for k, t in blocks)
    else:
        from html import escape

        body = (
            "<html><body>"
            + "".join(
                f"<{k}>{escape(t)}</{k}>" if k != "li" else f"<ul><li>{escape(t)}</li></ul>"
                for k, t in blocks
            )
            + "</body></html>"
        )
    return f"source.{kind}", body.encode("utf-8", "surrogatepass")


@FUZZ
@given(source=structured_sources())
def test_any_structure_gives_a_page_or_our_error(source, nlp, tmp_path_factory):
    name, data = source
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    try:
        brief = briefgen.make_brief(path)
    except BriefgenError:
        return
    assert_one_page(brief)


@CHEAP
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.text(ANY_CHAR, max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>", b"\xef\xbb\xbf"]).flatmap(
            lambda head: st.binary(max_size=500).map(lambda b: head + b)
        ),
    ),
    ext=st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf", "", ".xyz"]),
)
def test_any_bytes_read_as_a_document_or_input_error(data, ext, tmp_path_factory):
    from briefgen.ingest import read_source

    path = tmp_path_factory.mktemp("bytes") / f"source{ext}"
    path.write_bytes(data)
    try:
        doc = read_source(path)
    except InputError:
        return
    assert doc.text.strip()
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text


SHORT = st.text(BRIEF_CHAR, max_size=60)
LONG = st.text(BRIEF_CHAR, max_size=600)


def _points(draw: st.DrawFn, n: int) -> tuple[KeyPoint, ...]:
    return tuple(
        KeyPoint(draw(LONG), draw(st.floats(0, 1)), i, draw(st.none() | SHORT)) for i in range(n)
    )


@st.composite
def briefs(draw: st.DrawFn) -> Brief:
    """Return a Brief of random text and random numbers of items in every block."""
    base = seed_brief()
    return dataclasses.replace(
        base,
        title=draw(st.text(BRIEF_CHAR, max_size=200)),
        subject=draw(st.none() | SHORT),
        marking=draw(st.none() | SHORT),
        date=draw(st.none() | st.sampled_from(["2025-04-04", "1900-01-01", "not a date"])),
        bottom_line=_points(draw, draw(st.integers(0, 3))),
        key_points=_points(draw, draw(st.integers(0, 25))),
        quotes=tuple(
            Quote(draw(LONG), draw(st.none() | SHORT), i, role=draw(st.none() | SHORT))
            for i in range(draw(st.integers(0, 8)))
        ),
        figures=tuple(
            Figure(
                draw(SHORT),
                draw(st.none() | st.floats(allow_nan=True)),
                draw(st.none() | SHORT),
                draw(st.none() | SHORT),
                i,
            )
            for i in range(draw(st.integers(0, 8)))
        ),
        people=tuple(
            Entity(
                draw(SHORT),
                draw(st.sampled_from(["person", "org", "place"])),
                draw(st.none() | SHORT),
            )
            for _ in range(draw(st.integers(0, 10)))
        ),
        events=tuple(
            Event(draw(SHORT), i, draw(st.none() | SHORT), draw(st.booleans()))
            for i in range(draw(st.integers(0, 5)))
        ),
        sources=tuple(
            SourceInfo(
                i,
                draw(st.none() | SHORT),
                None,
                None,
                draw(st.none() | SHORT),
                draw(st.none() | SHORT),
            )
            for i in range(draw(st.integers(0, 4)))
        ),
    )


@CHEAP
@given(brief=briefs(), layout=st.sampled_from(["executive", "memo", "meeting"]))
def test_any_brief_fits_one_page_in_every_layout(brief, layout):
    assume(brief.title.strip() or brief.bottom_line)
    try:
        pdf = briefgen.render(brief, "pdf", layout=layout)
        word = briefgen.render(brief, "docx", layout=layout)
    except LayoutError:
        return
    import docx
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    docx.Document(io.BytesIO(word))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_CHAR, max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@CHEAP
@given(
    key=st.sampled_from(
        [
            "title",
            "bottom_line",
            "key_points",
            "quotes",
            "figures",
            "people",
            "events",
            "sources",
            "date",
            "layout",
            "paper",
            "version",
            "subject",
        ]
    ),
    value=JSON_VALUES,
)
def test_any_edit_of_a_draft_loads_or_gives_input_error(key, value):
    from briefgen.draft import parse_draft
    from briefgen.renderers.json import render_json

    the_plan = briefgen.plan(seed_brief(), "memo")
    doc = json.loads(render_json(the_plan))
    doc[key] = value
    try:
        draft = parse_draft(json.dumps(doc, allow_nan=True).encode("utf-8", "surrogatepass"))
    except InputError:
        return
    try:
        briefgen.render(draft.brief, "pdf", layout="memo")
    except LayoutError:
        pass


TEMPLATE_BITS = [
    "{{ title }}", "{{ outlet|upper }}", " · ", "{{ nope }}", "{% if %}", "{{ 9 ** 99 }}",
    "{% for i in range(900) %}{{ title }}{% endfor %}", "{{ date ~ marking }}",
    "{{ ''.__class__ }}", "{{", "}}", "{%",
]  # fmt: skip
LAYOUT_VALUES = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(),
    st.booleans(),
    st.none(),
    st.text(string.printable, max_size=20),
    st.lists(st.integers(-100, 100), max_size=6),
    st.lists(st.sampled_from(["quotes", "figures", "key_points", "nope"]), max_size=4),
    st.lists(st.sampled_from(TEMPLATE_BITS), max_size=5).map("".join),
)


@CHEAP
@given(
    table=st.sampled_from(
        [
            None,
            "page",
            "fonts",
            "regions",
            "header",
            "footer",
            "fit",
            "colours",
            "blocks",
            "blocks.quotes",
            "blocks.figures",
        ]
    ),
    key=st.sampled_from(
        [
            "paper",
            "margins",
            "base_size",
            "min_size",
            "leading",
            "title_scale",
            "columns",
            "side_width",
            "gutter",
            "marking",
            "drop_order",
            "reserve",
            "region",
            "min",
            "max",
            "heading",
            "lines",
            "name",
            "accent",
            "x",
            "subline",
            "text",
        ]
    ),
    value=LAYOUT_VALUES,
)
def test_any_layout_value_loads_or_gives_layout_error(table, key, value):
    from pathlib import Path

    import tomllib

    from briefgen.layout import fit_plan
    from briefgen.layout.spec import _parse, builtin_layouts_dir
    from briefgen.renderers import RENDERERS

    path = builtin_layouts_dir() / "executive.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    target = data
    for part in table.split(".") if table else []:
        target = target.setdefault(part, {})
        if not isinstance(target, dict):
            return
    if value is None:
        target.pop(key, None)
    else:
        target[key] = value
    try:
        spec = _parse(Path("fuzz.toml"), data)
        the_plan = fit_plan(seed_brief(), spec)
        pdf = RENDERERS["pdf"](the_plan, spec)
        RENDERERS["docx"](the_plan, spec)
    except LayoutError:
        return
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


@pytest.mark.parametrize("fmt", ["json", "md", "html", "eml"])
@CHEAP
@given(brief=briefs())
def test_text_formats_render_any_brief(fmt, brief):
    try:
        data = briefgen.render(brief, fmt, layout="memo")
    except LayoutError:
        return
    assert data


@CHEAP
@given(
    subline=st.none() | st.lists(st.sampled_from(TEMPLATE_BITS), max_size=6).map("".join),
    footer=st.none() | st.lists(st.sampled_from(TEMPLATE_BITS), max_size=6).map("".join),
    brief=briefs(),
)
def test_any_layout_template_gives_a_page_or_layout_error(subline, footer, brief):
    import dataclasses

    from briefgen.layout import fit_plan, load_layout
    from briefgen.renderers import RENDERERS

    spec = dataclasses.replace(load_layout("memo"), subline=subline, footer=footer)
    try:
        the_plan = fit_plan(brief, spec)
        pdf = RENDERERS["pdf"](the_plan, spec)
        RENDERERS["docx"](the_plan, spec)
    except LayoutError:
        return
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
