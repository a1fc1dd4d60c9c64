"""Group articles into stories: blocking by time and key terms, then TF-IDF similarity.

Each document is a TF-IDF vector over the content words of its headline (counted twice), standfirst
and lead, plus the names of its actors. Candidate pairs lie within ``window_days`` of each other and
share at least ``MIN_SHARED`` of each other's top terms or of each other's central actors (the
actors it mentions most), found with inverted indexes, never all pairs. Edges
above ``threshold`` are merged best-first (single link) when the two clusters' summed vectors are
also similar (``centroid_threshold``, against chaining) and an undated document does not bridge two
clusters. A new document thus joins the story it is closest to; two stories already in the ledger
are never merged, so story ids stay stable.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from onrecord.labels import shorten
from onrecord.link.common import Entities, UnionFind, day_number
from onrecord.link.records import Story
from onrecord.link.text import content_words, cosine, idf, tfidf
from onrecord.models import Analysis

log = logging.getLogger(__name__)

LEAD_WORDS = 250
TITLE_CHARS = 120  # an untitled story is named by its first line, cut between words
TOP_TERMS = 12
MIN_SHARED = 2
MAX_POSTING = 2000
UNDATED_POSTING = 50  # undated documents are compared only with a term's first few documents
WINDOW_DAYS = 7
THRESHOLD = 0.15
CENTROID_THRESHOLD = 0.15
TOP_ACTORS = 5
CENTRAL_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "NATIONALITY"})


@dataclass(frozen=True, slots=True)
class StoryParams:
    window_days: int = WINDOW_DAYS
    threshold: float = THRESHOLD
    centroid_threshold: float = CENTROID_THRESHOLD


DEFAULT_PARAMS = StoryParams()


def _terms(a: Analysis, entities: Entities) -> list[str]:
    d = a.document
    lead = " ".join(d.body.split()[:LEAD_WORDS])
    terms = content_words(d.title or "") * 2 + content_words(d.standfirst or "") + content_words(lead)
    for actor in a.actors:
        ent = entities.of(d.id, actor.key)
        if ent and len(actor.mentions) > 1:
            terms.append("@" + ent)
    return terms


def central_actors(a: Analysis, entities: Entities, n: int = TOP_ACTORS) -> list[str]:
    """The ``n`` actors a document mentions most (people, organisations, places), as entities."""
    counts: dict[str, int] = defaultdict(int)
    for actor in a.actors:
        ent = entities.of(a.document.id, actor.key)
        if ent and actor.type in CENTRAL_TYPES:
            counts[ent] += len(actor.mentions)
    return sorted(counts, key=lambda e: (-counts[e], e))[:n]


CandidateFinder = Callable[[Sequence[Sequence[str]], Sequence[int | None], int], set[tuple[int, int]]]
"""Finds :func:`candidates` elsewhere (e.g. on Spark, ``onrecord.spark.link``): the same pairs."""


def candidates(tops: Sequence[Sequence[str]], days: Sequence[int | None], window: int) -> set[tuple[int, int]]:
    """Pairs of documents within ``window`` days sharing at least ``MIN_SHARED`` of ``tops``."""
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, terms in enumerate(tops):
        for t in terms:
            postings[t].append(posting_entry(i, days[i]))
    shared: Counter[tuple[int, int]] = Counter()
    for plist in postings.values():
        shared.update(posting_pairs(sorted(plist), days, window))
    return {pair for pair, n in shared.items() if n >= MIN_SHARED}


def posting_entry(i: int, day: int | None) -> tuple[int, int]:
    """Document ``i`` in a posting list, sorted by day (undated ones first)."""
    return (day if day is not None else -1, i)


def posting_pairs(plist: list[tuple[int, int]], days: Sequence[int | None] | Mapping[int, int | None],
                  window: int) -> Iterator[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, that one sorted posting list gives: each of its documents with
    those near it (:func:`_near`); a pair counts once per term the two share."""
    for _, i in plist:
        for j in _near(plist, days[i], window):
            if j > i:
                yield i, j


def _near(plist: list[tuple[int, int]], day: int | None, window: int) -> list[int]:
    """Documents of a posting list within ``window`` days of ``day`` (undated ones always)."""
    if day is None:
        return [j for _, j in plist[:UNDATED_POSTING]]
    undated = min(bisect.bisect_right(plist, (-1, 1 << 62)), UNDATED_POSTING)
    lo = bisect.bisect_left(plist, (day - window, -1))
    hi = bisect.bisect_right(plist, (day + window, 1 << 62))
    return [j for _, j in plist[:undated] + plist[lo:hi][:MAX_POSTING]]


def vectors(analyses: Sequence[Analysis], entities: Entities) -> list[dict[str, float]]:
    """TF-IDF vectors of the documents (IDF over this batch)."""
    bags = [_terms(a, entities) for a in analyses]
    weights = idf(bags)
    return [tfidf(b, weights) for b in bags]


