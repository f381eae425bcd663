"""People, organisations and places: merged mentions, roles, spurious entities dropped."""

from __future__ import annotations

import pytest

from briefgen.analysis.groups import (
    Group,
    drop_common_words,
    drop_unnamed,
    rekind_people,
    title_as_first_name,
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
        # a role the sentence gives with "is"/"was"
        ("Mike Smith was a defence lawyer for years.", "Mike Smith", "defence lawyer"),
        ("Jane Jones, who is the BBC's political editor, said no.", "Jane Jones",
         "BBC political editor"),
        ("John Smith is a father of three.", "John Smith", None),
        ("Robert Silk is not a team player, Mr Morris said.", "Robert Silk", None),
        ("Izzat al-Douri was the King of Clubs in the pack of cards.", "Izzat al-Douri", None),
        ("People said Nico Rosberg was a doctor of this or that.", "Nico Rosberg", None),
        ("John Smith is a lawyer, his wife Jane Smith said.", "Jane Smith", "wife"),
        # a role in brackets before the name
        ('He added: "I thank (sporting director) Frank Arnesen and (chairman) Daniel Levy."',
         "Daniel Levy", "chairman"),
        ("The guide (a long book) John Smith wrote sold well.", "John Smith", None),
        # an office "of" a lower-case field
        ("Real Madrid director of sport Emilio Butragueno praised the fans.",
         "Emilio Butragueno", "Real Madrid director of sport"),
        # a distance in a title; a noun a relative clause hangs on is no title
        ("Double Olympic 10,000m champion Haile Gebrselassie will race in London.",
         "Haile Gebrselassie", "Double Olympic 10,000m champion"),
        ("Floyd Mayweather will be the third undefeated world champion Manny Pacquiao has faced.",
         "Manny Pacquiao", None),
        # an ordinal that opens a title
        ("President Obama, First Lady Michelle Obama and their daughters returned.",
         "Michelle Obama", "First Lady"),
        ("All wet: First lady Michelle Obama walks under an umbrella.", "Michelle Obama",
         "First lady"),
        # a title spaCy read into the name
        ("Comedian Ben Elton has said he will vote for Labour.", "Ben Elton", "Comedian"),
        ("Farmer Geoff Brooks said the flood had ruined his crop.", "Geoff Brooks", "Farmer"),
        # a hyphenated title, a compound of lower-case words
        ("His co-star Natalie Portman is up against Cate Blanchett.", "Natalie Portman",
         "co-star"),
        ("'We think that that is quite conceivable,' said study co-author Bernard Wood.",
         "Bernard Wood", "study co-author"),
        # a noun before a capitalised title ends another phrase: no role runs across it
        ("The family arrived for their Great Falls hike President Jimmy Carter and his wife "
         "walking ahead.", "Jimmy Carter", "President"),
        ("Iniesta scored a brace Barcelona midfielder Andres Iniesta said.", "Andres Iniesta",
         "Barcelona midfielder"),
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
    ("Nelson Town met Nelson College on 14 May, 1870, the Town triumphing.", "Nelson Town", "org",
     None),
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
    group = Group(forms[0], "person", role=title, forms=list(forms), titles=[title])
    title_as_first_name(group, common)
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
        ("person", name.lower()): Group(name, "person", role=role, forms=list(forms),
                                         mentions=list(forms), other=dict(other),
                                         personal=personal)
        for name, (role, forms, other, personal) in people.items()
    }
    rekind_people(groups)
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
    groups = {("person", forms[0].lower()): Group(forms[0], "person", forms=list(forms),
                                                   **evidence)}
    drop_common_words(groups, common)
    assert bool(groups) == kept


# (text, a name that must not be listed as a person): words spaCy reads as people that are not
NOT_PEOPLE = [
    # a name used as a noun's modifier is a place or an attribute ("the Darwin woman")
    ("A Darwin woman has become a TV star in Manila. The Darwin woman moved there in 2012.",
     "Darwin"),
    ("There was a temporary resurgence in the Welsh game, but it did not last.", "Welsh"),
    ("Her wardrobe includes air hostess and French Maid outfits, as well as a jumpsuit.",
     "Maid"),
    # a lone word after an article is a thing, not a person's name
    ("Real Madrid will replay the match. The Bernabeu was evacuated with the score at 1-1.",
     "Bernabeu"),
    ("The press were mystified by the Maori war dance, the Haka! A huge crowd convulsed with "
     "laughter at the sight of the Haka.", "Haka"),
    ("The actress, who promotes herself as 'the Barbie from Down Under', landed a major role.",
     "Barbie"),
    # a demonym is no name
    ("The Aussie, born Natalie Stewart, has taken to the role. The Aussie is famous.", "Aussie"),
    # a caption's opening verb
    ("Scroll down for video Tuning out of politics: Sasha Obama, 14, was spotted with white "
     "earbuds.", "Tuning"),
    # words of an award's or a work's title-case name ("… Performance By An Actress")
    ("Ms Moon will attend the Golden Screen TV Awards on April 26 where she is nominated for "
     "Outstanding Breakthrough Performance By An Actress.", "Outstanding Breakthrough"),
    ("The triple threat performed in front of the judges, singing Super Bass by Nikki Minaj.",
     "Super Bass"),
]


