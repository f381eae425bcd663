"""Tests of reading http(s) URLs, against a local ``http.server`` on 127.0.0.1, never the net."""

from __future__ import annotations

import pytest

from briefgen.errors import InputError
from briefgen.ingest import read_source, read_sources
from briefgen.ingest.url import fetch, is_url

from .helpers import assert_well_formed, make_pdf

STORY = (
    "NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday, focusing on "
    "preparations for the upcoming NATO Summit in The Hague, defence investment and burden sharing."
)
NEXT = (
    "Allies have pledged more than 20 billion euros in military assistance to Ukraine in the first "
    "quarter of 2025, the Secretary General told reporters after the meeting."
)
PAGE = f"""<!DOCTYPE html><html><head><title>Ministers meet | Example News</title>
<meta property="og:site_name" content="Example News"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Ministers meet</h1>
<time datetime="2025-04-04">4 April 2025</time><p>{STORY}</p><p>{NEXT}</p></article>
<footer>All rights reserved.</footer></body></html>"""
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture(scope="module")
def site(http_site):
    base, routes = http_site
    routes.update(
        {
            "/story": (200, HTML, PAGE.encode()),
            "/latin1": (
                200,
                {"Content-Type": "text/html; charset=iso-8859-1"},
                PAGE.replace("Brussels", "Bruxelles café").encode("latin-1"),
            ),
            "/report": (
                200,
                {"Content-Type": "application/pdf"},
                make_pdf([[("body", STORY[:80])]]),
            ),
            "/plain": (200, {"Content-Type": "text/plain"}, b"Ministers met.\n\nThey talked."),
            "/moved": (302, {"Location": "/story"}, b""),
            "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
            "/missing": (404, {}, b"not here"),
            "/broken": (500, {}, b"oops"),
            "/empty": (200, HTML, b""),
            "/big": (200, HTML, b"<p>" + b"x" * 5000 + b"</p>"),
            "/big-unannounced": (200, {**HTML, "Content-Length": ""}, b"<p>" + b"y" * 5000),
            "/slow": (0, {}, b""),
        }
    )
    return base


def test_read_source_reads_a_page_over_http(site: str) -> None:
    doc = read_source(f"{site}/story")
    assert doc.format == "html"
    assert [b.text for b in doc.blocks] == [STORY, NEXT]
    assert (doc.title, doc.outlet, doc.date) == ("Ministers meet", "Example News", "2025-04-04")
    assert doc.url == doc.location == f"{site}/story"
    assert "Home" not in doc.text and "rights reserved" not in doc.text
    assert_well_formed(doc)


def test_read_source_decodes_with_the_declared_charset(site: str) -> None:
    doc = read_source(f"{site}/latin1")
    assert "Bruxelles café" in doc.text


def test_read_source_follows_redirects_and_keeps_the_final_url(site: str) -> None:
    doc = read_source(f"{site}/moved")
    assert doc.url == f"{site}/story"
    assert doc.location == f"{site}/moved"


@pytest.mark.parametrize(("path", "fmt"), [("/report", "pdf"), ("/plain", "txt")])
def test_read_source_reads_other_content_types(site: str, path: str, fmt: str) -> None:
    doc = read_source(site + path)
    assert doc.format == fmt and doc.url == site + path


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP error 404"),
        ("/broken", "HTTP error 500"),
        ("/empty", "the server sent an empty page"),
        ("/to-file", "redirected to file:///etc/passwd, which is not http(s)"),
        ("/big", "4.89 KB, over the 1 KB limit"),
        ("/big-unannounced", "more than 1 KB, over the limit"),
    ],
)
def test_read_source_bad_urls_raise_input_error(site: str, path: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_source(site + path, max_bytes=1024)
    assert str(caught.value).startswith(site + path) and message in str(caught.value)


def test_fetch_gives_up_after_the_timeout(site: str) -> None:
    with pytest.raises(InputError, match=r"/slow: no answer within 0\.2 s"):
        fetch(f"{site}/slow", max_bytes=1024, timeout=0.2)


def test_read_source_unreachable_host() -> None:
    with pytest.raises(InputError, match=r"^http://127\.0\.0\.1:9/: cannot fetch"):
        read_source("http://127.0.0.1:9/")


def test_read_sources_names_the_failing_url(site: str) -> None:
    with pytest.raises(InputError, match=r"^source 2 of 2: .*/missing: HTTP error 404"):
        read_sources([f"{site}/story", f"{site}/missing"])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("http://example.org/a", True),
        ("HTTPS://example.org", True),
        ("file:///etc/passwd", False),
        ("ftp://example.org/a", False),
        ("example.org/a.html", False),
        ("http.txt", False),
    ],
)
def test_is_url(source: str, expected: bool) -> None:
    assert is_url(source) is expected
