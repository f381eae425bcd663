"""Cues that attribute a quote: subjects of speech verbs, participles, relative clauses, crowds."""

from __future__ import annotations

import pytest

from briefgen.analysis.cues import _subject_of

# (text, the quote's words, expected speaker)
CUES = [
    # a participle takes the subject of the clause it hangs on
    ("Research firm Ovum welcomed the move, saying “it will open the market to smaller firms”.",
     "it will open", "Ovum"),
    # a relative pronoun is the noun its clause describes
    ("The award went to Julia Church, who says “we'll just keep going till we fall to bits”.",
     "we'll just keep", "Julia Church"),
    # an organisation speaks with a cue of its own
    ("Ofcom said in a statement that it was “pleased with the progress made so far”.",
     "pleased with", "Ofcom"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CUES)
def test_cue_speaker(analyse, text, words, speaker):
    quote = next(q for q in analyse(text).quotes if q.text.startswith(words))
    assert quote.speaker == speaker


# (text, the quote's words, a speaker the text does not support)
NOT_CUES = [
    # a crowd named after a platform or a club is not that platform or club
    ("Who is worse: Britt McHenry for mocking the employee, or the Twitter masses who call for "
     "justice and “the return of class” in every post?", "the return of class", "Twitter"),
    ("After the final whistle Chelsea fans chanted “we want our money back” for ten minutes.",
     "we want our", "Chelsea"),
]


@pytest.mark.parametrize(("text", "words", "wrong"), NOT_CUES)
def test_not_the_cue_speaker(analyse, text, words, wrong):
    quote = next(q for q in analyse(text).quotes if q.text.startswith(words))
    assert quote.speaker != wrong


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("Ovum welcomed the move, saying it was good.", "saying", "Ovum"),
        ("The minister, who spoke late, said nothing.", "said", "minister"),
        # a verb at the root with no subject has none: the walk up stops at the root
        ("Said nothing at all.", "Said", None),
    ],
)
def test_subject_of(nlp, text, verb, subject):
    doc = nlp(text)
    found = _subject_of(next(t for t in doc if t.text == verb))
    assert (found.text if found is not None else None) == subject
