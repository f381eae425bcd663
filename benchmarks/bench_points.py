"""Measure what a reader would wince at in the Briefs of the bench's dev stories.

    python benchmarks/bench_points.py [--bench DIR] [--show N]

For every dev story: ``summarise`` its Analysis (read through ``dev_analyses``, cached) and look at
the bottom line and the key points the Brief offers, and at the title when it was cut from the
lead (a story without a title). Counted, as shares of Briefs:

- furniture: a point holds a page's instruction to its reader ("Scroll down for video", "Watch
  the video", "Click here to ...") — a broader list than the one the library strips;
- run-on: a point holds a clause restart (``briefgen.summarise.runons.clause_restarts``: captions
  glued on with no full stop);
- long: a point longer than 50 words;
- contained: two items (bottom line or points) of which one's normalised words hold the other's;
- near-repeat: two items sharing a run of ``REPEAT_RUN`` words or more, neither holding the
  other ("Meanwhile others say they protect the skin from the inside." / "A rays and others say
  they protect the skin from the inside.");
- title: a title cut from the lead (a story without a title; not a whole sentence) ending on a
  function word (pronoun, conjunction, preposition, article...), of the Briefs with a cut title.

Counted as items over all Briefs (a broader net than the library's own rules):

- two sentences: a point holding a full stop after a lower-case word or an amount ("£1m.") and a
  capitalised word, outside quotation marks;
- list number: a point ending in a lone number of one or two digits ("... snacks 2."), not
  after a function word, a month or "number", "age" ("at 20", "April 6", "at the age of 48");
- no subject: a point opening on a verb in "-s" from a list of common ones ("Offers ...");
- caps label: a point opening on a label in capitals and a colon ("EXPERT VERDICT: ...");
- letter fragment: a point opening on "A"/"An" and a plural ("A rays as well as UVA and UVB.");
- speaker's words: a point whose sentence lies inside a quote the analysis found in another
  sentence ("We fully respect his decision." after "... said: "He has ...").

Prints two SUMMARY lines; ``--show N`` prints up to N offending items of each kind.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_analyses import analyses, bench_dir, load_records  # noqa: E402

from briefgen.summarise import summarise  # noqa: E402
from briefgen.summarise.runons import clause_restarts  # noqa: E402

FURNITURE = re.compile(
    r"\b(?:scroll (?:down|up)|watch the video|click (?:here|on)|tap here|swipe (?:left|right)"
    r"|video courtesy|read more:|see more:)",
    re.IGNORECASE,
)
LONG_WORDS = 50
REPEAT_RUN = 6
TWO_SENTENCES = re.compile(r"(?:\b[a-z]{3,}|\d[a-zA-Z]{0,3})\.\s+[A-Z][a-z]*\s+[a-z]")
# words a number closing a sentence follows in running text ("at the age of 48", "April 6")
NUMBER_BEFORE = frozenset(
    """number no lowly top age aged was were january february march april may june july august
    september october november december""".split()
)
LIST_NUMBER = re.compile(r"\s\d{1,2}\.$")
NO_SUBJECT = re.compile(
    r"^(?:Offers|Contains|Includes|Protects|Provides|Features|Promises|Boasts|Helps|Comes|Gives"
    r"|Is|Was|Has|Makes|Keeps|Allows|Requires|Claims)\s+(?!of\b|from\b|by\b|that\b|[a-z]+ed\b)"
)
CAPS_LABEL = re.compile(r"^[A-Z][A-Z'’&-]+(?:\s+[A-Z][A-Z'’&-]+)*:\s")
LETTER_FRAGMENT = re.compile(r"^An?\s+[a-z]+[^su\W]s\b")
ITEM_KINDS = {
    "two sentences": lambda t: bool(TWO_SENTENCES.search(re.sub(r"(?:^|\s)[\"“'‘].*", "", t))),
    "list number": lambda t: bool(LIST_NUMBER.search(t)) and t.split()[-2].lower().strip(
        ",") not in FUNCTION_WORDS | NUMBER_BEFORE,
    "no subject": lambda t: bool(NO_SUBJECT.match(t)),
    "caps label": lambda t: bool(CAPS_LABEL.match(t)),
    "letter fragment": lambda t: bool(LETTER_FRAGMENT.match(t)),
}
FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for from with into onto over under about after before between
    through during against without within across among upon via than like and or but nor so yet
    as that which who whom whose when while where because if although though since until unless
    whether he she it they we i you him her them us his its their our my your me this these
    those is are was were be been being has have had do does did will would can could should
    may might must shall not""".split()
)


