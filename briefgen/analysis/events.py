"""Dated and upcoming events: what's next.

An event is a gathering or decision point named by an event noun ("summit", "election", "vote",
"hearing"...) read on the parse: its name is the noun with its own modifiers ("general
election", "NATO Summit"), its place ("in The Hague") and what it is on or against ("debate on
the budget", "match against Charlton"); its date is a date phrase of the noun ("Saturday's
match", "the election on 5 May") or of the verb it goes with ("will meet ... on 26 June"). It is
upcoming when a word says so ("upcoming", "next", "will", "is due to", "scheduled").

An event must say what and when or where: a bare common noun ("election") is never an event, nor
a common-noun event with neither a date nor a place ("the next general election"); a "next" of a
past sentence ("New Zealand's next visit ... proved difficult") is not what's next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Document, Event, Sentence
from .tags import pos, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["EVENT_NOUNS", "find_events"]

EVENT_NOUNS = (
    "summit|meeting|meetings|conference|election|elections|referendum|vote|ballot|council|session|"
    "talks|negotiations|hearing|trial|sentencing|inquiry|visit|ceremony|launch|deadline|"
    "congress|convention|assembly|forum|ministerial|debate|match|final|race|tournament|games|"
    "festival|review|budget|announcement|inauguration|signing|g7|g20|cop\\d*"
)
_EVENT = re.compile(rf"(?i)(?:{EVENT_NOUNS})")
# words on the event noun that say it is still to come
_CUES = frozenset("upcoming forthcoming next coming planned scheduled proposed future".split())
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is due|are due|is expected|are expected|is set to|are set to|"
    r"is scheduled|are scheduled|is to|are to|plans to|planned for|next (?:week|month|year)|"
    r"later this (?:week|month|year)|upcoming|forthcoming)\b",
    re.IGNORECASE,
)
_DATE_WORD = re.compile(
    r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4}|next \w+|"
    r"tomorrow|tonight)\b"
)
# left modifiers that belong to an event's name
_NAME_LEFT = {"compound", "amod", "nmod", "poss", "case"}
# prepositions of what an event is about, against or between
_TOPIC = {"on", "of", "against", "between", "over", "into", "for"}
_PLACE = {"GPE", "LOC", "FAC", "ORG"}
_CLOCK = re.compile(r"(?i)gmt|bst|cet|utc|est|et|pt|am|pm|a\.m\.|p\.m\.|hrs|hours")


def find_events(source: int, doc: Document, parsed: Doc, sents: Sequence[Sentence]) -> list[Event]:
    """Return the upcoming and dated events of ``doc``, one per name, in text order."""
    out: list[Event] = []
    seen: set[str] = set()
    for sent in sents:
        if sent.source != source:
            continue
        span = parsed.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:
            continue
        future = bool(_FUTURE.search(sent.text))
        for tok in span:
            if pos(tok) not in {"NOUN", "PROPN"} or not _EVENT.fullmatch(tok.text) or \
                    _inside_name(tok):
                continue
            event = _event(tok, span, future)
            if event is None:
                continue
            name, date = event
            low = name.lower()
            if low in seen or any(low in s or s in low for s in seen):
                continue
            seen.add(low)
            out.append(Event(name, sent.index, date=date, upcoming=True, source=source))
    return out


def _inside_name(tok: Token) -> bool:
    """Return True for an event word that modifies another ("G20 summit", "Oscar ceremony"
    counts once, as "summit"/"ceremony")."""
    return tok.dep_ in {"compound", "amod", "nmod"} and tok.head.i > tok.i and bool(
        _EVENT.fullmatch(tok.head.text))


def _event(noun: Token, sent: Span, future: bool) -> tuple[str, str | None] | None:
    """Return the name and date of the event ``noun`` heads, or None when it is no upcoming
    event that says what and when or where."""
    cue = any(c.lower_ in _CUES for c in noun.lefts) or any(
        c.dep_ == "poss" and any(g.lower_ in _CUES for g in c.lefts) for c in noun.lefts)
    verb = _verb(noun)
    if cue and not future and verb is not None and verb.tag_ in {"VBD", "VBN"} and \
            not any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"will", "shall"}
                    for c in verb.children):
        return None  # "New Zealand's next visit to Wales in 1953 proved difficult"
    if not cue and not future:
        return None
    left = _left(noun)
    place, topic = _right(noun)
    date = _date(noun, verb)
    words = [t for t in left if t.ent_type_ not in {"DATE", "TIME"}] + [noun]
    words = _trim(words)
    named = any(pos(t) == "PROPN" or t.text[:1].isupper() and not t.is_sent_start
                or any(ch.isdigit() for ch in t.text) and t.i == noun.i for t in words)
    if not cue and (date is None or not _future_verb(verb, date)):
        return None  # "X will ...": a dated event whose own verb is still to come
    if date is None and place is None and not named:
        return None  # "the next general election": neither when nor where
    planned = verb is not None and verb.lower_ in _PLANNING and noun.dep_ in {"nsubj",
                                                                           "nsubjpass"}
    if len(words) == 1 and not named and topic is None and not (planned and date):
        return None  # "election", "hearing": a bare common noun says nothing
    parts = [_join(words)]
    if planned and verb is not None and date and len(words) == 1 and not named:
        parts.append(verb.text)  # "the election is expected in May" -> "election expected"
    if topic is not None:
        parts.append(_join(topic))
    if place is not None:
        parts.append(_join(place))
    name = " ".join(parts)
    return re.sub(r"\s+", " ", name).strip(" ,.;:"), date


_WILL = frozenset({"will", "shall", "'ll", "’ll", "wo"})
_PLANNED = frozenset("due set expected scheduled planned planning plans plan expect expects "
                     "going about".split())


def _future_verb(verb: Token | None, date: str) -> bool:
    """Return True when the event's verb is still to come ("will meet", "is due to hold", "is
    expected to attend") or its date says so ("next week", "tomorrow")."""
    if re.search(r"(?i)\b(?:next|tomorrow|later this|coming)\b", date):
        return True
    up = verb
    for _ in range(3):
        if up is None:
            return False
        if up.lower_ in _PLANNED or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _WILL
                                        for c in up.children):
            return True
        if up.dep_ not in {"xcomp", "conj", "ccomp", "advcl"} or up.head.i == up.i:
            return False
        up = up.head
    return False


