"""The briefing as a self-contained HTML page, for a preview or the body of an e-mail.

Source text is untrusted: every item goes through ``html.escape``; nothing from the source is ever
read as markup or as a template. The style sheet is inline so that mail clients keep it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..model import Brief, Plan
from ._content import (
    byline,
    clean,
    entity_text,
    event_text,
    figure_parts,
    quote_attribution,
    quote_text,
    sections,
    source_text,
)
from .common import with_author

__all__ = ["html_body", "html_page", "render_html"]

_CSS = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.35;
       color: #1a1a1a; max-width: 46em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.45em; margin: 0.2em 0; }
h2 { font-size: 1.05em; margin: 1.1em 0 0.3em; text-transform: uppercase; letter-spacing: 0.03em;
     border-bottom: 1px solid #bbb; }
h3 { font-size: 1em; margin: 0.6em 0 0.2em; }
.byline { color: #555; margin: 0 0 0.8em; }
.marking { text-align: center; font-weight: bold; letter-spacing: 0.1em; }
.bottom-line { background: #f2f4f7; border-left: 4px solid #24466b; padding: 0.5em 0.8em; }
.figure { font-weight: bold; }
blockquote { margin: 0.3em 0 0.6em 1em; }
.speaker { color: #555; }
footer { margin-top: 1.5em; font-size: 0.85em; color: #555; }
"""


def _e(text: str | None) -> str:
    return escape(clean(text), quote=True)


def html_body(brief: Brief, *, full: bool = True, author: str | None = None) -> str:
    """Return the HTML of ``brief`` as elements for a ``<body>``: all blocks, or the short form.

    The short form (``full=False``) holds the title, bottom line and key points only. The footer
    names ``author``, else the brief's own author.
    """
    author = brief.author if author is None else author
    out: list[str] = []
    if brief.marking:
        out.append(f'<p class="marking">{_e(brief.marking)}</p>')
    out.append(f"<h1>{_e(brief.title) or 'Briefing'}</h1>")
    if byline(brief):
        out.append(f'<p class="byline">{_e(byline(brief))}</p>')
    if brief.bottom_line:
        bottom = " ".join(_e(p.text) for p in brief.bottom_line)
        out.append(f'<p class="bottom-line"><strong>Bottom line:</strong> {bottom}</p>')
    if brief.key_points:
        out.append("<h2>Key points</h2>")
        groups = sections(brief.key_points)
        for name, points in groups:
            if name and len(groups) > 1:
                out.append(f"<h3>{_e(name)}</h3>")
            out.append(_list(_e(p.text) for p in points))
    if full:
        out += _rest(brief)
    if author or brief.marking:
        out.append("<footer>")
        if author:
            out.append(f"<p>Prepared by {_e(author)}</p>")
        if brief.marking:
            out.append(f'<p class="marking">{_e(brief.marking)}</p>')
        out.append("</footer>")
    return "\n".join(out)


def _list(items: Any) -> str:
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def _rest(brief: Brief) -> list[str]:
    out: list[str] = []
    if brief.quotes:
        out.append("<h2>Quotes</h2>")
        for quote in brief.quotes:
            who = quote_attribution(quote)
            cite = f"— {escape(who)}" if who else "(speaker not given)"
            said = escape(quote_text(quote))
            out.append(f'<blockquote><p>“{said}”</p><p class="speaker">{cite}</p></blockquote>')
    if brief.figures:
        out.append("<h2>Figures</h2>")
        rows = []
        for figure in brief.figures:
            text, counts = figure_parts(figure)
            label = f" — {escape(counts)}" if counts else ""
            rows.append(f'<span class="figure">{escape(text)}</span>{label}')
        out.append(_list(rows))
    if brief.people:
        out.append("<h2>Who’s who</h2>")
        rows = []
        for entity in brief.people:
            name, role = entity_text(entity)
            rows.append(f"<strong>{escape(name)}</strong>" + (f" — {escape(role)}" if role else ""))
        out.append(_list(rows))
    if brief.events:
        out.append("<h2>What’s next</h2>")
        out.append(_list(escape(event_text(e)) for e in brief.events))
    if brief.sources:
        out.append("<h2>Sources</h2>")
        out.append(_list(escape(source_text(s)) for s in brief.sources))
    return out


def html_page(brief: Brief, *, full: bool = True, author: str | None = None) -> str:
    """Return a complete HTML5 document of ``brief`` with its inline style sheet."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(brief.title) or 'Briefing'}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{html_body(brief, full=full, author=author)}\n</body>\n</html>\n"
    )


def render_html(plan: Plan, layout: Any = None, *, author: str | None = None) -> bytes:
    """Return the UTF-8 HTML page of the plan's kept content."""
    return html_page(with_author(plan, author).brief).encode("utf-8")
