"""People, organisations and places, with mentions merged and roles from titles and appositions.

``find_entities`` groups spaCy's PERSON, ORG, GPE, LOC and FAC mentions: a person's shorter forms
("Rutte", "Mr Rutte") join the fullest form sharing their last name ("Mark Rutte"). A role comes
from title words before a name ("US Secretary of State Marco Rubio") or an apposition after or
before it ("Rod Eddington, BA's chief executive,"; "the EU’s High Representative …, Kaja Kallas");
an abbreviation's possessive becomes a plain qualifier ("NATO Secretary General"). Generic
capitalised plurals ("Allies") are dropped. spaCy's kinds are corrected by general signs: a
"person" whose mentions show an organisation or place (name endings such as "United" or "Road",
a platform's name, a lone abbreviation, a list of organisations, "Mike Powell of X", a word that
qualifies another person's role) unless a first name, honorific or role shows a person; an
"organisation" right after a person's title ("spokesman Vince Cable") or that is a person's name
is a person; an abbreviation defined in brackets joins its organisation; a lone capitalised
word the text also writes in lower case is no name. A title word is part of a lone surname's name
("Pastor Maldonado", "Prince Harry") when it is no office, the text gives no other first name and
never uses the word as a common noun. ``EntityIndex`` answers "who is this mention?" for the quote
finder.

Words spaCy reads as people that name none are left out by the signs of ``namesigns``: a word used
as no name is ("the Haka", "the Darwin woman", "'the Barbie from Down Under'"), a work's or an
award's title, a nationality alone ("The Aussie"); a lone word named once that shows no person's
use goes too. A leading nationality or office becomes the role ("Brazilian Ronaldo", "Comedian Ben
Elton"); a role may also come from "is"/"was" ("Carver was also assistant manager"). A birth name
("born Natalie Stewart", "real name Shawn Carter") joins the person named before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Entity, Sentence
from .marks import QuoteSpan, inside, quote_spans
from .namesigns import (
    DEMONYMS,
    alias_cue,
    demonym_words,
    in_a_title,
    no_name_use,
    normal_case,
    person_use,
)
from .tags import pos, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "HONORIFICS", "PLATFORMS", "EntityIndex", "a_person_after_title", "find_entities",
    "not_a_person", "person_in_org", "role_before", "sentence_at",
]

_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}

HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady rev fr sr jr mister madam".split()
)
# words that may appear inside a role but never carry it alone
_ROLE_GLUE = frozenset({"of", "for", "and", "the", "'s", "’s", "-", "on"})
_NOT_ROLE = frozenset(
    "on in at by with from to as after before when while during since said says told".split()
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def sentence_at(sents: Sequence[Sentence], char: int) -> Sentence | None:
    """Return the sentence of ``sents`` (sorted by offset) holding character ``char``, or None."""
    lo, hi = 0, len(sents) - 1
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        if sents[mid].start <= char:
            best = sents[mid]
            lo = mid + 1
        else:
            hi = mid - 1
    return best


def _strip_det(words: list[str]) -> list[str]:
    while words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return words


def clean_name(text: str) -> str:
    """Return ``text`` without a leading article, possessive ending or surrounding punctuation."""
    # "(CNN)Sofia Vergara", "CNN)Sofia Vergara": a dateline glued on (its "(" may be cut off)
    text = re.sub(r"^\s*\(?[^()\s]*\)(?=\S)", "", text)
    text = re.sub(r"^\s*\([^()]*\)", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:\"'“”‘’()-–—")
    text = re.sub(r"(?:'s|’s|'|’)$", "", text)
    words = _strip_det(text.split())
    return " ".join(words)


def name_key(name: str) -> str:
    """Return the last significant word of a person's name, lower-cased ("Mr Rutte" -> "rutte")."""
    words = [w.strip(".,").lower().replace("’", "'") for w in name.split()]
    words = [w for w in words if w and w not in _SUFFIXES]
    return words[-1] if words else ""


def _bare(name: str) -> str:
    """Return ``name`` without honorifics ("Mr Rutte" -> "Rutte")."""
    words = [w for w in name.split() if w.lower().strip(".") not in HONORIFICS]
    return " ".join(words) if words else name


# Words that make a phrase a role: offices, titles and occupations (a general list).
ROLE_WORDS = frozenset("""
president vice minister secretary general chancellor premier governor mayor senator sen rep
representative congressman congresswoman ambassador envoy commissioner chairman chairwoman chair
chairperson director chief executive ceo cfo coo founder boss head leader manager coach captain
spokesman spokeswoman spokesperson official officer adviser advisor aide analyst economist
strategist expert professor lecturer researcher scientist doctor dr surgeon nurse lawyer attorney
barrister solicitor judge justice prosecutor detective inspector sergeant constable commander
colonel general major lieutenant admiral marshal king queen prince princess duke duchess emperor
pope bishop archbishop cardinal imam rabbi reverend priest pastor mp mep peer lord lady baroness
baron sheriff deputy treasurer editor correspondent reporter journalist columnist presenter host
author writer actor actress singer star player striker midfielder defender goalkeeper forward
jockey trainer driver rider champion owner partner member candidate activist campaigner
representative negotiator mediator diplomat attache consul regent speaker clerk registrar
superintendent chancellor provost dean principal headteacher headmaster teacher student mother
father wife husband son daughter brother sister grandmother grandfather widow fiance fiancee
agent broker banker investor trader entrepreneur president-elect secretary-general premier-elect
producer filmmaker director-general commissioner-general consultant physician paramedic
firefighter pilot engineer architect accountant chef farmer soldier sailor officer pathologist
psychologist psychiatrist therapist specialist midwife pharmacist dentist vet veteran coroner
magistrate comedian musician rapper guitarist drummer pianist composer prisoner inmate fusilier
corporal model
councillor councilman councilwoman alderman lawmaker legislator senator-elect governor-elect
""".split())


# Words that end an organisation's name ("United Nations", "Federal Reserve", "World Bank").
_ORG_ENDS = frozenset("""
nations states kingdom emirates union council committee commission agency authority bank fund
reserve treasury department ministry office bureau service institute institution university
college school hospital court assembly parliament congress senate house party league federation
association organisation organization foundation corporation company group board club team forum
command force forces army navy police guard museum centre center network inc ltd plc llc
""".split())


