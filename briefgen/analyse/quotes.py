"""Direct quotes and who said them.

Quote marks are paired on the raw text, paragraph by paragraph, so that a quote is never cut at a
sentence boundary: straight and curly double quotes, curly and straight single quotes (apostrophes
told apart by their neighbours), and the British convention of a quote running over paragraphs with
no closing mark until the last. Each quoted span becomes a ``Quote`` when it reads as speech: a
speech verb frames it ("he said", "Mr Rutte commended"), "according to" names a source, a
``Name: “…”`` or ``“…” -Name`` pattern gives it, or it is long enough to be speech continued from
the previous quote. Scare quotes, coined terms and titles of works are left out.

The speaker is the subject of the cue verb resolved through the entities to the fullest name the
sources give ("he" -> the last named speaker or person, "the Secretary General" -> the one person
with that role); when nothing in the text settles it, the speaker is None.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Document, Entity, Quote, Sentence
from .entities import (
    HONORIFICS,
    ROLE_WORDS,
    EntityIndex,
    clean_name,
    name_key,
    role_before,
    sentence_at,
)
from .tags import pos, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CUE_VERBS", "QuoteSpan", "find_quotes", "quote_spans"]

# Lemmas of verbs that introduce reported speech or writing: a general list, not fitted to articles.
CUE_VERBS = frozenset("""
say tell add warn commend welcome urge insist write tweet post state explain claim announce declare
note argue reply respond ask admit recall describe call continue conclude comment confirm deny
suggest
predict report reveal remark stress emphasise emphasize acknowledge observe point joke quip laugh
shout scream cry plead vow promise pledge concede complain boast muse moan fire blast slam praise
criticise criticize accuse allege testify assert maintain contend agree mention read whisper yell
sigh sob caution demand implore beg order threaten estimate exclaim proclaim underline underscore
reaffirm highlight recount chime concur counter retort interject lament hail thank applaud
congratulate condemn denounce blame dismiss question wonder brand label dub term hit lash gush rave
tell recommend advise suggest propose reason reflect reiterate repeat answer inform assure caution
predict forecast calculate add begin start conclude finish summarise summarize sum indicate signal
quote cite tell text email message write publish sing chant
""".split())
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "statement", "representative",
                     "source", "official", "release"})
_ORG_NOUNS = frozenset(
    "company firm agency group organisation organization government ministry department council "
    "committee court bank airline carrier club team union party board authority regulator "
    "watchdog charity campaign association institute institution university school hospital "
    "police force army navy commission panel body service office administration network "
    "broadcaster channel newspaper magazine paper website site publisher studio label retailer "
    "supermarket manufacturer maker operator provider insurer lender exchange fund".split()
)
_DOC_NOUNS = frozenset(
    "report statement memo document letter affidavit study survey poll analysis review release "
    "note paper filing complaint lawsuit ruling judgment verdict post tweet message email blog "
    "column editorial article book website sign notice".split()
)
_PERSON_NOUNS = frozenset(
    "man woman boy girl ace royal veteran star youngster teenager pensioner actor actress singer "
    "player politician victim suspect defendant accused officer mother father old".split()
)
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "him", "her", "them"})
_OPEN = {"“": "d", "‘": "s", '"': "d", "'": "s", "„": "d", "«": "d"}
_CLOSE = {"”": "d", "’": "s", '"': "d", "'": "s", "“": "d", "»": "d"}
_WORD = re.compile(r"[\w’']+")


@dataclass(frozen=True)
class QuoteSpan:
    """A span of text between quote marks: ``start``/``end`` exclude the marks.

    ``closed`` is False when the paragraph ended (or a new quote opened) before a closing mark.
    """

    start: int
    end: int
    closed: bool = True


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in _OPEN:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() and ch not in "“‘" or after.isdigit():  # ’90s, '03
        return False
    if ch in "“‘„«":
        return not before.isalnum()
    return before.isspace() or before in "([{—–-:;,/…" or i == 0 or before in "“‘"


def _possessive(text: str, i: int) -> bool:
    """Return True when the mark at ``i`` may be a plural possessive ("players’ union")."""
    return text[i] in "’'" and i > 0 and text[i - 1] in "sz" and text[i + 1:i + 2] == " " and \
        text[i + 2:i + 3].islower()


def _is_closer(text: str, i: int, hi: int | None = None) -> bool:
    """Return True when the mark at ``i`` can close a quote; an ambiguous "s’ " closes only when no
    other closing mark follows before the next quote opens (or ``hi``, the paragraph's end)."""
    ch = text[i]
    if ch not in _CLOSE:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    if ch in "’'":
        if after.isalpha():  # an apostrophe inside a word: don’t, rock ’n’ roll
            return False
        if _possessive(text, i):
            return hi is not None and not _closer_ahead(text, i + 1, hi, _CLOSE[ch])
    return not after.isalnum() or ch in "”»"


def _closer_ahead(text: str, i: int, hi: int, kind: str) -> bool:
    """Return True when a clear closing mark of ``kind`` comes before the next opening mark."""
    hi = min(hi, i + 600)
    for j in range(i, hi):
        ch = text[j]
        if _OPEN.get(ch) == kind and _is_opener(text, j) and text[j - 1].isspace():
            return False
        if _CLOSE.get(ch) == kind and not _possessive(text, j) and _is_closer(text, j):
            return True
    return False


def quote_spans(text: str) -> list[QuoteSpan]:
    """Return the quoted spans of ``text`` (outermost only), in order.

    Pairs run within a paragraph (a newline ends an open quote there, as when a quote goes on over
    paragraphs); a new opening mark of the same kind while a quote is open ends the open one.
    """
    spans: list[QuoteSpan] = []
    pos = 0
    for para in re.finditer(r"[^\n]+", text):
        pos = para.start()
        spans.extend(_spans_in(text, pos, para.end()))
    return spans


def _spans_in(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    open_at = -1
    kind = ""
    i = lo
    while i < hi:
        ch = text[i]
        if open_at < 0:
            if _is_opener(text, i):
                open_at, kind = i, _OPEN[ch]
        elif _CLOSE.get(ch) == kind and _is_closer(text, i, hi) and i > open_at + 1:
            out.append(QuoteSpan(open_at + 1, i, True))
            open_at = -1
        elif _OPEN.get(ch) == kind and _is_opener(text, i) and ch != "'" and (
            text[i - 1].isspace()
        ):
            # a fresh opening mark: the open quote ran to the end of its (lost) paragraph
            end = i
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            if text[end - 1] in ":,":
                # "… needed entertaining. Redwood said: ‘…": the lost paragraph ended at the
                # last full stop; the rest introduces the new quote
                stop = max(text.rfind(". ", open_at, end), text.rfind("? ", open_at, end),
                           text.rfind("! ", open_at, end))
                end = stop + 1 if stop > open_at else open_at + 1
            if end > open_at + 1:
                out.append(QuoteSpan(open_at + 1, end, False))
            open_at = i
        i += 1
    if open_at >= 0:
        end = hi
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        # an unclosed quote runs to the paragraph's end only when it reads as speech
        if end - open_at > 20:
            out.append(QuoteSpan(open_at + 1, end, False))
    return out


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _looks_like_title(text: str) -> bool:
    """Return True for a title of a work or a name ("Going Clear", "American Pie")."""
    words = _words(text)
    if not words or len(words) > 8 or text.rstrip()[-1:] in ".!?,…":
        return False
    small = {"a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "with", "or", "by"}
    return all(w[0].isupper() or w.lower() in small or w[0].isdigit() for w in words) and \
        words[0][0].isupper()


@dataclass
class _Speaker:
    name: str | None
    role: str | None
    cue: str | None


class _Resolver:
    """Resolve speaker phrases to the fullest names the document gives."""

    def __init__(self, parsed: Doc, index: EntityIndex, spans: Sequence[QuoteSpan]) -> None:
        self.parsed = parsed
        self.spans = spans
        self.index = index
        # spaCy sometimes labels a known person's later mention ORG or NORP ("Stancil")
        self.people = [
            e for e in parsed.ents
            if e.label_ == "PERSON" or e.label_ in {"ORG", "NORP", "GPE"} and len(e) == 1
            and index.person(e.text) is not None and index.organisation(e.text) is None
        ]
        self.gender = _genders(self.people, spans)
        self.ages = _ages(self.people)
        # (name, role, end offset) of the last quote given a speaker
        self.last_speaker: tuple[str, str | None, int] | None = None

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
            if _inside(ent.start_char, spans):
                continue
            wanted = _PRONOUN_GENDER.get(pronoun)
            if wanted and self.gender.get(name_key(ent.text), wanted) != wanted:
                continue  # "she said" is not the man named last
            last = ent
            if _is_subject(ent):
                subject = ent
        if subject is not None and char - subject.start_char < 2500:
            return subject
        return last

    def subject_between(self, lo: int, hi: int) -> bool:
        """Return True when a person is named as a subject outside quotes between two offsets."""
        return any(
            lo <= ent.start_char < hi and _is_subject(ent)
            and not _inside(ent.start_char, self.spans)
            for ent in self.people
        )

    def org_before(self, char: int) -> str | None:
        """Return the organisation last named as a clause's subject before ``char``, or None."""
        best = None
        for ent in self.parsed.ents:
            if ent.start_char >= char:
                break
            if ent.label_ == "ORG" and _is_subject(ent) and not _inside(ent.start_char, self.spans):
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
        org = self.index.organisation(phrase)
        if org is not None:
            return org.name, None
        by_role = self.index.by_role(phrase)
        if by_role is not None:
            return by_role.name, by_role.role
        words = phrase.split()
        head = _singular(words[-1].lower()) if words else ""
        if head in _ORG_NOUNS and raw.split()[0].lower() in {"the", "its", "their"}:
            # "the company said": the organisation the story last named as acting
            org = self.org_before(char)
            if org is not None:
                return org, None
        if len(words) <= 6 and (head in ROLE_WORDS or head in _PERSON_NOUNS or head in _SPOKES
                                or head in _ORG_NOUNS or head in _DOC_NOUNS):
            # a described source ("a Sandown spokesman", "the memo"): keep the description
            return phrase, None
        return None, None  # "the napkin", "the era": not a source


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_GENDER_WORDS = {
    "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "duke": "m", "father": "m",
    "husband": "m", "son": "m", "brother": "m", "grandfather": "m", "uncle": "m", "man": "m",
    "boy": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f",
    "princess": "f", "duchess": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f",
    "grandmother": "f", "aunt": "f", "woman": "f", "girl": "f", "actress": "f", "widow": "f",
    "baroness": "f", "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f",
}


def _genders(people: Sequence[Span], spans: Sequence[QuoteSpan]) -> dict[str, str]:
    """Return the grammatical gender ("m"/"f") the text gives each person (by name key): titles
    before a name ("Mrs", "daughter") and the pronouns after a mention as a clause's subject."""
    votes: dict[str, list[int]] = {}
    for ent in people:
        key = name_key(ent.text)
        if not key:
            continue
        m_f = votes.setdefault(key, [0, 0])
        doc = ent.doc
        before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        word = _GENDER_WORDS.get(before)
        if word:
            m_f[0 if word == "m" else 1] += 2
        if not _is_subject(ent):
            continue
        sent_end = ent.sent.end
        for tok in doc[ent.end:min(sent_end, ent.end + 25)]:
            g = _PRONOUN_GENDER.get(tok.lower_)
            if g and not _inside(tok.idx, spans):
                m_f[0 if g == "m" else 1] += 1
                break
    return {k: ("m" if m > f else "f") for k, (m, f) in votes.items() if m != f}


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


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _is_subject(ent: Span) -> bool:
    """Return True when ``ent`` is its clause's subject or names it ("analyst Paul Callan")."""
    root = ent.root
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return True
    return root.dep_ in {"compound", "appos"} and root.head.dep_ in {"nsubj", "nsubjpass"}


def _has_proper(phrase: str) -> bool:
    return any(w[:1].isupper() and w.lower() not in HONORIFICS for w in phrase.split()[0:])


def _subject_of(verb: Token) -> Token | None:
    """Return the subject of ``verb``, or of the clause a participle hangs on ("Ovum welcomed the
    move, saying …"), or None."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    head = verb
    for _ in range(3):
        if head.dep_ not in {"conj", "xcomp", "advcl", "ccomp", "acl"} or head.head is head:
            break
        head = head.head
        if head.dep_ in {"dobj", "pobj"} and verb.tag_ == "VBG":
            head = head.head  # "backed the proposals saying": the verb, not its object
        for child in head.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
    return None


def _subject_phrase(subj: Token) -> tuple[str, Token]:
    """Return the words naming the subject (its entity, or its left modifiers) and its head."""
    if subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP", "FAC"}:
        doc = subj.doc
        start = subj.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = subj.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if subj.ent_type_ != "PERSON":
            # "Treasury Under Secretary John Taylor": the person the title chain ends in
            k = end
            while k < len(doc) and k < end + 5 and doc[k].is_title and doc[k].ent_type_ != "PERSON":
                k += 1
            if k < len(doc) and k > end - 1 and doc[k].ent_type_ == "PERSON" and \
                    doc[k].ent_iob_ == "B" and all(t.is_title for t in doc[end:k]):
                return _subject_phrase(doc[k])
        left = start
        # "Secretary General Rutte": title words before a person belong to the phrase
        while left > 0 and doc[left - 1].lower_.rstrip(".") in HONORIFICS:
            left -= 1
        return doc[left:end].text, doc[end - 1]
    # "Her granddaughter, Paris", "Niki Lauda, his team chairman, who": the named person
    for child in subj.children:
        if child.dep_ == "appos" and (child.ent_type_ in {"PERSON", "ORG"} or (
            child.is_title and pos(child) == "PROPN"
            and (_singular(subj.lower_) in ROLE_WORDS or subj.lower_ in _PERSON_NOUNS)
        )):
            return _subject_phrase(child)
    if subj.dep_ == "appos" and subj.head.ent_type_ in {"PERSON", "ORG"}:
        return _subject_phrase(subj.head)
    toks = [t for t in subj.subtree if t.i <= subj.i and t.dep_ not in {"punct"}]
    # "Pama's defence lawyer Bruce Peters", "the latest WHO report": the entity in the phrase
    named = [t for t in toks if t.ent_type_ in {"PERSON", "ORG"} and t.dep_ != "poss" and
             not any(a.dep_ == "poss" for a in [t])]
    if named and named[-1].i >= subj.i - 3:
        return _subject_phrase(named[-1])
    # keep the contiguous run ending at the head
    run: list[Token] = []
    for t in reversed(toks):
        if run and t.i != run[0].i - 1:
            break
        run.insert(0, t)
    phrase = " ".join(t.text for t in run)
    # "a spokesman for AOL": the organisation a described speaker speaks for
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "at", "of", "from", "with"}:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in {"ORG", "PERSON", "GPE"}:
                    return f"{phrase} {prep.text} {_subject_phrase(obj)[0]}", subj
    return phrase, subj


def _adjacent_subject(verb: Token) -> Token | None:
    """Return the noun right after a cue verb ("…,” said Stancil") or right before it, when the
    parser left the verb without a subject."""
    doc = verb.doc
    if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    i = verb.i + 1
    while i < len(doc) and pos(doc[i]) == "DET":
        i += 1
    if i < len(doc) and pos(doc[i]) in {"PROPN", "NOUN"}:
        while i + 1 < len(doc) and pos(doc[i + 1]) == "PROPN" and doc[i].is_title:
            i += 1
        return doc[i]
    if verb.i > 0 and pos(doc[verb.i - 1]) in {"PROPN", "NOUN", "PRON"}:
        return doc[verb.i - 1]
    return None


def _inside(char: int, spans: Sequence[QuoteSpan]) -> bool:
    for s in spans:
        if s.start - 1 <= char <= s.end:
            return True
    return False


def find_quotes(
    source: int,
    doc: Document,
    parsed: Doc,
    sents: Sequence[Sentence],
    *,
    entities: Sequence[Entity] = (),
) -> list[Quote]:
    """Return the direct quotes of ``doc`` with their speakers (None when undeterminable)."""
    text = doc.text
    spans = quote_spans(text)
    if not spans:
        return []
    index = EntityIndex(entities)
    resolver = _Resolver(parsed, index, spans)
    token_at = _token_index(parsed)
    out: list[Quote] = []
    prev: Quote | None = None
    prev_end = -10_000
    for span in spans:
        words = text[span.start:span.end]
        stripped = words.strip()
        if not stripped or not any(c.isalpha() for c in stripped):
            continue
        sent = sentence_at(sents, span.start)
        if sent is None:
            continue
        speaker = _cue_speaker(text, parsed, span, spans, token_at, resolver)
        n_words = len(_words(stripped))
        continued = (
            speaker is None and prev is not None and span.start - prev_end < 160
            and _no_other_person(resolver, prev_end, span.start, prev.speaker)
        )
        if speaker is None and not continued:
            speaker = _previous_sentence_speaker(text, parsed, span, spans, sent, sents,
                                                 token_at, resolver)
        if speaker is None and not continued:
            # unattributed: keep only what reads as speech, not a scare quote or a title
            if n_words < 5 or _looks_like_title(stripped):
                continue
        elif _looks_like_title(stripped):
            continue  # "American Pie", "Going Clear": a title even when someone wrote it
        if speaker is None and continued and prev is not None:
            speaker = _Speaker(prev.speaker, prev.role, None)
        if speaker is not None and speaker.name is not None and speaker.name.lower() in _PRONOUNS:
            speaker = _Speaker(None, None, speaker.cue)
        quote = Quote(
            text=stripped,
            speaker=speaker.name if speaker else None,
            sentence_index=sent.index,
            role=speaker.role if speaker else None,
            cue=speaker.cue if speaker else None,
            start=span.start + (len(words) - len(words.lstrip())),
            end=span.start + len(words.rstrip()),
            source=source,
        )
        out.append(quote)
        prev, prev_end = quote, span.end
        if quote.speaker is not None:
            resolver.last_speaker = (quote.speaker, quote.role, span.end)
    return _carry_back(text, out)


def _carry_back(text: str, quotes: list[Quote]) -> list[Quote]:
    """Return ``quotes`` where an unattributed quote right before an attributed one (only quote
    marks and spaces between them: "“…” “…,” Callan said") takes its speaker."""
    out = list(quotes)
    for i in range(len(out) - 2, -1, -1):
        cur, nxt = out[i], out[i + 1]
        if cur.speaker is None and nxt.speaker is not None and cur.source == nxt.source:
            gap = text[cur.end:nxt.start]
            if len(gap) <= 6 and not any(c.isalnum() for c in gap):
                out[i] = dataclasses.replace(cur, speaker=nxt.speaker, role=nxt.role)
    return out


def _previous_sentence_speaker(
    text: str,
    parsed: Doc,
    span: QuoteSpan,
    spans: Sequence[QuoteSpan],
    sent: Sentence,
    sents: Sequence[Sentence],
    token_at: list[int],
    resolver: _Resolver,
) -> _Speaker | None:
    """Return the speaker of a quote that opens its sentence when the sentence before reports
    someone's words ("Callan said Clarke faces an uphill battle. “…”"), else None."""
    if text[sent.start:span.start].strip(" \"'“‘") or sent.index == sents[0].index:
        return None
    pos_in = sent.index - sents[0].index
    before = sents[pos_in - 1]
    if before.source != sent.source or "\n" in text[before.end:sent.start]:
        return None
    toks = [
        t for t in parsed[token_at[before.start]:token_at[max(before.end - 1, before.start)] + 1]
        if not _inside(t.idx, spans)
    ]
    if len(toks) < 3:
        return None
    hit = _speaker_in(toks, resolver, span, after=False)
    if hit is None or hit.name is None:
        return None
    return hit


def _no_other_person(resolver: _Resolver, lo: int, hi: int, speaker: str | None) -> bool:
    """Return True when no person other than ``speaker`` is named between ``lo`` and ``hi``."""
    for ent in resolver.people:
        if ent.start_char >= hi:
            break
        if ent.start_char >= lo:
            name = resolver.index.person(ent.text)
            if speaker is None or name is None or name.name != speaker:
                return False
    return True


def _token_index(parsed: Doc) -> list[int]:
    """Return a map from character offset to token index (the token covering that character)."""
    n = len(parsed.text)
    idx = [0] * (n + 1)
    for tok in parsed:
        end = tok.idx + len(tok.text_with_ws)
        for c in range(tok.idx, min(end, n + 1)):
            idx[c] = tok.i
    if n:
        idx[n] = len(parsed) - 1
    return idx


def _cue_speaker(
    text: str,
    parsed: Doc,
    span: QuoteSpan,
    spans: Sequence[QuoteSpan],
    token_at: list[int],
    resolver: _Resolver,
) -> _Speaker | None:
    """Return the speaker a cue near ``span`` gives, or None when no cue frames the quote."""
    # the frame: text after the quote up to the next quote or the sentence's end, then the text
    # before it back to the previous quote or the sentence's start
    first = parsed[token_at[span.start]]
    last = parsed[token_at[max(span.end - 1, span.start)]]
    after_tokens = _frame_after(parsed, last.i + 1, spans)
    before_tokens = _frame_before(parsed, first.i - 1, spans)
    # after a full stop the next words start a new sentence, not an attribution ("“….” Jones
    # interjected")
    closing = text[span.start:span.end].rstrip()[-1:]
    follows = re.match(r"[\s”’\"']*(\w)", text[span.end:span.end + 6])
    hit = None
    if closing not in ".…" or (follows is not None and follows.group(1).islower()):
        hit = _speaker_in(after_tokens[:16], resolver, span, after=True)
        if hit is not None and hit.name is not None:
            return hit
    before = _speaker_in(before_tokens, resolver, span, after=False)
    if before is not None and (before.name is not None or hit is None):
        return before
    return hit


def _frame_after(parsed: Doc, i: int, spans: Sequence[QuoteSpan]) -> list[Token]:
    out: list[Token] = []
    while i < len(parsed) and len(out) < 25:
        tok = parsed[i]
        if "\n" in tok.text:
            break
        if tok.text in _OPEN and tok.text not in "\"'" and out:
            break
        if _inside(tok.idx, spans) and tok.text not in _CLOSE:
            break
        out.append(tok)
        if tok.text in {".", "!", "?"} and len(out) > 1:
            break
        i += 1
    return out


def _frame_before(parsed: Doc, i: int, spans: Sequence[QuoteSpan]) -> list[Token]:
    out: list[Token] = []
    while i >= 0 and len(out) < 30:
        tok = parsed[i]
        if "\n" in tok.text:
            break
        if tok.text in {".", "!", "?"} and out:
            break
        if _inside(tok.idx, spans) and tok.text not in _OPEN:
            break
        out.insert(0, tok)
        i -= 1
    return out


def _speaker_in(
    toks: list[Token], resolver: _Resolver, span: QuoteSpan, *, after: bool
) -> _Speaker | None:
    """Return the speaker named by a cue among ``toks`` (the text framing a quote), or None."""
    words = [t for t in toks if not t.is_punct and not t.is_space]
    if not words:
        return None
    # "according to X"
    for j, tok in enumerate(toks[:-2]):
        if tok.lower_ == "according" and toks[j + 1].lower_ == "to":
            obj = toks[j + 2]
            head = obj
            for t in toks[j + 2 :]:
                if t.dep_ == "pobj" and t.head.i == toks[j + 1].i:
                    head = t
            phrase, head = _subject_phrase(head)
            return _named(phrase, head, resolver, "according to", span)
    passive: _Speaker | None = None
    # the cue nearest the quote: first after it, last before it
    for tok in toks if after else reversed(toks):
        lemma = verb_lemma(tok, CUE_VERBS) if pos(tok) in {"VERB", "AUX"} else None
        if after and lemma is None and (
            pos(tok) == "VERB" or tok.dep_ == "mark" and tok.lower_ != "as"
        ):
            break  # "… investigation after he was told": a new clause, not an attribution
        if lemma is None and tok.lower_ in {"made", "makes", "make", "making"} and any(
            c.lower_ == "clear" for c in tok.children
        ):
            lemma = "make clear"  # "Stewart made clear he'd be interested"
        if lemma is not None and after and tok.tag_ == "VB":
            continue  # "… to explain why": an infinitive after a quote is no attribution
        if lemma is not None and any(c.dep_ == "auxpass" for c in tok.children):
            # "it was described as ‘…’": quoted words, said by the agent if the text names one
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if obj is not None:
                phrase, head = _subject_phrase(obj)
                return _named(phrase, head, resolver, lemma, span)
            passive = passive or _Speaker(None, None, lemma)
            continue
        if lemma is not None:
            subj = _subject_of(tok) or _adjacent_subject(tok)
            if subj is None or _inside(subj.idx, resolver.spans):
                continue  # a subject inside another quote is not this quote's speaker
            if subj.lower_ in {"who", "which", "that"}:
                clause = tok
                while clause.dep_ not in {"relcl", "ROOT"} and clause.head is not clause:
                    clause = clause.head
                if clause.dep_ == "relcl":
                    subj = clause.head
                else:  # "Julia, left, who says": the name just before the relative pronoun
                    near = [t for t in subj.doc[max(0, subj.i - 5):subj.i]
                            if t.ent_type_ == "PERSON"]
                    if near:
                        subj = near[-1]
            phrase, head = _subject_phrase(subj)
            return _named(phrase, head, resolver, lemma, span)
    # "Name: “…”" and "“…” -Name"
    while toks and toks[-1].text in _OPEN:
        toks = toks[:-1]
    while toks and toks[0].text in _CLOSE:
        toks = toks[1:]
    if toks and toks[-1].text == ":" and len(words) <= 6:
        ents = [t for t in words if t.ent_type_ in {"PERSON", "ORG"}]
        if ents:
            phrase, head = _subject_phrase(ents[-1])
            return _named(phrase, head, resolver, None, span)
    if toks and toks[0].text in {"-", "—", "–", "--"} and len(words) <= 5:
        ents = [t for t in words if t.ent_type_ in {"PERSON", "ORG"}]
        if ents:
            phrase, head = _subject_phrase(ents[0])
            return _named(phrase, head, resolver, None, span)
    return passive


def _named(
    phrase: str, head: Token, resolver: _Resolver, cue: str | None, span: QuoteSpan
) -> _Speaker:
    low = clean_name(phrase).lower()
    # a pronoun or description refers back from where it stands ("He said Mr Blair had spoken
    # with ‘…’": not Mr Blair)
    at = min(span.start, head.idx)
    if low in _PRONOUNS or low in {"i", "we"}:
        last = resolver.last_speaker
        gender = _PRONOUN_GENDER.get(low, "")
        if last is not None and low in {"he", "she"} and at - last[2] < 400 and \
                resolver.gender.get(name_key(last[0]), gender) == gender and \
                not resolver.subject_between(last[2], at):
            # "‘…’ ‘…’ he added": the speaker of the quote just before
            return _Speaker(last[0], last[1], cue)
        ent = resolver.pronoun_referent(at, resolver.spans, low)
        if ent is None or low in {"it", "they", "we"}:
            return _Speaker(None, None, cue)
        person = resolver.index.person(ent.text)
        if person is None:
            return _Speaker(None, None, cue)
        return _Speaker(person.name, person.role, cue)
    words = phrase.split()
    if head.lower_ == "old" and head.i >= 2 and head.doc[head.i - 2].lower_ in {"year", "years"} \
            and head.doc[max(0, head.i - 5)].lower_ == "the":
        # "The 55-year-old said": the one person the text gives that age, else a description
        age = head.doc[max(0, head.i - 4):head.i].text
        digits = re.search(r"\d+", age)
        named = resolver.ages.get(digits.group(0)) if digits else None
        if named is not None:
            person = resolver.index.person(named)
            if person is not None:
                return _Speaker(person.name, person.role, cue)
        words = ["the", *words]
    if words and words[0].lower() == "the" and head.ent_type_ not in {"PERSON", "ORG"} and (
        head.lower_ in ROLE_WORDS or head.lower_ in _PERSON_NOUNS or head.ent_type_ == "NORP"
    ) and resolver.index.by_role(phrase) is None:
        # "the fighter ace", "the German": the person the story is about at that point
        ent = resolver.pronoun_referent(at, resolver.spans)
        person = resolver.index.person(ent.text) if ent is not None else None
        if person is not None:
            return _Speaker(person.name, person.role, cue)
    if words and words[0].lower() in {"a", "an", "the"} and head.lower_ in _SPOKES and \
            len(words) == 2:
        # "a spokesman said": the organisation the story last named as acting
        org = resolver.org_before(span.start)
        if org is not None:
            return _Speaker(org, None, cue)
    name, role = resolver.name_of(phrase, head, span.start)
    return _Speaker(name, role, cue)
