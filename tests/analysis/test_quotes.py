"""Direct quotes and their speakers, pattern by pattern."""

from __future__ import annotations

import pytest

from briefgen.analysis.quotes import quote_spans

SPEECH = [
    # straight double quotes, speaker before with a colon
    ('Angela Merkel said: "We will not back down on this issue."',
     ["We will not back down on this issue."], ["Angela Merkel"]),
    # curly double quotes, inverted cue after the quote
    ("“We are united in our commitment to each other,” said Mark Rutte.",
     ["We are united in our commitment to each other,"], ["Mark Rutte"]),
    # British single quotes
    ("‘It was a fantastic night for the whole club,’ Gary Locke said.",
     ["It was a fantastic night for the whole club,"], ["Gary Locke"]),
    # straight single quotes, with apostrophes inside
    ("'I really enjoy myself and I don't care who knows it,' Pat Ingles admitted.",
     ["I really enjoy myself and I don't care who knows it,"], ["Pat Ingles"]),
    # a quote over several sentences stays whole
    ("“This poses risks to us all. We must act together now,” said Mark Rutte.",
     ["This poses risks to us all. We must act together now,"], ["Mark Rutte"]),
    # interrupted by "he said": two spans, one speaker
    ("“The security of Europe is at stake,” Mark Rutte said, “and we must act now.”",
     ["The security of Europe is at stake,", "and we must act now."],
     ["Mark Rutte", "Mark Rutte"]),
    # a quote over two paragraphs, the first without a closing mark (British convention)
    ("Jane Smith spoke to reporters.\n\n‘The first part of my answer is about money.\n\n"
     "‘The second part is about time,’ said Jane Smith.",
     ["The first part of my answer is about money.", "The second part is about time,"],
     ["Jane Smith", "Jane Smith"]),
    # “…” -Name
    ("“We will win this election and then we will deliver” - Boris Johnson",
     ["We will win this election and then we will deliver"], ["Boris Johnson"]),
    # Name: “…”
    ("Boris Johnson: “We will win this election and then deliver.”",
     ["We will win this election and then deliver."], ["Boris Johnson"]),
    # according to
    ("“The economy will shrink sharply next year,” according to the Bank of England.",
     ["The economy will shrink sharply next year,"], ["Bank of England"]),
    # an organisation speaks
    ("“These alleged acts are egregious and intolerable,” NATO said in a statement.",
     ["These alleged acts are egregious and intolerable,"], ["NATO"]),
    # other cue verbs from the general list
    ("“Allies must spend far more on their defence,” Mark Rutte warned.",
     ["Allies must spend far more on their defence,"], ["Mark Rutte"]),
    ("Keir Starmer tweeted: “A great day for the country and for our NHS.”",
     ["A great day for the country and for our NHS."], ["Keir Starmer"]),
]


@pytest.mark.parametrize(("text", "quotes", "speakers"), SPEECH)
def test_quote_text_and_speaker(analyse, text, quotes, speakers):
    analysis = analyse(text)
    assert [q.text for q in analysis.quotes] == quotes
    assert [q.speaker for q in analysis.quotes] == speakers


RESOLVED = [
    # "he" is the person last named as a subject
    ("Mark Rutte arrived in Brussels on Friday. “We are ready to help Ukraine,” he said.",
     "Mark Rutte", None),
    # "Mr Rutte" is the fullest name the article gives
    ("Mark Rutte spoke first. Later Mr Rutte said: “We are ready to do more for Ukraine.”",
     "Mark Rutte", None),
    # an acronym before a colon still speaks
    ("The alliance answered at once. NATO: “We will defend every inch of allied territory.”",
     "NATO", None),
    # "the Secretary General" is the one person with that role
    ("NATO Secretary General Mark Rutte opened the meeting. The Secretary General said: "
     "“We stand together with Ukraine today.”", "Mark Rutte", "NATO Secretary General"),
    # "Secretary General Rutte" gives name and role
    ("“We have to make sure that any peace deal is lasting,” Secretary General Rutte said.",
     "Rutte", "Secretary General"),
    # "he added" follows the speaker of the quote just before
    ("“We are ready,” said Carlo Ancelotti, who praised Gareth Bale. “Bale is fit and ready "
     "to play,” he added.", "Carlo Ancelotti", None),
    # "the 55-year-old" is the one person the text gives that age
    ("Carlo Ancelotti, 55, met the press with Diego Simeone. The 55-year-old said: "
     "“Every match presents its own problems for us.”", "Carlo Ancelotti", None),
    # a spokesman speaks for the organisation the story names as acting
    ("AOL backed the price cuts on Monday. “Regulation is still needed here,” a spokesman "
     "said.", "AOL", None),
    # "the panel" is the organisation named as acting; "it" is the source quoted just before
    ("The United Nations published a report on Monday. “The threat is growing fast,” the panel "
     "said. “It will take years to deal with,” it said.", "United Nations", None),
    # a passive cue with an agent
    ("The plan was described by Mark Rutte as “a fair deal for every ally”.", "Mark Rutte",
     None),
    # a pronoun refers back from where it stands, not to the name after it
    ("Gerry Conlon said the families were delighted. He said Mr Blair had spoken with "
     "“such sincerity and real feeling for them”.", "Gerry Conlon", None),
    # an apposition names the described speaker
    ("Her granddaughter, Paris, 20, said: “She stays out till 1am dancing on the tables.”",
     "Paris", None),
    # "she" skips the man named last
    ("Judge Mary Collins heard from John Baker. “This court will not be rushed by anyone,” "
     "she said.", "Mary Collins", "Judge"),
]


