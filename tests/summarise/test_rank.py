"""Tests of key-point ranking: best first, by section, readable on their own, no repeats."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from briefgen.errors import AnalysisError, BriefgenError
from briefgen.model import Quote
from briefgen.summarise import SUMMARISERS, default_points, rank_key_points
from briefgen.summarise.features import SentenceTable
from briefgen.summarise.rank import pick_key_points
from briefgen.summarise.text import drop_picture_asides, resolve_opening, standalone_problem

from .conftest import STORY, build_analysis

METHODS = sorted(SUMMARISERS)


@pytest.fixture(scope="module")
def story(analyse_text):
    return analyse_text(STORY)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("n", [1, 3, 5])
def test_n_points_best_first(story, method: str, n: int) -> None:
    points = rank_key_points(story, n, method=method)
    assert len(points) == n
    scores = [p.score for p in points]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("method", METHODS)
def test_points_read_on_their_own_and_never_repeat(story, method: str) -> None:
    points = rank_key_points(story, 20, method=method)
    assert points
    assert all(standalone_problem(p.text) is None for p in points)
    assert not any(p.text.startswith("He said") for p in points)
    assert len({p.sentence_index for p in points}) == len(points)
    # the story repeats its lead sentence almost word for word: only one of the two is kept
    budget = [p for p in points if "budget of 40 million dollars" in p.text]
    assert len(budget) == 1


def test_points_keep_provenance(story) -> None:
    by_index = {s.index: s for s in story.sentences}
    for p in rank_key_points(story, 6):
        sent = by_index[p.sentence_index]
        assert sent.start <= p.start < p.end <= sent.end
        # the bullet is the sentence, or a trimmed tail of it, with an opening He/She named
        # and picture cues such as "(pictured)" cut out
        source_text, _ = resolve_opening(sent.text, sent.referent)
        assert p.text.lower() in drop_picture_asides(source_text).lower()
        assert p.section is None  # a story without headings is one section


def test_default_count_is_sensible(story) -> None:
    points = rank_key_points(story)
    assert len(points) == default_points(len(story.sentences))
    assert 3 <= default_points(5) <= default_points(60) <= 8


_WORDS = ("harbour railway school hospital factory airport forest bridge museum prison stadium "
          "library tunnel market bakery canal garden quarry tower castle chapel mill orchard "
          "vineyard").split()


def _sentences(topic: str, count: int, first: int = 0) -> list[str]:
    """Return ``count`` sentences about ``topic`` that share no content word but the topic."""
    return [f"Officials inspected the {topic} {_WORDS[2 * i]} beside the {_WORDS[2 * i + 1]} "
            f"after {i + 2} months." for i in range(first, first + count)]


def test_sections_share_points_by_weight() -> None:
    analysis = build_analysis([("Defence", _sentences("defence", 9)),
                               ("Trade", _sentences("trade", 3, 9))])
    points = rank_key_points(analysis, 4)
    sections = [p.section for p in points]
    assert set(sections) == {"Defence", "Trade"}
    assert sections.count("Defence") > sections.count("Trade")


def test_several_sources_are_sections_named_by_title() -> None:
    analysis = build_analysis(
        [(None, _sentences("energy", 4)), (None, _sentences("farming", 4, 6))],
        sources=["Energy outlook", "Farm survey"],
    )
    points = rank_key_points(analysis, 4)
    assert {p.section for p in points} == {"Energy outlook", "Farm survey"}
    assert {p.source for p in points} == {0, 1}


def test_fewer_points_when_few_sentences_stand_alone() -> None:
    analysis = build_analysis([(None, [
        "The committee published its annual report on Monday morning.",
        "He said the findings were worrying for the whole sector.",
        "They said more work was needed before the summer.",
    ])])
    points = rank_key_points(analysis, 3)
    assert [p.sentence_index for p in points] == [0]


@pytest.mark.parametrize("method", ["", "textrank", "DEFAULT"])
def test_unknown_method_lists_the_valid_ones(story, method: str) -> None:
    with pytest.raises(BriefgenError) as info:
        rank_key_points(story, 3, method=method)
    assert all(name in str(info.value) for name in ("default", "lead", "lexrank"))


def test_zero_and_negative_counts(story) -> None:
    assert rank_key_points(story, 0) == ()
    with pytest.raises(AnalysisError):
        rank_key_points(story, -1)


def test_registry_has_the_documented_methods() -> None:
    assert {"default", "lead", "lexrank"} <= set(SUMMARISERS)


def test_lead_method_follows_document_order(story) -> None:
    points = rank_key_points(story, 3, method="lead")
    assert [p.sentence_index for p in points] == sorted(p.sentence_index for p in points)
    assert points[0].sentence_index == 0


def test_seed_points(seed_analysis) -> None:
    points = rank_key_points(seed_analysis, 5)
    assert len(points) == 5
    assert points[0].sentence_index == 0  # the seed's lead carries the story
    assert all(standalone_problem(p.text) is None for p in points)


_FEATURES_SCRIPT = """
import json, sys
sys.path.insert(0, {root!r})
from tests.summarise.conftest import STORY, build_analysis
from briefgen.summarise.features import sentence_features
analysis = build_analysis([(None, STORY.split("\\n\\n"))], title="Council backs transport budget")
print(json.dumps(sentence_features(analysis).round(12).tolist()))
"""


def test_features_do_not_depend_on_hash_order() -> None:
    """The shipped model must see the same features in every process (PYTHONHASHSEED varies)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[2])
    script = _FEATURES_SCRIPT.format(root=root)
    outputs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def _document(paragraphs: list[tuple[str, str | None]], title: str | None = None):
    """Return a Document whose blocks are headings ("# Text") and paragraphs under them."""
    from briefgen.model import Block, Document

    text, blocks, section = "", [], None
    for kind, body in paragraphs:
        start = len(text) + (2 if text else 0)
        text = f"{text}\n\n{body}" if text else body
        if kind == "heading":
            section = body
            blocks.append(Block("heading", body, start, len(text), body, 1))
        else:
            blocks.append(Block("paragraph", body, start, len(text), section))
    return Document(text=text, blocks=tuple(blocks), title=title)


