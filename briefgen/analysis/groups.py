"""Names and the groups of mentions that become entities: merges and drops over the groups.

``find_entities`` gathers each mention into a ``Group`` (keyed by kind and a person's last name)
with the evidence its mentions show, then runs the steps here over all groups: a namesake whose
"first name" is an organisation merges back; "people" that show no person are dropped (a common
word, a word used as no name is, a name only inside quotes, a product's name); a birth name joins
its person; "people" with an organisation's or place's evidence change kind; organisations and
people that are one another's names merge; a defined abbreviation joins its organisation. The
name helpers (``clean_name``, ``name_key``, ``fullest_name``, ``is_namesake``) live here too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .marks import QuoteSpan, inside
from .roles import HONORIFICS, ROLE_WORDS

__all__ = [
    "OFFICES", "SUFFIXES", "Group", "bare_name", "clean_name", "drop_common_words",
    "drop_products", "drop_quoted_only", "drop_unnamed", "fullest_name", "is_namesake",
    "merge_abbreviations", "merge_aliases", "merge_false_namesakes", "merge_last_words_of_orgs",
    "merge_orgs_into_people", "merge_people_into_orgs", "name_key", "rekind_people",
    "title_as_first_name",
]


SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


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
    words = [w for w in words if w and w not in SUFFIXES]
    return words[-1] if words else ""


def bare_name(name: str) -> str:
    """Return ``name`` without honorifics ("Mr Rutte" -> "Rutte")."""
    words = [w for w in name.split() if w.lower().strip(".") not in HONORIFICS]
    return " ".join(words) if words else name


@dataclass
class Group:
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


def drop_unnamed(groups: dict[tuple[str, str], Group]) -> None:
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


def drop_quoted_only(groups: dict[tuple[str, str], Group],
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
        # (as a last name: "Ruud" in "Ruud Gullit" is a first name)
        word = re.compile(rf"(?<!\w){re.escape(last)}(?!\w)(?!\s+[A-Z])")
        if not any(not inside(m.start(), spans) for text, spans in texts
                   for m in word.finditer(text)):
            del groups[key]


def drop_products(groups: dict[tuple[str, str], Group], common: set[str]) -> None:
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


def merge_aliases(groups: dict[tuple[str, str], Group], places: list[tuple[int, int, Group]],
                   aliases: list[tuple[int, int, Group]]) -> None:
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


# Offices: before a name always a role ("President Obama", "Judge Smith"), never part of it, unlike
# ranks and callings that name their bearer ("Prince Harry", "Pope Francis", "Pastor Maldonado").
OFFICES = frozenset("""
president vice minister secretary chancellor premier governor mayor senator sen rep congressman
congresswoman ambassador commissioner chairman chairwoman chair director chief executive ceo head
leader manager coach captain spokesman spokeswoman officer judge justice prosecutor detective
inspector sergeant constable commander colonel general major lieutenant admiral marshal sheriff
deputy professor prof councillor superintendent mp mep
""".split())


def drop_common_words(groups: dict[tuple[str, str], Group], common: set[str]) -> None:
    """Drop "people" named by one word that the text also uses in lower case ("Proud: the mother
    of …", "Slow" beside "slow"), when no mention has a first name, an honorific or a role: a
    capitalised common word, not a name."""
    for key in [k for k in groups if k[0] == "person"]:
        g = groups[key]
        if g.personal or g.role or g.titles or any(" " in f for f in g.forms):
            continue
        if all(f.lower() in common for f in g.forms):
            del groups[key]


def title_as_first_name(group: Group, common: set[str]) -> None:
    """Read a title word right before a lone surname as part of the person's name ("Pastor
    Maldonado", "Prince Harry") when the text gives them no other first name, never uses that word
    as a common noun ("the pastor") and the word is no office ("President Obama" keeps his role)."""
    if not group.titles or group.kind != "person" or any(" " in f for f in group.forms):
        return
    title = max(group.titles, key=group.titles.count)
    if title.lower() in common or title.lower().rstrip(".") in HONORIFICS | OFFICES:
        return
    group.forms.append(f"{title} {max(group.forms, key=group.forms.count)}")
    if group.role == title:
        group.role = None


def merge_abbreviations(groups: dict[tuple[str, str], Group], defined: dict[str, str]) -> None:
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


def merge_last_words_of_orgs(groups: dict[tuple[str, str], Group]) -> None:
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
            g.name = fullest_name(g.forms)


def rekind_people(groups: dict[tuple[str, str], Group]) -> None:
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
            groups[new_key] = Group(name, kind, None, g.mentions, g.forms, g.sents, g.first)
            continue
        target.mentions.extend(g.mentions)
        target.forms.extend(g.forms)
        target.sents |= g.sents
        target.first = min(target.first, g.first)


def merge_orgs_into_people(groups: dict[tuple[str, str], Group]) -> None:
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


_PARTICLES = frozenset("van von de da del della di du le la st bin al el ben ter den der".split())


def merge_false_namesakes(groups: dict[tuple[str, str], Group]) -> None:
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


def is_namesake(name: str, forms: Sequence[str]) -> bool:
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


def fullest_name(forms: list[str]) -> str:
    """Return the fullest name among a person's forms: the most frequent of the longest-worded."""
    most = max(len(f.split()) for f in forms)
    longest = [f for f in forms if len(f.split()) == most]
    return max(longest, key=lambda f: (longest.count(f), -longest.index(f)))


def merge_people_into_orgs(groups: dict[tuple[str, str], Group]) -> None:
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
