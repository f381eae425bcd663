"""Cues that attribute a quote: speech verbs and their subjects, "according to", "Name: “…”".

``cue_speaker`` reads the words framing a quote (after it up to a new clause, before it back to
the sentence's start) for a speech verb from ``CUE_VERBS`` (a general list, not fitted to
articles) and resolves its subject with the ``SpeakerResolver``; ``previous_sentence_speaker``
reads the sentence before a quote that opens its own sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Sentence
from .entities import HONORIFICS, ROLE_WORDS
from .marks import CLOSE_MARKS, OPEN_MARKS, QuoteSpan, inside
from .speakers import PERSON_NOUNS, Speaker, SpeakerResolver, named_speaker, singular
from .tags import pos, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["CUE_VERBS", "cue_speaker", "previous_sentence_speaker"]

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


def _subject_of(verb: Token) -> Token | None:
    """Return the subject of ``verb``, or of the clause a participle hangs on ("Ovum welcomed the
    move, saying …"), or None."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        return _likeliest_subject(subjects, verb)
    head = verb
    for _ in range(3):
        if head.dep_ not in {"conj", "xcomp", "advcl", "ccomp", "acl"} or head.head.i == head.i:
            break
        head = head.head
        if head.dep_ in {"dobj", "pobj"} and verb.tag_ == "VBG":
            head = head.head  # "backed the proposals saying": the verb, not its object
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return _likeliest_subject(subjects, head)
    return None


def _likeliest_subject(subjects: list[Token], verb: Token) -> Token:
    """Return the subject among several the parser gave one verb: a name before a common noun
    ("Judge Philip Head, sentencing, said"), else the nearest before the verb ("Internet service
    provider (ISP) Plus.net backed …")."""
    if len(subjects) == 1:
        return subjects[0]
    before = [c for c in subjects if c.i < verb.i] or subjects
    named = [c for c in before if pos(c) == "PROPN" or c.ent_type_ in {"PERSON", "ORG"}]
    return (named or before)[-1]


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
            and (singular(subj.lower_) in ROLE_WORDS or subj.lower_ in PERSON_NOUNS)
        )):
            return _subject_phrase(child)
    if subj.dep_ == "appos" and subj.head.ent_type_ in {"PERSON", "ORG"}:
        return _subject_phrase(subj.head)
    toks = [t for t in subj.subtree if t.i <= subj.i and t.dep_ not in {"punct"}]
    # "Pama's defence lawyer Bruce Peters", "the latest WHO report": the entity in the phrase
    # (a described person is not the organisation that qualifies them: "the A&E consultant")
    kinds = {"PERSON"} if singular(subj.lower_) in ROLE_WORDS or subj.lower_ in PERSON_NOUNS \
        else {"PERSON", "ORG"}
    if subj.tag_ == "NNS" and kinds == {"PERSON", "ORG"}:
        kinds = set()  # "the Twitter masses", "Chelsea fans": a crowd is not the name it bears
    named = [t for t in toks if t.ent_type_ in kinds and t.dep_ != "poss"
             and not any(p.is_punct for p in subj.doc[t.i : subj.i])]
    if named and named[-1].i >= subj.i - 3:  # (not "provider (ISP) Plus.net": Plus.net)
        return _subject_phrase(named[-1])
    # keep the contiguous run ending at the head
    run: list[Token] = []
    for t in reversed(toks):
        if run and t.i != run[0].i - 1:
            break
        run.insert(0, t)
    phrase = subj.doc[run[0].i : run[-1].i + 1].text if run else ""
    # "a spokesman for AOL": the organisation a described speaker speaks for
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "at", "of", "from", "with"}:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in {"ORG", "PERSON", "GPE"}:
                    return f"{phrase} {prep.text} {_subject_phrase(obj)[0]}", subj
    return phrase, subj


_WITH_PARTICLE = {"point": "out", "sum": "up", "chime": "in"}
_THIRD = {"he": "m", "him": "m", "his": "m", "himself": "m",
          "she": "f", "her": "f", "hers": "f", "herself": "f"}