def test_headings_and_sources_from_the_analysis_stage(nlp) -> None:
    from briefgen.analysis import analyse_documents

    report = _document([
        ("heading", "Defence spending"),
        ("paragraph", "Allies agreed to raise defence budgets to two percent of their output. "
                      "Several eastern members already spend far more than that figure."),
        ("heading", "Support for Ukraine"),
        ("paragraph", "Ministers pledged twenty billion euros of military aid this quarter. "
                      "The aid includes air defence systems and artillery ammunition."),
    ], title="Ministers meet")
    one = analyse_documents([report])
    points = rank_key_points(one, 4)
    assert {p.section for p in points} == {"Defence spending", "Support for Ukraine"}
    two = analyse_documents([report, _document(
        [("paragraph", "The summit in The Hague will take place in June next year. "
                       "Leaders are expected to agree a new spending target there.")],
        title="Summit preview")])
    assert {p.section for p in rank_key_points(two, 4)} == {"Ministers meet", "Summit preview"}


def test_picture_cues_leave_the_point_but_not_its_span() -> None:
    analysis = build_analysis([(None, [
        "The mayor (pictured) opened the new harbour railway line on Monday morning.",
        "The line cost the city four million pounds over the last three years.",
    ])])
    first = analysis.sentences[0]
    point = rank_key_points(analysis, 1, method="lead")[0]
    assert point.text == "The mayor opened the new harbour railway line on Monday morning."
    assert (point.start, point.end) == (first.start, first.end)


@pytest.mark.parametrize(
    ("stories", "n", "picked"),
    [
        # one chapter of stories, scored best first in text order: its points go round the
        # stories (the one with the best sentence first) instead of all coming from the first
        ((4, 4, 4), 3, (1, 1, 1)),
        ((4, 4, 4), 5, (2, 2, 1)),
        ((4, 4, 4), 7, (3, 2, 2)),
        ((2, 6, 4), 3, (1, 1, 1)),
        ((2, 6, 4), 2, (1, 1, 0)),
        ((6, 2, 2), 5, (2, 2, 1)),
        ((1, 1, 6), 6, (1, 1, 4)),
        # a chapter without stories under it: its best sentences
        ((6,), 3, (3,)),
    ],
)
def test_a_chapters_points_go_round_its_stories(stories: tuple, n: int, picked: tuple) -> None:
    sections, first = [], 0
    for k, size in enumerate(stories):
        sections.append((f"Story {k}", _sentences(f"topic{k}", size, first)))
        first += size
    analysis = build_analysis(sections)
    table = SentenceTable(analysis)
    # the ranker favours the start of a source
    scores = 1.0 / (1.0 + np.arange(len(analysis.sentences)))
    groups = {s.index: "SPORT" for s in analysis.sentences}
    points = pick_key_points(table, scores, n, groups)
    assert {p.section for p in points} == {"SPORT"}
    counts = [sum(analysis.sentences[p.sentence_index].section == f"Story {k}" for p in points)
              for k in range(len(stories))]
    assert tuple(counts) == picked
    assert points[0].sentence_index == 0
    # within a story, its best sentences first
    for k in range(len(stories)):
        rows = [p.sentence_index for p in points
                if analysis.sentences[p.sentence_index].section == f"Story {k}"]
        assert rows == sorted(rows)


SAID_AGAIN = "The bakery in the old mill made a profit in its very first year of trading."


