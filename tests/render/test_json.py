"""JSON renderer: the draft of the plan's kept content, with what the planner dropped."""

from __future__ import annotations

import json

from briefgen.draft import parse_draft
from briefgen.render.json import render_json

from .briefs import plan


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
