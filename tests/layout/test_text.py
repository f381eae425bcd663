"""Page text: big numbers from the figure's own words, escaping, dates, key-point groups."""

from __future__ import annotations

import pytest

from briefgen.layout.text import (
    big_number,
    clean,
    format_date,
    group_key_points,
    markup,
    source_line,
    title_text,
)
from briefgen.model import Figure, KeyPoint, SourceInfo


def _fig(text: str, qualifier: str | None = None, counts: str | None = None) -> Figure:
    return Figure(text=text, value=None, unit=None, counts=counts, sentence_index=0,
                  qualifier=qualifier)


@pytest.mark.parametrize(
    ("text", "qualifier", "expected"),
    [
        ("more than 20 billion euros", None, ("more than", "€20bn", "")),
        ("20 billion euros", "more than", ("more than", "€20bn", "")),
        ("over 1.25 million dollars", None, ("over", "$1.25m", "")),
        ("€3.5bn", None, ("", "€3.5bn", "")),
        ("US$400 million", None, ("", "US$400m", "")),
        ("£2,500", None, ("", "£2,500", "")),
        ("2 per cent", None, ("", "2%", "")),
        ("2.0%", None, ("", "2.0%", "")),
        ("nearly 5 percent of GDP", None, ("nearly", "5%", "of GDP")),
        ("about 4,000 troops", None, ("about", "4,000", "troops")),
        ("32 Allies", None, ("", "32", "Allies")),
        ("four partners", None, ("", "4", "partners")),
        ("at least 300 billion", None, ("at least", "300bn", "")),
        ("dozens of drones", None, ("", "dozens of drones", "")),
        ("более 20 миллиардов евро", None, ("более", "20", "миллиардов евро")),
        ("an estimated 1,200 people", None, ("an estimated", "1,200", "people")),
        ("Q1 2025 pledges", None, ("", "Q1 2025 pledges", "")),
        ("1.50 trillion yen", None, ("", "¥1.50tn", "")),
        # number words are one number; a hyphen glues the unit, it does not start the rest
        ("Twenty-two Maori", None, ("", "22", "Maori")),
        ("One hundred and twenty people", None, ("", "120", "people")),
        ("two-and-a-half years", None, ("", "2.5", "years")),
        ("one million older people", None, ("", "1m", "older people")),
        ("a hundred and fifty staff", None, ("", "150", "staff")),
        ("A thousand people", None, ("", "1,000", "people")),
        ("two-thirds of voters", None, ("", "two-thirds", "of voters")),
        ("twenty-first", None, ("", "twenty-first", "")),
        ("nine first-team players", None, ("", "9", "first-team players")),
        ("nearly one second", None, ("nearly", "1", "second")),
        ("50-minute trek", None, ("", "50", "minute trek")),
        ("23-year-old", None, ("", "23", "year-old")),
        # a score, a dash range and an ordinal ending stay whole
        ("1-1", None, ("", "1-1", "")),
        ("roughly 200,000-300,000 samples", None, ("roughly", "200,000-300,000", "samples")),
        ("between 10-15%", None, ("between", "10-15%", "")),
        ("2nd Battalion", None, ("", "2nd", "Battalion")),
        # a range with its unit glued on keeps both ends ("8-10lbs", never "8 — 10lbs")
        ("8-10lbs", None, ("", "8-10", "lbs")),
        ("150ml", None, ("", "150", "ml")),
        ("70th-minute finish", None, ("", "70th", "minute finish")),
    ],
)
def test_big_number_keeps_qualifier_and_precision(text, qualifier, expected):
    bn = big_number(_fig(text, qualifier))
    assert (bn.qualifier, bn.big, bn.rest) == expected


@pytest.mark.parametrize("text", ["AT&T", "<b", "<font size=40>", "{{ 7*7 }}", "</para>", "&amp;"])
def test_markup_escapes_everything(text):
    from reportlab.platypus import Paragraph

    from briefgen.layout.flow import styles
    from briefgen.layout.spec import load_layout

    para = Paragraph(markup(text), styles(load_layout("memo"), 10.0).body)
    shown = "".join(frag.text for frag in para.frags)
    assert shown == text
    assert {frag.fontSize for frag in para.frags} == {10.0}  # no markup took effect


def test_clean_removes_controls_and_collapses_space():
    assert clean("a\x00b\n\n c\t d\x7f") == "ab c d"
    assert clean(None) == ""


def test_placeholder_for_characters_no_font_has(caplog):
    from briefgen.fonts import PLACEHOLDER, _fallback

    if _fallback() is not None and 0x1F9FF in _fallback()[1]:
        pytest.skip("a fallback font here has the test character")
    out = markup("a\U0001f9ffb")
    assert out == f"a{PLACEHOLDER}b"


@pytest.mark.parametrize(
    ("iso", "expected"),
    [("2025-04-04", "4 April 2025"), ("2025-04", "April 2025"), ("2025", "2025"),
     ("2025-13-40", "2025-13-40"), ("next week", "next week"), (None, "")],
)
def test_format_date(iso, expected):
    assert format_date(iso) == expected


def test_key_points_grouped_by_section_in_document_order():
    pts = [KeyPoint("c", 0.9, 7, "B"), KeyPoint("a", 0.8, 1, "A"), KeyPoint("b", 0.7, 3, "A")]
    groups = group_key_points(pts)
    assert [(s, [p.text for p in ps]) for s, ps in groups] == [("A", ["a", "b"]), ("B", ["c"])]


def test_one_section_has_no_subheadings():
    pts = [KeyPoint("b", 0.9, 5), KeyPoint("a", 0.8, 2)]
    assert group_key_points(pts) == [(None, [pts[1], pts[0]])]


def test_title_is_cut_at_a_word_with_an_ellipsis():
    long = "word " * 200
    t = title_text(long)
    assert t.endswith("…") and len(t) <= 241 and "  " not in t
    assert title_text("") == "Briefing"


def test_source_line():
    desc, url = source_line(SourceInfo(0, "T", "2025-04-04", None, "Outlet", "https://x.org"))
    assert desc == "“T” — Outlet, 4 April 2025" and url == "https://x.org"


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        ("/home/analyst/private/drafts/story.txt", "story.txt"),
        ("C:\\Users\\analyst\\report.docx", "report.docx"),
        ("notes.md", "notes.md"),
        ("https://example.org/news/story", "https://example.org/news/story"),
        ("-", "standard input"),
    ],
)
def test_source_known_by_location_shows_its_file_name(location, shown):
    from briefgen.layout.text import location_label

    assert location_label(location) == shown
    assert source_line(SourceInfo(0, location=location)) == (shown, None)


@pytest.mark.parametrize(
    ("url", "link"),
    [("https://x.org/a?b=1", True), ("http://x", True), ("mailto:a@b.org", True),
     ("example.org/page", False), ('"}', False), ("javascript:alert(1)", False), (None, False)],
)
def test_only_real_urls_become_links(url, link):
    from briefgen.layout.text import is_link

    assert is_link(url) is link
