"""The learned sentence scorer: a small model over ``features.FEATURE_NAMES`` shipped as JSON.

``keypoints_model.json`` is written by ``benchmarks/train_keypoints.py`` (trained on ROUGE-oracle
labels of the bench's dev stories). Two kinds are understood, both evaluated with numpy alone so
that no learning library is imported at run time:

- ``logistic``: ``(x - mean) / scale`` then ``coef · z + intercept``;
- ``trees``: gradient-boosted regression trees, ``init + rate * Σ tree(x)``.

Both add ``prior_weight / (1 + position in the source)``: a lead prior whose weight the training
script picks by cross-validation (news leads are strong; the model reranks around them), and
subtract ``length_penalty * max(0, log(1 + words) - log(1 + LONG_POINT_WORDS))``: a bullet past
``LONG_POINT_WORDS`` words reads as a paragraph, and a ROUGE-F reference rewards the shorter
of two sentences saying as much (the weight is chosen by cross-validation with the prior's).
"""

from __future__ import annotations

import functools
import json
import logging
import math
from pathlib import Path
from typing import Any

import numpy as np

from .features import FEATURE_NAMES

__all__ = ["LONG_POINT_WORDS", "MODEL_PATH", "load_model", "model_scores"]

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("keypoints_model.json")
#: a sentence longer than this many words pays the model's length penalty
LONG_POINT_WORDS = 30


@functools.lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any] | None:
    """Return the model stored at ``path``; None when it is missing or built for other features."""
    try:
        model = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("no usable key-point model at %s; ranking by centrality and position", path)
        return None
    if tuple(model.get("features", ())) != FEATURE_NAMES:
        log.warning("key-point model at %s was trained on other features; ignoring it", path)
        return None
    return model


def _forest(model: dict[str, Any]) -> tuple[np.ndarray, ...]:
    """Return the trees as five (trees x nodes) arrays, padded with leaves (cached in ``model``)."""
    if "_arrays" not in model:
        trees = model["trees"]
        width = max(len(t["left"]) for t in trees)
        arrays = []
        for key, fill, dtype in (("feature", 0, int), ("threshold", 0.0, float),
                                 ("left", -1, int), ("right", -1, int), ("value", 0.0, float)):
            a = np.full((len(trees), width), fill, dtype=dtype)
            for i, t in enumerate(trees):
                a[i, : len(t[key])] = t[key]
            arrays.append(a)
        a_left = arrays[2]
        arrays[0] = np.where(a_left >= 0, arrays[0], 0)
        model["_arrays"] = tuple(arrays)
    return model["_arrays"]


def _forest_sum(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Return the sum over trees of each row's leaf value, walking all trees and rows at once."""
    feature, threshold, left, right, value = _forest(model)
    trees = np.arange(len(feature))[:, None]
    rows = np.arange(len(x))[None, :]
    node = np.zeros((len(feature), len(x)), dtype=int)
    for _ in range(int(model.get("depth", 8)) + 1):
        lf = left[trees, node]
        inner = lf >= 0
        if not inner.any():
            break
        go_left = x[rows, feature[trees, node]] <= threshold[trees, node]
        node = np.where(inner, np.where(go_left, lf, right[trees, node]), node)
    return value[trees, node].sum(axis=0)


def model_scores(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Return the model's score (a logit: higher = more summary-worthy) for each row of ``x``."""
    prior = float(model.get("prior_weight", 0.0)) * x[:, FEATURE_NAMES.index("pos_inv")]
    log_words = x[:, FEATURE_NAMES.index("log_words")]
    excess = np.maximum(0.0, log_words - math.log(1 + LONG_POINT_WORDS))
    prior = prior - float(model.get("length_penalty", 0.0)) * excess
    if model["kind"] == "logistic":
        z = (x - np.asarray(model["mean"])) / np.asarray(model["scale"])
        return z @ np.asarray(model["coef"]) + float(model["intercept"]) + prior
    if model["kind"] == "trees":
        total = float(model["init"]) + float(model["rate"]) * _forest_sum(model, x)
        return total + prior
    raise ValueError(f"unknown model kind {model['kind']!r}")
