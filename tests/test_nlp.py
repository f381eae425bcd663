"""The spaCy pipeline: only the pipes the analysis uses, the model's own tokenizer rules, no CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.nlp import EXCLUDED_PIPES

ROOT = Path(__file__).resolve().parent.parent


def test_pipeline_has_the_pipes_the_analysis_uses(nlp):
    assert nlp.pipe_names == ["tok2vec", "tagger", "briefgen_paragraphs", "parser", "ner"]
    assert not set(EXCLUDED_PIPES) & set(nlp.pipe_names + nlp.disabled)


def test_tokenizer_rules_are_the_models_saved_ones(nlp):
    """The tokenizer comes from spaCy's defaults, not the model folder: they must be the same."""
    from spacy.tokenizer import Tokenizer

    saved = Tokenizer(nlp.vocab).from_disk(Path(nlp.path) / "tokenizer")
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == saved.to_bytes(exclude=["vocab"])


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Mr. Rubio didn't say it.", ["Mr.", "Rubio", "did", "n't", "say", "it", "."]),
        ("US$20bn (€18.5bn) in April", ["US$", "20bn", "(", "€", "18.5bn", ")", "in", "April"]),
        ("e-mail desk@example.org now", ["e", "-", "mail", "desk@example.org", "now"]),
    ],
)
def test_tokens(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens


def test_loading_skips_the_spacy_cli_which_still_imports_later():
    code = (
        "import sys\n"
        "from briefgen.nlp import load_nlp\n"
        "load_nlp()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'typer', 'weasel', 'httpx'}"
        " or m.startswith('spacy.cli'))\n"
        "print(heavy)\n"
        "import spacy, spacy.cli\n"
        "assert callable(spacy.cli.info) and isinstance(spacy.info(), dict)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
