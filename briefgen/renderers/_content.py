"""What the text renderers (Markdown, HTML, e-mail) share: the Brief's items as plain lines.

Every function here returns plain, unescaped text with its whitespace collapsed to single spaces;
each renderer escapes it for its own format.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..layout.text import location_label
from ..model import Brief, Entity, Event, Figure, KeyPoint, Quote, SourceInfo

__all__ = [
    "byline",
    "clean",
    "entity_text",
    "event_text",
    "figure_parts",
    "quote_attribution",
    "quote_text",
    "sections",
    "source_text",
]


def clean(text: str | None) -> str:
    """Return ``text`` with every run of whitespace (newlines included) as one space, stripped."""
    return " ".join((text or "").split())


def sections(points: Sequence[KeyPoint]) -> list[tuple[str | None, list[KeyPoint]]]:
    """Return ``points`` grouped by section, sections in order of first appearance.

    The order of the points inside a section is kept, so an edited draft's order is honoured.
    """
    groups: dict[str | None, list[KeyPoint]] = {}
    for point in points:
        groups.setdefault(clean(point.section) or None, []).append(point)
    return list(groups.items())


def quote_text(quote: Quote) -> str:
    """Return the quote's words without a trailing comma, semicolon or colon of the sentence."""
    return clean(quote.text).rstrip(",;:").rstrip()


def quote_attribution(quote: Quote) -> str:
    """Return "Speaker, role", "Speaker", or "" when the speaker is unknown (never a guess)."""
    speaker, role = clean(quote.speaker), clean(quote.role)
    if not speaker:
        return ""
    return f"{speaker}, {role}" if role else speaker


def figure_parts(figure: Figure) -> tuple[str, str]:
    """Return the figure as written and what it counts ("" when the source does not say)."""
    return clean(figure.text), clean(figure.counts)


def entity_text(entity: Entity) -> tuple[str, str]:
    """Return the entity's name and its role as the source gives it ("" when none)."""
    return clean(entity.name), clean(entity.role)


def event_text(event: Event) -> str:
    """Return the event with its date, or "(upcoming)" when it is upcoming and undated."""
    text = clean(event.text)
    if event.date:
        return f"{text} ({clean(event.date)})"
    return f"{text} (upcoming)" if event.upcoming else text


def source_text(source: SourceInfo) -> str:
    """Return a source as a footer line: title, outlet, author, date and URL that are known."""
    parts = [clean(source.title), clean(source.outlet), clean(source.author), clean(source.date)]
    line = ", ".join(p for p in parts if p)
    url = clean(source.url)
    if url:
        line = f"{line} — {url}" if line else url
    return line or location_label(source.location or "") or f"source {source.id + 1}"


def byline(brief: Brief) -> str:
    """Return the line under the title: the subject, the date and the first source's outlet."""
    outlet = clean(brief.sources[0].outlet) if brief.sources else ""
    parts = [clean(brief.subject), clean(brief.date), outlet]
    return " · ".join(p for p in parts if p)
