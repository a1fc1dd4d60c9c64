"""The relations read on the first N AllSides articles, one a line, for reading by eye (among the
first 150 rows are two tuning articles of the relations gold and no held ones):

    PYTHONPATH=src python scripts/relations_sample.py ../shared/datasets/allsides/articles.jsonl.gz 150
"""

from __future__ import annotations

import sys

from bench_relations import allsides_texts  # scripts/ is on the path when run as a script

from onrecord.extract.actors import extract_actors
from onrecord.extract.quotes import extract_quotes
from onrecord.extract.relations import extract_relations
from onrecord.extract.times import extract_times
from onrecord.nlp.pipeline import load


def main(path: str, n: int) -> None:
    texts = allsides_texts(path, n)
    for i, doc in enumerate(load().pipe(texts)):
        actors = extract_actors(doc)
        names = {a.key: a.name for a in actors}
        times = extract_times(doc.text, None, (), doc=doc)
        for r in extract_relations(doc, actors, times, extract_quotes(doc, actors), None):
            print(f"{i}:{r.start} {r.type}/{r.mode or '-'} {names.get(r.source_key)} -> {names.get(r.target_key)} "
                  f"{r.status} «{r.cue}» | {r.text[:200]}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 150)