@pytest.mark.parametrize(("text", "name"), NOT_PEOPLE)
def test_words_that_are_no_persons_name(analyse, text, name):
    assert name not in _people(analyse(text))


# (text, a person that must stay one): the rules above leave real people alone
STILL_PEOPLE = [
    # a rank is part of a name
    ("Prince Harry arrived on Monday. Harry smiled.", "Prince Harry"),
    ("Charles Darwin said the species had changed. Darwin was right.", "Charles Darwin"),
    ("Despite the earbuds, the teenage Sasah and her older sister seemed to enjoy the walk.",
     "Sasah"),
    ("The Obama administration said on Monday that Barack Obama would travel.", "Barack Obama"),
    ("Post-match talk was dominated by a Bob Deans try that was ruled out.", "Bob Deans"),
    ("The goal was scored by Wayne Rooney after a pass by Robin van Persie.", "Wayne Rooney"),
    ("Fans cheered Wayne Rooney by the side of the pitch.", "Wayne Rooney"),
    ("The judges were Melanie C, Anggun, David Foster and Vanness Wu.", "Anggun"),
]


@pytest.mark.parametrize(("text", "name"), STILL_PEOPLE)
def test_real_people_stay_people(analyse, text, name):
    assert name in _people(analyse(text))


# (text, name, role): a nationality before a name is a role, not part of the name
NATIONALITIES = [
    ("Brazilian Ronaldo and England captain David Beckham had to wait in the street. "
     "Ronaldo smiled.", "Ronaldo", "Brazilian"),
    ("Brazilian striker Ronaldo scored twice on Sunday.", "Ronaldo", "Brazilian striker"),
]


@pytest.mark.parametrize(("text", "name", "role"), NATIONALITIES)
def test_a_nationality_is_a_role(analyse, text, name, role):
    people = _people(analyse(text))
    assert name in people and people[name].role == role
    assert not any(n != name and n.endswith(" " + name) for n in people)


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Singer Elton John performed first. The Briton, born Reginald Dwight, wore a hat.",
         "Elton John", "Reginald Dwight"),
        ("Singer Elton John performed first. John, whose real name is Reginald Dwight, wore a "
         "hat.", "Elton John", "Reginald Dwight"),
        ("Jane Brown, née Jane Smith, opened the show. Ms Brown thanked the crowd.",
         "Jane Brown", "Jane Smith"),
    ],
)
def test_a_birth_name_is_the_same_person(analyse, text, name, alias):
    people = _people(analyse(text))
    assert name in people and alias not in people
    assert alias in people[name].mentions


def test_a_role_never_runs_across_phrases(analyse):
    analysis = analyse(
        "Reporters caught up: President Obama steps out from his vehicle as his family arrives "
        "for their Great Falls hike President Obama, First Lady Michelle Obama (not seen) and "
        "their daughters return."
    )
    assert not [e.role for e in analysis.entities if e.role and "hike" in e.role]


def test_a_lone_surname_with_a_title_goes_to_the_namesake_with_that_title(analyse):
    analysis = analyse(
        "She may be a First Daughter, but Sarah Obama is still a teenager. The family and "
        "President Barack Obama went hiking. President Obama steps out from his vehicle."
    )
    people = _people(analysis)
    assert people["Barack Obama"].role == "President"
    assert people["Sarah Obama"].role is None


def test_a_first_name_alone_joins_the_one_person_with_that_first_name(analyse):
    analysis = analyse(
        "Sasha, 14, was spotted listening to earbuds on a hike. Later Sasha Obama was spotted "
        "with her sister. Sasha smiled."
    )
    assert list(_people(analysis)) == ["Sasha Obama"]


