"""Source text never becomes markup or template code: reportlab, jinja, DOCX XML, HTML, e-mail.

Every hostile string in the source reads back literally from the PDF and the DOCX, is escaped in
the HTML page and the e-mail's HTML part, is escaped in the Markdown, and is a plain string in the
JSON draft. A reportlab ``<img>`` tag naming a missing file would crash if it were interpreted,
and ``{{ 7*7 }}`` would read 49.
"""

from __future__ import annotations

import email
import email.policy
import html
import json
import re

import pytest

from briefgen.api import generate

from .conftest import docx_text, pdf_text

HOSTILE = (
    "<b",
    "AT&T",
    "&amp;",
    "&#x41;",
    "&bogus;",
    "<b>bold</b>",
    "<font size=40>",
    "</para>",
    "<br/>",
    '<img src="/no/such/logo.png"/>',
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
    "{{ 7*7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{{ ''.__class__.__mro__ }}",
    "]]>",
    "<w:p>",
    "${HOME}",
    "%s%n",
)
# each hostile string inside a distinct sentence that stands alone as a key point
_SUBJECTS = (
    "Minister Lindqvist",
    "The defence committee",
    "Ambassador Okafor",
    "The finance office",
    "General Tanaka",
    "The border agency",
    "Director Sousa",
    "The energy regulator",
    "Mayor Dubois",
    "The port authority",
)
_ACTS = (
    "told the council in Brussels that {h} was sent on Monday",
    "published a budget note quoting {h} ahead of the summit",
    "warned farmers about the tariff marked {h} in March",
    "signed a shipping contract whose clause reads {h} before dawn",
)
SENTENCES = [f"{_SUBJECTS[i % 10]} {_ACTS[i % 4].format(h=h)}." for i, h in enumerate(HOSTILE)]
TEXT = "Hostile strings in a briefing\n\n" + "\n\n".join(SENTENCES)
TAGS = re.compile(r"<(?:b|font|para|br|img|script|a|w:p)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, nlp):
    """The briefing of ``TEXT`` in every format, with many points so most sentences show."""
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "hostile.txt"
    source.write_text(TEXT, encoding="utf-8")
    paths = generate(
        source,
        folder / "out",
        formats=("pdf", "docx", "json", "md", "html", "eml"),
        points=len(SENTENCES),
        layout="memo",
    )
    return {p.suffix[1:]: p.read_bytes() for p in paths}


def _shown(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [h for h in HOSTILE if h in flat]


def _in_draft(outputs) -> list[str]:
    draft = json.loads(outputs["json"])
    return _shown(" ".join(p["text"] for p in draft["key_points"] + draft["bottom_line"]))


def test_json_draft_keeps_strings_as_data(outputs):
    draft = json.loads(outputs["json"])
    source = " ".join(TEXT.split())
    points = [p["text"] for p in draft["key_points"] + draft["bottom_line"]]
    assert points and all(" ".join(t.split()) in source for t in points)  # verbatim, not escaped
    assert len(_in_draft(outputs)) >= len(HOSTILE) // 3


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_page_shows_hostile_strings_literally(fmt, outputs):
    text = pdf_text(outputs["pdf"]) if fmt == "pdf" else docx_text(outputs["docx"])
    shown = _shown(text)
    assert len(shown) >= len(HOSTILE) // 3, shown  # the page holds many of the points
    assert set(shown) <= set(_in_draft(outputs))
    assert "49" not in text and "looploop" not in text


def _html_body(page: str) -> str:
    return page.split("<body", 1)[1] if "<body" in page else page


def _assert_escaped(page: str) -> None:
    body = _html_body(page)
    assert not TAGS.search(body), TAGS.search(body)
    flat = " ".join(body.split())
    shown = _shown(html.unescape(flat))
    assert len(shown) >= len(HOSTILE) // 3, shown
    for h in shown:
        assert html.escape(h) in flat or html.escape(h, quote=False) in flat, h


def test_html_page_escapes_source_markup(outputs):
    _assert_escaped(outputs["html"].decode("utf-8"))


def test_email_html_part_escapes_source_markup(outputs):
    message = email.message_from_bytes(outputs["eml"], policy=email.policy.default)
    _assert_escaped(message.get_body(("html",)).get_content())


def test_markdown_escapes_raw_html(outputs):
    text = outputs["md"].decode("utf-8")
    assert not re.search(r"(?<!\\)<(?:script|img|b|font|a|br)\b", text)
    unescaped = " ".join(text.replace("\\", "").split())
    assert set(_in_draft(outputs)) <= set(_shown(unescaped))


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/北约/新闻",
        "https://example.org/😀",
        'https://example.org/?a="1"&b=<2>',
        "https://example.org/</a><font size=80>x</font>",
        "#example.org/",
        "javascript:alert('example.org/')",
    ],
)
def test_source_urls_of_any_characters_render(url):
    import dataclasses

    from briefgen.api import render
    from briefgen.model import SourceInfo

    from ..helpers import seed_brief

    brief = dataclasses.replace(
        seed_brief(), sources=(SourceInfo(0, "Story", None, None, "Outlet", url),)
    )
    text = " ".join(pdf_text(render(brief, "pdf", layout="memo")).split())
    assert "example.org/" in text and "Outlet" in text
    assert "example.org/" in docx_text(render(brief, "docx", layout="memo"))
    assert "<font size=80>" not in render(brief, "html", layout="memo").decode()
    # only http(s) and mailto become links ("#x" named a missing PDF destination: a crash)
    linked = b"/URI" in render(brief, "pdf", layout="memo")
    assert linked == url.startswith("https:")
