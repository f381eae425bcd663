"""Figures: money, percentages, counts, measures, ages and scores; and what is not a figure."""

from __future__ import annotations

import pytest

from briefgen.analysis.figures import parse_value

FIGURES = [
    # sentence, figure text, value, unit, qualifier
    ("The EU pledged €20bn to the fund.", "€20bn", 2e10, "EUR", None),
    ("Allies have pledged 20 billion euros so far.", "20 billion euros", 2e10, "EUR", None),
    ("The deal is worth $4.5bn to the company.", "$4.5bn", 4.5e9, "USD", None),
    ("Profits fell to £75m ($141m) in the quarter.", "£75m ($141m)", 7.5e7, "GBP", None),
    ("Shares closed at 873p on Tuesday.", "873p", 873.0, "pence", None),
    ("Unemployment rose by 71 per cent last year.", "71 per cent", 71.0, "%", None),
    ("Profits fell 40% in the quarter.", "40%", 40.0, "%", None),
    ("The US will send 3,000 troops to the region.", "3,000 troops", 3000.0, "troops", None),
    ("Turnout was about 8% lower.", "about 8%", 8.0, "%", "about"),
    ("More than 25,000 people have been infected.", "More than 25,000 people", 25000.0,
     "people", "more than"),
    ("The firm may cut up to 300 jobs in London.", "up to 300 jobs", 300.0, "jobs", "up to"),
    ("Police arrested dozens of protesters in the square.", "dozens of protesters", None,
     "protesters", None),
    ("The poll found two-thirds of voters undecided.", "two-thirds of voters", 2 / 3, "voters",
     None),
    ("The 42-year-old actress filed the complaint.", "42-year-old", 42.0, "years", None),
    ("The victim, aged 15, was taken to hospital.", "aged 15", 15.0, "years", None),
    ("The ladders were 12ft long.", "12ft", 12.0, "ft", None),
    ("The jury deliberated for 11½ hours.", "11½ hours", 11.5, "hours", None),
    ("Hamilton was four-hundredths of a second ahead.", "four-hundredths of a second", 0.04,
     "second", None),
    ("Ross County won the match 2-1 at home.", "2-1", None, "score", None),
    ("Revenue should rise between 3% and 3.5% this year.", "between 3% and 3.5%", None, "%",
     "between"),
    ("Hamilton set a lap of 1:35.782 in qualifying.", "1:35.782", 95.782, "s", None),
    ("Kilmarnock are currently eighth in the league.", "eighth", 8.0, None, None),
    # a conversion in brackets is the same figure, however many currencies it gives
    ("The airline made net profits of 400m euros ($527.61m; £274.73m) last year.",
     "400m euros ($527.61m; £274.73m)", 4e8, "EUR", None),
    ("The firm paid 260.75bn roubles ($9.37bn: £4.8bn) for the unit.",
     "260.75bn roubles ($9.37bn: £4.8bn)", 2.6075e11, "RUB", None),
    ("The group lost £12m (about $23m or 17m euros) in the year.",
     "£12m (about $23m or 17m euros)", 1.2e7, "GBP", None),
    ("The bridge spans 10 miles (16km) over the bay.", "10 miles (16km)", 10.0, "miles", None),
    ("The course is 400 metres (1,312ft) long.", "400 metres (1,312ft)", 400.0, "metres", None),
    # an exchange rate reads with the currency it is a price of
    ("The dollar was at $1.354 to the euro on Friday.", "$1.354 to the euro", 1.354, "USD", None),
    ("The pound bought $1.93 against the dollar.", "$1.93 against the dollar", 1.93, "USD",
     None),
    # hyphenated and compound number words are one number
    ("Twenty-two players formed the team.", "Twenty-two players", 22.0, "players", None),
    ("The club now has thirty-five members.", "thirty-five members", 35.0, "members", None),
    ("One hundred and twenty people attended the rally.", "One hundred and twenty people",
     120.0, "people", None),
    ("A thousand people marched through the city.", "A thousand people", 1000.0, "people",
     None),
    ("About a hundred and fifty staff lost their jobs.", "About a hundred and fifty staff",
     150.0, "staff", "about"),
    ("The army sent two thousand five hundred troops.", "two thousand five hundred troops",
     2500.0, "troops", None),
    ("Labour has had two-and-a-half years to convince people.", "two-and-a-half years", 2.5,
     "years", None),
    # a number glued by hyphen to a unit noun: the unit is that noun, whatever it describes
    ("The 50-minute trek ended at the falls.", "50-minute trek", 50.0, "minutes", None),
    ("Locke signed a three-year deal with Kilmarnock.", "three-year deal", 3.0, "years", None),
    ("Gerrard was handed a three-match suspension.", "three-match suspension", 3.0, "matches",
     None),
    ("Ross County hold a 13-point lead at the top.", "13-point lead", 13.0, "points", None),
    ("The race is run over the 100-meter track.", "100-meter track", 100.0, "meters", None),
    # a thing named by its number is no unit: "a two-wheeler" is no "wheelers"
    ("He rode a two-wheeler to work.", "two-wheeler", 2.0, None, None),
    # a score, level or not, is a score: never a range
    ("The Bernabeu was evacuated with the score at 1-1.", "1-1", None, "score", None),
    ("Barcelona won 3-1 at home.", "3-1", None, "score", None),
    # a pair of numbers before a measure, a scale or a plural noun is a range, not a score
    ("The Xbox could support 10-20 million subscribers.", "10-20 million subscribers", None,
     "subscribers", None),
    ("Suffolk lambs weigh 8-10 lb at birth.", "8-10 lb", None, "lb", None),
    ("About 5-6 people were hurt.", "About 5-6 people", None, "people", "about"),
    # a count of a hyphenated thing ends with the thing, never inside it
    ("He averages over 1000 sit-ups a day.", "over 1000 sit-ups", 1000.0, "sit-ups", "over"),
    ("Thousands of dial-up users were hit.", "Thousands of dial-up users", None, "users", None),
    ("The band won a three month-long public poll.", "three month", 3.0, "months", None),
    # an age given as "the age of"
    ("Ray Charles died in June 2004 at the age of 73.", "73", 73.0, "years", None),
    ("Benaud has died at the age of 84 after a short battle with cancer.", "84", 84.0, "years",
     None),
    # the whole of a proportion is no figure of its own: only its part is, or the share
    ("He scores nine times out of 10 in training.", "nine times", 9.0, "times", None),
    ("One in seven US residents will be an immigrant by 2023.", "One in seven US residents",
     1 / 7, "residents", None),
    ("Only two out of 10 asylum seekers had their claims accepted.",
     "Only two out of 10 asylum seekers", 0.2, "seekers", "only"),
    ("They gave the top one per cent of earners a tax cut.", "top one per cent of earners", 1.0,
     "%", "top"),
    # "half a million" is half of it, never "a million"
    ("Half a million people marched in London.", "Half a million people", 5e5, "people", None),
    ("About half a billion dollars was lost.", "About half a billion dollars", 5e8, "USD",
     "about"),
    # a unit the tokenizer keeps glued to its number stays with it
    ("Tesco sells the lotion in a 150ml bottle.", "150ml bottle", 150.0, "ml", None),
    ("The lotion comes in a tube of 150ml.", "150ml", 150.0, "ml", None),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "qualifier"), FIGURES)
