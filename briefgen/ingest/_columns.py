"""Finding the reading order of a PDF page set in two columns.

A page has two columns when a vertical gutter in its middle half is crossed by (almost) no word
while many rows hold words on both sides of it. The page is then cut into horizontal bands: rows
that cross the gutter (a title, a full-width figure caption) form full-width bands, the others
column bands read left column first, then right.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Region", "find_gutter", "reading_regions"]

FULL, LEFT, RIGHT = 0, 1, 2


@dataclass(frozen=True)
class Region:
    """A part of a page read as one flow: its box (x0, top, x1, bottom) and side (0 full, 1, 2)."""

    bbox: tuple[float, float, float, float]
    side: int


def _rows(words: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Return ``words`` grouped into rows by their vertical position, top to bottom."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (float(w["top"]), float(w["x0"]))):
        if rows:
            last = rows[-1][0]
            tolerance = 0.5 * (float(last["bottom"]) - float(last["top"]))
            if abs(float(word["top"]) - float(last["top"])) <= tolerance:
                rows[-1].append(word)
                continue
        rows.append([word])
    return rows


def find_gutter(words: Sequence[dict[str, Any]], x0: float, x1: float) -> float | None:
    """Return the x of the gutter between two columns of ``words`` on a page from x0 to x1, or None.

    A gutter is a vertical line in the middle half of the page, at least 6 pt clear of words on
    rows that do not cross it, crossed by at most a fifth of the rows, with words on both sides in
    three rows or more, and lines of four words or more (the median) on each side.
    """
    if len(words) < 20:
        return None
    rows = _rows(words)
    width = x1 - x0
    best: tuple[int, float, float] | None = None
    step = 2.0
    x = x0 + 0.25 * width
    while x <= x0 + 0.75 * width:
        crossing = sum(
            any(float(w["x0"]) - 3 < x < float(w["x1"]) + 3 for w in row) for row in rows
        )
        score = (crossing, abs(x - (x0 + width / 2)), x)
        if best is None or score < best:
            best = score
        x += step
    if best is None:
        return None
    crossing, _, gutter = best
    both = sum(
        any(float(w["x1"]) < gutter for w in row) and any(float(w["x0"]) > gutter for w in row)
        for row in rows
    )
    if crossing > 0.2 * len(rows) or both < 3:
        return None
    # columns of prose have several words a line; a two-column table of short cells reads by rows
    for side in (lambda w: float(w["x1"]) < gutter, lambda w: float(w["x0"]) > gutter):
        counts = [n for n in (sum(1 for w in row if side(w)) for row in rows) if n]
        if statistics.median(counts) < 4:
            return None
    return gutter


def reading_regions(
    words: Sequence[dict[str, Any]], bbox: tuple[float, float, float, float]
) -> list[Region]:
    """Return the regions of a page in reading order: the whole page when it has one column."""
    x0, top, x1, bottom = bbox
    gutter = find_gutter(words, x0, x1)
    if gutter is None:
        return [Region(bbox, FULL)]
    bands: list[tuple[bool, float, float]] = []  # (full width, top, bottom)
    for row in _rows(words):
        full = any(float(w["x0"]) - 3 < gutter < float(w["x1"]) + 3 for w in row)
        row_top = min(float(w["top"]) for w in row)
        row_bottom = max(float(w["bottom"]) for w in row)
        if bands and bands[-1][0] == full:
            bands[-1] = (full, bands[-1][1], max(bands[-1][2], row_bottom))
        else:
            bands.append((full, row_top, row_bottom))
    regions = []
    for n, (full, _, _) in enumerate(bands):
        # band edges halfway between neighbours, the first and last reaching the page edges
        upper = top if n == 0 else (bands[n - 1][2] + bands[n][1]) / 2
        lower = bottom if n == len(bands) - 1 else (bands[n][2] + bands[n + 1][1]) / 2
        if full:
            regions.append(Region((x0, upper, x1, lower), FULL))
        else:
            regions.append(Region((x0, upper, gutter, lower), LEFT))
            regions.append(Region((gutter, upper, x1, lower), RIGHT))
    return regions
