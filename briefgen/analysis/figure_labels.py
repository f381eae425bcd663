"""What a figure counts: a short label built from the dependency parse of its sentence.

The label is the noun phrase the number counts ("military assistance", "new confirmed cases"),
then what the sentence says of it: its verb with the verb's object, particle or first
prepositional phrase ("infected with Ebola"), the agent of an active verb ("pledged by Allies",
or "Exel employs" where the past participle is not the past form), and a time phrase ("in the
first quarter of 2025"). A number with no noun of its own ("sold for $1.2 million", "a 40% drop
in profits", "shares closed up 9%") takes the noun or the subject it belongs to. Every word comes
from the sentence, in the sentence's order within each part; negations stay; the only word added
is the "by" of an agent, and the only word from elsewhere is the noun a bare number opening
its sentence leaves out, counted in the sentence before ("More than 25,000 people have fought
Ebola. More than 10,000 have not survived." gives "people have not survived").

The pieces of a written amount ("$", "168", "m", "roubles" of another figure) never enter a
label; a phrase after a spaced dash or a colon is an aside, not the verb's; and a label must name
a thing that is not a day or a date, unless a verb with a meaning of its own goes with the date
("invest in the next five years", never "compares on Friday").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .numbers import CURRENCIES, MEASURE_WORDS, RESULT_WORDS
from .tags import pos, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["MAX_LABEL_WORDS", "age_label", "counts_label", "score_label"]

#: a label longer than this is cut back to its noun phrase and verb
MAX_LABEL_WORDS = 12

_NOUNS = {"NOUN", "PROPN"}
# modifiers that belong to the counted noun phrase
_NP_LEFT = {"amod", "compound", "nmod", "poss", "npadvmod", "nummod", "quantmod", "case"}
# dependents never followed into a phrase: clauses, coordination, asides
_CUT = {"relcl", "acl", "advcl", "punct", "cc", "conj", "appos", "parataxis", "ccomp", "mark",
        "dep", "meta", "prep_cut"}
# words of a unit or a measure: the number's own words, not what it counts
_OWN = MEASURE_WORDS | {"per", "cent", "percent", "%", "year-old", "old", "aged", "a", "an",
                        "of", "the", "than", "more", "less", "fewer", "about", "around",
                        "nearly", "almost", "over", "under", "up", "to", "at", "least", "some",
                        "total", "estimated", "just", "only", "all", "another", "further",
                        "m", "bn", "mn", "k", "tn", "trillion", "pence", "p", "yen", "yuan",
                        "cents", "euro", "dollar", "pound", "sterling", "francs", "£", "$", "€",
                        "dozen", "dozens", "hundreds", "thousands", "millions", "billions",
                        "scores", "lb", "lbs", "ft", "km", "kg", "mph", "cm", "mm", "g", "ml",
                        "mg", "kw", "mw", "gw", "oz", "yds", "kph", "sq"} | {
                            c for c in CURRENCIES if c.isalpha()}
_SYMBOLS = frozenset("£$€¥₹₽") | {c for c in CURRENCIES if "$" in c}
_SCALE_PIECES = frozenset({"m", "bn", "mn", "k", "tn", "trn", "b", "million", "billion",
                           "trillion", "thousand"})
#: spans of time a number counts in its own right ("six minutes of their match"), where
#: "20 tonnes of gold" counts gold
_SPANS = frozenset("second seconds minute minutes hour hours day days week weeks month months "
                   "year years decade decades".split())
_WHEN_PREPS = frozenset({"at", "after", "before", "within", "inside"})
_SUBJECTS = {"nsubj", "nsubjpass"}
_PRONOUNS = {"it", "this", "that", "these", "those", "which", "who", "what", "there"}


def counts_label(doc: Doc, start: int, end: int) -> str | None:
    """Return what the figure at characters ``start``..``end`` of ``doc`` counts, or None.

    "Allies have pledged more than 20 billion euros in military assistance in 2025." gives
    "military assistance pledged by Allies in 2025" for "more than 20 billion euros". None when
    the sentence does not name a thing the figure counts beyond its own words. A label longer
    than ``MAX_LABEL_WORDS`` loses whole parts from its end (time phrase, agent, verb), never
    words from the middle of a name.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    inside = set(range(span.start, span.end))
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i and pos(root) in {"NUM", "NOUN"} and \
            not _in_score(root.head) and (_numeric(root) or root.lower_ in _OWN):
        # "£106m or 47.3%": the second figure stands where the first does; a conjunct with a
        # noun of its own ("120 personnel and two helicopters") counts that noun, never its
        # sibling's
        root = root.head
    if _price(span):
        return _product(span)
    elided = _elided_noun_label(span, inside, root)
    if elided is not None:
        return elided  # "12 were charged": the protesters the sentence before counted
    head, words, anchor = _counted(span, inside, root)
    if anchor is not None and anchor.i == root.i and root.dep_ == "conj" and \
            pos(root.head) in _NOUNS:
        # "sent 300 soldiers and 40 tanks": the conjunct shares its first sibling's verb
        while anchor.dep_ == "conj" and pos(anchor.head) in _NOUNS:
            anchor = anchor.head
        inside = inside | {t.i for t in anchor.subtree if t.i not in range(root.i, span.end)
                           and t.i < root.i}
        if anchor.dep_ == "pobj" and anchor.head.lower_ in _OWN:
            anchor = None  # "around 120 personnel and two helicopters": the sibling's qualifier
    if any(t.dep_ in {"relcl", "acl"} and head is not None and t.head.i == head.i for t in words):
        anchor = None  # "embryos he shares with the actress" says it all
    tail, relative = _predicate(anchor, inside | {t.i for t in words}, head is not None) \
        if anchor is not None else ([], False)
    words = sorted(set(words), key=lambda t: t.i)
    if relative and head is not None and tail:
        # "people Exel employs in 120 countries": the relative clause follows its noun
        noun = [t for t in words if t.i <= head.i or not _after_of(t, head)]
        rest = [t for t in words if t not in noun]
        parts = [_join(noun), tail[0], _join(rest), *tail[1:]]
    else:
        parts = [_join(words), *tail]
    parts = [p for p in parts if p]
    while len(parts) > 1 and len(" ".join(parts).split()) > MAX_LABEL_WORDS:
        parts.pop()
    label = re.sub(r"\s+", " ", " ".join(parts)).strip(" ,;:-–—")
    if not label or len(label.split()) > MAX_LABEL_WORDS or not _names_a_thing(span, label):
        return _fallback(span, inside, root)
    return label