_FIRST = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our"})


def _reported_by_another(verb: Token, span: QuoteSpan, resolver: SpeakerResolver) -> bool:
    """Return True when ``verb``'s subject is a "he"/"she" inside another speech verb's report
    and the quote speaks of that person in the third person, never as "I" ("He said she had
    asked him ‘to find her a man’"): the quoted words are the outer speaker's."""
    subj = _subject_of(verb)
    gender = _THIRD.get(subj.lower_) if subj is not None and subj.dep_ == "nsubj" else None
    if gender is None:
        return False
    if verb.dep_ != "ccomp":
        return False
    outer = verb.head
    if verb_lemma(outer, CUE_VERBS) is None or _subject_of(outer) is None:
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", _text_of(resolver.parsed, span))}
    return not words & _FIRST and any(_THIRD.get(w) == gender for w in words)


def _name_before(verb: Token, subj: Token | None) -> Token | None:
    """Return the person named right before ``verb`` inside its subject's words (a caption
    glued on: "… The Story of Katherine of Alexandria Redwood said"), else ``subj``."""
    if subj is None or subj.ent_type_ == "PERSON":
        return subj
    doc = verb.doc
    i = verb.i - 1
    while i > subj.i and pos(doc[i]) == "ADV":
        i -= 1
    if i > subj.i and doc[i].ent_type_ == "PERSON" and i <= subj.right_edge.i and \
            not any(t.is_punct for t in doc[subj.i : i]):
        return doc[i]
    return subj


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


def previous_sentence_speaker(
    text: str,
    parsed: Doc,
    span: QuoteSpan,
    spans: Sequence[QuoteSpan],
    sent: Sentence,
    sents: Sequence[Sentence],
    token_at: list[int],
    resolver: SpeakerResolver,
) -> Speaker | None:
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
        if not inside(t.idx, spans)
    ]
    if len(toks) < 3:
        return None
    hit = _speaker_in(toks, resolver, span, after=False)
    if hit is None or hit.name is None:
        return None
    return hit


def cue_speaker(
    text: str,
    parsed: Doc,
    span: QuoteSpan,
    spans: Sequence[QuoteSpan],
    token_at: list[int],
    resolver: SpeakerResolver,
) -> Speaker | None:
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
        if tok.text in OPEN_MARKS and tok.text not in "\"'" and out:
            break
        if inside(tok.idx, spans) and tok.text not in CLOSE_MARKS:
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
        if inside(tok.idx, spans) and tok.text not in OPEN_MARKS:
            break
        out.insert(0, tok)
        i -= 1
    return out


