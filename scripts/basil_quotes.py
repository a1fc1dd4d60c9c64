"""Score the quotes of a few BASIL triplets against the hand-made gold in
src/onrecord/data/basil_quote_gold.jsonl, through the product path (build, then the export records).

    PYTHONPATH=src .venv/bin/python scripts/basil_quotes.py ../shared/datasets/basil [--list]
        [--triplets 97b1305c ...]

The gold holds one line per quote the build listed when it was written: the article, the quote's
source offset and first words, whether it is a statement (someone's words, writing, position or a
report; not an action or an event) and the speaker the article names for it (null when the
article leaves the speaker unnamed: "a source", "he" with no name), in a part: ``tune`` (the
triplets the speaker rules were written from), ``held`` (judged after), ``held2`` (judged later
still) or ``held3`` (judged last, never tuned on: the held-out check). A gold line for a statement
the build does not list (at that offset) is not counted. It prints, for each part and for the whole gold, for
the quotes the pages list by default (speech and writing) and for all quotes:

- not statements: listed quotes the gold says are no statement, over the listed quotes;
- named speakers resolved: statements whose speaker the article names and the quote's
  ``speaker_name`` gives (the gold name ends the exported name, or the other way round).

Quotes the build lists that the gold does not hold are counted as unjudged (the gold was written
on an earlier build); ``--list`` prints every exported quote with its judgement, to extend it, and
``--triplets`` adds the articles of more triplets (by id prefix) to the build, to judge them.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from onrecord.eval.basil_quotes import (
    LISTED,
    PARTS,
    default_gold,
    exported,
    load_gold,
    part_of,
    score,
)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("basil", type=Path)
    ap.add_argument("--gold", type=Path, default=default_gold())
    ap.add_argument("--list", action="store_true", help="print every exported quote with its judgement")
    ap.add_argument("--triplets", nargs="*", default=[], help="more triplet ids to build (and list)")
    args = ap.parse_args()
    gold = load_gold(args.gold)
    docs = {doc for doc, _ in gold} | {f"{t}-{o}" for t in args.triplets for o in ("nyt", "fox", "hpo")}
    quotes = exported(args.basil, docs)
    if args.list:
        for q in quotes:
            g = gold.get((q["input_id"], q["source_start"]))
            mark = "?" if g is None else ("S" if g["statement"] else "x") + f" {g['speaker']}"
            mention = (q["speaker_mention"] or {}).get("text")
            print(f"{q['input_id']}\t{q['source_start']}\t{q['act']}\t{mention!r} -> {q['speaker_name']!r}"
                  f"\t{q['text'][:70]!r}\t{mark}")
    parts = [(part, part_of(gold, part)) for part in PARTS] + [("total", gold)]
    for part, judged in parts:
        if not judged:
            continue
        for label, acts in (("listed by default (speech, writing)", LISTED), ("all quotes", None)):
            print(f"{part}, {label}: {json.dumps(score(judged, quotes, acts))}")


if __name__ == "__main__":
    main()