def _fallback(span: Span, inside: set[int], root: Token) -> str | None:
    """Return a label for a figure whose own phrase names nothing: the subject of the copula
    it is the measure of, with the comparison it makes ("Hamilton ahead of Nico Rosberg" for
    "Hamilton was four-hundredths of a second ahead of Nico Rosberg"), the noun an "it"
    subject stands for, the noun a bare number subject leaves out ("people have not survived"
    for "More than 10,000 have not survived" after "25,000 people have fought Ebola"), or the
    noun whose action a figure is the object of ("deal to buy" for "a deal to buy 26% of
    Hindustan Oil"); None when none of these reads clearly."""
    for build in (_copula_label, _action_label):
        label = re.sub(r"\s+", " ", build(span, inside, root) or "").strip(" ,;:-–—")
        if label and len(label.split()) <= MAX_LABEL_WORDS and _names_a_thing(span, label):
            return label
    return None


#: prepositions that put a figure on a copula ("it is between 30-40%", "was around 5%")
_ABOUT = frozenset({"between", "around", "about", "roughly", "approximately"})


def _copula_label(span: Span, inside: set[int], root: Token) -> str | None:
    """Return "subject + comparison" for a figure that a copula says of its subject: "Hamilton
    was four-hundredths of a second ahead of Rosberg" gives "Hamilton ahead of Rosberg"; "we
    estimate it to be between 30-40%" after "Iraq's unemployment rate" gives that noun. A noun
    subject with no comparison is the main path's business; None here."""
    if root.dep_ in {"attr", "acomp"}:
        verb = root.head
    elif root.dep_ == "pobj" and root.head.lower_ in _ABOUT and root.head.dep_ == "prep":
        verb = root.head.head
    elif root.lower_ in _ABOUT and root.dep_ == "prep":
        verb = root.head  # "between 30-40%": the span's root is its qualifier
    elif root.dep_ == "npadvmod" and root.head.dep_ in {"acomp", "advmod"} and \
            root.head.i == span.end:
        verb = root.head.head  # "Sales were 5% higher than last year"
    else:
        return None
    if verb.lemma_ != "be" and verb.lower_ not in _COPULA:
        return None
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    margin: list[Token] = []
    if after is not None and pos(after) in {"ADV", "ADJ"} and after.head.i in inside | {verb.i}:
        prep = next((c for c in after.children if c.dep_ == "prep" and c.i == after.i + 1),
                    None)
        if prep is not None:
            margin = [after, *_phrase(prep)]
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subj is None:
        return None
    if subj.lower_ == "it":
        noun = _antecedent(subj)
        if noun is None or _own_noun(span):
            return None  # "it would be ... 800 police": the police are counted, not "it"
        words = _np(noun, inside)
    elif margin and pos(subj) in _NOUNS and subj.lower_ not in _PRONOUNS:
        words = _np(subj, inside)
    else:
        return None
    return " ".join(p for p in (_join(words), _join(margin)) if p)


def _phrase(prep: Token, limit: int = 8) -> list[Token]:
    """Return a prepositional phrase's words up to its first clause, conjunction or aside
    (a hyphen inside a word stays: "team-mate"), or [] when that leaves no object or more
    than ``limit`` words."""
    run: list[Token] = []
    for t in prep.subtree:
        if t.dep_ in _CUT - {"punct"} or t.dep_ == "punct" and _aside(t) or \
                t.dep_ == "punct" and t.text not in {"-", "–"}:
            break
        run.append(t)
    if len(run) > limit or not any(t.dep_ in {"pobj", "pcomp"} for t in run):
        return []
    return run


def _own_noun(span: Span) -> bool:
    """Return True when the figure's words hold a noun of their own ("800 police")."""
    return any(pos(t) in _NOUNS and not _number_piece(t) and t.lower_ not in _OWN
               and t.lower_ not in _NUMBER_WORDS for t in span)


def _antecedent(it: Token) -> Token | None:
    """Return the noun an "it" stands for: the last singular common noun before it in its
    sentence that heads a subject or an object ("Estimates of Iraq's unemployment rate vary,
    but we estimate it to be..." gives "rate"), or None."""
    for t in reversed(list(it.sent[: it.i - it.sent.start])):
        if t.tag_ == "NN" and t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and \
                t.ent_type_ not in {"DATE", "TIME", "PERSON"} and not _number_piece(t) and \
                t.lower_ not in _OWN and t.lower_ not in _NUMBER_WORDS:
            return t
    return None


