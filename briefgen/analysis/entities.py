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

A rank before a full name is the role ("Crown Prince Mohammed Bin Zayed Al Nahyan"), before a
lone name part of it ("Prince Harry"); a name set in capitals ("ANDREW SYMONDS") is written as the
text writes its words elsewhere, else in a careful title case (``namesigns.normal_case``). A name
only inside quotes, with no role, is none of the story's people ("Our approach is Bruce Lee, not
brute force"), and a product's name is no person's ("Wilko Moisturising Sun").

This module gathers the mentions into groups and keeps ``EntityIndex``; ``kinds`` reads the signs
of a mention's kind, ``roles`` the roles off the parse, and ``groups`` holds the merges and drops
over the groups of mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..model import Entity, Sentence
from .groups import (
    Group,
    bare_name,
    clean_name,
    drop_common_words,
    drop_products,
    drop_quoted_only,
    drop_unnamed,
    fullest_name,
    is_namesake,
    merge_abbreviations,
    merge_aliases,
    merge_false_namesakes,
    merge_last_words_of_orgs,
    merge_orgs_into_people,
    merge_people_into_orgs,
    name_key,
    rekind_people,
    title_as_first_name,
)
from .kinds import (
    PLATFORMS,
    a_person_after_title,
    abbreviations,
    coordinated,
    is_spurious,
    not_a_person,
    person_in_org,
    ranks_before_full_name,
    title_in_name,
)
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
from .roles import (
    HONORIFICS,
    ROLE_GLUE,
    ROLE_WORDS,
    apposition_after,
    apposition_before,
    bracketed_role_before,
    is_role_word,
    role_before,
    role_by_copula,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# (names re-exported for the speaker and cue finders)
__all__ = [
    "HONORIFICS", "PLATFORMS", "ROLE_WORDS", "EntityIndex", "a_person_after_title",
    "abbreviations", "clean_name", "find_entities", "name_key", "not_a_person", "person_in_org",
    "role_before", "sentence_at",
]

_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


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


def find_entities(parses: Sequence[tuple[int, Any, Doc, Sequence[Sentence]]]) -> tuple[Entity, ...]:
    """Return the people, organisations and places of all parses, mentions merged, in first-seen
    order."""
    groups: dict[tuple[str, str], Group] = {}
    common: set[str] = set()  # the words the texts use in lower case
    defined: dict[str, str] = {}  # "lse" -> "london stock exchange": "… (LSE)" after a name
    places: list[tuple[int, int, Group]] = []  # (source, offset, group) of each person mention
    aliases: list[tuple[int, int, Group]] = []  # … of each mention giving another name
    spellings: dict[str, str] = {}  # "SYMONDS" -> "Symonds": a word's spelling in normal case
    texts: list[tuple[str, list[QuoteSpan]]] = []  # each text and its quoted spans
    for source, _doc, parsed, sents in parses:
        common.update(t.text for t in parsed if t.is_lower)
        for t in parsed:
            if t.text[:1].isupper() and not t.is_upper and t.is_alpha:
                spellings.setdefault(t.text.upper(), t.text)
        text = parsed.text  # Doc.text joins every token: once per parse, not per mention
        quoted = quote_spans(text)
        texts.append((text, quoted))
        defined.update(abbreviations(parsed))
        in_roles = _role_tokens(parsed)
        for ent in _mentions(parsed):
            kind = _KINDS.get(ent.label_)
            if kind in {"org", "place"} and a_person_after_title(ent):
                kind = "person"
            if kind is None or is_spurious(ent, kind):
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
                if title_in_name(ent):
                    title, ent = ent[0].text, ent[1:]  # "Comedian Ben Elton": a role
                elif ranks := ranks_before_full_name(ent):
                    title, ent = ent[:ranks].text, ent[ranks:]  # "Crown Prince Mohammed Bin …"
            name = clean_name(ent.text)
            if not name:
                continue
            if kind == "person":
                name = bare_name(name)
                words = name.split()
                if len(words) >= 3 and words[-1] == words[-2]:
                    name = " ".join(words[:-1])  # "Sebastian Vettel Vettel, who …": a caption
            elif ent[0].text == "The" and not ent[0].is_sent_start:
                name = "The " + name  # "The Hague": the article is part of the name
            if kind != "person":
                group = _group_for(groups, (kind, clean_name(name).lower()), name)
                _add_mention(group, ent, name, sents)
                continue
            role = role_before(parsed, ent.start) or apposition_after(parsed, ent) or \
                apposition_before(parsed, ent) or title or role_by_copula(parsed, ent) or \
                bracketed_role_before(parsed, ent)
            group = _group_for(groups, _person_key(groups, ent, name, role), name)
            _add_mention(group, ent, name, sents)
            places.append((source, ent.start_char, group))
            if alias_cue(ent):
                aliases.append((source, ent.start_char, group))
            if no_name_use(ent):
                group.unnamed += 1
            if _quoted(text, ent.end_char, quoted) and not _listed_with_people(ent):
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
    merge_false_namesakes(groups)
    drop_common_words(groups, common)
    drop_unnamed(groups)
    drop_quoted_only(groups, texts)
    drop_products(groups, common)
    merge_aliases(groups, places, aliases)
    for g in groups.values():
        title_as_first_name(g, common)
        g.name = normal_case(fullest_name(g.forms), spellings) if g.kind == "person" else max(
            g.forms, key=lambda f: (g.forms.count(f), f.startswith("The ")))
    rekind_people(groups)
    merge_people_into_orgs(groups)
    merge_orgs_into_people(groups)
    merge_abbreviations(groups, defined)
    merge_last_words_of_orgs(groups)
    return tuple(
        Entity(g.name, g.kind, _new_role(g.name, g.role) or (
            g.nationality if g.kind == "person" else None),
            tuple(dict.fromkeys(g.mentions)), tuple(sorted(g.sents)))
        for g in sorted(groups.values(), key=lambda g: g.first)
    )


def _new_role(name: str, role: str | None) -> str | None:
    """Return ``role`` unless the name already opens with it ("Prince Charles", "Prince")."""
    return None if role and (name + " ").startswith(role + " ") else role


def _group_for(groups: dict[tuple[str, str], Group], key: tuple[str, str], name: str) -> Group:
    """Return the group of ``key``, made (and numbered in first-seen order) when new."""
    group = groups.get(key)
    if group is None:
        group = groups[key] = Group(name, key[0], first=len(groups))  # none is dropped yet
    return group


def _add_mention(group: Group, ent: Span, name: str, sents: Sequence[Sentence]) -> None:
    group.mentions.append(ent.text.strip())
    group.forms.append(name)
    sent = sentence_at(sents, ent.start_char)
    if sent is not None:
        group.sents.add(sent.index)


def _person_key(groups: dict[tuple[str, str], Group], ent: Span, name: str,
                role: str | None) -> tuple[str, str]:
    """Return the group key of a person's mention: their last name, with the first name too for
    a namesake ("Terra Lurie" beside "Michael Lurie"); a lone last name with a title goes to the
    one namesake with that title ("President Obama" to President Barack Obama, not to his
    daughter named first)."""
    key = ("person", name_key(name))
    if key not in groups:
        return key
    parsed = ent.doc
    if is_namesake(name, groups[key].forms) and \
            not (ent.start > 0 and parsed[ent.start - 1].lower_ in {"of", "the"}):
        # (not "… Katherine of Alexandria Redwood said": a title glued to a name)
        return ("person", f"{name_key(name)} {name.split()[0].lower()}")
    if role and " " not in name:
        titled = [k for k, g in groups.items() if k[1].startswith(key[1] + " ") and g.role
                  and (g.role == role or g.role.endswith(" " + role))]
        if len(titled) == 1 and groups[key].role != role:
            return titled[0]
    return key


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
    return any(t.ent_type_ == "PERSON" or t.is_lower and is_role_word(t)
               for t in coordinated(ent.root))


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
                name = bare_name(clean_name(m))
                if " " in name and name_key(name) not in self._people:
                    self._aliases.setdefault(name.lower(), ent)

    def person(self, mention: str) -> Entity | None:
        """Return the person entity ``mention`` names ("Mr Rutte" -> Rutte's entity), or None.

        When two people share the last name ("Michael Lurie", "Terra Lurie"), the first name
        decides, and a last name alone names nobody for certain (None).
        """
        words = bare_name(clean_name(mention)).split()
        found = self._people.get(name_key(" ".join(words)), []) if words else []
        if not found and " ".join(words).lower() in self._aliases:
            return self._aliases[" ".join(words).lower()]
        if not found and len(words) == 1 and words[0][:1].isupper():
            # "Julia" for Julia Church: a first name only one person has
            found = [e for e in self.entities if e.kind == "person" and len(e.name.split()) > 1
                     and e.name.split()[0] == words[0]]
            return found[0] if len(found) == 1 else None
        if len(found) < 2:
            if found and is_namesake(" ".join(words), [found[0].name]) and not any(
                bare_name(clean_name(m)) == " ".join(words) for m in found[0].mentions
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
                                   if w[0].isupper() and w.lower() not in ROLE_GLUE)
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
