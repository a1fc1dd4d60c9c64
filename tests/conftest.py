"""Shared fixtures: the datasets beside the repo (skipped with a reason when absent), the model."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATASETS = SHARED / "datasets"
SEEDS = SHARED / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def datasets() -> Path:
    if not DATASETS.is_dir():
        pytest.skip(f"needs the evaluation datasets at {DATASETS} (present in CI, not in a user's clone)")
    return DATASETS


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"needs the seed articles at {SEEDS} (present in CI, not in a user's clone)")
    return SEEDS


@pytest.fixture(scope="session")
def nlp():
    from onrecord.nlp.pipeline import load

    return load()


@pytest.fixture()
def blank_nlp():
    from onrecord.nlp.pipeline import blank

    return blank()
