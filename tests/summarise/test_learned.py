"""Tests of the learned scorer's evaluation: the lead prior, the length penalty, model loading."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from briefgen.summarise.features import FEATURE_NAMES
from briefgen.summarise.learned import LONG_POINT_WORDS, MODEL_PATH, load_model, model_scores

POS_INV = FEATURE_NAMES.index("pos_inv")
LOG_WORDS = FEATURE_NAMES.index("log_words")


def _flat_model(**extra: float) -> dict:
    """Return a logistic model that scores every sentence 0 before the prior and penalty."""
    n = len(FEATURE_NAMES)
    return {"kind": "logistic", "features": list(FEATURE_NAMES), "mean": [0.0] * n,
            "scale": [1.0] * n, "coef": [0.0] * n, "intercept": 0.0, **extra}


def _rows(*pairs: tuple[int, int]) -> np.ndarray:
    """Return feature rows with the given (position, words) and zeros elsewhere."""
    x = np.zeros((len(pairs), len(FEATURE_NAMES)))
    for row, (pos, words) in enumerate(pairs):
        x[row, POS_INV] = 1.0 / (1 + pos)
        x[row, LOG_WORDS] = math.log(1 + words)
    return x


@pytest.mark.parametrize(
    ("prior", "penalty", "pos", "words", "expected"),
    [
        (0.0, 0.0, 0, 80, 0.0),
        (4.0, 0.0, 0, 10, 4.0),
        (4.0, 0.0, 3, 10, 1.0),
        (0.0, 2.0, 0, 10, 0.0),  # short sentences pay nothing
        (0.0, 2.0, 0, LONG_POINT_WORDS, 0.0),
        (0.0, 2.0, 0, 2 * LONG_POINT_WORDS + 1, -2.0 * math.log(2)),
        (6.0, 3.0, 1, 4 * LONG_POINT_WORDS + 3, 3.0 - 3.0 * math.log(4)),
    ],
)
def test_prior_and_length_penalty(prior: float, penalty: float, pos: int, words: int,
                                  expected: float) -> None:
    model = _flat_model(prior_weight=prior, length_penalty=penalty)
    assert model_scores(model, _rows((pos, words)))[0] == pytest.approx(expected)


def test_length_penalty_only_reorders_long_sentences() -> None:
    x = _rows((0, 12), (1, 25), (2, 70), (3, 28))
    plain = model_scores(_flat_model(prior_weight=5.0), x)
    penalised = model_scores(_flat_model(prior_weight=5.0, length_penalty=3.0), x)
    assert np.array_equal(plain[[0, 1, 3]], penalised[[0, 1, 3]])
    assert penalised[2] < penalised[3] < plain[2]


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown model kind"):
        model_scores({"kind": "forest"}, _rows((0, 10)))


def test_models_for_other_features_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(_flat_model() | {"features": ["pos_inv"]}), encoding="utf-8")
    assert load_model(path) is None
    assert load_model(tmp_path / "missing.json") is None


def test_shipped_model_loads_with_its_weights() -> None:
    model = load_model(MODEL_PATH)
    assert model is not None and model["kind"] in ("logistic", "trees")
    assert model["prior_weight"] >= 0 and model["length_penalty"] >= 0
