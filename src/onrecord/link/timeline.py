"""The timeline: dated events merged across outlets, ranked by salience.

Each group of matching events (see :func:`onrecord.link.same.same_events`) becomes one entry; the
documents of the same story that report the happening only in undated sentences join its sources
(see :mod:`onrecord.link.reports`, listed in ``mentions``). Salience = independent sources (duplicate
copies count once; a source published before the date, i.e. a forecast, counts half) + the mean
centrality of the event's actors (the share of documents that mention the actor, relative to the
most mentioned one, in [0, 1]) + ``DAY_SUPPORT_WEIGHT`` times the day's support (for a day-precise
date, the documents reporting that day in any group, :func:`day_support`) + ``COVERAGE_WEIGHT`` times
the day's coverage (for a day-precise date, the articles of the entry's stories published that day or
the next, :class:`StoryCoverage`), times ``COARSE_WEIGHT`` for a year, decade or century and
``BACKGROUND_WEIGHT`` for a period that ended more than a year before its sources were published
(background: "in 1956", "since 2001"). Sentences of boilerplate (copyright lines) give no event.
The summary is the most informative sentence: a report after the fact rather than a forecast,
holding most of the words and actors the group's sentences share (then the earliest source).

Each entry has a kind (:func:`entry_kind`): ``background`` when every event of it is background
(its period ended more than a year before the article was published), ``expected`` when no source
reports it after the fact (every event a forecast, or its date after the source's publication),
else ``happened``. Background entries weigh ``BACKGROUND_WEIGHT``; the pages keep them off the
story's timeline and mark the expected ones.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from onrecord.dates import event_kind, period, published_day
from onrecord.ids import doc_of, parse_item_id
from onrecord.link.common import Entities, day_number
from onrecord.link.dedup import Sources
from onrecord.link.records import Link, TimelineEntry
from onrecord.link.reports import attach_reports
from onrecord.link.same import Item
from onrecord.models import Analysis, Event, EventKind

log = logging.getLogger(__name__)

FORECAST_WEIGHT = 0.5
SAME_DAY_WEIGHT = 0.5
SEASONS = ("SP", "SU", "FA", "WI")
SUMMARY_CHARS = 400
COARSE_WEIGHT = 0.6
BACKGROUND_WEIGHT = 0.25
DAY_SUPPORT_WEIGHT = 0.5
COVERAGE_WEIGHT = 0.15
COVERAGE_DAYS = 1  # the day itself and the day after


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
    story_of: Mapping[str, str] | None = None,
) -> list[TimelineEntry]:
    """Timeline entries, most salient first (then by date)."""
    docs = {a.document.id: a for a in analyses}
    story_of = story_of or {}
    central = centrality(analyses, entities)
    texts = {i.id: _event(i, docs).text for _, items in groups for i in items}
    reports = attach_reports(groups, analyses, entities, story_of, texts)
    support = day_support(groups, docs)
    covered = StoryCoverage(docs, story_of)
    entries = []
    for gi, (date, items) in enumerate(groups):
        mentions = tuple(reports.get(gi, ()))
        kind = entry_kind(date, items, docs)
        salience = _sources_weight(date, items, docs, mentions, sources) + _actor_weight(items, central)
        cited = tuple(dict.fromkeys([doc_of(i.id) for i in items] + list(mentions)))
        salience += DAY_SUPPORT_WEIGHT * support.get(date, 0.0) + COVERAGE_WEIGHT * covered(date, cited)
        salience *= BACKGROUND_WEIGHT if kind == "background" else _context_weight(date, items, docs)
        entries.append(
            TimelineEntry(
                date=date,
                granularity=granularity(date),
                salience=round(salience, 4),
                summary=_summary(date, items, docs, texts),
                events=tuple(i.id for i in items),
                sources=cited,
                mentions=mentions,
                story_id=story_of.get(doc_of(items[0].id)),
                kind=kind,
            )
        )
    entries.sort(key=lambda e: (-e.salience, e.date))
    log.info("timeline: %d entries from %d event groups", len(entries), len(groups))
    return entries


def entry_kind(date: str, items: list[Item], docs) -> EventKind:
    """What a group of matching events is: background, expected or happened (see the module)."""
    kinds = [_item_kind(date, item, docs) for item in items]
    if all(k == "background" for k in kinds):
        return "background"
    return "expected" if all(k == "expected" for k in kinds) else "happened"


def _item_kind(date: str, item: Item, docs) -> EventKind:
    """The event's kind, or what its date says against its article's publication (an event of a
    light extractor is "happened" whatever its date)."""
    extracted = _event(item, docs).kind
    if extracted != "happened":
        return extracted
    return event_kind(date, published_day(docs[doc_of(item.id)].document.published))


def day_support(groups: Sequence[tuple[str, list[Item]]], docs) -> dict[str, float]:
    """Per day-precise date, over every group on it: one per document reporting it after the fact,
    ``SAME_DAY_WEIGHT`` for one published that day, nothing for a forecast."""
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    for date, items in groups:
        if granularity(date) != "day":
            continue
        for item in items:
            doc = doc_of(item.id)
            pub = (docs[doc].document.published or "")[:10]
            w = 1.0 if pub > date else SAME_DAY_WEIGHT if pub == date else 0.0
            weights[date][doc] = max(weights[date].get(doc, 0.0), w)
    return {date: sum(w.values()) for date, w in weights.items()}


class StoryCoverage:
    """How much a day was covered: for a day-precise date and an entry's documents, the documents
    of their stories (an article in no story is its own) published that day or up to
    ``COVERAGE_DAYS`` after; a day the story's coverage peaked is a day something happened."""

    def __init__(self, docs, story_of: Mapping[str, str]) -> None:
        self.story_of = story_of
        self.days: dict[str, list[int]] = defaultdict(list)
        for doc, a in docs.items():
            day = day_number(a.document.published)
            if day is not None:
                self.days[story_of.get(doc, doc)].append(day)

    def __call__(self, date: str, sources: Sequence[str]) -> int:
        day = day_number(date) if granularity(date) == "day" else None
        if day is None:
            return 0
        stories = {self.story_of.get(doc, doc) for doc in sources}
        return sum(1 for s in stories for d in self.days.get(s, ()) if 0 <= d - day <= COVERAGE_DAYS)


