"""Word-level helpers of the summariser: content words, similarity, and whether a sentence reads
on its own (no fragment cut from a quote, no dangling "He said" opening) with safe trimming.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

__all__ = [
    "STOP_WORDS",
    "content_words",
    "cosine",
    "drop_picture_asides",
    "about_the_document",
    "jaccard",
    "list_of_names",
    "quoted_fraction",
    "resolve_opening",
    "standalone_problem",
    "title_from",
    "trim_clutter",
]

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say told mr mrs ms s t one two new also would could may might must shall us last
    year years first""".split()
)

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "edly", "ed", "es", "ly", "s")


def _stem(word: str) -> str:
    """Return a crude stem: enough for "pledges"/"pledged" to meet, and cheap."""
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Return the stemmed, lower-case words of ``text`` that are not stop words."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and len(w) > 1]


def cosine(a: dict[str, float] | Counter[str], b: dict[str, float] | Counter[str]) -> float:
    """Return the cosine similarity of two sparse vectors (0 when either is empty)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def jaccard(a: Sequence[str], b: Sequence[str]) -> float:
    """Return the Jaccard overlap of two word sequences taken as sets (0 when both are empty)."""
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


_QUOTED = re.compile(r"[\"“]([^\"“”]*)[\"”]")


def quoted_fraction(text: str) -> float:
    """Return the share of ``text``'s characters that sit inside quotation marks."""
    if not text:
        return 0.0
    return min(1.0, sum(len(m.group(0)) for m in _QUOTED.finditer(text)) / len(text))


_PRONOUN_START = re.compile(r"^(?:He|She|They|His|Her|Him|Their|Them|It\s+(?:said|added))\b")
_SAYS_START = re.compile(
    r"^(?:He|She|They|It|I|We)\s+(?:also\s+|then\s+|later\s+)?"
    r"(?:said|says|added|adds|told|tells|explained|noted|warned|argued|insisted|stressed)\b"
)
_ATTRIBUTION_ONLY = re.compile(
    r"[\"”,]\s*(?:he|she|they|it)\s+(?:said|says|added|adds|told|explained|noted|warned)\b"
    r"[^\"“”]{0,40}\.?$"
)


# a picture's caption, by the cue it opens with ("From left, ...", "Pictured: ...", "Above: ...")
_CAPTION_START = re.compile(
    r"^(?:(?:From (?:left|right)|(?:Left|Right|Top|Bottom|Above|Below|Inset)(?: to right)?"
    r"|Clockwise from (?:top |bottom )?(?:left|right)|Pictured|Picture|Photo|Image)\s*[,:]"
    r"|Pictured (?:is|are|here|above|below|left|right|with|at|in|on)\b)"
)
# the page's instruction to its reader ("Click on the photos above to learn how ...", "Scroll down
# to see more", "Watch the video below")
_TO_THE_READER = re.compile(
    r"^(?:(?:Just|Simply)\s+(?i:click|tap|scroll|swipe|watch|see|view|hover)"
    r"|Click|Tap|Scroll|Swipe|Watch|See|View|Hover)\b[^.]{0,60}?\b(?:here|above|below|photos?"
    r"|pictures?|images?|videos?|gallery|slideshow|clip|link|chart|graphic|map)\b",
)
# a quote in single marks that closes without having opened: apostrophes ("Barnes' car",
# "don't") make counting the marks unsafe, but a closing mark after the full stop is plain
_SINGLE_QUOTE_TAIL = re.compile(r"[.!?,]['’]$")
_SINGLE_QUOTE_OPEN = re.compile(r"(?:^|[\s(\[—–-])['‘](?=\w)")
# ... or closes before its speaker's verb: "Destination unknown,' tweeted a reporter."
_SINGLE_QUOTE_SAID = re.compile(
    r"[.!?,]['’]\s+(?:[\w.'’-]+\s+){0,6}?(?:said|says|added|adds|tweeted|tweets|wrote|writes|"
    r"told|tells|explained|insisted|claimed|warned|posted|replied|continued)\b"
)


