"""Many briefings at once: one per source, made in parallel worker processes.

``find_sources`` turns a folder or a glob into source files; ``run_batch`` makes each briefing with
``briefgen.api.generate`` in a ``ProcessPoolExecutor`` whose workers load the spaCy model once
(``briefgen.nlp.load_nlp``) and take the sources in chunks, each chunk's texts parsed together. A
source that fails is reported in its ``Outcome`` and the batch goes on; the caller (the CLI) draws
progress and prints the summary.

A time limit applies to each source on its own (``briefgen.limits.time_limit``: reading, analysis,
rendering and writing; a chunk's shared parse may take at most one source's limit, else each text
is parsed on its own): a pathological source fails with one line, writes nothing, and the others
still get their briefings.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import limits
from .errors import BriefgenError, InputError, TimeLimitError
from .model import Document

__all__ = [
    "SOURCE_SUFFIXES",
    "Outcome",
    "chunks",
    "find_sources",
    "make_chunk",
    "make_one",
    "run_batch",
    "summary",
]

log = logging.getLogger("briefgen")

# the files a folder is searched for; a glob takes whatever it matches
SOURCE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"})

Maker = Callable[..., Any]


@dataclass(frozen=True)
class Outcome:
    """What became of one source: the files made, or the one-line error (``bug`` if unexpected;
    ``timed_out`` when it went past the time limit)."""

    source: str
    paths: tuple[str, ...] = ()
    error: str | None = None
    bug: str | None = None
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        """Whether the briefing was made."""
        return self.error is None


def find_sources(dir_or_glob: str) -> list[Path]:
    """Return the source files of a folder (by ``SOURCE_SUFFIXES``) or of a glob, sorted.

    Hidden files are skipped. Raises ``InputError`` when nothing matches.
    """
    path = Path(dir_or_glob)
    if path.is_dir():
        found = [
            p
            for p in path.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SOURCE_SUFFIXES
        ]
        where = f"{dir_or_glob}: no source files ({', '.join(sorted(SOURCE_SUFFIXES))}) in folder"
    elif glob.has_magic(dir_or_glob):
        found = [Path(p) for p in glob.glob(dir_or_glob, recursive=True)]
        found = [p for p in found if p.is_file() and not p.name.startswith(".")]
        where = f"{dir_or_glob}: no file matches"
    elif path.is_file():
        found = [path]
        where = ""
    else:
        raise InputError(f"{dir_or_glob}: no such folder or file")
    if not found:
        raise InputError(where)
    return sorted(found)


def _init_worker(level: int) -> None:
    """Load the spaCy model once in this worker process, and log at the parent's level."""
    from .nlp import load_nlp

    logging.basicConfig(level=level, format="briefgen: %(message)s")
    load_nlp()


def make_one(
    source: str,
    options: Mapping[str, Any],
    make: Maker | None = None,
    *,
    time_limit: float = 0.0,
    spent: float = 0.0,
    document: Document | None = None,
) -> Outcome:
    """Return the Outcome of making the briefing of ``source`` with ``make`` (``api.generate``)
    within ``time_limit`` seconds of wall time (0: no limit), ``spent`` of them already used;
    ``document`` is ``source`` already read, if it was.

    Never raises for a bad source: briefgen's errors become ``error`` (a source past the time
    limit is named in it, and wrote nothing); any other exception is a bug, kept with its
    traceback in ``bug``.
    """
    from .api import generate

    try:
        with limits.time_limit(_left(time_limit, spent)):
            paths = (make or generate)(source if document is None else document, **options)
    except TimeLimitError:
        return _timed_out(source, time_limit)
    except BriefgenError as exc:
        return Outcome(source, error=" ".join(str(exc).split()))
    except Exception as exc:  # a bug, but one source must not stop the batch: report it in full
        return Outcome(
            source, error=f"internal error: {type(exc).__name__}: {exc}", bug=traceback.format_exc()
        )
    return Outcome(source, paths=tuple(str(p) for p in paths))


def _timed_out(source: str, limit: float) -> Outcome:
    error = (
        f"{source}: gave up after {limit:g} s, the time limit for each source (raise it with "
        "--time-limit or BRIEFGEN_TIME_LIMIT); nothing was written for it"
    )
    return Outcome(source, error=error, timed_out=True)


def _left(limit: float, used: float) -> float:
    """Return what is left of ``limit`` seconds after ``used`` (0 stays "no limit"; a spent
    budget leaves a moment, never 0)."""
    return 0.0 if limit <= 0 else max(limit - used, 1e-3)


