"""Signs, read off the parse, that a PERSON mention is no person's name or is another name of one.

spaCy's small model labels many capitalised words PERSON. ``find_entities`` asks this module:

- ``demonym_words`` — the nationality words a mention opens with ("Brazilian Ronaldo": the
  nationality is a description, the name is "Ronaldo"; "The Aussie" names nobody);
- ``no_name_use`` — a lone word used as no name is used: after an article ("the Bernabeu was
  evacuated", "the Haka"), as a modifier of a common noun ("the Darwin woman", "the Welsh game"),
  inside a short quoted description ("promotes herself as 'the Barbie from Down Under'");
- ``in_a_title`` — a mention inside a title-case run that holds a capitalised function word,
  the name of an award or a work ("Outstanding Breakthrough Performance By An Actress"), or a
  work "by" its author ("singing Super Bass by Nikki Minaj");
- ``alias_cue`` — a mention that gives another name of a person already named ("The Aussie,
  born Natalie Stewart"; "whose real name is …"; "née …");
- ``person_use`` — a mention used as people's names are: the subject of a verb of speech,
  thought or feeling ("Estelle said", "Merivale announced": a quote's source), a subject that
  "he"/"she" takes up, an item in a list of full names ("Melanie C, Anggun, David Foster").

``normal_case`` writes a name set in capitals (a caption's "ANDREW SYMONDS") as the text writes
its words elsewhere, else in a careful title case.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .tags import pos, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "DEMONYMS", "PERSON_VERBS", "alias_cue", "demonym_words", "in_a_title", "no_name_use",
    "normal_case", "person_use",
]

# Nationality and regional words (a general list): before a name a description, alone no name.
DEMONYMS = frozenset("""
afghan albanian algerian american andorran angolan argentine argentinian armenian australian
austrian azerbaijani bahraini bangladeshi barbadian belarusian belgian belizean beninese
bhutanese bolivian bosnian botswanan brazilian british bruneian bulgarian burkinabe burmese
burundian cambodian cameroonian canadian chadian chilean chinese colombian congolese
costa croatian cuban cypriot czech danish djiboutian dominican dutch ecuadorian egyptian
emirati english eritrean estonian ethiopian fijian filipino filipina finnish french gabonese
gambian georgian german ghanaian greek grenadian guatemalan guinean guyanese haitian honduran
hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican
japanese jordanian kazakh kenyan korean kosovan kuwaiti kyrgyz laotian latvian lebanese
liberian libyan lithuanian luxembourgish macedonian malagasy malawian malaysian maldivian
malian maltese mauritanian mauritian mexican moldovan monegasque mongolian montenegrin
moroccan mozambican namibian nepalese nepali nicaraguan nigerian nigerien norwegian omani
pakistani palestinian panamanian paraguayan peruvian polish portuguese qatari romanian russian
rwandan salvadoran samoan saudi scottish senegalese serbian singaporean slovak slovakian
slovenian somali somalian spanish sudanese surinamese swazi swedish swiss syrian taiwanese
tajik tanzanian thai togolese tongan trinidadian tunisian turkish turkmen ugandan ukrainian
uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean
african asian european arab arabian latin latino latina caribbean nordic scandinavian baltic
balkan slavic celtic anglo basque catalan flemish walloon kurdish tamil sikh punjabi bengali
maori aboriginal hispanic persian ottoman soviet yugoslav
aussie aussies kiwi kiwis brit brits briton britons scot scots yank yankee pom pommie
""".split())

_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_OBJECTS = frozenset({"dobj", "pobj", "attr", "appos", "conj"})
_QUOTES = frozenset("'\"‘’“”")
# A person's name is given again after these words ("born Natalie Stewart", "née Smith").
_ALIAS_AFTER = frozenset({"born", "née", "nee"})
_ALIAS_NAME = frozenset({"real", "birth", "maiden", "given", "original"})


def demonym_words(ent: Span) -> int:
    """Return how many tokens at the start of ``ent`` are nationality words, a leading article
    included ("Brazilian Ronaldo": 1; "The Aussie": 2; "Ronaldo": 0)."""
    n = 0
    for k, tok in enumerate(ent):
        if k == 0 and tok.lower_ in _ARTICLES:
            continue
        if tok.lower_ not in DEMONYMS:
            break
        n = k + 1
    return n


def no_name_use(ent: Span) -> bool:
    """Return True when a one-word mention is used as no person's name is: right after an
    article ("The Bernabeu was evacuated", "the sight of the Haka"), as a modifier of a common
    noun after it ("the Darwin woman", "the Welsh game"), or inside a short quoted phrase
    ("'the Barbie from Down Under'")."""
    words = [t for t in ent if t.lower_ not in _ARTICLES and not t.is_punct]
    if len(words) != 1:
        return False
    word = words[0]
    doc = ent.doc
    before = doc[word.i - 1] if word.i > 0 else None
    if before is not None and before.lower_ in _ARTICLES:
        return True
    head = word.head
    if word.dep_ in {"compound", "amod", "nmod"} and head.i > word.i and head.is_lower and \
            head.is_alpha and (head.tag_ in {"NN", "NNS"} or word.dep_ == "compound"):
        return True  # (the parser may tag the noun a verb: "French Maid outfits")
    return _quoted_phrase(word)


def _quoted_phrase(word: Token) -> bool:
    """Return True when ``word`` sits in a quoted phrase of at most six words that opens with an
    article ("'the Barbie from Down Under'"): a description, not a name."""
    doc = word.doc
    i = word.i - 1
    while i >= 0 and word.i - i <= 3 and doc[i].text not in _QUOTES:
        i -= 1
    if i < 0 or doc[i].text not in _QUOTES or i + 1 >= len(doc) or \
            doc[i + 1].lower_ not in _ARTICLES:
        return False
    j = word.i + 1
    while j < len(doc) and j - i <= 7 and doc[j].text not in _QUOTES:
        if doc[j].text in {".", "!", "?"}:
            return False
        j += 1
    return j < len(doc) and doc[j].text in _QUOTES


def in_a_title(ent: Span) -> bool:
    """Return True when ``ent`` is part of a title-case run that also holds a capitalised
    function word after it ("Outstanding Breakthrough Performance By An Actress"): an award's
    or a work's name, in a sentence written in ordinary case (not a title-case headline); or an
    object followed by "by" and a name ("singing Super Bass by Nikki Minaj"): a work."""
    doc = ent.doc
    sent = ent.sent
    if ent[-1].text in _POSSESSIVE or ent.end < len(doc) and doc[ent.end].text in _POSSESSIVE:
        return False  # "Rita Ora's I Will Never Let You Down": her work, after her name
    if sum(1 for t in sent if t.is_lower and t.is_alpha) < 3:
        return False
    if ent.end + 1 < sent.end and doc[ent.end].lower_ == "by" and doc[ent.end + 1].is_title \
            and doc[ent.end + 1].ent_type_ in {"PERSON", "ORG"} and ent.root.dep_ in _OBJECTS:
        return True  # "singing Super Bass by Nikki Minaj": a work and its author
    j = ent.end
    function_word = False
    while j < sent.end and doc[j].is_title and doc[j].is_alpha:
        if pos(doc[j]) in {"ADP", "DET", "CCONJ", "PRON"} and j + 1 < sent.end and \
                doc[j + 1].is_title:
            function_word = True
        j += 1
    return function_word


def alias_cue(ent: Span) -> bool:
    """Return True when ``ent`` is another name of a person named before it: right after "born"
    or "née" ("The Aussie, born Natalie Stewart"), or after "real name (is)" ("Gaga, whose real
    name is Stefani Germanotta")."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].text in _QUOTES:
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ in _ALIAS_AFTER:
        return i == 0 or doc[i - 1].text not in {"-", "–"}  # not "first-born Sam"
    if doc[i].lower_ in {"is", "was", ":"}:
        i -= 1
    return i >= 1 and doc[i].lower_ == "name" and doc[i - 1].lower_ in _ALIAS_NAME


