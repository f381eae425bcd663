"""Tests of run-on sentences: captions glued to the story, cut at their clause restarts."""

from __future__ import annotations

import pytest

from briefgen.summarise.rank import point_text
from briefgen.summarise.runons import (
    caption_run,
    clause_restarts,
    ends_sentence,
    last_clause,
    list_numbered,
    missed_breaks,
    story_part,
)

# a run-on of picture captions ending in a real sentence (built, not copied from any article)
CAPTIONS = (
    "Jane Roe (pictured) opened a bakery in the old mill in the spring The Leeds woman moved "
    "to the village in 2019 after losing her office job The gamble paid off as the bakery, "
    "which sells sourdough to three cafés, made a profit in its first year."
)


@pytest.mark.parametrize(
    ("text", "seams"),
    [
        # a capitalised determiner, pronoun or preposition right after a word, no punctuation
        # ("spring The Leeds woman" is not one: "The" and a capital may be a title, "the film
        # The Aviator"; the last seam is the one that frees the sentence)
        (CAPTIONS, ["The gamble paid"]),
        ("The team won all six of its games under the new coach He has impressed the board "
         "with more than results.", ["He has impressed"]),
        ("The river rose two metres overnight in the lower valley With the rain still falling, "
         "crews moved sandbags to the bridge.", ["With the rain"]),
        ("The mayor cut the ribbon at the new station this morning The 52-year-old said the "
         "line would open in May.", ["The 52-year-old"]),
        ("The owner was one of three people who flew from Leeds to Rome in the spring Asked "
         "why she went, she said the bakery needed a new oven.", ["Asked why she"]),
        ("The players reflect on their defeat at the hands of the home side in London "
         "However, after a long trip home, the fans were in good spirits.", ["However, after"]),
        # a preposition, pronoun or conjunction and a capital, after a lower-case word
        ("She offsets the look with a bucket hat from the market In India, nose rings are "
         "still very popular with brides.", ["In India, nose"]),
        ("The survey asked three thousand people what they would spend on the night That's "
         "according to the card company.", ["That's according"]),
        ("The candidate handed out slices of cake at the shop, pictured above Detectives are "
         "expected to speak to him next week.", ["Detectives are"]),
        ("The striker celebrates with the home fans during their win against the champions "
         "'We have liaised with our travel partner,' the club said.", ["'We have"]),
        # a caption's label ("Caught out: ...") after a word
        ("The reporter was suspended for a week after the video surfaced Caught out: Staff "
         "had warned her that she was being filmed.", ["Caught out:"]),
        ("Former TSA agent sentenced for recording a coworker All this came to light after a "
         "tip in November.", ["All this came"]),
        ("The team that won the All Blacks series later toured Wales and Ireland.", []),
        # a label in capitals after a word: a product list's next field
        ("Ladival Sun Protection, SPF 30 £19.99 for 150ml spray, from Boots and supermarkets "
         "CLAIMS: First mainstream product to protect against infra-red rays.", ["CLAIMS: First"]),
        ("Dr Skin's lotion comes with supplement shots from the same shop EXPERT VERDICT: 'A bit "
         "of a gimmick, the concept is you protect the skin.'", ["EXPERT VERDICT:"]),
        # running text, titles and names are not seams
        ("The statement was read out by the spokesman for NATO: Allies will meet in June.", []),
        ("The council approved the new transport budget on Monday evening.", []),
        ("She told BBC Radio 4's Today programme that the plan would not change.", []),
        ("Critics praised the film The Aviator, starring Leonardo DiCaprio, at the festival.", []),
        ("The magazine The List recently compiled its ranking of the best albums.", []),
        ("Mr Evans said Mr Smith was wrong about the figures for the year.", []),
        ("The candidate, pictured, handed out slices of cake at the shop on Monday.", []),
        ("She said medical advances mean \"I don't know what I would do now\" if it happened.",
         []),
        ("The other four songs on the list were 'Over the Rainbow' and three show tunes.", []),
        ("The candidate was pictured with Mr Smith at the shop on Monday afternoon.", []),
        ("The team said they planned to travel from A to B by bus on Sunday morning.", []),
        ("The spokesman told reporters: \"The plan is on track and we will deliver it.\"", []),
        ("His book Door in the Mountain: New and Collected Poems won the prize last night.", []),
        ("Viewers loved the documentary \"Going Clear: Scientology and the Prison of Belief\" "
         "when it aired.", []),
        ("The first stage is done and I think it went well for everybody concerned here.", []),
        ("He flew back the following year to collect his award for It Happened One Night.", []),
        ("The star shot to fame in the film In Bruges and has not looked back since then.", []),
        ("The witness pointed to different parts of Nurse A's body during the hearing.", []),
        # a letter before a plural is a name ("infra-red A rays"), not an article
        ("Some new products claim to stop the damage from infra-red A rays as well as UVA and "
         "UVB.", []),
        ("The effects of infra-red A rays on the skin is an emerging field of research.", []),
        ("The mayor cut the ribbon at the new station this morning A spokesman said the line "
         "would open in May.", ["A spokesman said"]),
        # a heading in capitals glued to its paragraph is the subheading trimmer's
        ("WHERE IT STARTED The first awards were held in a hotel in Hollywood in 1929.", []),
        # a seam needs a clause on both sides
        ("Big news The rain stopped at noon and the match went ahead after all.", []),
    ],
)
def test_clause_restarts(text: str, seams: list[str]) -> None:
    cuts = clause_restarts(text)
    assert len(cuts) == len(seams)
    assert [text[i : i + len(s)] for i, s in zip(cuts, seams, strict=True)] == seams


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        (CAPTIONS, "The gamble paid off as the bakery, which sells sourdough to three cafés, "
                   "made a profit in its first year."),
        ("The council approved the new transport budget on Monday evening.",
         "The council approved the new transport budget on Monday evening."),
        # captions only: the last piece has no full stop either
        ("The reporter smiles for the cameras outside the court in London The lawyer for the "
         "family speaks to the press on the steps", None),
    ],
)
def test_last_clause(text: str, tail: str | None) -> None:
    out = last_clause(text)
    assert (out[0] if out else None) == tail
    if out:
        assert text[out[1] :] == out[0]


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("Scroll down for video " + CAPTIONS,
         "The gamble paid off as the bakery, which sells sourdough to three cafés, made a "
         "profit in its first year."),
        ("Scroll down for video The bakery made a profit in its very first year of trading.",
         "The bakery made a profit in its very first year of trading."),
        ("The bakery made a profit in its very first year of trading.",
         "The bakery made a profit in its very first year of trading."),
        ("Scroll down for video", None),
    ],
)
def test_story_part_drops_furniture_and_captions(sentence: str, part: str | None) -> None:
    out = story_part(sentence)
    assert (out[0] if out else None) == part
    if out:
        assert sentence[out[1] :] == out[0]


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        # the story part of a run-on, its picture cue and leading connective gone
        ("Scroll down for video " + CAPTIONS,
         "The gamble paid off as the bakery, which sells sourdough to three cafés, made a "
         "profit in its first year."),
        ("Jane Roe (pictured) waves from the door of the mill in the spring sunshine And the "
         "bakery (left) made a profit in its very first year.",
         "The bakery made a profit in its very first year."),
        # a furniture phrase inside the sentence goes too
        ("The bakery made a profit Scroll down for video in its very first year.",
         "The bakery made a profit in its very first year."),
        # captions only: not a point
        ("The reporter smiles for the cameras outside the court in London The lawyer for the "
         "family speaks to the press on the steps", None),
        ("He said the bakery made a profit in its first year of trading.", None),
    ],
)
def test_point_text(sentence: str, point: str | None) -> None:
    out = point_text(sentence)
    assert (out[0] if out else None) == point
    if out:
        assert out[1] <= len(sentence)


