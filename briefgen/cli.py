"""The ``briefgen`` command: a thin layer over ``briefgen.api``.

Exit codes: 0 success, 1 failure, 2 bad input or usage. Only briefgen's own errors are caught and
printed on one line; anything else is a bug and shows its traceback. Defaults for layout, paper,
marking and author come from ``briefgen.config`` (flag > environment > ./briefgen.toml > user
config).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import BriefgenError, InputError

__all__ = ["main"]

FORMATS_HELP = "pdf, docx, json (editable draft), md, html, eml (e-mail with PDF and DOCX)"

EXAMPLES = {
    "make": """examples:
  briefgen make seeds/nato-foreign-ministers-2025-04-04.txt
  briefgen make report.pdf notes.md --layout executive --format pdf --out briefs/
  briefgen make story.txt --format json            # a draft to edit, then: briefgen render
  briefgen make story.txt --format md,html,eml --to desk@example.org
  briefgen make story.txt --force                  # replace an existing briefing""",
    "render": """examples:
  briefgen make story.txt --format json && $EDITOR output/2025-04-04-story.json
  briefgen render output/2025-04-04-story.json --force
  briefgen render draft.json --layout executive --format pdf,eml --out briefs/""",
    "batch": """examples:
  briefgen batch articles/ --out briefs/
  briefgen batch 'inbox/*.html' --out briefs/ --jobs 2 --format pdf,md""",
    "analyse": """examples:
  briefgen analyse seeds/nato-foreign-ministers-2025-04-04.txt --json
  briefgen analyse story.txt --points 5 --json""",
    "layouts": """examples:
  briefgen layouts
  briefgen layouts --layouts my-layouts/""",
}

EPILOG = """exit codes: 0 ok, 1 failure, 2 bad input or usage

defaults for --layout, --paper, --marking and --author come from, in order: the environment
(BRIEFGEN_LAYOUT, BRIEFGEN_PAPER, BRIEFGEN_MARKING, BRIEFGEN_AUTHOR), ./briefgen.toml, then
briefgen.toml in the user's config folder, e.g.:
  layout = "executive"
  paper = "letter"
  marking = "OFFICIAL"
  author = "Europe desk\""""


def _formats(value: str) -> tuple[str, ...]:
    items = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    if not items:
        raise argparse.ArgumentTypeError("give at least one format, e.g. pdf,docx")
    return items


