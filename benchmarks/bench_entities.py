"""Compare the who's who two versions of briefgen give the same articles, and count its faults.

    python benchmarks/bench_entities.py dump OUT.jsonl [--texts ../shared/bench/dev.jsonl]
    python benchmarks/bench_entities.py diff BEFORE.jsonl AFTER.jsonl [--sample 30] [--seed 0]
        [--exclude ../shared/bench/extraction-dev.jsonl]

``dump`` analyses and summarises every article of ``--texts`` (JSONL with ``id`` and ``text``)
with the briefgen of this checkout and writes one line per article: every entity (name, kind,
role) and the Brief's who's who (its first 5). Run it from two checkouts (copy this script into the
older one) and ``diff`` the dumps: the who's who lines that changed, per article, so that a reader
can judge each change against the text; ``--sample N`` prints N random articles with a change.
Both commands print counts of suspicious entries (no labels needed, so they are signs, not scores):
a person named by a single all-capitals word, a person or org whose name starts with a dateline
glued on ("CNN)"), a role that is only a title word, a quote speaker that is an organisation.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dev_analyses import dump_diff_main, load_dumps  # noqa: E402
from dev_analyses import load_records as _load  # noqa: E402


def dump(texts: Path, out: Path) -> int:
    """Write the entities and who's who of every article of ``texts`` to ``out``; return 0."""
    from briefgen.analysis import analyse_documents
    from briefgen.ingest.text import split_blocks
    from briefgen.model import Document
    from briefgen.summarise import summarise

    with out.open("w", encoding="utf-8") as f:
        for rec in _load(texts):
            text = rec["text"]
            analysis = analyse_documents([Document(text=text, blocks=split_blocks(text))])
            brief = summarise(analysis)
            ents = [[e.name, e.kind, e.role] for e in analysis.entities]
            who = [[e.name, e.kind, e.role] for e in brief.people[:5]]
            speakers = sorted({q.speaker for q in analysis.quotes if q.speaker})
            f.write(json.dumps({"id": rec["id"], "entities": ents, "who": who,
                                "speakers": speakers}) + "\n")
    return 0


def line(e: list) -> str:
    """Return one who's who entry as "name — role (kind)"."""
    return f"{e[0]} — {e[2]} ({e[1]})"


def signs(recs: list[dict]) -> dict[str, int]:
    """Return counts of suspicious who's who entries and speakers over ``recs``."""
    out = dict.fromkeys(("who", "who_person", "who_role", "caps_person", "dateline",
                         "bare_title_role", "org_speaker"), 0)
    for r in recs:
        kinds = {e[0]: e[1] for e in r["entities"]}
        for name, kind, role in r["who"]:
            out["who"] += 1
            out["who_person"] += kind == "person"
            out["who_role"] += role is not None
            out["caps_person"] += kind == "person" and bool(re.fullmatch(r"[A-Z]{2,}", name))
            out["dateline"] += bool(re.match(r"[A-Z]+\)", name))
            out["bare_title_role"] += bool(role) and len(role.split()) == 1 and role[:1].isupper()
        out["org_speaker"] += sum(1 for s in r.get("speakers", []) if kinds.get(s) == "org")
    return out


def diff(before: Path, after: Path, texts: Path, sample: int | None, seed: int,
         exclude: Path | None) -> int:
    """Print the who's who that changed between two dumps; return 0."""
    a, b = load_dumps(before, after, exclude)
    old = {r["id"]: r for r in a}
    changed = [(old[r["id"]], r) for r in b if r["id"] in old and old[r["id"]]["who"] != r["who"]]
    ent_changed = sum(1 for r in b if r["id"] in old and old[r["id"]]["entities"] != r["entities"])
    print(f"articles {len(b)}, who's who changed in {len(changed)}, entities changed in "
          f"{ent_changed}")
    for name, recs in (("before", a), ("after", b)):
        print(f"  {name:7}" + " ".join(f"{k}={v}" for k, v in signs(recs).items()))
    shown = changed if sample is None else random.Random(seed).sample(changed, min(sample,
                                                                                len(changed)))
    text_of = {r["id"]: r["text"] for r in _load(texts)}
    for n, (x, y) in enumerate(shown, 1):
        print(f"\n[{n}] {y['id']}: {text_of.get(y['id'], '')[:100]!r}")
        old_lines, new_lines = [line(e) for e in x["who"]], [line(e) for e in y["who"]]
        for s in old_lines:
            print(("   - " if s not in new_lines else "     ") + s)
        for s in new_lines:
            if s not in old_lines:
                print("   + " + s)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run ``dump`` or ``diff``; return the exit code."""
    return dump_diff_main(__doc__, dump, diff, argv)


if __name__ == "__main__":
    sys.exit(main())
