"""What a figure counts: labels built from the parse, faithful to the sentence."""

from __future__ import annotations

import re

import pytest

LABELS = [
    # sentence, figure text, expected counts label
    # the parser takes "recounts" for a noun and the number for its apposition: still partitive
    ("Here, Sportsmail recounts 10 of his finest moments from his broadcasting career.", "10",
     "finest moments"),
    ("Allies have pledged more than 20 billion euros in military assistance in the first "
     "quarter of 2025.", "more than 20 billion euros",
     "military assistance pledged by Allies in the first quarter of 2025"),
    ("More than 25,000 people have been infected with Ebola over the last year.",
     "More than 25,000 people", "people infected with Ebola over the last year"),
    ("It also reported on Friday that passenger numbers rose 8.1% in January.", "8.1%",
     "passenger numbers rose in January"),
    ("British Airways has blamed high fuel prices for a 40% drop in profits.", "40%",
     "drop in profits"),
    ("Exel employs 109,000 people in more than 120 countries.", "109,000 people",
     "people Exel employs in more than 120 countries"),
    ("The 100th anniversary recalls the Turkish massacre of an estimated 1.5 million Armenians.",
     "an estimated 1.5 million Armenians", "Turkish massacre of Armenians"),
    ("Tsarnaev, 21, was found guilty on all 30 counts.", "all 30 counts",
     "counts Tsarnaev was found guilty on"),
    ("Prosecutors called 92 witnesses during the trial.", "92 witnesses",
     "witnesses called by Prosecutors"),
    ("Shares in Exel closed up 9% on Tuesday.", "9%", "Shares in Exel closed up on Tuesday"),
    ("Burren Energy has won two contracts in Egypt.", "two contracts",
     "contracts in Egypt won by Burren Energy"),
    ("Police said 12 people were injured in the blast.", "12 people",
     "people injured in the blast"),
    ("Fuel costs rose by £106m or 47.3%.", "47.3%", "Fuel costs rose"),
    ("Oil revenues have not exceeded $22bn since June 2003.", "$22bn",
     "Oil revenues have not exceeded since June 2003"),
    ("The judges were all men and were thought to earn around £202,000 a year.",
     "around £202,000 a year", "judges were thought to earn"),
    ("Ford does not expect to sell 300 cars this year.", "300 cars",
     "cars Ford does not expect to sell"),
    ("Loeb wants to keep the two female embryos he shares with the actress.",
     "two female embryos", "female embryos he shares with the actress"),
    ("Fighters from 100 nations have joined militant groups.", "100 nations",
     "Fighters from nations joined militant groups"),
    ("O'Toole was nominated for eight Academy Awards and won four Golden Globes.",
     "four Golden Globes", "Golden Globes O'Toole won"),
    ("Locke was given a three-year deal by the club.", "three-year deal",
     "deal Locke was given"),
    ("Shares in storage and delivery firm Exel closed up 9% on Tuesday.", "9%",
     "Shares closed up on Tuesday"),
    ("Of the 19 confirmed deaths in Guinea, seven were identified as Ebola post-mortem.",
     "19 confirmed deaths", "confirmed deaths in Guinea"),
    ("BA made a predicted extra £250m. Turnover for the quarter was up 4.3% to £1.97bn.",
     "4.3%", "Turnover for the quarter was up"),
    ("The lamb weighed 20lb at birth.", "20lb", "lamb weighed"),
    ("Progress came thanks to oil revenues which have exceeded $22bn since June 2003.", "$22bn",
     "oil revenues have exceeded since June 2003"),
    # another number leaves the label with its own words ("Just 250", "Grandmother-of-three")
    ("Just 250 guests attended at ticket prices of $5.", "$5",
     "ticket prices guests attended at"),
    ("Grandmother-of-three Pat Ingles danced with 40 men.", "40 men",
     "men Pat Ingles danced with"),
    ("Asimo got a 160GB hard drive and four 12ft scaling ladders.", "four",
     "scaling ladders"),
    ("Tsarnaev was 19 at the time of the bombing.", "19",
     "Tsarnaev at the time of the bombing"),
    ("Seventeen of the 30 counts were capital charges.", "Seventeen",
     "counts were capital charges"),
    ("The fee was £150,000 for the sale of Muirhead.", "£150,000",
     "fee for the sale of Muirhead"),
    # too long: whole parts go from the end, never half a name
    ("Secretary of State for Foreign and Commonwealth Affairs Sir Alan Duncan Smith-Jones "
     "pledged 3,000 troops.", "3,000 troops", "troops pledged"),
    # another figure's pieces ("$", "m", "roubles") are never part of a label
    ("Eighteen former Enron directors have agreed a $168m (£89m) settlement deal.",
     "$168m (£89m)", "settlement deal agreed by former Enron directors"),
    ("Baikal paid 260.75bn roubles ($9.37bn: £4.8bn) for Yugansk.",
     "260.75bn roubles ($9.37bn: £4.8bn)", "Baikal paid for Yugansk"),
    ("Ten of the former directors will pay $13m from their own pockets.",
     "Ten of the former directors", "former directors pay from their own pockets"),
    ("The regional planning committee of Greater Manchester Combined Authority approved 300 new "
     "affordable housing units in the northern districts on Monday.",
     "300 new affordable housing units",
     "new affordable housing units in the northern districts approved"),
    # a hyphenated word stays whole in a label
    ("Thousands of UK dial-up users are believed to have been hit by the scam.",
     "Thousands of UK dial-up users", "UK dial-up users believed"),
    ("Bracknell-based Exel is valued at £2.6bn.", "£2.6bn", "Bracknell-based Exel is valued at"),
    # a score is labelled by its result
    ("Barcelona won 3-1 at home.", "3-1", "Barcelona won at home"),
    ("It was a 2-0 win for Chelsea.", "2-0", "win for Chelsea"),
    # an unresolved pronoun never stands in a label
    ("Ross County beat them 2-1 in Dingwall two weeks ago.", "2-1", "Ross County beat in Dingwall"),
    ("Borussia Dortmund eased past Paderborn 3-0 on Saturday.", "3-0",
     "Borussia Dortmund eased past Paderborn"),
    ("The top seed was beaten 6-3, 6-1 by American Lauren Davis.", "6-1",
     "top seed was beaten by American Lauren Davis"),
    # a span of time counts itself, of what it is a span of
    ("Real Madrid and Real Sociedad will play the final six minutes of their match.",
     "final six minutes", "minutes of match Real Madrid will play"),
    ("The Bernabeu was evacuated with the score at 1-1 and two minutes of normal time "
     "remaining in the game.", "two minutes", "minutes of normal time"),
    # a conjunct with a noun of its own counts that noun, with the verb it shares
    ("Burren Energy has won two contracts and three licences in Egypt.", "three licences",
     "licences in Egypt won by Burren Energy"),
    ("Exel employs 109,000 people and 300 trucks.", "300 trucks", "trucks Exel employs"),
    # the level a figure went up or down to
    ("Turnover for the quarter was up 4.3% to £1.97bn, benefiting from cargo revenue.",
     "£1.97bn", "Turnover for the quarter was up to"),
    # a result in a list is labelled by the name right before it
    ("Lewis Hamilton Mercedes 1:35.782, Nico Rosberg Mercedes 1:35.824.", "1:35.782",
     "Lewis Hamilton Mercedes"),
    # a price in a product list is labelled by the product it prices
    ("Actinica Lotion £19.99 for 80g, from larger branches of Superdrug.", "£19.99",
     "Actinica Lotion"),
    # a measure a copula says of its subject, with the comparison it makes
    ("Hamilton was four-hundredths of a second ahead of his Mercedes team-mate Nico Rosberg.",
     "four-hundredths of a second", "Hamilton ahead of his Mercedes team-mate Nico Rosberg"),
    ("Sales were 5% higher than last year.", "5%", "Sales higher than last year"),
    # an "it" subject stands for the last singular noun before it
    ("\"Estimates of Iraq's unemployment rate vary, but we estimate it to be between 30-40%,\" "
     "the think-tank says.", "between 30-40%", "Iraq's unemployment rate"),
    # a figure that is the object of an action a noun names
    ("The firm recently announced a deal to buy 26% of Indian firm Hindustan Oil Exploration.",
     "26% of Indian firm Hindustan Oil Exploration", "deal to buy"),
    # a bare number subject leaves out the noun the sentence before counted
    ("More than 25,000 people have fought Ebola infections. More than 10,000 have not survived.",
     "More than 10,000", "people have not survived"),
    ("Police arrested 40 protesters on Friday. 12 were later charged with assault.", "12",
     "protesters were charged with assault"),
    # a number after its noun is the noun's rank: "number one", never "number"
    ("The former world number one was 22 when she retired.", "22", "former world number one"),
]

