"""Dump the figure boxes of bench stories, to judge a change to the figures by eye.

    python benchmarks/figure_boxes.py [--bench DIR] [--all] > boxes.jsonl

For every ``dev.jsonl`` story without gold labels (``--all``: every story), runs briefgen's
analysis and ``summarise`` and writes one JSON line: the story's id and the box's top-4 figures,
each as the page shows it (qualifier, big number, rest) with its ``counts`` label, value, unit and
source sentence. Compare two dumps with ``--diff OLD NEW``: it prints the stories whose boxes
differ, side by side.

A last ``SUMMARY`` line (on stderr, so that the JSONL stays clean) counts the shown figures that
read mangled on the page (``mangled``): the rest after the big number starts with a hyphen or
dash ("20 -two Maori", "1 -1", "50 -minute trek"), with an ordinal ending ("2 nd") or with
digits (the other end of a range: "8 10lbs"), or the big number is a year ("1967 tourists").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dev_analyses import bench_dir, document_of, load_records  # noqa: E402

from briefgen.analysis import analyse_documents  # noqa: E402
from briefgen.layout.text import big_number  # noqa: E402
from briefgen.summarise import summarise  # noqa: E402


def mangled(qualifier: str, big: str, rest: str) -> bool:
    """Return True when a big number reads mangled: a rest that starts with a hyphen, a dash,
    an ordinal ending or digits, or a year as the big number."""
    return bool(re.match(r"[-–]|(?:st|nd|rd|th)\b|\d", rest) or
                re.fullmatch(r"(?:1[7-9]|20)\d\d", big))


def boxes(bench: Path, everything: bool) -> None:
    """Print one JSON line per story with its figure box."""
    shown = bad = 0
    labelled = {r["id"] for r in load_records(bench / "extraction-dev.jsonl")}
    for rec in load_records(bench / "dev.jsonl"):
        if rec["id"] in labelled and not everything:
            continue
        analysis = analyse_documents([document_of(rec)])
        brief = summarise(analysis)
        sents = {s.index: s.text for s in analysis.sentences}
        box = []
        for f in brief.figures[:4]:
            bn = big_number(f)
            shown += 1
            bad += mangled(bn.qualifier, bn.big, bn.rest)
            box.append({"box": f"{bn.qualifier} [{bn.big}] {bn.rest}".strip(),
                        "counts": f.counts, "value": f.value, "unit": f.unit, "text": f.text,
                        "sentence": sents.get(f.sentence_index, "")})
        print(json.dumps({"id": rec["id"], "figures": box}, ensure_ascii=False), flush=True)
    print(f"SUMMARY shown={shown} mangled={bad}", file=sys.stderr)


def diff(old: Path, new: Path) -> None:
    """Print the stories whose figure boxes differ between two dumps."""
    before = {r["id"]: r["figures"] for r in load_records(old)}
    changed = 0
    for rec in load_records(new):
        a, b = before.get(rec["id"], []), rec["figures"]
        if [(f["box"], f["counts"]) for f in a] == [(f["box"], f["counts"]) for f in b]:
            continue
        changed += 1
        print(f"== {rec['id']}")
        for f in a:
            print(f"  - {f['box']:<30} | {f['counts']}")
        for f in b:
            print(f"  + {f['box']:<30} | {f['counts']}")
        for f in b:
            if (f["box"], f["counts"]) not in {(g["box"], g["counts"]) for g in a}:
                print(f"    ~ {f['sentence'][:160]}")
    print(f"changed stories: {changed}")


def main(argv: list[str] | None = None) -> int:
    """Run the dump or the diff; return the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=None)
    ap.add_argument("--all", action="store_true", help="also the stories with gold labels")
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("OLD", "NEW"))
    a = ap.parse_args(argv)
    if a.diff:
        diff(*a.diff)
    else:
        boxes(bench_dir(a.bench), a.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
