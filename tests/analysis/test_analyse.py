"""The analysis stage end to end: the seed article, several documents, bad input."""

from __future__ import annotations

import pytest

from briefgen.analysis import analyse_documents
from briefgen.errors import AnalysisError
from briefgen.model import Document


def test_seed_quotes_are_rutte_with_his_role(seed_analysis):
    quotes = seed_analysis.quotes
    assert len(quotes) == 7
    assert {q.speaker for q in quotes} == {"Rutte"}  # the seed never gives his first name
    assert all(q.role in {"NATO Secretary General", "Secretary General"} for q in quotes)
    texts = [q.text for q in quotes]
    assert "This poses risks to us all." in texts
    assert any(t.startswith("The security of the Indo-Pacific") and t.endswith("war machine,")
               for t in texts)


def test_seed_quote_offsets_index_the_document(seed_analysis, seed_path):
    from briefgen.ingest import read_source

    text = read_source(seed_path).text
    for quote in seed_analysis.quotes:
        assert text[quote.start:quote.end] == quote.text


def test_seed_figure_keeps_its_qualifier(seed_analysis):
    figure = next(f for f in seed_analysis.figures if "20 billion" in f.text)
    assert figure.text == "more than 20 billion euros"
    assert (figure.qualifier, figure.value, figure.unit) == ("more than", 2e10, "EUR")
    assert "military assistance" in figure.counts and "Allies" in figure.counts


def test_seed_entities(seed_analysis):
    by_name = {e.name: e for e in seed_analysis.entities}
    assert "Allies" not in by_name
    assert by_name["Marco Rubio"].role == "US Secretary of State"
    assert by_name["Rutte"].kind == "person"
    assert not any(e.name.startswith("Mark") for e in seed_analysis.entities)


def test_seed_upcoming_summit(seed_analysis):
    assert any(e.upcoming and "NATO Summit" in e.text and "The Hague" in e.text
               for e in seed_analysis.events)


def test_several_documents_share_global_sentence_indices(analyse):
    first = "Mark Rutte met ministers. “We are ready to help Ukraine,” he said."
    second = "Prices rose 4% in March.\n\nThe bank kept rates at 5%."
    analysis = analyse(first, second)
    assert [s.index for s in analysis.sentences] == list(range(len(analysis.sentences)))
    assert {s.source for s in analysis.sentences} == {0, 1}
    (quote,) = analysis.quotes
    assert quote.source == 0 and first[quote.start:quote.end] == quote.text
    figures = [f for f in analysis.figures if f.source == 1]
    assert [second[f.start:f.end] for f in figures] == ["4%", "5%"]
    sentence_of = {s.index: s for s in analysis.sentences}
    assert all(sentence_of[f.sentence_index].source == 1 for f in figures)


def test_paragraph_breaks_start_sentences(analyse):
    analysis = analyse("A heading without a stop\n\nThe first sentence of the body.")
    assert [s.text for s in analysis.sentences] == [
        "A heading without a stop", "The first sentence of the body."
    ]


@pytest.mark.parametrize("docs", [[], [Document(text="   \n\n  ")]])
def test_nothing_to_analyse_is_an_analysis_error(nlp, docs):
    with pytest.raises(AnalysisError):
        analyse_documents(docs)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # the parser cuts after "the film"; the words before the title belong to the sentence
        ("Jennifer Lopez cancelled an appearance at the premiere of her new movie. The actress "
         "and singer dropped out at the last minute and has now cancelled all European promotion "
         "of the film Shall We Dance? and her new album. Co-star Richard Gere attended the event.",
         ["Jennifer Lopez cancelled an appearance at the premiere of her new movie.",
          "The actress and singer dropped out at the last minute and has now cancelled all "
          "European promotion of the film Shall We Dance? and her new album.",
          "Co-star Richard Gere attended the event."]),
        # a paragraph that stops without a full stop stays its own sentence
        ("Results of the vote\n\nThe council approved the budget.",
         ["Results of the vote", "The council approved the budget."]),
    ],
)
def test_cut_inside_a_sentence_is_mended(analyse, text, sentences):
    assert [s.text for s in analyse(text).sentences] == sentences
