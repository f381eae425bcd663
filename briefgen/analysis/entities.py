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

This module reads the mentions (their kinds, names, roles and signs) and keeps ``EntityIndex``;
``roles`` reads the roles off the parse and ``groups`` holds the merges and drops over the groups
of mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..model import Entity, Sentence
from .groups import (
    SUFFIXES,
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
    POSSESSIVE,
    ROLE_GLUE,
    ROLE_WORDS,
    apposition_after,
    apposition_before,
    bracketed_role_before,
    is_role_word,
    role_before,
    role_by_copula,
)
from .tags import pos, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
    if i < 0 or not is_role_word(doc[i]):
        return None
    return doc[name.start : name.end]


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


# Titles that are part of a name ("Prince Harry", "Duke of York"), never cut off it.
_NAME_RANKS = frozenset(
    "prince princess king queen duke duchess emperor empress pope lord lady baron baroness earl "
    "count countess saint st crown sheikh".split()
)


def _title_in_name(ent: Span) -> bool:
    """Return True when a person's mention opens with an office or occupation word before a full
    name ("Comedian Ben Elton", "Farmer Geoff Brooks"), not a rank that is part of a name."""
    words = [t for t in ent if t.text not in POSSESSIVE]
    return len(words) >= 3 and words[0].is_title and is_role_word(words[0]) and \
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
    rest = [t for t in ent[n:] if t.is_alpha and t.lower_ not in SUFFIXES]
    return n if n and len(rest) >= 2 and rest[0].is_title else 0


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
               for t in _coordinated(ent.root))


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
    words = [t for t in ent if not t.is_punct and t.text not in POSSESSIVE]
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
    words = [t for t in ent if t.text not in POSSESSIVE]
    if not 1 <= len(words) <= 2 or ent.start == 0:
        return False  # (not "fund manager Matrix Asset Advisors")
    if not all(t.is_title and t.is_alpha for t in words) or any(
        t.lower_ in _NAME_ENDS or t.lower_ in _ORG_ENDS for t in words
    ):
        return False
    before = ent.doc[ent.start - 1]
    low = before.lower_.rstrip(".")
    return low not in _SHARED_ROLES and low not in HONORIFICS and is_role_word(before) and \
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
