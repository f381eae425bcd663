"""Tests of the HTML reader: main content only, metadata, structure, boilerplate left out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.errors import InputError
from briefgen.ingest.html import html_document, is_boilerplate, read_html

from .helpers import assert_well_formed

ARTICLE = [
    "NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday, focusing on "
    "preparations for the upcoming NATO Summit in The Hague, defence investment and burden "
    "sharing.",
    "Allies have pledged more than 20 billion euros in military assistance to Ukraine in the first "
    "quarter of 2025, the Secretary General told reporters after the meeting.",
    "The ministerial concluded on Friday morning with a meeting of the North Atlantic Council "
    "with the High Representative, where they discussed NATO-EU cooperation.",
]
BOILERPLATE = [
    "We use cookies to improve your experience. Accept all cookies",
    "Subscribe to our newsletter for the latest headlines every morning",
    "Home World Politics Business Sport",
    "Copyright 2025 Example News. All rights reserved.",
    "var tracking = 'secret-script-text';",
    "Share this article on social media",
    "Sign up for free email alerts",
    "Read next: ten things about the summit you missed",
]


def page(body: str, head: str = "") -> bytes:
    """Return a full news page around ``body`` with navigation, banners, boxes and a footer."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers meet in Brussels | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Ministers meet in Brussels">
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2025-04-04T10:00:00Z">
<link rel="canonical" href="https://news.example.org/world/ministers-meet">
{head}
<script>var tracking = 'secret-script-text';</script><style>p {{ color: red; }}</style>
</head><body>
<div id="cookie-consent" class="cc-banner"><p>We use cookies to improve your experience.
  <button>Accept all cookies</button></p></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li>
  <li><a href="/p">Politics</a></li><li><a href="/b">Business</a></li>
  <li><a href="/s">Sport</a></li>
</ul></nav></header>
<main><article>
<h1>Ministers meet in Brussels</h1>
{body}
</article>
<aside class="related"><h3>Read next</h3><ul><li><a href="/x">Read next: ten things about the
  summit you missed</a></li></ul></aside>
</main>
<footer><p>Copyright 2025 Example News. All rights reserved.</p>
<div class="social"><a href="#">Share this article on social media</a></div></footer>
</body></html>""".encode()


BODY = f"""
<p>{ARTICLE[0]}</p>
<div class="newsletter-signup"><h4>Stay informed</h4>
  <p>Subscribe to our newsletter for the latest headlines every morning</p>
  <form><input type="email"><button>Subscribe</button></form></div>
