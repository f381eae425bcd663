"""Bounds that keep a run's time and memory in check, and the sampling of very long documents.

spaCy's parser costs about 6 s and 1 GB of temporary memory per 100,000 characters here, so
``analyse`` reads at most ``MAX_ANALYSED_CHARS`` characters over all sources. A longer document is
cut into paragraph-sized pieces (an over-long paragraph at sentence ends) and sampled: the opening
pieces up to ``LEAD_SHARE`` of the budget (the lead carries a story), then pieces spread evenly over
the rest, so every part of a long report has its say. Each kept piece keeps its section and the
heading above it. ``sampled_note`` says what was read, and the briefing shows that note in its
subject line. Offsets of a sampled Document refer to the sampled text.

A PDF of more than ``MAX_PDF_PAGES`` pages is read from its first ``LEAD_PAGES`` pages and pages
spread evenly over the rest (``pages_to_read``), since extracting text costs time per page.
A DOCX package may unpack to at most ``MAX_UNPACKED_BYTES``, an HTML page hold at most
``MAX_HTML_BYTES`` of markup.
Other bounds live next to the code they guard: the input size (``ingest.DEFAULT_MAX_BYTES``), URL
fetch time and size (``ingest.url``), template time and size (``templating``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence

from .errors import TimeLimitError
from .model import Block, Document
from .outline import heading_stacks

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "check_deadline",
    "time_limit",
    "LEAD_PAGES",
    "LEAD_SHARE",
    "MAX_ANALYSED_CHARS",
    "MAX_HTML_BYTES",
    "MAX_PDF_PAGES",
    "MAX_UNPACKED_BYTES",
    "PIECE_CHARS",
    "bound_documents",
    "pages_to_read",
    "sample_document",
    "sampled_note",
]

#: Characters analysed over all sources of one briefing (about 16,000 words, 600 sentences).
MAX_ANALYSED_CHARS = 100_000
#: Share of a sampled document's budget taken from its opening.
LEAD_SHARE = 0.25
#: Longest piece a paragraph is cut into before sampling.
PIECE_CHARS = 2_000

#: Pages of a PDF read at most (text extraction costs about 0.2-0.4 s a page here); a longer PDF is
#: read from its first ``LEAD_PAGES`` pages and pages spread evenly over the rest.
MAX_PDF_PAGES = 40
LEAD_PAGES = 10

#: Bytes of an HTML page's markup read at most, scripts, styles, SVG and data URIs not counted
#: (extracting its text costs about 2 s per MB here; news pages are well under 1 MB).
MAX_HTML_BYTES = 5 * 1024 * 1024
#: Bytes a DOCX package may unpack to (a "zip bomb" of a few MB can unpack to many GB).
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"'”’»)]*\s+")


def bound_documents(
    docs: Sequence[Document], max_chars: int | None = None
) -> tuple[tuple[Document, ...], str | None]:
    """Return ``docs`` fitted to ``max_chars`` characters in all, and a note when any was sampled.

    Each document gets a share of the budget in proportion to its length (at least
    ``PIECE_CHARS``); documents within their share are returned unchanged. ``max_chars`` defaults
    to ``MAX_ANALYSED_CHARS`` (read when called, so it can be changed for a run).
    """
    budget = MAX_ANALYSED_CHARS if max_chars is None else max_chars
    total = sum(len(d.text) for d in docs)
    if total <= budget:
        return tuple(docs), None
    out: list[Document] = []
    kept = 0
    for doc in docs:
        share = max(PIECE_CHARS, int(budget * len(doc.text) / total))
        sampled = sample_document(doc, share) if len(doc.text) > share else doc
        kept += len(sampled.text)
        out.append(sampled)
    return tuple(out), sampled_note(kept, total)


def pages_to_read(count: int) -> list[int]:
    """Return the indices of the pages to read of a PDF of ``count`` pages, in order."""
    if count <= MAX_PDF_PAGES:
        return list(range(count))
    rest = count - LEAD_PAGES
    wanted = MAX_PDF_PAGES - LEAD_PAGES
    spread = {LEAD_PAGES + int((k + 0.5) * rest / wanted) for k in range(wanted)}
    return sorted(set(range(LEAD_PAGES)) | spread)


def sampled_note(kept: int, total: int) -> str:
    """Return the note a sampled briefing carries: how much of the text it was drawn from."""
    share = kept / total if total else 1.0
    pct = f"{share:.0%}" if share >= 0.01 else "under 1%"
    return f"Briefing drawn from a sample of {kept:,} of {total:,} characters ({pct}) of the source"


def _pieces(doc: Document) -> list[Block]:
    """Return ``doc``'s blocks with paragraphs over ``PIECE_CHARS`` cut at sentence ends."""
    blocks = list(doc.blocks) or [Block("paragraph", doc.text, 0, len(doc.text))]
    out: list[Block] = []
    for block in blocks:
        if block.section is not None and len(block.section) > PIECE_CHARS:
            block = dataclasses.replace(block, section=block.section[: PIECE_CHARS - 1] + "…")
        if block.kind == "heading":
            if len(block.text) > PIECE_CHARS:
                block = dataclasses.replace(block, text=block.text[: PIECE_CHARS - 1] + "…")
            out.append(block)
            continue
        if len(block.text) <= PIECE_CHARS:
            out.append(block)
            continue
        start = 0
        while start < len(block.text):
            end = _cut(block.text, start)
            text = block.text[start:end].strip()
            if text:
                out.append(dataclasses.replace(block, text=text))
            start = end
    return out


