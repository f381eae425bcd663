"""Benchmark: the plain-text reader on 200 real news articles (``/work/shared/bench/dev.jsonl``).

Each article is written as a .txt file twice: with its headline as the first line (where the record
has one) and without. The reader's output is compared with the article:

- ``words``: recall of the article's word tokens in ``doc.text`` (what the reader lost; a stripped
  wire dateline such as "(CNN)" costs a word or two);
- ``paras``: share of the article's paragraphs (whitespace-normalised, the first one excepted as it
  may carry a dateline) that come back as exactly one block;
- ``title_ok``: headline files whose title is the headline; ``false_title``: files without a
  headline whose first paragraph was taken as a title;
- ``false_meta``: files where an author or date was read (these articles carry none);
- ``headings``: heading blocks found (news bodies have few; each is a guess to check);
- ``outlet``: files whose outlet came from a wire dateline.

Run from the repository root: ``python benchmarks/ingest_text.py [--data PATH]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefgen.errors import InputError  # noqa: E402
from briefgen.ingest.text import read_text  # noqa: E402

DATA = Path("/work/shared/bench/dev.jsonl")


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true", help="print each heading and false title")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
    stats: Counter[str] = Counter()
    recalls, para_shares = [], []
    for record in records:
        text, title = record["text"], (record.get("title") or "").strip()
        variants = [("plain", text)] + ([("headline", f"{title}\n\n{text}")] if title else [])
        for variant, content in variants:
            stats[f"files_{variant}"] += 1
            try:
                doc = read_text(content.encode("utf-8"), record["id"])
            except InputError as exc:
                stats["errors"] += 1
                print("ERROR", exc)
                continue
            truth = Counter(tokens(text))
            found = Counter(tokens(doc.text))
            recalls.append(sum((truth & found).values()) / max(1, sum(truth.values())))
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
            blocks = {b.text for b in doc.blocks}
            if len(paragraphs) > 1:
                para_shares.append(sum(p in blocks for p in paragraphs[1:]) / (len(paragraphs) - 1))
            if variant == "headline":
                stats["title_ok"] += doc.title == " ".join(title.split())
            elif doc.title is not None:
                stats["false_title"] += 1
                if args.show:
                    print("FALSE TITLE", record["id"], repr(doc.title))
            stats["false_meta"] += doc.author is not None or doc.date is not None
            stats["outlet"] += doc.outlet is not None
            for block in doc.blocks:
                if block.kind == "heading":
                    stats["headings"] += 1
                    if args.show:
                        print("HEADING", record["id"], repr(block.text))
    print(
        f"records={len(records)} files={stats['files_plain'] + stats['files_headline']} "
        f"errors={stats['errors']}"
    )
    print(
        f"SUMMARY words={sum(recalls) / len(recalls):.4f} "
        f"paras={sum(para_shares) / len(para_shares):.4f} "
        f"title_ok={stats['title_ok']}/{stats['files_headline']} "
        f"false_title={stats['false_title']}/{stats['files_plain']} "
        f"false_meta={stats['false_meta']} headings={stats['headings']} outlet={stats['outlet']}"
    )


if __name__ == "__main__":
    main()