def _count(value: str, minimum: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < minimum:
        raise argparse.ArgumentTypeError(f"must be {minimum} or more: {n}")
    return n


def _points(value: str) -> int:
    return _count(value, 0)


def _jobs(value: str) -> int:
    return _count(value, 1)


def _output_options(p: argparse.ArgumentParser, *, delivery: bool = True) -> None:
    p.add_argument("--layout", help="layout name or .toml file (see: briefgen layouts)")
    p.add_argument("--layouts", metavar="DIR", help="folder of user layouts")
    p.add_argument(
        "--paper", type=str.lower, choices=("a4", "letter"), help="override the layout's paper"
    )
    p.add_argument(
        "--format",
        type=_formats,
        default=("pdf", "docx"),
        metavar="FORMATS",
        help=f"comma-separated output formats (default: pdf,docx): {FORMATS_HELP}",
    )
    p.add_argument("--out", default="output", metavar="DIR", help="output folder (default: output)")
    p.add_argument("--marking", help='handling marking, e.g. "OFFICIAL"')
    p.add_argument(
        "--author", help='who prepared the briefing: document author, footer "Prepared by ..."'
    )
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument(
        "--time-limit",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="give up after this much wall time, writing nothing; in batch, for each source "
        "(default: $BRIEFGEN_TIME_LIMIT or 300; 0 = none)",
    )
    if delivery:
        p.add_argument("--to", metavar="ADDRESSES", help="To: of the e-mail (--format eml)")
        p.add_argument(
            "--from", dest="sender", metavar="ADDRESS", help="From: of the e-mail (--format eml)"
        )


def _parser() -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Turn source documents into a one-page briefing (PDF and DOCX).",
        epilog=EPILOG,
        formatter_class=raw,
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    noise = common.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    noise.add_argument("-v", "--verbose", action="store_true", help="say what each stage did")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            parents=[common],
            help=help_text,
            description=help_text,
            epilog=f"{EXAMPLES[name]}\n\n{EPILOG}",
            formatter_class=raw,
        )

    make = command("make", "make a briefing from one or more sources")
    make.add_argument("sources", nargs="+", metavar="SOURCE", help="file, URL or - for stdin")
    _output_options(make)
    make.add_argument("--points", type=_points, help="how many key points to offer the page")

    render = command("render", "render an edited JSON draft (made with --format json)")
    render.add_argument("draft", metavar="DRAFT.json", help="the draft to render")
    _output_options(render)

    batch = command("batch", "make one briefing per source of a folder or glob, in parallel")
    batch.add_argument("sources", metavar="DIR_OR_GLOB", help="a folder, or a quoted glob")
    _output_options(batch)
    batch.add_argument("--points", type=_points, help="how many key points to offer the page")
    batch.add_argument("--jobs", type=_jobs, help="worker processes (default: number of CPUs)")

    analyse = command("analyse", "print the analysis and ranked key points")
    analyse.add_argument("source", metavar="SOURCE", help="file, URL or - for stdin")
    analyse.add_argument("--points", type=_points, help="how many key points (best first)")
    analyse.add_argument(
        "--json", action="store_true", help="print JSON (the default and only form)"
    )

    layouts = command("layouts", "list the layouts with their descriptions")
    layouts.add_argument("--layouts", metavar="DIR", help="folder of user layouts")
    return parser


def _print_paths(args: argparse.Namespace, paths: Sequence[object]) -> None:
    if not args.quiet:
        for path in paths:
            # a name with undecodable bytes (kept as surrogates) would crash a strict stdout
            print(os.fsencode(path).decode("utf-8", "replace"))  # type: ignore[arg-type]


def _run_make(args: argparse.Namespace) -> int:
    from . import api
    from .config import load_defaults

    for source in args.sources:
        if source != "-" and Path(source).is_dir():
            raise InputError(
                f"{source}: is a folder, not a file (name the files in it, or make one briefing"
                f" per file with: briefgen batch {source})"
            )
    d = load_defaults().override(
        layout=args.layout, paper=args.paper, marking=args.marking, author=args.author
    )
    paths = api.generate(
        args.sources if len(args.sources) > 1 else args.sources[0],
        out_dir=args.out,
        formats=args.format,
        layout=d.layout,
        overwrite=args.force,
        paper=d.paper,
        layouts_dir=args.layouts,
        marking=d.marking,
        points=args.points,
        author=d.author,
        to=args.to,
        sender=args.sender,
        overlap=args.one_off,
    )
    _print_paths(args, paths)
    return 0


def _run_render(args: argparse.Namespace) -> int:
    from pathlib import Path

    from . import api
    from .config import load_defaults

    d = load_defaults().override(layout=args.layout, paper=args.paper, author=args.author)
    draft = api.load_draft(args.draft)
    layout = args.layout or draft.layout or d.layout
    # the draft's own layout and paper come before configured defaults; flags before both
    paths = api.render_draft(
        draft,
        out_dir=args.out,
        formats=args.format,
        layout=layout,
        overwrite=args.force,
        paper=args.paper or (draft.paper if layout == draft.layout else None) or d.paper,
        layouts_dir=args.layouts,
        marking=args.marking,
        # the draft's own author comes before a configured default; the flag before both
        author=args.author or (None if draft.brief.author else d.author),
        to=args.to,
        sender=args.sender,
        stem=Path(args.draft).stem,
    )
    _print_paths(args, paths)
    return 0


