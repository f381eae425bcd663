from __future__ import annotations

import pytest

from briefgen.model import Block
from briefgen.outline import heading_stacks


def _blocks(spec: str) -> list[Block]:
    """'h1 p h2 p' -> heading level 1, paragraph, heading level 2, paragraph."""
    out, pos = [], 0
    for n, item in enumerate(spec.split()):
        kind, level = ("heading", int(item[1])) if item[0] == "h" else ("paragraph", 0)
        out.append(Block(kind, f"b{n}", pos, pos + 2, level=level))
        pos += 4
    return out


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("p p", [(), ()]),
        ("h1 p h1 p", [(0,), (0,), (2,), (2,)]),
        ("h1 h2 p h2 p", [(0,), (0, 1), (0, 1), (0, 3), (0, 3)]),
        # a heading straight followed by one of its own level is the chapter above it
        ("h2 h2 p h2 p h2 h2 p", [(0,), (0, 1), (0, 1), (0, 3), (0, 3), (5,), (5, 6), (5, 6)]),
    ],
)
def test_heading_stacks(spec: str, expected: list[tuple[int, ...]]) -> None:
    assert heading_stacks(_blocks(spec)) == expected