def person_in_org(ent: Span) -> Span | None:
    """Return the person's name an organisation span swallowed after a title, or None.

    spaCy reads "Ambassador to the United Nations Samantha Power" as one ORG: after a title word
    ("Ambassador to", "Secretary of"), an organisation's name that ends in an organisation word
    ("Nations", "Bank") and is followed by two or three capitalised words holds a person's name.
    """
    if ent.label_ not in {"ORG", "GPE", "NORP", "FAC"} or len(ent) < 2:
        return None
    doc = ent.doc
    for tok in ent[:-1]:
        nxt = doc[tok.i + 1]
        if tok.lower_.rstrip(".") in {"mr", "mrs", "ms", "dr", "sir", "dame"} and nxt.is_title \
                and all(t.is_title and t.is_alpha for t in doc[tok.i + 1 : ent.end]) \
                and ent.end - tok.i - 1 <= 3:
            return doc[tok.i : ent.end]  # "GDC Mr Allard": a person after an honorific
    if len(ent) < 3:
        return None
    cut = max((t.i for t in ent if t.lower_ in _ORG_ENDS), default=-1)
    if cut < 0 or not 2 <= ent.end - cut - 1 <= 3:
        return None
    name = doc[cut + 1 : ent.end]
    if not all(t.is_title and t.is_alpha and pos(t) == "PROPN" for t in name):
        return None
    # a title before the organisation: "Ambassador to the ...", "Secretary of ..."
    i = ent.start - 1
    if i >= 0 and doc[i].lower_ in {"to", "of", "for", "at"}:
        i -= 1
    if i < 0 or not _is_role_word(doc[i]):
        return None
    return doc[name.start : name.end]


def _is_role_word(tok: Token) -> bool:
    return tok.lower_.rstrip(".") in ROLE_WORDS or tok.lower_.split("-")[-1] in ROLE_WORDS


def role_before(doc: Doc, start: int) -> str | None:
    """Return the title words right before token ``start`` ("US Secretary of State"), or None.

    Title words are capitalised words, nationality and organisation names and lower-case words of
    a compound ("defence lawyer"), joined by "of"/"for"; the phrase must hold an office or
    occupation word ("Secretary", "lawyer"). Dates, numbers, names and honorifics stop it.
    """
    if _relative_clause_subject(doc, start):
        return None
    i = start - 1
    words: list[Token] = []
    while i >= 0:
        tok = doc[i]
        low = tok.lower_
        if tok.is_space or tok.is_punct and tok.text != "-":
            break
        if tok.is_lower and tok.is_alpha and len(tok) <= 2 and i > 0 and doc[i - 1].like_num \
                and not doc[i - 1].whitespace_ and words:
            words[:0] = [doc[i - 1], tok]  # "10,000m champion": a distance, not a name's word
            i -= 2
            continue
        if tok.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON", "MONEY", "PERCENT"} \
                and not (tok.ent_type_ == "ORDINAL" and tok.is_title and tok.is_alpha and words
                         and (words[0].is_title or _is_role_word(words[0]))):  # "First Lady"
            break
        if low.rstrip(".") in HONORIFICS and not _is_role_word(tok):
            break
        if low in {"of", "for"}:
            if not words or i == 0 or not (doc[i - 1].is_title or doc[i - 1].is_upper or
                                            len(words) == 1 and _is_role_word(doc[i - 1])):
                break
        elif tok.text in {"-", "–"} and not tok.whitespace_ and i > 0 and \
                not doc[i - 1].whitespace_ and words:
            pass  # "Secretary-General"
        elif tok.text in _POSSESSIVE and words and i > 0 and \
                (doc[i - 1].is_title or doc[i - 1].is_upper):
            pass  # "NATO's Secretary General"
        elif pos(tok) not in {"PROPN", "NOUN", "ADJ"}:
            break
        elif tok.is_lower and not words and not _is_role_word(tok) and not (
                i >= 2 and doc[i - 1].lower_ in {"of", "for"} and _is_role_word(doc[i - 2])
                and pos(tok) == "NOUN"):  # ("director of sport Emilio Butragueno")
            break  # the word next to the name must be a title ("video Abase Hussen" is not)
        elif tok.is_lower and pos(tok) == "NOUN" and words and words[0].is_title and \
                words[0].lower_.rstrip(".") not in HONORIFICS:
            break  # a noun before a capitalised title ends another phrase ("hike President")
        words.insert(0, tok)
        i -= 1
    while words and words[0].lower_ in _ROLE_GLUE:
        words.pop(0)
    while words and words[-1].lower_.rstrip(".") in HONORIFICS and \
            not (len(words) >= 2 and words[-2].ent_type_ == "ORDINAL"):  # ("First Lady")
        words.pop()  # "fertility specialist Dr. David Tourgeman": "Dr" goes with the name
    if not words or not any(_is_role_word(w) for w in words):
        return None
    return _without_org_possessive(words)


def _relative_clause_subject(doc: Doc, start: int) -> bool:
    """Return True when the name at token ``start`` is the subject of a relative clause on the
    noun before it ("the third undefeated world champion Manny has faced"): that noun is not the
    name's title."""
    tok = doc[start]
    while tok.dep_ in {"compound", "flat"} and tok.head.i > tok.i:
        tok = tok.head
    verb = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"} and verb.dep_ == "relcl" and \
        verb.head.i == start - 1


def _without_org_possessive(words: Sequence[Token]) -> str:
    """Return contiguous ``words`` as the source spells them, an organisation's possessive made a
    qualifier ("NATO's Secretary General" -> "NATO Secretary General"; "Britain's Foreign
    Secretary" stays)."""
    doc = words[0].doc
    k = next((j for j, w in enumerate(words) if w.text in _POSSESSIVE), None)
    if k is None or k == 0 or not _acronym_org(words[k - 1]) or k == len(words) - 1:
        return doc[words[0].i : words[-1].i + 1].text  # contiguous: keep the source's spacing
    return doc[words[0].i : words[k - 1].i + 1].text + " " + doc[words[k + 1].i : words[-1].i
                                                                + 1].text


_POSSESSIVE = frozenset({"'s", "’s"})
_DETERMINERS = frozenset("the a an his her their its our my your".split())
_KIN_ROLES = frozenset(
    "mother father wife husband son daughter brother sister grandmother grandfather widow fiance "
    "fiancee partner".split()
)


def _acronym_org(tok: Token) -> bool:
    """Return True for an organisation's abbreviation ("NATO", "BA", "EU"): its possessive may
    become a plain qualifier ("BA's chief executive" -> "BA chief executive"); a name's stays
    ("Churchill's fellow leader", spaCy's ORG or not)."""
    return tok.is_upper and tok.is_alpha and len(tok) >= 2 and tok.ent_type_ in {"ORG", ""}


