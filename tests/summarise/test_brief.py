"""Tests of the whole Brief: title, bottom line, key points, quotes, figures, who's who."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from briefgen.errors import AnalysisError
from briefgen.model import Brief, Entity, Figure, KeyPoint, Quote
from briefgen.summarise import (
    rank_figures,
    rank_people,
    rank_quotes,
    summarise,
    title_from,
)
from briefgen.summarise.brief import (
    LEADING_POINTS,
    MIN_QUOTE_WORDS,
    _reads_as,
    bottom_line,
    figure_kind,
    lead_title,
    linked,
)
from briefgen.summarise.text import content_words, jaccard

from .conftest import STORY, build_analysis


@pytest.fixture(scope="module")
def story(analyse_text):
    return analyse_text(STORY)


@pytest.fixture(scope="module")
def seed_brief(seed_analysis) -> Brief:
    return summarise(seed_analysis, marking="OFFICIAL")


@pytest.mark.parametrize("name", ["seed", "story"])
def test_bottom_line_is_not_repeated(request, name: str) -> None:
    analysis = request.getfixturevalue("seed_analysis" if name == "seed" else "story")
    brief = summarise(analysis)
    assert 1 <= len(brief.bottom_line) <= 2
    bottom = {p.sentence_index for p in brief.bottom_line}
    assert not bottom & {p.sentence_index for p in brief.key_points}
    assert len({p.sentence_index for p in brief.key_points}) == len(brief.key_points)
    scores = [p.score for p in brief.key_points]
    assert scores == sorted(scores, reverse=True)


def test_seed_brief_blocks(seed_brief: Brief, seed_analysis) -> None:
    assert seed_brief.bottom_line[0].sentence_index == 0
    assert seed_brief.marking == "OFFICIAL"
    assert seed_brief.sources == seed_analysis.sources
    assert seed_brief.date == seed_analysis.date == "2025-04-04"
    assert [e.upcoming for e in seed_brief.events] == sorted(
        (e.upcoming for e in seed_brief.events), reverse=True)
    # a draft is JSON: it survives the round trip
    assert Brief.from_dict(json.loads(json.dumps(seed_brief.to_dict()))) == seed_brief


def test_title_is_taken_from_the_lead_when_the_source_has_none(seed_brief, seed_analysis) -> None:
    lead_words = seed_analysis.sentences[0].text.split()
    title_words = seed_brief.title.rstrip("…").split()
    assert seed_analysis.title is None
    assert title_words == lead_words[: len(title_words)]
    assert 3 <= len(title_words) <= 14


TITLE_CASES = [
    # lead sentence, source title: the title never reads as the bottom line's sentence again
    ("British Airways has blamed high fuel prices for a 40% drop in profits.", None),
    ("The city council approved a new transport budget of 40 million dollars on Monday after "
     "months of debate between the mayor and the opposition parties.", None),
    ("Council backs budget.", "Council backs budget"),
    # untitled: the title cut from the lead keeps most of it
    ("German airline Lufthansa has returned to profit in 2004 after posting huge losses in 2003.",
     None),
]


@pytest.mark.parametrize(("lead", "title"), TITLE_CASES)
def test_title_and_bottom_line_are_not_the_same_sentence_twice(analyse_text, lead: str,
                                                               title: str | None) -> None:
    rest = STORY.split("\n\n")[1:]
    brief = summarise(analyse_text("\n\n".join([lead, *rest]), title=title))

    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    shown = [p.text for p in brief.bottom_line + brief.key_points]
    assert all(words(brief.title) != words(text) for text in shown)
    assert brief.bottom_line
    # a title cut from the lead that keeps most of it: the lead is not the bottom line too
    if len(words(brief.title)) >= 2 / 3 * len(words(lead)):
        assert all(words(lead) != words(p.text) for p in brief.bottom_line)


@pytest.mark.parametrize(
    ("title", "sentence", "reads"),
    [
        ("Council backs budget", "Council backs budget.", True),
        ("German airline Lufthansa has returned to profit in 2004 after posting huge losses…",
         "German airline Lufthansa has returned to profit in 2004 after posting huge losses in "
         "2003.", True),
        # a cut of a third of a long lead is a headline, not the sentence again
        ("NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday",
         "NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday (4 April "
         "2025), focusing on preparations for the upcoming NATO Summit in The Hague, defence "
         "investment, burden sharing, Allied support to Ukraine, and cooperation with partners.",
         False),
        # the words must be a run of the sentence's, in order
        ("Profit returned to Lufthansa in 2004 after huge losses",
         "Lufthansa returned to profit in 2004 after huge losses.", False),
        ("Council backs budget", "The council backs a budget. Council backs budget.", False),
        ("", "Council backs budget.", False),
    ],
)
def test_title_reads_as_the_sentence(title: str, sentence: str, reads: bool) -> None:
    assert _reads_as(title, sentence) is reads


def test_a_one_sentence_source_keeps_its_sentence_as_bottom_line(analyse_text) -> None:
    lead = "German airline Lufthansa has returned to profit in 2004 after posting huge losses."
    brief = summarise(analyse_text(lead))
    assert [p.text for p in brief.bottom_line] == [lead]


def test_title_is_the_sources_own_when_it_has_one() -> None:
    analysis = build_analysis([(None, ["The council approved the new budget on Monday evening."])],
                              title="Council backs budget")
    assert summarise(analysis).title == "Council backs budget"


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Council approves budget.", "Council approves budget"),
        ("(CNN)Deputies rushed Kenneth Stancil from court on Thursday after the suspect swore at "
         "a judge and tried to flip a table.", "Deputies rushed Kenneth Stancil from court on "
         "Thursday after the suspect swore…"),
        ("NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday (4 April "
         "2025), focusing on preparations for the summit.",
         "NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday"),
        # a cut never ends on a pronoun, subordinator, auxiliary, preposition or article
        ("Anna, 14, was seen listening to music as she, her sister and their parents left the "
         "city for an unplanned trip to the coast on Sunday.",
         "Anna, 14, was seen listening to music"),
        ("A 15-year-old girl in the city allegedly plotted with her boyfriend to have her father "
         "arrested after an argument about money.",
         "A 15-year-old girl in the city allegedly plotted with her boyfriend…"),
        ("A former minister and long-time ally of the late president of the country has been "
         "arrested at the border.",
         "A former minister and long-time ally of the late president of the country…"),
        # a short lead is its own title, whatever its last word
        ("Prices are what the rally is about.", "Prices are what the rally is about"),
    ],
)
def test_title_from(sentence: str, title: str) -> None:
    assert title_from(sentence) == title
    assert title.rstrip("…") in sentence


LEAD_TITLES = [
    # lead sentence, title cut from it
    ("After deliberating for 11½ hours, jurors found Dzhokhar Tsarnaev guilty on Wednesday of "
     "all 30 counts he faced in the trial.",
     "Jurors found Dzhokhar Tsarnaev guilty on Wednesday of all 30 counts he faced…"),
    ("On Thursday evening, ministers met Ukrainian Foreign Minister Andrii Sybiha.",
     "Ministers met Ukrainian Foreign Minister Andrii Sybiha"),
    ("NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday (4 April "
     "2025), focusing on preparations for the summit.",
     "NATO Foreign Ministers wrapped up two days of meetings in Brussels on Friday"),
    ("In Paris, it rained.", "In Paris, it rained"),
    ("Council approves budget.", "Council approves budget"),
]


@pytest.mark.parametrize(("sentence", "title"), LEAD_TITLES)
def test_lead_title_is_the_main_clause(sentence: str, title: str) -> None:
    assert lead_title(sentence) == title
    assert set(re.findall(r"\w+", title.lower())) <= set(re.findall(r"\w+", sentence.lower()))


def _quote(text: str, speaker: str | None, index: int) -> Quote:
    return Quote(text, speaker, index)


def test_quotes_attributed_long_enough_no_near_duplicates() -> None:
    sents = [f"Sentence number {i} of the built story about the council vote." for i in range(6)]
    quotes = [
        _quote("We must serve every district of this city, not only the centre",
               "Anna Lindqvist", 1),
        _quote("we must serve every district of this city and not only the centre", None, 2),
        _quote("This budget ignores safer streets for cyclists completely", None, 3),
        _quote("Too short here", "Tom Becker", 4),
        _quote("The vote was a victory for every resident of the north", "Tom Becker", 5),
    ]
    people = [Entity("Anna Lindqvist", "person", "Mayor", ("Lindqvist",), (0, 1, 2)),
              Entity("Tom Becker", "person", None, ("Becker",), (5,))]
    analysis = build_analysis([(None, sents)], quotes=quotes, entities=people)
    ranked = rank_quotes(analysis)
    # 2 repeats 1; 3 has no speaker: a briefing never shows words it cannot attribute; 4 is short
    assert [q.sentence_index for q in ranked] == [1, 5]
    assert all(len(q.text.split()) >= MIN_QUOTE_WORDS and q.speaker for q in ranked)
    assert ranked[0].role == "Mayor"
    assert [q.score for q in ranked] == sorted((q.score for q in ranked), reverse=True)


QUOTE_CHOICE = [
    # (text, speaker) of two quotes in equal sentences: the first is shown, the second after it
    # or not at all
    (("The council must fund the night buses for every district.", "Anna Lindqvist"),
     ("been advised that the council could fund the night buses soon", "Anna Lindqvist")),
    (("We will not accept cuts to the cycling lanes this year.", "Tom Becker"),
     ("We will never accept any cuts to the tram lines this year.", "the ruling")),
    (("Nobody asked the residents about the new timetable at all.", "Tom Becker"),
     ("Nobody told the drivers about the changed routes in advance.", "drivers")),
]


@pytest.mark.parametrize(("shown", "other"), QUOTE_CHOICE)
def test_quote_box_prefers_whole_statements_by_named_speakers(shown: tuple, other: tuple) -> None:
    sents = [f"Sentence number {i} of the built story about the council." for i in range(4)]
    quotes = [Quote(other[0], other[1], 1), Quote(shown[0], shown[1], 2)]
    people = [Entity("Anna Lindqvist", "person", "Mayor", ("Lindqvist",), (1, 2)),
              Entity("Tom Becker", "person", None, ("Becker",), (1, 2))]
    ranked = rank_quotes(build_analysis([(None, sents)], quotes=quotes, entities=people))
    assert ranked[0].text == shown[0]
    assert all(q.speaker and q.speaker[0].isupper() for q in ranked)


def test_seed_page_shows_the_headline_figure_and_people_with_roles(seed_brief: Brief) -> None:
    first = seed_brief.figures[0]
    assert (first.qualifier, first.unit) == ("more than", "EUR")
    assert "military assistance" in (first.counts or "")
    assert all(e.kind == "person" for e in seed_brief.people[:4])
    assert all(e.role for e in seed_brief.people[:4])


def test_seed_quotes_have_no_near_duplicates(seed_brief: Brief) -> None:
    words = [content_words(q.text) for q in seed_brief.quotes]
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            assert jaccard(a, b) < 0.5
    known = [q.speaker is not None for q in seed_brief.quotes]
    assert known == sorted(known, reverse=True)


FIGURE_KINDS = [
    # text, value, unit, kind
    ("more than 20 billion euros", 2e10, "EUR", "money"),
    ("£75m", 7.5e7, "GBP", "money"),
    ("873p", 873.0, "pence", "money"),
    ("40%", 40.0, "%", "percent"),
    ("more than 25,000 people", 25000.0, "people", "large"),
    ("92 witnesses", 92.0, "witnesses", "count"),
    ("two attempts", 2.0, "attempts", "small"),
    ("dozens of protesters", None, "protesters", "vague"),
    ("two days", 2.0, "days", "duration"),
    ("11½ hours", 11.5, "hours", "duration"),
    ("1:35.782", 95.782, "s", "duration"),
    ("42-year-old actress", 42.0, "years", "age"),
    ("aged 15", 15.0, "years", "age"),
    ("21", 21.0, "years", "age"),
    ("2-1", None, "score", "score"),
    ("eighth", 8.0, None, "rank"),
    ("17th", 17.0, None, "rank"),
    ("two-thirds of voters", 2 / 3, "voters", "small"),
]


@pytest.mark.parametrize(("text", "value", "unit", "kind"), FIGURE_KINDS)
def test_figure_kind(text: str, value: float | None, unit: str | None, kind: str) -> None:
    assert figure_kind(Figure(text, value, unit, "what it counts", 0)) == kind


HEADLINES = [
    # (text, value, unit, sentence) of two figures in an 8-sentence story: the first wins
    (("more than €20bn", 2e10, "EUR", 5), ("two days", 2.0, "days", 0)),
    (("40%", 40.0, "%", 3), ("42-year-old", 42.0, "years", 0)),
    (("25,000 people", 25000.0, "people", 2), ("2-1", None, "score", 0)),
    (("£75m", 7.5e7, "GBP", 0), ("£75m", 7.5e7, "GBP", 6)),
    (("3,000 troops", 3000.0, "troops", 1), ("eighth", 8.0, None, 1)),
    (("more than 300 jobs", 300.0, "jobs", 4), ("300 jobs", 300.0, "jobs", 4)),
]


@pytest.mark.parametrize(("better", "worse"), HEADLINES)
def test_headline_figures_come_first(better: tuple, worse: tuple) -> None:
    sents = [f"Sentence number {i} of the built story about the council budget." for i in range(8)]
    figures = [
        Figure(text, value, unit, f"what figure {k} counts", idx,
               qualifier="more than" if text.startswith("more than") else None)
        for k, (text, value, unit, idx) in enumerate((worse, better))
    ]
    ranked = rank_figures(build_analysis([(None, sents)], figures=figures))
    assert ranked[0].counts == "what figure 1 counts"


def test_a_number_repeated_counts_once() -> None:
    sents = [f"Sentence number {i} of the built story about the council budget." for i in range(8)]
    figures = [Figure("40 million dollars", 4e7, "USD", "transport budget", 0),
               Figure("$40m", 4e7, "USD", "budget approved on Monday", 5)]
    ranked = rank_figures(build_analysis([(None, sents)], figures=figures))
    assert [f.sentence_index for f in ranked] == [0]


def test_figures_need_a_count_and_come_headline_first() -> None:
    sents = [f"Sentence number {i} of the built story about the council budget." for i in range(8)]
    figures = [
        Figure("12", 12.0, "bus lines", "new bus lines", 6),
        Figure("40 million dollars", 4e7, "USD", "transport budget", 0),
        Figure("2024", 2024.0, None, None, 1),
        Figure("40 million dollars", 4e7, "USD", "transport budget", 7),
    ]
    ranked = rank_figures(build_analysis([(None, sents)], figures=figures))
    assert [f.counts for f in ranked] == ["transport budget", "new bus lines"]
    assert ranked[0].score > ranked[1].score > 0


WHO = [
    # entity, expected place in who's who (None = left out); featured sentence 0, quote by Kim
    (Entity("Tom Becker", "person", None, ("Becker",), (1, 2, 3)), 3),
    (Entity("Anna Lindqvist", "person", "Mayor", ("Lindqvist",), (4,)), 0),
    (Entity("Oslo", "place", None, ("Oslo",), (0, 1, 2, 3)), None),
    (Entity("Passer By", "person", None, ("Passer By",), (5,)), None),
    (Entity("Green Party", "org", None, ("Green Party",), (0, 1, 2, 3)), None),
    (Entity("Transport Board", "org", "regulator", ("Transport Board",), (3,)), 4),
    (Entity("Kim Li", "person", None, ("Kim Li",), (5,)), 2),
    (Entity("Anna", "person", None, ("Anna",), (0, 2)), None),
    (Entity("Ola Berg", "person", None, ("Berg",), (0,)), 1),
    (Entity("Daily Courier", "org", "newspaper", ("Daily Courier",), (0,)), None),
    (Entity("Li", "org", None, ("Li",), (5,)), None),
    (Entity("Metro Analytics", "org", None, ("Metro Analytics",), (2, 3)), None),
]


def test_who_is_who_lists_people_with_roles_first_and_only_organisations_that_do() -> None:
    sents = [f"Sentence number {i} of the built story about the council." for i in range(6)]
    quotes = [Quote("We will keep the night buses running every day.", "Kim Li", 5),
              Quote("Ridership will rise by a fifth within two years.",
                    "Jon Dahl of Metro Analytics", 3)]
    analysis = dataclasses.replace(
        build_analysis([(None, sents)], entities=[e for e, _ in WHO], quotes=quotes),
        source="Daily Courier")
    names = [e.name for e in rank_people(analysis, featured=[0])]
    expected = sorted(((place, e.name) for e, place in WHO if place is not None))
    assert names == [name for _, name in expected]


@pytest.mark.parametrize(
    ("credit", "listed"),
    [("Dana Ford reported from Atlanta.", False),
     ("Reporting by Dana Ford; editing by Kim Li.", False),
     ("Dana Ford reported the fraud to the police.", True)],
)
def test_who_is_who_leaves_out_reporters_credits(credit: str, listed: bool) -> None:
    sents = ["The council approved the budget on Monday after a long debate.",
             "Dana Ford said the budget was too small for the districts.", credit]
    entities = [Entity("Dana Ford", "person", None, ("Ford",), (1, 2) if listed else (2,))]
    analysis = build_analysis([(None, sents)], entities=entities)
    assert bool(rank_people(analysis, featured=[2])) == listed


@pytest.mark.parametrize("role", [None, "council member"])
def test_who_is_who_lists_the_speakers_of_shown_quotes_first(role: str | None) -> None:
    # more often named people, with roles or without, come after the quoted speaker
    sents = [f"Sentence number {i} of the built story about the council." for i in range(6)]
    entities = [Entity(f"Person Number{i}", "person", role, (f"Number{i}",), (0, 1, 2, 3, 4))
                for i in range(6)]
    entities += [Entity("Kim Li", "person", None, ("Li",), (5,))]
    analysis = build_analysis([(None, sents)], entities=entities)
    assert [e.name for e in rank_people(analysis, featured=[0, 1],
                                        speakers=["Kim Li"])][0] == "Kim Li"
    assert "Kim Li" not in [e.name for e in rank_people(analysis)]


@pytest.mark.parametrize("points", [0, 2, 5])
def test_points_option(story, points: int) -> None:
    assert len(summarise(story, points=points).key_points) <= points
    assert len(summarise(story, points=points).key_points) == min(
        points, len(summarise(story, points=50).key_points))


def test_more_points_than_a_page_holds_by_default(story) -> None:
    assert len(summarise(story).key_points) >= 6


@pytest.mark.parametrize("kwargs", [{"points": -1}, {"method": "nope"}])
def test_bad_options_raise_the_projects_error(story, kwargs) -> None:
    with pytest.raises(AnalysisError):
        summarise(story, **kwargs)


@pytest.mark.parametrize("points", [1, 3, 4])
def test_with_key_points_fills_the_analysis(story, points: int) -> None:
    from briefgen.summarise import with_key_points

    data = with_key_points(story, points).to_dict()
    assert len(data["key_points"]) == points
    assert all({"text", "score", "sentence_index", "section"} <= set(p) for p in data["key_points"])
    assert data["sentences"] == story.to_dict()["sentences"]


def test_a_text_of_quotes_still_gets_a_bottom_line() -> None:
    analysis = build_analysis([(None, ["“We will never give up on this city.”",
                                       "“Every district deserves a bus.”"])])
    brief = summarise(analysis)
    assert len(brief.bottom_line) == 1
    assert brief.bottom_line[0].sentence_index in (0, 1)
    assert brief.key_points == ()


def test_several_sources_title_and_sections_come_from_the_sources(nlp) -> None:
    """With several sources the title is the first's; a source without a title is headed by words
    cut from its own lead sentence, or by its file name (never its path, never another source's
    title) when those words would repeat the page's title or a sentence it shows."""
    from briefgen.analysis import analyse_documents
    from briefgen.ingest.text import split_blocks
    from briefgen.model import Document

    lead = ("The city council approved a new transport budget on Monday, ending months of "
            "debate. Mayor Anna Lindqvist said twelve bus lines would be added next year.")
    other = ("Steel makers warned that iron ore prices would rise by a fifth this year. "
             "Shares in the largest producers fell sharply on Tuesday.")
    docs = [
        Document(lead, split_blocks(lead), location="notes/council-2025.txt"),
        Document(other, split_blocks(other), title="Ore costs hit steel firms", location="b.md"),
    ]
    brief = summarise(analyse_documents(docs))
    assert brief.title.startswith("The city council approved a new transport budget")
    sections = {p.section for p in brief.key_points + brief.bottom_line}
    assert sections <= {"Ore costs hit steel firms", "council-2025.txt"}
    assert not any("notes/" in (s or "") for s in sections)