@pytest.mark.parametrize(("text", "speaker", "role"), RESOLVED)
def test_speaker_resolution(analyse, text, speaker, role):
    quote = analyse(text).quotes[-1]
    assert quote.speaker == speaker
    assert quote.role == role


UNDETERMINED = [
    "“We are not going anywhere, whatever happens next,” he said.",
    "“Nobody here knows what is going to happen next week.”",
    # quoted words without a named source: a quote, not a guess
    "The plan was described as “a fair deal for every single ally”.",
    # a label in capitals before a colon is no speaker
    "Suncreams claim more now. EXPERT VERDICT: 'A bit of a gimmick, the concept is you are "
    "protecting the skin from the inside.'",
    "The market fell. UPDATE: “Shares recovered later in the day after the statement.”",
]


@pytest.mark.parametrize("text", UNDETERMINED)
def test_speaker_is_null_when_the_text_does_not_say(analyse, text):
    quotes = analyse(text).quotes
    assert quotes and all(q.speaker is None for q in quotes)


NOT_QUOTES = [
    'The so-called "peace dividend" has vanished.',
    "The tanker belongs to the “ghost fleet” that ships Russian oil.",
    'Don McLean wrote "American Pie" in 1971.',
    "HBO's documentary “Going Clear” was released in March.",
    "Rock ’n’ roll in the ’90s was different; the players’ union agreed.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_scare_quotes_titles_and_apostrophes_are_not_quotes(analyse, text):
    assert analyse(text).quotes == ()


def test_offsets_point_at_the_quoted_words(analyse):
    text = "Mark Rutte arrived. “We are ready to help Ukraine,” he said."
    (quote,) = analyse(text).quotes
    assert text[quote.start:quote.end] == quote.text
    assert quote.cue == "say"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("He said “one two three” and ‘four five’.", ["one two three", "four five"]),
        ("It's the players’ ball, isn't it?", []),
        # an unclosed quote runs to its paragraph's end when it reads as speech
        # "ridiculous' investigation": the quote closes here as no other closing mark follows
    ("He criticised the 'absolutely ridiculous' investigation. The players' union agreed.",
     ["absolutely ridiculous"]),
    # a closing mark whose space was lost ("number’of") still closes; O’Toole does not
    ("It cited the ‘high number’of fighters. Peter O’Toole said ‘yes indeed’.",
     ["high number", "yes indeed"]),
    ("‘Open the gates to everyone now\n\n‘Next,’ she said.",
         ["Open the gates to everyone now", "Next,"]),
        ("A ‘short\n\nend.", []),
    ],
)
def test_quote_spans(text, spans):
    assert [text[s.start:s.end] for s in quote_spans(text)] == spans


@pytest.mark.parametrize(
    "text",
    [
        "Director Michael Redwood paid tribute to Peter O'Toole. He said: “Peter was never the "
        "type to let illness decide over his career.”",
        "Anna Lindqvist met Tom Becker after the vote. She said: “Tom has always fought for the "
        "northern districts and he will again.”",
    ],
)
def test_a_person_named_by_first_name_inside_the_quote_is_not_its_speaker(analyse, text):
    (quote,) = analyse(text).quotes
    first_name = quote.text.split()[0]
    assert quote.speaker is None or first_name not in quote.speaker


@pytest.mark.parametrize(
    ("name", "words", "named"),
    [
        ("Peter O'Toole", "Peter was never the type to let illness decide.", True),
        ("Peter O'Toole", "I was never the type to let illness decide.", False),
        ("Rutte", "Rutte is here.", False),  # a bare surname or an organisation may recur
        ("Carlo Ancelotti", "What can I say? Carlo Ancelotti has hailed him.", False),
        ("Al Gore", "Al is fine.", False),  # too short a first name to judge by
    ],
)
def test_named_within(name, words, named):
    from briefgen.analysis.quotes import _named_within

    assert _named_within(name, words) is named
