"""The one-page fit planner: measure real flowables, drop the lowest-ranked items, then shrink.

At the layout's base size, blocks give up their lowest-ranked items in turn (in the layout's
``drop_order``, only blocks whose region overflows, never below a block's ``min``) until every
region fits with the safety reserve. If the minimums still do not fit, the size shrinks in 0.5 pt
steps down to the layout's floor; at the floor, blocks give up items below their minimum. Items are
never split.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from briefgen.errors import LayoutError
from briefgen.layout.flow import (
    block_flowables,
    block_items,
    header_flowables,
    height,
)
from briefgen.layout.metrics import geometry, metrics
from briefgen.layout.spec import BLOCK_NAMES, Layout
from briefgen.model import Brief, Plan, PlanBlock

__all__ = ["fit_plan", "region_heights", "sizes"]

log = logging.getLogger(__name__)
STEP = 0.5


def sizes(layout: Layout) -> list[float]:
    """Return the base sizes tried, from the layout's base down to its floor in 0.5 pt steps."""
    out, s = [], layout.base_size
    while s >= layout.min_size - 1e-9:
        out.append(round(s, 2))
        s -= STEP
    if out[-1] > layout.min_size:
        out.append(layout.min_size)
    return out


def _kept(brief: Brief, counts: dict[str, int]) -> Brief:
    changes = {name: block_items(brief, name)[:k] for name, k in counts.items()
               if name != "notes"}
    return dataclasses.replace(brief, **changes)


class _Measure:
    """Heights of blocks at one size, cached by (block, items kept)."""

    def __init__(self, brief: Brief, layout: Layout, size: float) -> None:
        self.brief, self.layout, self.size = brief, layout, size
        self.geo = geometry(layout)
        self.m = metrics(layout, size)
        self.cache: dict[tuple[str, int], float] = {}
        self.header = height(header_flowables(brief, layout, size), self.geo.full_w)

    def block(self, name: str, kept: int) -> float:
        key = (name, kept)
        if key not in self.cache:
            spec = self.layout.block(name)
            assert spec is not None
            width = self.geo.width(spec.region)
            items = block_items(self.brief, name)[:kept]
            self.cache[key] = height(
                block_flowables(spec, items, self.layout, self.size, width), width)
        return self.cache[key]

    def region(self, region: str, counts: dict[str, int]) -> float:
        total, shown = 0.0, 0
        for spec in self.layout.region_blocks(region):
            h = self.block(spec.name, counts.get(spec.name, 0))
            if h > 0:
                total += h + (self.m.block_gap if shown else 0.0)
                shown += 1
        return total