def _elided_noun_label(span: Span, inside: set[int], root: Token) -> str | None:
    """Return "noun + verb phrase" for a bare number that is a verb's subject and leaves out
    the plural noun the sentence before counted ("25,000 people have fought Ebola. More than
    10,000 have not survived." gives "people have not survived"), or None when that sentence
    counts no such noun, or more than one."""
    if root.dep_ not in _SUBJECTS or not _numeric(root) or pos(root.head) not in {"VERB", "AUX"}:
        return None
    if any(pos(t) in _NOUNS and not _number_piece(t) and t.lower_ not in _OWN for t in span):
        return None
    sent = span.sent
    if sent.start == 0 or any(pos(t) != "PUNCT" for t in span.doc[sent.start:span.start]):
        return None  # "so only 28 made it", "of which three": the noun may be this sentence's
    before = span.doc[sent.start - 1].sent
    if "\n" in span.doc[before.end - 1 : sent.start + 1].text:
        return None  # another paragraph
    nouns = {t.head.lower_: t.head for t in before if t.dep_ == "nummod" and _numeric(t)
             and t.head.tag_ == "NNS" and t.head.lower_ not in _OWN | _SPANS
             and t.head.ent_type_ not in {"DATE", "TIME"}}
    if len(nouns) != 1:
        return None
    (noun,) = nouns.values()  # the left-out noun: the sentence before counted it
    verb = root.head
    vp = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i > root.i]
    vp += _negation(verb) + [verb] + [c for c in verb.children if c.dep_ == "prt"]
    obj = _object(verb, inside)
    tail = obj if obj else _first_pp(verb, inside)
    if not tail and verb.lower_ in _COPULA:
        return None  # "raids were": the copula alone says nothing of them
    label = " ".join(p for p in (noun.text, _join(sorted(set(vp), key=lambda t: t.i)),
                                 _join(tail)) if p)
    return label if len(label.split()) <= MAX_LABEL_WORDS else None


def _action_label(span: Span, inside: set[int], root: Token) -> str | None:
    """Return "noun to verb" for a share of a thing that is the object of an action a noun
    names ("a deal to buy 26% of Hindustan Oil" gives "deal to buy"), or None: a count ("plans
    to give millions of workers") is labelled by what it counts, not by the plan."""
    verb = root.head
    if not re.search(r"%|\bper ?cent\b|\bpercent\b", span.text) or \
            not any(t.lower_ == "of" for t in span):
        return None
    if root.dep_ != "dobj" or verb.dep_ not in {"acl", "relcl"} or pos(verb.head) != "NOUN" or \
            verb.head.i > verb.i:
        return None
    to = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"]
    if not to:
        return None
    return f"{_join(_np(verb.head, inside))} {_join(to + _negation(verb) + [verb])}"


def _price(span: Span) -> bool:
    """Return True for an amount of money priced per quantity ("£2 for 50ml", "£11.90 for five
    60ml shots"): the price of a product in a list."""
    doc = span.doc
    if not any(t.text in _SYMBOLS or t.lower_ in CURRENCIES for t in span):
        return False
    nxt = doc[span.end] if span.end + 1 < len(doc) else None
    return nxt is not None and nxt.lower_ == "for" and (
        _numeric(doc[span.end + 1]) or doc[span.end + 1].lower_ in {"a", "an", "each", "one"})


def _product(span: Span) -> str | None:
    """Return the product a price stands after: the run of proper nouns right before it
    ("Actinica Lotion £19.99"), or None when the name's start is unclear (a conjunction, a
    possessive, a number or a common word before it)."""
    doc = span.doc
    i = span.start
    while i > span.sent.start and pos(doc[i - 1]) == "PROPN" and not _numeric(doc[i - 1]):
        i -= 1
    if i == span.start:
        return None
    before = doc[i - 1] if i > span.sent.start else None
    if before is not None and (before.dep_ in {"cc", "case"} or pos(before) in {"CCONJ", "PART"}
                               or before.text in {"'s", "’s", "-"}):
        return None  # "Dr Skin's Suncare Lotion And Sun Drink": where does the name start?
    return _join(list(doc[i:span.start]))


