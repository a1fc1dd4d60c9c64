"""Ledger rows as export records: the contract fields (see docs/export-format.md) plus additions.

Each ``iter_*`` function streams one table's records in a stable order (read through
:mod:`onrecord.store.read_export`), so exports of big ledgers never hold the whole ledger in memory.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator

from onrecord.store import read_export
from onrecord.store.ledger import document_from_row
from onrecord.store.read_base import Row

TABLES = ("documents", "entities", "quotes", "claims", "times", "events", "stories", "links", "timeline")


def _span(r: Row) -> dict:
    return {"start": r["start"], "end": r["end"], "source_start": r.get("source_start"),
            "source_end": r.get("source_end")}


def iter_documents(conn: sqlite3.Connection) -> Iterator[dict]:
    for r in read_export.items(conn, "documents"):
        doc = document_from_row(r)
        entries = []
        for e in r["entries"]:
            s, t = doc.to_source(e["start"], e["end"])
            entries.append({"time": e.get("time"), "date": e.get("date"), "heading": e.get("heading"),
                            "start": e["start"], "end": e["end"], "source_start": s, "source_end": t})
        yield {
            "id": r["id"], "source": r["source"], "input_id": r["input_id"], "title": r["title"],
            "standfirst": r["standfirst"], "outlet": r["outlet"], "authors": r["authors"] or [],
            "published": r["published"], "language": r["language"], "body": r["body"],
            "captions": r["captions"] or [],
            "removed": [{"text": x.get("text"), "reason": x.get("reason")} for x in r["removed"] or []],
            "entries": entries,
            "url": r["url"], "published_source": r["published_source"], "content_hash": r["content_hash"],
            "source_text": r["source_text"], "added_at": r["added_at"],
        }


def _unlinked_id(doc_id: str, key: str) -> str:
    """Entity id for an actor the link pass has not merged (``DOC#KEY``)."""
    return f"{doc_id}#{key}"


def _mentions(rows: list[Row]) -> list[dict]:
    return [{"doc": m["doc_id"], **_span(m), "text": m["text"]} for m in rows]


def iter_entities(conn: sqlite3.Connection) -> Iterator[dict]:
    for e in read_export.entities(conn):
        yield {"id": e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"] or [],
               "mentions": _mentions(read_export.entity_mentions(conn, e["id"])), "roles": e["roles"] or [],
               "refers_to": e["refers_to"], "doc_count": e["doc_count"], "mention_count": e["mention_count"]}
    for a in read_export.unlinked_actors(conn):
        mentions = _mentions(read_export.actor_mentions(conn, a["doc_id"], a["key"]))
        yield {"id": _unlinked_id(a["doc_id"], a["key"]), "name": a["name"], "type": a["type"],
               "aliases": a["aliases"] or [], "mentions": mentions, "roles": a["roles"] or [],
               "refers_to": a["refers_to"], "doc_count": 1, "mention_count": len(mentions)}


def _who(r: Row, entity: str, actor: str) -> str | None:
    if r.get(entity):
        return r[entity]
    return _unlinked_id(r["doc_id"], r[actor]) if r.get(actor) else None


def iter_quotes(conn: sqlite3.Connection) -> Iterator[dict]:
    for q in read_export.items(conn, "quotes"):
        sm = q["speaker_mention"]
        mention = None
        if sm:
            mention = {"start": sm.get("start"), "end": sm.get("end"), "source_start": sm.get("source_start"),
                       "source_end": sm.get("source_end"), "text": sm.get("text")}
        yield {"id": q["id"], "doc": q["doc_id"], **_span(q), "text": q["text"], "kind": q["kind"],
               "cue": q["cue"], "speaker": _who(q, "speaker", "speaker_actor"), "speaker_name": q["speaker_name"],
               "speaker_mention": mention, "in_headline": bool(q["in_headline"]), "wrong": bool(q["wrong"])}


def iter_claims(conn: sqlite3.Connection) -> Iterator[dict]:
    for c in read_export.items(conn, "claims"):
        yield {"id": c["id"], "doc": c["doc_id"], **_span(c), "text": c["text"], "sentence": c["sentence"],
               "value": c["value"], "low": c["low"], "high": c["high"], "change": c["change"],
               "unit": c["unit"], "counted": c["counted"],
               "claimant": _who(c, "claimant", "claimant_actor"), "claimant_name": c["claimant_name"],
               "status": c["status"], "sentence_start": c["sentence_start"], "sentence_end": c["sentence_end"],
               "wrong": bool(c["wrong"])}


def iter_times(conn: sqlite3.Connection) -> Iterator[dict]:
    for t in read_export.items(conn, "times"):
        yield {"id": t["id"], "doc": t["doc_id"], **_span(t), "text": t["text"], "value": t["value"],
               "granularity": t["granularity"], "anchor": t["anchor"]}


def iter_events(conn: sqlite3.Connection) -> Iterator[dict]:
    for e in read_export.items(conn, "events"):
        yield {"id": e["id"], "doc": e["doc_id"], **_span(e), "text": e["text"], "date": e["date"],
               "entities": e["entities"] or [], "actors": e["actors"] or []}


def iter_stories(conn: sqlite3.Connection) -> Iterator[dict]:
    for story_id, title, docs in read_export.stories(conn):
        yield {"id": story_id, "title": title, "docs": docs}


def iter_links(conn: sqlite3.Connection) -> Iterator[dict]:
    for r in read_export.items(conn, "links"):
        yield {"kind": r["kind"], "items": r["items"] or [], "note": r["note"], "id": r["id"], "first": r["first"]}


def iter_timeline(conn: sqlite3.Connection) -> Iterator[dict]:
    for t in read_export.items(conn, "timeline"):
        yield {"date": t["date"], "salience": t["salience"], "summary": t["summary"], "events": t["events"] or [],
               "sources": t["sources"] or [], "granularity": t["granularity"], "story_id": t["story_id"]}


ITERATORS: dict[str, Callable[[sqlite3.Connection], Iterator[dict]]] = {
    "documents": iter_documents, "entities": iter_entities, "quotes": iter_quotes, "claims": iter_claims,
    "times": iter_times, "events": iter_events, "stories": iter_stories, "links": iter_links,
    "timeline": iter_timeline,
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
                  "content_hash", "source_text", "added_at"),
    "entities": ("id", "name", "type", "aliases", "mentions", "roles", "refers_to", "doc_count",
                 "mention_count"),
    "quotes": ("id", "doc", *SPAN, "text", "kind", "cue", "speaker", "speaker_name", "speaker_mention",
               "in_headline", "wrong"),
    "claims": ("id", "doc", *SPAN, "text", "sentence", "value", "low", "high", "change", "unit", "counted",
               "claimant", "claimant_name", "status", "sentence_start", "sentence_end", "wrong"),
    "times": ("id", "doc", *SPAN, "text", "value", "granularity", "anchor"),
    "events": ("id", "doc", *SPAN, "text", "date", "entities", "actors"),
    "stories": ("id", "title", "docs"),
    "links": ("kind", "items", "note", "id", "first"),
    "timeline": ("date", "salience", "summary", "events", "sources", "granularity", "story_id"),
}