def _role_phrase(words: Sequence[Token]) -> str | None:
    """Return the role ``words`` spell ("NATO Secretary General", "BA's chief executive" read as
    "BA chief executive"), or None when they are no role.

    A role is an optional qualifier (capitalised words, "of"/"for"/"and" between them, an optional
    possessive ending) then title-cased or lower-case words ending in an office or occupation word.
    A lower-case role without a qualifier must not be a family tie ("a mother of three").
    """
    words = list(words)
    while words and words[0].lower_ in _DETERMINERS:
        words = words[1:]  # "his team chairman": the role is "team chairman"
    if not words or len(words) > 10 or any(w.like_num or w.ent_type_ in {"DATE", "PERSON"}
                                           for w in words):
        return None
    caps = all(w.is_title or w.is_upper or w.lower_ in _ROLE_GLUE for w in words)
    if caps:
        if not any(_is_role_word(w) for w in words):
            return None
        if words[0].text in _POSSESSIVE or words[-1].text in _POSSESSIVE:
            return None
        return _without_org_possessive(words)
    # a qualifier then lower-case words: "BA's chief executive", "ESPN reporter"
    k = 0
    while k < len(words) and (words[k].is_title or words[k].is_upper or k and
                              words[k].lower_ in {"of", "for", "and"}):
        k += 1
    qualifier = words[:k]
    rest = words[k:]
    if rest and rest[0].text in _POSSESSIVE and qualifier:
        if not _acronym_org(qualifier[-1]) or rest[-1].lower_ in _KIN_ROLES:
            # "Britain's chief negotiator", "Travolta's wife": a person's or country's
            return _join(words) if len(rest) > 1 and _is_role_word(rest[-1]) and all(
                w.is_lower and pos(w) in {"NOUN", "ADJ"} for w in rest[1:]) else None
        rest = rest[1:]
    if not rest or len(rest) > 4 or not all(w.is_lower and (w.is_alpha or "-" in w.text)
                                            and pos(w) in {"NOUN", "ADJ", "PROPN"} for w in rest):
        return None
    if not _is_role_word(rest[-1]) or pos(rest[-1]) not in {"NOUN", "PROPN"}:
        return None
    if not qualifier and rest[-1].lower_ in _KIN_ROLES:
        return None
    if qualifier and qualifier[-1].lower_ in _ROLE_GLUE:
        return None
    return (_join(qualifier) + " " if qualifier else "") + _join(rest)


def _join(words: Sequence[Token]) -> str:
    """Return ``words`` (contiguous tokens) as the source spells them."""
    return words[0].doc[words[0].i : words[-1].i + 1].text if words else ""


def _apposition_before(doc: Doc, ent: Span) -> str | None:
    """Return a role set before a name by a comma ("the EU’s High Representative for Foreign
    Affairs and Security Policy, Kaja Kallas"; "BA's chief executive, Rod Eddington"), or None."""
    if ent.start < 3 or doc[ent.start - 1].text != ",":
        return None
    i = ent.start - 2
    words: list[Token] = []
    lower_tail = True
    while i >= 0 and len(words) < 10:
        tok = doc[i]
        if tok.is_lower and tok.is_alpha and lower_tail and tok.lower_ not in _ROLE_GLUE \
                and tok.lower_ not in _DETERMINERS and pos(tok) in {"NOUN", "ADJ"}:
            words.insert(0, tok)
        elif (tok.is_title or tok.is_upper and tok.is_alpha) and \
                pos(tok) in {"PROPN", "NOUN", "ADJ"} or tok.text in _POSSESSIVE or \
                tok.lower_ in {"of", "for", "and"} and words:
            lower_tail = False
            words.insert(0, tok)
        else:
            break
        i -= 1
    if not words or i >= 0 and not (doc[i].lower_ in _DETERMINERS or doc[i].is_punct
                                    or pos(doc[i]) in {"ADP", "VERB", "AUX"}):
        return None  # the phrase must stand alone: "… the EU's High Representative, Kallas"
    if i >= 1 and doc[i].text == "," and doc[i - 1].ent_type_ == "PERSON":
        return None  # "Mark Diffley, Director, Ipsos MORI Scotland": the role is Diffley's
    while words and words[0].lower_ in _ROLE_GLUE:
        words.pop(0)
    if words and words[0].is_sent_start and len(words) == 1:
        return None
    return _role_phrase(words)


def _apposition_after(doc: Doc, ent: Span) -> str | None:
    """Return a role apposition after ``ent`` ("Mark Rutte, NATO Secretary General,"; "Rod
    Eddington, BA's chief executive,"), or None."""
    if ent.end + 2 >= len(doc) or doc[ent.end].text != ",":
        return None
    words = []
    for tok in doc[ent.end + 1 : ent.end + 11]:
        if tok.text in {",", ".", ";", ")"} or tok.is_space:
            break
        words.append(tok)
    else:
        return None
    if not words or words[-1].ent_type_ == "DATE" or any(w.like_num for w in words):
        return None
    return _role_phrase(words)


def _bracketed_role_before(doc: Doc, ent: Span) -> str | None:
    """Return a role in brackets right before a name ("(chairman) Daniel Levy"), or None."""
    if ent.start < 3 or doc[ent.start - 1].text != ")":
        return None
    opening = next((i for i in range(ent.start - 2, max(ent.start - 8, -1), -1)
                    if doc[i].text == "("), None)
    if opening is None or opening == ent.start - 2:
        return None
    return _role_phrase(doc[opening + 1 : ent.start - 1])


_BE = frozenset({"is", "was", "'s", "’s", "be", "been"})


def _role_by_copula(doc: Doc, ent: Span) -> str | None:
    """Return the office or occupation a sentence gives a person with "is"/"was" ("Smith was a
    defence lawyer", "Jones, who is the BBC's political editor,"), or None."""
    root = ent.root
    verb = next((c for c in root.children if c.dep_ == "relcl" and c.lower_ in _BE and any(
        s.dep_ == "nsubj" and s.lower_ in {"who", "that"} for s in c.children)), None)
    if verb is None and root.dep_ == "nsubj":
        verb = root.head
    if verb is None or verb.lower_ not in _BE or verb.i == root.i:
        return None
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    if attr is None or attr.i < verb.i or not attr.is_lower or not _is_role_word(attr) or \
            pos(attr) != "NOUN" or any(c.dep_ == "neg" for c in verb.children):
        return None  # ("was not a team player"; "was the King of Clubs": a card)
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in attr.children):
        return None  # a figure of speech or a kin: "a doctor of his tyres", "a father of three"
    return _role_phrase(doc[attr.left_edge.i : attr.i + 1])


