"""Who said a quote: pronouns, pseudonyms, documents and names spaCy misreads, rule by rule."""

from __future__ import annotations

import pytest

from briefgen.analysis.entities import EntityIndex
from briefgen.analysis.speakers import discourse_part
from briefgen.model import Entity

# (text, the quote's words, expected speaker)
SPEAKERS = [
    # a "he" takes up the subject of the sentence before, not its object
    ("Director Michael Redwood paid tribute to Peter O'Toole. He said: ‘It was a privilege to "
     "work with such an actor on this film.’", "It was a privilege", "Michael Redwood"),
    ("Lewis Hamilton beat Nico Rosberg to pole. ‘I am very happy with the car today,’ he said.",
     "I am very happy", "Lewis Hamilton"),
    # a name the parser hung on its title ("director of sport X praised") is the subject a
    # "he" takes up, not the speaker of the quote before
    ("The clubs met on Monday and Astiazaran added: “We thought about it.” Real Madrid "
     "director of sport Emilio Butragueno praised the fans for their conduct. “I'd like to "
     "highlight the behaviour of the fans,” he said.", "I'd like", "Emilio Butragueno"),
    # a birth name is the person's
    ("Rap star Jay-Z is to run Def Jam. Jay-Z, real name Shawn Carter, said: “I have inherited "
     "two of the most important brands in hip-hop.”", "I have inherited", "Jay-Z"),
    # a pseudonym is a name ("Nurse A"), and "she" takes it up
    ("Nurse A said the doctor asked her a question about the heart. She said: ‘He smacked me "
     "on the arm and laughed at me.’", "He smacked me", "Nurse A"),
    # "she" carries the chain back through sentences where she is a pronoun already
    ("Nurse B said the doctor examined her. However, she said she thought he had been "
     "professional. She said: ‘I trusted him completely at that time.’", "I trusted him",
     "Nurse B"),
    # a person named after a title inside an organisation's span
    ("In her book, Obama's ambassador to the United Nations Samantha Power criticised policy "
     "makers. “No president has ever made genocide prevention a priority,” she wrote.",
     "No president", "Samantha Power"),
    # a person after an honorific inside an organisation's span
    ("During his keynote speech at GDC Mr Allard gave a glimpse of the console. He said gaming "
     "was entering a “new and exciting high-definition era for everyone”.", "new and exciting",
     "Allard"),
    # a document speaks for its named author, and "the document" afterwards too
    ("The document – prepared by the Congressional Research Service – states that the two "
     "countries are likely to ‘remain key economic partners for many years’.",
     "remain key economic", "Congressional Research Service"),
    ("The memo – prepared by the Congressional Research Service – states that the countries "
     "are ‘key partners in every way’. The congressional document says it could result in a "
     "‘brief period of ambiguity for everyone’.", "brief period", "Congressional Research Service"),
    # an acronym names the organisation of its initials
    ("The World Health Organization published new figures. “Transmission continues in several "
     "districts of the country,” the latest WHO report said.", "Transmission continues", "WHO"),
    # "He said she had asked him ‘…her…’": the words are his, not hers
    ("Ram Manohar told officers he had known her for years. He said she had asked him ‘to find "
     "her a rich man because she was lonely’.", "to find her", "Ram Manohar"),
    # "according to" yields to a nearer speech verb
    ("Stephanie claimed, according to TMZ, that Bobby said ‘he was busy with work that day’.",
     "he was busy", "Bobby"),
    # a proper-noun subject spaCy did not label names itself, not the acronym beside it
    ("Internet service provider (ISP) Plus.net also backed the proposals saying “we will be "
     "entirely happy if the regulator accepts them”.", "we will be entirely", "Plus.net"),
    # a sentence opening with the same pronoun takes it up from the sentences before
    ("Antonio Reid, chairman of the label, said: “I can think of no one better for the job.” "
     "He hoped Jay-Z would “move the company into its next great era”, he added.",
     "move the company", "Antonio Reid"),
    # two people sharing a last name stay apart
    ("Michael Lurie said he was shocked by what he saw. Zoo visitor Terra Lurie believes the "
     "animals were frightened. ‘I think they were just curious about the boy,’ she said.",
     "I think they were", "Terra Lurie"),
    # a caption's label in capitals is no person
    ("CLAIM: MP Jesse Norman is being investigated by police. Detectives are expected to speak "
     "to Mr Norman. He described the allegations as ‘complete and utter nonsense’.",
     "complete and utter", "Jesse Norman"),
    # a person described with their organisation stays a description, not the last name
    ("Man-of-the-match Damien Duff explained the miss. Robbie Keane scored the only goal. “I "
     "completely lost it in the lights,” said the Chelsea star.", "I completely lost",
     "Chelsea star"),
    # a photo caption glued on without a full stop is not the sentence before
    ("Wright was a striker for Arsenal for seven years Iconic striker Thierry Henry was asked to "
     "present the award but Sky did not allow it Family commitments will keep McCoy away on "
     "Sunday. He told reporters: ‘I have a kind invitation to attend any home game.’",
     "I have a kind", "McCoy"),
    # the person named right before the verb, after a caption glued into the subject
    ("Director Michael Redwood spoke about the film. Director Michael Redwood has a word with "
     "Peter O’Toole on the set of Fall of an Empire: The Story of Katherine of Alexandria "
     "Redwood said: ‘Peter managed to subdue his mischievousness, but not for long.’",
     "Peter managed", "Michael Redwood"),
    # a proper noun spaCy read as an organisation is a person when her own object is "her"
    ("Pat said: ‘I realised how much I missed that, having someone to care for me.’ Julia "
     "shows off her pole dancing skills. She admits: ‘I don't like the thought of getting "
     "old.’", "I don't like", "Julia"),
    # a name in apposition to a title subject
    ("Director, David Caldwell, said some students were applying early. He told the radio: "
     "“The reason is that these courses are of a very high quality.”", "The reason",
     "David Caldwell"),
    # a kinship word with a possessive names nobody on the page
    ("The Duke sang to his daughter. But the singalong did not impress his ex-wife, who joked "
     "that the rendition scored ‘zero points from the whole jury’.", "zero points", None),
    # a person described by a role with an organisation is not that organisation
    ("The A&E consultant claims “if anybody had grounds to complain it would have been him”.",
     "if anybody had", "A&E consultant"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), SPEAKERS)
