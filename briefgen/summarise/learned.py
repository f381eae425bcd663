"""The learned sentence scorer: a small model over ``features.FEATURE_NAMES`` shipped as JSON.

``keypoints_model.json`` is written by ``benchmarks/train_keypoints.py`` (trained on ROUGE-oracle
labels of the bench's dev stories). Two kinds are understood, both evaluated with numpy alone so
that no learning library is imported at run time:

- ``logistic``: ``(x - mean) / scale`` then ``coef · z + intercept``;
- ``trees``: gradient-boosted regression trees, ``init + rate * Σ tree(x)``.

Both add ``prior_weight / (1 + position in the source)``: a lead prior whose weight the training
script picks by cross-validation (news leads are strong; the model reranks around them).
"""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path
from typing import Any

import numpy as np

from .features import FEATURE_NAMES

__all__ = ["MODEL_PATH", "load_model", "model_scores"]

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("keypoints_model.json")


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


def _tree_values(tree: dict[str, list[Any]], x: np.ndarray) -> np.ndarray:
    feature = tree["feature"]
    threshold = tree["threshold"]
    left, right, value = tree["left"], tree["right"], tree["value"]
    out = np.empty(len(x))
    for i, row in enumerate(x):
        node = 0
        while left[node] >= 0:
            node = left[node] if row[feature[node]] <= threshold[node] else right[node]
        out[i] = value[node]
    return out


def model_scores(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Return the model's score (a logit: higher = more summary-worthy) for each row of ``x``."""
    prior = float(model.get("prior_weight", 0.0)) * x[:, FEATURE_NAMES.index("pos_inv")]
    if model["kind"] == "logistic":
        z = (x - np.asarray(model["mean"])) / np.asarray(model["scale"])
        return z @ np.asarray(model["coef"]) + float(model["intercept"]) + prior
    if model["kind"] == "trees":
        total = np.full(len(x), float(model["init"]))
        for tree in model["trees"]:
            total += float(model["rate"]) * _tree_values(tree, x)
        return total + prior
    raise ValueError(f"unknown model kind {model['kind']!r}")