def _is_spurious(ent: Span, kind: str) -> bool:
    """Return True for mentions that are not names: plurals of common words, lower-case text."""
    text = ent.text.strip()
    if not any(c.isupper() for c in text) or len(text) < 2:
        return True
    content = [t for t in ent if not t.is_punct and t.lower_ not in {"the", "a", "an"}]
    if not content:
        return True
    if kind != "person" and len(content) == 1:
        tok = content[0]
        # "Allies", "Ministers": a capitalised plural common noun, not a name
        if tok.tag_ in {"NNS", "NNPS"} and not tok.is_upper and tok.lower_.endswith("s"):
            return True
        if tok.tag_ in {"JJ", "JJR", "JJS", "VBN"}:
            return True  # "Allied support": an adjective, not an organisation
    if kind == "person" and any(t.like_num or any(c.isdigit() for c in t.text) for t in content):
        return True  # ("the plate read H982 FKL": a code, not a name)
    if kind == "person" and len(content) == 1 and content[0].tag_ in _VERB_TAGS:
        return True  # "Tuning out of politics: …": a caption's opening verb
    if kind == "person" and len(content) == 1 and content[0].is_upper and (
        len(content[0]) > 5 or ent.end < len(ent.doc) and ent.doc[ent.end].text == ":"
    ):
        return True  # "CLAIM: MP Jesse Norman …": a caption's label, not a name
    return False


_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "RB", "MD"})


@dataclass
class _Group:
    name: str
    kind: str
    role: str | None = None
    mentions: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    sents: set[int] = field(default_factory=set)
    first: int = 0
    # evidence that a "person" is an organisation or place (kind -> votes), and that it is not
    other: dict[str, int] = field(default_factory=dict)
    personal: int = 0
    titles: list[str] = field(default_factory=list)  # one title word right before a lone surname
    unnamed: int = 0  # mentions used as no name is ("the Haka", "the Darwin woman")
    used: int = 0  # mentions used as people's names are ("Estelle said")
    nationality: str | None = None  # the role when it is only a nationality ("Brazilian")
    quoted: int = 0  # mentions inside a quote ("Our approach is Bruce Lee, not brute force")


def find_entities(parses: Sequence[tuple[int, Any, Doc, Sequence[Sentence]]]) -> tuple[Entity, ...]:
    """Return the people, organisations and places of all parses, mentions merged, in first-seen
    order."""
    groups: dict[tuple[str, str], _Group] = {}
    common: set[str] = set()  # the words the texts use in lower case
    defined: dict[str, str] = {}  # "lse" -> "london stock exchange": "… (LSE)" after a name
    places: list[tuple[int, int, _Group]] = []  # (source, offset, group) of each person mention
    aliases: list[tuple[int, int, _Group]] = []  # … of each mention giving another name
    spellings: dict[str, str] = {}  # "SYMONDS" -> "Symonds": a word's spelling in normal case
    texts: list[tuple[str, list[QuoteSpan]]] = []  # each text and its quoted spans
    for source, _doc, parsed, sents in parses:
        common.update(t.text for t in parsed if t.is_lower)
        for t in parsed:
            if t.text[:1].isupper() and not t.is_upper and t.is_alpha:
                spellings.setdefault(t.text.upper(), t.text)
        quoted = quote_spans(parsed.text)
        texts.append((parsed.text, quoted))
        defined.update(abbreviations(parsed))
        in_roles = _role_tokens(parsed)
        for ent in _mentions(parsed):
            kind = _KINDS.get(ent.label_)
            if kind in {"org", "place"} and a_person_after_title(ent):
                kind = "person"
            if kind is None or _is_spurious(ent, kind):
                continue
            if kind != "person" and all(t.i in in_roles for t in ent):
                continue  # "State" in "US Secretary of State Marco Rubio" is part of a role
            nationality = title = None
            if kind == "person":
                n = demonym_words(ent)
                if n == len(ent) or in_a_title(ent):
                    continue  # "The Aussie"; "Outstanding Breakthrough Performance By An …"
                if n:  # "Brazilian Ronaldo": the nationality describes Ronaldo
                    nationality, ent = ent[n - 1].text, ent[n:]
                elif ent.start > 0 and parsed[ent.start - 1].lower_ in DEMONYMS and \
                        parsed[ent.start - 1].is_title:
                    nationality = parsed[ent.start - 1].text
                if _title_in_name(ent):
                    title, ent = ent[0].text, ent[1:]  # "Comedian Ben Elton": a role
                elif ranks := _ranks_before_full_name(ent):
                    title, ent = ent[:ranks].text, ent[ranks:]  # "Crown Prince Mohammed Bin …"
            name = clean_name(ent.text)
            if not name:
                continue
            if kind == "person":
                name = _bare(name)
            elif ent[0].text == "The" and not ent[0].is_sent_start:
                name = "The " + name  # "The Hague": the article is part of the name
            if kind != "person":
                group = _group_for(groups, (kind, clean_name(name).lower()), name)
                _add_mention(group, ent, name, sents)
                continue
            role = role_before(parsed, ent.start) or _apposition_after(parsed, ent) or \
                _apposition_before(parsed, ent) or title or _role_by_copula(parsed, ent) or \
                _bracketed_role_before(parsed, ent)
            group = _group_for(groups, _person_key(groups, ent, name, role), name)
            _add_mention(group, ent, name, sents)
            places.append((source, ent.start_char, group))
            if alias_cue(ent):
                aliases.append((source, ent.start_char, group))
            if no_name_use(ent):
                group.unnamed += 1
            if _quoted(parsed.text, ent.end_char, quoted) and not _listed_with_people(ent):
                group.quoted += 1
            if person_use(ent) or ent[0].lower_.rstrip(".") in HONORIFICS:
                group.used += 1  # ("Ms Moon": an honorific, no vote against the merges below)
            other = not_a_person(ent)
            if other is not None:
                group.other[other] = group.other.get(other, 0) + 1
            elif " " in name:
                group.personal += 10  # a first name and a surname: "Kostas Kenteris"
            if ent.start > 0 and parsed[ent.start - 1].lower_.rstrip(".") in HONORIFICS:
                group.personal += 10  # "Mr Burberry" is a person
            if role and " " not in role and " " not in name and role.istitle():
                group.titles.append(role)
            # the longest role seen is the fullest ("NATO Secretary General" over "Secretary
            # General"); a nationality ("Brazilian") stands in for none at the end
            if role and (group.role is None or len(role) > len(group.role)):
                group.role = role
            group.nationality = group.nationality or nationality
    _merge_false_namesakes(groups)
    _drop_common_words(groups, common)
    _drop_unnamed(groups)
    _drop_quoted_only(groups, texts)
    _drop_products(groups, common)
    _merge_aliases(groups, places, aliases)
    for g in groups.values():
        _title_as_first_name(g, common)
        g.name = normal_case(_fullest(g.forms), spellings) if g.kind == "person" else max(
            g.forms, key=lambda f: (g.forms.count(f), f.startswith("The ")))
    _rekind_people(groups)
    _merge_people_into_orgs(groups)
    _merge_orgs_into_people(groups)
    _merge_abbreviations(groups, defined)
    _merge_last_words_of_orgs(groups)
    return tuple(
        Entity(g.name, g.kind, g.role or (g.nationality if g.kind == "person" else None),
               tuple(dict.fromkeys(g.mentions)), tuple(sorted(g.sents)))
        for g in sorted(groups.values(), key=lambda g: g.first)
    )


