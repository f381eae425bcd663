"""People, organisations and places: merged mentions, roles, spurious entities dropped."""

from __future__ import annotations

import pytest

from briefgen.analysis.entities import (
    _drop_common_words,
    _Group,
    _rekind_people,
    _title_as_first_name,
)


def _people(analysis):
    return {e.name: e for e in analysis.entities if e.kind == "person"}


def test_mentions_of_a_person_are_merged_into_the_fullest_name(analyse):
    analysis = analyse(
        "Mark Rutte met ministers in Brussels. Mr Rutte said little. Later Rutte left for Paris."
    )
    people = _people(analysis)
    assert list(people) == ["Mark Rutte"]
    assert {"Mark Rutte", "Rutte"} <= set(people["Mark Rutte"].mentions)
    assert people["Mark Rutte"].sentence_indices == (0, 1, 2)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("He welcomed US Secretary of State Marco Rubio to his first ministerial.",
         "Marco Rubio", "US Secretary of State"),
        ("Ministers met Ukrainian Foreign Minister Andrii Sybiha on Thursday.",
         "Andrii Sybiha", "Ukrainian Foreign Minister"),
        ("The club was sold by Liverpool manager Brendan Rodgers last year.",
         "Brendan Rodgers", "Liverpool manager"),
        ("Mark Rutte, NATO Secretary General, opened the meeting.", "Mark Rutte",
         "NATO Secretary General"),
        # a word before a name that is no title is no role
        ("In the video Abase Hussen is seen at a rally.", "Abase Hussen", None),
    ],
)
def test_roles_from_titles_and_appositions(analyse, text, name, role):
    assert _people(analyse(text))[name].role == role


@pytest.mark.parametrize(
    ("text", "spurious"),
    [
        ("He welcomed that Allies have pledged more money to Ukraine.", "Allies"),
        ("Allied support to Ukraine was discussed by NATO.", "Allied"),
        ("He met US Secretary of State Marco Rubio.", "State"),
    ],
)
def test_spurious_organisations_are_dropped(analyse, text, spurious):
    assert spurious not in {e.name for e in analyse(text).entities}


def test_the_article_of_a_place_name_is_kept(analyse):
    analysis = analyse("Ministers prepared for the summit in The Hague in June.")
    assert "The Hague" in {e.name for e in analysis.entities if e.kind == "place"}


def _entity(analysis, name):
    return next((e for e in analysis.entities if e.name == name), None)


