"""Fixtures shared by the whole suite: the spaCy model (loaded once) and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "nato-foreign-ministers-2025-04-04.txt"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline briefgen uses, loaded once per test session."""
    from briefgen.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """Path of the seed article."""
    return SEED


@pytest.fixture(scope="session")
def seed_analysis(nlp):
    """The Analysis of the seed article, computed once."""
    from briefgen.analysis import analyse_documents
    from briefgen.ingest import read_source

    return analyse_documents([read_source(SEED)])


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """Return a stable id for long bytes parameters.

    Generated PDFs carry timestamps and random document ids, so an id built from their bytes
    differs between pytest-xdist workers and ``pytest -n 2`` refuses to run.
    """
    if isinstance(val, bytes) and len(val) > 40:
        return argname  # pytest numbers duplicates in order: stable
    return None
