"""People, organisations and places: merged mentions, roles, spurious entities dropped."""

from __future__ import annotations

import pytest


def _people(analysis):
    return {e.name: e for e in analysis.entities if e.kind == "person"}


def test_mentions_of_a_person_are_merged_into_the_fullest_name(analyse):
    analysis = analyse(
        "Mark Rutte met ministers in Brussels. Mr Rutte said little. Later Rutte left for Paris."
    )
    people = _people(analysis)
    assert list(people) == ["Mark Rutte"]
    assert {"Mark Rutte", "Rutte"} <= set(people["Mark Rutte"].mentions)
    assert people["Mark Rutte"].sentence_indices == (0, 1, 2)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("He welcomed US Secretary of State Marco Rubio to his first ministerial.",
         "Marco Rubio", "US Secretary of State"),
        ("Ministers met Ukrainian Foreign Minister Andrii Sybiha on Thursday.",
         "Andrii Sybiha", "Ukrainian Foreign Minister"),
        ("The club was sold by Liverpool manager Brendan Rodgers last year.",
         "Brendan Rodgers", "Liverpool manager"),
        ("Mark Rutte, NATO Secretary General, opened the meeting.", "Mark Rutte",
         "NATO Secretary General"),
        # a word before a name that is no title is no role
        ("In the video Abase Hussen is seen at a rally.", "Abase Hussen", None),
    ],
)
def test_roles_from_titles_and_appositions(analyse, text, name, role):
    assert _people(analyse(text))[name].role == role


@pytest.mark.parametrize(
    ("text", "spurious"),
    [
        ("He welcomed that Allies have pledged more money to Ukraine.", "Allies"),
        ("Allied support to Ukraine was discussed by NATO.", "Allied"),
        ("He met US Secretary of State Marco Rubio.", "State"),
    ],
)
def test_spurious_organisations_are_dropped(analyse, text, spurious):
    assert spurious not in {e.name for e in analyse(text).entities}


def test_the_article_of_a_place_name_is_kept(analyse):
    analysis = analyse("Ministers prepared for the summit in The Hague in June.")
    assert "The Hague" in {e.name for e in analysis.entities if e.kind == "place"}