NO_LABEL = [
    # sentence, figure text: the sentence does not say what it counts (or the parse cannot)
    # a score with no word of a result: the minutes are no result, "score" says nothing more
    ("The Bernabeu was evacuated with the score at 1-1 and two minutes of normal time "
     "remaining in the game.", "1-1"),
    # a span of time relative to an event is when, not an amount
    ("He was booked within two minutes of Hazard's withdrawal.", "two minutes"),
    # "went" alone says nothing of the result
    ("Manuel Pellegrini's side went 2-1 down.", "2-1"),
    ("Petrov and Juninho combined to allow the Bulgarian to make it 3-0 on the hour mark.",
     "3-0"),
    ("The game was abandoned at 1-1 after a bomb threat.", "1-1"),
    ("BA made a predicted extra £250m. Turnover for the quarter was up 4.3% to £1.97bn.",
     "£250m"),
    ("It made a profit of £75m compared with £125m a year earlier.", "£125m a year"),
    ("More than 10,000 have not survived.", "More than 10,000"),
    # ... nor when the sentence before counts two things, or is another paragraph
    ("Police arrested 40 protesters and seized 12 cars. 30 were later released.", "30"),
    ("More than 25,000 people have fought Ebola.\n\nMore than 10,000 have not survived.",
     "More than 10,000"),
    # a noun subject with no comparison, or an "it" with no noun before it, says nothing
    ("It was 5% on Friday.", "5%"),
    # the elided noun is only guessed for a number opening its sentence, with a verb that says
    # something, and "it" never stands for a figure's own noun or a number word
    ("Police raided 12 homes. Five were on the homes of suspected copyright thieves.", "Five"),
    ("If just half of public sector workers took this up it would be the time equivalent of "
     "around 2,000 nurses, 800 police and almost 3,000 teachers.", "800 police"),
    # a verb and a day are no label ("compares on Friday")
    ("This compares with $1.354 in late trading in New York on Friday.", "$1.354"),
    # a preposition after a dash does not hang on the verb before it
    ("Baikal paid 260.75bn roubles for Yugansk - nowhere near the $27bn Russia says Yukos owes.",
     "$27bn"),
    # a conjunct's label never climbs to its sibling's noun ("2 helicopters — personnel")
    ("The government has offered a company of British Army Gurkhas from 2nd Battalion Royal "
     "Gurkha Rifles around 120 personnel and two helicopters.", "two helicopters"),
    ("The army sent 300 soldiers and 40 tanks to the border.", "40 tanks"),
    # a figure in brackets after a name is an aside, no count of the name
    ("It is sold at Tesco, Sainsbury, and Aldi (£7 from Matalan) in a tube.", "£7"),
    # a bare number after a name is its number or a minute, not a count of it
    ("Varga 40, Thompson 48 pen, Petrov 60, Varga 68, Bellamy 72.", "40"),
    # a price whose product name has no clear start, or a name before it, is no label
    ("Ladival Sun Protection, SPF 30 £19.99 for 150ml spray, from Boots and supermarkets.",
     "£19.99"),
    ("Here, consultant dermatologist Bav Shergill gives his verdict Dr Skin's Suncare Lotion And "
     "Sun Drink £11.90 for five 60ml shots and 100ml lotion.", "£11.90"),
    ("Wilko Moisturising Sun Lotion SPF 50 £2 for 50ml, from Wilko stores CLAIMS: A UVA and UVB "
     "sunscreen.", "£2"),
]

