"""Roles read off the parse: title words before a name, appositions, brackets and "is"/"was".

``role_before`` reads the title words right before a name ("US Secretary of State Marco Rubio");
``apposition_after`` and ``apposition_before`` a role set off by a comma ("Rod Eddington, BA's
chief executive,"; "the EU’s High Representative …, Kaja Kallas"); ``bracketed_role_before`` a
role in brackets ("(chairman) Daniel Levy"); ``role_by_copula`` an office given with "is"/"was"
("Carver was also assistant manager"). An abbreviation's possessive becomes a plain qualifier
("NATO Secretary General"). ``ROLE_WORDS`` and ``HONORIFICS`` are the general word lists the
other stages share.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .tags import pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "HONORIFICS", "POSSESSIVE", "ROLE_GLUE", "ROLE_WORDS", "apposition_after",
    "apposition_before", "bracketed_role_before", "is_role_word", "role_before", "role_by_copula",
]


HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady rev fr sr jr mister madam".split()
)


# words that may appear inside a role but never carry it alone
ROLE_GLUE = frozenset({"of", "for", "and", "the", "'s", "’s", "-", "on"})


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


def is_role_word(tok: Token) -> bool:
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
                         and (words[0].is_title or is_role_word(words[0]))):  # "First Lady"
            break
        if low.rstrip(".") in HONORIFICS and not is_role_word(tok):
            break
        if low in {"of", "for"}:
            if not words or i == 0 or not (doc[i - 1].is_title or doc[i - 1].is_upper or
                                            len(words) == 1 and is_role_word(doc[i - 1])):
                break
        elif tok.text in {"-", "–"} and not tok.whitespace_ and i > 0 and \
                not doc[i - 1].whitespace_ and words:
            pass  # "Secretary-General"
        elif tok.text in POSSESSIVE and words and i > 0 and \
                (doc[i - 1].is_title or doc[i - 1].is_upper):
            pass  # "NATO's Secretary General"
        elif pos(tok) not in {"PROPN", "NOUN", "ADJ"}:
            break
        elif tok.is_lower and not words and not is_role_word(tok) and not (
                i >= 2 and doc[i - 1].lower_ in {"of", "for"} and is_role_word(doc[i - 2])
                and pos(tok) == "NOUN"):  # ("director of sport Emilio Butragueno")
            break  # the word next to the name must be a title ("video Abase Hussen" is not)
        elif tok.is_lower and pos(tok) == "NOUN" and words and words[0].is_title and \
                words[0].lower_.rstrip(".") not in HONORIFICS:
            break  # a noun before a capitalised title ends another phrase ("hike President")
        words.insert(0, tok)
        i -= 1
    while words and words[0].lower_ in ROLE_GLUE:
        words.pop(0)
    while words and words[-1].lower_.rstrip(".") in HONORIFICS and \
            not (len(words) >= 2 and words[-2].ent_type_ == "ORDINAL"):  # ("First Lady")
        words.pop()  # "fertility specialist Dr. David Tourgeman": "Dr" goes with the name
    if not words or not any(is_role_word(w) for w in words):
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
    k = next((j for j, w in enumerate(words) if w.text in POSSESSIVE), None)
    if k is None or k == 0 or not _acronym_org(words[k - 1]) or k == len(words) - 1:
        return doc[words[0].i : words[-1].i + 1].text  # contiguous: keep the source's spacing
    return doc[words[0].i : words[k - 1].i + 1].text + " " + doc[words[k + 1].i : words[-1].i
                                                                + 1].text


POSSESSIVE = frozenset({"'s", "’s"})


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
    caps = all(w.is_title or w.is_upper or w.lower_ in ROLE_GLUE for w in words)
    if caps:
        if not any(is_role_word(w) for w in words):
            return None
        if words[0].text in POSSESSIVE or words[-1].text in POSSESSIVE:
            return None
        return _without_org_possessive(words)
    # a qualifier then lower-case words: "BA's chief executive", "ESPN reporter"
    k = 0
    while k < len(words) and (words[k].is_title or words[k].is_upper or k and
                              words[k].lower_ in {"of", "for", "and"}):
        k += 1
    qualifier = words[:k]
    rest = words[k:]
    if rest and rest[0].text in POSSESSIVE and qualifier:
        if not _acronym_org(qualifier[-1]) or rest[-1].lower_ in _KIN_ROLES:
            # "Britain's chief negotiator", "Travolta's wife": a person's or country's
            return _join(words) if len(rest) > 1 and is_role_word(rest[-1]) and all(
                w.is_lower and pos(w) in {"NOUN", "ADJ"} for w in rest[1:]) else None
        rest = rest[1:]
    if not rest or len(rest) > 4 or not all(w.is_lower and (w.is_alpha or "-" in w.text)
                                            and pos(w) in {"NOUN", "ADJ", "PROPN"} for w in rest):
        return None
    if not is_role_word(rest[-1]) or pos(rest[-1]) not in {"NOUN", "PROPN"}:
        return None
    if not qualifier and rest[-1].lower_ in _KIN_ROLES:
        return None
    if qualifier and qualifier[-1].lower_ in ROLE_GLUE:
        return None
    return (_join(qualifier) + " " if qualifier else "") + _join(rest)


def _join(words: Sequence[Token]) -> str:
    """Return ``words`` (contiguous tokens) as the source spells them."""
    return words[0].doc[words[0].i : words[-1].i + 1].text if words else ""


def apposition_before(doc: Doc, ent: Span) -> str | None:
    """Return a role set before a name by a comma ("the EU’s High Representative for Foreign
    Affairs and Security Policy, Kaja Kallas"; "BA's chief executive, Rod Eddington"), or None."""
    if ent.start < 3 or doc[ent.start - 1].text != ",":
        return None
    i = ent.start - 2
    words: list[Token] = []
    lower_tail = True
    while i >= 0 and len(words) < 10:
        tok = doc[i]
        if tok.is_lower and tok.is_alpha and lower_tail and tok.lower_ not in ROLE_GLUE \
                and tok.lower_ not in _DETERMINERS and pos(tok) in {"NOUN", "ADJ"}:
            words.insert(0, tok)
        elif (tok.is_title or tok.is_upper and tok.is_alpha) and \
                pos(tok) in {"PROPN", "NOUN", "ADJ"} or tok.text in POSSESSIVE or \
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
    while words and words[0].lower_ in ROLE_GLUE:
        words.pop(0)
    if words and words[0].is_sent_start and len(words) == 1:
        return None
    return _role_phrase(words)


def apposition_after(doc: Doc, ent: Span) -> str | None:
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


def bracketed_role_before(doc: Doc, ent: Span) -> str | None:
    """Return a role in brackets right before a name ("(chairman) Daniel Levy"), or None."""
    if ent.start < 3 or doc[ent.start - 1].text != ")":
        return None
    opening = next((i for i in range(ent.start - 2, max(ent.start - 8, -1), -1)
                    if doc[i].text == "("), None)
    if opening is None or opening == ent.start - 2:
        return None
    return _role_phrase(doc[opening + 1 : ent.start - 1])


_BE = frozenset({"is", "was", "'s", "’s", "be", "been"})


def role_by_copula(doc: Doc, ent: Span) -> str | None:
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
    if attr is None or attr.i < verb.i or not attr.is_lower or not is_role_word(attr) or \
            pos(attr) != "NOUN" or any(c.dep_ == "neg" for c in verb.children):
        return None  # ("was not a team player"; "was the King of Clubs": a card)
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in attr.children):
        return None  # a figure of speech or a kin: "a doctor of his tyres", "a father of three"
    return _role_phrase(doc[attr.left_edge.i : attr.i + 1])
