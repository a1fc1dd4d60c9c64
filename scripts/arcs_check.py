"""Which stories the arcs relate: a check that related stories are related, not merely alike.

Usage: python scripts/arcs_check.py ../shared/datasets/basil
       python scripts/arcs_check.py ../shared/datasets/allsides/articles.jsonl.gz 5000 [--sample 20]

On BASIL, its 50 events (three outlets each) are taken as the stories, so only
``onrecord.link.arcs`` is measured. On AllSides, the first N articles are grouped into stories by
``onrecord.link.stories`` first (load: how many pairs, how long; a sample of pairs to read).
Actors are light (capitalised word sequences that do not open a sentence, function words left out;
no spaCy), all typed PERSON. Prints the number of related pairs and each (sampled) pair's score,
dates, headlines and shared entities, for a reader to judge.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
import time
from pathlib import Path

from onrecord.eval import basil
from onrecord.link.arcs import related_stories
from onrecord.link.common import Entities
from onrecord.link.records import Story
from onrecord.link.stories import group_stories
from onrecord.link.text import STOPWORDS
from onrecord.models import Actor, Analysis, Document, Mention

NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
FUNCTION = frozenset("he she we it in the they i".split())


def light(doc: Document) -> Analysis:
    found: dict[str, list[Mention]] = {}
    for m in NAME.finditer(doc.body):
        word = m.group(0)
        if word.lower() not in STOPWORDS and word.lower() not in FUNCTION:
            found.setdefault(word, []).append(Mention(m.start(), m.end(), word, word))
    return Analysis(doc, actors=tuple(Actor(k, k, "PERSON", (k,), tuple(v)) for k, v in found.items()))


def basil_stories(path: Path) -> tuple[list[Analysis], list[Story]]:
    docs = basil.load_documents(path)
    gold = json.loads((path / "stories.json").read_text(encoding="utf-8"))
    members: dict[str, list[str]] = {}
    for d in docs:
        members.setdefault(gold.get(d.id, d.id), []).append(d.id)
    return [light(d) for d in docs], [Story(k, k, tuple(v)) for k, v in members.items()]


def allsides_stories(path: Path, n: int) -> tuple[list[Analysis], list[Story]]:
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs.append(Document(id=str(row["id"]), source=str(path), input_id=str(row["id"]),
                                 title=row.get("title"), standfirst=None, outlet=row.get("outlet"),
                                 authors=(), published=row.get("published"), language="en",
                                 body=row.get("text") or "", source_text=row.get("text") or ""))
            if len(docs) >= n:
                break
    analyses = [light(d) for d in docs]
    return analyses, list(group_stories(analyses, Entities(analyses, None)))


def main(path: Path, n: int | None, sample: int) -> None:
    analyses, stories = allsides_stories(path, n) if n else basil_stories(path)
    head = {a.document.id: (a.document.published, (a.document.title or "")[:70]) for a in analyses}
    first = {s.id: s.docs[0] for s in stories}
    t0 = time.perf_counter()
    pairs = related_stories(stories, analyses, Entities(analyses, None))
    print(f"{len(stories)} stories, {len(pairs)} related pairs, {time.perf_counter() - t0:.2f} s")
    shown = random.Random(0).sample(list(pairs), min(sample, len(pairs))) if n else pairs
    for p in shown:
        (da, ta), (db, tb) = head[first[p.a]], head[first[p.b]]
        print(f"{p.score:.2f} | {da} {ta} || {db} {tb} | {', '.join(p.shared[:4])}")


if __name__ == "__main__":
    args = sys.argv[1:]
    size = int(args[1]) if len(args) > 1 and args[1].isdigit() else None
    count = int(args[args.index("--sample") + 1]) if "--sample" in args else 20
    main(Path(args[0]), size, count)
