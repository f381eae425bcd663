"""Benchmark: main-text extraction from news pages, trafilatura alone vs briefgen's HTML reader.

The 200 real articles of ``/work/shared/bench/dev.jsonl`` are set into four page templates modelled
on common site structures (a blog CMS, a news site with adverts and a paywall box, a page of bare
divs with a consent dialog, a long read with subheads), each with navigation, a cookie banner,
newsletter and subscribe boxes (some inside the article), share bars, related links, comments and a
footer. Each extractor's text is compared with the article:

- ``recall``: share of the article's word tokens recovered (multiset);
- ``precision``: share of the output's word tokens that belong to the article (multiset);
- ``leaks``: boilerplate snippets (of 12 planted per page) found in the output, per page;
- ``title``: pages whose title is the article's headline (briefgen only; trafilatura's text
  has none).

Run from the repository root: ``python benchmarks/ingest_html.py [--data PATH] [--limit N]``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefgen.errors import InputError  # noqa: E402
from briefgen.ingest.html import read_html  # noqa: E402

DATA = Path("/work/shared/bench/dev.jsonl")
SNIPPETS = {
    "nav": "Home World Business Sport Culture Opinion",
    "cookie": "We use cookies to personalise content and ads. Accept all cookies",
    "newsletter": "Sign up to our Morning Briefing newsletter for free",
    "subscribe": "Subscribe now for unlimited access to award-winning journalism",
    "share": "Share this article on Facebook Twitter WhatsApp",
    "related": "Related: Ten things you missed this week in politics",
    "advert": "Advertisement",
    "comments": "Comments are closed for this article. Join the conversation",
    "footer": "Copyright 2025 Example Media Group. All rights reserved.",
    "popular": "Most popular stories this hour on our website",
    "readmore": "Read more: How the markets reacted to yesterday's announcement",
    "app": "Download our app for breaking news alerts",
}


def page(template: int, title: str, paragraphs: list[str]) -> str:
    """Return the article as a page in one of four templates, with boilerplate planted."""
    s = {k: html.escape(v) for k, v in SNIPPETS.items()}
    nav = "".join(f"<li><a href='/{w.lower()}'>{w}</a></li>" for w in SNIPPETS["nav"].split())
    ps = [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    head = (
        f"<head><meta charset='utf-8'><title>{html.escape(title)} | Example News</title>"
        "<meta property='og:site_name' content='Example News'>"
        f"<meta property='og:title' content='{html.escape(title, quote=True)}'>"
        "<meta name='author' content='Jane Smith'>"
        "<meta property='article:published_time' content='2025-04-04T08:00:00Z'>"
        "<script>window.dataLayer=[];</script></head>"
    )
    mid = max(1, len(ps) // 2)
    if template == 0:  # blog CMS
        body = (
            f"<header><nav class='menu'><ul>{nav}</ul></nav></header>"
            f"<div id='cookie-notice'><p>{s['cookie']}</p></div>"
            f"<article class='post'><h1 class='entry-title'>{html.escape(title)}</h1>"
            f"<div class='entry-content'>{''.join(ps[:mid])}"
            f"<div class='newsletter-signup'><p>{s['newsletter']}</p><form><input></form></div>"
            f"{''.join(ps[mid:])}</div>"
            f"<div class='share-buttons'><p>{s['share']}</p></div></article>"
            f"<section class='related-posts'><h3>Related</h3><p><a href='/r'>{s['related']}</a></p>"
            f"</section><div id='comments'><p>{s['comments']}</p></div>"
            f"<aside class='widget'><p>{s['popular']}</p><p>{s['app']}</p></aside>"
            f"<p>{s['readmore']}</p><div class='ad'>{s['advert']}</div>"
            f"<footer><p>{s['footer']}</p></footer>"
        )
    elif template == 1:  # news site: adverts, in-body links, paywall box
        chunks = []
        for n, p in enumerate(ps):
            chunks.append(p)
            if n == 1:
                chunks.append(f"<div class='ad-slot'><span>{s['advert']}</span></div>")
            if n == mid:
                chunks.append(f"<p class='read-more'><a href='/m'>{s['readmore']}</a></p>")
        body = (
            f"<div class='cmp-banner' role='dialog'><p>{s['cookie']}</p></div>"
            f"<nav><ul>{nav}</ul></nav><main><div class='story'>"
            f"<h1>{html.escape(title)}</h1><p class='byline'>By Jane Smith</p>"
            f"<div class='story-body'>{''.join(chunks)}</div>"
            f"<div class='piano-paywall subscription'><p>{s['subscribe']}</p></div>"
            f"<ul class='social-share'><li>{s['share']}</li></ul></div>"
            f"<div class='most-popular'><p>{s['popular']}</p></div></main>"
            f"<div class='promo-app'><p>{s['app']}</p></div>"
            f"<section class='newsletter'><p>{s['newsletter']}</p></section>"
            f"<div class='comments-area'><p>{s['comments']}</p></div>"
            f"<div class='related-links'><a href='/r'>{s['related']}</a></div>"
            f"<div class='site-footer'><p>{s['footer']}</p></div>"
        )
    elif template == 2:  # bare divs, consent dialog
        body = (
            f"<div aria-modal='true'><div>{s['cookie']}</div></div>"
            f"<div class='top'><div class='links'>{' | '.join(SNIPPETS['nav'].split())}</div></div>"
            f"<div id='content'><div class='headline'><b>{html.escape(title)}</b></div>"
            f"{''.join(ps)}"
            f"<div class='signup-box'><div>{s['newsletter']}</div></div></div>"
            f"<div class='sidebar'><div>{s['popular']}</div><div>{s['related']}</div>"
            f"<div>{s['readmore']}</div><div>{s['app']}</div><div>{s['advert']}</div></div>"
            f"<div class='bottom'><div>{s['share']}</div><div>{s['comments']}</div>"
            f"<div>{s['subscribe']}</div><div>{s['footer']}</div></div>"
        )
    else:  # long read with subheads
        sections = []
        for n in range(0, len(ps), 3):
            if n:
                sections.append(f"<h2>Part {n // 3 + 1} of the story</h2>")
            sections.extend(ps[n : n + 3])
        body = (
            f"<nav class='navbar'><ul>{nav}</ul></nav><div class='gdpr'>{s['cookie']}</div>"
            f"<main><article><header><h1>{html.escape(title)}</h1></header>{''.join(sections)}"
            f"<aside><p>{s['newsletter']}</p><p>{s['subscribe']}</p></aside>"
            f"<footer class='article-footer'><p>{s['share']}</p><p>{s['related']}</p></footer>"
            f"</article></main><div class='outbrain'><p>{s['readmore']}</p><p>{s['popular']}</p>"
            f"<p>{s['app']}</p><p>{s['advert']}</p></div>"
            f"<section class='comments'><p>{s['comments']}</p></section>"
            f"<footer><p>{s['footer']}</p></footer>"
        )
    return f"<!DOCTYPE html><html lang='en'>{head}<body>{body}</body></html>"


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def trafilatura_text(data: str) -> str:
    import trafilatura

    return trafilatura.extract(data) or ""


def briefgen_text(data: str) -> str:
    return read_html(data.encode("utf-8"), "bench.html").text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
    records = records[: args.limit]
    print(f"{'extractor':<12} {'recall':>7} {'precision':>9} {'leaks':>6} {'title':>8} {'ms':>6}")
    for name, extract in (("trafilatura", trafilatura_text), ("briefgen", briefgen_text)):
        recalls, precisions, leaks, times, titles = [], [], [], [], 0
        for n, record in enumerate(records):
            title = (record.get("title") or "").strip() or f"News story number {n}"
            paragraphs = [" ".join(p.split()) for p in record["text"].split("\n\n") if p.strip()]
            data = page(n % 4, title, paragraphs)
            start = time.perf_counter()
            try:
                text = extract(data)
            except InputError:
                text = ""
            times.append((time.perf_counter() - start) * 1000)
            truth, found = tokens(record["text"]), tokens(text)
            common = sum((truth & found).values())
            recalls.append(common / max(1, sum(truth.values())))
            precisions.append(common / max(1, sum(found.values())))
            leaks.append(sum(v in text for v in SNIPPETS.values() if v != "Advertisement")
                         + bool(re.search(r"(?m)^Advertisement$", text)))
            if name == "briefgen":
                try:
                    doc = read_html(data.encode("utf-8"), "bench.html")
                    titles += doc.title == " ".join(title.split())
                except InputError:
                    pass
        title_text = f"{titles}/{len(records)}" if name == "briefgen" else "-"
        print(f"{name:<12} {statistics.mean(recalls):7.4f} {statistics.mean(precisions):9.4f} "
              f"{statistics.mean(leaks):6.3f} {title_text:>8} {statistics.median(times):6.1f}")
    print(f"SUMMARY pages={len(records)} (4 templates); leaks = planted snippets found per page")


if __name__ == "__main__":
    main()
