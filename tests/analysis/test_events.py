"""Upcoming and dated events."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name", "date"),
    [
        ("Ministers focused on preparations for the upcoming NATO Summit in The Hague.",
         "NATO Summit in The Hague", None),
        ("The European Council will meet in Brussels on 26 June.", "European Council", "26 June"),
        ("Leaders will gather for the next G20 summit in November.", "G20 summit", "November"),
    ],
)
def test_upcoming_events(analyse, text, name, date):
    events = analyse(text).events
    assert [(e.text, e.date, e.upcoming) for e in events] == [(name, date, True)]


def test_past_meetings_are_not_whats_next(analyse):
    assert analyse("The European Council met in Brussels on 26 June.").events == ()
