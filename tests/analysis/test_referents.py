"""An opening He/She is resolved only when the text settles who it means."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the person named as subject just before
        ("Mayor Anna Lindqvist opened the session on Monday. "
         "She welcomed the new budget for buses.", {1: "Anna Lindqvist"}),
        ("On Thursday, Mr Rutte met the ministers in Brussels. "
         "He welcomed the progress on defence spending.", {1: "Rutte"}),
        # gender disagrees with the only person named: unresolved
        ("Mr Tom Becker spoke first at the meeting. She welcomed the budget warmly.", {}),
        # nobody named in the two sentences before: unresolved
        ("Tom Becker spoke at length. The weather was fine. The hall was full. "
         "He welcomed the budget.", {}),
        # a pronoun that is not the subject opening the sentence is left alone
        ("Tom Becker spoke first. Then he left the building by the back door.", {}),
        # no person at all
        ("The council met on Monday. He welcomed the budget.", {}),
    ],
)
def test_opening_pronoun_referent(analyse, text, expected):
    analysis = analyse(text)
    found = {s.index: s.referent for s in analysis.sentences if s.referent}
    assert found == expected


def test_seed_he_is_rutte(seed_analysis):
    resolved = {s.text.split()[1]: s.referent for s in seed_analysis.sentences if s.referent}
    assert resolved == {"welcomed": "Rutte", "reaffirmed": "Rutte"}
