"""Tests of the key-point groups: a report's heading level with a sensible number of groups."""

from __future__ import annotations

import pytest

from briefgen.ingest._build import Part, build_document
from briefgen.model import Analysis, Document, Sentence, SourceInfo
from briefgen.summarise import rank_key_points
from briefgen.summarise.rank import MAX_GROUPS
from briefgen.summarise.sections import group_sections, heading_paths

from .conftest import build_analysis

_WORDS = ("harbour railway school hospital factory airport forest bridge museum prison stadium "
          "library tunnel market bakery canal garden quarry tower castle chapel mill").split()


def _outline(spec: str) -> list[Part]:
    """Return parts from ``spec``: "h1:A" a level-1 heading A, "p" a paragraph."""
    parts = []
    for n, item in enumerate(spec.split()):
        if item == "p":
            parts.append(Part("paragraph", f"Officials inspected the {_WORDS[n % len(_WORDS)]} "
                                           f"beside the old {_WORDS[(n + 5) % len(_WORDS)]}."))
        else:
            level, text = item.split(":")
            parts.append(Part("heading", text, int(level[1:])))
    return parts


@pytest.mark.parametrize(
    ("spec", "paths"),
    [
        ("p h1:A p h2:B p", [(), ("A",), ("A",), ("A", "B"), ("A", "B")]),
        # a deeper heading ends at the next heading of its level or a higher one
        ("h1:A h2:B p h2:C p h1:D p",
         [("A",), ("A", "B"), ("A", "B"), ("A", "C"), ("A", "C"), ("D",), ("D",)]),
        # plain text: a heading line straight followed by another heads it
        ("h2:SPORT h2:B p h2:C p h2:NEWS h2:E p",
         [("SPORT",), ("SPORT", "B"), ("SPORT", "B"), ("SPORT", "C"), ("SPORT", "C"),
          ("NEWS",), ("NEWS", "E"), ("NEWS", "E")]),
        # a higher heading straight after a lower one does not nest under it
        ("h3:A h1:B p", [("A",), ("B",), ("B",)]),
    ],
)
def test_heading_paths(spec: str, paths: list[tuple[str, ...]]) -> None:
    doc = build_document(_outline(spec), location="r.md", format="md")
    assert heading_paths(doc) == paths


def _report(chapters: int, stories: int, spec_level: tuple[int, int] = (1, 2)) -> str:
    items = []
    for c in range(chapters):
        items.append(f"h{spec_level[0]}:Chapter{c}")
        for s in range(stories):
            items += [f"h{spec_level[1]}:Story{c}.{s}", "p", "p"]
    return " ".join(items)


def _analysis_of(doc: Document) -> Analysis:
    """Return an Analysis with one sentence per paragraph of ``doc``, as the analysis makes it."""
    blocks = sorted(doc.blocks, key=lambda b: b.start)
    sents = [Sentence(n, b.text, b.start, b.end, i, b.section, 0)
             for n, (i, b) in enumerate((i, b) for i, b in enumerate(blocks)
                                        if b.kind != "heading")]
    return Analysis(None, None, None, sentences=tuple(sents), sources=(SourceInfo(0),))


@pytest.mark.parametrize(
    ("chapters", "stories", "levels", "groups"),
    [
        # few stories: each story is a group
        (1, 4, (1, 2), {f"Story0.{s}" for s in range(4)}),
        (2, 3, (1, 2), {f"Story{c}.{s}" for c in range(2) for s in range(3)}),
        # many stories: the chapters are the groups
        (2, 9, (1, 2), {"Chapter0", "Chapter1"}),
        (3, 12, (2, 2), {"Chapter0", "Chapter1", "Chapter2"}),
        # many chapters too: the top level, the page shows only the heaviest MAX_GROUPS
        (8, 2, (1, 2), {f"Chapter{c}" for c in range(8)}),
    ],
)
def test_groups_are_the_deepest_level_with_few_groups(chapters, stories, levels, groups) -> None:
    doc = build_document(_outline(_report(chapters, stories, levels)), location="r.md",
                         format="md")
    analysis = _analysis_of(doc)
    assert set(group_sections(analysis, [doc]).values()) == groups
    # without the documents, each sentence's own heading
    own = {s.section for s in analysis.sentences}
    assert set(group_sections(analysis).values()) == own


def test_several_sources_are_the_groups() -> None:
    analysis = build_analysis([(None, ["The council approved the budget for the new year."]),
                               (None, ["The club sold its ground to a developer on Friday."])],
                              sources=["Budget", "Football"])
    doc = build_document(_outline("h1:A p"), location="r.md", format="md")
    assert group_sections(analysis, [doc, doc]) == {0: "Budget", 1: "Football"}


@pytest.mark.parametrize("sections", [7, 12, 30])
def test_a_page_shows_at_most_max_groups(sections: int) -> None:
    analysis = build_analysis([
        (f"Section {k}", [f"Officials inspected the {_WORDS[k % 22]} number {k} beside the "
                          f"{_WORDS[(k + j + 3) % 22]} after {j + 2} long months."
                          for j in range(2 + k % 3)])
        for k in range(sections)
    ])
    points = rank_key_points(analysis, 12)
    shown = {p.section for p in points}
    assert len(shown) <= MAX_GROUPS
    # the heaviest sections (three sentences) are among those shown
    assert {f"Section {k}" for k in range(sections) if k % 3 == 2} & shown
