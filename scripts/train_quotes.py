"""Learn the two tables the quote extractor reads, from PolNeAR's train split.

1. ``cue_lemmas.json``: for every verb lemma in the parsed train articles, how often a token with
   that lemma is (part of) a gold ``Cue`` span, out of all its uses as a verb. ``onrecord.extract.quotes.cues``
   keeps the lemmas whose rate and count pass its thresholds.
2. ``candidate_precision.json``: with that lexicon, every candidate quote of the extractor is
   keyed by ``lemma/how/kind`` (how its content was found, and its kind); the table holds how many
   candidates of each key matched a gold attribution (covering at least 30% of it) out of all.
   ``extract_quotes`` drops the keys whose precision is too low.

Both hold counts only, no text. Parses the split once (about 8 minutes on one core):

    nice .venv/bin/python scripts/train_quotes.py ../shared/datasets/polnear/train
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections import Counter, defaultdict
from pathlib import Path

from spacy.tokens import Doc

from onrecord.eval.polnear import articles, coverage, read_ann
from onrecord.extract import quotes
from onrecord.extract.quotes import cues
from onrecord.nlp.pipeline import load

log = logging.getLogger(__name__)
DATA = Path(__file__).resolve().parents[1] / "src" / "onrecord" / "data" / "quotes"


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


def count_lemmas(parsed: list[tuple[Doc, str]]) -> tuple[Counter, Counter]:
    total: Counter = Counter()
    as_cue: Counter = Counter()
    for doc, ann in parsed:
        inside = cue_offsets(ann)
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            total[lemma] += 1
            if tok.idx in inside:
                as_cue[lemma] += 1
    return total, as_cue


def count_candidates(parsed: list[tuple[Doc, str]]) -> dict[str, list[int]]:
    """Per candidate key: [matched a gold attribution, seen]."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc, ann in parsed:
        gold = read_ann(ann, doc.text)
        for draft in quotes.candidates(doc):
            frags = ((draft.start, draft.end),)
            hit = any(coverage(g.content, frags) >= 0.3 for g in gold)
            table[draft.feature][0] += int(hit)
            table[draft.feature][1] += 1
    return dict(table)


def write(name: str, table: dict) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / name).write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} rows written to {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    began = time.perf_counter()
    data = articles(args.train, args.limit)
    docs = load().pipe((t for _, t, _ in data), batch_size=16)
    parsed = [(doc, ann) for doc, (_, _, ann) in zip(docs, data, strict=True)]
    total, as_cue = count_lemmas(parsed)
    lemmas = {k: [as_cue[k], n] for k, n in sorted(total.items()) if as_cue[k] >= args.min_count}
    write("cue_lemmas.json", lemmas)
    cues.LEARNED = cues.learned_cues_from(lemmas)
    cues.CLAUSE_CUES = cues.learned_cues_from(lemmas, cues.MIN_CLAUSE_RATE)
    cues.CUES = cues.SPEECH | cues.BELIEF | cues.LEARNED
    write("candidate_precision.json", count_candidates(parsed))
    print(f"done in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
