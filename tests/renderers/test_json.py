"""JSON renderer: the draft of the plan's kept content, with what the planner dropped."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import given
from hypothesis import strategies as st

from briefgen.draft import parse_draft
from briefgen.model import KeyPoint
from briefgen.renderers.json import render_json

from .briefs import brief, plan


def test_json_is_the_plans_brief_with_dropped_and_wrapper_keys():
    the_plan = plan()
    data = json.loads(render_json(the_plan))
    assert data["schema"] == "briefgen/brief" and data["version"] == 1
    assert data["dropped"] == ["quotes[2]", "figures[1]"]
    assert data["layout"] == "memo" and data["paper"] == "a4"
    assert [q["text"] for q in data["quotes"]] == [q.text for q in the_plan.brief.quotes]
    point = data["key_points"][0]
    assert (point["source"], point["sentence_index"], point["start"], point["end"]) == (
        0,
        12,
        900,
        953,
    )


def test_json_reads_back_to_the_same_brief():
    the_plan = plan()
    draft = parse_draft(render_json(the_plan))
    assert draft.brief.key_points == the_plan.brief.key_points
    assert draft.brief.quotes == the_plan.brief.quotes
    assert draft.brief.dropped == the_plan.dropped
    assert (draft.layout, draft.paper) == ("memo", "a4")


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@given(
    st.lists(TEXT.filter(str.strip), max_size=3),
    TEXT.filter(str.strip),
    st.lists(st.from_regex(r"[a-z_]+\[[0-9]\]", fullmatch=True), max_size=3),
)
def test_any_plan_round_trips_through_its_draft(texts, title, dropped):
    points = tuple(KeyPoint(t, 0.5, i, start=i, end=i + len(t)) for i, t in enumerate(texts))
    the_plan = plan(brief(key_points=points, title=title), dropped=tuple(dropped))
    draft = parse_draft(render_json(the_plan))
    assert draft.brief == dataclasses.replace(the_plan.brief, dropped=tuple(dropped))