SIBLINGS = [
    # sentence, figure, its sibling's counted noun, which its label must not hold
    ("The government has offered around 120 personnel and two helicopters.", "two helicopters",
     "personnel"),
    ("The army sent 300 soldiers and 40 tanks to the border.", "40 tanks", "soldiers"),
    ("Burren Energy has won two contracts and three licences in Egypt.", "three licences",
     "contracts"),
    ("The council bought 12 buses, 30 vans and four lorries.", "four lorries", "vans"),
]


@pytest.mark.parametrize(("sentence", "text", "sibling"), SIBLINGS)
def test_a_conjunct_is_never_labelled_by_its_sibling(analyse, sentence: str, text: str,
                                                     sibling: str) -> None:
    figures = {f.text: f for f in analyse(sentence).figures}
    assert sibling not in (figures[text].counts or "")


@pytest.mark.parametrize(("sentence", "text"), NO_LABEL)
def test_no_label_rather_than_a_wrong_one(analyse, sentence: str, text: str) -> None:
    figures = {f.text: f for f in analyse(sentence).figures}
    assert figures[text].counts is None


@pytest.mark.parametrize(("sentence", "text", "label"), LABELS)
def test_counts_label(analyse, sentence: str, text: str, label: str) -> None:
    figures = {f.text: f for f in analyse(sentence).figures}
    assert figures[text].counts == label


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize(("sentence", "text", "label"), LABELS)
def test_label_words_come_from_the_sentence(analyse, sentence: str, text: str,
                                            label: str) -> None:
    words = set(_words(sentence))
    for figure in analyse(sentence).figures:
        added = [w for w in _words(figure.counts or "") if w not in words]
        assert added in ([], ["by"]), figure.counts


