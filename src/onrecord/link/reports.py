"""Undated reports of a dated happening, so that every outlet covering it is one of its sources.

An article often reports a happening without a date in the sentence ("officials welcomed Mr Kim
upon his arrival in an armoured train at Khasan"): the event extractor, which needs a time
expression, gives no event there, and the timeline would miss that outlet. A sentence without a
time expression of its own, in a document of the same story published on the day of a happening
(reported by at least two event sentences) or up to ``REPORT_DAYS`` after, reports it when it shares
an actor and at least ``MIN_CORE`` of its core words (lower-case words found in two of its event
sentences or more). Each sentence reports at most one happening (the one it shares most words with).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from onrecord.ids import doc_of
from onrecord.link.common import Entities, day_number
from onrecord.link.same import Item
from onrecord.link.text import STOPWORDS
from onrecord.models import Analysis

REPORT_DAYS = 2
MIN_CORE = 3
MIN_ITEMS = 2
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
LOWER = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
GENERIC = frozenset("today tonight yesterday tomorrow morning afternoon evening night earlier later".split())


def root(word: str) -> str:
    """A light stem that also folds verb endings: arrival/arrived/arrive → ``arriv``."""
    for suffix in ("ing", "ed", "al", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def lower_roots(text: str) -> frozenset[str]:
    """Roots of the lower-case content words of ``text`` (names are matched as actors instead)."""
    return frozenset(root(w) for w in LOWER.findall(text) if w not in STOPWORDS and w not in GENERIC and len(w) > 2)


@dataclass(frozen=True, slots=True)
class Sentence:
    doc: str
    start: int
    words: frozenset[str]
    actors: frozenset[str]


def _sentences(a: Analysis, entities: Entities) -> list[Sentence]:
    """The document's sentences that hold no time expression and no event."""
    dated = [(t.start, t.end) for t in a.times] + [(e.start, e.end) for e in a.events]
    mentions = [(m.start, actor.key) for actor in a.actors for m in actor.mentions]
    out = []
    for m in SENTENCE.finditer(a.document.body):
        s, e = m.span()
        if any(s <= x < e or x <= s < y for x, y in dated):
            continue
        actors = frozenset(entities.of_all(a.document.id, (k for pos, k in mentions if s <= pos < e)))
        words = lower_roots(m.group(0))
        if actors and len(words) >= MIN_CORE:
            out.append(Sentence(a.document.id, s, words, actors))
    return out


def core(items: Sequence[Item], texts: Mapping[str, str]) -> frozenset[str]:
    """Lower-case roots found in at least two of the items' sentences."""
    counts: Counter[str] = Counter()
    for item in items:
        counts.update(lower_roots(texts[item.id]))
    return frozenset(w for w, n in counts.items() if n >= 2)


def attach_reports(
    groups: Sequence[tuple[str, list[Item]]],
    analyses: Sequence[Analysis],
    entities: Entities,
    story_of: Mapping[str, str],
    texts: Mapping[str, str],
) -> dict[int, list[str]]:
    """For each group index, the documents that report it only in undated sentences."""
    docs = {a.document.id: a for a in analyses}
    by_story: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        by_story[story_of.get(doc, doc)].append(doc)
    wanted: dict[str, list[int]] = defaultdict(list)  # document → candidate groups
    signature: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    for gi, (date, items) in enumerate(groups):
        day = day_number(date) if len(date) == 10 else None
        if day is None or len(items) < MIN_ITEMS:
            continue
        present = {doc_of(i.id) for i in items}
        stories = {story_of.get(d, d) for d in present}
        for doc in (d for s in stories for d in by_story[s] if d not in present):
            published = day_number(docs[doc].document.published)
            if published is not None and 0 <= published - day <= REPORT_DAYS:
                wanted[doc].append(gi)
        if any(gi in v for v in wanted.values()):
            signature[gi] = (core(items, texts), frozenset().union(*(i.actors for i in items)))
    found: dict[int, list[str]] = defaultdict(list)
    for doc, candidates in wanted.items():
        for gi in _reported(_sentences(docs[doc], entities), candidates, signature):
            found[gi].append(doc)
    return dict(found)


def _reported(sentences: list[Sentence], candidates: list[int], signature) -> set[int]:
    out = set()
    for s in sentences:
        scored = [(len(s.words & signature[gi][0]), -gi) for gi in candidates
                  if s.actors & signature[gi][1]]
        best = max(scored, default=(0, 0))
        if best[0] >= MIN_CORE:
            out.add(-best[1])
    return out
