"""The few calls a user makes: analyse, make_brief, plan, render, generate.

Each is a thin composition of the stages (ingest → analyse → summarise → layout → render);
the CLI is
a thin layer over these.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import InputError, RenderError
from .model import Analysis, Brief, Document, Plan

__all__ = ["analyse", "generate", "make_brief", "plan", "read", "render"]

log = logging.getLogger("briefgen")

Source = str | os.PathLike[str]

_PATHLIKE = re.compile(r"^[\w./\\~:-]+\.[A-Za-z0-9]{1,5}$")


def _is_path(value: object) -> bool:
    if isinstance(value, os.PathLike):
        return True
    if not isinstance(value, str) or "\n" in value or len(value) > 4096:
        return False
    # a bare word with an extension ("notes.txt") is a path even when missing: report it,
    # don't analyse the name as text
    if value == "-" or "://" in value or _PATHLIKE.match(value):
        return True
    try:
        return Path(value).exists()
    except (OSError, ValueError):  # too long for a file name, NUL byte: it is text
        return False


def read(sources: Source | Document | Iterable[Source | Document]) -> tuple[Document, ...]:
    """Return the Documents of ``sources``: paths, URLs, "-" (stdin), Documents, or a list of them.

    Raises ``InputError`` naming the source that cannot be read.
    """
    from .ingest import read_source

    items: list[Source | Document]
    if isinstance(sources, (str, os.PathLike, Document)):
        items = [sources]
    else:
        items = list(sources)
    if not items:
        raise InputError("no source given")
    docs = []
    for item in items:
        docs.append(item if isinstance(item, Document) else read_source(item))
    return tuple(docs)


def _documents(
    text_or_path: Source | Document | Sequence[Source | Document],
) -> tuple[Document, ...]:
    if isinstance(text_or_path, str) and not _is_path(text_or_path):
        from .ingest.text import read_text

        if not text_or_path.strip():
            raise InputError("<text>: text is empty")
        return (read_text(text_or_path.encode("utf-8"), "<text>"),)
    return read(text_or_path)


def analyse(
    text_or_path: Source | Document | Sequence[Source | Document], points: int | None = None
) -> Analysis:
    """Return the Analysis of a text, a path (or URL), a Document, or a list of them.

    ``key_points`` holds ``points`` ranked sentences, best first (a default number when None).
    """
    from .analyse import analyse_documents
    from .summarise import rank_key_points

    if points is not None and points < 0:
        raise InputError(f"points must be 0 or more, not {points}")
    analysis = analyse_documents(_documents(text_or_path))
    return dataclasses.replace(analysis, key_points=rank_key_points(analysis, points))


def make_brief(
    sources: Source | Document | Sequence[Source | Document],
    *,
    points: int | None = None,
    method: str = "default",
    marking: str | None = None,
) -> Brief:
    """Return the Brief (the briefing's ranked content) for ``sources``."""
    from .analyse import analyse_documents
    from .summarise import summarise

    analysis = analyse_documents(_documents(sources))
    return summarise(analysis, points=points, method=method, marking=marking)


def plan(
    brief: Brief,
    layout: str | None = None,
    *,
    paper: str | None = None,
    layouts_dir: Source | None = None,
) -> Plan:
    """Return the one-page Plan of ``brief`` in ``layout`` (the default layout when None)."""
    from .layout import fit_plan, load_layout

    return fit_plan(brief, load_layout(layout, layouts_dir=layouts_dir, paper=paper))


def render(
    brief_or_plan: Brief | Plan,
    fmt: str,
    *,
    layout: str | None = None,
    paper: str | None = None,
    layouts_dir: Source | None = None,
) -> bytes:
    """Return the bytes of ``brief_or_plan`` rendered as ``fmt`` ("pdf", "docx", ...)."""
    from .layout import fit_plan, load_layout
    from .render import RENDERERS

    if fmt not in RENDERERS:
        raise RenderError(f"unknown format {fmt!r} (choose from {', '.join(sorted(RENDERERS))})")
    name = brief_or_plan.layout if isinstance(brief_or_plan, Plan) and layout is None else layout
    spec = load_layout(name, layouts_dir=layouts_dir, paper=paper)
    the_plan = brief_or_plan if isinstance(brief_or_plan, Plan) else fit_plan(brief_or_plan, spec)
    return RENDERERS[fmt](the_plan, spec)


def generate(
    source: Source | Document | Sequence[Source | Document],
    out_dir: Source = "output",
    formats: Sequence[str] = ("pdf", "docx"),
    layout: str | None = None,
    overwrite: bool = False,
    *,
    paper: str | None = None,
    layouts_dir: Source | None = None,
    marking: str | None = None,
    points: int | None = None,
) -> list[Path]:
    """Make the briefing of ``source`` in each of ``formats`` under ``out_dir``; return the paths.

    Nothing is written when any stage fails; an existing file raises ``RenderError`` unless
    ``overwrite``.
    """
    from .files import output_stem, write_outputs
    from .layout import fit_plan, load_layout
    from .render import RENDERERS

    formats = tuple(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown or not formats:
        raise RenderError(
            f"unknown format {', '.join(unknown) or '(none)'} "
            f"(choose from {', '.join(sorted(RENDERERS))})"
        )
    spec = load_layout(layout, layouts_dir=layouts_dir, paper=paper)
    docs = _documents(source)
    brief = make_brief(docs, points=points, marking=marking)
    the_plan = fit_plan(brief, spec)
    if the_plan.dropped:
        log.info("left out to fit one page: %s", ", ".join(the_plan.dropped))
    first = docs[0]
    stem = output_stem(first.date, first.location, brief.title)
    files = {f"{stem}.{fmt}": RENDERERS[fmt](the_plan, spec) for fmt in formats}
    return write_outputs(files, out_dir, overwrite=overwrite)