# Titles that are part of a name ("Prince Harry", "Duke of York"), never cut off it.
_NAME_RANKS = frozenset(
    "prince princess king queen duke duchess emperor empress pope lord lady baron baroness earl "
    "count countess saint st crown sheikh".split()
)


def _title_in_name(ent: Span) -> bool:
    """Return True when a person's mention opens with an office or occupation word before a full
    name ("Comedian Ben Elton", "Farmer Geoff Brooks"), not a rank that is part of a name."""
    words = [t for t in ent if t.text not in _POSSESSIVE]
    return len(words) >= 3 and words[0].is_title and _is_role_word(words[0]) and \
        words[0].lower_.rstrip(".") not in _NAME_RANKS | HONORIFICS and \
        all(w.is_title or w.text in {"-", "."} for w in words[1:])


# Ranks that are a role before a full name ("Crown Prince Mohammed bin Zayed") and part of a lone
# name ("Prince Harry"); "Earl" and "Count" are first names too, a saint's name is a name.
_RANKS = frozenset(
    "prince princess king queen crown duke duchess emperor empress pope baron baroness sheikh "
    "grand".split()
)


def _ranks_before_full_name(ent: Span) -> int:
    """Return how many rank words ("Crown Prince") open a person's mention before a full name of
    at least two words ("Mohammed Bin Zayed Al Nahyan"), else 0."""
    n = 0
    while n < len(ent) and ent[n].is_title and ent[n].lower_ in _RANKS:
        n += 1
    rest = [t for t in ent[n:] if t.is_alpha and t.lower_ not in _SUFFIXES]
    return n if n and len(rest) >= 2 and rest[0].is_title else 0


def _group_for(groups: dict[tuple[str, str], _Group], key: tuple[str, str], name: str) -> _Group:
    """Return the group of ``key``, made (and numbered in first-seen order) when new."""
    group = groups.get(key)
    if group is None:
        group = groups[key] = _Group(name, key[0], first=len(groups))  # none is dropped yet
    return group


def _add_mention(group: _Group, ent: Span, name: str, sents: Sequence[Sentence]) -> None:
    group.mentions.append(ent.text.strip())
    group.forms.append(name)
    sent = sentence_at(sents, ent.start_char)
    if sent is not None:
        group.sents.add(sent.index)


def _person_key(groups: dict[tuple[str, str], _Group], ent: Span, name: str,
                role: str | None) -> tuple[str, str]:
    """Return the group key of a person's mention: their last name, with the first name too for
    a namesake ("Terra Lurie" beside "Michael Lurie"); a lone last name with a title goes to the
    one namesake with that title ("President Obama" to President Barack Obama, not to his
    daughter named first)."""
    key = ("person", name_key(name))
    if key not in groups:
        return key
    parsed = ent.doc
    if _namesake(name, groups[key].forms) and \
            not (ent.start > 0 and parsed[ent.start - 1].lower_ in {"of", "the"}):
        # (not "… Katherine of Alexandria Redwood said": a title glued to a name)
        return ("person", f"{name_key(name)} {name.split()[0].lower()}")
    if role and " " not in name:
        titled = [k for k, g in groups.items() if k[1].startswith(key[1] + " ") and g.role
                  and (g.role == role or g.role.endswith(" " + role))]
        if len(titled) == 1 and groups[key].role != role:
            return titled[0]
    return key


def _drop_unnamed(groups: dict[tuple[str, str], _Group]) -> None:
    """Drop "people" named by one word that show no person: every mention used as no name is
    ("the Haka", "the Darwin woman"), or most and none as a person's ("the Surrey captain"), or
    one mention only, used as no person's name needs to be ("Arcelor", "Holyrood"), unlike
    "Estelle said" or "… he said" after it; an honorific, a role or a nationality shows a
    person."""
    for key in [k for k in groups if k[0] == "person"]:
        g = groups[key]
        if g.role or g.titles or g.other or g.personal or any(" " in f for f in g.forms):
            continue
        if g.unnamed == len(g.mentions) or not g.used and (
                2 * g.unnamed > len(g.mentions) or len(g.mentions) == 1 and not g.nationality):
            del groups[key]


def _drop_quoted_only(groups: dict[tuple[str, str], _Group],
                      texts: Sequence[tuple[str, Sequence[QuoteSpan]]]) -> None:
    """Drop "people" named only inside quotes and given no role: a name in someone's words ("Our
    approach is Bruce Lee, not brute force") is none of the story's people. A last name the texts
    write outside quotes ("Duff's role", which spaCy may not read as a person) keeps its person.
    """
    for key in [k for k in groups if k[0] == "person"]:
        g = groups[key]
        if g.quoted < len(g.mentions) or g.role or g.titles or g.nationality:
            continue
        last = g.forms[0].split()[-1]
        word = re.compile(rf"(?<!\w){re.escape(last)}(?!\w)")
        if not any(not inside(m.start(), spans) for text, spans in texts
                   for m in word.finditer(text)):
            del groups[key]


# a quote mark opening a quote right after a word: a quote starts again ("… on Sunday 'That's")
_REOPENED = re.compile(r"[.!?]|(?<=\w\s)['‘\"“](?=[A-Z])")


def _quoted(text: str, char: int, spans: Sequence[QuoteSpan]) -> bool:
    """Return True when ``char`` is inside one of ``spans`` and not in a caption glued into it:
    a caption runs without a full stop up to a quote opening again ("… Kimi Raikkonen on Sunday
    'That's what a team leader has to do'"), a sign the pairing of the marks went astray."""
    if not inside(char, spans):
        return False
    end = next(s.end for s in spans if s.start - 1 <= char <= s.end)
    stop = _REOPENED.search(text, char, end)
    return stop is None or stop.group() in ".!?"


def _listed_with_people(ent: Span) -> bool:
    """Return True when ``ent`` is an item of a list that names another person or an office
    ("David Cameron and George Osborne", "Alan Milburn and the prime minister")."""
    return any(t.ent_type_ == "PERSON" or t.is_lower and _is_role_word(t)
               for t in _coordinated(ent.root))


def _drop_products(groups: dict[tuple[str, str], _Group], common: set[str]) -> None:
    """Drop "people" whose last word the text writes in lower case and that is a word of two or
    more organisations' names ("Wilko Moisturising Sun" beside "Ladival Sun Protection" and "the
    sun"): a product's name, unless a role, an honorific or a person's use shows a person."""
    words: dict[str, int] = {}
    for (kind, name), _g in groups.items():
        if kind != "person":
            for w in set(name.split()):
                words[w] = words.get(w, 0) + 1
    for key in [k for k in groups if k[0] == "person"]:
        g = groups[key]
        last = key[1].split()[0]
        if g.role or g.titles or g.used or g.nationality or g.personal > 10 * sum(
            " " in f for f in g.forms
        ):
            continue
        if last in common and words.get(last, 0) >= 2:
            del groups[key]