def normalised(text: str) -> str:
    """Return ``text`` as its lower-case words joined by single spaces."""
    return " ".join(re.findall(r"\w+", text.lower()))


def contained_pairs(texts: list[str]) -> list[tuple[str, str]]:
    """Return the pairs (shorter, longer) of ``texts`` where one's words hold the other's."""
    norm = [f" {normalised(t)} " for t in texts]
    out = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            a, b = sorted((norm[i], norm[j]), key=len)
            if a.strip() and a in b:
                out.append((texts[i], texts[j]))
    return out


def shared_run(a: str, b: str) -> int:
    """Return the length in words of the longest run of words ``a`` and ``b`` share."""
    wa, wb = normalised(a).split(), normalised(b).split()
    best, prev = 0, [0] * (len(wb) + 1)
    for x in wa:
        cur = [0] * (len(wb) + 1)
        for j, y in enumerate(wb, 1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def near_repeats(texts: list[str]) -> list[tuple[str, str]]:
    """Return the pairs of ``texts`` sharing ``REPEAT_RUN`` words in a row, neither holding the
    other."""
    held = set(contained_pairs(texts))
    return [(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :]
            if (a, b) not in held and shared_run(a, b) >= REPEAT_RUN]


def in_other_quote(analysis, sent) -> bool:
    """Return True when sentence ``sent`` lies inside a quote found in another sentence."""
    return any(q.source == sent.source and q.sentence_index != sent.index
               and q.start <= sent.start and sent.end <= q.end + 2 for q in analysis.quotes)


def ends_on_function_word(title: str) -> bool:
    """Return True when ``title``'s last word is a function word."""
    words = re.findall(r"[\w'’]+", title.lower())
    return bool(words) and words[-1] in FUNCTION_WORDS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", type=Path, default=None)
    ap.add_argument("--show", type=int, default=0, help="print up to N offending items per kind")
    args = ap.parse_args()
    recs = load_records(bench_dir(args.bench) / "dev.jsonl")
    docs = analyses(recs)
    hits: dict[str, list[str]] = {k: [] for k in ("furniture", "run-on", "long", "contained",
                                                   "near-repeat", "title", *ITEM_KINDS,
                                                   "speaker's words")}
    briefs = {k: 0 for k in hits}
    cut_titles = 0
    for rec, analysis in zip(recs, docs, strict=True):
        brief = summarise(analysis)
        items = [p.text for p in brief.bottom_line + brief.key_points]
        found = {
            "furniture": [t for t in items if FURNITURE.search(t)],
            "run-on": [t for t in items if clause_restarts(t)],
            "long": [t for t in items if len(t.split()) > LONG_WORDS],
            "contained": [f"{a}  <<>>  {b}" for a, b in contained_pairs(items)],
            "near-repeat": [f"{a}  <<>>  {b}" for a, b in near_repeats(items)],
            "title": [],
        }
        found.update({kind: [t for t in items if test(t)] for kind, test in ITEM_KINDS.items()})
        found["speaker's words"] = [
            p.text for p in brief.bottom_line + brief.key_points
            if in_other_quote(analysis, analysis.sentences[p.sentence_index])]
        whole = {normalised(sent.text) for sent in analysis.sentences}
        if not analysis.title and normalised(brief.title) not in whole:
            cut_titles += 1
            if ends_on_function_word(brief.title):
                found["title"] = [brief.title]
        for kind, texts in found.items():
            if texts:
                briefs[kind] += 1
                hits[kind].extend(f"{rec['id']}: {t}" for t in texts)
    if args.show:
        for kind, texts in hits.items():
            print(f"--- {kind} ({len(texts)} items)")
            for t in texts[: args.show]:
                print("   ", t[:400])
    n = len(recs)
    print(
        f"SUMMARY bench_points n={n}: furniture {briefs['furniture'] / n:.1%}, "
        f"run-on {briefs['run-on'] / n:.1%}, long>{LONG_WORDS}w {briefs['long'] / n:.1%}, "
        f"contained {briefs['contained'] / n:.1%}, near-repeat {briefs['near-repeat'] / n:.1%} "
        f"of Briefs; title on a function word {briefs['title']}/{cut_titles} cut titles"
    )
    print(f"SUMMARY bench_points items n={n}: "
          + ", ".join(f"{kind} {len(hits[kind])}" for kind in [*ITEM_KINDS, "speaker's words"]))


if __name__ == "__main__":
    main()