def score_label(doc: Doc, start: int, end: int) -> str | None:
    """Return the result a score at characters ``start``..``end`` of ``doc`` is of, or None.

    A score that is the margin of a verb reads as the verb's clause ("Ross County beat
    Kilmarnock 2-1" gives "Ross County beat Kilmarnock"), unless the verb says nothing of a
    result ("went 2-1 down", "make it 3-0"); otherwise the label of ``counts_label`` when it
    holds a word of a result ("a 2-0 win for Chelsea" gives "win for Chelsea"). "The score at
    1-1 and two minutes of normal time remaining" gives None: the minutes are no result, and
    "score" alone says nothing more.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    clause = _score_clause(span)
    if clause is not None:
        return clause  # "Dortmund eased past Paderborn": the verb the score is the margin of
    label = counts_label(doc, start, end)
    words = set(re.findall(r"[a-z]+", (label or "").lower()))
    return label if words & (RESULT_WORDS - _BARE_RESULT) else None


def _score_clause(span: Span) -> str | None:
    """Return the clause a score is the margin of ("Ross County beat Kilmarnock", "top seed
    was beaten by American Lauren Davis"), or None when the score modifies a noun ("a 2-0
    win") or the verb has no named subject. Team names the parser hangs the score on are
    climbed over. The climb starts from the score's first number, which the parser attaches
    better than the second."""
    tok = span[0]
    for _ in range(4):
        if tok.head.i == tok.i or pos(tok) == "VERB" and tok.i not in range(span.start,
                                                                           span.end):
            break
        tok = tok.head
        if pos(tok) == "NOUN" and tok.i not in range(span.start, span.end):
            return None  # "a 2-0 win for Chelsea": the noun's own label says it
        if tok.lower_ in {"at", "with", "after", "before", "until", "since"}:
            return None  # "evacuated with the score at 1-1": when, not the verb's margin
    if pos(tok) != "VERB" or tok.lower_ in _BARE_VERBS:
        return None  # "went 2-1 down", "make it 3-0": the verb says nothing of the result
    verb, inside = tok, set(range(span.start, span.end))
    subj = _subject(verb)
    if subj is None:
        return None
    words = _np(subj, inside) + [c for c in verb.children if c.dep_ in {"aux", "auxpass"}
                                 and c.i > subj.i] + _negation(verb) + [verb] + [
        c for c in verb.children if c.dep_ == "prt"]
    obj = next((c for c in verb.children if c.i not in inside and pos(c) != "PRON" and (
        c.dep_ == "dobj" or c.dep_ == "npadvmod" and pos(c) == "PROPN")), None)
    if obj is not None:
        words += _np(obj, inside)
    else:
        words += _first_pp(verb, inside)[:5]
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        words += [agent] + [t for o in agent.children if o.dep_ == "pobj"
                            for t in _np(o, inside)]
    return _join(sorted(set(words), key=lambda t: t.i)) or None


_BARE_RESULT = frozenset({"score", "scored", "result", "results", "scoreline"})
_BARE_VERBS = frozenset("go goes went gone going be is are was were been being take takes took "
                        "taken make makes made come came get got have has had do did".split())


def age_label(doc: Doc, start: int, end: int) -> str | None:
    """Return whose age the figure at characters ``start``..``end`` of ``doc`` is, or None.

    "Sofia Vergara, 42," and "Collins, aged 42," give the name the age stands beside; "the
    42-year-old actress" the noun the age modifies ("actress"). None when the sentence names no
    one for it ("The 75-year-old presented...", "He is 42 years old"). Words are the sentence's
    own: never "age" or any word it does not have.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    last = span[-1]
    if last.lower_ == "old" and last.head.i > last.i and pos(last.head) in _NOUNS:
        # "the 42-year-old former Chelsea striker": the words up to the noun it modifies
        words = list(doc[span.end : last.head.i + 1])
        if any(pos(t) not in _NOUNS | {"ADJ"} and t.text != "-" for t in words):
            return None  # "The 75-year-old presented long-running show": no noun of its own
        return _join([t for t in words if not _number_piece(t)]) or None
    age = doc[span.start - 2] if span.start >= 2 else None
    if age is not None and age.lower_ == "age" and doc[span.start - 1].lower_ == "of":
        # "Benaud has died at the age of 84": the subject of the verb the age hangs on
        verb = age.head.head if age.head.dep_ == "prep" else age.head
        subj = _subject(verb) if pos(verb) in {"VERB", "AUX"} else None
        return _join(_person(subj)) if subj is not None and pos(subj) in _NOUNS else None
    k = span.start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k < 0 or span.start - k > 2 or pos(doc[k]) not in _NOUNS or doc[k].lower_ in _PRONOUNS:
        return None
    return _join(_person(doc[k])) or None


def _person(tok: Token) -> list[Token]:
    """Return the name or noun phrase ending at ``tok``: a person's whole name, or a noun with
    the adjectives and nouns just before it ("former striker")."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ == "PERSON"),
               None)
    if ent is not None and ent.end == tok.i + 1:
        return list(ent)
    keep = {"PROPN"} if pos(tok) == "PROPN" else _NOUNS | {"ADJ"}
    i = tok.i
    while i > tok.sent.start and pos(tok.doc[i - 1]) in keep and not _number_piece(tok.doc[i - 1]):
        i -= 1
    return list(tok.doc[i : tok.i + 1])


def _names_a_thing(span: Span, label: str) -> bool:
    """Return True when ``label`` names a thing (a noun of the sentence) and says more than the
    figure's own words ("compared", "lb", "troops" or "euros" alone do not). A day or a date is
    no thing unless a verb with a meaning of its own goes with it ("invest in the next five
    years", not "compares on Friday")."""
    own = span.text.lower()
    words = re.findall(r"[\w’']+", label.lower())  # "Williams-Mercedes": two nouns
    if len(words) == 1 and words[0] in _OWN:
        return False
    sent = [t for t in span.sent if not _number_piece(t)]
    nouns = {t.lower_ for t in sent if pos(t) in _NOUNS and not _calendar(t)}
    dated = {t.lower_ for t in sent if pos(t) in _NOUNS}
    verbs = {t.lower_ for t in sent if pos(t) == "VERB" and verb_lemma(t, _RELATION) is None
             and t.lower_ not in _RELATION_FORMS}
    says = any(w in nouns for w in words) or (
        any(w in dated for w in words) and any(w in verbs for w in words))
    return says and any(w not in own for w in words)


def _calendar(tok: Token) -> bool:
    """Return True for a word of a date or time ("Friday", "April", "week", "morning")."""
    return tok.ent_type_ in {"DATE", "TIME"} and (
        tok.lower_ in _CALENDAR or tok.lower_ in MEASURE_WORDS or _numeric(tok))


_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight "
    "morning afternoon evening night weekend quarter season time spring summer autumn winter "
    "fall christmas easter".split())


#: verbs that only relate a number to another: without their subject they say nothing
_RELATION = frozenset("compare be stand trade reach total amount equal rise fall climb drop "
                      "increase decrease add lose gain close end finish hit make have".split())
_RELATION_FORMS = frozenset("stood rose risen fell fallen lost made had".split())


def _in_score(tok: Token) -> bool:
    """Return True for a number of a score ("1" of "1-1"): what follows it is no part of it."""
    # the text of 8 tokens either side (each at least a character), not the whole Doc's text
    window = tok.doc[max(0, tok.i - 8):tok.i + 9]
    text, at = window.text, tok.idx - window.start_char
    return bool(re.match(r"\d{1,2}\s?[-–]\s?\d{1,2}\b", text[at:at + 7]) or
                re.search(r"\b\d{1,2}\s?[-–]\s?$", text[max(0, at - 4):at]))


def _number_piece(tok: Token) -> bool:
    """Return True for a word of a written amount: its digits, its currency sign or word and its
    scale ("$", "168", "m" of "$168m"; "roubles" of "260.75bn roubles")."""
    if _numeric(tok):
        return True
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.text in _SYMBOLS or tok.lower_ in {"us$", "a$", "c$"}:
        return nxt is not None and _numeric(nxt)
    low = tok.lower_
    if low in _SCALE_PIECES or low in CURRENCIES:
        return prev is not None and (_numeric(prev) or prev.lower_ in _SCALE_PIECES)
    return False


def _after_of(tok: Token, head: Token) -> bool:
    """Return True for a word of a phrase after ``head`` that is not an "of" phrase."""
    prep = next((t for t in head.rights if t.dep_ == "prep"), None)
    return prep is not None and prep.lower_ != "of" and tok.i >= prep.i


def _join(tokens: list[Token]) -> str:
    """Return tokens as the sentence wrote them (their own spacing), gaps marked by a space."""
    out = ""
    prev = None
    for t in tokens:
        if prev is not None:
            if t.i == prev.i + 1:
                out += prev.whitespace_
            else:
                out += " "
        out += t.text
        prev = t
    return out


def _counted(span: Span, inside: set[int], root: Token
             ) -> tuple[Token | None, list[Token], Token | None]:
    """Return the noun the figure counts, the words of its phrase (outside the number's own
    words) and the word whose verb says more of it (None when the phrase says it all).

    The noun is the figure's own ("25,000 people"), the thing it is "of"/"in"/"for"
    ("€20bn in military assistance"), or the noun it modifies ("a 40% drop in profits")."""
    doc = span.doc
    # "thousands of supporters", "two of the most important brands": the "of" object counts
    of_obj = next((o for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                   and c.i in inside for o in c.children if o.dep_ == "pobj" and o.i in inside
                   and pos(o) in _NOUNS and o.lower_ not in _OWN), None)
    if of_obj is not None and (_numeric(root) or root.lower_ in _OWN):
        words = _np(of_obj, inside, keep_inside=True)
        return of_obj, words + _relative(of_obj, inside, words), root
    own = pos(root) in _NOUNS and root.lower_ not in _OWN and not _numeric(root)
    if own:
        words = _np(root, inside, keep_inside=True) + _of_phrase(root, inside)
        words += _relative(root, inside, words)
        gov = root.head.head if root.dep_ == "pobj" and root.head.lower_ in {"of", "from"} \
            else None
        if gov is not None and pos(gov) in _NOUNS and gov.i not in inside and \
                gov.ent_type_ not in {"DATE", "TIME"} and \
                root.head.i == span.start - 1:
            # "the massacre of 1.5 million Armenians" -> "massacre of Armenians"
            return gov, _np(gov, inside) + [root.head] + words, gov
        return root, words, root
    nxt = doc[span.end] if span.end < len(doc) else None
    # "Tsarnaev, 21,": an age in apposition to a name (not "recounts 10 of his finest moments",
    # where the parser took the verb for a noun: a number straight before "of" is partitive)
    # (a figure in brackets is an aside: "Aldi (£7 from Matalan)" is no price of Aldi)
    bracketed = span.start > 0 and doc[span.start - 1].text == "("
    if root.dep_ in {"appos", "amod"} and pos(root.head) in _NOUNS and not bracketed and \
            root.head.i not in inside and not (nxt is not None and nxt.lower_ == "of"):
        return root.head, _np(root.head, inside), None
    # the thing the amount is of: "20 billion euros in military assistance", "dozens of people"
    # "one per cent of earners" holds what it counts, "billions of dollars" does not
    own_of = any(t.lower_ == "of" and t.i > root.i and t.i + 1 < span.end and
                 doc[t.i + 1].lower_ not in _OWN for t in span)
    if nxt is not None and nxt.lower_ in {"in", "of", "for", "on"} and nxt.head.i in inside \
            and not (own_of and nxt.head.i != root.i):
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.ent_type_ not in {"DATE", "TIME", "GPE"} and \
                pos(obj) in _NOUNS and obj.lower_ not in _OWN:
            if nxt.lower_ == "of" and root.lower_ in _SPANS and root.i in inside and \
                    obj.lower_ != "age":
                if root.dep_ == "pobj" and root.head.lower_ in {"within", "inside"}:
                    return None, [], None  # "within two minutes of his withdrawal": when
                # "the final six minutes of their match": the minutes are what is counted
                return root, [root, nxt, *_np(obj, inside)], root
            return obj, _np(obj, inside), root

    # the noun the number modifies from outside: "a 40% drop", "a three-year deal"
    # (a noun before the figure counts only right before a measure, as in a list of results
    # "Jenson Button McLaren 1:39.276": "SPF 30 £19.99" does not price the SPF, and a bare
    # number after a name is its number or minute: "SPF 30", "Varga 40")
    if root.dep_ in {"nummod", "compound", "amod", "quantmod", "npadvmod", "nmod"} and \
            pos(root.head) in _NOUNS and root.head.i not in inside and \
            (root.head.i > root.i or root.head.i == span.start - 1
             and not re.fullmatch(r"\d+", span.text)) and \
            not any(_stop(t) for t in doc[min(root.i, root.head.i):max(root.i, root.head.i)]):
        head = root.head
        pp = _of_phrase(head, inside)
        return head, _np(head, inside) + pp, None if pp else head
    # "a $168m (£89m) settlement deal": the noun right after the amount and its conversion
    if nxt is not None and pos(nxt) == "NOUN" and not _number_piece(nxt) and \
            not nxt.is_sent_start and not _stop(doc[span.end - 1]):
        head = nxt
        while head.dep_ in {"compound", "amod", "nmod"} and head.head.i > head.i and \
                pos(head.head) == "NOUN":
            head = head.head
        if head.lower_ == "worth":
            # "22.5bn yuan ($2.7bn) worth of shares": the shares
            head = next((o for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"
                         for o in c.children if o.dep_ == "pobj" and pos(o) in _NOUNS), head)
            return head, _np(head, inside), root
        if head.lower_ not in _OWN and (head.head.i in inside or root.head.i == head.i):
            return head, _np(head, inside), root
    # "a fee of £150,000", "a total of 30 cases": the noun the "of" phrase hangs on
    if root.dep_ == "pobj" and root.head.lower_ == "of" and pos(root.head.head) in _NOUNS:
        head = root.head.head
        return head, _np(head, inside), head
    # "The fee was £150,000": the subject of the copula
    if root.dep_ in {"attr", "acomp"} and pos(root.head) in {"AUX", "VERB"}:
        subj = _subject(root.head)
        if subj is not None:
            # "Tsarnaev was 19 at the time of the bombing" -> "Tsarnaev at the time of ..."
            words = _np(subj, inside) + _first_pp(root.head, inside)
            return subj, words, None
    return None, [], root


def _relative(head: Token, inside: set[int], words: list[Token], limit: int = 9) -> list[Token]:
    """Return a short relative clause right after ``head``'s phrase ("embryos he shares with the
    actress", "debts owed by the poorest countries"), or []."""
    end = max([head.i] + [t.i for t in words])
    clause = next((c for c in head.rights if c.dep_ in {"relcl", "acl"}), None)
    if clause is None:
        return []
    toks = sorted(clause.subtree, key=lambda t: t.i)
    if toks[0].i != end + 1 or len(toks) > limit or any(
            pos(t) == "PUNCT" or t.i in inside for t in toks):
        return []
    return toks


def _numeric(tok: Token) -> bool:
    return tok.like_num or pos(tok) == "NUM" or bool(re.search(r"\d", tok.text))


def _np(head: Token, inside: set[int], keep_inside: bool = False) -> list[Token]:
    """Return the words of ``head``'s noun phrase: its left modifiers and itself, without
    determiners, numbers and the figure's qualifier words (unless they are its own noun)."""
    out = [head]
    for child in head.lefts:
        if child.dep_ not in _NP_LEFT:
            continue
        for t in child.subtree:
            if t.i >= head.i or t.dep_ in _CUT or pos(t) in {"DET", "PUNCT", "PRON"}:
                continue
            if t.i in inside and (not keep_inside or t.lower_ in _OWN
                                  or "-" in t.text and _numeric_words(t.text)):
                continue
            if _number_piece(t) or _measure_of_number(t) or _with_number(t):
                continue  # "16-page", "28-year-old", "just 250": a number's own words
            if t.dep_ == "case" and not out:
                continue
            out.append(t)
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.dep_ == "case" and nxt.head.i == head.i:
        out.append(nxt)  # "Christie's"
    if nxt is not None and nxt.dep_ == "nummod" and nxt.head.i == head.i and \
            nxt.i not in inside and nxt.lower_ in _NUMBER_WORDS:
        out.append(nxt)  # "world number one": a rank the noun names, never "world number"
    out.sort(key=lambda t: t.i)
    stops = [t.i for t in head.doc[out[0].i:head.i] if _stop(t)] if out else []
    if stops:
        out = [t for t in out if t.i > stops[-1]]  # a missed sentence break: "£250m. Turnover"
    while out and (out[0].dep_ == "case" or out[0].text in {"-", "'s", "’s"}):
        out.pop(0)
    return _with_hyphens(out)


def _with_hyphens(words: list[Token]) -> list[Token]:
    """Return ``words`` with the pieces of a hyphenated word between two of them ("dial", "-",
    "up", "users"): a label never writes "dial users" for "dial-up users"."""
    out: list[Token] = []
    for t in words:
        if out and t.i > out[-1].i + 1:
            gap = t.doc[out[-1].i:t.i]
            if len(gap) <= 4 and any(g.text == "-" for g in gap) and \
                    not any(g.whitespace_ for g in gap[:-1]):
                out.extend(gap[1:])
        out.append(t)
    return out


def _with_number(tok: Token) -> bool:
    """Return True for a word glued by hyphens to a number ("Grandmother-of-three") or that
    qualifies one ("just" of "just 250"): without the number it would misread."""
    if tok.dep_ in {"quantmod", "advmod"} and _numeric(tok.head):
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and not prev.whitespace_ and _numeric(prev):
        return True  # "160GB", "12ft": the number's unit
    doc = tok.doc
    i = tok.i
    while i > 0 and not doc[i - 1].whitespace_:
        i -= 1
    j = tok.i
    while j + 1 < len(doc) and not doc[j].whitespace_ and doc[j + 1].text not in {",", "."}:
        j += 1
    run = doc[i:j + 1]
    return len(run) > 1 and any(t.text in {"-", "–"} for t in run) and any(
        _numeric(t) or t.lower_ in _NUMBER_WORDS for t in run)


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred thousand million billion dozen half".split()
)


