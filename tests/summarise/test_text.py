"""Tests of the summariser's word-level helpers: standalone checks and safe trimming."""

from __future__ import annotations

import pytest

from briefgen.summarise.text import (
    content_words,
    cosine,
    drop_picture_asides,
    jaccard,
    quoted_fraction,
    resolve_opening,
    standalone_problem,
    trim_clutter,
)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("The council approved the new transport budget on Monday.", None),
        ("4. 'YOU'VE GOT TO CHECK IF THEY'RE STILL THERE!'", "heading in capitals"),
        ("NATO and EU ministers met in Brussels on Friday.", None),
        ('"I wanted to keep this private," Loeb wrote in the newspaper.', None),
        ("Rutte commended “the biggest increase in defence spending” in decades.", None),
        ("He said the changes would start in March.", "dangling attribution"),
        ("She also told reporters that the vote was close.", "dangling attribution"),
        ("They said nothing about the fares at the meeting.", "dangling attribution"),
        ("His office confirmed the resignation on Friday evening.", "pronoun opening"),
        ('Makes my skin crawl even being here."', "quote fragment"),
        ("There's a lot of things we have to decipher here.'", "quote fragment"),
        ("From left, the mayor, the bishop and the head teacher open the new school in 2013.",
         "picture caption"),
        ("Pictured: Troops land on the beach in Normandy in June 1944.", "picture caption"),
        ("Pictured is the party's leader at the launch in London on Monday.", "picture caption"),
        ("Left to right: the three founders of the bakery in the old mill.", "picture caption"),
        ("Left unchecked, the problem will cost the council millions next year.", None),
        ("Click on the photos above to learn how the nurses have changed in the wake of Ebola.",
         "to the reader"),
        ("Watch the video below to see the moment the bridge gave way in the storm.",
         "to the reader"),
        ("See how the council spends its money in the chart below this story.", "to the reader"),
        ("Watchdogs warned the bank about its lending to small firms last year.", None),
        ("Seeing the photos, the minister said the bridge would be repaired.", None),
        ("Pictures of the flood were shared thousands of times on Monday.", None),
        ("I can’t thank all of these people enough for their help.’", "quote fragment"),
        ("Destination unknown,' tweeted Wall Street Journal reporter Byron Tau.",
         "quote fragment"),
        ("It was the best day of my life!’ she told the paper on Monday.", "quote fragment"),
        ("The fans, 'sick of waiting,' said the club had to act now.", None),
        ("Those were the Joneses' words, said the judge in the trial.", None),
        ("The lawyer said: 'We have to decipher a lot of things here.'", None),
        ("Fans know the actress as 'the blonde Filipino' in her new home.", None),
        ("The players' union said the talks would resume on Monday.", None),
        ('Among the highlights: "I am on television and you are', "quote fragment"),
        ("“This poses risks to us all, and to our partners.”", "quote without a speaker"),
        ('"We will win this fight in the end," he said.', "quote with a pronoun speaker"),
        ("and then the council voted for the new plan.", "fragment"),
        ("Sounds simple, right?", "too short"),
        ("What exactly is the service of process here?", "question"),
        ("The plan has three parts that matter most:", "introduces a list"),
        # a line-up is a list of names, not a point
        ("Murphy, Horgan, TBC, D'Arcy, Hickie, O'Gara, Stringer, Corrigan.", "list of names"),
        ("Sheahan, Horan, O'Callaghan, Miller, G Easterby, Humphreys, Dempsey.", "list of names"),
        ("Replacements: Sheahan, Horan, O'Callaghan, Miller, Dempsey.", "list of names"),
        ("Shares in ThyssenKrupp, Corus and Arcelor fell while Nippon Steel slid.", None),
        ("Def Jam's artists include LL Cool J, DMX, Ludacris, Ja Rule and Ashanti.", None),
        ("Viljoen; Lakomskis, Emerick, Sika, Fee, Hercus; Parker, Schubert (capt).",
         "list of names"),
        ("France, Germany, Italy and Spain signed the treaty in Rome on Monday.", None),
        ("Ministers from Britain, France, Germany and Italy met in Brussels.", None),
        # text about the document itself is not the story
        ("This review gathers the week's main business stories for the markets desk.",
         "about the document"),
        ("Each section summarises one development and what it means for investors.",
         "about the document"),
        ("This report describes the findings of the inquiry in three chapters.",
         "about the document"),
        ("The following note presents the main risks for the coming quarter.",
         "about the document"),
        ("A review of the year's stories for the policy unit, by chapter.", "about the document"),
        ("Here, Sportsmail recounts 10 of his finest moments from his broadcasting career.",
         "about the document"),
        ("Below, we look at the five options the council is weighing.", "about the document"),
        ("Here, police said, the two men were stopped and searched on Friday.", None),
        ("Here the ministers presented their plan to cut emissions by 2030.", None),
        ("This report found that the ministry had overspent by £2bn last year.", None),
        ("The review, published on Monday, criticised the ministry's handling of the crisis.",
         None),
        ("The paper said the minister would resign before the summer.", None),
        ("Just click the link to buy her skirt now, and if (as we predict!)", "to the reader"),
        # a credit line
        ("Hidden cameras reveal workers stealing from luggage CNN's Tony Marco contributed to "
         "this report.", "credit line"),
        ("Reporters from three papers contributed to this report on the council's budget.",
         None),
        # a product list's line: a verb with no subject
        ("Offers 'protection against four times more of the sun's rays'.", "no subject"),
        ("Protects against UVA and UVB rays and is water resistant.", "no subject"),
        ("Contains UVA and UVB protection, and it won't stain clothes.", "no subject"),
        ("Is the first product to protect against infra-red rays.", "no subject"),
        ("Offers poured in from clubs across Europe last week.", None),
        ("Offers from three clubs arrived on the last day of the window.", None),
        ("Claims of abuse at the care home first emerged in March.", None),
        ("Costs rose by a fifth over the same two years.", None),
        ("Had he known, the minister said, he would have acted sooner.", None),
        # a results table's row: no word in lower case carries a statement
        ("Lewis Hamilton (Britain) Mercedes 1:35.782 Nico Rosberg (Germany) Mercedes.",
         "table row"),
        ("Marcus Ericsson (Sweden) Sauber - Ferrari 1:38.158 - - - - - 11.", "table row"),
        ("It followed their debut album Original Pirate Material.", None),
        ("It followed Original Pirate Material In The Summer.", None),
    ],
)
def test_standalone_problem(text: str, problem: str | None) -> None:
    assert standalone_problem(text) == problem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BALL OF THE CENTURY Benaud was on hand to talk viewers through the delivery.",
         "Benaud was on hand to talk viewers through the delivery."),
        ("3. LAST SPELL OF COMMENTARY Benaud's final duties came in the fifth Test.",
         "Benaud's final duties came in the fifth Test."),
        ("ANDREW SYMONDS STOPS A STREAKER Thankfully, Benaud was on hand to tell it.",
         "Thankfully, Benaud was on hand to tell it."),
        ("UK PM Boris Johnson said the deal was done on Tuesday.",
         "UK PM Boris Johnson said the deal was done on Tuesday."),
        ("(CNN)ESPN's Britt McHenry found herself in the news this week.",
         "ESPN's Britt McHenry found herself in the news this week."),
        ("LONDON, England (Reuters) -- The bank raised its interest rate again today.",
         "The bank raised its interest rate again today."),
        ("WASHINGTON -- The Senate passed the spending bill late on Friday night.",
         "The Senate passed the spending bill late on Friday night."),
        ("But the plan failed to win a majority in the council.",
         "The plan failed to win a majority in the council."),
        ("However, ministers agreed to meet again in June next year.",
         "Ministers agreed to meet again in June next year."),
        ("The council, officials said, will vote on the plan in June.",
         "The council, officials said, will vote on the plan in June."),
        ("But no.", "But no."),
        # a picture caption's label ("Took a hike: ...") goes; a speaker's colon stays
        ("Took a hike: The family left the city for an unplanned walk on Sunday.",
         "The family left the city for an unplanned walk on Sunday."),
        ("Critical: A guard was shot and wounded outside the bureau on Thursday.",
         "A guard was shot and wounded outside the bureau on Thursday."),
        ("Smith said: The plan will be ready by the end of the year.",
         "Smith said: The plan will be ready by the end of the year."),
        ("The minister warned: Prices will rise again before the summer.",
         "The minister warned: Prices will rise again before the summer."),
        ("Manchester United: The club confirmed the signing on Friday night.",
         "Manchester United: The club confirmed the signing on Friday night."),
        # a label in capitals (a product review's verdict) goes like a caption's
        ("EXPERT VERDICT: 'A bit of a gimmick - the concept is you protect the skin.'",
         "'A bit of a gimmick - the concept is you protect the skin.'"),
        ("BREAKING NEWS: The Senate passed the spending bill late on Friday night.",
         "The Senate passed the spending bill late on Friday night."),
        ("CLAIMS: First mainstream product to protect against infra-red rays.",
         "First mainstream product to protect against infra-red rays."),
        # an acronym before a colon is a speaker or a name
        ("NATO: Allies agreed to raise defence spending again this year.",
         "NATO: Allies agreed to raise defence spending again this year."),
    ],
)
def test_trim_clutter(text: str, expected: str) -> None:
    trimmed, cut = trim_clutter(text)
    assert trimmed == expected
    # the span still points at the source: only the first letter's case may differ
    assert text[cut:].lower() == trimmed.lower()


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Allies pledged military aid", "Allies pledged military aid", 0.99, 1.01),
        ("Allies pledged military aid", "The weather was sunny", -0.01, 0.01),
        ("Allies pledged aid to Ukraine", "Ukraine received aid pledges", 0.3, 0.9),
    ],
)
def test_cosine_of_word_counts(a: str, b: str, low: float, high: float) -> None:
    from collections import Counter

    assert low <= cosine(Counter(content_words(a)), Counter(content_words(b))) <= high