def _forecast(date: str, doc: str, docs) -> bool:
    """The document was published before the period of ``date`` began."""
    published = published_day(docs[doc].document.published)
    span = period(date)
    return published is not None and span is not None and published < span[0]


def _sources_weight(date: str, items: list[Item], docs, mentions: Sequence[str], sources: Sources) -> float:
    best: dict[str, float] = {}
    keyed = [(item.source, doc_of(item.id)) for item in items] + [(sources.of(d, 0), d) for d in mentions]
    for source, doc in keyed:
        weight = FORECAST_WEIGHT if _forecast(date, doc, docs) else 1.0
        best[source] = max(best.get(source, 0.0), weight)
    return sum(best.values())


def _context_weight(date: str, items: list[Item], docs) -> float:
    """Coarse dates weigh less; a period over more than a year before publication is background."""
    kind = granularity(date)
    if kind not in ("year", "decade", "century", "month", "season", "quarter"):
        return 1.0
    end = int(date[:4]) if kind not in ("decade", "century") else int(date.ljust(4, "9")[:4])
    years = [int(p[:4]) for i in items if (p := docs[doc_of(i.id)].document.published) and p[:4].isdigit()]
    if years and end < min(years) - 1:
        return BACKGROUND_WEIGHT
    return COARSE_WEIGHT if kind in ("year", "decade", "century") else 1.0


def _actor_weight(items: list[Item], central: dict[str, float]) -> float:
    actors = set().union(*(i.actors for i in items))
    if not actors:
        return 0.0
    return sum(central.get(a, 0.0) for a in actors) / len(actors)


def _event(item: Item, docs) -> Event:
    ref = parse_item_id(item.id)
    if ref is None or ref.kind != "e":
        raise ValueError(f"not an event id: {item.id!r}")
    return docs[ref.doc_id].events[ref.index]


def _summary(date: str, items: list[Item], docs, texts: Mapping[str, str]) -> str:
    """The most informative sentence: a report rather than a forecast, holding most of the words
    and actors that recur in the group's sentences (the earliest on ties)."""
    words: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    for item in items:
        words.update(item.words)
        actors.update(item.actors)
    shared = {w for w, n in words.items() if n > 1} | {a for a, n in actors.items() if n > 1}

    def score(pos: int) -> tuple[bool, bool, int, int]:
        item = items[pos]
        return (not _forecast(date, doc_of(item.id), docs), _event(item, docs).kind == "happened",
                len((item.words | item.actors) & shared), -pos)

    best = items[max(range(len(items)), key=score)]
    return " ".join(texts[best.id].split())[:SUMMARY_CHARS]


def rank_dates(
    timeline: Sequence[TimelineEntry],
    published: Mapping[str, str | None],
    links: Sequence[Link] = (),
) -> list[tuple[str, float]]:
    """Day-precise dates of a timeline by DATEWISE-style salience, most salient first.

    A date scores one per independent document referring to it after the fact (published later),
    half for a document published that day, nothing for a forecast. Copies joined by a
    ``duplicate`` link count once; a document counts once per date whatever its mentions; the
    documents attached by an undated sentence (``mentions``) do not count, only dated references.
    """
    copy_of = {item: link.first for link in links if link.kind == "duplicate" for item in link.items}
    sources: dict[str, dict[str, float]] = defaultdict(dict)
    for entry in timeline:
        if entry.granularity != "day":
            continue
        for doc in (d for d in entry.sources if d not in entry.mentions):
            pub = (published.get(doc) or "")[:10]
            weight = 1.0 if pub > entry.date else SAME_DAY_WEIGHT if pub == entry.date else 0.0
            key = copy_of.get(doc, doc)
            sources[entry.date][key] = max(sources[entry.date].get(key, 0.0), weight)
    scores = {date: sum(w.values()) for date, w in sources.items()}
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
