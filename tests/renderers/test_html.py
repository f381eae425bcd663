"""HTML: a complete page, every source string escaped, blocks in the draft's order."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.model import KeyPoint, Quote
from briefgen.renderers.html import html_page, render_html

from .briefs import brief, plan


class Tags(HTMLParser):
    """Collect the tags and text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


HOSTILE = '<script>alert("x")</script> & <img src=x onerror=y>'


@pytest.mark.parametrize(
    "changes",
    [
        {"title": HOSTILE},
        {"key_points": (KeyPoint(HOSTILE, 1.0, 0),)},
        {"quotes": (Quote(HOSTILE, HOSTILE, 0, role=HOSTILE),)},
        {"marking": HOSTILE},
        {"subject": HOSTILE},
    ],
    ids=["title", "key-point", "quote", "marking", "subject"],
)
def test_source_text_never_becomes_markup(changes):
    page = render_html(plan(brief(**changes))).decode("utf-8")
    tags = parse(page).tags
    assert "script" not in tags and "img" not in tags
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img" in page


def test_page_is_complete_and_in_order():
    page = render_html(plan()).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    text = " ".join(" ".join(parse(page).text).split())
    order = [
        "Bottom line:",
        "Key points",
        "Ukraine",
        "Partners",
        "Quotes",
        "Figures",
        "Who’s who",
        "What’s next",
        "Sources",
    ]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "— Rutte, NATO Secretary General" in text and "(speaker not given)" in text


def test_short_form_has_only_bottom_line_and_key_points():
    page = html_page(brief(), full=False)
    assert "Bottom line" in page and "Key points" in page
    assert "Quotes" not in page and "Figures" not in page and "Sources" not in page


TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(str.strip)


@given(st.lists(TEXT, min_size=1, max_size=4), TEXT)
def test_any_text_shows_as_itself_and_adds_no_tag(texts, title):
    points = tuple(KeyPoint(t, 1.0, i) for i, t in enumerate(texts))
    plain = render_html(plan(brief(key_points=(KeyPoint("x", 1.0, 0),), title="t"))).decode()
    page = render_html(plan(brief(key_points=points, title=title))).decode()
    parsed = parse(page)
    assert len(parsed.tags) == len(parse(plain).tags) + len(texts) - 1  # one <li> per point
    shown = parsed.text
    for text in [title, *texts]:
        assert " ".join(text.split()) in shown
