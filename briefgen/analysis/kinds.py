"""Signs of a mention's kind read off the parse: a person's name, an organisation's or a place's.

spaCy's kinds are corrected by general signs: ``not_a_person`` finds a "person" whose mention shows
an organisation or a place (a name ending such as "United" or "Road", a platform's name, a lone
abbreviation, a list of organisations, "Mike Powell of X"); ``a_person_after_title`` an
"organisation" right after a person's title ("spokesman Vince Cable"); ``person_in_org`` a
person's name an organisation swallowed ("Ambassador to the United Nations Samantha Power");
``is_spurious`` a mention that names nothing ("Allies", a caption's label "CLAIM:"); and
``title_in_name`` / ``ranks_before_full_name`` the office or rank that opens a person's mention
("Comedian Ben Elton", "Crown Prince Mohammed Bin Zayed"). ``abbreviations`` reads the
abbreviations a text defines ("the London Stock Exchange (LSE)").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .groups import SUFFIXES, clean_name
from .roles import HONORIFICS, POSSESSIVE, is_role_word
from .tags import pos, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "PLATFORMS", "a_person_after_title", "abbreviations", "coordinated", "is_spurious",
    "not_a_person", "person_in_org", "ranks_before_full_name", "title_in_name",
]


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


def is_spurious(ent: Span, kind: str) -> bool:
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


# Titles that are part of a name ("Prince Harry", "Duke of York"), never cut off it.
_NAME_RANKS = frozenset(
    "prince princess king queen duke duchess emperor empress pope lord lady baron baroness earl "
    "count countess saint st crown sheikh".split()
)


def title_in_name(ent: Span) -> bool:
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


def ranks_before_full_name(ent: Span) -> int:
    """Return how many rank words ("Crown Prince") open a person's mention before a full name of
    at least two words ("Mohammed Bin Zayed Al Nahyan"), else 0."""
    n = 0
    while n < len(ent) and ent[n].is_title and ent[n].lower_ in _RANKS:
        n += 1
    rest = [t for t in ent[n:] if t.is_alpha and t.lower_ not in SUFFIXES]
    return n if n and len(rest) >= 2 and rest[0].is_title else 0


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
        conj = coordinated(word)
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


def coordinated(word: Token) -> list[Token]:
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
