"""The groups key points go under: a report's sections at the level that gives a page a sensible
number of them, or the sources when there are several.

A sentence's ``section`` is its nearest heading; a long report nests story headings under
chapters, and grouping by the nearest heading would give a page of groups of one point each.
``group_sections`` climbs the document's heading outline to the deepest level with at most
``MAX_GROUPS`` groups.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Analysis, Document
from ..outline import heading_stacks
from .rank import MAX_GROUPS, section_of

__all__ = ["MAX_GROUPS", "group_sections", "heading_paths"]

def heading_paths(document: Document) -> list[tuple[str, ...]]:
    """Return, for each block of ``document`` (in text order), the headings above it, top first
    (``outline.heading_stacks``: a heading straight followed by another of its level heads it)."""
    blocks = sorted(document.blocks, key=lambda b: b.start)
    return [tuple(blocks[h].text for h in stack) for stack in heading_stacks(blocks)]


def _at_depth(path: tuple[str, ...], depth: int) -> str | None:
    if not path:
        return None
    return path[min(depth, len(path)) - 1]


def group_sections(
    analysis: Analysis, documents: Sequence[Document] | None = None
) -> dict[int, str | None]:
    """Return the group heading of each sentence (by sentence index).

    Several sources: each source is a group (``section_of``). One source with its ``documents``:
    the deepest heading level at which the sentences fall into at most ``MAX_GROUPS`` groups
    (a report's story headlines when it has a few, its chapters when it has many); when even the
    top level has more, the top level. Without documents: the sentence's own heading.
    """
    own = {s.index: section_of(analysis, row) for row, s in enumerate(analysis.sentences)}
    if len(analysis.sources) > 1 or not documents:
        return own
    paths_of = heading_paths(documents[0])
    paths = {
        s.index: paths_of[s.paragraph] if 0 <= s.paragraph < len(paths_of) else ()
        for s in analysis.sentences
        if s.source == 0
    }
    # the outline must be the one the sentences were read with
    if any(_at_depth(p, len(p)) != own[i] for i, p in paths.items()):
        return own
    deepest = max((len(p) for p in paths.values()), default=0)
    if deepest == 0:
        return own
    chosen = 1
    for depth in range(1, deepest + 1):
        groups = {_at_depth(p, depth) for p in paths.values()} - {None}
        if len(groups) <= MAX_GROUPS:
            chosen = depth
    return {i: _at_depth(p, chosen) for i, p in paths.items()}