def _measure_of_number(tok: Token) -> bool:
    """Return True for the measure word of a number ("page" of "16-page")."""
    return any(c.dep_ in {"nummod", "npadvmod"} and _numeric(c) for c in tok.children)


def _stop(tok: Token) -> bool:
    """Return True for a sentence end the parser missed ("£250m. Turnover")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.text in {".", "!", "?"} or (
        len(tok.text) > 1 and tok.text.endswith(".") and nxt is not None
        and nxt.text[:1].isupper())


def _numeric_words(text: str) -> bool:
    return bool(re.search(r"\d|year|old", text.lower()))


def _of_phrase(head: Token, inside: set[int]) -> list[Token]:
    """Return the prepositional phrase right after ``head`` ("drop in profits"), or []."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"in", "of", "for", "on", "to", "at"} and \
                child.i == head.i + 1:
            return _pp(child, inside, limit=5)
        break
    return []


def _pp(prep: Token, inside: set[int], limit: int = 6) -> list[Token]:
    """Return a prepositional phrase's words ("in the first quarter of 2025"), up to ``limit``,
    cut before clauses, coordination and asides."""
    words = [prep]
    stack = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    if not stack or any(c.dep_ in {"conj", "cc"} for obj in stack for c in obj.children):
        return []  # "in storage and delivery firm Exel" would be cut at "and"
    skip: set[int] = set()
    for obj in stack:
        for t in obj.subtree:
            if t.i in skip:
                continue
            if t.dep_ in _CUT and t.i != obj.i:
                skip.update(x.i for x in t.subtree)
                continue
            if t.i in inside:
                continue
            words.append(t)
    words.sort(key=lambda t: t.i)
    # keep the contiguous run from the preposition
    run = [words[0]]
    for t in words[1:]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    if len(run) > limit or not any(t.i == obj.i for t in run for obj in stack):
        return []
    return run


