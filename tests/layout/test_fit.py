"""The fit planner: keeps the best-ranked items, respects minimums, shrinks, reports drops."""

from __future__ import annotations

import dataclasses

import pytest

from briefgen.errors import LayoutError
from briefgen.layout import fit_plan, load_layout
from briefgen.layout.fit import _Measure, region_heights, sizes
from briefgen.layout.flow import block_items
from tests.helpers import BRIEF_CASES, seed_brief, synthetic_brief

LAYOUTS = ["memo", "executive", "meeting"]


@pytest.mark.parametrize("layout_name", LAYOUTS)
@pytest.mark.parametrize("case", sorted(BRIEF_CASES))
def test_plan_keeps_a_ranked_prefix_and_reports_the_rest(layout_name, case):
    layout = load_layout(layout_name)
    brief = BRIEF_CASES[case]()
    plan = fit_plan(brief, layout)
    assert layout.min_size <= plan.font_size <= layout.base_size
    assert plan.layout == layout.name and plan.paper == layout.paper
    expected_dropped = set()
    for name in ("bottom_line", "key_points", "quotes", "figures", "people", "events",
                 "sources"):
        full, kept = block_items(brief, name), block_items(plan.brief, name)
        assert kept == full[: len(kept)]  # the best-ranked items, in rank order
        spec = layout.block(name)
        if spec is None:
            assert kept == ()
        else:
            assert len(kept) <= spec.max
        expected_dropped |= {f"{name}[{i}]" for i in range(len(kept), len(full))}
    assert set(plan.dropped) == expected_dropped
    assert plan.brief.dropped == plan.dropped


@pytest.mark.parametrize("layout_name", LAYOUTS)
@pytest.mark.parametrize("case", sorted(BRIEF_CASES))
def test_every_region_fits_with_the_reserve(layout_name, case):
    layout = load_layout(layout_name)
    plan = fit_plan(BRIEF_CASES[case](), layout)
    measure = _Measure(plan.brief, layout, plan.font_size)
    counts = {b.name: b.kept for b in plan.blocks if b.name != "notes"}
    for region, (used, avail) in region_heights(measure, counts).items():
        assert used <= avail + 1e-6, region


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_minimums_are_kept_at_the_base_size(layout_name):
    layout = load_layout(layout_name)
    plan = fit_plan(synthetic_brief(20000), layout)
    for b in plan.blocks:
        spec = layout.block(b.name)
        if b.name != "notes":
            assert b.kept >= min(spec.min, b.total), b


def test_dropped_lowest_ranked_first():
    plan = fit_plan(synthetic_brief(5000), load_layout("executive"))
    kp = [d for d in plan.dropped if d.startswith("key_points[")]
    indices = [int(d.split("[")[1].rstrip("]")) for d in kp]
    assert indices == sorted(indices, reverse=True)


def test_shrinks_when_minimums_do_not_fit():
    layout = dataclasses.replace(load_layout("memo"), base_size=12.0, min_size=7.0)
    long_points = tuple(dataclasses.replace(p, text=p.text + " " + "padding words " * 40)
                        for p in seed_brief().key_points)
    brief = dataclasses.replace(seed_brief(), key_points=long_points)
    plan = fit_plan(brief, layout)
    assert plan.font_size < 12.0
    assert plan.font_size in sizes(layout)
    assert len(plan.brief.key_points) >= layout.block("key_points").min


def test_sizes_step_half_points_to_the_floor():
    layout = dataclasses.replace(load_layout("memo"), base_size=9.5, min_size=7.2)
    assert sizes(layout) == [9.5, 9.0, 8.5, 8.0, 7.5, 7.2]


def test_seed_keeps_what_the_analyst_would():
    plan = fit_plan(seed_brief(), load_layout())
    b = plan.brief
    assert len(b.key_points) >= 5 and len(b.quotes) >= 2 and len(b.figures) >= 2
    assert plan.font_size == load_layout().base_size


def test_meeting_notes_fill_the_spare_space():
    layout = load_layout("meeting")
    short = fit_plan(synthetic_brief(100), layout)
    long = fit_plan(synthetic_brief(20000), layout)
    notes = {p: next(b.kept for b in plan.blocks if b.name == "notes")
             for p, plan in (("short", short), ("long", long))}
    assert notes["short"] > notes["long"] >= layout.block("notes").lines


def test_an_impossible_page_is_a_layout_error(tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_text('[page]\nmargins = [60, 60, 60, 60]\n[fonts]\nbase_size = 16\nmin_size = 16\n'
                    'title_scale = 4\n[blocks.key_points]\nregion = "main"\n', encoding="utf-8")
    brief = dataclasses.replace(seed_brief(), title="A very long title " * 12,
                                subject="A very long subject line " * 30)
    with pytest.raises(LayoutError, match="tiny.toml"):
        fit_plan(brief, load_layout(str(path)))


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_empty_brief_fits(layout_name):
    from briefgen.model import Brief

    plan = fit_plan(Brief(title=""), load_layout(layout_name))
    assert plan.dropped == ()
    assert all(b.kept == 0 for b in plan.blocks if b.name != "notes")


@pytest.mark.parametrize("layout_name", LAYOUTS)
def test_an_item_taller_than_the_page_is_dropped_not_split(layout_name):
    from briefgen.model import KeyPoint

    huge = KeyPoint("word " * 6000, 0.99, 0)
    brief = dataclasses.replace(seed_brief(), key_points=(huge, *seed_brief().key_points))
    layout = load_layout(layout_name)
    plan = fit_plan(brief, layout)
    assert "key_points[0]" in plan.dropped
    assert huge not in plan.brief.key_points
    # the rest is planned as if the oversized item were not there
    assert plan.brief.key_points == fit_plan(seed_brief(), layout).brief.key_points
