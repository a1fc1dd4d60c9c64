"""Added cost of the relation extractor: seconds for nlp.pipe on N AllSides articles, for the other
extractors, and for extract_relations, on the same parsed Docs.

    PYTHONPATH=src python scripts/bench_relations.py ../shared/datasets/allsides/articles.jsonl.gz 100
"""

from __future__ import annotations

import gzip
import json
import sys
import time

from onrecord.extract.actors import extract_actors
from onrecord.extract.quotes import extract_quotes
from onrecord.extract.relations import extract_relations
from onrecord.extract.times import extract_times
from onrecord.nlp.pipeline import load


def allsides_texts(path: str, n: int) -> list[str]:
    """The first ``n`` non-empty article texts of an AllSides JSONL.gz file."""
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get("text") or row.get("body") or row.get("content") or ""
            if text:
                texts.append(text)
            if len(texts) >= n:
                break
    return texts


def main(path: str, n: int) -> None:
    texts = allsides_texts(path, n)
    nlp = load()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    pipe = time.perf_counter() - t0
    other = rel = 0.0
    count = 0
    for doc in docs:
        t1 = time.perf_counter()
        actors = extract_actors(doc)
        quotes = extract_quotes(doc, actors)
        times = extract_times(doc.text, None, (), doc=doc)
        t2 = time.perf_counter()
        count += len(extract_relations(doc, actors, times, quotes, None))
        rel += time.perf_counter() - t2
        other += t2 - t1
    print(f"{len(docs)} articles: nlp.pipe {pipe:.2f}s, actors+quotes+times {other:.2f}s, "
          f"relations {rel:.2f}s ({100 * rel / pipe:.1f}% of the pipe), {count} relations")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100)
