"""Tests of Document assembly, text cleaning and date reading shared by every reader."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.errors import InputError
from briefgen.ingest._build import (
    Part,
    build_document,
    clean_inline,
    drop_release_trailer,
    human_size,
)
from briefgen.ingest._dates import find_date
from briefgen.ingest._meta import real_value

from .helpers import assert_well_formed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  two\n lines\t here ", "two lines here"),
        ("non\u00a0breaking\u202fspaces", "non breaking spaces"),
        ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
        ("control\x07char\x1b", "control char"),
        ("decomposed e\u0301", "decomposed é"),
        ("\ufb01nance and \ufb02ow of e\ufb00orts", "finance and flow of efforts"),
        ("x² and ½ stay", "x² and ½ stay"),
        ("“quotes” — €20bn", "“quotes” — €20bn"),
        # character references a careless export left inside words
        ("a G7 communiqu&#233; in S&#227;o Paulo", "a G7 communiqué in São Paulo"),
        ("Pel&eacute; and Jerry&#8217;s caf&#xE9;", "Pelé and Jerry’s café"),
        # anywhere else a reference is what the source says: never markup made out of text
        ("Tom &amp; Jerry, &#x41; and &#233; alone", "Tom &amp; Jerry, &#x41; and &#233; alone"),
        ("a&lt;b&gt;c and x&#60;y", "a&lt;b&gt;c and x&#60;y"),
        ("&#x20AC;5 and AT&T; R&D, &nosuch;", "&#x20AC;5 and AT&T; R&D, &nosuch;"),
    ],
)
def test_clean_inline(text: str, expected: str) -> None:
    assert clean_inline(text) == expected


def test_build_document_places_blocks_and_sections() -> None:
    doc = build_document(
        [
            Part("paragraph", " Lead  text. "),
            Part("heading", "Part A", 2),
            Part("list_item", "x"),
            Part("paragraph", "   "),
            Part("heading", "Part B", 3),
            Part("paragraph", "End."),
        ],
        location="a.txt",
        format="txt",
        title="  T ",
        outlet="",
    )
    assert doc.text == "Lead text.\n\nPart A\n\nx\n\nPart B\n\nEnd."
    assert [(b.kind, b.section, b.level) for b in doc.blocks] == [
        ("paragraph", None, 0),
        ("heading", "Part A", 2),
        ("list_item", "Part A", 0),
        ("heading", "Part B", 3),
        ("paragraph", "Part B", 0),
    ]
    assert (doc.title, doc.outlet) == ("T", None)
    assert_well_formed(doc)


@pytest.mark.parametrize("parts", [[], [Part("paragraph", " \n ")], [Part("heading", "Only", 1)]])
def test_build_document_without_body_raises(parts: list[Part]) -> None:
    with pytest.raises(InputError, match=r"^a\.txt: no readable text found$"):
        build_document(parts, location="a.txt", format="txt")


def test_build_document_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown block kind 'table'"):
        build_document([Part("table", "x")], location="a", format="txt")


@given(
    st.lists(
        st.tuples(st.sampled_from(["heading", "paragraph", "list_item"]), st.text(max_size=40)),
        max_size=12,
    )
)
def test_build_document_offsets_always_exact(items: list[tuple[str, str]]) -> None:
    parts = [Part(kind, text, 1) for kind, text in items] + [Part("paragraph", "Body.")]
    assert_well_formed(build_document(parts, location="a", format="txt"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-04-04", "2025-04-04"),
        ("2025-04-04T10:00:00+02:00", "2025-04-04"),
        ("Published 2025/04/04", "2025-04-04"),
        ("D:20250404120000+01'00'", "2025-04-04"),
        ("Friday, 4 April 2025 10:32 BST", "2025-04-04"),
        ("4th Sept. 2024", "2024-09-04"),
        ("April 4, 2025", "2025-04-04"),
        ("Apr 4 2025", "2025-04-04"),
        ("Updated 1 May 2025, first published 4 April 2025", "2025-05-01"),
        ("2025-02-30", None),
        ("May 2025", None),
        ("no date here", None),
        ("", None),
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jane Smith", "Jane Smith"),
        ("  Annual  Review ", "Annual Review"),
        ("untitled", None),
        ("Anonymous", None),
        ("Microsoft Word - report_final.docx", None),
        ("brief.pdf", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_real_value(value: object, expected: str | None) -> None:
    assert real_value(value) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0 bytes"),
        (1023, "1023 bytes"),
        (1536, "1.5 KB"),
        (50 * 1024**2, "50 MB"),
        (3 * 1024**3, "3 GB"),
    ],
)
def test_human_size(n: int, expected: str) -> None:
    assert human_size(n) == expected


RELEASE = [Part("paragraph", "Body of the release."), Part("paragraph", "Second fact.")]


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        ([Part("paragraph", "###"), Part("paragraph", "Media contact: T. Briggs, 0113")], 2),
        ([Part("paragraph", "-ENDS-"), Part("paragraph", "About Northfield Water")], 2),
        ([Part("paragraph", "# # #")], 2),
        ([Part("paragraph", "Notes to editors:"), Part("list_item", "Photos on request.")], 2),
        ([Part("heading", "Media contacts", 2), Part("paragraph", "press@x.example")], 2),
        ([Part("paragraph", "For more information, contact Tom Briggs on 0113 496 0000.")], 2),
        # a story's own sentence about more information, long, stays; as does a story with none
        (
            [
                Part(
                    "paragraph",
                    "For more information on how the fund was spent, auditors will have to wait "
                    "until the ministry publishes its accounts next spring, officials said today.",
                )
            ],
            3,
        ),
        ([Part("paragraph", "Third fact, and the story ends.")], 3),
    ],
)
def test_drop_release_trailer(tail: list[Part], kept: int) -> None:
    assert drop_release_trailer([*RELEASE, *tail]) == [*RELEASE, *tail][:kept]


def test_release_notes_opening_a_document_are_kept() -> None:
    """A short "For more information" first line is the text, not a trailer: it is not in the
    document's second half."""
    parts = [Part("paragraph", "For more information"), *RELEASE, Part("paragraph", "Third.")]
    assert drop_release_trailer(parts) == parts