def test_content_words_drop_stop_words_and_meet_on_stems() -> None:
    assert content_words("The pledges were pledged") == ["pledg", "pledg"]
    assert jaccard(content_words("the pledged aid"), content_words("pledges of aid")) == 1.0


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("No quotes at all here.", 0.0, 0.0), ('"All of it quoted."', 1.0, 1.0),
     ('He said "half of this" then.', 0.3, 0.7)],
)
def test_quoted_fraction(text: str, low: float, high: float) -> None:
    assert low <= quoted_fraction(text) <= high


@pytest.mark.parametrize(
    ("text", "referent", "expected", "cut"),
    [
        ("He reaffirmed support for Ukraine.", "Rutte", "Rutte reaffirmed support for Ukraine.", 2),
        ("She said no.", "Kaja Kallas", "Kaja Kallas said no.", 3),
        ("He reaffirmed support.", None, "He reaffirmed support.", 0),
        ("Hence the vote was delayed.", "Rutte", "Hence the vote was delayed.", 0),
        ("They agreed.", "Rutte", "They agreed.", 0),
    ],
)
def test_resolve_opening(text: str, referent: str | None, expected: str, cut: int) -> None:
    assert resolve_opening(text, referent) == (expected, cut)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Smith (pictured) said the plan had failed.", "John Smith said the plan had failed."),
        ("The pair (left to right) met in Paris on Friday.", "The pair met in Paris on Friday."),
        ("Two men (left and right) walked out.", "Two men walked out."),
        ("She (far right) smiled at the crowd.", "She smiled at the crowd."),
        ("The minister (second from left) arrived late.", "The minister arrived late."),
        ("Cheetahs (file photo) run fast.", "Cheetahs run fast."),
        ("The zoo (above file photo of visitors at the zoo) shut.", "The zoo shut."),
        ("Mr Brown (pictured with his wife in 2010), 64, spoke.", "Mr Brown, 64, spoke."),
        ("Boats (top) and cars (bottom left) wait.", "Boats and cars wait."),
        ("Her son (Pictured in 2019) was born in June.", "Her son was born in June."),
        # must not cut: asides that carry facts or names, or no aside at all
        ("Die Linke (Left Party) won nine seats.", "Die Linke (Left Party) won nine seats."),
        ("Annie Loof (Centre) and Jonas Sjostedt (Left) agreed.",
         "Annie Loof (Centre) and Jonas Sjostedt (Left) agreed."),
        ("The fair in Frankfurt (Main) opened.", "The fair in Frankfurt (Main) opened."),
        ("Prices rose (top 10 items) in May.", "Prices rose (top 10 items) in May."),
        ("Rep. Eric Cantor (R-Va.) voted against.", "Rep. Eric Cantor (R-Va.) voted against."),
        ("The deal (worth $2bn) was signed.", "The deal (worth $2bn) was signed."),
        ('"He (Tsarnaev) knew it," she said.', '"He (Tsarnaev) knew it," she said.'),
        ("Wright (centre, pictured with his wife) spoke.",
         "Wright (centre, pictured with his wife) spoke."),
        ("He turned left (towards the river) and ran.",
         "He turned left (towards the river) and ran."),
        ("The picture shows the left bank.", "The picture shows the left bank."),
        ("Prices rose (see the table below).", "Prices rose (see the table below)."),
    ],
)
def test_drop_picture_asides(text: str, expected: str) -> None:
    assert drop_picture_asides(text) == expected