def _merge_aliases(groups: dict[tuple[str, str], _Group], places: list[tuple[int, int, _Group]],
                   aliases: list[tuple[int, int, _Group]]) -> None:
    """Merge a person's other name ("born Natalie Stewart") into the person named last before
    it, keeping that person's name."""
    live = {id(g) for g in groups.values()}
    for source, at, alias in aliases:
        if id(alias) not in live:
            continue
        before = [(pos, g) for src, pos, g in places if src == source and pos < at
                  and g is not alias and id(g) in live and g.kind == "person"]
        if not before:
            continue
        target = max(before, key=lambda t: t[0])[1]
        key = next(k for k, g in groups.items() if g is alias)
        del groups[key]
        live.discard(id(alias))
        target.mentions.extend(alias.mentions)
        target.sents |= alias.sents
        target.first = min(target.first, alias.first)
        target.role = target.role or alias.role


# Single-word names of well-known platforms and services, never a person's (a general list).
PLATFORMS = frozenset("""
twitter facebook instagram youtube tiktok snapchat whatsapp reddit linkedin tumblr pinterest
google wikipedia skype netflix spotify uber airbnb ebay paypal telegram weibo wechat myspace
""".split())
# Last words of an organisation's or a place's name that end no person's name.
_NAME_ENDS = {
    **dict.fromkeys("""
    united rovers athletic wanderers albion town city county fc plc inc ltd llc corp police
    council party club
    team bank ministry department university college school hospital agency commission
    committee association foundation corporation company group union federation league
    institute council authority airline airlines airways
    """.split(), "org"),
    **dict.fromkeys(_ORG_ENDS - {"house", "court", "guard", "force", "forces", "service", "office",
                                 "reserve", "fund", "command", "network", "centre", "center",
                                 "navy", "army"}, "org"),
    **dict.fromkeys("road street avenue stadium airport station".split(), "place"),
}


def not_a_person(ent: Span) -> str | None:
    """Return "org" or "place" when a PERSON mention shows it names none, else None.

    Signs, each general: a last word that ends organisations' or places' names ("Leeds United",
    "Elland Road"); a platform's name ("Twitter"); a lone abbreviation ("LSE"); a name after a
    person and "of" ("Mike Powell of Dresdner Kleinwort Wasserstein"); a lone word listed with
    organisations ("Boots, Burberry and Procter & Gamble").
    """
    words = [t for t in ent if not t.is_punct and t.text not in _POSSESSIVE]
    if not words:
        return None
    doc = ent.doc
    end = words[-1].lower_
    end = end if end in _NAME_ENDS or not end.endswith("s") else end[:-1]  # "Supporter Groups"
    if len(words) >= 2 and words[-1].is_title and end in _NAME_ENDS:
        return _NAME_ENDS[end]
    if len(words) == 1:
        word = words[0]
        if word.lower_ in PLATFORMS:
            return "org"
        if word.is_upper and word.is_alpha and 2 <= len(word) <= 5:
            return "org"
        conj = _coordinated(word)
        if any(c.ent_type_ in {"ORG"} for c in conj) and not any(
            c.ent_type_ == "PERSON" and c.ent_iob_ == "B" and doc[c.i + 1].ent_iob_ == "I"
            for c in conj if c.i + 1 < len(doc)
        ):
            return "org"  # (a full name in the list makes it a list of people)
        prep = word.head
        if word.dep_ == "pobj" and prep.lower_ in {"to", "in", "from", "across", "around"} and \
                verb_lemma(prep.head, _MOVES) is not None:
            return "place"  # "travelling to Yorkshire"
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and \
            doc[ent.start - 2].ent_type_ == "PERSON":
        return "org"
    return None


_MOVES = frozenset(
    "travel go come move fly return arrive live head drive walk sail relocate emigrate".split()
)


def _coordinated(word: Token) -> list[Token]:
    """Return the other items of the list ``word`` is an item of ("Boots, Burberry and …")."""
    first = word
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    out, todo = [], [first]
    while todo:
        tok = todo.pop()
        if tok.i != word.i:
            out.append(tok)
        todo.extend(c for c in tok.children if c.dep_ == "conj")
    return out


# Offices: before a name always a role ("President Obama", "Judge Smith"), never part of it, unlike
# ranks and callings that name their bearer ("Prince Harry", "Pope Francis", "Pastor Maldonado").
_OFFICES = frozenset("""
president vice minister secretary chancellor premier governor mayor senator sen rep congressman
congresswoman ambassador commissioner chairman chairwoman chair director chief executive ceo head
leader manager coach captain spokesman spokeswoman officer judge justice prosecutor detective
inspector sergeant constable commander colonel general major lieutenant admiral marshal sheriff
deputy professor prof councillor superintendent mp mep
""".split())


def _drop_common_words(groups: dict[tuple[str, str], _Group], common: set[str]) -> None:
    """Drop "people" named by one word that the text also uses in lower case ("Proud: the mother
    of …", "Slow" beside "slow"), when no mention has a first name, an honorific or a role: a
    capitalised common word, not a name."""
    for key in [k for k in groups if k[0] == "person"]:
        g = groups[key]
        if g.personal or g.role or g.titles or any(" " in f for f in g.forms):
            continue
        if all(f.lower() in common for f in g.forms):
            del groups[key]


def _title_as_first_name(group: _Group, common: set[str]) -> None:
    """Read a title word right before a lone surname as part of the person's name ("Pastor
    Maldonado", "Prince Harry") when the text gives them no other first name, never uses that word
    as a common noun ("the pastor") and the word is no office ("President Obama" keeps his role)."""
    if not group.titles or group.kind != "person" or any(" " in f for f in group.forms):
        return
    title = max(group.titles, key=group.titles.count)
    if title.lower() in common or title.lower().rstrip(".") in HONORIFICS | _OFFICES:
        return
    group.forms.append(f"{title} {max(group.forms, key=group.forms.count)}")
    if group.role == title:
        group.role = None


# Role words that may also stand before a company or country ("partner Microsoft", "market
# leader Tesco", "host Qatar"): no sign that the name after them is a person's.
_SHARED_ROLES = frozenset(
    "partner owner member host champion leader agent broker investor trader candidate negotiator "
    "mediator producer banker entrepreneur representative head chief regent general".split()
)


