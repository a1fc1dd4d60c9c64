"""The quote CRF's tagging with its own scorer against python-crfsuite's tagger, in one process.

    .venv/bin/python scripts/bench_crf.py [--n 200] [--warm 100] [--allsides ../shared/datasets/allsides]

Parses the first ``--warm`` + ``--n`` AllSides articles (cleaned as the build does, the build's
pipeline), tags the first ``--warm`` with both (so that both start from what a build has seen,
not from nothing), then times each tagging the next ``--n`` (CPU milliseconds an article, the
token keys or features included), twice in turn: python-crfsuite's tagger fed
``crf.token_features`` (its feature strings) as the tagger did before it had a scorer, and
``crf.Tagger``. Prints the ratio and how many articles got the same labels, and the largest
difference of a marginal.
"""

from __future__ import annotations

import argparse
import sys
import time
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_build  # noqa: E402


class CrfsuiteTagger:
    """python-crfsuite's tagger over ``token_features``: the same labels and marginals."""

    def __init__(self, path: str) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(path)
        self._margins = [m for m in ("B-C", "I-C") if m in self._tagger.labels()]

    def tag_with_margins(self, doc):
        from onrecord.extract.quotes.crf import token_features

        labels = ["O"] * len(doc)
        margins = {m: [0.0] * len(doc) for m in ("B-C", "I-C")}
        tag, marginal = self._tagger.tag, self._tagger.marginal
        for start, end, feats in token_features(doc, skip_quiet=True):
            labels[start:end] = tag(feats)
            for m in self._margins:
                margins[m][start:end] = [marginal(m, k) for k in range(end - start)]
        return labels, margins


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--allsides", type=Path, default=Path("../shared/datasets/allsides"))
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--warm", type=int, default=100)
    args = ap.parse_args()

    from onrecord.clean import clean
    from onrecord.extract.quotes.crf import TAGGER_FILE, Tagger
    from onrecord.ingest.sources import row_to_input
    from onrecord.nlp.pipeline import load, parsed_from

    rows = bench_build.sample(args.allsides, args.warm + args.n)
    raws = [next(row_to_input(Path("bench.jsonl"), i, r)) for i, r in enumerate(rows, start=1)]
    bodies = [d.body for d in (clean(r) for r in raws) if not hasattr(d, "reason")]
    docs = [parsed_from(p, b) for p, b in zip(load().pipe(bodies, batch_size=16), bodies, strict=True)]
    warm, timed = docs[: args.warm], docs[args.warm :]
    path = str(resources.files("onrecord").joinpath(TAGGER_FILE))
    taggers = {"python-crfsuite": CrfsuiteTagger(path), "scorer": Tagger(path)}
    for tagger in taggers.values():
        for doc in warm:
            tagger.tag_with_margins(doc)
    for n in (1, 2):
        spent, got = {}, {}
        for name, tagger in taggers.items():
            start = time.process_time()
            got[name] = [tagger.tag_with_margins(doc) for doc in timed]
            spent[name] = time.process_time() - start
        a, b = got["python-crfsuite"], got["scorer"]
        same = sum(x[0] == y[0] for x, y in zip(a, b, strict=True))
        worst = max((abs(p - q) for x, y in zip(a, b, strict=True) for m in x[1]
                     for p, q in zip(x[1][m], y[1][m], strict=True)), default=0.0)
        ms = {k: 1000 * v / len(timed) for k, v in spent.items()}
        print(f"pass {n}, {len(timed)} articles: python-crfsuite {ms['python-crfsuite']:.2f} ms an article, "
              f"scorer {ms['scorer']:.2f} ms ({spent['scorer'] / spent['python-crfsuite']:.2f}x); "
              f"same labels {same}/{len(timed)}, largest marginal difference {worst:.1e}", flush=True)


if __name__ == "__main__":
    main()