@pytest.mark.parametrize(
    ("text", "counts", "kept"),
    [
        ("more than 20 billion euros", "military assistance pledged by Allies", True),
        ("3 and a half thousand miles", "miles", False),
        ("two days", "days", False),
        ("Thousands", "braved the weather", True),
    ],
)
def test_figures_on_the_page_say_what_they_count(text: str, counts: str, kept: bool) -> None:
    figure = Figure(text, None, None, counts, 0)
    analysis = build_analysis([(None, ["A sentence with a figure in it for the test."])],
                              figures=[figure])
    assert bool(rank_figures(analysis)) == kept


@pytest.mark.parametrize(
    ("text", "value", "unit", "counts", "kept"),
    [
        # a whole number under 10 with no noun of its own is too weak for the box
        ("five", 5.0, None, "family pile onto scooters", False),
        ("three", 3.0, None, "Sim cards recovered by crane", False),
        ("2", 2.0, None, "most important brands", False),
        # with a noun of its own, a share, or 10 and more, it stays
        ("three Sim cards", 3.0, "cards", "Sim cards recovered by crane", True),
        ("nearly half", 0.5, None, "workforce at Longbridge", True),
        ("more than nine in ten", 0.9, None, "working households", True),
        ("16", 16.0, None, "figure went up from", True),
        ("£2", 2.0, "GBP", "fee charged per visit", True),
    ],
)
def test_a_small_bare_number_is_too_weak_for_the_box(text: str, value: float, unit: str | None,
                                                    counts: str, kept: bool) -> None:
    figure = Figure(text, value, unit, counts, 0)
    analysis = build_analysis([(None, ["A sentence with a figure in it for the test."])],
                              figures=[figure])
    assert bool(rank_figures(analysis)) == kept


