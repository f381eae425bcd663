"""Benchmark what the page shows: figure labels, figure and quote choice, who's who, title.

    python benchmarks/bench_page.py [--bench /work/shared/bench] [--show N]

Over the articles of ``extraction-dev.jsonl`` (gold figures with what they count and importance
1-3, gold quotes with speakers), runs briefgen's analysis and ``summarise`` (the source's headline
withheld, so the title is cut from the lead as for a headline-less text) and reports:

- counts labels: for the analysis' figures matched to a gold figure (the bench scorer's matching:
  number tokens + longest common substring), token F1 of our ``counts`` against the gold
  ``counts`` (lower case, content words, plural "s" dropped; an empty label scores 0, and
  ``label_f1_nonempty`` averages over non-empty labels only), and the shares of labels that are
  empty or only repeat the figure's own words;
- figure ranking: of the Brief's top-2 and top-4 figures (what the figures box shows), the share
  whose matched gold figure has importance 3 (an unmatched figure counts as not), and the recall
  of the (deduplicated) importance-3 gold figures within the top-4;
- quotes box: of the Brief's top-3 quotes, the share with a speaker, the share matched to a gold
  quote whose speaker is right, and their mean length in words;
- who's who: of the Brief's first 5 people, the share of persons and of entries with a role, and
  the share of the top-3 quotes' speakers that the first 5 list (so a reader can look them up);
- title: the share of Briefs whose title reads as the bottom line's first sentence again;
- figures box as shown: the share of the top-4 figures whose big number reads mangled on the
  page (``box_mangled``: "20 -two Maori", "1 -1", "2 nd", a year as the big number), by
  ``figure_boxes.mangled``.

Prints a table and one ``SUMMARY`` line. ``--show N`` prints the figure boxes of N articles.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dev_analyses import load_records as _load  # noqa: E402
from figure_boxes import mangled  # noqa: E402

from briefgen.analysis import analyse_documents  # noqa: E402
from briefgen.ingest.text import split_blocks  # noqa: E402
from briefgen.layout.text import big_number  # noqa: E402
from briefgen.model import Analysis, Brief, Document, Figure  # noqa: E402
from briefgen.summarise import summarise  # noqa: E402

STOP = frozenset(
    "a an the of in on at to by for from with as and or is are was were be been its it his her "
    "their that this which who s".split()
)



def _scorer(bench: Path) -> ModuleType:
    """Return the bench's ``score_extraction`` module (its matching rules are the reference)."""
    spec = importlib.util.spec_from_file_location("score_extraction",
                                                  bench / "score_extraction.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def tokens(text: str | None) -> list[str]:
    """Return the content tokens of a label: lower case, stop words out, plural "s" dropped."""
    out = []
    for w in re.findall(r"[a-z0-9]+", (text or "").lower()):
        if w in STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


def token_f1(pred: str | None, gold: str | None) -> float:
    """Return the token F1 of two labels (bags of content tokens)."""
    p, g = tokens(pred), tokens(gold)
    if not p or not g:
        return 0.0
    common = 0
    rest = list(g)
    for t in p:
        if t in rest:
            rest.remove(t)
            common += 1
    if not common:
        return 0.0
    prec, rec = common / len(p), common / len(g)
    return 2 * prec * rec / (prec + rec)


def match_figures(sc: ModuleType, gold: list[dict], figures: list[Figure]) -> dict[int, int]:
    """Return {index in ``figures``: index in ``gold``} by the bench scorer's figure matching."""
    gn = [sc.norm_text(g["text"]) for g in gold]
    gtok = [sc.gold_number_tokens(g["text"]) for g in gold]
    pairs = []
    for j, f in enumerate(figures):
        b = sc.norm_text(f.text)
        ptok = sc.number_tokens(f.text)
        for i, a in enumerate(gn):
            if not gtok[i] <= ptok:
                continue
            s, tie = sc.overlap_scores(a, b)
            if s >= 0.5:
                pairs.append((s, tie, i, j))
    return {j: i for i, j in sc.greedy_match(pairs).items()}


def match_quotes(sc: ModuleType, gold: list[dict], texts: list[str]) -> dict[int, int]:
    """Return {index in ``texts``: index in ``gold``} by the bench scorer's quote matching."""
    gn = [sc.norm_text(g["text"]) for g in gold]
    pairs = []
    for j, t in enumerate(texts):
        b = sc.norm_text(t)
        for i, a in enumerate(gn):
            s, tie = sc.overlap_scores(a, b)
            if s >= 0.5:
                pairs.append((s, tie, i, j))
    return {j: i for i, j in sc.greedy_match(pairs).items()}


def _own_words_only(f: Figure) -> bool:
    label = set(tokens(f.counts))
    return bool(label) and label <= set(tokens(f.text))


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def duplicate_title(brief: Brief) -> bool:
    """Return True when the title is the bottom line's first sentence again (or vice versa)."""
    if not brief.bottom_line:
        return False
    title = _norm(brief.title)
    first = _norm(_first_sentence(brief.bottom_line[0].text))
    return bool(title) and title == first


def measure(sc: ModuleType, rec: dict, analysis: Analysis, brief: Brief, acc: dict) -> None:
    """Add one article's counts to ``acc``."""
    gold_figs = sc.dedupe_figures([dict(g) for g in rec["figures"]])
    figs = list(analysis.figures)
    for j, i in match_figures(sc, gold_figs, figs).items():
        f = figs[j]
        acc["labels"] += 1
        acc["label_f1"] += token_f1(f.counts, gold_figs[i]["counts"])
        acc["label_nonempty"] += int(bool(tokens(f.counts)))
        acc["label_empty"] += int(not tokens(f.counts))
        acc["label_own"] += int(_own_words_only(f))
    top = list(brief.figures[:4])
    m = match_figures(sc, gold_figs, top)
    imp = [gold_figs[m[j]]["importance"] if j in m else 0 for j in range(len(top))]
    acc["top2"] += min(2, len(top))
    acc["top2_imp3"] += sum(1 for v in imp[:2] if v == 3)
    acc["top4"] += len(top)
    acc["top4_imp3"] += sum(1 for v in imp if v == 3)
    acc["imp3_gold"] += sum(1 for g in gold_figs if g["importance"] == 3)
    acc["imp3_top4"] += sum(1 for j in m if gold_figs[m[j]]["importance"] == 3)
    acc["imp_low_top2"] += sum(1 for v in imp[:2] if v in (0, 1))
    acc["box_mangled"] += sum(1 for f in top if mangled(*_parts(f)))
    quotes = list(brief.quotes[:3])
    acc["quotes"] += len(quotes)
    acc["quote_speaker"] += sum(1 for q in quotes if q.speaker)
    acc["quote_words"] += sum(len(q.text.split()) for q in quotes)
    acc["quote_whole"] += sum(1 for q in quotes if q.text.lstrip("\"'“‘…. ")[:1].isupper())
    mq = match_quotes(sc, rec["quotes"], [q.text for q in quotes])
    acc["quote_right"] += sum(1 for j, i in mq.items()
                              if rec["quotes"][i].get("speaker")
                              and sc.speaker_correct(quotes[j].speaker, rec["quotes"][i]))
    people = list(brief.people[:5])
    listed = {e.name for e in people}
    speakers = {q.speaker for q in quotes if q.speaker}
    acc["speakers"] += len(speakers)
    acc["speakers_listed"] += sum(1 for s in speakers if s in listed)
    acc["people"] += len(people)
    acc["people_person"] += sum(1 for e in people if e.kind == "person")
    acc["people_role"] += sum(1 for e in people if e.role)
    acc["briefs"] += 1
    acc["title_dup"] += int(duplicate_title(brief))


def _parts(figure: Figure) -> tuple[str, str, str]:
    bn = big_number(figure)
    return bn.qualifier, bn.big, bn.rest


def _share(a: float, b: float) -> float:
    return a / b if b else 0.0


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=None, help="folder with extraction-dev.jsonl")
    ap.add_argument("--show", type=int, default=0, help="print the figure boxes of N articles")
    a = ap.parse_args(argv)
    if a.bench is None:
        candidates = [ROOT.parent / "shared" / "bench", ROOT.parent.parent / "shared" / "bench",
                      Path("/work/shared/bench")]
        a.bench = next((c for c in candidates if (c / "extraction-dev.jsonl").is_file()),
                       candidates[-1])
    bench = a.bench.resolve()
    if not (bench / "score_extraction.py").is_file():
        ap.error(f"no benchmark folder at {bench} (give it with --bench)")
    sc = _scorer(bench)
    records = _load(bench / "extraction-dev.jsonl")
    texts = {r["id"]: r["text"] for r in _load(bench / "dev.jsonl")}
    acc: dict[str, float] = dict.fromkeys(
        "labels label_f1 label_nonempty label_empty label_own top2 top2_imp3 top4 top4_imp3 "
        "imp3_gold imp3_top4 "
        "imp_low_top2 box_mangled quotes quote_speaker quote_whole quote_words quote_right people "
        "people_person people_role speakers speakers_listed briefs title_dup".split(), 0.0)
    for n, rec in enumerate(records):
        text = rec.get("text") or texts[rec["id"]]
        for g in rec["figures"] + rec["quotes"]:
            g.setdefault("text", text[g["start"]:g["end"]])
        analysis = analyse_documents([Document(text=text, blocks=split_blocks(text))])
        brief = summarise(analysis)
        measure(sc, rec, analysis, brief, acc)
        if n < a.show:
            print(f"-- {rec['id']}\n   title: {brief.title}")
            for f in brief.figures[:4]:
                print(f"   {f.text!r:40} {f.counts!r}")
            for e in brief.people[:5]:
                print(f"   who: {e.name} — {e.role} ({e.kind})")
    r = {
        "label_f1": _share(acc["label_f1"], acc["labels"]),
        "label_f1_nonempty": _share(acc["label_f1"], acc["label_nonempty"]),
        "label_empty": _share(acc["label_empty"], acc["labels"]),
        "label_own_words": _share(acc["label_own"], acc["labels"]),
        "top2_imp3": _share(acc["top2_imp3"], acc["top2"]),
        "top2_imp_le1": _share(acc["imp_low_top2"], acc["top2"]),
        "top4_imp3": _share(acc["top4_imp3"], acc["top4"]),
        "imp3_recall_top4": _share(acc["imp3_top4"], acc["imp3_gold"]),
        "box_mangled": _share(acc["box_mangled"], acc["top4"]),
        "quote_speaker": _share(acc["quote_speaker"], acc["quotes"]),
        "quote_speaker_right": _share(acc["quote_right"], acc["quotes"]),
        "quote_whole": _share(acc["quote_whole"], acc["quotes"]),
        "quote_words": _share(acc["quote_words"], acc["quotes"]),
        "people_person": _share(acc["people_person"], acc["people"]),
        "people_role": _share(acc["people_role"], acc["people"]),
        "speakers_listed": _share(acc["speakers_listed"], acc["speakers"]),
        "title_dup": _share(acc["title_dup"], acc["briefs"]),
    }
    print(f"articles: {int(acc['briefs'])}; matched figures with labels: {int(acc['labels'])}; "
          f"top-4 figures: {int(acc['top4'])}; importance-3 gold: {int(acc['imp3_gold'])}; "
          f"top-3 quotes: {int(acc['quotes'])}; people shown: {int(acc['people'])}")
    for k, v in r.items():
        print(f"  {k:<22}{v:8.3f}")
    print("SUMMARY " + " ".join(f"{k}={v:.3f}" for k, v in r.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