def _subject(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    up = verb
    while subj is None and up.dep_ in {"xcomp", "conj"} and pos(up.head) in {"VERB", "AUX"} \
            and up.head.i != up.i:
        up = up.head  # "nominated for eight Academy Awards ... and won four Golden Globes"
        subj = next((c for c in up.children if c.dep_ in _SUBJECTS), None)
    if subj is not None and subj.lower_ in {"which", "that", "who"} and up.dep_ == "relcl":
        subj = up.head  # "oil revenues which have exceeded $22bn": the noun it qualifies
    if subj is None or pos(subj) == "PRON" or subj.lower_ in _PRONOUNS:
        return None
    return subj


def _governing(verb: Token, subj: Token) -> list[Token]:
    """Return the verbs (with their negations) that ``verb`` is the complement of, up to the one
    ``subj`` belongs to: "judges are thought to earn" keeps "thought"."""
    out: list[Token] = []
    up = verb
    while up.dep_ == "xcomp" and up.head.i != up.i and subj.head.i != up.i:
        up = up.head
        out += [up] + [c for c in up.children if c.dep_ in {"neg", "aux", "auxpass"}
                       and c.i > subj.i]
    return out


def _predicate(anchor: Token, used: set[int], has_noun: bool = True
               ) -> tuple[list[str], bool]:
    """Return what the sentence says of ``anchor`` (verb phrase, agent, time phrase) and whether
    its first part is a relative clause that follows the noun ("people Exel employs")."""
    dep = anchor.dep_
    gov = anchor.head
    prep_of_anchor = None
    via: Token | None = None
    if gov.lower_ == "of" and gov.i < gov.head.i:
        return [], False  # "Of the 19 deaths, seven were...": a part of it is the subject
    if dep == "pobj" and gov.lower_ in _WHEN_PREPS and anchor.lower_ in _SPANS:
        return [], False  # "evacuated at 1-1 and two minutes of normal time": when, no amount
    if dep == "pobj" and gov.dep_ == "prep" and pos(gov.head) in {"VERB", "AUX"}:
        if any(_aside(t) for t in anchor.doc[min(gov.i, gov.head.i):max(gov.i, gov.head.i)]):
            return [], False  # "paid £5bn - nowhere near the $27bn": an aside, not the verb's
        prep_of_anchor = gov
        dep, gov = "pobj_verb", gov.head
    elif dep in {"npadvmod", "advmod", "dobj", "pobj"} and pos(gov) in {"ADP", "ADV", "PART"} \
            and gov.dep_ in {"prt", "advmod", "prep"} and pos(gov.head) in {"VERB", "AUX"}:
        prep_of_anchor = gov
        dep, gov = "adv", gov.head  # "closed up 9%", "was up 4.3%"
    elif dep == "pobj" and gov.lower_ in {"to", "from"} and gov.dep_ == "prep" and \
            pos(gov.head) in {"ADV", "ADP"} and gov.head.dep_ in {"advmod", "prt"} and \
            pos(gov.head.head) in {"VERB", "AUX"} and gov.head.i < gov.i:
        # "Turnover was up 4.3% to £1.97bn": the level it went up to
        via, prep_of_anchor = gov.head, gov
        dep, gov = "adv", gov.head.head
    elif dep in {"npadvmod"} and pos(gov) == "VERB":
        dep = "adv"  # "passenger numbers rose 8.1%"
    if pos(gov) not in {"VERB", "AUX"} or gov.i == anchor.i or gov.i in used:
        return [], False
    verb = gov
    attr = next((c for c in verb.children if c.dep_ == "attr" and pos(c) in _NOUNS
                 and c.i not in used), None)
    number_subject = dep in _SUBJECTS and attr is not None and _numeric(anchor)
    if verb.lower_ in _COPULA and dep != "adv" and not number_subject:
        return [], False  # "17 of the counts were capital charges" keeps its copula
    neg = _negation(verb)
    prt = [c for c in verb.children if c.dep_ == "prt"
           and (prep_of_anchor is None or c.i != prep_of_anchor.i)]
    skip = used | ({prep_of_anchor.i} if prep_of_anchor is not None else set())
    parts: list[str] = []
    relative = False
    if dep in _SUBJECTS:
        # "25,000 people have been infected with Ebola" -> "people infected with Ebola"
        parts.append(_join(sorted(neg + [verb] + prt, key=lambda t: t.i)))
        obj = _object(verb, skip)
        parts.append(_join(obj) if obj else _join(_first_pp(verb, skip)))
    elif dep == "dobj" and _passive(verb):
        # "Locke was given a three-year deal" -> "deal Locke was given"
        subj = _subject(verb)
        vp = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}] + neg + [verb] + prt
        if subj is not None:
            vp += _governing(verb, subj)
            parts.append(f"{_join(_np(subj, skip))} {_join(sorted(vp, key=lambda t: t.i))}")
            relative = True
        else:
            parts.append(_join(sorted(neg + [verb] + prt, key=lambda t: t.i)))
        parts.append(_join(_first_pp(verb, skip)))
    elif dep in {"dobj", "pobj_verb", "adv"}:
        subj = _subject(verb)
        if subj is None:
            if has_noun:
                return [], False
            # "it plans to invest £10bn in the next five years" -> "invest"; "plans to cut the
            # wholesale prices by 8%" -> "cut wholesale prices"
            parts.append(_join(sorted(neg + [verb] + prt, key=lambda t: t.i)))
            if dep == "pobj_verb":
                parts.append(_join(_object(verb, skip)))
            subj_words = ""
        else:
            subj_words = _join(_np(subj, skip) + _of_phrase(subj, skip))
        if subj is None:
            pass
        elif dep == "dobj" and _past_participle(verb) and has_noun:
            # "Allies have pledged €20bn in aid" -> "aid pledged by Allies"
            parts.append(_join(sorted(neg + [verb] + prt, key=lambda t: t.i)))
            parts.append(f"by {subj_words}")
        elif dep == "dobj" and pos(subj) != "PROPN" and has_noun:
            return [], False
        else:
            # "Exel employs 109,000 people" -> "people Exel employs";
            # "sold for $1.2m at Christie's" -> "the manuscript sold for"
            relative = dep == "dobj"
            aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i > subj.i]
            vp = sorted(aux + neg + [verb] + prt + _governing(verb, subj), key=lambda t: t.i)
            parts.append(f"{subj_words} {_join(vp)}")
            if dep == "dobj" and not has_noun:
                # "Baikal paid 260.75bn roubles for Yugansk" -> "Baikal paid for Yugansk"
                parts.append(_join(_first_pp(verb, skip)))
            if dep in {"pobj_verb", "adv"} and prep_of_anchor is not None:
                obj = _object(verb, skip)
                if obj:
                    parts.append(_join(obj))
                if prep_of_anchor.lower_ not in {"by"} and (
                        prep_of_anchor.dep_ != "prep" or not _time_pp(verb, skip, parts)):
                    parts.append(prep_of_anchor.text if via is None else
                                 f"{via.text} {prep_of_anchor.text}")
    else:
        return [], False
    when = _time_pp(verb, skip, parts)
    if when:
        parts.append(when)
    return [p for p in parts if p], relative