def _speaker_in(
    toks: list[Token], resolver: SpeakerResolver, span: QuoteSpan, *, after: bool
) -> Speaker | None:
    """Return the speaker named by a cue among ``toks`` (the text framing a quote), or None."""
    words = [t for t in toks if not t.is_punct and not t.is_space]
    if not words:
        return None
    # "according to X"
    for j, tok in enumerate(toks[:-2]):
        if tok.lower_ == "according" and toks[j + 1].lower_ == "to" and (after or not any(
            pos(t) == "VERB" and verb_lemma(t, CUE_VERBS) for t in toks[j + 2 :]
        )):  # not "Stephanie claimed, according to TMZ, that Bobby said ‘…’": Bobby's words
            obj = toks[j + 2]
            head = obj
            for t in toks[j + 2 :]:
                if t.dep_ == "pobj" and t.head.i == toks[j + 1].i:
                    head = t
            phrase, head = _subject_phrase(head)
            return named_speaker(phrase, head, resolver, "according to", span)
    passive: Speaker | None = None
    # the cue nearest the quote: first after it, last before it
    for tok in toks if after else reversed(toks):
        lemma = verb_lemma(tok, CUE_VERBS) if pos(tok) in {"VERB", "AUX"} else None
        if after and lemma is None and (
            pos(tok) == "VERB" and tok.dep_ not in {"amod", "compound", "npadvmod"}
            or tok.dep_ == "mark" and tok.lower_ != "as"
        ):
            break  # "… investigation after he was told": a new clause, not an attribution
        if lemma is None and tok.lower_ in {"made", "makes", "make", "making"} and any(
            c.lower_ == "clear" for c in tok.children
        ):
            lemma = "make clear"  # "Stewart made clear he'd be interested"
        if lemma is not None and after and tok.tag_ == "VB":
            continue  # "… to explain why": an infinitive after a quote is no attribution
        if lemma in _WITH_PARTICLE and not any(
            c.dep_ == "prt" and c.lower_ == _WITH_PARTICLE[lemma] for c in tok.children
        ):
            continue  # "pointing to her body" is no speech; "pointed out" is
        if lemma is not None and not after and _reported_by_another(tok, span, resolver):
            continue  # "He said she had asked him ‘to find her a man’": his words, not hers
        if lemma is not None and any(c.dep_ == "auxpass" for c in tok.children):
            # "it was described as ‘…’": quoted words, said by the agent if the text names one
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if obj is not None:
                phrase, head = _subject_phrase(obj)
                return named_speaker(phrase, head, resolver, lemma, span)
            passive = passive or Speaker(None, None, lemma)
            continue
        if lemma is not None:
            subj = _name_before(tok, _subject_of(tok)) or _adjacent_subject(tok)
            if subj is None or inside(subj.idx, resolver.spans):
                continue  # a subject inside another quote is not this quote's speaker
            if subj.lower_ in {"who", "which", "that"}:
                clause = tok
                while clause.dep_ not in {"relcl", "ROOT"} and clause.head.i != clause.i:
                    clause = clause.head
                if clause.dep_ == "relcl":
                    subj = clause.head
                else:  # "Julia, left, who says": the name just before the relative pronoun
                    near = [t for t in subj.doc[max(0, subj.i - 5):subj.i]
                            if t.ent_type_ == "PERSON"]
                    if near:
                        subj = near[-1]
            phrase, head = _subject_phrase(subj)
            return named_speaker(phrase, head, resolver, lemma, span)
    # "Name: “…”" and "“…” -Name"
    while toks and toks[-1].text in OPEN_MARKS:
        toks = toks[:-1]
    while toks and toks[0].text in CLOSE_MARKS:
        toks = toks[1:]
    if toks and toks[-1].text == ":" and len(words) <= 6:
        ents = [t for t in words if t.ent_type_ in {"PERSON", "ORG"}]
        if ents and not _shouted_label(words):
            phrase, head = _subject_phrase(ents[-1])
            return named_speaker(phrase, head, resolver, None, span)
    if toks and toks[0].text in {"-", "—", "–", "--"} and len(words) <= 5:
        ents = [t for t in words if t.ent_type_ in {"PERSON", "ORG"}]
        if ents:
            phrase, head = _subject_phrase(ents[0])
            return named_speaker(phrase, head, resolver, None, span)
    return passive


def _shouted_label(words: Sequence[Token]) -> bool:
    """Return True for a label in capitals before a colon ("EXPERT VERDICT:", "UPDATE:"): every
    word in capitals and one longer than an acronym. "BBC:" or "NATO:" still speak."""
    letters = [t.text for t in words if any(c.isalpha() for c in t.text)]
    return bool(letters) and all(w.isupper() for w in letters) and any(
        sum(c.isalpha() for c in w) > 5 for w in letters)


def _text_of(parsed: Doc, span: QuoteSpan) -> str:
    """Return the text of ``span`` (``parsed.text`` joins the whole Doc: too slow per quote)."""
    around = parsed.char_span(span.start, span.end, alignment_mode="expand")
    if around is None:
        return parsed.text[span.start:span.end]
    return around.text[span.start - around.start_char:span.end - around.start_char]
