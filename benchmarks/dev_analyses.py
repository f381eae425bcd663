"""Analyses of the bench records, computed once with briefgen's own analysis stage and cached.

Used by ``bench_summaries.py`` and ``train_keypoints.py`` so that training and scoring read the
same Analysis objects that ``briefgen.analyse`` builds at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefgen.analysis import analyse_documents  # noqa: E402
from briefgen.ingest.text import split_blocks  # noqa: E402
from briefgen.model import Analysis, Document  # noqa: E402

DEFAULT_BENCH = Path("../shared/bench")


def bench_dir(path: Path | None) -> Path:
    """Return the bench folder: ``path``, else ``../shared/bench`` from the current folder or from
    the checkout's parent folders."""
    if path is not None:
        return path
    for candidate in (DEFAULT_BENCH, ROOT.parent / "shared" / "bench",
                      ROOT.parent.parent / "shared" / "bench"):
        if (candidate / "dev.jsonl").exists():
            return candidate
    return DEFAULT_BENCH
CACHE = Path(__file__).resolve().parent / ".cache"


def load_records(path: Path) -> list[dict]:
    """Return the records of a bench JSONL file."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_dumps(before: Path, after: Path,
               exclude: Path | None) -> tuple[list[dict], list[dict]]:
    """Return the records of two dumps, leaving out the ids of ``exclude`` (e.g. the labelled
    articles) when given."""
    a, b = load_records(before), load_records(after)
    if exclude is not None:
        skip = {r["id"] for r in load_records(exclude)}
        a = [r for r in a if r["id"] not in skip]
        b = [r for r in b if r["id"] not in skip]
    return a, b


def dump_diff_main(doc: str, dump: Callable[[Path, Path], int],
                   diff: Callable[..., int], argv: list[str] | None = None) -> int:
    """Run the ``dump``/``diff`` command line of a before/after comparison script; return the
    exit code. ``diff`` takes (before, after, texts, sample, seed, exclude)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    default_texts = bench_dir(None) / "dev.jsonl"
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--texts", type=Path, default=default_texts)
    c = sub.add_parser("diff")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--texts", type=Path, default=default_texts)
    c.add_argument("--sample", type=int, default=None)
    c.add_argument("--seed", type=int, default=0)
    c.add_argument("--exclude", type=Path, help="JSONL whose ids to leave out (labelled articles)")
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        return dump(a.texts, a.out)
    return diff(a.before, a.after, a.texts, a.sample, a.seed, a.exclude)


def document_of(rec: dict) -> Document:
    """Return the Document a reader would make of a bench record (paragraphs as blocks)."""
    text = rec["text"].strip()
    return Document(text=text, blocks=split_blocks(text), title=rec.get("title") or None)


def _analyser_version() -> str:
    """Return a hash of the analysis stage's code: a changed analyser refreshes the cache."""
    digest = hashlib.sha1()
    for path in sorted((ROOT / "briefgen").glob("analysis/*.py")) + [ROOT / "briefgen" / "nlp.py"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def analyses(records: list[dict], *, cache: bool = True) -> list[Analysis]:
    """Return the Analysis of every record, reading and filling the on-disk cache."""
    out = []
    CACHE.mkdir(exist_ok=True)
    version = _analyser_version()
    for i, rec in enumerate(records):
        key = version + hashlib.sha1((rec["id"] + rec["text"]).encode()).hexdigest()[:16]
        path = CACHE / f"{key}.json"
        if cache and path.exists():
            out.append(Analysis.from_dict(json.loads(path.read_text(encoding="utf-8"))))
            continue
        analysis = analyse_documents([document_of(rec)])
        if cache:
            path.write_text(json.dumps(analysis.to_dict()), encoding="utf-8")
        out.append(analysis)
        if (i + 1) % 20 == 0:
            print(f"  analysed {i + 1}/{len(records)}", file=sys.stderr)
    return out


if __name__ == "__main__":
    bench = bench_dir(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    recs = load_records(bench / "dev.jsonl")
    analyses(recs)
    print(f"cached {len(recs)} analyses in {CACHE}")
