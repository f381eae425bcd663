"""The briefing as Markdown (CommonMark), for a chat message or the body of an e-mail.

Source text is untrusted: every item is escaped so that it reads back as the same plain text and
cannot open emphasis, links, raw HTML, headings, lists or quotes of its own.
"""

from __future__ import annotations

import re
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

__all__ = ["escape_md", "markdown_text", "render_md"]

# characters that start inline syntax anywhere in a line; "#" also closes a heading
_INLINE = re.compile(r"([\\`*_\[\]<~#])")
# "&amp;" and "&#38;" would be read as character references
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# at the start of a line: a block quote, a list item, a setext underline, a thematic break
_LINE_START = re.compile(r"^([>+=-])|^(\d+)([.)])")


def escape_md(text: str | None) -> str:
    """Return ``text`` on one line, escaped so that Markdown shows it as the same plain text."""
    escaped = _ENTITY.sub("\\&", _INLINE.sub(r"\\\1", clean(text)))
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def markdown_text(brief: Brief, *, author: str | None = None, full: bool = True) -> str:
    """Return the Markdown of ``brief``: all its blocks, or only bottom line and key points;
    signed by ``author``, else by the brief's own author."""
    author = brief.author if author is None else author
    lines: list[str] = []
    if brief.marking:
        lines += [f"**{escape_md(brief.marking)}**", ""]
    lines.append(f"# {escape_md(brief.title) or 'Briefing'}")
    sub = byline(brief)
    if sub:
        lines += ["", f"*{escape_md(sub)}*"]
    if brief.bottom_line:
        bottom = " ".join(escape_md(p.text) for p in brief.bottom_line)
        lines += ["", f"**Bottom line:** {bottom}"]
    if brief.key_points:
        lines += ["", "## Key points"]
        groups = sections(brief.key_points)
        for name, points in groups:
            if name and len(groups) > 1:
                lines += ["", f"### {escape_md(name)}"]
            lines.append("")
            lines += [f"- {escape_md(p.text)}" for p in points]
    if full:
        lines += _rest(brief)
    if author:
        lines += ["", f"Prepared by {escape_md(author)}"]
    if brief.marking:
        lines += ["", f"**{escape_md(brief.marking)}**"]
    return "\n".join(lines) + "\n"


def _rest(brief: Brief) -> list[str]:
    lines: list[str] = []
    if brief.quotes:
        lines += ["", "## Quotes", ""]
        for quote in brief.quotes:
            who = quote_attribution(quote)
            said = f"“{escape_md(quote_text(quote))}”"
            lines.append(f"- {said} — {escape_md(who)}" if who else f"- {said} (speaker not given)")
    if brief.figures:
        lines += ["", "## Figures", ""]
        for figure in brief.figures:
            text, counts = figure_parts(figure)
            lines.append(f"- **{escape_md(text)}**" + (f" — {escape_md(counts)}" if counts else ""))
    if brief.people:
        lines += ["", "## Who's who", ""]
        for entity in brief.people:
            name, role = entity_text(entity)
            lines.append(f"- **{escape_md(name)}**" + (f" — {escape_md(role)}" if role else ""))
    if brief.events:
        lines += ["", "## What's next", ""]
        lines += [f"- {escape_md(event_text(e))}" for e in brief.events]
    if brief.sources:
        lines += ["", "## Sources", ""]
        lines += [f"- {escape_md(source_text(s))}" for s in brief.sources]
    return lines


def render_md(plan: Plan, layout: Any = None, *, author: str | None = None) -> bytes:
    """Return the UTF-8 Markdown of the plan's kept content (the layout does not matter here)."""
    return markdown_text(with_author(plan, author).brief).encode("utf-8")