@pytest.mark.parametrize(
    ("text", "run"),
    [
        # captions whose seams are names: "on Saturday Wright is", "professional Roe has"
        ("Jane Roe will be given the county's baking prize by Tom Hale at the fair on Saturday "
         "Hale is now a television cook but ran a bakery in the town for years as a young "
         "professional Roe has been invited to judge the bread contest at the fair before the "
         "end of the season.", True),
        ("The goalkeeper celebrates the club's 2-1 victory in the cup semi-final at the national "
         "stadium Villa goalkeeper Brad Stone lost out to him for the semi-final and is set to "
         "lose out again when the club plays in the final next month Stone trains every day.",
         True),
        # a long sentence of running text with names after verbs and prepositions
        ("The singer performed in front of judges Melanie Chisholm from The Spice Girls, Anggun, "
         "David Foster and Vanness Wu, singing Super Bass by Nikki Minaj and then a slow song by "
         "Rita Ora before the panel voted on the night.", False),
        ("Tory shadow chancellor Oliver Letwin said the battle that civil servants are now "
         "reporting between the chancellor and the prime minister is stopping both of them from "
         "getting taxpayers value for money in the years ahead.", False),
        # two name seams, but a short sentence: not enough to tell
        ("The match ended late on Saturday Hale said the club Stone trained was happy.", False),
    ],
)
def test_caption_run(text: str, run: bool) -> None:
    assert caption_run(text) is run
    assert (story_part(text) is None) is run


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The bakery opened in May.", True),
        ("Did the bakery open in May?", True),
        ("'The bakery opened in May,' she said.", True),
        ("He called it 'the best bread in town'", True),
        ("The bakery opened in May…", True),
        ("Jane Roe stands at the door of the mill in the spring", False),
        ("Runs: 8463 Centuries: 15 Batting average:", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


def test_a_closing_quote_after_a_full_stop_ends_a_sentence() -> None:
    text = ("The minister praised “the biggest rise in spending since the end of the war.” He "
            "welcomed the new envoy to his first meeting of the council.")
    assert clause_restarts(text) == ()
    text = ("The woman is known in her new home as 'the blonde Filipino' She performs a very "
            "diverse range of musical styles.")
    assert [text[i:i + 3] for i in clause_restarts(text)] == ["She"]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # a full stop after an amount the splitter read as an abbreviation ("£1m.")
        ("Nearly £12m came from gifts worth more than £1m. The rules have already been changed "
         "so the public can see who gives.", "The rules have"),
        ("Spending limits fall from £20m to £15m. The commission also wants a cap on gifts.",
         "The commission also"),
        ("Costs will be way short of the extra £250m. Turnover for the quarter was up 4.3%.",
         "Turnover for the"),
        # abbreviations, initials and titles are no break
        ("Xbox frontman J. Allard said the console would be ready next year.", None),
        ("The guard at the U.S. Census Bureau was shot on Thursday morning.", None),
        ("She met the eighth-grader's boyfriend, Army Spc. Caleb Barnes, in October.", None),
        ("The boy was not attacked, Dr. Christopher Kuhar told Fox 8 on Sunday.", None),
        ("He studied with C.S. Lewis and J.R.R. Tolkien at Magdalen College.", None),
        # inside a quote the sentences are the speaker's
        ("Brown said: 'Patriotism means more jobs. It means a strong parliament.'", None),
        ("The rate rose to 5.5 per cent in May from 4.9 per cent in April.", None),
    ],
)
def test_missed_breaks(text: str, second: str | None) -> None:
    cuts = missed_breaks(text)
    assert [text[i : i + len(second)] for i in cuts] == ([second] if second else [])