_LEAD = "Ministers agreed a new budget for the railways on Monday."


@pytest.mark.parametrize(
    ("second", "joined"),
    [
        # the next sentence of the same section and source: one passage
        (("Ministers said the railway budget would reach 40 million.", 3, "Rail", 0), True),
        (("The plan also funds two new stations in the north.", 2, "Rail", 0), True),
        # far from the lead but about the same things
        (("The railway budget for Monday's deal pleased ministers.", 40, "Rail", 0), True),
        # far away and about something else: another story
        (("The football club sold its stadium to a developer.", 40, "Rail", 0), False),
        # another section or another source, however close
        (("Ministers said the railway budget would reach 40 million.", 3, "Sport", 0), False),
        (("Ministers said the railway budget would reach 40 million.", 3, "Rail", 1), False),
    ],
)
def test_two_sentence_bottom_line_is_one_passage(second: tuple, joined: bool) -> None:
    first = KeyPoint(_LEAD, 1.0, 2, "Rail", 0)
    text, index, section, source = second
    other = KeyPoint(text, 0.9, index, section, source)
    expected = (first, other) if joined else (first,)
    assert bottom_line([first, other]) == expected
    assert linked(first, other) is joined


@pytest.mark.parametrize(
    ("locations", "headings"),
    [
        (("/desk0/untitled0.txt", "/desk1/untitled1.txt"), {"untitled0.txt", "untitled1.txt"}),
        ((None, None), {"Source 1", "Source 2"}),
    ],
)
def test_untitled_source_heading_does_not_repeat_its_lead(locations: tuple, headings: set) -> None:
    analysis = build_analysis(
        [(None, [f"The {w} council approved a new budget for the {w} railway on Monday after "
                 f"months of debate in the chamber." for w in ("northern", "southern")]
          + [f"Officials inspected the {w} harbour beside the old {w} market on Friday."
             for w in ("northern", "southern")]),
         (None, ["A storm closed every school in the western valley for three days running.",
                 "Engineers repaired the western valley bridge after the storm had passed."])],
        sources=[None, None],
    )
    infos = tuple(dataclasses.replace(i, location=loc)
                  for i, loc in zip(analysis.sources, locations, strict=True))
    brief = summarise(dataclasses.replace(analysis, sources=infos))
    shown = brief.bottom_line + brief.key_points
    assert {p.section for p in brief.key_points} <= headings | {None}
    for p in shown:
        # no group heading is cut from (or is) a sentence the page shows
        assert not any(p.section and p.section.rstrip("…") in q.text for q in shown)