_ASIDE = frozenset({"-", "–", "—", ":", ";", "(", ")"})


def _aside(tok: Token) -> bool:
    """Return True for punctuation that sets off an aside (a spaced dash, a colon, a bracket),
    not the hyphen of "16-page"."""
    if tok.text not in _ASIDE:
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.text not in {"-", "–"} or bool(tok.whitespace_) or (
        prev is not None and bool(prev.whitespace_))


_COPULA = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "am"})


def _negation(verb: Token) -> list[Token]:
    """Return the verb's negation with the auxiliary a contracted one hangs on ("do n't")."""
    out = []
    for c in verb.children:
        if c.dep_ == "neg":
            out.append(c)
            prev = verb.doc[c.i - 1] if c.i > 0 else None
            if c.text.lower() in {"n't", "n’t"} and prev is not None and \
                    prev.dep_ in {"aux", "auxpass"}:
                out.append(prev)
    return out


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _object(verb: Token, used: set[int]) -> list[Token]:
    """Return the verb's object or complement phrase ("fought Ebola infections"), or []."""
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "attr", "acomp", "oprd"}
                and c.i not in used), None)
    if obj is None or pos(obj) == "PRON":
        return []
    if _number_piece(obj):
        # "agreed a $168m (£89m) settlement deal": the noun the amount is of, or nothing
        obj = next((c for c in obj.children if c.dep_ in {"appos", "compound"}
                    and pos(c) == "NOUN" and not _number_piece(c) and c.i not in used), None)
        if obj is None:
            return []
    return _np(obj, used) if pos(obj) in _NOUNS else [obj]


def _past_participle(verb: Token) -> bool:
    """Return True when the verb's form reads as a past participle after its noun ("pledged")."""
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.lower_.endswith("ed"))


def _first_pp(verb: Token, used: set[int], skip: Token | None = None) -> list[Token]:
    for child in verb.rights:
        if child.dep_ == "prep" and (skip is None or child.i != skip.i) and \
                child.i not in used and \
                not any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree):
            return _pp(child, used)
    return []


def _time_pp(verb: Token, used: set[int], parts: list[str]) -> str:
    """Return the verb's time phrase ("in the first quarter of 2025"), or ""."""
    for child in verb.children:
        if child.dep_ == "prep" and child.i not in used and \
                not any(t.i in used for t in child.subtree) and \
                any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in child.children):
            words = _pp(child, used, limit=7)
            text = _join(words)
            if text and not any(text in p for p in parts):
                return text
            return ""
    return ""