# (text, name, expected kind, expected role); a kind of None: no entity of that name at all
ENTITIES = [
    # a dateline glued to the first name, with or without its opening bracket
    ("(CNN)Sofia Vergara's ex-fiance is speaking out. Vergara has not commented.",
     "Sofia Vergara", "person", None),
    ("(CNN)Sofia Vergara's ex-fiance is speaking out. Vergara has not commented.",
     "CNN)Sofia Vergara", None, None),
    # appositions after the name: a possessive organisation, a lower-case office
    ("Rod Eddington, BA's chief executive, said the results were respectable.",
     "Rod Eddington", "person", "BA chief executive"),
    ("Britt McHenry, an ESPN reporter, apologised on Thursday.", "Britt McHenry", "person",
     "ESPN reporter"),
    ("Mark Rutte, NATO's Secretary General, opened the meeting.", "Mark Rutte", "person",
     "NATO Secretary General"),
    ("John Smith, a lawyer, said the case was closed.", "John Smith", "person", "lawyer"),
    # a family tie, a possessive pronoun and a verb are no office
    ("Jane Smith, a mother of three, said she was fine.", "Jane Smith", "person", None),
    ("“I wouldn't have made it,” said Travolta, whose wife, Kelly Preston, is also a member.",
     "Kelly Preston", "person", None),
    ("Travolta's wife, Kelly Preston, is also a member.", "Kelly Preston", "person",
     "Travolta's wife"),
    ("The racing world listened to Niki Lauda, his team chairman, on Sunday.", "Niki Lauda",
     "person", "team chairman"),
    # appositions before the name
    ("They were joined by the EU’s High Representative for Foreign Affairs and Security Policy, "
     "Kaja Kallas.", "Kaja Kallas", "person",
     "EU High Representative for Foreign Affairs and Security Policy"),
    ("BA's chief executive, Rod Eddington, said the results were respectable.", "Rod Eddington",
     "person", "BA chief executive"),
    ("The tourists had gone through Australia undefeated but their captain, David Bedell, "
     "angered the hosts.", "David Bedell", "person", "captain"),
    ("In London, John Smith said the market was calm.", "John Smith", "person", None),
    # titles before the name keep the organisation that qualifies them
    ("NATO's Secretary General Mark Rutte said the alliance was united.", "Mark Rutte", "person",
     "NATO Secretary General"),
    ("The UN Secretary-General Antonio Guterres spoke first.", "Antonio Guterres", "person",
     "UN Secretary-General"),
    ("Britain's Foreign Secretary David Lammy spoke first.", "David Lammy", "person",
     "Britain's Foreign Secretary"),
    # only an abbreviation's possessive becomes a plain qualifier
    ("Churchill's fellow leader, Franklin D. Roosevelt, met him in 1941.", "Franklin D. Roosevelt",
     "person", "Churchill's fellow leader"),
    # an honorific after the role goes with the name
    ("The clinic's fertility specialist Dr. David Tourgeman spoke.", "David Tourgeman", "person",
     "fertility specialist"),
    # a title before a full name stays a title
    ("Pastor Rick Warren spoke. Pastor Warren then left.", "Rick Warren", "person", "Pastor"),
    # an office stays a role
    ("Senator McCain said no. McCain left early.", "McCain", "person", "Senator"),
    # organisations and places spaCy read as people
    ("The hashtag was trending on Twitter by the evening.", "Twitter", "org", None),
    ("The GPRS and Bluetooth systems onboard mean it can be used for gaming.", "GPRS", "org",
     None),
    ("Its customers include Boots, Burberry, Mothercare and consumer products giant Procter & "
     "Gamble.", "Burberry", "org", None),
    ("Yet aviation analyst Mike Powell of Dresdner Kleinwort Wasserstein says revenue will "
     "rise.", "Dresdner Kleinwort Wasserstein", "org", None),
    ("Cardiff will have no supporters at Saturday's game against Leeds United at Elland Road.",
     "Leeds United", "org", None),
    ("They offered tickets with restrictions on those travelling to Yorkshire before the game.",
     "Yorkshire", "place", None),
    # ... and people spaCy read as organisations
    ("Lib Dem Treasury spokesman Vince Cable also branded the plans as fantasy.", "Vince Cable",
     "person", "spokesman"),
    ("Survival expert and TV star Bear Grylls also lent his support.", "Bear Grylls", "person",
     "TV star"),
    ("Yet fund manager Matrix Asset Advisors said the shares were cheap.", "Matrix Asset Advisors",
     "org", None),
    ("Regulator Ofcom said the market was open. Its partner Microsoft said nothing.",
     "Microsoft", "org", None),
    # a full name listed with an organisation is still a person
    ("The acquittal of Kostas Kenteris and Katerina Thanou was appealed. Kenteris and Thanou "
     "face trial. Kenteris and the IAAF declined to comment.", "Kostas Kenteris", "person", None),
    # a platform's name with a first name is a person's
    ("Mr Twitter, a local baker, won the prize.", "Twitter", "person", None),
]


@pytest.mark.parametrize(("text", "name", "kind", "role"), ENTITIES)
def test_entity_kind_and_role(analyse, text, name, kind, role):
    entity = _entity(analyse(text), name)
    if kind is None:
        assert entity is None or entity.kind != "person"
    else:
        assert entity is not None
        assert (entity.kind, entity.role) == (kind, role)


def test_an_organisation_that_is_a_persons_name_joins_the_person(analyse):
    analysis = analyse(
        "(CNN)ESPN's Britt McHenry this week found herself in the news. McHenry quickly issued "
        "an apology. McHenry said she regretted it. Britt McHenry was suspended."
    )
    assert [e.name for e in analysis.entities if "McHenry" in e.name] == ["Britt McHenry"]


def test_a_role_between_commas_belongs_to_the_name_before(analyse):
    analysis = analyse("Mark Diffley, Director, Ipsos Scotland said the poll was clear.")
    assert _entity(analysis, "Mark Diffley").role == "Director"
    assert all(e.role is None for e in analysis.entities if e.name != "Mark Diffley")


