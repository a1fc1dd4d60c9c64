"""Ledger records and rows as export records: the contract fields (see docs/export-format.md) plus additions.

Each ``iter_*`` function streams one table's records in a stable order (read through
:mod:`onrecord.store.read_export`), so exports of big ledgers never hold the whole ledger in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator

from onrecord.export.relations import COLUMNS as RELATION_COLUMNS
from onrecord.export.relations import iter_relations
from onrecord.store import read_arcs, read_export
from onrecord.store.read_base import Row
from onrecord.store.read_records import SourceSpan, StoredEntity, StoredMention

TABLES = ("documents", "entities", "quotes", "claims", "times", "events", "stories", "links", "timeline",
          "relations")


def _span(r: Row) -> dict:
    return {"start": r["start"], "end": r["end"], "source_start": r.get("source_start"),
            "source_end": r.get("source_end")}


def _place(span: SourceSpan) -> dict:
    return {"start": span.start, "end": span.end, "source_start": span.source_start, "source_end": span.source_end}


def iter_documents(conn: sqlite3.Connection) -> Iterator[dict]:
    for stored in read_export.documents(conn):
        d = stored.document
        entries = []
        for e in d.entries:
            s, t = d.to_source(e.start, e.end)
            entries.append({"time": e.time, "date": e.date, "heading": e.heading,
                            "start": e.start, "end": e.end, "source_start": s, "source_end": t})
        yield {
            "id": d.id, "source": d.source, "input_id": d.input_id, "title": d.title,
            "standfirst": d.standfirst, "outlet": d.outlet, "authors": list(d.authors),
            "published": d.published, "language": d.language, "body": d.body,
            "captions": list(d.captions),
            "removed": [{"text": x.text, "reason": x.reason} for x in d.removed],
            "entries": entries,
            "url": d.url, "published_source": d.published_source, "not_analysed": d.not_analysed,
            "content_hash": d.content_hash,
            "source_text": d.source_text, "added_at": stored.added_at,
        }


def _unlinked_id(doc_id: str, key: str) -> str:
    """Entity id for an actor the link pass has not merged (``DOC#KEY``)."""
    return f"{doc_id}#{key}"


def _mentions(mentions: list[StoredMention]) -> list[dict]:
    return [{"doc": m.doc_id, **_place(m.span), "text": m.span.text} for m in mentions]


def _entity(e: StoredEntity, eid: str, mentions: list[dict], doc_count: int, mention_count: int) -> dict:
    return {"id": eid, "name": e.name, "type": e.type, "aliases": list(e.aliases), "mentions": mentions,
            "roles": list(e.roles), "refers_to": e.refers_to, "doc_count": doc_count, "mention_count": mention_count}


def iter_entities(conn: sqlite3.Connection) -> Iterator[dict]:
    for e in read_export.entities(conn):
        mentions = _mentions(read_export.entity_mentions(conn, e.id or ""))
        yield _entity(e, e.id or "", mentions, e.doc_count, e.mention_count)
    for a in read_export.unlinked_actors(conn):
        doc_id, key = a.doc_id or "", a.key or ""
        mentions = _mentions(read_export.actor_mentions(conn, doc_id, key))
        yield _entity(a, _unlinked_id(doc_id, key), mentions, 1, len(mentions))


def _who(entity: str | None, doc_id: str, actor: str | None) -> str | None:
    if entity:
        return entity
    return _unlinked_id(doc_id, actor) if actor else None


def iter_quotes(conn: sqlite3.Connection) -> Iterator[dict]:
    for q in read_export.quotes(conn):
        sm, via = q.speaker_mention, q.via
        mention = {**_place(sm), "text": sm.text} if sm else None
        yield {"id": q.id, "doc": q.doc_id, **_place(q.span), "text": q.span.text,
               "fragments": [{**_place(f), "text": f.text} for f in q.fragments], "kind": q.kind, "act": q.act,
               "cue": q.cue, "speaker": _who(q.speaker, q.doc_id, q.speaker_actor), "speaker_name": q.speaker_name,
               "speaker_mention": mention, "in_headline": q.in_headline, "wrong": q.wrong,
               "via": {**_place(via), "text": via.text} if via else None}


def iter_claims(conn: sqlite3.Connection) -> Iterator[dict]:
    for c in read_export.claims(conn):
        yield {"id": c.id, "doc": c.doc_id, **_place(c.span), "text": c.span.text, "sentence": c.sentence,
               "value": c.value, "low": c.low, "high": c.high, "change": c.change,
               "unit": c.unit, "counted": c.counted,
               "claimant": _who(c.claimant, c.doc_id, c.claimant_actor), "claimant_name": c.claimant_name,
               "status": c.status, "measure": c.measure, "sentence_start": c.sentence_start,
               "sentence_end": c.sentence_end, "wrong": c.wrong, "aside": c.aside}


def iter_times(conn: sqlite3.Connection) -> Iterator[dict]:
    for t in read_export.items(conn, "times"):
        yield {"id": t["id"], "doc": t["doc_id"], **_span(t), "text": t["text"], "value": t["value"],
               "granularity": t["granularity"], "anchor": t["anchor"]}


def iter_events(conn: sqlite3.Connection) -> Iterator[dict]:
    for e in read_export.items(conn, "events"):
        yield {"id": e["id"], "doc": e["doc_id"], **_span(e), "text": e["text"], "date": e["date"],
               "entities": e["entities"] or [], "actors": e["actors"] or [], "kind": e["kind"]}


def iter_stories(conn: sqlite3.Connection) -> Iterator[dict]:
    related = read_arcs.all_related(conn)
    for story_id, title, docs in read_export.stories(conn):
        yield {"id": story_id, "title": title, "docs": docs, "related": related.get(story_id, [])}


def iter_links(conn: sqlite3.Connection) -> Iterator[dict]:
    for r in read_export.items(conn, "links"):
        yield {"kind": r["kind"], "items": r["items"] or [], "note": r["note"], "id": r["id"], "first": r["first"]}


def iter_timeline(conn: sqlite3.Connection) -> Iterator[dict]:
    for t in read_export.items(conn, "timeline"):
        yield {"date": t["date"], "salience": t["salience"], "summary": t["summary"], "events": t["events"] or [],
               "sources": t["sources"] or [], "granularity": t["granularity"], "story_id": t["story_id"],
               "kind": t["kind"]}


ITERATORS: dict[str, Callable[[sqlite3.Connection], Iterator[dict]]] = {
    "documents": iter_documents, "entities": iter_entities, "quotes": iter_quotes, "claims": iter_claims,
    "times": iter_times, "events": iter_events, "stories": iter_stories, "links": iter_links,
    "timeline": iter_timeline, "relations": iter_relations,
}


def records(conn: sqlite3.Connection, table: str) -> Iterator[dict]:
    return ITERATORS[table](conn)


def flat(record: dict) -> dict:
    """Nested values (lists, objects) as JSON strings, for CSV and Parquet columns."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in record.items()}

SPAN = ("start", "end", "source_start", "source_end")
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "source", "input_id", "title", "standfirst", "outlet", "authors", "published",
                  "language", "body", "captions", "removed", "entries", "url", "published_source",
                  "not_analysed", "content_hash", "source_text", "added_at"),
    "entities": ("id", "name", "type", "aliases", "mentions", "roles", "refers_to", "doc_count",
                 "mention_count"),
    "quotes": ("id", "doc", *SPAN, "text", "fragments", "kind", "act", "cue", "speaker", "speaker_name",
               "speaker_mention", "in_headline", "wrong", "via"),
    "claims": ("id", "doc", *SPAN, "text", "sentence", "value", "low", "high", "change", "unit", "counted",
               "claimant", "claimant_name", "status", "measure", "sentence_start", "sentence_end", "wrong",
               "aside"),
    "times": ("id", "doc", *SPAN, "text", "value", "granularity", "anchor"),
    "events": ("id", "doc", *SPAN, "text", "date", "entities", "actors", "kind"),
    "stories": ("id", "title", "docs", "related"),
    "links": ("kind", "items", "note", "id", "first"),
    "timeline": ("date", "salience", "summary", "events", "sources", "granularity", "story_id", "kind"),
    "relations": RELATION_COLUMNS,
}
