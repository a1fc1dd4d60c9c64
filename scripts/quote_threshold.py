"""The candidate model's keep threshold read on PolNeAR train as the product scores it, with no
learned reader looking at an article it was fitted on:

    PYTHONPATH=src python scripts/quote_threshold.py ../shared/datasets/polnear/train \\
        --cache /tmp/train.spacy --tags /tmp/train-tags.json [--thresholds 0.4 0.45 0.5]

``--tags`` holds the tagger's out-of-fold labels (``scripts/train_quote_tagger.py --oof``); the
candidate model's probabilities come from the same folds as ``scripts/train_quotes_model.py``
cross-validates with (articles by index, 4 folds), the exactness model is the installed one.
Each threshold runs ``extract_quotes`` over the split (actions dropped, split quotes joined) and
prints the export metric and the statement metric (F1 exact / cov@0.3 / cov@0.8 / speaker).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import train_quotes_model as training  # noqa: E402
from measure_quotes import figures  # noqa: E402

import onrecord.extract.quotes.extract as extract  # noqa: E402
from onrecord.eval import polnear, quote_path  # noqa: E402
from onrecord.extract.quotes import tagging as quote_tagging  # noqa: E402
from onrecord.extract.quotes.model import EXACT_FILE, load_model  # noqa: E402


class Fixed:
    """A tagger that gives one article's out-of-fold tagging."""

    accurate = False

    def __init__(self, tagged: quote_tagging.Tagging) -> None:
        self.tagged = tagged

    def taggings(self, doc) -> tuple[quote_tagging.Tagging, None]:
        return self.tagged, None


class OutOfFold:
    """A candidate model that gives one article's out-of-fold probabilities, in candidate order."""

    def __init__(self, probs: list[float], threshold: float) -> None:
        self.probs: Iterator[float] = iter(probs)
        self.threshold = threshold

    def probability(self, features) -> float:
        return next(self.probs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--tags", type=Path, required=True)
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.35, 0.4, 0.45, 0.5, 0.55])
    args = parser.parse_args()
    data = polnear.articles(args.split, None)
    docs, texts, anns = training.parse(args.split, None, args.cache)
    tags = json.loads(args.tags.read_text(encoding="utf-8"))
    exs, _ = training.examples(docs, texts, anns, tags)
    probs = training.cross_validate(exs, argparse.Namespace(folds=4, min_count=3, l2=1e-4, steps=300))
    per: list[list[float]] = [[] for _ in docs]
    for e, p in zip(exs, probs, strict=True):
        per[e.article].append(float(p))
    exact, real = load_model(EXACT_FILE), extract.readers_for
    for threshold in args.thresholds:
        quotes = []
        for k, doc in enumerate(docs):
            readers = extract.Readers(Fixed(quote_tagging.tagging(doc, *tags[k])), OutOfFold(per[k], threshold), exact)
            extract.readers_for = lambda settings, r=readers: r
            quotes.append(extract.extract_quotes(doc))
        extract.readers_for = real
        print(f"threshold {threshold:.2f}  export {figures(quote_path.export_scores(data, quotes))}   "
              f"statements {figures(polnear.fragment_scores(data, quotes))}", flush=True)


if __name__ == "__main__":
    main()
