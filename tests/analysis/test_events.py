"""Upcoming and dated events: what, and when or where, from the event's own sentence."""

from __future__ import annotations

import pytest

EVENTS = [
    # text, event name, date
    ("Ministers focused on preparations for the upcoming NATO Summit in The Hague.",
     "NATO Summit in The Hague", None),
    ("The European Council will meet in Brussels on 26 June.", "European Council", "26 June"),
    ("Leaders will gather for the next G20 summit in November.", "G20 summit", "November"),
    # the name keeps its modifiers and what it is about or against
    ("The general election will be held on 5 May.", "general election", "5 May"),
    ("The election is expected in May.", "election expected", "May"),
    ("The vote is scheduled for next Thursday.", "vote scheduled", "next Thursday"),
    ("He is expected to speak at an IMF meeting in Washington during April.",
     "IMF meeting in Washington", "April"),
    ("Spurs will take on Charlton in Saturday's Premiership match against Charlton.",
     "Premiership match against Charlton", "Saturday"),
    ("MPs will hold a debate on the budget next week.", "debate on the budget", "next week"),
    ("The party will launch its manifesto before next month's General Election.",
     "General Election", "next month"),
    ("The main Oscar ceremony will be held in Los Angeles on 27 February.", "main Oscar ceremony",
     "27 February"),
]


@pytest.mark.parametrize(("text", "name", "date"), EVENTS)
def test_upcoming_events(analyse, text, name, date):
    events = analyse(text).events
    assert [(e.text, e.date, e.upcoming) for e in events] == [(name, date, True)]


NO_EVENTS = [
    "The European Council met in Brussels on 26 June.",
    # a bare common noun with no date or place says nothing on its own
    "National Insurance will be raised if Labour wins the next election.",
    "They've got to maintain that over the next six games.",
    "Looking ahead to the coming general election, he pledged to cut taxes.",
    # the date of another action, or the year that says which one it was
    "Blunkett hinted that the general election will be announced on Monday.",
    "As with the 2004 US presidential election, the outcome will be decided by swing seats.",
    # "next" of a past event is not what's next
    "New Zealand's next visit to Wales in 1953 proved difficult.",
    # the words of an event name in lower case are no name
    "Fans protested, with the protest coming in the aftermath of the announcement.",
    "A concert is already scheduled for after the match.",
]


@pytest.mark.parametrize("text", NO_EVENTS)
def test_no_event(analyse, text):
    assert analyse(text).events == ()


@pytest.mark.parametrize("text", [t for t, _, _ in EVENTS] + NO_EVENTS)
def test_no_event_is_a_bare_common_noun(analyse, text):
    for event in analyse(text).events:
        words = event.text.split()
        assert len(words) > 1 or event.text[:1].isupper(), event
