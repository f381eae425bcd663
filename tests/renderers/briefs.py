"""Builders of Briefs and Plans by hand, so renderer tests need no spaCy, layout or summariser."""

from __future__ import annotations

from briefgen.model import (
    Brief,
    Entity,
    Event,
    Figure,
    KeyPoint,
    Plan,
    PlanBlock,
    Quote,
    SourceInfo,
)

__all__ = ["brief", "plan"]


def brief(**changes) -> Brief:
    """Return a Brief like the seed's, with ``changes`` applied."""
    fields = dict(
        title="NATO foreign ministers prepare the Hague Summit",
        bottom_line=(
            KeyPoint(
                "NATO Foreign Ministers wrapped up two days of meetings.", 1.0, 0, None, 0, 0, 55
            ),
        ),
        key_points=(
            KeyPoint(
                "Allies pledged more than 20 billion euros to Ukraine.",
                0.9,
                12,
                "Ukraine",
                0,
                900,
                953,
            ),
            KeyPoint("Ministers met Indo-Pacific partners.", 0.8, 20, "Partners", 0, 1500, 1536),
            KeyPoint("The EU's Kaja Kallas joined the Council.", 0.7, 14, "Ukraine", 0, 1000, 1040),
        ),
        quotes=(
            Quote(
                "This poses risks to us all.",
                "Rutte",
                8,
                role="NATO Secretary General",
                cue="said",
                start=400,
                end=427,
            ),
            Quote("We are ready.", None, 9, start=500, end=513),
        ),
        figures=(
            Figure(
                "more than 20 billion euros",
                2e10,
                "EUR",
                "military assistance pledged to Ukraine",
                12,
                qualifier="more than",
                start=910,
                end=936,
            ),
        ),
        people=(Entity("Marco Rubio", "person", "US Secretary of State", ("Rubio",), (3,)),),
        events=(Event("NATO Summit in The Hague", 30, None, True),),
        sources=(
            SourceInfo(
                0,
                "NATO Foreign Ministers meet",
                "2025-04-04",
                None,
                "Eurasia Review",
                "https://example.org/nato",
                "nato.txt",
            ),
        ),
        date="2025-04-04",
        marking="OFFICIAL",
    )
    fields.update(changes)
    return Brief(**fields)


def plan(the_brief: Brief | None = None, **changes) -> Plan:
    """Return a memo/A4 Plan over ``the_brief`` (the default brief when None)."""
    fields = dict(
        layout="memo",
        paper="a4",
        font_size=10,
        brief=the_brief or brief(),
        blocks=(PlanBlock("quotes", "main", 2, 3),),
        dropped=("quotes[2]", "figures[1]"),
    )
    fields.update(changes)
    return Plan(**fields)
