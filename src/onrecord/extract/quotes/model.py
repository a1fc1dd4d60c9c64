"""The learned candidate model: a logistic regression over a candidate quote's features.

``scripts/train_quotes_model.py`` fits it on PolNeAR's train split and writes
``data/quotes/candidate_model.json`` (feature weights, bias, threshold; no text). The extractor
generates a broad set of candidates (every verb with a subject and a complement, besides the known
cues) and keeps those the model scores at or above the threshold.
"""

from __future__ import annotations

import functools
import json
import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from itertools import repeat

log = logging.getLogger(__name__)

MODEL_FILE = "data/quotes/candidate_model.json"
EXACT_FILE = "data/quotes/exact_model.json"  # which reading of a quote has the right edges
# the same two models trained on the accurate (transformer) tagger's output
MINILM_FILE = "data/quotes/minilm/candidate_model.json"
MINILM_EXACT_FILE = "data/quotes/minilm/exact_model.json"


@dataclass(frozen=True, slots=True)
class QuoteModel:
    """Feature weights of a logistic regression and the probability a candidate needs."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(map(self.weights.get, features, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, features: Iterable[str]) -> bool:
        return self.probability(features) >= self.threshold

    def to_json(self) -> dict:
        weights = {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}
        return {"bias": round(self.bias, 4), "threshold": self.threshold, "weights": weights}


def from_json(raw: dict) -> QuoteModel:
    return QuoteModel(dict(raw["weights"]), float(raw["bias"]), float(raw["threshold"]))


@functools.lru_cache(maxsize=4)
def load_model(name: str = MODEL_FILE) -> QuoteModel | None:
    """An installed model (read once per process): the candidate model by default, or
    ``EXACT_FILE``; None when it is not installed (``Settings(models=False)`` switches the models
    off for comparisons)."""
    try:
        raw = resources.files("onrecord").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        log.info("no learned candidate model; the rules' precision filter is used")
        return None
    return from_json(json.loads(raw))