# (title word, forms of the name, words the text uses in lower case, expected forms added, role)
TITLE_AS_NAME = [
    ("Pastor", ["Maldonado", "Maldonado"], {"the", "car"}, ["Pastor Maldonado"], None),
    ("Prince", ["Harry"], {"the"}, ["Prince Harry"], None),
    # the text uses the word as a common noun: a title
    ("Pastor", ["Maldonado"], {"the", "pastor"}, [], "Pastor"),
    # the person has a first name: a title
    ("Pastor", ["Warren", "Rick Warren"], set(), [], "Pastor"),
    # an office stays a role; an honorific is no name
    ("President", ["Obama"], set(), [], "President"),
    ("Judge", ["Smith"], set(), [], "Judge"),
]


@pytest.mark.parametrize(("title", "forms", "common", "added", "role"), TITLE_AS_NAME)
def test_title_as_first_name(title, forms, common, added, role):
    group = _Group(forms[0], "person", role=title, forms=list(forms), titles=[title])
    _title_as_first_name(group, common)
    assert group.forms[len(forms):] == added
    assert group.role == role


# (person groups: name -> (role, forms, evidence of another kind, personal votes); the names
# that end as organisations)
REKIND = [
    # a lone name that qualifies another person's role
    ({"Euronext": (None, ["Euronext"], {}, 0),
      "Jean-Francois Theodore": ("Euronext chief", ["Jean-Francois Theodore"], {}, 10)},
     {"Euronext"}),
    # ... unless the person shows as one (an honorific, a first name)
    ({"Euronext": (None, ["Euronext"], {}, 10),
      "Jean-Francois Theodore": ("Euronext chief", ["Jean-Francois Theodore"], {}, 10)},
     set()),
    # evidence outweighed by a full name
    ({"Kostas Kenteris": (None, ["Kostas Kenteris", "Kenteris"], {"org": 2}, 10)}, set()),
    ({"Burberry": (None, ["Burberry"], {"org": 1}, 0)}, {"Burberry"}),
    ({"Smith": ("lawyer", ["Smith"], {"org": 1}, 0)}, set()),
]


@pytest.mark.parametrize(("people", "orgs"), REKIND)
def test_rekind_people(people, orgs):
    groups = {
        ("person", name.lower()): _Group(name, "person", role=role, forms=list(forms),
                                         mentions=list(forms), other=dict(other),
                                         personal=personal)
        for name, (role, forms, other, personal) in people.items()
    }
    _rekind_people(groups)
    assert {g.name for (k, _), g in groups.items() if k == "org"} == orgs
    assert {g.name for (k, _), g in groups.items() if k == "person"} == set(people) - orgs


@pytest.mark.parametrize(
    ("text", "defined"),
    [
        ("Euronext met the London Stock Exchange (LSE) on Friday.",
         {"lse": "london stock exchange"}),
        ("The World Anti-Doping Agency (Wada) will appeal.", {"wada": "world anti-doping agency"}),
        # letters that are not the name's initials define nothing
        ("Euronext met the London Stock Exchange (BBC) on Friday.", {}),
        ("Shares in Exel (up 9%) rose.", {}),
    ],
)
def test_abbreviations(nlp, text, defined):
    from briefgen.analysis.entities import abbreviations

    assert abbreviations(nlp(text)) == defined


def test_a_defined_abbreviation_joins_its_organisation(analyse):
    analysis = analyse(
        "European stock market Euronext has met with the London Stock Exchange (LSE) amid "
        "speculation that it may launch a bid. The LSE said talks were friendly."
    )
    orgs = [e for e in analysis.entities if "LSE" in e.mentions]
    assert [e.name for e in orgs] == ["London Stock Exchange"]


# (forms of a lone-word "person", their evidence, words in lower case, kept)
COMMON_WORDS = [
    (["Moon"], {}, {"the", "moon"}, False),
    (["Victim", "Victim"], {}, {"victim", "was"}, False),
    # a name the text never writes in lower case
    (["Gaga"], {}, {"the", "singer"}, True),
    # a first name, an honorific or a role makes it a name
    (["Moon", "Ban Moon"], {}, {"moon"}, True),
    (["Bush"], {"personal": 10}, {"bush"}, True),
    (["Bush"], {"role": "President"}, {"bush"}, True),
]


@pytest.mark.parametrize(("forms", "evidence", "common", "kept"), COMMON_WORDS)
def test_drop_common_words(forms, evidence, common, kept):
    groups = {("person", forms[0].lower()): _Group(forms[0], "person", forms=list(forms),
                                                   **evidence)}
    _drop_common_words(groups, common)
    assert bool(groups) == kept
