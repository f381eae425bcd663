"""Who a speaker phrase names: the fullest name the sources give, or None.

``SpeakerResolver`` turns the subject of a cue ("he", "Mr Rutte", "the Secretary General", "a
spokesman", "the 55-year-old") into a person or organisation of the analysis: a pronoun is the
speaker of the quote just before or the person last named as a subject (agreeing in the gender the
text gives them), a title is the one person holding it, a description is the person the text gives
that age or the organisation last named as acting. What the text does not settle stays None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .entities import (
    HONORIFICS,
    ROLE_WORDS,
    EntityIndex,
    clean_name,
    name_key,
    person_in_org,
    role_before,
)
from .marks import QuoteSpan, inside
from .tags import pos

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..model import Entity

__all__ = ["PERSON_NOUNS", "PRONOUNS", "Speaker", "SpeakerResolver", "discourse_part",
           "document_author", "is_subject", "named_speaker", "pseudonym", "singular"]

_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "statement", "representative",
                     "source", "official", "release"})
_ORG_NOUNS = frozenset(
    "company firm agency group organisation organization government ministry department council "
    "committee court bank airline carrier club team union party board authority regulator "
    "watchdog charity campaign association institute institution university school hospital "
    "police force army navy commission panel body service office administration network "
    "broadcaster channel newspaper magazine paper website site publisher studio label retailer "
    "supermarket manufacturer maker operator provider insurer lender exchange fund monopoly "
    "think-tank tank charity giant rival owner chain carrier".split()
)
_DOC_NOUNS = frozenset(
    "report statement memo document letter affidavit study survey poll analysis review release "
    "note paper filing complaint lawsuit ruling judgment verdict post tweet message email blog "
    "column editorial article book website sign notice".split()
)
PERSON_NOUNS = frozenset(
    "man woman boy girl ace royal veteran star youngster teenager pensioner actor actress singer "
    "player politician victim suspect defendant accused officer mother father old granddaughter "
    "grandson niece nephew cousin friend neighbour neighbor girlfriend boyfriend fan resident "
    "witness passenger patient customer worker student pupil parent child insider relative "
    "onlooker bystander eyewitness colleague source".split()
)
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "him", "her", "them"})


@dataclass
class Speaker:
    name: str | None
    role: str | None
    cue: str | None


class SpeakerResolver:
    """Resolve speaker phrases to the fullest names the document gives."""

    def __init__(self, parsed: Doc, index: EntityIndex, spans: Sequence[QuoteSpan]) -> None:
        self.parsed = parsed
        self.spans = spans
        self.index = index
        # spaCy sometimes labels a known person's later mention ORG or NORP ("Stancil")
        self.people = [
            e for e in parsed.ents
            if e.label_ == "PERSON" and not (len(e) == 1 and e.text.isupper())  # "CLAIM:"
            and not (e.start > 0 and parsed[e.start - 1].lower_ == "the")  # "the Premiership"
            or e.label_ in {"ORG", "NORP", "GPE"} and len(e) == 1
            and index.person(e.text) is not None and index.organisation(e.text) is None
        ]
        # "Ambassador to the United Nations Samantha Power": the person an ORG span swallowed
        self.people = sorted(
            self.people + [p for e in parsed.ents if (p := person_in_org(e)) is not None],
            key=lambda e: e.start,
        )
        self._person_at = {t: e for e in self.people for t in range(e.start, e.end)}
        self._sents = list(parsed.sents)
        self._person_at = {t: e for e in self.people for t in range(e.start, e.end)}
        self._sents = list(parsed.sents)
        self.gender = _genders(self.people, spans, self._opener_votes(), self.key_of)
        self.ages = _ages(self.people)
        # where people a pronoun cannot mean are named (set by subject_before)
        self.excluded: set[int] = set()
        # (name, role, end offset) of the last quote given a speaker
        self.last_speaker: tuple[str, str | None, int] | None = None
        # the author of the document last quoted ("The document – prepared by the CRS – states")
        self.last_author: str | None = None

    def pronoun_referent(
        self, char: int, spans: Sequence[QuoteSpan], pronoun: str = ""
    ) -> Span | None:
        """Return the person a pronoun at ``char`` most likely means: the last person named as a
        sentence's subject outside quotes in the preceding text (else the last person named)."""
        last = None
        subject = None
        for ent in self.people:
            if ent.start_char >= char:
                break
            if inside(ent.start_char, spans) or pronoun and ent.start_char in self.excluded:
                continue  # (the object of the pronoun's own clause: subject_before)
            wanted = _PRONOUN_GENDER.get(pronoun)
            if wanted and self.gender.get(self.key_of(ent.text), wanted) != wanted:
                continue  # "she said" is not the man named last
            last = ent
            if is_subject(ent):
                subject = ent
        if subject is not None and char - subject.start_char < 2500:
            return subject
        return last

    def key_of(self, mention: str) -> str:
        """Return the key the genders are kept under: the person's full name, else the mention's
        last name ("Lurie" when Michael and Terra Lurie are both named)."""
        person = self.index.person(mention)
        return person.name if person is not None else name_key(mention)

    def subject_before(self, char: int, pronoun: str) -> tuple[str, str | None] | None:
        """Return (name, role) of the person a "he"/"she" at ``char`` takes up, or None.

        A pronoun opening a clause most often takes up the subject of the sentence before (not
        its object: "Director Redwood paid tribute to O'Toole. He said"), else the one person
        the sentence just before names ("Family commitments will keep McCoy away. He said"),
        or that a sentence with the pronoun names ("Mr Johnson's speech comes after he …"). The
        part of a sentence after a glued photo caption stands for it (``discourse_part``).
        Sentences are read back from the nearest (at most three): the main clauses' subjects
        from last to first, then the people named. A pronoun of the same gender there carries
        the chain one sentence further back. A person description as subject ("The doctor
        denied it") means the person the story names most so far, when clearly; two people who
        could both be meant leave the question open (None). A person whose own clause has the
        pronoun as object is someone else ("Manohar touched her. She said").
        When the pronoun's own sentence names a person before it ("Nurse A said he told her"),
        None: the caller's general rule decides.
        """
        k = next((i for i, s in enumerate(self._sents) if s.start_char <= char < s.end_char),
                 None)
        self.excluded = set()
        if k is None:
            return None
        wanted = _PRONOUN_GENDER.get(pronoun)
        if self._people_in(self._sents[k], char):
            # "He hoped Jay-Z would ‘…’, he added": a sentence opening with the same pronoun
            # takes it up from the sentences before; else the caller decides
            opener = next((t for t in self._sents[k] if not t.is_punct and not t.is_space), None)
            if opener is None or _PRONOUN_GENDER.get(opener.lower_) != wanted or not wanted \
                    or opener.dep_ not in {"nsubj", "nsubjpass"} or inside(opener.idx, self.spans):
                return None
        for back, whole in enumerate(reversed(self._sents[max(0, k - 3) : k])):
            # photo captions glued on without a full stop are not discourse: the sentence
            # is what follows the last of them
            sent = discourse_part(whole)
            chain = blocked = False
            main = _main_verbs(sent, char)
            others = [t for t in sent if t.tag_.startswith("VB") and t not in main]
            for verbs, deciding in ((main, True), (others, False)):
                for verb in reversed(verbs):
                    subj = self._subject_token(verb)
                    if subj is None or inside(subj.idx, self.spans):
                        continue
                    if pos(subj) == "PRON":
                        # "she" again carries the chain back; "he" is someone else
                        chain = chain or _PRONOUN_GENDER.get(subj.lower_) == wanted
                        continue
                    found = self._person_of(subj) or _gendered_name(subj, verb, wanted)
                    if found is not None:
                        if wanted and self.gender.get(self.key_of(found[0]), wanted) != wanted:
                            blocked = blocked or deciding
                            continue
                        if self._object_in_clause(verb, pronoun):
                            continue  # "Manohar touched her. She said": someone else
                        return found
                    if deciding and (singular(subj.lower_) in ROLE_WORDS
                                     or subj.lower_ in PERSON_NOUNS):
                        # "The doctor denied it. He said", "The 32-year-old was overcome":
                        # a description of the person the story is about so far, if any
                        return self.topic_before(char, wanted)
                if chain:
                    break
            if back and not chain:
                if blocked:
                    return None
                continue  # further back, only a subject (or a pronoun's chain) is evidence
            named = {
                name for name in self._people_in(sent, sent.end_char, pronoun)
                if not wanted or self.gender.get(self.key_of(name[0]), wanted) == wanted
            }
            if len(named) == 1:
                # "Mr Johnson's speech comes after he unveiled plans. He said"
                return next(iter(named))
            if named or blocked and not chain:
                return None  # two candidates, or someone else was the subject
        return None

    def of_age(self, head: Token) -> Entity | None:
        """Return the one person the text gives the age of "the 55-year-old" (``head`` is
        "old"), or None."""
        digits = re.search(r"\d+", head.doc[max(0, head.i - 4) : head.i].text)
        named = self.ages.get(digits.group(0)) if digits else None
        return self.index.person(named) if named is not None else None

    def _opener_votes(self) -> dict[str, list[int]]:
        """Return gender votes ([m, f] by name key) from sentences whose main subject is a
        person and whose next sentence opens with "He" or "She" as subject ("Nurse B said he
        examined her. She said …")."""
        votes: dict[str, list[int]] = {}
        for sent, nxt in zip(self._sents, self._sents[1:], strict=False):
            first = nxt[0]
            g = _PRONOUN_GENDER.get(first.lower_) if first.dep_ == "nsubj" else None
            if g is None or inside(first.idx, self.spans):
                continue
            verbs = _main_verbs(sent, sent.end_char)
            subj = self._subject_token(verbs[0]) if verbs else None
            if subj is None or pos(subj) == "PRON" or inside(subj.idx, self.spans):
                continue
            found = self._person_of(subj)
            if found is not None:
                m_f = votes.setdefault(self.key_of(found[0]), [0, 0])
                m_f[0 if g == "m" else 1] += 1
        return votes

    def topic_before(self, char: int, wanted: str | None) -> tuple[str, str | None] | None:
        """Return (name, role) of the person named most often before ``char`` (outside
        quotes, of the ``wanted`` gender when known) when no one else is named as often."""
        counts: dict[str, int] = {}
        for ent in self.people:
            if ent.start_char >= char:
                break
            if inside(ent.start_char, self.spans):
                continue
            person = self.index.person(ent.text)
            if person is None or wanted and self.gender.get(person.name, wanted) != wanted:
                continue
            counts[person.name] = counts.get(person.name, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        person = self.index.person(ranked[0][0])
        return (person.name, person.role) if person is not None else None

    def _object_in_clause(self, verb: Token, pronoun: str) -> bool:
        """Return True when ``verb``'s clause has ``pronoun`` as an object ("Manohar touched her"
        : the "she" that follows is not Manohar)."""
        wanted = _PRONOUN_GENDER.get(pronoun)
        return any(
            _PRONOUN_GENDER.get(t.lower_) == wanted and t.dep_ in {"dobj", "dative", "pobj"}
            and _clause_verb(t).i == verb.i
            for t in verb.subtree
        )

    def _people_in(
        self, sent: Span, char: int, pronoun: str = ""
    ) -> list[tuple[str, str | None]]:
        """Return (name, role) of the people ``sent`` names outside quotes before ``char``,
        leaving out a person whose clause has ``pronoun`` as object ("Manohar touched her": not
        "she") or as subject ("He has impressed Mann": not "he")."""
        out = []
        wanted = _PRONOUN_GENDER.get(pronoun)
        same = [t for t in sent if wanted and _PRONOUN_GENDER.get(t.lower_) == wanted
                and not inside(t.idx, self.spans)]
        objects = {_clause_head(t).i for t in same if t.dep_ in _OBJECTS}
        # "He has impressed Mann": the object of the pronoun's own clause is someone else
        subjects = {_clause_head(t).i for t in same if t.dep_ in {"nsubj", "nsubjpass"}}
        for tok in sent:
            if tok.idx >= char:
                break
            if inside(tok.idx, self.spans):
                continue
            ent = self._person_at.get(tok.i)
            if ent is not None and (
                _clause_head(ent.root).i in objects
                or ent.root.dep_ in _OBJECTS and _clause_head(ent.root).i in subjects
            ):
                self.excluded.add(ent.start_char)  # not the pronoun's person, whoever it is
                continue
            if ent is not None and (
                ent.start > 0 and tok.doc[ent.start - 1].lower_ == "the"
                or ent[-1].tag_ == "NNPS"  # "the Premiership", "Lib Dems" are no people
            ):
                continue
            if ent is not None and tok.i == ent.end - 1:
                person = self.index.person(ent.text)
                out.append((person.name, person.role) if person else (clean_name(ent.text), None))
            elif ent is None and (alias := pseudonym(tok)) is not None and \
                    tok.text == alias.split()[-1] and _clause_head(tok).i not in objects:
                out.append((alias, None))
            elif ent is None and pos(tok) == "PROPN" and tok.is_title and tok.ent_type_ in {
                "", "PERSON", "ORG", "NORP", "GPE"
            } and (person := self.index.person(tok.text)) is not None and \
                    _clause_head(tok).i not in objects and not (
                        tok.i + 1 < len(tok.doc) and pos(tok.doc[tok.i + 1]) == "PROPN"):
                out.append((person.name, person.role))  # "created by Walker", left unlabelled
        return out

    def _subject_token(self, verb: Token) -> Token | None:
        """Return the subject of ``verb``, or the person named right before a verb the parser
        left without one (a caption glued on: "... Saint Katherine Director Michael Redwood
        paid tribute")."""
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        i = verb.i - 1
        while i >= 0 and pos(verb.doc[i]) == "ADV":
            i -= 1
        if i >= 0 and i in self._person_at and (
            subj is None
            or subj.left_edge.i <= i <= subj.right_edge.i and verb.doc[i].dep_ not in _OBJECTS
            and not any(t.text == "," for t in verb.doc[subj.i : i])  # "X, spokesman for Y said"
        ):
            # the name right before the verb: "… Ferrari 1:42.842 Rosberg was grim-faced"
            return verb.doc[i]
        return subj

    def _person_of(self, subj: Token) -> tuple[str, str | None] | None:
        """Return (name, role) of the person a subject token names: a person named within the
        subject's phrase (not a possessive: "Obama's ambassador ... Samantha Power"), or a
        pseudonym ("Nurse A"), else None."""
        doc = subj.doc
        found = None
        right = subj.i
        while singular(subj.lower_) in ROLE_WORDS and right < subj.right_edge.i and \
                not doc[right + 1].is_punct and pos(doc[right + 1]) not in {"VERB", "AUX", "PRON"}:
            right += 1  # "Ambassador to the United Nations Samantha Power", not a relative clause
        for i in range(subj.left_edge.i, right + 1):
            ent = self._person_at.get(i)
            if ent is not None and i == ent.end - 1 and not (
                ent.end < len(doc) and doc[ent.end].tag_ == "POS"
            ):
                found = ent
        if found is None:
            # "Director, David Caldwell, said": the name in apposition
            found = next((self._person_at[c.i] for c in subj.children
                          if c.dep_ == "appos" and c.i in self._person_at), None)
        if found is not None:
            person = self.index.person(found.text)
            if person is not None:
                return person.name, person.role
            return clean_name(found.text), None
        if pos(subj) == "PROPN" and subj.is_title:
            first = subj.i
            while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].is_title \
                    and pos(doc[first - 1]) == "PROPN":
                first -= 1
            name = doc[first : subj.i + 1].text
            person = self.index.person(name)  # "Rosberg", left without a label
            if person is not None:
                return person.name, person.role
            if first < subj.i and self.index.person(subj.text) is not None:
                return name, None  # "Terra Lurie" (read as ORG) beside Michael Lurie
        if _is_age(subj) and (aged := self.of_age(subj)) is not None:
            return aged.name, aged.role  # "The 32-year-old was overcome with emotion"
        alias = pseudonym(subj)
        return (alias, None) if alias is not None else None

    def subject_between(self, lo: int, hi: int, pronoun: str = "") -> bool:
        """Return True when a person is named as a subject outside quotes between two offsets
        (a name, a pseudonym: "Nurse B again thought", or a proper noun the clause gives the
        ``pronoun``'s gender: "Julia shows off her skills")."""
        wanted = _PRONOUN_GENDER.get(pronoun)
        return any(
            lo <= ent.start_char < hi and is_subject(ent)
            and not inside(ent.start_char, self.spans)
            for ent in self.people
        ) or any(
            tok.dep_ in {"nsubj", "nsubjpass"} and not inside(tok.idx, self.spans) and (
                pseudonym(tok) is not None or _gendered_name(tok, tok.head, wanted) is not None
            )
            for tok in (self.parsed.char_span(lo, hi, alignment_mode="expand") or ()
                        if lo < hi else ())
        )

    def org_before(self, char: int) -> str | None:
        """Return the organisation last named as a clause's subject before ``char``, or None."""
        best = None
        for ent in self.parsed.ents:
            if ent.start_char >= char:
                break
            if ent.label_ == "ORG" and is_subject(ent) and not inside(ent.start_char, self.spans):
                best = ent
        if best is None:
            return None
        org = self.index.organisation(best.text)
        return org.name if org is not None else clean_name(best.text)

    def name_of(
        self, phrase: str, tok: Token | None, char: int = 0
    ) -> tuple[str | None, str | None]:
        """Return (name, role) for a subject phrase, or (None, None) when it names nobody."""
        raw = phrase
        phrase = clean_name(phrase)
        if not phrase:
            return None, None
        person = self.index.person(phrase) if _has_proper(phrase) else None
        if person is not None:
            role = None
            words = phrase.split()
            key_pos = max(i for i, w in enumerate(words) if w.lower() == words[-1].lower())
            if tok is not None:
                role = role_before(self.parsed, tok.i - len(words) + key_pos + 1)
            return person.name, person.role or role
        alias = pseudonym(tok) if tok is not None else None
        if alias is not None:
            return alias, None  # "Nurse A said"
        org = self.index.organisation(phrase)
        if org is not None:
            return org.name, None
        by_role = self.index.by_role(phrase)
        if by_role is not None:
            return by_role.name, by_role.role
        words = phrase.split()
        head = singular(words[-1].lower()) if words else ""
        if head in _ORG_NOUNS and raw.split()[0].lower() in {"the", "its", "their"}:
            # "the company said": the organisation the story last named as acting
            org = self.org_before(char)
            if org is not None:
                return org, None
        if len(words) <= 6 and (head in ROLE_WORDS or head in PERSON_NOUNS or head in _SPOKES
                                or head in _ORG_NOUNS or head in _DOC_NOUNS):
            # a described source ("a Sandown spokesman", "the memo"): keep the description
            return phrase, None
        if tok is not None and pos(tok) == "PROPN" and tok.ent_type_ not in _NOT_NAMES and \
                len(words) <= 4 and all(w[:1].isupper() for w in words) and \
                raw.split()[0].lower() not in {"the", "a", "an"} and \
                (not tok.ent_type_ or tok.ent_iob_ == "B" and tok.i + 1 < len(tok.doc)
                 and tok.doc[tok.i + 1].ent_iob_ != "I"):
            return phrase, None  # a name spaCy did not label ("Plus.net also backed it, saying")
        return None, None  # "the napkin", "the era": not a source