<h2>Support for <em>Ukraine</em></h2>
<p>{ARTICLE[1]}</p>
<ul><li>Defence investment was discussed at a working lunch of the Council.</li>
<li>Ministers also met partners from the Indo-Pacific region on Thursday.</li></ul>
<p class="cta">Sign up for free email alerts</p>
<p>{ARTICLE[2]}</p>
"""


def test_read_html_keeps_the_article_and_its_structure() -> None:
    doc = read_html(page(BODY), "page.html")
    assert [(b.kind, b.section) for b in doc.blocks] == [
        ("paragraph", None),
        ("heading", "Support for Ukraine"),
        ("paragraph", "Support for Ukraine"),
        ("list_item", "Support for Ukraine"),
        ("list_item", "Support for Ukraine"),
        ("paragraph", "Support for Ukraine"),
    ]
    assert [b.text for b in doc.blocks if b.kind == "paragraph"] == ARTICLE
    assert_well_formed(doc)


def test_read_html_reads_metadata() -> None:
    doc = read_html(page(BODY), "page.html")
    assert doc.title == "Ministers meet in Brussels"
    assert (doc.date, doc.author, doc.outlet) == ("2025-04-04", "Jane Smith", "Example News")
    assert doc.url == "https://news.example.org/world/ministers-meet"
    assert (doc.format, doc.location) == ("html", "page.html")


@pytest.mark.parametrize("unwanted", BOILERPLATE)
def test_read_html_leaves_out_boilerplate(unwanted: str) -> None:
    doc = read_html(page(BODY), "page.html")
    assert unwanted not in doc.text
    assert "Subscribe" not in doc.text and "cookie" not in doc.text.lower()


def test_read_html_keeps_article_inside_wrappers_named_like_boilerplate() -> None:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    html = f"""<html><head><title>Ministers meet</title></head><body>
    <div class="page layout-with-sidebar"><div id="content-share-wrapper">{body}</div>
    <div class="sidebar"><p>Most read: something else entirely that is not the story</p></div>
    </div></body></html>""".encode()
    doc = read_html(html, "page.html")
    assert [b.text for b in doc.blocks] == ARTICLE


def test_read_html_without_metadata_uses_the_fetch_url() -> None:
    body = "".join(f"<p>{p}</p>" for p in ARTICLE)
    html = f"<html><body><article>{body}</article></body></html>"
    doc = html_document(html, "https://www.example.org/a", url="https://www.example.org/a")
    assert (doc.title, doc.date, doc.author) == (None, None, None)
    assert (doc.url, doc.outlet) == ("https://www.example.org/a", "example.org")


@pytest.mark.parametrize(
    "html",
    [
        b"<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>",
        b"<html><body><script>var a = 1;</script></body></html>",
    ],
)
def test_read_html_without_main_text_raises(html: bytes) -> None:
    with pytest.raises(InputError, match=r"^page\.html: no readable"):
        read_html(html, "page.html")


def test_read_html_never_runs_the_text_as_template() -> None:
    text = "The minister wrote {{ config }} and {% if x %} in the draft text of the communique."
    html = f"<html><body><article><p>{ARTICLE[0]}</p><p>{text}</p></article></body></html>"
    doc = read_html(html.encode(), "page.html")
    assert text in doc.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We use cookies to give you the best experience.", True),
        ("Sign up to our daily newsletter", True),
        ("Advertisement", True),
        ("Read more: How the markets reacted to the announcement", True),
        ("Related: Ten things you missed this week", True),
        ("Ministers read more than 200 pages of the report before the meeting.", False),
        ("© 2025 Example Media Ltd", True),
        ("Countries that sign up to the treaty must raise spending to 2% of GDP.", False),
        ("The bakery sells cookies and bread to the soldiers.", False),
        ("Scroll down for video", True),
        ("Scroll down for video.", True),
        ("Divers had to scroll down the cliff to reach the stranded boat.", False),
        (ARTICLE[0], False),
    ],
)
def test_is_boilerplate(text: str, expected: bool) -> None:
    assert is_boilerplate(text) is expected


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='cookie'>",
                "</div>",
                "<h2>",
                "</h2>",
                "<ul>",
                "<li>",
                "<table><tr><td>",
                "<script>",
                "<!--",
                "-->",
                "<br>",
                "&amp;",
                "&#0;",
                "<article>",
                "\x00",
                "<?xml",
                "]]>",
            ]
        )
        | st.text(max_size=60),
        max_size=30,
    )
)
def test_read_html_any_markup_gives_a_well_formed_document_or_input_error(
    pieces: list[str],
) -> None:
    try:
        doc = read_html("".join(pieces).encode("utf-8", "surrogatepass"), "page.html")
    except InputError as exc:
        assert str(exc).startswith("page.html: ") and "\n" not in str(exc)
    else:
        assert_well_formed(doc)


@pytest.mark.parametrize(
    ("encoding", "meta"),
    [
        ("cp1252", ""),
        ("cp1252", "<meta charset='windows-1252'>"),
        ("cp1252", "<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"),
        ("utf-8", ""),
        ("utf-8-sig", ""),
        ("utf-16", ""),
    ],
)
def test_read_html_decodes_pages_without_mojibake(encoding: str, meta: str) -> None:
    text = "NATO’s chief said “we pledged €20bn — more than ever”, the café owner noted."
    page = f"<html><head>{meta}</head><body><article><p>{text}</p><p>{ARTICLE[0]}</p></article>"
    doc = read_html(f"{page}</body></html>".encode(encoding), "page.html")
    assert doc.blocks[0].text == text