def region_heights(measure: _Measure, counts: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Return region → (content height, height available) for the given item counts."""
    geo, m, layout = measure.geo, measure.m, measure.layout
    top = measure.region("top", counts)
    foot = measure.region("footer", counts)
    body = geo.content_h - measure.header - m.region_gap
    if top:
        body -= top + m.region_gap
    if foot:
        body -= foot + m.region_gap
    out = {"top": (top, top), "footer": (foot, foot)}
    out["main"] = (measure.region("main", counts), body - layout.reserve)
    if layout.columns == 2:
        out["side"] = (measure.region("side", counts), body - layout.reserve)
    return out


def _overflowing(measure: _Measure, counts: dict[str, int]) -> set[str]:
    return {r for r, (h, avail) in region_heights(measure, counts).items() if h > avail + 1e-6}


def _shrink(measure: _Measure, counts: dict[str, int], floor: Callable[[str], int]) -> bool:
    """Drop items in turn until nothing overflows; return False when no block can give more."""
    layout = measure.layout
    order = [n for n in layout.drop_order if layout.block(n) is not None]
    turn = 0
    while True:
        over = _overflowing(measure, counts)
        if not over:
            return True
        region_of = {b.name: b.region for b in layout.blocks}
        # blocks in an overflowing column first; full-width blocks also free the columns
        for pool in ({n for n in order if region_of[n] in over},
                     {n for n in order if region_of[n] in ("top", "footer")}):
            candidates = [n for n in order if n in pool and counts.get(n, 0) > floor(n)]
            if candidates:
                break
        else:
            return False
        # round robin over the drop order so blocks give up items in turn
        ranked = order[turn % len(order):] + order[: turn % len(order)]
        victim = next(n for n in ranked if n in candidates)
        turn = order.index(victim) + 1
        counts[victim] -= 1


#: An item taller than this share of the page's content height at the floor size is left out
#: before planning: it could never share a page, and keeping it would evict every item below it.
OVERSIZE = 0.4


def _placeable(brief: Brief, layout: Layout) -> tuple[Brief, dict[str, list[int]], list[str]]:
    """Return the brief without oversized items, each block's original indices, and the names
    of the items left out."""
    geo = geometry(layout)
    limit = geo.content_h * OVERSIZE
    changes: dict[str, tuple[object, ...]] = {}
    index: dict[str, list[int]] = {}
    oversized: list[str] = []
    for spec in layout.blocks:
        if spec.name == "notes":
            continue
        items = block_items(brief, spec.name)
        width = geo.width(spec.region)
        keep: list[int] = []
        for i, item in enumerate(items):
            if len(keep) >= spec.max:
                keep.extend(range(i, len(items)))  # past the block's max: never shown anyway
                break
            flows = block_flowables(spec, (item,), layout, layout.min_size, width)
            if height(flows, width) > limit:
                oversized.append(f"{spec.name}[{i}]")
            else:
                keep.append(i)
        index[spec.name] = keep
        changes[spec.name] = tuple(items[i] for i in keep)
    if oversized:
        log.warning("left out %d item(s) too long for one page: %s", len(oversized),
                    ", ".join(oversized))
    return dataclasses.replace(brief, **changes), index, oversized


#: characters of an ordinary sentence: a point this short that cannot fit a page blames the layout
_ORDINARY_POINT = 600


def _no_point_fits(layout: Layout) -> LayoutError:
    return LayoutError(
        f"{layout.path}: not one key point does fit the page at {layout.min_size:g} pt "
        "(margins, type or header too large for this layout)"
    )


def fit_plan(brief: Brief, layout: Layout) -> Plan:
    """Return the Plan that fits ``brief`` on one page of ``layout``.

    A ``brief.marking`` replaces the layout's handling marking. Raises ``LayoutError`` when even
    the header alone cannot fit at the layout's floor size, or when not one of the brief's points
    fits (items too long for any page are left out and reported instead).
    """
    layout = layout.for_brief(brief.marking)
    original = brief
    brief, index, _ = _placeable(brief, layout)
    points = original.bottom_line + original.key_points
    if points and not (brief.bottom_line or brief.key_points) and any(
        len(p.text) <= _ORDINARY_POINT for p in points
    ):
        # ordinary sentences too tall for a page: the layout's fault, not the text's
        raise _no_point_fits(layout)
    start = {b.name: min(len(block_items(brief, b.name)), b.max)
             for b in layout.blocks if b.name != "notes"}
    attempts = [(s, False) for s in sizes(layout)] + [(layout.min_size, True)]
    for size, below_min in attempts:
        measure = _Measure(brief, layout, size)
        counts = dict(start)

        def floor(name: str, below_min: bool = below_min) -> int:
            spec = layout.block(name)
            return 0 if below_min or spec is None else min(spec.min, start[name])

        if _shrink(measure, counts, floor):
            plan = _plan(original, brief, index, layout, size, counts, measure)
            if (brief.bottom_line or brief.key_points) and not (
                plan.brief.bottom_line or plan.brief.key_points
            ):
                # points that fit a page alone but not beside the header: the layout's fault
                raise _no_point_fits(layout)
            return plan
        log.debug("%s at %.1f pt: minimums do not fit", layout.name, size)
    raise LayoutError(
        f"{layout.path}: nothing fits one page at {layout.min_size:g} pt, even with every block "
        "emptied (the header or the notes box is too tall for this layout)")


def _plan(original: Brief, brief: Brief, index: dict[str, list[int]], layout: Layout,
          size: float, counts: dict[str, int], measure: _Measure) -> Plan:
    """Return the Plan for the item ``counts`` found to fit; ``index`` maps each block's
    placeable items back to their ranks in ``original``."""
    blocks: list[PlanBlock] = []
    notes = layout.block("notes")
    if notes is not None:
        h, avail = region_heights(measure, counts)[notes.region]
        m = measure.m
        spare = max(0.0, avail - h)
        extra = int(spare // m.note_gap)
        counts["notes"] = notes.lines + extra if measure.block("notes", 0) else 0
    dropped: list[str] = []
    order = list(layout.drop_order) + [n for n in BLOCK_NAMES
                                       if n not in layout.drop_order and n != "notes"]
    for name in order:
        if name == "notes":
            continue
        total = len(block_items(original, name))
        shown = set(index.get(name, [])[: counts.get(name, 0)])
        dropped.extend(f"{name}[{i}]" for i in range(total - 1, -1, -1) if i not in shown)
    for spec in layout.blocks:
        total = len(block_items(original, spec.name)) if spec.name != "notes" \
            else counts["notes"]
        blocks.append(PlanBlock(spec.name, spec.region, counts.get(spec.name, 0), total))
    kept = _kept(brief, {n: counts.get(n, 0) for n in order if n != "notes"})
    kept = dataclasses.replace(kept, dropped=tuple(dropped))
    if dropped:
        log.info("fit %s at %.1f pt: dropped %d items (%s)", layout.name, size, len(dropped),
                 ", ".join(dropped[:8]) + (" ..." if len(dropped) > 8 else ""))
    return Plan(layout=layout.name, paper=layout.paper, font_size=size, brief=kept,
                blocks=tuple(blocks), dropped=tuple(dropped))
