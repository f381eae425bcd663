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


TEXTS = [
    'NATO ministers met in Brussels on Friday. "We are united," Mark Rutte said.\n\nMore followed.',
    "The company said profits rose 40% to £75m ($141m) in the three months to December.",
    "Short one.",
]


def _annotations(doc):
    return [
        (t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc
    ]


def test_prepared_parses_are_the_parses_made_one_by_one(nlp):
    from briefgen.nlp import parse, prepared

    alone = [_annotations(nlp(t)) for t in TEXTS]
    with prepared([*TEXTS, TEXTS[0], "   "]):
        together = [parse(t) for t in TEXTS]
        again = parse(TEXTS[0])  # each prepared parse is taken once: a new one after
    assert [_annotations(d) for d in together] == alone
    assert again is not together[0] and _annotations(again) == alone[0]


def test_prepared_texts_that_fail_are_left_to_their_own_parse(nlp):
    from briefgen.nlp import parse, prepared

    too_long = "word " * (nlp.max_length // 5 + 1)
    with prepared([TEXTS[1], too_long]):
        assert _annotations(parse(TEXTS[1])) == _annotations(nlp(TEXTS[1]))
        with pytest.raises(ValueError):
            parse(too_long)
