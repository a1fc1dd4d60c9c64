"""The CRF tagger's own scorer against python-crfsuite's tagger on the same model: the same
labels, marginals within 1e-6; on made-up feature sequences, on parsed text and on PolNeAR."""

from __future__ import annotations

import random
from importlib import resources
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest
from spacy.tokens import Doc

from onrecord.extract.quotes import crf as quote_tagger
from onrecord.extract.quotes.crf import TAGGER_FILE, Tagger, stack_features, token_features
from onrecord.extract.quotes.crf_scorer import FeatureRows, Scorer
from onrecord.extract.quotes.tagging import MARGINS
from onrecord.extract.quotes.transformer import LABELS as STACK_LABELS
from onrecord.extract.quotes.transformer import STACKED_FILE

MODELS = [TAGGER_FILE, STACKED_FILE]
EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "corpus"


def _path(model: str) -> str:
    path = resources.files("onrecord").joinpath(model)
    if not path.is_file():
        pytest.skip(f"{model} is not installed")
    return str(path)


def _reference(model: str) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(_path(model))
    return tagger


@pytest.mark.parametrize("model", MODELS)
def test_the_model_file_reads_back_as_crfsuite_sees_it(model: str) -> None:
    scorer, ref = Scorer(_path(model)), _reference(model)
    assert list(scorer.labels) == ref.labels()
    assert scorer.weights.shape == (len(scorer.rows) + 1, len(scorer.labels))
    assert not scorer.weights[0].any() and scorer.rows["no such feature"] == 0
    assert scorer.transitions.any()


@pytest.mark.parametrize("model", MODELS)
def test_scorer_tags_made_up_sequences_as_crfsuite_does(model: str) -> None:
    # 300 sequences of 1 to 80 items, each of the model's features and some it does not know,
    # repeated at times (each occurrence counts), the last batch several sequences at once
    scorer, ref = Scorer(_path(model)), _reference(model)
    rng = random.Random(7)
    names = sorted(scorer.rows)
    seqs = []
    for _ in range(300):
        seq = []
        for _ in range(rng.randint(1, 80)):
            item = rng.sample(names, rng.randint(0, 40)) + [f"unknown={rng.random()}"] * rng.randint(0, 2)
            seq.append(item + item[: rng.randint(0, 2)])
        seqs.append(seq)
    for start in range(0, len(seqs), 25):
        batch = seqs[start : start + 25]
        items = [item for seq in batch for item in seq]
        width = max(map(len, items))
        rows = np.array([[*scorer.rows_of(i), *[0] * (width - len(i))] for i in items], dtype=np.intp)
        best, marginals = scorer.decode(scorer.scores(rows.reshape(len(items), width)), [len(s) for s in batch])
        at = 0
        for seq in batch:
            got = [scorer.labels[i] for i in best[at : at + len(seq)]]
            assert got == ref.tag(seq)
            for j, label in enumerate(scorer.labels):
                want = [ref.marginal(label, k) for k in range(len(seq))]
                assert np.allclose(marginals[at : at + len(seq), j], want, rtol=0, atol=1e-6)
            at += len(seq)


def _crfsuite_reading(ref: pycrfsuite.Tagger, doc: Doc, extra=None) -> tuple[list[str], dict[str, list[float]]]:
    """What the tagger gave with python-crfsuite: its labels and marginals on ``token_features``."""
    labels = ["O"] * len(doc)
    margins = {m: [0.0] * len(doc) for m in MARGINS}
    for start, end, feats in token_features(doc, skip_quiet=True, extra=extra):
        labels[start:end] = ref.tag(feats)
        for m in MARGINS:
            margins[m][start:end] = [ref.marginal(m, k) for k in range(end - start)]
    return labels, margins


def _made_up_reading(doc: Doc) -> list[tuple[str, ...]]:
    """Another tagger's reading of every token, made up, as the stacked CRF's extra features."""
    labels = [STACK_LABELS[(i * 5) % len(STACK_LABELS)] for i in range(len(doc))]
    margins = {m: [((i * 37 + j) % 10) / 10.5 for i in range(len(doc))] for j, m in enumerate(STACK_LABELS[1:])}
    return stack_features(labels, margins)


def _assert_same(docs: list[Doc]) -> None:
    checked = 0
    for model in MODELS:
        ref, ours = _reference(model), Tagger(_path(model))
        for doc in docs:
            extra = _made_up_reading(doc) if model == STACKED_FILE else None
            labels, margins = ours.tag_with_margins(doc, extra)
            want_labels, want_margins = _crfsuite_reading(ref, doc, extra)
            assert labels == want_labels
            for m in MARGINS:
                assert np.allclose(margins[m], want_margins[m], rtol=0, atol=1e-6)
            checked += sum(label != "O" for label in labels)
    assert checked > 0


@pytest.mark.model
def test_tagger_reads_text_as_crfsuite_does(nlp) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [
        'The mayor said that the new bridge would open in the spring. "It is late," she added.',
        "According to the council, the budget will rise. Critics warned it would not.",
        "No one reports anything here.\n\nBut officials told reporters the plan was sound, "
        "and the minister, who spoke on Monday, denied it.",
    ]
    docs = list(nlp.pipe(texts))
    assert sum(len(d) for d in docs) > 300
    _assert_same(docs)


@pytest.mark.model
def test_tagger_reads_polnear_as_crfsuite_does(nlp, datasets) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((datasets / "polnear" / "dev" / "text").glob("*.txt"))[:12]]
    _assert_same(list(nlp.pipe(texts)))


def test_feature_rows_are_made_once_per_key_and_padded() -> None:
    made = []

    def make(key: str) -> tuple[int, ...]:
        made.append(key)
        return tuple(range(1, len(key) + 1))

    table = FeatureRows(3, make, limit=2)
    assert table.of(["ab", "a", "ab"]).tolist() == [[1, 2, 0], [1, 0, 0], [1, 2, 0]]
    assert table.of(["a", "abc"]).tolist() == [[1, 0, 0], [1, 2, 3]]
    assert made == ["ab", "a", "abc"]
    assert table.of(["b"]).tolist() == [[1, 0, 0]]  # over the limit: made again from then on
    with pytest.raises(ValueError):
        table.of(["abcd"])


def test_feature_rows_over_the_limit_make_a_known_key_again_beside_a_new_one() -> None:
    table = FeatureRows(2, lambda key: (len(key),), limit=1)
    assert table.of(["x", "yy"]).tolist() == [[1, 0], [2, 0]]
    # "x" was known, "zzz" is new and the table is over its limit: both made again, none lost
    assert table.of(["x", "zzz", "x"]).tolist() == [[1, 0], [3, 0], [1, 0]]


def test_installed_tagger_is_the_scorer_over_the_shipped_model() -> None:
    tagger = quote_tagger.load_tagger()
    assert tagger is not None and tagger.model_path == _path(TAGGER_FILE)