def test_speaker(analyse, text, words, speaker):
    quote = next(q for q in analyse(text).quotes if q.text.startswith(words))
    assert quote.speaker == speaker


# (text, the quote's words, a speaker the text does not support)
NOT_THE_SPEAKER = [
    # the object of the sentence before is not "he"
    ("Director Michael Redwood paid tribute to Peter O'Toole. He said: ‘It was a privilege to "
     "work with such an actor on this film.’", "It was a privilege", "Peter O'Toole"),
    # "the Premiership" is not a person a "he" could mean
    ("Kilmarnock are eighth in the Premiership this season. “We are very happy with the way "
     "things are going,” he said.", "We are very happy", "Premiership"),
    # a man is not "she"
    ("Mr Ram Manohar touched the nurse's arm. She said: ‘I felt violated by what happened "
     "in that room.’", "I felt violated", "Ram Manohar"),
    # "He has impressed Mann": the object of the pronoun's clause is someone else
    ("Locke won his first six games in charge. He has impressed Jim Mann with his results. "
     "‘I certainly don’t foresee any problems with the contract,’ he said.", "I certainly",
     "Jim Mann"),
    # an editor is not a document's author
    ("The memo, edited by Derek Mix, says the relationship is ‘one-sided and fading fast’.",
     "one-sided", "Derek Mix"),
    # pointing at something is no speech
    ("She said she had been pointing to different parts of the chart and “if anybody had "
     "grounds to complain it would have been him”, he said.", "if anybody", "She"),
]


@pytest.mark.parametrize(("text", "words", "wrong"), NOT_THE_SPEAKER)
def test_not_the_speaker(analyse, text, words, wrong):
    quote = next(q for q in analyse(text).quotes if q.text.startswith(words))
    assert quote.speaker != wrong


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Terra Lurie", "Terra Lurie"),
        ("Michael Lurie", "Michael Lurie"),
        ("Mr Lurie", None),  # two Luries: the last name alone settles nothing
        ("Lurie", None),
        ("Christopher Kuhar", "Christopher Kuhar"),
        ("Kuhar", "Christopher Kuhar"),
    ],
)
def test_a_last_name_shared_by_two_people_names_nobody(mention, expected):
    index = EntityIndex([
        Entity("Michael Lurie", "person"), Entity("Terra Lurie", "person"),
        Entity("Christopher Kuhar", "person"),
    ])
    found = index.person(mention)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    ("text", "acronym", "expected"),
    [
        ("WHO", "World Health Organization", True),
        ("CRS", "Congressional Research Service", True),
        ("NHS", "National Health Service", True),
        ("WHO", "World Bank", False),
        ("Who", "World Health Organization", False),  # not in capitals
    ],
)
def test_acronym(text, acronym, expected):
    index = EntityIndex([Entity(acronym, "org")])
    assert (index.acronym(text) is not None) == expected


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # a caption glued after a number or a lower-case word, before a capitalised subject
        ("Iconic striker Thierry Henry was asked to present it but Sky did not allow it Family "
         "commitments will keep McCoy away.", "Family commitments will keep McCoy away."),
        ("The keeper was helpless as the shot found the top corner The 32-year-old was "
         "overcome with emotion.", "The 32-year-old was overcome with emotion."),
        # a capitalised subject after a verb or a conjunction is ordinary prose
        ("He said Smith was wrong about the plan.", "He said Smith was wrong about the plan."),
        ("She met the minister and Jones asked for more time.",
         "She met the minister and Jones asked for more time."),
    ],
)
def test_discourse_part(nlp, text, part):
    sent = next(iter(nlp(text).sents))
    assert discourse_part(sent).text == part