def _cut(text: str, start: int) -> int:
    """Return where the piece from ``start`` ends: the last sentence end (else space) in reach."""
    limit = start + PIECE_CHARS
    if limit >= len(text):
        return len(text)
    window = text[start:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends and ends[-1] > PIECE_CHARS // 4:
        return start + ends[-1]
    space = window.rfind(" ")
    return start + space + 1 if space > PIECE_CHARS // 4 else limit


def sample_document(doc: Document, max_chars: int) -> Document:
    """Return ``doc`` cut down to about ``max_chars`` characters of whole pieces, or ``doc``.

    The opening pieces up to ``LEAD_SHARE`` of the budget, then pieces at even steps through the
    rest, each with the heading it sits under; the blocks and offsets are those of the new text.
    """
    if len(doc.text) <= max_chars:
        return doc
    pieces = _pieces(doc)
    heading_of = _headings_above(pieces)
    chosen: set[int] = set()
    used = 0

    def cost(i: int) -> int:
        extra = sum(len(pieces[h].text) + 2 for h in heading_of.get(i, ()) if h not in chosen)
        return len(pieces[i].text) + 2 + extra

    def take(i: int) -> None:
        nonlocal used
        used += cost(i)
        chosen.add(i)
        chosen.update(heading_of.get(i, ()))

    body = [i for i, p in enumerate(pieces) if p.kind != "heading"]
    lead_budget = int(max_chars * LEAD_SHARE)
    n_lead = 0
    for i in body:
        if used + cost(i) > lead_budget and chosen:
            break
        take(i)
        n_lead += 1
    rest = body[n_lead:]
    if rest:
        mean = sum(len(pieces[i].text) + 2 for i in rest) / len(rest)
        wanted = min(len(rest), max(1, int((max_chars - used) / mean)))
        while wanted > 0:  # fewer, evenly spread picks until they and their headings fit
            picks = sorted({rest[int((k + 0.5) * len(rest) / wanted)] for k in range(wanted)})
            adds = _cost(pieces, picks, heading_of, chosen)
            if used + adds <= max_chars:
                for i in picks:
                    take(i)
                break
            wanted = min(wanted - 1, int(wanted * (max_chars - used) / adds))
    return _rebuild(doc, pieces, chosen)


def _headings_above(pieces: list[Block]) -> dict[int, tuple[int, ...]]:
    """Return, for each body piece under a heading, the headings it sits under: its own and the
    chapters above (``outline.heading_stacks``)."""
    return {
        i: stack
        for i, stack in enumerate(heading_stacks(pieces))
        if pieces[i].kind != "heading" and stack
    }


def _cost(
    pieces: list[Block], picks: list[int], heading_of: dict[int, tuple[int, ...]],
    chosen: set[int],
) -> int:
    """Return the characters ``picks`` add, with each heading not yet ``chosen`` counted once."""
    headings = {h for i in picks for h in heading_of.get(i, ())} - chosen
    return sum(len(pieces[i].text) + 2 for i in [*picks, *headings])


def _rebuild(doc: Document, pieces: list[Block], chosen: set[int]) -> Document:
    """Return ``doc`` holding only the ``chosen`` pieces (and headings), offsets renumbered."""
    blocks: list[Block] = []
    pos = 0
    for i, piece in enumerate(pieces):
        if i in chosen:
            blocks.append(dataclasses.replace(piece, start=pos, end=pos + len(piece.text)))
            pos += len(piece.text) + 2
    text = "\n\n".join(b.text for b in blocks)
    return dataclasses.replace(doc, text=text, blocks=tuple(blocks))


#: seconds a ``briefgen make`` or ``render`` may take before it gives up (0 = no limit); every
#: stage is bounded on its own, this catches what the bounds miss (a slow machine, a pathological
#: input). ``--time-limit`` or ``BRIEFGEN_TIME_LIMIT`` change it.
DEFAULT_TIME_LIMIT = 300.0


_deadline: float | None = None  # monotonic time the running budget ends, while one runs
_budget = 0.0  # its length in seconds, for the message


def check_deadline() -> None:
    """Raise ``TimeLimitError`` when the running time budget is spent (a no-op without one).

    Called before anything is written, so a run past its budget never leaves files even when the
    timer's exception was swallowed by library code on its way up.
    """
    if _deadline is not None and time.monotonic() >= _deadline:
        raise TimeLimitError(_time_message())


def _time_message() -> str:
    return (
        f"gave up after {_budget:g} s, the time limit (raise it with --time-limit or "
        "BRIEFGEN_TIME_LIMIT); nothing was written"
    )


class _TimeUp(BaseException):
    """Raised by the timer, like KeyboardInterrupt; ``time_limit`` turns it into TimeLimitError."""


_RETRY_SECONDS = 0.05  # the alarm repeats until the work stops, should one land where it is ignored


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TimeLimitError`` in the block once ``seconds`` of wall time have passed.

    A SIGALRM timer interrupts the work where it is (main thread of a POSIX process), and
    ``check_deadline`` stops any write after the deadline. ``seconds <= 0`` means no limit.
    """
    global _deadline, _budget
    if seconds <= 0:
        yield
        return
    _deadline, _budget = time.monotonic() + seconds, seconds
    timer = hasattr(signal, "setitimer") and (
        threading.current_thread() is threading.main_thread()
    )

    def expire(signum: int, frame: object) -> None:
        raise _TimeUp  # not an Exception: library code's "except Exception" cannot swallow it

    def unraisable(info: sys.UnraisableHookArgs) -> None:
        # the alarm can land in a finaliser or weakref callback, where Python prints the
        # exception and goes on: keep that quiet, the repeating alarm tries again
        if info.exc_type is not None and issubclass(info.exc_type, _TimeUp):
            return
        previous_hook(info)

    previous = signal.signal(signal.SIGALRM, expire) if timer else None
    previous_hook = sys.unraisablehook
    if timer:
        sys.unraisablehook = unraisable
        signal.setitimer(signal.ITIMER_REAL, seconds, _RETRY_SECONDS)
    try:
        yield
    except _TimeUp:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
        raise TimeLimitError(_time_message()) from None
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            sys.unraisablehook = previous_hook
        _deadline = None
