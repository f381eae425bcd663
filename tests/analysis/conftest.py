"""Fixtures for the analysis tests: analyse a text with the session's spaCy model."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefgen.model import Analysis, Document


@pytest.fixture(scope="session")
def analyse(nlp) -> Callable[..., Analysis]:
    """Return a function analysing one or several texts (the model is loaded once by ``nlp``)."""
    from briefgen.analysis import analyse_documents
    from briefgen.ingest.text import split_blocks

    def run(*texts: str) -> Analysis:
        return analyse_documents([Document(text=t, blocks=split_blocks(t)) for t in texts])

    return run
