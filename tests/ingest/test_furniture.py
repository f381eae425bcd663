"""Tests of page furniture in text: controls, menus, credits, notices and link lists."""

from __future__ import annotations

import pytest

from briefgen.ingest._furniture import (
    drop_pasted_furniture,
    is_furniture_line,
    strip_furniture_phrases,
)
from briefgen.ingest.text import read_text


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Skip to content", True),
        ("Skip to main content", True),
        ("Home | News | Business | Sport", True),
        ("UK · World · Business · Politics · Tech", True),
        ("Share", True),
        ("Save", True),
        ("Image caption, The unit was sold at a state auction", True),
        ("Image source, Getty Images", True),
        ("Comments (12)", True),
        ("Copyright 2025 Daily Ledger. All rights reserved.", True),
        ("© Daily Ledger 2025", True),
        ("Sign up to our Business Daily newsletter for the latest news", True),
        ("Advertisement", True),
        ("Scroll down for video", True),
        ("Scroll down to watch the video.", True),
        # the story's own lines, even short ones or ones with bars
        ("Background", False),
        ("Shares fell 3% in London | Paris | Frankfurt trading after the news.", False),
        ("Share prices rose sharply on Monday.", False),
        ("The image caption read: ministers agree.", False),
        ("Search and rescue teams reached the village on Tuesday.", False),
        ("", False),
    ],
)
def test_is_furniture_line(line: str, furniture: bool) -> None:
    assert is_furniture_line(line) is furniture


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("Scroll down for video The bakery opened in May.", "The bakery opened in May."),
        ("The bakery opened in May. Scroll down for videos Crowds queued outside.",
         "The bakery opened in May. Crowds queued outside."),
        ("Click here to watch the video The bakery opened in May.",
         "The bakery opened in May."),
        ("Watch the video below: the bakery opened in May.", "the bakery opened in May."),
        ("Scroll down for video", ""),
        # a shop widget's link left before the next sentence
        ("Visit site Like the rest of the royals, she is counting the days.",
         "Like the rest of the royals, she is counting the days."),
        ("The ministers will visit site after site across the region this week.",
         "The ministers will visit site after site across the region this week."),
        # the same words as the story's own are not furniture
        ("Divers had to scroll down the cliff face to reach the boat.",
         "Divers had to scroll down the cliff face to reach the boat."),
        ("Viewers were asked to watch the video and report what they saw.",
         "Viewers were asked to watch the video and report what they saw."),
    ],
)
def test_strip_furniture_phrases(text: str, story: str) -> None:
    assert strip_furniture_phrases(text) == story


def test_pasted_text_loses_the_phrase_inside_a_paragraph() -> None:
    doc = read_text(b"The bakery opened in May. Scroll down for video Crowds queued outside "
                    b"for hours.\n", "<test>")
    assert doc.text == "The bakery opened in May. Crowds queued outside for hours."


def test_drop_pasted_furniture_drops_link_lists_and_keeps_paragraph_bounds() -> None:
    lines = [
        "First paragraph of the story.",
        "",
        "Related topics",
        "Oil",
        "Russia",
        "",
        "Second paragraph of the story, with more to say.",
        "",
        "More on this story",
        "Yukos bankruptcy looms - 19 Dec 2004",
        "Gazprom denies bid plan",
    ]
    assert drop_pasted_furniture(lines) == [
        "First paragraph of the story.",
        "",
        "",
        "Second paragraph of the story, with more to say.",
        "",
    ]


def test_a_link_list_ends_at_the_first_sentence() -> None:
    lines = ["Related topics", "Oil", "The story goes on here, as a sentence does."]
    assert drop_pasted_furniture(lines) == ["The story goes on here, as a sentence does."]


PASTED = """Skip to content

Home | News | Business | Sport

Yukos unit fetches $9bn at auction

By Jane Whitcombe
Business reporter

Published 20 December 2004

Share
Save

A little-known Russian company has bought the main production unit of oil giant Yukos.

Image caption, The unit was sold at a state auction
Image source, Getty Images

Baikal Finance Group outbid favourite Gazprom at the auction.

Related topics
Oil
Russia

Copyright 2025 Daily Ledger. All rights reserved.
"""


def test_read_text_reads_a_page_pasted_from_a_browser() -> None:
    doc = read_text(PASTED.encode(), "pasted.txt")
    assert (doc.title, doc.author, doc.date) == (
        "Yukos unit fetches $9bn at auction",
        "Jane Whitcombe",
        "2004-12-20",
    )
    assert [b.text for b in doc.blocks] == [
        "A little-known Russian company has bought the main production unit of oil giant Yukos.",
        "Baikal Finance Group outbid favourite Gazprom at the auction.",
    ]


@pytest.mark.parametrize(
    ("second", "body"),
    [
        ("Business reporter", ["Body of the story starts here."]),
        ("Political correspondent, BBC News", ["Body of the story starts here."]),
        # a second line that is no role is the story's first paragraph
        ("Ministers met", ["Ministers met", "Body of the story starts here."]),
    ],
)
def test_read_text_takes_a_bylines_second_line(second: str, body: list[str]) -> None:
    doc = read_text(
        f"Headline\n\nBy Jane Smith\n{second}\n\nBody of the story starts here.\n".encode(), "a.txt"
    )
    assert doc.author == "Jane Smith"
    assert [b.text for b in doc.blocks] == body