@pytest.mark.parametrize(
    ("sentences", "kept"),
    [
        # a caption that repeats a sentence and goes on (no full stop between): one of the two
        ([SAID_AGAIN, "Rents in the village rose by a fifth over the same two years.",
          SAID_AGAIN[:-1] + " The owners now plan a second shop in the market town nearby and "
          "a café beside it as well"], 2),
        # a longer sentence holding it whole: one of the two, however unlike the rest is
        ([SAID_AGAIN, "Rents in the village rose by a fifth over the same two years.",
          SAID_AGAIN[:-1] + ", and its owners now plan a second shop in the market town nearby, "
          "a café beside it and a delivery van for the farms around the valley."], 2),
        # a labelled caption holding the sentence whole
        ([SAID_AGAIN, "Rents in the village rose by a fifth over the same two years.",
          "Success story: " + SAID_AGAIN], 2),
        # the same words in another order are another sentence
        ([SAID_AGAIN, "Rents in the village rose by a fifth over the same two years.",
          "In its very first year of trading, the bakery in the old mill made a profit of "
          "twelve thousand pounds on sales of bread to cafés."], 3),
    ],
)
def test_no_point_holds_another(sentences: list[str], kept: int) -> None:
    analysis = build_analysis([(None, sentences)])
    table = SentenceTable(analysis)
    points = pick_key_points(table, np.array([1.0, 0.5, 0.9]), 3)
    assert len(points) == kept
    keys = [" ".join(p.text.lower().rstrip(".").split()) for p in points]
    assert not any(a != b and a in b for a in keys for b in keys)


@pytest.mark.parametrize(
    ("paragraphs", "kept"),
    [
        # a caption glued into a paragraph stops without a full stop: not a point
        ((0, 0, 0), [0, 2]),
        # at its end too, when the paragraph has other sentences
        ((0, 0, 1), [0, 2]),
        # alone in its paragraph a sentence may lack one (a list item, a pasted line)
        ((0, 1, 2), [0, 1, 2]),
    ],
)
def test_a_caption_inside_a_paragraph_is_not_a_point(paragraphs: tuple, kept: list) -> None:
    analysis = build_analysis([(None, [
        "The bakery in the old mill made a profit in its very first year.",
        "Jane Roe stands at the door of the mill with two of her bakers in the spring",
        "Rents in the village rose by a fifth over the same two years.",
    ])])
    sents = tuple(dataclasses.replace(s, paragraph=p)
                  for s, p in zip(analysis.sentences, paragraphs, strict=True))
    analysis = dataclasses.replace(analysis, sentences=sents)
    points = rank_key_points(analysis, 3, method="lead")
    assert sorted(p.sentence_index for p in points) == kept


def test_two_sentences_in_one_keep_the_first() -> None:
    first = "Nearly £12m of the donations came from gifts worth more than £1m."
    analysis = build_analysis([(None, [
        first + " The rules have already been changed so the public can see who gives.",
        "The commission wants a cap on gifts to parties of ten thousand pounds a year.",
    ])])
    sent = analysis.sentences[0]
    point = rank_key_points(analysis, 1, method="lead")[0]
    assert point.text == first
    assert (point.start, point.end) == (sent.start, sent.start + len(first))


def test_a_list_items_number_leaves_the_point() -> None:
    analysis = build_analysis([(None, [
        "Twizzlers are one of the boxer's go-to favourite snacks 2.",
        "Ramen noodle soup is one of his favourite meals in the world 3.",
        "The boxer averages over a thousand sit-ups a day during camp 4.",
    ])])
    points = rank_key_points(analysis, 3, method="lead")
    assert [p.text for p in points] == [
        "Twizzlers are one of the boxer's go-to favourite snacks.",
        "Ramen noodle soup is one of his favourite meals in the world.",
        "The boxer averages over a thousand sit-ups a day during camp.",
    ]
    for p, s in zip(points, analysis.sentences, strict=True):
        assert (p.start, p.end) == (s.start, s.start + len(p.text) - 1)  # the number went


@pytest.mark.parametrize(
    ("second", "kept"),
    [
        # the same clause after another opening is the point said twice
        ("The new creams promise to stop infra-red damage and others say they protect the "
         "skin from the inside.", 2),
        ("Dermatologists say the creams protect the skin from the sun only when applied often.",
         3),
    ],
)
def test_near_repeats_are_one_point(second: str, kept: int) -> None:
    analysis = build_analysis([(None, [
        "Meanwhile others say they protect the skin from the inside.",
        "Suncreams now claim to stop the damage from infra-red rays as well.",
        second,
    ])])
    table = SentenceTable(analysis)
    points = pick_key_points(table, np.array([1.0, 0.5, 0.9]), 3)
    assert len(points) == kept


def test_a_quotes_inner_sentences_are_no_points() -> None:
    said = "The manager said: 'I have the whole squad available and they are fresh."
    inner = "The formation will be the same as always against the champions."
    last = "It is an honour to face them,' he told reporters before the match."
    fact = "The club sits third in the table with six games of the season left."
    reported = "The captain said the squad had trained well all week at the ground."
    analysis = build_analysis([(None, [said, inner, reported, last, fact])])
    s = analysis.sentences
    # a quote's span that (wrongly) runs over a sentence reporting speech of its own
    quote = Quote("I have the whole squad ... It is an honour to face them,", "The manager", 0,
                  start=s[0].start + said.index("I have"), end=s[3].start + last.index("'"))
    analysis = dataclasses.replace(analysis, quotes=(quote,))
    rows = {p.sentence_index for p in rank_key_points(analysis, 5, method="lead")}
    assert 1 not in rows  # the speaker's words with no speaker in the sentence
    assert {2, 4} <= rows