def a_person_after_title(ent: Span) -> bool:
    """Return True when an ORG or GPE mention is a person's name after a person's title ("Lib Dem
    Treasury spokesman Vince Cable", "TV star Bear Grylls"): one or two capitalised words, none
    ending an organisation's name, right after an office or occupation word."""
    words = [t for t in ent if t.text not in _POSSESSIVE]
    if not 1 <= len(words) <= 2 or ent.start == 0:
        return False  # (not "fund manager Matrix Asset Advisors")
    if not all(t.is_title and t.is_alpha for t in words) or any(
        t.lower_ in _NAME_ENDS or t.lower_ in _ORG_ENDS for t in words
    ):
        return False
    before = ent.doc[ent.start - 1]
    low = before.lower_.rstrip(".")
    return low not in _SHARED_ROLES and low not in HONORIFICS and _is_role_word(before) and \
        pos(before) in {"NOUN", "PROPN"} and not before.lower_.endswith("s")


def abbreviations(parsed: Doc) -> dict[str, str]:
    """Return the abbreviations the text defines after an organisation's name, lower-cased
    ("the London Stock Exchange (LSE)": {"lse": "london stock exchange"}); the abbreviation's
    letters are the initials of the name's capitalised words ("World Anti-Doping Agency (Wada)")."""
    out: dict[str, str] = {}
    for ent in parsed.ents:
        if ent.label_ not in {"ORG", "GPE", "FAC", "NORP"} or ent.end + 2 >= len(parsed):
            continue
        opening, abbr, closing = parsed[ent.end : ent.end + 3]
        if opening.text != "(" or closing.text != ")" or not abbr.is_alpha or \
                not abbr.text[:1].isupper() or len(abbr) < 2:
            continue
        initials = "".join(part[0] for w in ent if w.text[:1].isupper() and w.lower_ != "the"
                           for part in w.text.split("-") if part[:1].isupper())
        if initials.upper() == abbr.text.upper() and len(ent) > 1:
            out[abbr.lower_] = clean_name(ent.text).lower()
    return out


def _merge_abbreviations(groups: dict[tuple[str, str], _Group], defined: dict[str, str]) -> None:
    """Merge an abbreviation's entity (of any kind) into the organisation whose name it
    abbreviates where the text defines it, keeping the full name."""
    for abbr, full in defined.items():
        target = next((g for (k, n), g in groups.items() if k != "person" and n == full), None)
        if target is None:
            continue
        for key in [k for k in groups if k[1] == abbr]:
            g = groups.pop(key)
            target.mentions.extend(g.mentions)
            target.sents |= g.sents
            target.first = min(target.first, g.first)
            target.role = target.role or (g.role if g.kind != "person" else None)


def _merge_last_words_of_orgs(groups: dict[tuple[str, str], _Group]) -> None:
    """Merge a lone-word "person" into the one organisation whose name it ends and that the text
    names at least twice as often ("Boerse" beside "Deutsche Boerse"); a two-word "organisation"
    ending in a surname the text gives a person more often is that person ("Elena Dementieva",
    read once as an organisation, beside "Dementieva" read twice as a person)."""
    for key in [k for k in groups if k[0] == "person"]:
        g = groups[key]
        if " " in g.name or g.personal or g.role:
            continue
        owners = [o for (k, n), o in groups.items() if k == "org" and " " in n
                  and n.split()[-1] == g.name.lower()]
        if len(owners) != 1:
            continue
        org = owners[0]
        if len(org.mentions) >= 2 * len(g.mentions):
            del groups[key]
            org.mentions.extend(g.mentions)
            org.sents |= g.sents
        elif len(g.mentions) > len(org.mentions) and len(org.name.split()) == 2 and \
                org.name.split()[0] == org.name.split()[0].title():
            # "Elena Dementieva" read once as an organisation, "Dementieva" twice as a person
            del groups[next(k for k, o in groups.items() if o is org)]
            g.mentions.extend(org.mentions)
            g.forms.extend(org.forms)
            g.sents |= org.sents
            g.first = min(g.first, org.first)
            g.name = _fullest(g.forms)


def _rekind_people(groups: dict[tuple[str, str], _Group]) -> None:
    """Move "people" to organisations or places when more of their mentions show it than show a
    person (an honorific, a role); a lone name that qualifies another person's role ("Euronext
    chief Jean-Francois Theodore") counts as an organisation's mention."""
    qualifiers = {w.lower() for (k, _), g in groups.items() if k == "person" and g.role
                  for w in g.role.replace("’s", "").replace("'s", "").split()
                  if w[:1].isupper() and w.lower() not in ROLE_WORDS}
    for key in [k for k in groups if k[0] == "person"]:
        g = groups[key]
        votes = dict(g.other)
        if len(g.name.split()) == 1 and g.name.lower() in qualifiers:
            votes["org"] = votes.get("org", 0) + 1
        if not votes:
            continue
        kind = max(votes, key=lambda k: votes[k])
        if votes[kind] <= g.personal + (g.role is not None):
            continue
        del groups[key]
        name = max(g.forms, key=g.forms.count)
        new_key = (kind, name.lower())
        target = groups.get(new_key)
        if target is None:
            groups[new_key] = _Group(name, kind, None, g.mentions, g.forms, g.sents, g.first)
            continue
        target.mentions.extend(g.mentions)
        target.forms.extend(g.forms)
        target.sents |= g.sents
        target.first = min(target.first, g.first)


def _merge_orgs_into_people(groups: dict[tuple[str, str], _Group]) -> None:
    """Merge an "organisation" into the person whose name every one of its mentions is, when
    spaCy read that name as the person's more often ("Britt McHenry", "McHenry" read once as an
    organisation)."""
    forms: dict[str, set[tuple[str, str]]] = {}
    for key, g in groups.items():
        if key[0] == "person":
            for f in g.forms:
                forms.setdefault(f.lower(), set()).add(key)
    for key in [k for k in groups if k[0] == "org"]:
        g = groups[key]
        names = {clean_name(m).lower() for m in g.mentions}
        owners = set().union(*(forms.get(n, set()) for n in names))
        if len(owners) != 1 or not all(n in forms for n in names):
            continue
        person = groups[owners.pop()]
        if sum(person.forms.count(f) for f in person.forms if f.lower() in names) \
                < len(g.mentions):
            continue
        del groups[key]
        person.mentions.extend(g.mentions)
        person.sents |= g.sents
        person.first = min(person.first, g.first)


def _mentions(parsed: Doc) -> list[Span]:
    """Return the entity spans of ``parsed``, an organisation that swallowed a person's name
    ("the United Nations Samantha Power") cut in two."""
    out: list[Span] = []
    for ent in parsed.ents:
        person = person_in_org(ent)
        if person is None:
            out.append(ent)
            continue
        org = parsed.char_span(ent.start_char, parsed[person.start - 1].idx
                               + len(parsed[person.start - 1]), label=ent.label_) \
            if person.start > ent.start else None
        if org is not None:
            out.append(org)
        out.append(parsed.char_span(person.start_char, person.end_char, label="PERSON"))
    return out