def standalone_problem(text: str) -> str | None:
    """Return why ``text`` cannot stand alone as a key point, or None when it can.

    Reasons: a fragment of a quote split over sentences (unbalanced quotation marks), a lower-case
    or punctuation opening, a dangling "He said" or pronoun opening, a quote attributed only to a
    pronoun, a line too short to carry a point, a question, a clause ending in a colon, a list of
    names (a line-up), a picture's caption ("From left, ..."), the page's instruction to its
    reader ("Click on the photos above ..."), meta-text about the document itself, a verb with
    no subject (a product list's "Offers ...") or a table's row (figures and fewer than two
    lower-case words: "Lewis Hamilton (Britain) Mercedes 1:35.782").
    """
    stripped = text.strip()
    if len(stripped.split()) < 5:
        return "too short"
    if stripped.count('"') % 2 or stripped.count("“") != stripped.count("”"):
        return "quote fragment"
    if _SINGLE_QUOTE_TAIL.search(stripped) and not _SINGLE_QUOTE_OPEN.search(stripped):
        return "quote fragment"  # the last sentence of a quote in single marks: 'Maybe so.
    said = _SINGLE_QUOTE_SAID.search(stripped)
    if said and not _SINGLE_QUOTE_OPEN.search(stripped[:said.start()]):
        return "quote fragment"
    first = stripped[0]
    if first.islower() or first in ",;:)]-–—…'’":
        return "fragment"
    if stripped.endswith(":"):
        return "introduces a list"
    if stripped.endswith("?"):
        return "question"
    if _SAYS_START.match(stripped):
        return "dangling attribution"
    if _PRONOUN_START.match(stripped):
        return "pronoun opening"
    if list_of_names(stripped):
        return "list of names"
    if about_the_document(stripped):
        return "about the document"
    if _CAPTION_START.match(stripped):
        return "picture caption"
    if _TO_THE_READER.match(stripped):
        return "to the reader"
    if _CREDIT_LINE.search(stripped):
        return "credit line"
    if _no_subject(stripped):
        return "no subject"
    letters = [c for c in stripped if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.5 * len(letters):
        return "heading in capitals"
    if len(_LOWER_WORD.findall(stripped)) < 2 and any(c.isdigit() for c in stripped):
        return "table row"
    quoted = quoted_fraction(stripped)
    if quoted > 0.5 and len(_QUOTED.sub(" ", stripped).split()) < 2:
        return "quote without a speaker"
    if quoted > 0.5 and _ATTRIBUTION_ONLY.search(stripped):
        return "quote with a pronoun speaker"
    return None


# A verb opening a sentence with no subject: a product list's line ("Offers 'protection ...'",
# "Protects against UVA and UVB"). These verbs are no nouns, so they never open a subject;
_SUBJECTLESS = frozenset(
    """Is Was Are Has Protects Contains Includes Provides Promises Boasts Helps Allows Lets Gives
    Requires Aims Comes Keeps Makes Takes Says Adds Combines Prevents Reduces Delivers Leaves
    Absorbs Reflects Suits Tastes Smells Looks Feels Sounds Lasts Goes""".split()
)
# these may be nouns ("Offers poured in", "Claims of abuse emerged"): a verb only when the next
# word is neither a preposition nor a verb of their own
_NOUN_OR_VERB = frozenset(
    "Offers Claims Costs Works Features Uses Plans Calls Hopes Fears Needs Wants Shows".split()
)
_SUBJECT_NEXT = re.compile(
    r"^(?:of|from|by|for|in|on|at|to|with|that|about|over|against|among|between|into|and|or"
    r"|are|were|have|had|will|would|could|can|may|might|must|should|include|rose|fell|came"
    r"|went|grew|soared|remain|continue|[a-z]+ed)$"
)
# who helped report the story ("CNN's Tony Marco contributed to this report.")
_CREDIT_LINE = re.compile(r"\bcontributed to this (?:report|story|article)\.?$")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*\b")


def _no_subject(text: str) -> bool:
    """Return True when ``text`` opens on a verb with no subject (``_SUBJECTLESS``, or one of
    ``_NOUN_OR_VERB`` not followed by what follows a plural subject)."""
    words = text.split(maxsplit=2)
    if len(words) < 2:
        return False
    first = words[0].rstrip(",;:")
    if first in _SUBJECTLESS:
        return True
    return first in _NOUN_OR_VERB and not _SUBJECT_NEXT.match(words[1].lower().strip(",;:"))


_LABEL = re.compile(r"^[A-Z][\w ]{0,30}:\s+")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.?|(?:de|van|von|da|di|le|la|du)|and|&)$")
#: a list of names has this many comma-separated items at least
MIN_LISTED_NAMES = 4
#: and all its words but this share (one word at least) are capitalised names: no verb
OTHER_WORD_SHARE = 0.1


def list_of_names(text: str) -> bool:
    """Return True for a line that is a list of names ("Murphy, Horgan, TBC, D'Arcy, ..."), with
    or without a label ("Replacements: ..."): ``MIN_LISTED_NAMES`` comma-separated items or more
    and every word a capitalised name but ``OTHER_WORD_SHARE`` of them, so no verb carries a point
    ("Def Jam's artists include LL Cool J, DMX, ..." has one and stays)."""
    body = _LABEL.sub("", re.sub(r"\([^()]*\)", " ", text.strip())).rstrip(" .;")
    items = [i for i in re.split(r",\s*|;\s*|\s+and\s+", body) if i.strip()]
    if len(items) < MIN_LISTED_NAMES:
        return False
    words = re.sub(r"[,;]", " ", body).split()
    others = sum(not _NAME_WORD.match(w) for w in words)
    return others <= max(1, OTHER_WORD_SHARE * len(words))