def test_a_work_after_a_persons_possessive_leaves_the_person(analyse):
    analysis = analyse("She sang Super Bass by Nikki Minaj and Rita Ora's I Will Never Let You "
                       "Down to the judges.")
    assert "Rita Ora" in _people(analysis)


# (forms of a lone-word "person", its evidence, kept): one mention that shows no person is
# dropped, as are mentions all used as no name is
UNNAMED = [
    (["Arcelor"], {}, False),
    (["Haka", "Haka"], {"unnamed": 2}, False),
    # a person's use, a second mention, an honorific, a role or a nationality keeps it
    (["Estelle"], {"used": 1}, True),
    (["Yukos", "Yukos"], {}, True),
    (["Burberry"], {"personal": 10}, True),
    (["Smith"], {"role": "lawyer"}, True),
    (["Ronaldo"], {"nationality": "Brazilian"}, True),
    (["Surrey", "Surrey", "Surrey"], {"unnamed": 2}, False),
    (["Surrey", "Surrey", "Surrey"], {"unnamed": 2, "used": 1}, True),
    (["Haka", "Haka"], {"unnamed": 1}, True),
    # evidence of an organisation: left for the organisations' rules
    (["LSE"], {"other": {"org": 1}}, True),
]


@pytest.mark.parametrize(("forms", "evidence", "kept"), UNNAMED)
def test_drop_unnamed(forms, evidence, kept):
    groups = {("person", forms[0].lower()): Group(forms[0], "person", forms=list(forms),
                                                   mentions=list(forms), **evidence)}
    drop_unnamed(groups)
    assert bool(groups) == kept


@pytest.mark.parametrize(
    ("text", "word", "used"),
    [
        ("Estelle said the album was her best.", "Estelle", True),
        ("Zidane arrived late on Sunday. He was tired.", "Zidane", True),
        ("The judges were Melanie C, Anggun, David Foster and Vanness Wu.", "Anggun", True),
        # a speaker stays known, person or not
        ("The club Merivale announced the contractor was terminated.", "Merivale", True),
        ("Shares in Arcelor fell by 3% on Friday.", "Arcelor", False),
        ("Arcelor cut its prices on Friday.", "Arcelor", False),
        ("The Sim cards were found on the roof.", "Sim", False),
    ],
)
def test_person_use(nlp, text, word, used):
    from briefgen.analysis.namesigns import person_use

    doc = nlp(text)
    start = text.index(word)
    assert person_use(doc.char_span(start, start + len(word))) == used


# (text, name, role): a rank before a full name is the role ("Crown Prince"); before a lone
# name it is part of the name ("Prince Harry", above)
RANKS = [
    ("Obama will host Crown Prince Mohammed Bin Zayed Al Nahyan of the United Arab Emirates.",
     "Mohammed Bin Zayed Al Nahyan", "Crown Prince"),
    ("The talks were led by Prince Mohammed bin Salman on Monday.", "Mohammed bin Salman",
     "Prince"),
    ("Pope Francis met Queen Elizabeth in Rome. Francis smiled.", "Pope Francis", None),
]


@pytest.mark.parametrize(("text", "name", "role"), RANKS)
def test_a_rank_before_a_full_name_is_a_role(analyse, text, name, role):
    people = _people(analyse(text))
    assert name in people and people[name].role == role
    assert not any(n != name and n.endswith(" " + name) for n in people)


# (text, person who is none of the story's people, person who is): a name only inside a quote,
# a figure of speech ("Bruce Lee, not brute force"), is nobody in the story
QUOTED_ONLY = [
    ('Peter Moore took swipes at rivals. "Our approach is Bruce Lee, not brute force," he said.',
     "Bruce Lee", "Peter Moore"),
    ("Jane Smith spoke on Monday. 'We all miss Elvis Presley,' she said.", "Elvis Presley",
     "Jane Smith"),
    # a first name outside quotes is no sign ("Ruud Gullit")
    ("Ruud Gullit picked the team. I said, 'Sorry Ruud, what did you say there?' he recalled.",
     "Sorry Ruud", "Ruud Gullit"),
    # named outside a quote too, or given a role, a person stays
    ('"We beat John Terry," Tom Smith said. John Terry was not amused.', None, "John Terry"),
    ('"I called Chelsea captain John Terry," Tom Smith said.', None, "John Terry"),
    # a last name outside quotes that spaCy reads as no person's still counts
    ('Kerr was pleased. "It was fantastic skill by Damien Duff," he said. Keane praised Duff\'s '
     'role in the goal.', None, "Damien Duff"),
    ("On the subject of Mr Kilroy-Silk, Mr Morris was blunt. 'Robert Kilroy Silk is not a team "
     "player,' he said.", None, "Robert Kilroy Silk"),
    # a caption glued into a quote, up to a quote opening again
    ("Hamilton won. 'It is hard to tell the team what to focus on. Hamilton is congratulated by "
     "Ferrari rival Kimi Raikkonen on Sunday 'That is what a team leader has to do,' he said.",
     None, "Kimi Raikkonen"),
    # listed with people or an office of the story: someone the story is about
    ("Ed Balls spoke. He said: 'David Cameron and George Osborne are going round the country.'",
     None, "George Osborne"),
]


