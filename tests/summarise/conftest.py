"""Builders for the summariser's tests: Analyses made directly (no spaCy) or from built texts."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

import pytest

from briefgen.model import Analysis, Entity, Figure, Quote, Sentence, SourceInfo


def build_analysis(
    sections: Sequence[tuple[str | None, Sequence[str]]],
    *,
    sources: Sequence[str | None] | None = None,
    quotes: Sequence[Quote] = (),
    figures: Sequence[Figure] = (),
    entities: Sequence[Entity] = (),
    title: str | None = None,
) -> Analysis:
    """Return an Analysis whose sentences are ``sections``' sentences, one paragraph each.

    With ``sources`` (titles), section ``i`` is source ``i`` (no headings) instead of a heading.
    """
    sents = []
    offset = 0
    for k, (heading, texts) in enumerate(sections):
        for text in texts:
            source = k if sources else 0
            section = None if sources else heading
            sents.append(Sentence(len(sents), text, offset, offset + len(text), len(sents),
                                  section, source))
            offset += len(text) + 2
    infos = tuple(SourceInfo(i, t) for i, t in enumerate(sources or [title]))
    return Analysis(title=title, date=None, source=None, sentences=tuple(sents),
                    quotes=tuple(quotes), figures=tuple(figures), entities=tuple(entities),
                    sources=infos)


@pytest.fixture(scope="session")
def analyse_text(nlp) -> Callable[..., Analysis]:
    """Return a function analysing a built text with briefgen's analysis stage."""
    from briefgen.analysis import analyse_documents
    from briefgen.ingest.text import read_text

    def run(text: str, title: str | None = None) -> Analysis:
        doc = dataclasses.replace(read_text(text.encode("utf-8"), "<test>"), title=title)
        return analyse_documents([doc])

    return run


STORY = "\n\n".join([
    'The city council approved a new budget of 40 million dollars for public '
    'transport on Monday, ending months of debate.',
    'Mayor Anna Lindqvist said the plan would add twelve bus lines and extend night '
    'services across the northern districts.',
    'He said the changes would start in March.',
    'The opposition Green Party criticised the budget, arguing that cycling lanes '
    'received too little money.',
    '"We have fought for safer streets for years and this budget ignores them '
    'completely," said Green Party leader Tom Becker.',
    'Transport officials expect ridership to rise by 15 percent within two years of '
    'the expansion.',
    'The budget also includes funds for replacing ageing trams on the eastern line, '
    'which has suffered frequent breakdowns.',
    'Residents of the northern districts welcomed the extra night buses at a public '
    'meeting on Tuesday.',
    'The council approved a new budget of 40 million dollars for public transport on '
    'Monday, ending months of debate.',
    'Critics warned that fares might rise next year if ticket revenue falls short of '
    'the forecasts.',
    '"Public transport must serve every district, not only the city centre," '
    'Lindqvist told reporters after the vote.',
    'The plan will be reviewed by the regional authority before the next council '
    'meeting in June.',
])
