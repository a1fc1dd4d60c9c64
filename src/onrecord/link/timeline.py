"""The timeline: dated events merged across outlets, ranked by salience.

Each group of matching events (see :func:`onrecord.link.same.same_events`) becomes one entry.
Salience = independent sources (duplicate copies count once; a source published before the date,
i.e. a forecast, counts half) + the mean centrality of the event's actors (the share of documents
that mention the actor, relative to the most mentioned one, in [0, 1]). The summary is the
sentence of the group that overlaps most with the others (the earliest source on ties).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from onrecord.link.common import Entities, doc_of
from onrecord.link.dedup import Sources
from onrecord.link.records import Link, TimelineEntry
from onrecord.link.same import Item
from onrecord.link.text import overlap
from onrecord.models import Analysis, Event

log = logging.getLogger(__name__)

FORECAST_WEIGHT = 0.5
SAME_DAY_WEIGHT = 0.5
SEASONS = ("SP", "SU", "FA", "WI")
SUMMARY_CHARS = 400
SUMMARY_SAMPLE = 50


def granularity(value: str) -> str:
    """Granularity of a TimeML value: minute, week, quarter, season, day, month, year, decade, century."""
    if "T" in value:
        return "minute"
    if "W" in value:
        return "week"
    if "-Q" in value or "-H" in value:
        return "quarter"
    if value[5:] in SEASONS:
        return "season"
    return {2: "century", 3: "decade", 4: "year", 7: "month"}.get(len(value), "day")


def centrality(analyses: Sequence[Analysis], entities: Entities) -> dict[str, float]:
    """Share of documents mentioning each entity, relative to the most mentioned one."""
    df: Counter[str] = Counter()
    for a in analyses:
        df.update(entities.of_all(a.document.id, (actor.key for actor in a.actors)))
    top = max(df.values(), default=1)
    return {e: n / top for e, n in df.items()}


def build_timeline(
    analyses: Sequence[Analysis],
    entities: Entities,
    sources: Sources,
    groups: Sequence[tuple[str, list[Item]]],
) -> list[TimelineEntry]:
    """Timeline entries, most salient first (then by date)."""
    docs = {a.document.id: a for a in analyses}
    central = centrality(analyses, entities)
    entries = []
    for date, items in groups:
        salience = _sources_weight(date, items, docs) + _actor_weight(items, central)
        entries.append(
            TimelineEntry(
                date=date,
                granularity=granularity(date),
                salience=round(salience, 4),
                summary=_summary(items, docs),
                events=tuple(i.id for i in items),
                sources=tuple(dict.fromkeys(doc_of(i.id) for i in items)),
            )
        )
    entries.sort(key=lambda e: (-e.salience, e.date))
    log.info("timeline: %d entries from %d event groups", len(entries), len(groups))
    return entries


def _sources_weight(date: str, items: list[Item], docs) -> float:
    best: dict[str, float] = {}
    for item in items:
        published = docs[doc_of(item.id)].document.published
        forecast = published is not None and published[: min(len(date), 10)] < date[:10]
        weight = FORECAST_WEIGHT if forecast else 1.0
        best[item.source] = max(best.get(item.source, 0.0), weight)
    return sum(best.values())


def _actor_weight(items: list[Item], central: dict[str, float]) -> float:
    actors = set().union(*(i.actors for i in items))
    if not actors:
        return 0.0
    return sum(central.get(a, 0.0) for a in actors) / len(actors)


def _event(item: Item, docs) -> Event:
    doc, _, tail = item.id.rpartition("/e")
    return docs[doc].events[int(tail)]


def _summary(items: list[Item], docs) -> str:
    """The sentence overlapping most with the others (compared with at most 50 of them)."""
    sample = items[:SUMMARY_SAMPLE]

    def score(pos: int) -> tuple[float, int]:
        item = items[pos]
        return (sum(overlap(set(item.words), set(o.words)) for o in sample if o is not item), -pos)

    best = items[max(range(len(items)), key=score)]
    return " ".join(_event(best, docs).text.split())[:SUMMARY_CHARS]


def rank_dates(
    timeline: Sequence[TimelineEntry],
    published: Mapping[str, str | None],
    links: Sequence[Link] = (),
) -> list[tuple[str, float]]:
    """Day-precise dates of a timeline by DATEWISE-style salience, most salient first.

    A date scores one per independent document referring to it after the fact (published later),
    half for a document published that day, nothing for a forecast. Copies joined by a
    ``duplicate`` link count once; a document counts once per date whatever its mentions.
    """
    copy_of = {item: link.first for link in links if link.kind == "duplicate" for item in link.items}
    sources: dict[str, dict[str, float]] = defaultdict(dict)
    for entry in timeline:
        if entry.granularity != "day":
            continue
        for doc in entry.sources:
            pub = (published.get(doc) or "")[:10]
            weight = 1.0 if pub > entry.date else SAME_DAY_WEIGHT if pub == entry.date else 0.0
            key = copy_of.get(doc, doc)
            sources[entry.date][key] = max(sources[entry.date].get(key, 0.0), weight)
    scores = {date: sum(w.values()) for date, w in sources.items()}
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