def test_quotes_box_does_not_repeat_a_leading_point(seed_brief: Brief) -> None:
    """The seed's anniversary sentence is a leading point; its quote would say it twice."""
    b = seed_brief
    leading = {p.sentence_index for p in b.bottom_line + b.key_points[:LEADING_POINTS]}
    assert len(b.quotes) > 3 and any(q.sentence_index in leading for q in b.quotes)
    shown = b.quotes[:3]
    assert not any(q.sentence_index in leading for q in shown)
    assert {q.speaker for q in shown} == {"Rutte"}


@pytest.mark.parametrize("order", [
    ("bbc-business-004", "bbc-business-082", "bbc-business-091"),
    ("bbc-business-082", "bbc-business-004", "bbc-business-091"),
    ("bbc-business-091", "bbc-business-082", "bbc-business-004"),
])
def test_several_sources_bottom_line_speaks_of_the_title(nlp, order) -> None:
    """The page's title is the first source's, so the bottom line comes from it too (three
    unrelated real stories, each first in turn: before, the best point of any source was taken)."""
    from briefgen.analysis import analyse_documents
    from briefgen.ingest.text import split_blocks
    from briefgen.model import Document

    from ..inputs import story

    docs = [Document(story(k).text, split_blocks(story(k).text), title=story(k).title)
            for k in order]
    brief = summarise(analyse_documents(docs))
    assert brief.title == story(order[0]).title
    assert {p.source for p in brief.bottom_line} == {0}