_PARTICLES = frozenset("van von de da del della di du le la st bin al el ben ter den der".split())


def _merge_false_namesakes(groups: dict[tuple[str, str], _Group]) -> None:
    """Merge back a namesake whose "first name" is an organisation or place the text names
    ("… against Everton Gomis works on …": a caption glued to the name, not a second Gomis)."""
    names = {clean_name(m).lower() for (k, _), g in groups.items() if k != "person"
             for m in g.mentions}
    for key in [k for k in groups if k[0] == "person" and " " in k[1]]:
        surname, first = key[1].split(" ", 1)
        base = groups.get(("person", surname))
        if base is not None and first in names:
            g = groups.pop(key)
            base.mentions.extend(g.mentions)
            base.forms.extend(f.split(" ", 1)[1] for f in g.forms)
            base.sents |= g.sents
            base.role = base.role or g.role


def _namesake(name: str, forms: Sequence[str]) -> bool:
    """Return True when ``name`` ("Terra Lurie") is another person than the full names ``forms``
    sharing its last name ("Michael Lurie"): a different first name, not a title or an initial."""
    words = name.lower().split()
    first = words[0].rstrip(".")
    if len(words) < 2 or first in ROLE_WORDS or first in HONORIFICS or first in _PARTICLES \
            or len(first) < 2:
        return False
    full = [f.lower().split() for f in forms if len(f.split()) >= 2]
    if any(f[-len(words):] == words or words[-len(f):] == f for f in full):
        return False  # "Ben Elton" in "Comedian Ben Elton", "Van Gaal" in "Louis van Gaal"
    firsts = {f[0].rstrip(".") for f in full if f[0].rstrip(".") not in ROLE_WORDS}
    return bool(firsts) and not any(f == first or len(f) == 1 and first.startswith(f)
                                    for f in firsts)


def _role_tokens(parsed: Doc) -> set[int]:
    """Return the indices of tokens that are part of a person's title ("US Secretary of State")."""
    out: set[int] = set()
    for ent in parsed.ents:
        if ent.label_ != "PERSON":
            continue
        role = role_before(parsed, ent.start)
        if role:
            n = len(role.split())
            out.update(range(ent.start - n, ent.start))
    return out


def _fullest(forms: list[str]) -> str:
    """Return the fullest name among a person's forms: the most frequent of the longest-worded."""
    most = max(len(f.split()) for f in forms)
    longest = [f for f in forms if len(f.split()) == most]
    return max(longest, key=lambda f: (longest.count(f), -longest.index(f)))


def _merge_people_into_orgs(groups: dict[tuple[str, str], _Group]) -> None:
    """Drop person groups whose every mention is also an organisation's name, when spaCy read
    that name as an organisation at least as often (its mix-ups); a possessive ("Ed Miliband's
    plans", often read as ORG) is no evidence of an organisation."""
    orgs: dict[str, int] = {}
    for (k, _), g in groups.items():
        if k != "person":
            for m in g.mentions:
                if not re.search(r"(?:'s|’s)$", m):
                    orgs[clean_name(m).lower()] = orgs.get(clean_name(m).lower(), 0) + 1
    for key in [k for k in groups if k[0] == "person"]:
        g = groups[key]
        names = {clean_name(m).lower() for m in g.mentions}
        if all(n in orgs for n in names) and sum(orgs[n] for n in names) >= len(g.mentions):
            del groups[key]


class EntityIndex:
    """Look-ups over the entities of an analysis: fullest name and role of a mention."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = tuple(entities)
        self._people: dict[str, list[Entity]] = {}
        self._other: dict[str, Entity] = {}
        for ent in self.entities:
            if ent.kind == "person":
                self._people.setdefault(name_key(ent.name), []).append(ent)
            else:
                for m in (ent.name, *ent.mentions):
                    self._other.setdefault(clean_name(m).lower(), ent)
        # another full name a person's mentions give ("Jay-Z, real name Shawn Carter")
        self._aliases: dict[str, Entity] = {}
        for ent in self.entities:
            for m in ent.mentions if ent.kind == "person" else ():
                name = _bare(clean_name(m))
                if " " in name and name_key(name) not in self._people:
                    self._aliases.setdefault(name.lower(), ent)

    def person(self, mention: str) -> Entity | None:
        """Return the person entity ``mention`` names ("Mr Rutte" -> Rutte's entity), or None.

        When two people share the last name ("Michael Lurie", "Terra Lurie"), the first name
        decides, and a last name alone names nobody for certain (None).
        """
        words = _bare(clean_name(mention)).split()
        found = self._people.get(name_key(" ".join(words)), []) if words else []
        if not found and " ".join(words).lower() in self._aliases:
            return self._aliases[" ".join(words).lower()]
        if not found and len(words) == 1 and words[0][:1].isupper():
            # "Julia" for Julia Church: a first name only one person has
            found = [e for e in self.entities if e.kind == "person" and len(e.name.split()) > 1
                     and e.name.split()[0] == words[0]]
            return found[0] if len(found) == 1 else None
        if len(found) < 2:
            if found and _namesake(" ".join(words), [found[0].name]) and not any(
                _bare(clean_name(m)) == " ".join(words) for m in found[0].mentions
            ):
                return None  # "Terra Lurie" is not Michael Lurie
            return found[0] if found else None
        first = words[0].lower() if len(words) > 1 else ""
        same = [e for e in found if e.name.split()[0].lower() == first]
        return same[0] if len(same) == 1 else None

    def organisation(self, mention: str) -> Entity | None:
        """Return the organisation or place entity named ``mention``, or None."""
        return self._other.get(clean_name(mention).lower())

    def acronym(self, text: str) -> Entity | None:
        """Return the organisation an all-capitals ``text`` abbreviates ("WHO" for "World Health
        Organization"), or None."""
        if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 6):
            return None
        for ent in self.entities:
            if ent.kind == "org":
                initials = "".join(w[0] for w in ent.name.split()
                                   if w[0].isupper() and w.lower() not in _ROLE_GLUE)
                if initials.startswith(text) and len(initials) - len(text) <= 1:
                    return ent
        return None

    def by_role(self, title: str) -> Entity | None:
        """Return the one person whose role ends with ``title`` ("Secretary General"), or None."""
        title = clean_name(title).lower()
        if not title:
            return None
        hits = [
            e for e in self.entities
            if e.kind == "person" and e.role and (
                e.role.lower() == title or e.role.lower().endswith(" " + title)
            )
        ]
        return hits[0] if len(hits) == 1 else None