_KIN = frozenset(
    "wife husband partner girlfriend boyfriend fiance fiancee mother father mum dad son daughter "
    "brother sister grandmother grandfather grandson granddaughter aunt uncle cousin niece "
    "nephew widow widower stepfather stepmother".split()
)
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
                        "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE"})
_OBJECTS = frozenset({"dobj", "dative", "pobj", "iobj"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_REFLEXIVE_GENDER = {"himself": "m", "herself": "f"}
_GENDER_WORDS = {
    "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "duke": "m", "father": "m",
    "husband": "m", "son": "m", "brother": "m", "grandfather": "m", "uncle": "m", "man": "m",
    "boy": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f",
    "princess": "f", "duchess": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f",
    "grandmother": "f", "aunt": "f", "woman": "f", "girl": "f", "actress": "f", "widow": "f",
    "baroness": "f", "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f",
}


def _genders(
    people: Sequence[Span], spans: Sequence[QuoteSpan], votes: dict[str, list[int]],
    key_of: Callable[[str], str],
) -> dict[str, str]:
    """Return the grammatical gender ("m"/"f") the text gives each person (by name key): titles
    before a name ("Mrs", "daughter"), the pronouns after a mention as a clause's subject, and
    ``votes`` already counted ([m, f] by name key)."""
    for ent in people:
        key = key_of(ent.text)
        if not key:
            continue
        m_f = votes.setdefault(key, [0, 0])
        doc = ent.doc
        before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        word = _GENDER_WORDS.get(before)
        if word:
            m_f[0 if word == "m" else 1] += 2
        if not is_subject(ent):
            continue
        verb = _clause_verb(ent.root)
        for tok in doc[ent.end:ent.end + 25]:
            if tok.is_sent_start:
                break
            g = _REFLEXIVE_GENDER.get(tok.lower_) or (
                _PRONOUN_GENDER.get(tok.lower_) if tok.dep_ == "poss" else None
            )
            # only a possessive or reflexive of the mention's own clause ("Rutte thanked his
            # hosts"): in "Nurse A said he told her" and "Manohar touched her" it is someone else
            if g and _clause_verb(tok).i == verb.i and not inside(tok.idx, spans):
                m_f[0 if g == "m" else 1] += 1
                break
    return {k: ("m" if m > f else "f") for k, (m, f) in votes.items() if m != f}


def _clause_verb(tok: Token) -> Token:
    """Return the verb heading the clause of ``tok`` (its nearest verbal ancestor)."""
    head = tok.head
    for _ in range(12):
        if head.tag_.startswith("VB") or head.dep_ == "ROOT" or head.head.i == head.i:
            return head
        head = head.head
    return head


def _clause_head(tok: Token) -> Token:
    """Return the verb heading the clause of ``tok``, climbing coordinated verbs to the first
    ("She will link up with A and play with B": one subject for both)."""
    verb = _clause_verb(tok)
    for _ in range(6):
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _ages(people: Sequence[Span]) -> dict[str, str]:
    """Return the person each age in the text belongs to ("Carlo Ancelotti, 55," -> {"55": ...}),
    keeping only ages given to one person."""
    found: dict[str, set[str]] = {}
    for ent in people:
        doc = ent.doc
        after = doc[ent.end:ent.end + 3]
        if len(after) == 3 and after[0].text == "," and after[1].like_num and \
                after[2].text == ",":
            found.setdefault(after[1].text, set()).add(ent.text)
        before = doc[max(0, ent.start - 5):ent.start].text
        m = re.search(r"(\d{1,3})-year-old\s*(?:[A-Z]\w+\s*)*$", before)
        if m:
            found.setdefault(m.group(1), set()).add(ent.text)
    return {age: next(iter(names)) for age, names in found.items()
            if len({name_key(n) for n in names}) == 1}


def _gendered_name(subj: Token, verb: Token, wanted: str | None) -> tuple[str, None] | None:
    """Return a proper-noun subject spaCy did not read as a person when its own clause gives it
    the pronoun's gender ("Julia shows off her skills"; an organisation has "its"), else None."""
    if not wanted or pos(subj) != "PROPN" or not subj.is_title or subj.ent_type_ == "PERSON":
        return None
    if subj.lower_ in _ORG_NOUNS or not any(
        t.dep_ == "poss" and _PRONOUN_GENDER.get(t.lower_) == wanted
        and t.head.head.i == verb.i and t.head.dep_ in {"dobj", "attr", "npadvmod"}
        for t in verb.subtree if t.i > subj.i
    ):  # her own object ("shows off her skills"), not "… of his club's supporters"
        return None
    first = subj.i
    while first > 0 and subj.doc[first - 1].dep_ == "compound" and subj.doc[first - 1].is_title:
        first -= 1
    return subj.doc[first : subj.i + 1].text, None


def _is_age(head: Token) -> bool:
    """Return True for the head of "the 55-year-old"."""
    return head.lower_ == "old" and head.i >= 2 and \
        head.doc[head.i - 2].lower_ in {"year", "years"} and \
        head.doc[max(0, head.i - 5)].lower_ == "the"


def _main_verbs(sent: Span, char: int) -> list[Token]:
    """Return the verbs of ``sent``'s main clauses before ``char``: its root (or the verbs
    heading the span when it is part of a sentence) and the verbs coordinated with them."""
    out = []
    for tok in sent:
        if tok.idx >= char:
            break
        if not tok.tag_.startswith(("VB", "MD")):
            continue
        head = tok
        while head.dep_ == "conj" and head.head.i != head.i and head.head.i >= sent.start:
            head = head.head
        if head.dep_ == "ROOT" or not sent.start <= head.head.i < sent.end:
            out.append(tok)
    return out


_GLUE_BEFORE = frozenset({"NOUN", "NUM", "PRON", "ADJ", "ADV"})


def discourse_part(sent: Span) -> Span:
    """Return the part of ``sent`` after the last caption glued into it, or ``sent``.

    News pages lose the full stop of photo captions, so the parser joins "… but Sky did not
    allow it Family commitments will keep McCoy away …" into one sentence. A clause that starts
    with a capitalised subject right after a lower-case noun, pronoun or number (never after a
    verb, conjunction or preposition: "he said Smith was wrong") starts a new sentence there.
    """
    doc = sent.doc
    cut = sent.start
    for tok in sent[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_title or prev.is_punct or prev.is_space or not (
            prev.is_lower and pos(prev) in _GLUE_BEFORE or prev.like_num
        ):
            continue
        if any(s.dep_ in {"nsubj", "nsubjpass"} and s.left_edge.i <= tok.i and s.head.i > s.i
               for s in doc[tok.i : min(tok.i + 8, sent.end)]):
            cut = tok.i
    return doc[cut : sent.end] if cut > sent.start else sent


def pseudonym(tok: Token) -> str | None:
    """Return a pseudonym a token ends ("Nurse A", "Witness 2", "Patient X"), or None: a
    capitalised role word with a single capital letter or a number, as courts name witnesses."""
    doc = tok.doc
    for a, b in ((tok.i - 1, tok.i), (tok.i, tok.i + 1)):
        if a < 0 or b >= len(doc):
            continue
        word, mark = doc[a], doc[b]
        if word.is_title and (word.lower_ in ROLE_WORDS or word.lower_ in PERSON_NOUNS) and (
            len(mark.text) == 1 and mark.text.isupper() or mark.text.isdigit()
            and len(mark.text) <= 2
        ) and (tok is mark or mark.dep_ in {"appos", "compound", "npadvmod", "nummod"}
               or word.dep_ == "compound"):
            return f"{word.text} {mark.text}"
    return None


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def is_subject(ent: Span) -> bool:
    """Return True when ``ent`` is its clause's subject or names it ("analyst Paul Callan")."""
    root = ent.root
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        # "director of sport Emilio Butragueno praised": the parser hung the name on the title
        title = root.head.head
        return title.dep_ in {"nsubj", "nsubjpass"} and singular(title.lower_) in ROLE_WORDS \
            and title.i < root.i and ent.end == title.right_edge.i + 1
    return root.dep_ in {"compound", "appos"} and root.head.dep_ in {"nsubj", "nsubjpass"}


def _has_proper(phrase: str) -> bool:
    return any(w[:1].isupper() and w.lower() not in HONORIFICS for w in phrase.split()[0:])


def _noun_of(tok: Token) -> Token:
    """Return the noun a misparsed subject stands for ("the latest WHO report said", where the
    parser made "latest" the subject): the last noun of the words up to the verb."""
    if pos(tok) not in {"ADJ", "DET", "NUM"}:
        return tok
    noun = tok
    for nxt in tok.doc[tok.i + 1 : tok.i + 5]:
        if pos(nxt) in {"NOUN", "PROPN"}:
            noun = nxt
        elif pos(nxt) not in {"ADJ", "PRON", "DET"} or nxt.is_punct:
            break
    return noun


# participles that name a document's author ("edited by", "obtained by" do not)
_AUTHORED = frozenset(
    "prepared written published produced compiled issued released authored drafted".split()
)


def document_author(head: Token, resolver: SpeakerResolver) -> Span | None:
    """Return the named author of a document noun ("the WHO report", "Ofcom's review", "a memo
    prepared by the CRS", "a report from the Bank"), or None."""
    doc = head.doc

    def named(tok: Token) -> Span | None:
        if tok.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}:
            start, end = tok.i, tok.i + 1
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return doc[start:end]
        if tok.text[:1].isupper() and (resolver.index.organisation(tok.text) is not None
                                       or resolver.index.acronym(tok.text) is not None):
            return doc[tok.i : tok.i + 1]  # "WHO", known from other mentions or its initials
        return None

    for tok in doc[max(head.left_edge.i, head.i - 4) : head.i]:
        found = named(tok)
        if found is not None:
            return found
    for child in head.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lower_ in _AUTHORED:
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj" and (found := named(obj)) is not None:
                            return found
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and (found := named(obj)) is not None:
                    return found
    return None


def named_speaker(
    phrase: str, head: Token, resolver: SpeakerResolver, cue: str | None, span: QuoteSpan
) -> Speaker:
    low = clean_name(phrase).lower()
    # a pronoun or description refers back from where it stands ("He said Mr Blair had spoken
    # with ‘…’": not Mr Blair)
    at = min(span.start, head.idx)
    head = _noun_of(head)
    if head.lower_.split("-")[-1] in _KIN and any(
        t.tag_ in {"PRP$", "POS"} for t in head.doc[max(0, head.i - 3) : head.i]
    ):
        # "his ex-wife, who joked": a bare "wife" names nobody on the page
        return Speaker(None, None, cue)
    if singular(head.lower_) in _DOC_NOUNS and pos(head) == "NOUN":
        author = document_author(head, resolver)
        if author is not None:
            # "The document – prepared by the CRS – states", "the latest WHO report said"
            name, role = resolver.name_of(author.text, author[-1], span.start)
            if name is None:
                name = clean_name(author.text)
            resolver.last_author = name
            return Speaker(name, role, cue)
        if resolver.last_author is not None and head.doc[head.left_edge.i].lower_ in {
            "the", "this", "that"
        }:
            # "the congressional document says": the document whose author was named
            return Speaker(resolver.last_author, None, cue)
    if low in PRONOUNS or low in {"i", "we"}:
        last = resolver.last_speaker
        gender = _PRONOUN_GENDER.get(low, "")
        if last is not None and low in {"he", "she"} and at - last[2] < 400 and \
                resolver.gender.get(resolver.key_of(last[0]), gender) == gender and \
                not resolver.subject_between(last[2], at, low):
            # "‘…’ ‘…’ he added": the speaker of the quote just before
            return Speaker(last[0], last[1], cue)
        if last is not None and low in {"it", "they"} and at - last[2] < 800 and \
                resolver.index.person(last[0]) is None:
            # "the panel said ‘…’ … it said": the organisation or document quoted just before
            return Speaker(last[0], last[1], cue)
        if low in {"he", "she"}:
            found = resolver.subject_before(at, low)
            if found is not None:
                # "Nurse A said … She said: ‘…’": the subject the pronoun takes up
                return Speaker(found[0], found[1], cue)
        ent = resolver.pronoun_referent(at, resolver.spans, low)
        if ent is None or low in {"it", "they", "we"}:
            return Speaker(None, None, cue)
        person = resolver.index.person(ent.text)
        if person is None:
            return Speaker(None, None, cue)
        return Speaker(person.name, person.role, cue)
    words = phrase.split()
    if _is_age(head):
        # "The 55-year-old said": the one person the text gives that age, else a description
        person = resolver.of_age(head)
        if person is not None:
            return Speaker(person.name, person.role, cue)
        words = ["the", *words]
    if words and words[0].lower() == "the" and head.ent_type_ not in {"PERSON", "ORG"} and (
        head.lower_ in ROLE_WORDS or head.lower_ in PERSON_NOUNS or head.ent_type_ == "NORP"
    ) and resolver.index.by_role(phrase) is None:
        # "the fighter ace", "the German": the person the story is about at that point
        if any(t.ent_type_ == "ORG" for t in head.lefts):
            # "the United boss", "the Chelsea star": the story may well be about another
            # player or club at that point; the description stays
            return Speaker(clean_name(phrase), None, cue)
        ent = resolver.pronoun_referent(at, resolver.spans)
        person = resolver.index.person(ent.text) if ent is not None else None
        if person is not None:
            return Speaker(person.name, person.role, cue)
    if words and words[0].lower() in {"a", "an", "the"} and head.lower_ in _SPOKES and \
            len(words) == 2:
        # "a spokesman said": the organisation the story last named as acting
        org = resolver.org_before(span.start)
        if org is not None:
            return Speaker(org, None, cue)
    name, role = resolver.name_of(phrase, head, span.start)
    return Speaker(name, role, cue)
