"""What a story's timeline shows: its events (forecasts marked expected), background apart,
dated relations between actors as events, and the arc of related stories with one timeline.

``story_timeline`` gives the page's keys: ``timeline`` (entries that happened or are expected,
each with its ``anchor``), ``timeline_svg``, ``background`` (entries about periods that ended more
than a year before the articles; kept off the chart), ``timeline_relations`` (dated relation
edges, one per actor pair, type, mode and date, each cited to its sentences), ``timeline_rows``
(entries and relations in date order, what the list shows) and ``arc`` (the related stories,
earlier and later, and a timeline spanning them; None without related stories).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from onrecord.dates import event_kind, period, published_day
from onrecord.store import read_arcs, read_stories
from onrecord.store.read_base import Row
from onrecord.web import charts
from onrecord.web.cite import at_href

Outlets = Callable[[sqlite3.Connection, list[Row]], list[Row]]
ARC_ENTRIES = 6  # the most salient events of each story of an arc, on the arc's timeline
STATUS_ORDER = ("reported", "alleged", "planned", "denied")  # an edge's status: its strongest sentence's
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def story_timeline(conn: sqlite3.Connection, story_id: str, outlets: Outlets) -> dict:
    """The timeline keys of a story's page (see the module)."""
    entries = outlets(conn, read_stories.timeline(conn, story_id))
    main = [e for e in entries if e.get("kind") != "background"]
    for i, e in enumerate(main):
        e["anchor"] = f"t{i}"
    relations = relation_events(read_arcs.dated_relations(conn, story_id))
    return {"timeline": main, "timeline_svg": charts.timeline_svg(main),
            "background": [e for e in entries if e.get("kind") == "background"],
            "timeline_relations": relations, "timeline_rows": in_date_order(main, relations),
            "arc": arc(conn, story_id, outlets)}


def readable(date: str) -> str:
    """"13 Sep 2023", "Sep 2023", "2023", "week 37, 2023": a date value as a reader writes it."""
    if len(date) >= 10 and date[4] == "-" and date[7] == "-":
        return f"{int(date[8:10])} {MONTHS[int(date[5:7]) - 1]} {date[:4]}"
    if len(date) == 7 and date[4] == "-" and date[5:7].isdigit():
        return f"{MONTHS[int(date[5:7]) - 1]} {date[:4]}"
    if date[4:6] == "-W":
        return f"week {int(date[6:8])}, {date[:4]}"
    return date


def relation_events(rows: list[Row]) -> list[dict]:
    """Dated relation edges as timeline events: one per (source, type, mode, target, date), with
    every sentence that states it; background ones are left out; a plan or a date after the
    articles' publication is ``expected``; its status is the strongest of its sentences'
    (reported, alleged, planned, denied: ``denied`` only when every sentence denies it)."""
    grouped: dict[tuple, dict] = {}
    for r in rows:
        key = (r["source_entity"], r["type"], r["mode"], r["target_entity"], r["date"])
        event = grouped.get(key)
        if event is None:
            event = grouped[key] = _relation_event(r)
        event["kinds"].append(_relation_kind(r))
        event["statuses"].add(r["status"])
        event["cites"].append({"doc": r["doc_id"], "outlet": r["outlet"], "published": r["published"],
                               "text": r["text"], "href": at_href(r["doc_id"], r["start"], r["end"])})
    out = []
    for event in grouped.values():
        kinds, statuses = event.pop("kinds"), event.pop("statuses")
        if all(k == "background" for k in kinds):
            continue
        event["kind"] = "expected" if all(k == "expected" for k in kinds) else "happened"
        event["status"] = next(s for s in STATUS_ORDER if s in statuses)
        out.append(event)
    return out


def _relation_event(r: Row) -> dict:
    verb = r["type"] + (f"/{r['mode']}" if r["mode"] else "")
    return {"relation": True, "date": r["date"], "type": r["type"], "mode": r["mode"],
            "source": {"id": r["source_entity"], "name": r["source_name"]},
            "target": {"id": r["target_entity"], "name": r["target_name"]},
            "label": f"{r['source_name']} — {verb} — {r['target_name']}, {readable(r['date'])}",
            "kinds": [], "statuses": set(), "cites": []}


def _relation_kind(r: Row) -> str:
    if r["status"] == "planned":
        return "expected"
    return event_kind(r["date"], published_day(r["published"]))


def in_date_order(entries: list[Row], relations: list[dict]) -> list[dict]:
    """Timeline entries and relation events in one list by date (an entry before a relation of
    the same date); undated values last."""
    def key(row: dict) -> tuple:
        span = period(row["date"])
        return (span is None, span[0].toordinal() if span else 0, bool(row.get("relation")), row["date"])
    return sorted([*entries, *relations], key=key)


def arc(conn: sqlite3.Connection, story_id: str, outlets: Outlets) -> dict | None:
    """The story's related stories, each placed earlier, later or alongside it, and one timeline
    of them all: each related story's first report and the :data:`ARC_ENTRIES` most salient
    events of every story (each entry naming its story)."""
    related = read_arcs.related(conn, story_id)
    if not related:
        return None
    own = read_arcs.spans(conn, [story_id]).get(story_id, {})
    for r in related:
        r["when"] = placing(r, own)
    when = {r["id"]: r["when"] for r in related}
    titles = {story_id: (read_stories.story(conn, story_id) or {}).get("title", story_id)}
    titles.update({r["id"]: r["title"] for r in related})
    mine = {"id": story_id, "title": titles[story_id], "first": own.get("first")}
    entries: list[Row] = [_opening(r, r is mine) for r in [mine, *related] if r.get("first")]
    for sid in titles:
        top = read_stories.timeline(conn, sid, limit=3 * ARC_ENTRIES)
        top = sorted((e for e in top if e.get("kind") == "happened"), key=lambda e: -float(e["salience"]))
        entries += [{**e, "story_title": titles[sid], "this_story": sid == story_id} for e in top[:ARC_ENTRIES]]
    entries = outlets(conn, sorted(entries, key=lambda e: (e["date"], e.get("id") or 0)))
    for i, e in enumerate(entries):
        e["anchor"], e["when"] = f"arc{i}", when.get(e.get("story_id"), "this")
    related.sort(key=lambda r: (r["first"] or "", r["id"]))
    return {"related": related, "timeline": entries,
            "timeline_svg": charts.timeline_svg(entries, anchor="arc")}


def _opening(story: Row, this_story: bool) -> Row:
    """A related story on the arc's timeline: its first day, titled by the story (so a story whose
    articles date no event still has its place)."""
    return {"date": story["first"][:10], "summary": f"First report: {story['title']}", "salience": 2.0,
            "kind": "happened", "sources": [], "story_id": story["id"], "story_title": story["title"],
            "this_story": this_story, "opening": True}


def placing(other: Row, own: Row) -> str:
    """"earlier", "later" or "alongside": where a related story lies against this one."""
    if not (other.get("first") and own.get("first") and other.get("last") and own.get("last")):
        return "alongside"
    if other["last"][:10] < own["first"][:10]:
        return "earlier"
    return "later" if other["first"][:10] > own["last"][:10] else "alongside"
