"""The ``briefgen`` command: a thin layer over ``briefgen.api``.

Exit codes: 0 success, 1 failure, 2 bad input or usage. Only briefgen's own errors are caught and
printed on one line; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from . import __version__
from .errors import BriefgenError

__all__ = ["main"]

EXAMPLES = {
    "make": """examples:
  briefgen make seeds/nato-foreign-ministers-2025-04-04.txt
  briefgen make report.pdf notes.md --layout executive --format pdf --out briefs/
  briefgen make story.txt --force            # replace an existing briefing""",
    "analyse": """examples:
  briefgen analyse seeds/nato-foreign-ministers-2025-04-04.txt --json
  briefgen analyse story.txt --points 5 --json""",
    "layouts": """examples:
  briefgen layouts
  briefgen layouts --layouts my-layouts/""",
}


def _formats(value: str) -> tuple[str, ...]:
    items = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    if not items:
        raise argparse.ArgumentTypeError("give at least one format, e.g. pdf,docx")
    return items


def _points(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {n}")
    return n


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Turn source documents into a one-page briefing (PDF and DOCX).",
        epilog="exit codes: 0 ok, 1 failure, 2 bad input or usage",
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    common.add_argument("-v", "--verbose", action="store_true", help="say what each stage did")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    raw = argparse.RawDescriptionHelpFormatter

    make = sub.add_parser(
        "make",
        parents=[common],
        help="make a briefing from one or more sources",
        epilog=EXAMPLES["make"],
        formatter_class=raw,
    )
    make.add_argument("sources", nargs="+", metavar="SOURCE", help="file, URL or - for stdin")
    make.add_argument("--layout", help="layout name or .toml file (see: briefgen layouts)")
    make.add_argument("--layouts", metavar="DIR", help="folder of user layouts")
    make.add_argument("--paper", choices=("a4", "letter"), help="override the layout's paper")
    make.add_argument(
        "--format",
        type=_formats,
        default=("pdf", "docx"),
        help="comma-separated output formats (default: pdf,docx)",
    )
    make.add_argument(
        "--out", default="output", metavar="DIR", help="output folder (default: output)"
    )
    make.add_argument("--marking", help='handling marking, e.g. "OFFICIAL"')
    make.add_argument("--points", type=_points, help="how many key points to offer the page")
    make.add_argument("--force", action="store_true", help="overwrite existing files")

    analyse = sub.add_parser(
        "analyse",
        parents=[common],
        help="print the analysis and ranked key points",
        epilog=EXAMPLES["analyse"],
        formatter_class=raw,
    )
    analyse.add_argument("source", metavar="SOURCE", help="file, URL or - for stdin")
    analyse.add_argument("--points", type=_points, help="how many key points (best first)")
    analyse.add_argument(
        "--json", action="store_true", help="print JSON (the default and only form)"
    )

    layouts = sub.add_parser(
        "layouts",
        parents=[common],
        help="list the layouts with their descriptions",
        epilog=EXAMPLES["layouts"],
        formatter_class=raw,
    )
    layouts.add_argument("--layouts", metavar="DIR", help="folder of user layouts")
    return parser


def _run(args: argparse.Namespace) -> int:
    from . import api

    if args.command == "make":
        paths = api.generate(
            args.sources if len(args.sources) > 1 else args.sources[0],
            out_dir=args.out,
            formats=args.format,
            layout=args.layout,
            overwrite=args.force,
            paper=args.paper,
            layouts_dir=args.layouts,
            marking=args.marking,
            points=args.points,
        )
        if not args.quiet:
            for path in paths:
                print(path)
    elif args.command == "analyse":
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
    level = logging.ERROR if args.quiet else logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="briefgen: %(message)s", stream=sys.stderr)
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