def _verb(noun: Token) -> Token | None:
    """Return the verb the event noun is the subject, object or prepositional object of."""
    up = noun
    for _ in range(3):
        up = up.head
        if pos(up) in {"VERB", "AUX"}:
            return up
        if up.head.i == up.i:
            break
    return None


def _left(noun: Token) -> list[Token]:
    """Return the modifiers of the event's name left of ``noun`` ("general", "NATO", "G20")."""
    out: list[Token] = []
    for child in noun.lefts:
        if child.dep_ not in _NAME_LEFT or child.lower_ in _CUES:
            continue
        for t in child.subtree:
            if t.lower_ in _CUES or pos(t) in {"DET", "PRON", "PUNCT"} or t.dep_ == "advmod":
                continue
            out.append(t)
    return sorted(out, key=lambda t: t.i)


def _trim(words: list[Token]) -> list[Token]:
    """Return the name's words from the first that is not a possessive marker on its own."""
    while words and words[0].dep_ == "case":
        words = words[1:]
    run = [words[-1]]
    for t in reversed(words[:-1]):
        if t.i != run[0].i - 1:
            break
        run.insert(0, t)
    while run and run[0].dep_ == "case":
        run = run[1:]
    return run


def _right(noun: Token) -> tuple[list[Token] | None, list[Token] | None]:
    """Return the event's place ("in The Hague") and topic ("on the budget") phrases."""
    place = topic = None
    for prep in noun.rights:
        if prep.dep_ != "prep":
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.ent_type_ in {"DATE", "TIME"}:
            continue
        words = []
        for t in sorted(prep.subtree, key=lambda t: t.i):
            if t.dep_ in {"relcl", "acl", "cc", "conj", "appos"} or pos(t) == "PUNCT":
                break  # "in The Hague, defence investment and ...": the list is not the place
            words.append(t)
        if len(words) > 6 or obj not in words:
            continue
        if prep.lower_ in {"in", "at"} and (obj.ent_type_ in _PLACE or pos(obj) == "PROPN"):
            place = place or words
        elif prep.lower_ in _TOPIC and topic is None:
            topic = words
    return place, topic


_TAKES_PLACE = frozenset("hold meet take begin start open close end run gather convene sit "
                         "happen resume be attend play host stage kick finish conclude".split())
_TAKES_PLACE_FORMS = frozenset("held met took taken begun began ran sat is are was were be "
                               "been expected due scheduled set planned slated".split())
_PLANNING = frozenset("expected due scheduled set planned slated".split())


def _date(noun: Token, verb: Token | None) -> str | None:
    """Return the event's date phrase: one of the noun's ("Saturday's match", "the vote on
    Thursday") or of its verb ("will meet ... on 26 June"), or None."""
    places = [noun]
    at = noun.dep_ == "pobj" and noun.head.lower_ in {"at", "during", "in", "to", "for"}
    if verb is not None and (at or verb_lemma(verb, _TAKES_PLACE) is not None
                             or verb.lower_ in _TAKES_PLACE_FORMS):
        # "will meet on 26 June", "will speak at the summit on Monday"; not "the election will
        # be announced on Monday" (the announcement's date, not the election's)
        places += [c for c in verb.children if c.dep_ in {"prep", "npadvmod", "advmod", "tmod"}
                   and c.i != noun.i]
    for head in places:
        for t in head.subtree:
            if t.ent_type_ != "DATE" or (t.head.i == noun.i and t.i < noun.i
                                         and re.fullmatch(r"\d{4}", t.text)):
                continue  # "the 2004 US presidential election": which one, not when
            ent = next((e for e in noun.doc.ents if e.start <= t.i < e.end), None)
            if ent is None:
                continue
            after = noun.doc[ent.end] if ent.end < len(noun.doc) else None
            if after is not None and _CLOCK.fullmatch(after.text):
                continue  # "at 2010 GMT": a time of day, not a year
            text = re.sub(r"(?:'s|’s)$", "", ent.text).strip()
            text = re.sub(r"(?i)^(?:the|a|an|about|around|some|by|until|till)\s+", "", text)
            if _DATE_WORD.search(text):
                return text
    return None


def _join(tokens: list[Token]) -> str:
    out = ""
    for k, t in enumerate(tokens):
        out += t.text + (t.whitespace_ if k + 1 < len(tokens) else "")
    return out