def group_stories(
    analyses: Sequence[Analysis],
    entities: Entities,
    previous: Sequence[Story] = (),
    params: StoryParams = DEFAULT_PARAMS,
    find: CandidateFinder = candidates,
) -> tuple[Story, ...]:
    """Stories over ``analyses``; documents already in a ``previous`` story stay in it; ``find``
    gives the candidate pairs (:func:`candidates`, or the same found on Spark)."""
    ids = [a.document.id for a in analyses]
    vecs = vectors(analyses, entities)
    days = [day_number(a.document.published) for a in analyses]
    tops = [sorted(v, key=v.get, reverse=True)[:TOP_TERMS] for v in vecs]
    pairs = find(tops, days, params.window_days)
    # Documents that share their central actors are compared too, whatever their wording: two long
    # reports of one summit can have few top terms in common in a small batch.
    pairs |= find([central_actors(a, entities) for a in analyses], days, params.window_days)
    edges = sorted(((cosine(vecs[i], vecs[j]), i, j) for i, j in pairs), reverse=True)
    uf, owner = _seed(previous)
    centroids = Centroids(uf, dict(zip(ids, vecs, strict=True)))
    for sim, i, j in edges:
        if sim < params.threshold:
            break
        ri, rj = uf.find(ids[i]), uf.find(ids[j])
        if ri == rj or (ri in owner and rj in owner):
            continue
        if _bridges(i, ri, days, centroids) or _bridges(j, rj, days, centroids):
            continue
        if centroids.similarity(ri, rj) < params.centroid_threshold:
            continue
        story = owner.pop(ri, None) or owner.pop(rj, None)
        root = centroids.merge(ri, rj)
        if story:
            owner[root] = story
    log.info("stories: %d documents, %d candidate edges", len(ids), len(edges))
    return _stories(analyses, vecs, uf, owner, previous)


def _bridges(i: int, root: str, days: list[int | None], centroids: Centroids) -> bool:
    """An undated document joins one story and stops: it may not bridge two stories (it would
    otherwise tie stories of different years together)."""
    return days[i] is None and centroids.size.get(root, 1) > 1


class Centroids:
    """Summed TF-IDF vectors of the current clusters, so that a merge also needs the two clusters'
    centroids to be similar (this stops single-link chaining through a long series of pairs)."""

    def __init__(self, uf: UnionFind, vecs: Mapping[str, dict[str, float]]) -> None:
        self.uf = uf
        self.sums: dict[str, dict[str, float]] = {}
        self.norm2: dict[str, float] = {}
        self.size: dict[str, int] = {}
        for doc, vec in vecs.items():
            root = uf.find(doc)
            self._add(root, vec)
            self.size[root] = self.size.get(root, 0) + 1

    def _add(self, root: str, vec: Mapping[str, float]) -> None:
        total = self.sums.setdefault(root, {})
        n2 = self.norm2.get(root, 0.0)
        for t, v in vec.items():
            old = total.get(t, 0.0)
            total[t] = old + v
            n2 += (old + v) ** 2 - old * old
        self.norm2[root] = n2

    def similarity(self, a: str, b: str) -> float:
        sa, sb = self.sums.get(a, {}), self.sums.get(b, {})
        if not sa or not sb:
            return 1.0  # a previous story whose documents are not here: no evidence against
        if len(sa) > len(sb):
            sa, sb = sb, sa
        dot = sum(v * sb.get(t, 0.0) for t, v in sa.items())
        return dot / math.sqrt(self.norm2[a] * self.norm2[b])

    def merge(self, a: str, b: str) -> str:
        """Union two clusters; the smaller sum is added into the larger one."""
        parts = [(self.sums.pop(r, {}), self.norm2.pop(r, 0.0)) for r in (a, b)]
        (big, n2), (small, _) = sorted(parts, key=lambda p: -len(p[0]))
        size = self.size.pop(a, 1) + self.size.pop(b, 1)
        root = self.uf.union(a, b)
        self.sums[root], self.norm2[root], self.size[root] = big, n2, size
        self._add(root, small)
        return root


def _seed(previous: Sequence[Story]) -> tuple[UnionFind, dict[str, str]]:
    uf, owner = UnionFind(), {}
    for story in previous:
        for doc in story.docs:
            uf.union(story.docs[0], doc)
        if story.docs:
            owner[uf.find(story.docs[0])] = story.id
    return uf, owner


def _stories(analyses, vecs, uf: UnionFind, owner: Mapping[str, str], previous) -> tuple[Story, ...]:
    index = {a.document.id: i for i, a in enumerate(analyses)}
    known = {s.id: s for s in previous}
    groups = uf.groups(list(index) + [d for s in previous for d in s.docs])
    out = []
    for root, members in groups.items():
        members = list(dict.fromkeys(members))
        present = [m for m in members if m in index]
        old = known.get(owner.get(root, ""))
        title = _title([analyses[index[m]] for m in present], [vecs[index[m]] for m in present])
        story_id = old.id if old else "story-" + hashlib.sha1(min(members).encode()).hexdigest()[:12]
        out.append(Story(story_id, title or (old.title if old else ""), _ordered(members, analyses, index)))
    return tuple(sorted(out, key=lambda s: s.id))


def _ordered(members, analyses, index) -> tuple[str, ...]:
    def key(m: str) -> tuple[str, str]:
        a = analyses[index[m]] if m in index else None
        return ((a.document.published or "9999") if a else "0000", m)

    return tuple(sorted(members, key=key))


def _title(docs: list[Analysis], vecs: list[dict[str, float]]) -> str:
    """The headline of the most central document (closest to the story's summed vector)."""
    if not docs:
        return ""
    centroid: dict[str, float] = {}
    for v in vecs:
        for t, x in v.items():
            centroid[t] = centroid.get(t, 0.0) + x
    scores = [cosine(v, centroid) for v in vecs]
    ranked = sorted(range(len(docs)), key=lambda i: (-scores[i], docs[i].document.id))
    for i in ranked:
        if docs[i].document.title:
            return docs[i].document.title
    return shorten(docs[ranked[0]].document.body.split("\n")[0], TITLE_CHARS)