def test_seed_labels_are_faithful_and_short(seed_analysis) -> None:
    from briefgen.analysis.figure_labels import MAX_LABEL_WORDS

    for figure in seed_analysis.figures:
        sentence = seed_analysis.sentences[figure.sentence_index].text
        label = figure.counts or ""
        assert [w for w in _words(label) if w not in set(_words(sentence))] in ([], ["by"])
        assert len(label.split()) <= MAX_LABEL_WORDS


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [("Officials said the firm did not cut 300 jobs in London.", "cut"),
     ("Ford doesn't expect to sell 300 cars this year.", "sell"),
     ("Burren Energy did not win two contracts in Egypt.", "win"),
     ("Burren Energy has not won two contracts in Egypt.", "won"),
     ("More than 25,000 people have not been infected with Ebola.", "infected"),
     ("Mercer never paid the £40m it owed to savers.", "paid")],
)
def test_a_label_with_the_verb_keeps_its_negation(analyse, sentence: str, verb: str) -> None:
    (figure,) = analyse(sentence).figures
    words = _words(figure.counts or "")
    assert verb not in words or {"not", "never", "doesn"} & set(words), figure.counts
    assert "n't" not in (figure.counts or "") or "doesn't" in (figure.counts or "")


_PIECE = re.compile(r"(?:^|\s)(?:[$£€¥]|m|bn|k|euros?|dollars?|pounds?|roubles?)(?=\s|$)")

