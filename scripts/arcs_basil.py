"""Which BASIL events the arcs relate: a check that related stories are related, not merely alike.

Usage: python scripts/arcs_basil.py ../shared/datasets/basil

BASIL's 50 events (three outlets each) are taken as the stories, so only ``onrecord.link.arcs``
is measured. Actors are light (capitalised word sequences that do not open a sentence, function
words left out; no spaCy), all typed PERSON. Prints the number of related pairs and each pair's
score, dates, headlines and shared entities, for a reader to judge.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from onrecord.eval import basil
from onrecord.link.arcs import related_stories
from onrecord.link.common import Entities
from onrecord.link.records import Story
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


def main(path: Path) -> None:
    docs = basil.load_documents(path)
    analyses = [light(d) for d in docs]
    gold = json.loads((path / "stories.json").read_text(encoding="utf-8"))
    members: dict[str, list[str]] = {}
    for d in docs:
        members.setdefault(gold.get(d.id, d.id), []).append(d.id)
    stories = [Story(k, k, tuple(v)) for k, v in members.items()]
    head = {d.id: (d.published, (d.title or "")[:70]) for d in docs}
    t0 = time.perf_counter()
    pairs = related_stories(stories, analyses, Entities(analyses, None))
    print(f"{len(stories)} stories, {len(pairs)} related pairs, {time.perf_counter() - t0:.2f} s")
    for p in pairs:
        (da, ta), (db, tb) = head[members[p.a][0]], head[members[p.b][0]]
        print(f"{p.score:.2f} | {da} {ta} || {db} {tb} | {', '.join(p.shared[:4])}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