def make_chunk(
    sources: Sequence[str],
    options: Mapping[str, Any],
    make: Maker | None = None,
    *,
    time_limit: float = 0.0,
) -> list[Outcome]:
    """Return the Outcome of each of ``sources``, made one after the other by ``make_one``, each
    within ``time_limit`` seconds (0: no limit).

    With the real maker (``make`` None) the sources are first read, each within its limit (the
    time counts against it), and their texts parsed together (``briefgen.nlp.prepared``: spaCy
    batches them, the parses are the same) within one source's limit; past it, each text is
    parsed with its own briefing. Texts over ``limits.MAX_ANALYSED_CHARS`` are left out of the
    shared parse: they are sampled before analysis, so a parse of the whole would be wasted.
    """
    if make is not None or len(sources) < 2:
        return [make_one(s, options, make, time_limit=time_limit) for s in sources]
    from .ingest import read_source
    from .nlp import prepared

    docs: dict[int, Document] = {}
    used: dict[int, float] = {}
    failed: dict[int, Outcome] = {}
    for i, source in enumerate(sources):
        start = time.monotonic()
        try:
            with limits.time_limit(time_limit):
                docs[i] = read_source(source)
        except TimeLimitError:  # reading it again would only take as long again
            failed[i] = _timed_out(source, time_limit)
        except Exception:  # make_one meets the same error reading it again, and reports it
            pass
        used[i] = time.monotonic() - start
    texts = [d.text for d in docs.values() if len(d.text) <= limits.MAX_ANALYSED_CHARS]
    with contextlib.ExitStack() as stack:
        try:
            with limits.time_limit(time_limit):
                stack.enter_context(prepared(texts))
        except TimeLimitError:
            log.info("parsing %d texts together took too long: each parsed alone", len(texts))
            stack.enter_context(prepared(()))  # clears what was parsed when the chunk is done
        return [
            failed.get(i)
            or make_one(source, options, time_limit=time_limit, spent=used[i], document=docs.get(i))
            for i, source in enumerate(sources)
        ]


def chunks(names: Sequence[str], jobs: int) -> list[list[str]]:
    """Return ``names`` cut into consecutive chunks: about four per worker, 1 to 16 sources each
    (a chunk is parsed in one go; small chunks keep the workers evenly busy)."""
    size = max(1, min(16, len(names) // (4 * jobs)))
    return [list(names[i : i + size]) for i in range(0, len(names), size)]


def run_batch(
    sources: Iterable[str | os.PathLike[str]],
    options: Mapping[str, Any],
    *,
    jobs: int | None = None,
    make: Maker | None = None,
    on_done: Callable[[Outcome], None] | None = None,
    initializer: Callable[[int], None] | None = None,
    time_limit: float = 0.0,
) -> list[Outcome]:
    """Return the Outcome of each source, made with ``options`` (keywords of ``api.generate``).

    Each source may take ``time_limit`` seconds of wall time (0: no limit); past it, it fails
    with one line and writes nothing, and the batch goes on. ``jobs`` worker processes (default:
    the number of CPUs, at most one per source) each run ``initializer(log_level)`` once (None:
    load the spaCy model); ``jobs=1`` works in this process. ``on_done`` is called as each source
    finishes. Outcomes come back in the order of ``sources``.
    """
    initializer = initializer or _init_worker
    names = [os.fspath(s) for s in sources]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(names) or 1))
    level = logging.getLogger("briefgen").getEffectiveLevel()
    done: dict[int, Outcome] = {}
    owner: dict[str, str] = {}

    def finish(i: int, outcome: Outcome) -> None:
        outcome = _flag_same_files(outcome, owner)
        done[i] = outcome
        if on_done is not None:
            on_done(outcome)

    parts = chunks(names, jobs)
    if jobs == 1:
        initializer(level)
        i = 0
        for part in parts:
            for outcome in make_chunk(part, options, make, time_limit=time_limit):
                finish(i, outcome)
                i += 1
        return [done[i] for i in range(len(names))]
    with ProcessPoolExecutor(jobs, initializer=initializer, initargs=(level,)) as pool:
        starts, first = {}, 0
        for part in parts:
            future = pool.submit(make_chunk, part, options, make, time_limit=time_limit)
            starts[future] = (first, part)
            first += len(part)
        try:
            for future in as_completed(starts):
                first, part = starts[future]
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    died = "worker process died (out of memory?)"
                    outcomes = [Outcome(name, error=died) for name in part]
                for i, outcome in enumerate(outcomes, start=first):
                    finish(i, outcome)
        except KeyboardInterrupt:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [done[i] for i in range(len(names))]


def _flag_same_files(outcome: Outcome, owner: dict[str, str]) -> Outcome:
    """Return ``outcome``, failed if it wrote a file that an earlier finished source wrote.

    Two sources with the same date and name make the same file names; with ``overwrite`` the later
    one replaces the earlier's files, which must not pass in silence. ``owner`` maps each path
    written so far to its source and is updated.
    """
    clash = [p for p in outcome.paths if p in owner]
    if clash:
        outcome = Outcome(
            outcome.source,
            outcome.paths,
            error=f"{outcome.source}: replaced {clash[0]}, made from {owner[clash[0]]} "
            "(same date and name); rename one of them",
        )
    owner.update(dict.fromkeys(outcome.paths, outcome.source))
    return outcome


def summary(outcomes: Iterable[Outcome]) -> str:
    """Return the final line of a batch: "N made, M failed", and how many of those failed went
    past the time limit ("N made, M failed (K over the time limit)")."""
    results = list(outcomes)
    failed = sum(not o.ok for o in results)
    line = f"{len(results) - failed} made, {failed} failed"
    late = sum(o.timed_out for o in results)
    return f"{line} ({late} over the time limit)" if late else line