PIECES = [
    "Eighteen former Enron directors have agreed a $168m (£89m) settlement deal in a lawsuit.",
    "Ten of the former directors will pay $13m from their own pockets.",
    "Under the $168m settlement - $155m of which will be covered by insurance - none will pay.",
    "Baikal paid 260.75bn roubles ($9.37bn: £4.8bn) for Yugansk - nowhere near the $27bn.",
    "Enron had hidden hundreds of millions of dollars in debt.",
    "The airline announced net profits of 400m euros ($527.61m; £274.73m), compared with a "
    "loss of 984m euros in 2003.",
]


@pytest.mark.parametrize("sentence", PIECES)
def test_labels_hold_no_pieces_of_a_figure(analyse, sentence: str) -> None:
    for figure in analyse(sentence).figures:
        assert not _PIECE.search(figure.counts or ""), (figure.text, figure.counts)
        assert (figure.counts or "").lower() not in {"euros", "roubles", "dollars"}


AGE_LABELS = [
    # sentence, age figure, label: the person the age belongs to, in the sentence's words
    ("Sofia Vergara, 42, was named the highest-paid actress on television.", "42",
     "Sofia Vergara"),
    # the person's name, not the words before it
    ("Hollywood actress Sofia Vergara, 42, was named the highest-paid actress.", "42",
     "Sofia Vergara"),
    ("Former England captain Alan Shearer, 34, scored twice.", "34", "Alan Shearer"),
    ("Kenteris, 31, and Thanou, 30, had been charged with avoiding drugs tests.", "30", "Thanou"),
    ("Collins, aged 42, takes over from Max Jones.", "aged 42", "Collins"),
    ("Richie Benaud has died at the age of 84 after a battle with cancer.", "84",
     "Richie Benaud"),
    ("The victim, aged 15, was taken to hospital.", "aged 15", "victim"),
    ("The 42-year-old actress was named the highest-paid actress on television.", "42-year-old",
     "actress"),
    ("The company hired a 35-year-old engineer from Leeds.", "35-year-old", "engineer"),
    ("The victim was a 23-year-old man from Bristol.", "23-year-old", "man"),
    ("He scored twice for the 19-year-old striker's club.", "19-year-old", "striker"),
    # no person named: no label, never "age"
    ("The 75-year-old presented long-running show American Bandstand.", "75-year-old", None),
    ("He is 42 years old.", "42 years old", None),
]


@pytest.mark.parametrize(("sentence", "text", "label"), AGE_LABELS)
def test_an_age_is_labelled_with_its_person(analyse, sentence: str, text: str,
                                            label: str | None) -> None:
    figures = {f.text: f for f in analyse(sentence).figures}
    assert figures[text].unit == "years"
    assert figures[text].counts == label
    if label is not None:
        assert set(_words(label)) <= set(_words(sentence))
        assert "age" not in _words(label)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [("David Cameron today announced plans to give millions of workers three days paid leave.",
      "millions of workers"),
     ("He was the first man to score over 2,000 runs in Tests.", "over 2,000 runs")],
)
def test_a_count_is_not_labelled_by_the_plan_it_is_the_object_of(analyse, sentence: str,
                                                                   text: str) -> None:
    figures = {f.text: f for f in analyse(sentence).figures}
    assert not (figures[text].counts or "").endswith(("plans to give", "man to score"))


@pytest.mark.parametrize(
    ("sentence", "text", "noun"),
    [("Four ladders were built. One ladder collapsed, so only 28 made it over the wire.",
      "only 28", "ladders"),
     ("Four ladders were built. Only 28 made it over, of which three made a home run.", "three",
      "ladders"),
     ("They scored 12 goals in March. A score of one meant failure while 10 was a success.",
      "10", "goals")],
)
def test_a_number_inside_its_sentence_borrows_no_noun_from_the_one_before(
        analyse, sentence: str, text: str, noun: str) -> None:
    figures = {f.text: f for f in analyse(sentence).figures}
    assert noun not in _words(figures[text].counts or "")