_DOC_NOUN = (r"(?:report|review|paper|document|note|brief|briefing|digest|newsletter|summary|"
             r"section|chapter|article|issue|edition|update|bulletin|overview|round-?up|"
             r"memo|pack|annex|appendix|compilation|selection|collection)")
_META_VERB = (r"(?:gathers?|gathered|summari[sz]es?|presents?|describes?|sets? out|outlines?|"
              r"covers?|brings? together|collects?|compiles?|contains?|looks? at|examines?|"
              r"provides?|offers?|lists?|reviews?|is (?:divided|organi[sz]ed|structured)|"
              r"consists? of|focuses on|aims to)")
_ABOUT_DOCUMENT = re.compile(
    r"^(?:This|These|Each|Every|The following|The present|Our|Below,? (?:this|the))\s+"
    + _DOC_NOUN + r"s?\b[^.;]{0,40}?\b" + _META_VERB + r"\b"
    # "Here, Sportsmail recounts 10 of his finest moments", "Below, we look at the options"
    r"|^(?:Here|Below),?\s+(?:[\w'’-]+\s+){1,3}?(?:recounts?|looks? (?:back )?at|takes? a look"
    r"|lists?|rounds? up|picks? out|presents?|has compiled|brings? you)\b"
    r"|^An?\s+(?:review|summary|digest|overview|round-?up|selection|collection|compilation)"
    r"\s+of\b(?![^.]*\b(?:found|finds|shows?|showed|said|says|concluded|warned|revealed)\b)",
    re.IGNORECASE,
)


def about_the_document(text: str) -> bool:
    """Return True for meta-text about the document itself ("This review gathers the week's
    stories", "Each section summarises ...", "A review of the year's stories", "Here, Sportsmail
    recounts 10 of his finest moments"): it introduces the briefing's source, it is not the
    story. A document's finding ("This report found that ...") is the story and stays."""
    return bool(_ABOUT_DOCUMENT.match(text.strip()))


# Wire-service datelines ("LONDON, England (CNN) -- ", "(CNN)", "WASHINGTON (Reuters) - ") and a
# leading connective ("But", "However,") are safe to drop: they add no fact and make a bullet
# read as a continuation. Attribution ("..., officials said") is kept: without it a claim would
# read as a fact.
_DATELINE = re.compile(
    r"^(?:(?:[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,4}\s*)?"
    r"\((?:CNN|Reuters|AP|AFP|EW|CNN Student News)\)\s*(?:--|—|–|-)?\s*"
    r"|[A-Z][A-Z.'-]{2,}(?:[ ,]+[A-Z][A-Za-z.'-]*){0,3}\s+(?:--|—|–)\s+)"
)
# A subheading glued to the paragraph after it ("BALL OF THE CENTURY Benaud was on hand ...",
# "3. LAST SPELL OF COMMENTARY Benaud's final ..."), or a list number, opens the sentence.
_SUBHEAD = re.compile(
    r"^(?:\d{1,2}[.)]\s+)?(?:[A-Z0-9'’&:,-]+\s+){3,}(?=[A-Z][a-z])|^\d{1,2}[.)]\s+(?=[A-Z])"
)
# A picture caption's label ("Took a hike: The Obamas left ...", "Critical: A guard was shot"):
# a capitalised word, at most two more in lower case, a colon and a capital. Not a speaker's
# colon ("Smith said: The plan ...") nor a name ("Manchester United: The club ...").
_CAPTION_LABEL = re.compile(
    r"^(?![\w'’-]+(?:\s+[\w'’-]+){0,2}?\s+(?:said|says|added|adds|told|tells|explained|"
    r"warned|insisted|wrote|writes|declared|announced|stated|argued|noted)\b)"
    r"[A-Z][a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}:\s+(?=[A-Z])"
)
# ... or a label in capitals ("EXPERT VERDICT: 'A bit of a gimmick'", "CLAIMS: First ..."): two
# words or more, or one of five letters or more; a short acronym ("NATO:") names a speaker
_CAPS_LABEL = re.compile(
    r"^(?:[A-Z][A-Z'’&-]+(?:\s+[A-Z][A-Z'’&-]+){1,3}|[A-Z][A-Z'’&-]{4,}):\s+(?=[A-Z'‘\"“])"
)
_CONNECTIVE = re.compile(
    r"^(?:But|And|However,|Meanwhile,|Also,|In addition,|Still,|Yet|So|Moreover,|Furthermore,)\s+"
)


