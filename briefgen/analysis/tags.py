"""Coarse parts of speech and verb lemmas from the tagger's fine tags alone.

The analysis runs spaCy without its attribute ruler and lemmatizer (a fifth of the parse time):
``pos`` maps the Penn Treebank tag to the coarse class the finders need, and ``verb_lemma`` turns
the inflected forms of the speech verbs back into their base form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["SKIPPED_PIPES", "inflections", "pos", "verb_lemma"]

# pipeline components the analysis does without
SKIPPED_PIPES = ("attribute_ruler", "lemmatizer")

_TAG_POS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "JJ": "ADJ", "JJR": "ADJ",
    "JJS": "ADJ", "AFX": "ADJ", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB",
    "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "RB": "ADV", "RBR": "ADV", "RBS": "ADV",
    "WRB": "ADV", "DT": "DET", "PDT": "DET", "WDT": "DET", "PRP": "PRON", "PRP$": "PRON",
    "WP": "PRON", "WP$": "PRON", "EX": "PRON", "IN": "ADP", "CC": "CCONJ", "CD": "NUM",
    "RP": "PART", "TO": "PART", "POS": "PART", "UH": "INTJ", "SYM": "SYM", "$": "SYM",
    "_SP": "SPACE", "NFP": "PUNCT", "HYPH": "PUNCT", "-LRB-": "PUNCT", "-RRB-": "PUNCT",
    ",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT", "FW": "X",
    "LS": "X", "XX": "X", "ADD": "X",
}
_AUX_WORDS = frozenset("be am is are was were been being have has had having do does did".split())
_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
    "read": "read", "sang": "sing", "sung": "sing", "began": "begin", "begun": "begin",
    "hit": "hit", "thought": "think", "spoke": "speak", "spoken": "speak", "felt": "feel",
    "forecast": "forecast", "cried": "cry", "replied": "reply", "denied": "deny",
    "implied": "imply", "testified": "testify", "quipped": "quip", "admitted": "admit",
    "committed": "commit", "referred": "refer", "preferred": "prefer", "shrugged": "shrug",
    "sobbed": "sob", "begged": "beg", "omitted": "omit", "dubbed": "dub", "slammed": "slam",
    "blasted": "blast", "chimed": "chime", "continued": "continue", "argued": "argue",
}


def pos(tok: Token) -> str:
    """Return the coarse part of speech of ``tok`` ("NOUN", "VERB", "AUX"...) from its tag."""
    tag = tok.tag_
    coarse = _TAG_POS.get(tag, "X")
    if coarse == "VERB" and tok.lower_ in _AUX_WORDS:
        return "AUX"
    if coarse == "ADP" and tok.dep_ == "mark":
        return "SCONJ"
    if tok.is_punct and coarse == "X":
        return "PUNCT"
    return coarse


def inflections(lemma: str) -> set[str]:
    """Return the regular inflected forms of a verb ``lemma`` ("say" -> says, sayed, saying)."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and \
            lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def verb_lemma(tok: Token, lemmas: frozenset[str]) -> str | None:
    """Return the member of ``lemmas`` that verb ``tok`` inflects, or None."""
    low = tok.lower_
    if low in lemmas:
        return low
    irregular = _IRREGULAR.get(low)
    if irregular in lemmas:
        return irregular
    for cut, add in (("ing", ""), ("ing", "e"), ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""),
                     ("ed", ""), ("ed", "e"), ("d", "")):
        if low.endswith(cut):
            stem = low[: -len(cut)] + add
            if stem in lemmas:
                return stem
            if add == "" and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in lemmas:
                return stem[:-1]
    return None