@pytest.mark.parametrize(
    ("texts", "numbered"),
    [
        # a numbered list flattened into text: each item ends with the next one's number
        (["The boxer loves sweets and Twizzlers are his favourite snacks 2.",
          "Ramen noodle soup is one of his favourite meals 3.",
          "He averages over 1000 sit-ups a day during training camp 4.",
          "The fight is on Saturday night in Las Vegas."], {0, 1, 2}),
        # or starts with it
        (["Manny eats five meals a day during camp 5.",
          "6 He starts every morning with a Bible reading."], {0}),
        # or is a sentence of its own
        (["Benaud has died at the age of 84 after battling skin cancer 1.",
          "BALL OF THE CENTURY Benaud talked viewers through the delivery.", "2.",
          "AUSTRALIA'S UNDERARM BALL Benaud was renowned for his calming tone."], {0}),
        # a number closing a sentence alone is the sentence's own ("at number 20.")
        (["The Zutons came in at number 20.",
          "Franz Ferdinand ended up in 15th place, while the Eurythmics were at 38."], set()),
        (["The band were at 20.", "The band then climbed in the chart to 21 by May.",
          "The singer was 17."], set()),
    ],
)
def test_list_numbered(texts: list[str], numbered: set[int]) -> None:
    assert list_numbered(texts) == numbered
