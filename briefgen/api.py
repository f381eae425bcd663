"""The few calls a user makes: analyse, make_brief, plan, render, generate, render_draft.

Each is a thin composition of the stages (ingest → analyse → summarise → layout → render); the CLI
is a thin layer over these.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from .draft import Draft
from .errors import InputError
from .model import Analysis, Brief, Document, Plan

__all__ = [
    "analyse",
    "check_outputs",
    "generate",
    "load_draft",
    "make_brief",
    "plan",
    "read",
    "render",
    "render_draft",
]

log = logging.getLogger("briefgen")

Source = str | os.PathLike[str]

_SURROGATE = re.compile("[\ud800-\udfff]")
_PATHLIKE = re.compile(r"^[\w./\\~:-]+\.[A-Za-z0-9]{1,5}$")


def _is_path(value: object) -> bool:
    if isinstance(value, os.PathLike):
        return True
    if not isinstance(value, str) or "\n" in value or len(value) > 4096:
        return False
    # a bare word with an extension ("notes.txt") is a path even when missing: say so, don't
    # analyse it
    if value == "-" or "://" in value or _PATHLIKE.match(value):
        return True
    try:
        return Path(value).exists()
    except (OSError, ValueError):  # too long for a file name, NUL byte: it is text
        return False


def _plain(value: str | None) -> str | None:
    """Return ``value`` with lone surrogates (undecodable bytes of argv or the environment) as �."""
    return None if value is None else _SURROGATE.sub("\ufffd", value)


def _listed(items: Sequence[str], shown: int = 12) -> str:
    """Return ``items`` joined by commas, the first ``shown`` and a count of the rest."""
    if len(items) <= shown:
        return ", ".join(items)
    return f"{', '.join(items[:shown])} and {len(items) - shown:,} more"


def _folder(value: Source | None) -> Path | None:
    return None if value is None else Path(value)


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
        # a lone surrogate cannot be encoded: it stands for a character lost before us
        text = _plain(text_or_path) or ""
        return (read_text(text.encode("utf-8"), "<text>"),)
    return read(text_or_path)


def analyse(
    text_or_path: Source | Document | Sequence[Source | Document], points: int | None = None
) -> Analysis:
    """Return the Analysis of a text, a path (or URL), a Document, or a list of them.

    ``key_points`` holds ``points`` ranked sentences, best first (a default number when None).
    """
    from .analysis import analyse_documents
    from .summarise import with_key_points

    if points is not None and points < 0:
        raise InputError(f"points must be 0 or more, not {points}")
    return with_key_points(analyse_documents(_documents(text_or_path)), points)


def make_brief(
    sources: Source | Document | Sequence[Source | Document],
    *,
    points: int | None = None,
    method: str = "default",
    marking: str | None = None,
    author: str | None = None,
) -> Brief:
    """Return the Brief (the briefing's ranked content) for ``sources``, prepared by ``author``
    (the analyst: the PDF and DOCX author and the footer's "Prepared by"; None for nobody named).

    Sources longer than ``limits.MAX_ANALYSED_CHARS`` in all are sampled, and the Brief's subject
    says so.
    """
    from .analysis import analyse_documents
    from .limits import bound_documents
    from .summarise import summarise

    docs, note = bound_documents(_documents(sources))
    brief = summarise(analyse_documents(docs), points=points, method=method, marking=marking,
                      documents=docs)
    if note:  # the reader must know the page was drawn from part of the text
        log.warning("%s", note)
        subject = f"{brief.subject} ({note})" if brief.subject else note
        brief = dataclasses.replace(brief, subject=subject)
    if author is not None:
        brief = dataclasses.replace(brief, author=_plain(author))
    return brief


def plan(
    brief: Brief,
    layout: str | None = None,
    *,
    paper: str | None = None,
    layouts_dir: Source | None = None,
) -> Plan:
    """Return the one-page Plan of ``brief`` in ``layout`` (the default layout when None)."""
    from .layout import fit_plan, load_layout

    return fit_plan(brief, load_layout(layout, layouts_dir=_folder(layouts_dir), paper=paper))


def render(
    brief_or_plan: Brief | Plan,
    fmt: str,
    *,
    layout: str | None = None,
    paper: str | None = None,
    layouts_dir: Source | None = None,
    author: str | None = None,
) -> bytes:
    """Return the bytes of ``brief_or_plan`` rendered as ``fmt`` ("pdf", "docx", ...);
    ``author`` replaces the brief's author when given."""
    from .layout import fit_plan, load_layout
    from .renderers import RENDERERS

    _check_formats((fmt,))
    name = brief_or_plan.layout if isinstance(brief_or_plan, Plan) and layout is None else layout
    spec = load_layout(name, layouts_dir=_folder(layouts_dir), paper=paper)
    the_plan = brief_or_plan if isinstance(brief_or_plan, Plan) else fit_plan(brief_or_plan, spec)
    if author is not None:
        from .renderers.common import with_author

        the_plan = with_author(the_plan, _plain(author))
    return RENDERERS[fmt](the_plan, spec)


def check_outputs(
    formats: Sequence[str], *, to: str | None = None, sender: str | None = None
) -> tuple[str, ...]:
    """Return ``formats`` without repeats, checked with the e-mail addresses, before any work.

    Raises ``InputError`` naming an unknown format (and the known ones) or a malformed address.
    """
    chosen = _check_formats(formats)
    _check_delivery(chosen, to, sender)
    return chosen


def _check_delivery(formats: Sequence[str], to: str | None, sender: str | None) -> None:
    if to is not None or sender is not None:
        from .renderers.eml import check_addresses

        if to is not None:
            check_addresses(to, option="--to")
        if sender is not None:
            check_addresses(sender, option="--from")
    if (to or sender) and "eml" not in formats:
        log.warning("--to/--from only matter with --format eml")


def _check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    from .renderers import RENDERERS

    chosen = tuple(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in RENDERERS]
    if unknown or not chosen:
        raise InputError(
            f"unknown format {', '.join(unknown) or '(none)'} "
            f"(choose from {', '.join(sorted(RENDERERS))})"
        )
    return chosen


def _render_files(
    the_plan: Plan, spec: object, stem: str, formats: Sequence[str], **options: str | None
) -> dict[str, bytes]:
    """Return ``{"<stem>.<fmt>": bytes}``, each renderer given the options it takes by name."""
    from .renderers import RENDER_OPTIONS, RENDERERS

    options = {**options, "stem": stem}
    files = {}
    for fmt in formats:
        wanted = {k: options[k] for k in RENDER_OPTIONS.get(fmt, ()) if options.get(k) is not None}
        files[f"{stem}.{fmt}"] = RENDERERS[fmt](the_plan, spec, **wanted)
    return files


def _prepare_rendering(formats: Sequence[str]) -> None:
    """Import the fit planner and the renderers of ``formats``, and register the page's fonts."""
    from .fonts import register_fonts
    from .layout import fit_plan  # noqa: F401  (imported for its side effect: loading reportlab)
    from .renderers import preload

    preload(formats)
    register_fonts()


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
    author: str | None = None,
    to: str | None = None,
    sender: str | None = None,
    overlap: bool = False,
) -> list[Path]:
    """Make the briefing of ``source`` in each of ``formats`` under ``out_dir``; return the paths.

    Formats are the keys of ``briefgen.renderers.RENDERERS``: "pdf", "docx", "json" (the editable
    draft), "md", "html", "eml" (addressed to ``to``, from ``sender``). ``author`` (the analyst)
    becomes the Brief's author: PDF and DOCX metadata, the footer's "Prepared by", the text
    formats' signature. Nothing is written when any stage fails; an existing file raises
    ``RenderError`` unless ``overwrite``. Bad arguments raise ``InputError`` before any work is
    done. ``overlap`` lets a cold process load the model and analyse in a forked child while it
    reads the sources and loads the renderers and fonts (``briefgen.background``): the CLI's
    one-off ``make`` uses it.
    """
    from . import background
    from .files import output_stem, write_outputs
    from .layout import load_layout

    marking, author, to, sender = map(_plain, (marking, author, to, sender))
    formats = check_outputs(formats, to=to, sender=sender)
    spec = load_layout(layout, layouts_dir=_folder(layouts_dir), paper=paper)

    def brief_of(docs: tuple[Document, ...]) -> Brief:
        return make_brief(docs, points=points, marking=marking, author=author)

    if overlap and background.worth_forking():
        from .nlp import load_nlp

        pending = background.start(brief_of, prepare=load_nlp)  # the model loads meanwhile
        try:
            docs = _documents(source)
            pending.send(docs)
            _prepare_rendering(formats)
        except BaseException:  # bad input or interrupted: the child is not needed
            pending.cancel()
            raise
        brief = pending.result()
    else:
        docs = _documents(source)
        brief = brief_of(docs)
    from .layout import fit_plan

    the_plan = fit_plan(brief, spec)
    if the_plan.dropped:
        log.info("left out to fit one page: %s", _listed(the_plan.dropped))
    first = docs[0]
    stem = output_stem(first.date, first.location, brief.title)
    files = _render_files(the_plan, spec, stem, formats, to=to, sender=sender)
    return write_outputs(files, out_dir, overwrite=overwrite)


def load_draft(path: Source) -> Draft:
    """Return the JSON draft at ``path``, checked against its schema.

    Raises ``InputError`` naming the file and the JSON path of the first problem.
    """
    from .draft import load_draft as _load

    return _load(path)


def render_draft(
    draft: Source | Draft,
    out_dir: Source = "output",
    formats: Sequence[str] = ("pdf", "docx"),
    layout: str | None = None,
    overwrite: bool = False,
    *,
    paper: str | None = None,
    layouts_dir: Source | None = None,
    marking: str | None = None,
    author: str | None = None,
    to: str | None = None,
    sender: str | None = None,
    stem: str | None = None,
) -> list[Path]:
    """Render an edited JSON draft (a path or a ``Draft``) in ``formats``; return the paths.

    The draft's text, order, deletions and title are kept as edited; the page is fitted again.
    ``layout`` defaults to the draft's; ``paper`` to the draft's when the layout is the draft's;
    ``marking`` and ``author`` replace the draft's when given. Files are named after the draft's
    file (``<stem>.<fmt>``), or ``stem``.
    """
    from .files import slugify, write_outputs
    from .layout import fit_plan, load_layout

    marking, author, to, sender = map(_plain, (marking, author, to, sender))
    formats = check_outputs(formats, to=to, sender=sender)
    if not isinstance(draft, Draft):
        stem = stem or Path(draft).stem
        draft = load_draft(draft)
    stem = stem or slugify(draft.brief.title) or "briefing"
    brief = draft.brief if marking is None else dataclasses.replace(draft.brief, marking=marking)
    brief = dataclasses.replace(brief, dropped=())
    if author is not None:
        brief = dataclasses.replace(brief, author=author)
    name = layout or draft.layout
    if paper is None and name == draft.layout:  # the draft's paper goes with the draft's layout
        paper = draft.paper
    spec = load_layout(name, layouts_dir=_folder(layouts_dir), paper=paper)
    the_plan = fit_plan(brief, spec)
    if the_plan.dropped:
        log.warning("left out to fit one page: %s", _listed(the_plan.dropped))
    files = _render_files(the_plan, spec, stem, formats, to=to, sender=sender)
    return write_outputs(files, out_dir, overwrite=overwrite)
