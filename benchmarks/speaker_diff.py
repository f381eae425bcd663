"""Compare the speakers two versions of briefgen give the same quotes, on articles without labels.

    python benchmarks/speaker_diff.py dump OUT.jsonl [--texts ../shared/bench/dev.jsonl]
    python benchmarks/speaker_diff.py diff BEFORE.jsonl AFTER.jsonl [--texts ...] [--sample 30]
        [--exclude ../shared/bench/extraction-dev.jsonl]

``dump`` analyses every article of ``--texts`` (JSONL with ``id`` and ``text``) with the briefgen of
this checkout and writes one line per article: its quotes with offsets and speakers. Run it from
two checkouts (copy this script into the older one) and ``diff`` the dumps: every quote (matched by
its start offset) whose speaker changed is printed with the 300 characters before it and 120 after,
so that a reader can judge which speaker the text supports. ``--sample N`` prints a random sample
of N changes (``--seed``) after the counts; without it all changes are printed.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dev_analyses import dump_diff_main, load_dumps  # noqa: E402
from dev_analyses import load_records as _load  # noqa: E402


def dump(texts: Path, out: Path) -> int:
    """Write the quotes and speakers of every article of ``texts`` to ``out``; return 0."""
    from briefgen.analysis import analyse_documents
    from briefgen.ingest.text import split_blocks
    from briefgen.model import Document

    with out.open("w", encoding="utf-8") as f:
        for rec in _load(texts):
            text = rec["text"]
            analysis = analyse_documents([Document(text=text, blocks=split_blocks(text))])
            quotes = [{"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker}
                      for q in analysis.quotes]
            f.write(json.dumps({"id": rec["id"], "quotes": quotes}) + "\n")
    return 0


def changes(before: list[dict], after: list[dict]) -> list[tuple[str, dict, str | None]]:
    """Return (id, quote after, speaker before) for every quote whose speaker changed."""
    old = {r["id"]: {q["start"]: q for q in r["quotes"]} for r in before}
    out = []
    for rec in after:
        for q in rec["quotes"]:
            prev = old.get(rec["id"], {}).get(q["start"])
            if prev is not None and prev["speaker"] != q["speaker"]:
                out.append((rec["id"], q, prev["speaker"]))
    return out


def diff(
    before: Path, after: Path, texts: Path, sample: int | None, seed: int,
    exclude: Path | None = None,
) -> int:
    """Print the speakers that changed between two dumps (leaving out the articles of
    ``exclude``, e.g. the labelled ones); return 0."""
    a, b = load_dumps(before, after, exclude)
    text_of = {r["id"]: r["text"] for r in _load(texts)}
    found = changes(a, b)
    n_quotes = sum(len(r["quotes"]) for r in b)
    kinds = {"null -> name": 0, "name -> null": 0, "name -> other name": 0}
    for _, q, prev in found:
        kind = ("null -> name" if prev is None else
                "name -> null" if q["speaker"] is None else "name -> other name")
        kinds[kind] += 1
    print(f"articles {len(b)}, quotes {n_quotes}, speakers changed {len(found)}: "
          + ", ".join(f"{k} {v}" for k, v in kinds.items()))
    shown = found if sample is None else random.Random(seed).sample(found, min(sample, len(found)))
    for n, (rid, q, prev) in enumerate(shown, 1):
        text = text_of.get(rid, "")
        before_ctx = text[max(0, q["start"] - 300):q["start"]].replace("\n", " ¶ ")
        after_ctx = text[q["end"]:q["end"] + 120].replace("\n", " ¶ ")
        print(f"\n[{n}] {rid}: {prev!r} -> {q['speaker']!r}")
        print(f"    …{before_ctx}[[{q['text'][:160]}]]{after_ctx}…")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run ``dump`` or ``diff``; return the exit code."""
    return dump_diff_main(__doc__, dump, diff, argv)


if __name__ == "__main__":
    sys.exit(main())
