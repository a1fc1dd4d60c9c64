"""Learn the reporting-cue lexicon for ``onrecord.extract.quote_cues`` from PolNeAR's train split.

For every verb lemma in the parsed train articles, count how often a token with that lemma is
(part of) a gold ``Cue`` span, out of all its occurrences as a verb. The counts are written to
``src/onrecord/data/quotes/cue_lemmas.json``; the extractor keeps lemmas whose cue rate and
count pass its thresholds. Only counts are stored, no text.

    nice .venv/bin/python scripts/train_quotes.py ../shared/datasets/polnear/train
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections import Counter
from pathlib import Path

from onrecord.eval.polnear import articles
from onrecord.nlp.pipeline import load

log = logging.getLogger(__name__)
OUT = Path(__file__).resolve().parents[1] / "src" / "onrecord" / "data" / "quotes" / "cue_lemmas.json"


def cue_offsets(ann: str) -> set[int]:
    """Start offsets of every fragment of every gold Cue span."""
    starts: set[int] = set()
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not line.startswith("T"):
            continue
        label, _, offsets = parts[1].partition(" ")
        if label != "Cue":
            continue
        for piece in offsets.split(";"):
            s, e = (int(x) for x in piece.split())
            starts.update(range(s, e))
    return starts


def count(path: Path, limit: int | None) -> tuple[Counter, Counter]:
    nlp = load()
    data = articles(path, limit)
    total: Counter = Counter()
    as_cue: Counter = Counter()
    docs = nlp.pipe((t for _, t, _ in data), batch_size=16)
    for (_, _, ann), doc in zip(data, docs, strict=True):
        inside = cue_offsets(ann)
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            total[lemma] += 1
            if tok.idx in inside:
                as_cue[lemma] += 1
    return total, as_cue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    began = time.perf_counter()
    total, as_cue = count(args.train, args.limit)
    table = {
        lemma: [as_cue[lemma], n]
        for lemma, n in sorted(total.items())
        if as_cue[lemma] >= args.min_count
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} lemmas written to {OUT.name} in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
