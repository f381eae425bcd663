"""A document's heading outline: which headings each block sits under.

Shared by the sampling of long documents (``limits``), which keeps a piece's chapters with it,
and the summariser's grouping (``summarise.sections``), which groups points by chapter.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Block

__all__ = ["heading_stacks"]


def heading_stacks(blocks: Sequence[Block]) -> list[tuple[int, ...]]:
    """Return, for each of ``blocks`` (in text order), the indices of the headings above it, top
    first; a heading is the last of its own.

    A heading of a higher level (a lower ``Block.level``) is a chapter; so is a heading followed at
    once by another heading of its own level ("SPORT" then a story's headline, both plain-text
    lines): it ranks just above that one.
    """
    stack: list[tuple[float, int]] = []
    out: list[tuple[int, ...]] = []
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            rank = float(block.level)
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is not None and nxt.kind == "heading" and nxt.level == block.level:
                rank = nxt.level - 0.5
            while stack and stack[-1][0] >= rank:
                stack.pop()
            stack.append((rank, i))
        out.append(tuple(h for _, h in stack))
    return out