def _run_batch(args: argparse.Namespace) -> int:
    from . import api
    from .batch import Outcome, find_sources, run_batch, summary
    from .config import load_defaults

    d = load_defaults().override(
        layout=args.layout, paper=args.paper, marking=args.marking, author=args.author
    )
    sources = find_sources(args.sources)
    formats = api.check_outputs(args.format, to=args.to, sender=args.sender)  # before any worker
    seconds = _time_limit(args)  # for each source on its own
    options = dict(
        out_dir=args.out,
        formats=formats,
        layout=d.layout,
        overwrite=args.force,
        paper=d.paper,
        layouts_dir=args.layouts,
        marking=d.marking,
        points=args.points,
        author=d.author,
        to=args.to,
        sender=args.sender,
    )

    def report(outcome: Outcome, say: Callable[[str], None] | None = None) -> None:
        def to_stderr(line: str) -> None:
            print(line, file=sys.stderr)

        say = say or to_stderr
        if outcome.ok:
            _print_paths(args, outcome.paths)
        else:
            say(f"briefgen: error: {outcome.error}")
            if outcome.bug:  # an unexpected exception: a bug, shown in full
                say(outcome.bug.rstrip("\n"))

    if not (sys.stderr.isatty() and not args.quiet):
        outcomes = run_batch(
            sources, options, jobs=args.jobs, on_done=report, time_limit=seconds
        )
    else:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        columns = (BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
        console = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)
        # errors go above the bar through its console; paths go to stdout (the bar redirects
        # stdout above itself when both share the terminal)
        bar = Progress(
            *columns,
            console=console,
            transient=True,
            redirect_stdout=sys.stdout.isatty(),
            redirect_stderr=False,
        )
        with bar as progress:
            task = progress.add_task("making briefings", total=len(sources))

            def step(outcome: Outcome) -> None:
                report(outcome, console.print)
                progress.update(task, advance=1)

            outcomes = run_batch(
                sources, options, jobs=args.jobs, on_done=step, time_limit=seconds
            )
    failed = any(not o.ok for o in outcomes)
    if failed or not args.quiet:
        print(f"briefgen: {summary(outcomes)}", file=sys.stderr)
    return 1 if failed else 0


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds: {value}")
    return seconds


def _time_limit(args: argparse.Namespace) -> float:
    """Return the wall-time budget: the flag, else BRIEFGEN_TIME_LIMIT, else the default."""
    from .errors import InputError
    from .limits import DEFAULT_TIME_LIMIT

    if args.time_limit is not None:
        return float(args.time_limit)
    env = os.environ.get("BRIEFGEN_TIME_LIMIT")
    if not env:
        return DEFAULT_TIME_LIMIT
    try:
        return _seconds(env)
    except argparse.ArgumentTypeError as exc:
        raise InputError(f"BRIEFGEN_TIME_LIMIT: {exc}") from None


def _run(args: argparse.Namespace) -> int:
    from . import api

    if args.command in ("make", "render"):
        from .limits import time_limit

        with time_limit(_time_limit(args)):
            return _run_make(args) if args.command == "make" else _run_render(args)
    if args.command == "batch":
        return _run_batch(args)
    if args.command == "analyse":
        result = api.analyse(args.source, points=args.points)
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif args.command == "layouts":
        from .layout import available_layouts

        for name, description in available_layouts(args.layouts).items():
            print(name)
            print(f"    {description}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    args = _parser().parse_args(argv)
    # a one-off process (the command itself, not a caller's main([...])) may fork to use both cores
    args.one_off = argv is None
    level = logging.ERROR if args.quiet else logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="briefgen: %(message)s", stream=sys.stderr)
    # pdfminer warns about every damaged object it skips; our reader reports what matters
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    logging.getLogger("briefgen").setLevel(level)
    try:
        return _run(args)
    except BriefgenError as exc:
        message = " ".join(str(exc).split())
        print(f"briefgen: error: {message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("briefgen: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