# Verbs whose subject is a person (speech, thought, feeling, a life's events): a general list.
PERSON_VERBS = frozenset("""
say tell add explain insist admit reveal claim recall describe confirm deny suggest ask reply
respond answer joke laugh smile cry weep shout whisper write tweet post sing dance marry divorce
die kiss hug think believe feel hope want wish love hate fear know remember forget decide
regret apologise apologize thank praise blame vow promise plead argue agree disagree complain
confess pray retire resign graduate
""".split())
_PERSONAL_PRONOUNS = frozenset("he she his her him himself herself".split())


def person_use(ent: Span) -> bool:
    """Return True when ``ent`` is used as a person's name: the subject of a verb from
    ``PERSON_VERBS`` or of a speech verb (``cues.CUE_VERBS``), a subject that a "he"/"she" takes
    up later in its sentence or in the next, or an item listed with full names of people."""
    tok = ent.root
    doc = ent.doc
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        from .cues import CUE_VERBS  # (cues reads entities: imported when first needed)

        if verb_lemma(tok.head, PERSON_VERBS | CUE_VERBS) is not None:
            return True  # a person's verb, or a speaker's: a quote's source must stay known
        sent = tok.sent
        end = sent.end
        if end < len(doc):
            end = doc[end].sent.end
        if any(t.lower_ in _PERSONAL_PRONOUNS for t in doc[tok.i + 1 : end]):
            return True
    items = [t for t in tok.children if t.dep_ in {"conj", "appos"}]
    if tok.dep_ in {"conj", "appos"}:
        items.append(tok.head)
        items.extend(t for t in tok.head.children if t.dep_ in {"conj", "appos"} and t is not tok)
    return any(t.ent_type_ == "PERSON" and t.i > 0 and doc[t.i - 1].ent_type_ == "PERSON"
               and doc[t.i - 1].ent_iob_ in {"B", "I"} and t.ent_iob_ == "I" for t in items)


# Particles written in lower case inside a name ("Louis van Gaal") when the text never shows them.
_LOWER_PARTICLES = frozenset("van von de da di du del della der den le la ter".split())


def normal_case(name: str, spellings: Mapping[str, str]) -> str:
    """Return ``name`` in normal case when every word of it is in capitals ("ANDREW SYMONDS"),
    else ``name`` unchanged.

    Each word takes the spelling the text gives it elsewhere (``spellings`` maps a word in
    capitals to it: "SYMONDS" -> "Symonds"); a word the text never writes otherwise is title-cased
    with few, safe rules: each part after a hyphen or an apostrophe capitalised ("O'Neill",
    "Jean-Paul"), "Mc" before a capital ("McDonald"), a particle inside the name in lower case
    ("van"), initials ("J.K.") kept.
    """
    words = name.split()
    if not any(len(w) > 1 and w.isalpha() for w in words) or not all(
        w.upper() == w for w in words
    ):
        return name
    out = []
    for i, word in enumerate(words):
        if word in spellings:
            out.append(spellings[word])
        elif "." in word or len(word) < 2 or not any(c.isalpha() for c in word):
            out.append(word)
        elif 0 < i < len(words) - 1 and word.lower() in _LOWER_PARTICLES:
            out.append(word.lower())
        else:
            cased = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word)
            out.append(re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), cased))
    return " ".join(out)