def test_figure(analyse, sentence, text, value, unit, qualifier):
    figures = analyse(sentence).figures
    assert [f.text for f in figures] == [text]
    (figure,) = figures
    assert figure.value == pytest.approx(value) if value is not None else figure.value is None
    assert figure.unit == unit
    assert figure.qualifier == qualifier
    assert sentence[figure.start:figure.end] == figure.text


NOT_FIGURES = [
    "The treaty was signed in 2025.",
    "Ministers met on 4 April 2025 in Brussels.",
    "The talks start at 10:30am on Friday.",
    "Leaders of the G7 met in Canada.",
    "She flew on a Boeing 747 to Tokyo.",
    "For details call 020 7946 0958 today.",
    "Report dated 2025-04-04 by the agency.",
    "No one of the staff came on the 21st of May.",
    "It was the 100th anniversary of the massacre.",
    "Spahic was substituted in the 90th minute.",
    "Coutinho scored with a 70th-minute finish.",
    "The 77th annual Academy Awards take place on Sunday.",
    "Troops come from the 2nd Battalion Royal Gurkha Rifles.",
    "He was taken to the 10th Precinct of the NYPD.",
    "He was shot on 9/11 in New York.",
    "Wales won the Six Nations title again.",
    "The girl dialled 911 for help.",
    "Pat lost her husband 12 years ago.",
    "Two days later, the police found the car.",
    # a number word glued by hyphen to a word that is no unit makes an adjective, not a count
    'Mr Mallon branded the campaign "two-bit Tories" in Durham.',
    "It was a one-off payment to the club.",
    "The vote was a one-sided contest.",
    "Traffic flows on a two-way street.",
    "Rivals called the senator two-faced.",
    "He bought a second-hand car in Leeds.",
    "They flew first-class to Rome.",
    "The third-party insurer refused to pay.",
    "The one-time champion retired.",
    "The Test series was drawn two-all.",
    "Staff on zero-hours contracts protested.",
    "The club was founded in the twenty-first century.",
    # a year is a date, even before a plural noun, when an article or possessive leads it
    "The only blemish on the record of the awesome 1967 tourists was a draw.",
    "Her 2019 albums sold well.",
    "Full year 2004 gains were less spectacular.",
    "His goal for the Under 20 side back in 2009 shows his class.",
    "He captained England's Under-21 side.",
    # "9-11" before a name is part of the name, not a score
    "The 9-11 Commission Report was published.",
    # a number with a leading zero is a code or a title ("03 Bonnie and Clyde")
    "His hits have included 03 Bonnie and Clyde with Beyonce.",
    # digits named as digits are a reference, not an amount
    "The digits 269 on the number plate caused anger.",
    # "a quick one-two": a compound of number words that is no number
    "A quick one-two gave him space to shoot.",
    # a number closing a caption line is its list number
    "Fans queued all night in the build-up to the mega fight 1.",
    # a capital G glued to a number is a network generation, not grams
    "Texas is keen to cash in on the third generation (3G) of mobile technology.",
    "Operators will switch on 5G networks next year.",
    # "half" of a span of time or distance is no share
    "Firemen eventually arrived - half an hour later.",
    "The house stands half a mile from the sea.",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_a_figure(analyse, sentence):
    assert analyse(sentence).figures == ()


@pytest.mark.parametrize(
    ("core", "value"),
    [
        ("£5.14billion", 5.14e9),
        ("20 billion euros", 2e10),
        ("three and a half thousand miles", 3500.0),
        ("twenty-five", 25.0),
        ("8½", 8.5),
        ("a dozen", 12.0),
        ("dozens", None),
        ("fifth", 5.0),
        ("twenty-two", 22.0),
        ("Twenty-two", 22.0),
        ("ninety nine", 99.0),
        ("twenty-first", 21.0),
        ("ninety-ninth", 99.0),
        ("one hundred and twenty", 120.0),
        ("three hundred and forty-five", 345.0),
        ("two thousand five hundred", 2500.0),
        ("one hundred thousand", 1e5),
        ("two-and-a-half", 2.5),
        ("two million", 2e6),
        ("a hundred and fifty", 150.0),
        ("a thousand", 1000.0),
        ("a few hundred", None),
        ("three-quarters", 0.75),
    ],
)
def test_parse_value(core, value):
    assert parse_value(core) == (pytest.approx(value) if value is not None else None)


def test_counts_label_is_built_from_the_sentence(analyse):
    (figure,) = analyse(
        "Allies have pledged more than 20 billion euros in military assistance in the first "
        "quarter of 2025."
    ).figures
    assert figure.counts == "military assistance pledged by Allies in the first quarter of 2025"


def test_a_count_in_a_span_is_no_share(analyse):
    figures = analyse("Kane scored 3 in 10 games.").figures
    assert [(f.text, f.value) for f in figures] == [("3", 3.0), ("10 games", 10.0)]


_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNITS = "one two three four five six seven eight nine".split()
_ORDINAL_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()


@pytest.mark.parametrize(
    ("words", "value"),
    [(f"{t}-{u}", 20 + 10 * i + j + 1) for i, t in enumerate(_TENS) for j, u in enumerate(_UNITS)],
)
def test_every_hyphenated_number_word_is_one_figure(analyse, words, value):
    (first,) = analyse(f"{words.capitalize()} Maori formed the team.").figures
    assert (first.text, first.value) == (f"{words.capitalize()} Maori", value)
    (inner,) = analyse(f"The club fielded {words} players.").figures
    assert (inner.text, inner.value, inner.unit) == (f"{words} players", value, "players")


@pytest.mark.parametrize(
    ("words", "value"),
    [(f"{t}-{u}", 20 + 10 * i + j + 1) for i, t in enumerate(_TENS)
     for j, u in enumerate(_ORDINAL_UNITS)],
)
def test_every_hyphenated_ordinal_reads_as_its_rank(words, value):
    assert parse_value(words) == value
