"""The data records round-trip through JSON and reject values of the wrong shape."""

from __future__ import annotations

import json

import pytest

from briefgen.model import (
    Analysis,
    Block,
    Brief,
    Document,
    Entity,
    Event,
    Figure,
    KeyPoint,
    Plan,
    PlanBlock,
    Quote,
    Sentence,
    SourceInfo,
)

POINT = KeyPoint("Allies pledged more than 20 billion euros.", 0.9, 12, "Ukraine", 0, 100, 142)
QUOTE = Quote("This poses risks to us all.", "Rutte", 8, role="NATO Secretary General", cue="said")
FIGURE = Figure(
    "more than 20 billion euros",
    2e10,
    "EUR",
    "military assistance pledged",
    12,
    qualifier="more than",
)
SOURCE = SourceInfo(0, "NATO ministers meet", "2025-04-04", None, "Eurasia Review", None, "a.txt")
BRIEF = Brief(
    title="NATO ministers meet",
    bottom_line=(POINT,),
    key_points=(POINT, POINT),
    quotes=(QUOTE,),
    figures=(FIGURE,),
    people=(Entity("Marco Rubio", "person", "US Secretary of State", ("Rubio",), (3,)),),
    events=(Event("NATO Summit in The Hague", 0, None, True),),
    sources=(SOURCE,),
    date="2025-04-04",
    marking="OFFICIAL",
    dropped=("quotes[3]",),
)


@pytest.mark.parametrize(
    "record",
    [
        Document("Text.\n\nMore.", (Block("paragraph", "Text.", 0, 5),), "T", "2025-04-04"),
        Analysis(
            "T",
            "2025-04-04",
            "Outlet",
            (Sentence(0, "Text.", 0, 5),),
            quotes=(QUOTE,),
            figures=(FIGURE,),
            sources=(SOURCE,),
            key_points=(POINT,),
        ),
        BRIEF,
        Plan(
            "memo", "a4", 10.5, BRIEF, (PlanBlock("key_points", "main", 2, 5),), ("key_points[2]",)
        ),
    ],
    ids=lambda r: type(r).__name__,
)
def test_round_trip_through_json(record):
    data = json.loads(json.dumps(record.to_dict()))
    assert type(record).from_dict(data) == record


def test_to_dict_gives_lists_and_nested_dicts():
    data = BRIEF.to_dict()
    assert data["quotes"][0] == {
        "text": "This poses risks to us all.",
        "speaker": "Rutte",
        "sentence_index": 8,
        "role": "NATO Secretary General",
        "cue": "said",
        "start": 0,
        "end": 0,
        "source": 0,
        "score": 0.0,
    }
    assert isinstance(data["key_points"], list)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": 3}, "Brief.title: expected str"),
        ({}, "Brief.title: missing"),
        ({"title": "T", "key_points": "x"}, "Brief.key_points: expected a list"),
        (
            {"title": "T", "key_points": [{"text": "a", "score": "high", "sentence_index": 0}]},
            "Brief.key_points[0].score: expected a number",
        ),
    ],
)
def test_from_dict_names_the_bad_path(data, message):
    with pytest.raises(
        (TypeError, ValueError), match=message.replace("[", r"\[").replace("]", r"\]")
    ):
        Brief.from_dict(data)


def test_records_are_frozen():
    with pytest.raises(AttributeError):
        BRIEF.title = "changed"  # type: ignore[misc]
