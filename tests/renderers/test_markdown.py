"""Markdown: the Brief's blocks in order, and source text that cannot turn into markup."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefgen.model import KeyPoint, Quote
from briefgen.renderers.markdown import escape_md, render_md

from .briefs import brief, plan

MD = MarkdownIt("commonmark")


def plain_text(markdown: str) -> str:
    """Return the text a CommonMark reader shows for one inline line, failing on any markup."""
    [paragraph] = [t for t in MD.parse(markdown) if t.type == "inline"] or [None]
    if paragraph is None:
        return ""
    kinds = {child.type for child in paragraph.children}
    assert kinds <= {"text"}, f"{markdown!r} became {kinds}"
    return "".join(child.content for child in paragraph.children)


@pytest.mark.parametrize(
    "text",
    [
        "*not emphasis* and _not either_",
        "# not a heading",
        "1. not a list",
        "2025) not one",
        "- not a bullet",
        "+ nor this",
        "> not a quote",
        "[not](a-link)",
        "![no](image.png)",
        "<script>alert(1)</script>",
        "&amp; stays as typed",
        "`no code`",
        "~~no strike~~",
        "a \\ backslash",
        "===",
        "---",
        "line\nbreak\r\nand  spaces",
    ],
)
def test_escaped_text_reads_back_as_the_same_plain_text(text):
    assert plain_text(escape_md(text)) == " ".join(text.split())


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60))
def test_any_text_reads_back_unchanged(text):
    assert plain_text(escape_md(text)) == " ".join(text.split())


def test_blocks_in_order_with_sections_and_attribution():
    md = render_md(plan()).decode("utf-8")
    order = [
        "**OFFICIAL**",
        "# NATO foreign ministers",
        "*2025-04-04 · Eurasia Review*",
        "**Bottom line:**",
        "## Key points",
        "### Ukraine",
        "### Partners",
        "## Quotes",
        "## Figures",
        "## Who's who",
        "## What's next",
        "## Sources",
    ]
    positions = [md.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "- “This poses risks to us all.” — Rutte, NATO Secretary General" in md
    assert "- “We are ready.” (speaker not given)" in md
    assert "- **more than 20 billion euros** — military assistance pledged to Ukraine" in md
    # the two Ukraine points stay together, in the draft's order
    ukraine, kallas = md.index("20 billion euros to Ukraine"), md.index("Kaja Kallas")
    assert ukraine < kallas < md.index("### Partners")


def test_one_section_has_no_section_heading_and_empty_blocks_are_left_out():
    points = (KeyPoint("Only point.", 1.0, 0, "Alone"),)
    md = render_md(plan(brief(key_points=points, quotes=(), figures=(), marking=None))).decode()
    assert "###" not in md and "## Quotes" not in md and "## Figures" not in md
    assert "OFFICIAL" not in md and "- Only point." in md


def test_hostile_title_stays_one_heading():
    md = render_md(plan(brief(title="Evil\n# Injected <b>x</b>"))).decode()
    assert md.count("\n# ") + md.startswith("# ") == 1
    assert "# Evil \\# Injected \\<b>x\\</b>" in md


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        ("it is lasting,", "“it is lasting”"),
        ("Yes; no:", "“Yes; no”"),
        ("Why?", "“Why?”"),
        ("Done.", "“Done.”"),
    ],
)
def test_quote_loses_the_sentences_trailing_comma(words, shown):
    md = render_md(plan(brief(quotes=(Quote(words, "Rutte", 0),)))).decode()
    assert f"- {shown} — Rutte" in md


def test_author_is_named():
    assert "Prepared by A. Analyst" in render_md(plan(), author="A. Analyst").decode()


TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(str.strip)


@given(st.lists(TEXT, min_size=1, max_size=4), TEXT)
def test_every_key_point_and_the_title_read_back_from_the_whole_page(texts, title):
    points = tuple(KeyPoint(t, 1.0, i) for i, t in enumerate(texts))
    md = render_md(plan(brief(key_points=points, title=title))).decode()
    tokens = MD.parse(md)
    heading = next(i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h1")
    assert tokens[heading + 1].content == escape_md(title)
    assert plain_text(tokens[heading + 1].content) == " ".join(title.split())
    items = [tokens[i + 2] for i, t in enumerate(tokens) if t.type == "list_item_open"]
    shown = [plain_text(item.content) for item in items[: len(texts)]]
    assert shown == [" ".join(t.split()) for t in texts]