@pytest.mark.parametrize(("text", "gone", "kept"), QUOTED_ONLY)
def test_a_person_named_only_inside_quotes_is_left_out(analyse, text, gone, kept):
    people = _people(analyse(text))
    assert kept in people
    assert gone not in people


# (text, a product read as a person): a "surname" the text writes in lower case and that ends
# other products' or organisations' names
PRODUCTS = [
    ("5/10 Ladival Sun Protection, SPF 30 £19.99 for 150ml spray, from Boots CLAIMS: First "
     "product to protect against infra-red A rays. 6/10 Sun Ceutic 50 Anti-Ageing Sun Protection "
     "SPF 50 £31 for 50ml CLAIMS: This is said to prevent sun spots. 8/10 Wilko Moisturising Sun "
     "Lotion SPF 50 £2 for 50ml, from Wilko stores CLAIMS: A UVA and UVB sunscreen.",
     "Wilko Moisturising Sun"),
]


@pytest.mark.parametrize(("text", "name"), PRODUCTS)
def test_a_product_is_no_person(analyse, text, name):
    assert name not in _people(analyse(text))


@pytest.mark.parametrize(
    ("name", "spellings", "expected"),
    [
        # the text's own spelling of each word comes first
        ("ANDREW SYMONDS", {"SYMONDS": "Symonds"}, "Andrew Symonds"),
        ("RONALD MCDONALD", {"MCDONALD": "Mcdonald"}, "Ronald Mcdonald"),
        # else a careful title case: "Mc" and apostrophes, particles inside a name in lower case
        ("RONALD MCDONALD", {}, "Ronald McDonald"),
        ("SHAUN O'NEILL", {}, "Shaun O'Neill"),
        ("JEAN-PAUL SARTRE", {}, "Jean-Paul Sartre"),
        ("LOUIS VAN GAAL", {}, "Louis van Gaal"),
        ("J.K. ROWLING", {}, "J.K. Rowling"),
        # names in normal or mixed case stay as written
        ("Andrew Symonds", {}, "Andrew Symonds"),
        ("JK Rowling", {}, "JK Rowling"),
        ("DeShawn McKenzie", {}, "DeShawn McKenzie"),
    ],
)
def test_normal_case(name, spellings, expected):
    from briefgen.analysis.namesigns import normal_case

    assert normal_case(name, spellings) == expected


def test_a_name_in_capitals_is_written_as_the_text_writes_it(analyse):
    people = _people(analyse(
        "The umpire spoke to Richie Benaud. 5. ANDREW SYMONDS STOPS A STREAKER. Symonds then "
        "tackled the fan."
    ))
    assert not [n for n in people if n.isupper()]
    assert any(n.endswith("Symonds") for n in people)


@pytest.mark.parametrize(
    ("text", "name", "spurious"),
    [
        ("The plate, which read H982 FKL, was a coincidence.", "H982 FKL", True),
        ("The car of R2 Smith was parked.", "R2 Smith", True),
        ("The car of Jane Smith was parked.", "Jane Smith", False),
    ],
)
def test_a_persons_name_holds_no_digit(nlp, text, name, spurious):
    from briefgen.analysis.kinds import is_spurious

    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label="PERSON")
    assert is_spurious(span, "person") == spurious


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # a caption glued to a name repeats its last word: one person
        ("He will start ahead of Nico Rosberg and Sebastian Vettel Vettel, who won last time out "
         "in Malaysia, shakes hands with his countryman.", "Sebastian Vettel", None),
        # a role the name already opens with says nothing more
        ("Prince Charles is to name a pub in his designer village after the Duchess. The Prince "
         "opened it. Prince Charles smiled.", "Prince Charles", None),
    ],
)
def test_a_name_says_each_word_once(analyse, text, name, role):
    people = _people(analyse(text))
    assert name in people and people[name].role == role
    assert not any(n != name and name in n for n in people)
