"""Related stories: a developing story told across months as one arc, without merging stories.

Stories are kept apart by their 7-day window (:mod:`onrecord.link.stories`); an arc joins the ones
that follow the same actors on the same subject, months apart ("North Korea offers Russia
volunteers", 2022 → "Kim Jong-un arrives in Russia", 2023 → "Putin admits talks on deploying North
Korean troops", 2024). Each story gets a profile: its :data:`ARC_ACTORS` central entities (the
people, organisations and places mentioned in most of its articles, then most often). Candidates
are the stories sharing central entities, found through an inverted index (an entity central to
over :data:`MAX_POSTING` stories is too common to block on); nothing compares all pairs. Only the
candidates get a TF-IDF vector of their headlines, standfirsts and leads (IDF over them). Two stories are related when they share at least
:data:`MIN_SHARED` central entities, one of them a person or an organisation, their vectors have
cosine at least :data:`MIN_COSINE`, and at most :data:`MAX_GAP_DAYS` separate them. Each story keeps
its :data:`MAX_RELATED` best-scored relations (score: the shared entities' weight in both stories,
plus the cosine). Relations are pairwise, never chained into one cluster, so a common actor cannot
join every story of a corpus into one arc.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.link.common import Entities, day_number
from onrecord.link.records import Story, StoryLink
from onrecord.link.text import content_words, cosine, idf, tfidf
from onrecord.models import Analysis

log = logging.getLogger(__name__)

ARC_ACTORS = 8
MIN_SHARED = 3
MIN_COSINE = 0.15
MAX_GAP_DAYS = 3 * 365
MAX_POSTING = 200
MAX_RELATED = 5
LEAD_WORDS = 250
AGENT_TYPES = frozenset({"PERSON", "ORG"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Profile:
    """What a story is about: central entities with their weight (share of its articles), their
    types, and its first and last day."""

    story: str
    central: dict[str, float]
    types: dict[str, str]
    first: int | None
    last: int | None


def related_stories(stories: Sequence[Story], analyses: Sequence[Analysis],
                    entities: Entities) -> tuple[StoryLink, ...]:
    """Pairs of related stories (each pair once, ``a`` < ``b``), best first per story."""
    by_doc = {a.document.id: a for a in analyses}
    members = [[by_doc[d] for d in s.docs if d in by_doc] for s in stories]
    profiles = profile_stories(stories, members, entities)
    pairs = [(i, j) for i, j in candidate_pairs(profiles) if _may_relate(profiles[i], profiles[j])]
    vectors = story_vectors(members, {i for pair in pairs for i in pair})
    scored: dict[tuple[int, int], StoryLink] = {}
    for i, j in pairs:
        found = relate(profiles[i], profiles[j], vectors[i], vectors[j])
        if found is not None:
            scored[(i, j)] = found
    kept = _best_per_story(scored)
    log.info("arcs: %d related pairs among %d stories (%d candidates)", len(kept), len(stories), len(pairs))
    return tuple(sorted(kept, key=lambda s: (s.a, -s.score, s.b)))


def profile_stories(stories: Sequence[Story], members: Sequence[Sequence[Analysis]],
                    entities: Entities) -> list[Profile]:
    """Each story's central entities, their types and its first and last day."""
    out = []
    for story, docs in zip(stories, members, strict=True):
        central, types = _central(docs, entities)
        days = [d for a in docs if (d := day_number(a.document.published)) is not None]
        out.append(Profile(story.id, central, types, min(days, default=None), max(days, default=None)))
    return out


def story_vectors(members: Sequence[Sequence[Analysis]], wanted: set[int]) -> dict[int, dict[str, float]]:
    """TF-IDF vectors of the ``wanted`` stories (the candidates; IDF over them), by index."""
    bags = {i: [w for a in members[i] for w in _terms(a)] for i in sorted(wanted)}
    weights = idf(bags.values())
    return {i: tfidf(bag, weights) for i, bag in bags.items()}


def _terms(a: Analysis) -> list[str]:
    d = a.document
    lead = " ".join(d.body.split()[:LEAD_WORDS])
    return content_words(d.title or "") * 2 + content_words(d.standfirst or "") + content_words(lead)


def _central(docs: Sequence[Analysis], entities: Entities) -> tuple[dict[str, float], dict[str, str]]:
    """The story's central entities (share of its articles that mention them) and their types."""
    df: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for a in docs:
        seen = set()
        for actor in a.actors:
            ent = entities.of(a.document.id, actor.key)
            if ent and actor.type in AGENT_TYPES | PLACE_TYPES:
                seen.add(ent)
                mentions[ent] += len(actor.mentions)
                kinds[ent][actor.type] += 1
        df.update(seen)
    top = sorted(df, key=lambda e: (-df[e], -mentions[e], e))[:ARC_ACTORS]
    n = max(len(docs), 1)
    return {e: df[e] / n for e in top}, {e: kinds[e].most_common(1)[0][0] for e in top}


def candidate_pairs(profiles: Sequence[Profile]) -> set[tuple[int, int]]:
    """Pairs of stories sharing at least :data:`MIN_SHARED` central entities, from postings."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for e in p.central:
            postings[e].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for plist in postings.values():
        if len(plist) > MAX_POSTING:
            continue
        for x, i in enumerate(plist):
            for j in plist[x + 1:]:
                shared[(i, j)] += 1
    return {pair for pair, n in shared.items() if n >= MIN_SHARED}


def _shared(a: Profile, b: Profile) -> list[str]:
    return sorted(set(a.central) & set(b.central), key=lambda e: (-(a.central[e] + b.central[e]), e))


def _may_relate(a: Profile, b: Profile) -> bool:
    """The rule's tests that need no words: shared entities, one an agent, the time apart."""
    shared = _shared(a, b)
    return (len(shared) >= MIN_SHARED and any(a.types.get(e) in AGENT_TYPES for e in shared)
            and _gap(a, b) <= MAX_GAP_DAYS)


def relate(a: Profile, b: Profile, va: dict[str, float], vb: dict[str, float]) -> StoryLink | None:
    """The relation of two stories (``va``, ``vb``: their term vectors), or None when they are not
    related (see the module's rule)."""
    if not _may_relate(a, b):
        return None
    similarity = cosine(va, vb)
    if similarity < MIN_COSINE:
        return None
    shared = _shared(a, b)
    weight = sum(min(a.central[e], b.central[e]) for e in shared)
    first, second = sorted((a.story, b.story))
    return StoryLink(first, second, round(weight + similarity, 4), tuple(shared))


def _gap(a: Profile, b: Profile) -> int:
    """Days between the two stories' spans (0 when they overlap or one is undated)."""
    if None in (a.first, a.last, b.first, b.last):
        return 0
    return max(0, max(a.first, b.first) - min(a.last, b.last))  # type: ignore[type-var, operator]


def _best_per_story(scored: dict[tuple[int, int], StoryLink]) -> list[StoryLink]:
    """Keep a pair when it is among the :data:`MAX_RELATED` best of either of its stories."""
    per: dict[str, list[StoryLink]] = defaultdict(list)
    for link in scored.values():
        per[link.a].append(link)
        per[link.b].append(link)
    keep: set[tuple[str, str]] = set()
    for links in per.values():
        links.sort(key=lambda s: (-s.score, s.a, s.b))
        keep.update((s.a, s.b) for s in links[:MAX_RELATED])
    return [s for s in scored.values() if (s.a, s.b) in keep]
