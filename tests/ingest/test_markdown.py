"""Tests of the Markdown reader: headings as sections, lists, tables, inline markup, metadata."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.errors import InputError
from briefgen.ingest.markdown import markdown_inline, read_markdown

from .helpers import assert_well_formed

SOURCE = """---
title: "Ministers meet in Brussels"
date: 4 April 2025
author: Jane Smith
source: Example News
url: https://news.example.org/ministers
---

NATO Foreign Ministers met in **Brussels** on [Friday](https://example.org/friday).

## Support for Ukraine

Allies pledged more than 20 billion euros,
said the Secretary General.

- Defence investment was discussed.
* Partners from the Indo-Pacific
  joined on Thursday.
1. A numbered point.
- [x] A done task.

Next steps
----------

> The Summit will take place in The Hague.

| Country | Pledge |
|---------|-------:|
| Germany | 3 bn   |

```python
print("code is not prose")
```

![a chart](chart.png)

***

### Annex {#annex}

Last words with `code`, _emphasis_ and snake_case_names.
"""


def test_read_markdown_reads_structure() -> None:
    doc = read_markdown(SOURCE.encode(), "brief.md")
    assert [(b.kind, b.text, b.section, b.level) for b in doc.blocks] == [
        ("paragraph", "NATO Foreign Ministers met in Brussels on Friday.", None, 0),
        ("heading", "Support for Ukraine", "Support for Ukraine", 2),
        (
            "paragraph",
            "Allies pledged more than 20 billion euros, said the Secretary General.",
            "Support for Ukraine",
            0,
        ),
        ("list_item", "Defence investment was discussed.", "Support for Ukraine", 0),
        (
            "list_item",
            "Partners from the Indo-Pacific joined on Thursday.",
            "Support for Ukraine",
            0,
        ),
        ("list_item", "A numbered point.", "Support for Ukraine", 0),
        ("list_item", "A done task.", "Support for Ukraine", 0),
        ("heading", "Next steps", "Next steps", 2),
        ("paragraph", "The Summit will take place in The Hague.", "Next steps", 0),
        ("paragraph", "Country | Pledge", "Next steps", 0),
        ("paragraph", "Germany | 3 bn", "Next steps", 0),
        ("heading", "Annex", "Annex", 3),
        ("paragraph", "Last words with code, emphasis and snake_case_names.", "Annex", 0),
    ]
    assert_well_formed(doc)


def test_read_markdown_reads_front_matter() -> None:
    doc = read_markdown(SOURCE.encode(), "brief.md")
    assert (doc.title, doc.date, doc.author, doc.outlet, doc.url, doc.format) == (
        "Ministers meet in Brussels",
        "2025-04-04",
        "Jane Smith",
        "Example News",
        "https://news.example.org/ministers",
        "md",
    )


@pytest.mark.parametrize(
    ("source", "title", "author", "date", "first"),
    [
        (
            "# Ministers meet\n\nBy Jane Smith\n\nText here.",
            "Ministers meet",
            "Jane Smith",
            None,
            "Text here.",
        ),
        (
            "Ministers meet\n==============\n\nText here.",
            "Ministers meet",
            None,
            None,
            "Text here.",
        ),
        ("Ministers meet\n\nText here.", "Ministers meet", None, None, "Text here."),
        ("date 2025-04-04 By Eurasia Review\n\nText here.", None, None, "2025-04-04", "Text here."),
        ("## Part one\n\nText here.", None, None, None, "Part one"),
    ],
)
def test_read_markdown_title_and_header_lines(
    source: str, title: str | None, author: str | None, date: str | None, first: str
) -> None:
    doc = read_markdown(source.encode(), "a.md")
    assert (doc.title, doc.author, doc.date, doc.blocks[0].text) == (title, author, date, first)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**bold** and __bold__", "bold and bold"),
        ("*em* and _em_ but snake_case and 2*3*4", "em and em but snake_case and 2*3*4"),
        ("[link](http://x.org) and [ref][1] and <https://y.org>", "link and ref and https://y.org"),
        ("![img](a.png)caption", "caption"),
        ("a footnote[^1] here", "a footnote here"),
        ("`{{ not a template }}`", "{{ not a template }}"),
        ("\\*literal stars\\*", "*literal stars*"),
        ("~~struck~~ <!-- hidden --> <b>raw</b>", "struck  <b>raw</b>"),
    ],
)
def test_markdown_inline(text: str, expected: str) -> None:
    assert markdown_inline(text) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["# ", "## ", "- ", "1. ", "> ", "| ", "```", "---", "===", "", "  ", "*"]
        ).flatmap(lambda mark: st.text(max_size=30).map(lambda t: mark + t)),
        max_size=15,
    )
)
def test_read_markdown_any_input_gives_a_well_formed_document_or_input_error(
    lines: list[str],
) -> None:
    try:
        doc = read_markdown("\n".join(lines).encode("utf-8", "surrogatepass"), "a.md")
    except InputError as exc:
        assert str(exc).startswith("a.md: ")
    else:
        assert_well_formed(doc)