_OPENING_PRONOUN = re.compile(r"^(?:He|She)\b")


def resolve_opening(text: str, referent: str | None) -> tuple[str, int]:
    """Return ``text`` with an opening "He"/"She" replaced by ``referent`` (the person the analysis
    settled it means), and how many leading characters of the source were replaced (0 if none)."""
    m = _OPENING_PRONOUN.match(text)
    if not referent or not m:
        return text, 0
    return referent + text[m.end() :], m.end()


# A picture's caption cue left in the body text ("Smith (pictured) said", "(left to right)",
# "(file photo of the zoo)"): with no picture beside the bullet it is noise. Only whole
# parentheses made of such words go, and the place words only in lower case as captions write
# them: "(Left Party)", "Lööf (Centre)", "Frankfurt (Main)" or "(R-Va.)" stay.
_PLACE = (r"(?:(?:far|second|third|top|bottom)\s+)?(?:from\s+)?(?:left|right|centre|center|"
          r"above|below|top|bottom|inset|main\s+picture)(?:\s+to\s+right)?")
_PICTURE_ASIDE = re.compile(
    r"\s*\((?:" + _PLACE + r"(?:\s*(?:,|and)\s*" + _PLACE + r")*"
    r"|(?:[Pp]ictured|(?:above\s+|below\s+)?[Ff]ile\s+(?:photo|picture|image|pic))\b[^()]{0,60})\)"
)


def drop_picture_asides(text: str) -> str:
    """Return ``text`` without parenthesised picture cues such as "(pictured)" or "(left)".

    Nothing else changes: what remains is the source's text with those asides cut out.
    """
    return _PICTURE_ASIDE.sub("", text)


def trim_clutter(text: str) -> tuple[str, int]:
    """Return ``text`` without a leading caption label, subheading, list number, dateline or
    connective, and how many leading characters were cut (so a caller can move the span's
    start).

    The first remaining letter is capitalised; nothing else changes.
    """
    cut = 0
    for pattern in (_CAPTION_LABEL, _CAPS_LABEL, _SUBHEAD, _DATELINE, _CONNECTIVE):
        m = pattern.match(text[cut:])
        if m and len(text) - cut - m.end() > 20:
            cut += m.end()
    if not cut:
        return text, 0
    rest = text[cut:]
    return rest[:1].upper() + rest[1:], cut


_TITLE_WORDS = 14
#: words a headline cut from a sentence must not end on: articles, prepositions, conjunctions,
#: subordinators, pronouns and possessives, auxiliaries ("... listening to earbuds as she")
_TRAILING = frozenset(
    """a an the of to in on at by for from with into onto about after before between through
    during against without within across among upon via than like and or but nor so yet as that
    which who whom whose when while where whether because if although though since until unless
    he she it they we i you him her them us his its their our my your me this these those is are
    was were be been being has have had do does did will would can could should may might must
    shall not""".split()
)
_BREAK = re.compile(r",\s|;\s|\s[—–-]\s|\s\(|:\s")
_MIN_TITLE_WORDS = 5


def _headline_end(words: list[str]) -> list[str]:
    """Return ``words`` without the function words at their end (``_TRAILING``), so that a cut
    reads as a headline: "as she" and "to have her" go."""
    words = list(words)
    while words and words[-1].lower().strip(",;:'’\"“”") in _TRAILING:
        words.pop()
    return words


def title_from(sentence: str) -> str:
    """Return a short title taken word for word from the start of ``sentence``.

    The dateline goes; a long sentence is cut at its first clause break after five words, or
    after at most ``_TITLE_WORDS`` words with an ellipsis; either cut ends on a word a headline
    can end on (never "the", "of", "as", "she", "has"...: ``_TRAILING``). No word is added or
    changed.
    """
    text, _ = trim_clutter(sentence.strip())
    text = text.rstrip(" .!?;:,")
    words = text.split()
    if len(words) <= _TITLE_WORDS:
        return text
    for m in _BREAK.finditer(text):
        head = text[: m.start()].split()
        if len(head) > _TITLE_WORDS:
            break
        kept = _headline_end(head)
        if _MIN_TITLE_WORDS <= len(kept):
            return " ".join(kept).rstrip(" ,;:")
    kept = _headline_end(words[:_TITLE_WORDS])
    if len(kept) < _MIN_TITLE_WORDS:
        kept = words[:_TITLE_WORDS]
    return " ".join(kept).rstrip(" ,;:") + "…"
