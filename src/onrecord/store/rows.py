"""Rows ⇄ records, by column name: what the ledger writes for each record and reads back.

A record is built from a row with :func:`record`, which takes every field named like a column and
the fields given by keyword (a column with another name, a JSON column, a flag); rows are written
with :func:`insert` from dicts keyed by column. Nothing here depends on column positions.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any, TypeVar

from onrecord.ids import ItemKind, item_id
from onrecord.models import (
    Actor,
    Claim,
    Document,
    Entry,
    Event,
    Mention,
    Quote,
    Removed,
    Role,
    Segment,
    Span,
    TimeExpr,
)

if TYPE_CHECKING:
    from onrecord.link.records import Entity, Link, Story, StoryLink, TimelineEntry

T = TypeVar("T")
Row = Mapping[str, Any] | sqlite3.Row


def record(cls: type[T], row: Row, **values: Any) -> T:
    """``cls`` built by keyword: ``values`` first, then the row's columns named like its fields."""
    for name in _shared(cls, tuple(row.keys())):
        if name not in values:
            values[name] = row[name]
    return cls(**values)


@functools.lru_cache(maxsize=256)
def _shared(cls: type, columns: tuple[str, ...]) -> tuple[str, ...]:
    """The fields of ``cls`` that are columns of a row with ``columns`` (one lookup per query's
    shape, not a walk over the fields per row: the link pass reads every record of the ledger)."""
    have = set(columns)
    return tuple(f.name for f in fields(cls) if f.name in have)


def _insert_sql(table: str, columns: Iterable[str], verb: str = "INSERT") -> str:
    names = list(columns)
    return f"{verb} INTO {table}({', '.join(names)}) VALUES ({', '.join(':' + c for c in names)})"


def insert_one(conn: sqlite3.Connection, table: str, row: Mapping[str, Any]) -> int:
    """Insert one row given by column; its rowid."""
    return int(conn.execute(_insert_sql(table, row), row).lastrowid or 0)


def insert(conn: sqlite3.Connection, table: str, rows: Sequence[Mapping[str, Any]], *,
           or_ignore: bool = False) -> None:
    """Insert rows that all have the same columns (``or_ignore``: skip the ones already there)."""
    if rows:
        conn.executemany(_insert_sql(table, rows[0], "INSERT OR IGNORE" if or_ignore else "INSERT"), rows)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def with_source(d: Document, span: Mapping[str, Any]) -> dict[str, Any]:
    """``span`` (a dict with ``start``/``end`` in the body) with its offsets in the source text."""
    s, e = d.to_source(span["start"], span["end"])
    return {**span, "source_start": s, "source_end": e}


def _item(d: Document, kind: ItemKind, index: int, x: Quote | Claim | TimeExpr | Event) -> dict[str, Any]:
    """The columns every extracted item has: id, document, index and its span in body and source."""
    s, e = d.to_source(x.start, x.end)
    return {"id": item_id(d.id, kind, index), "doc_id": d.id, "idx": index, "start": x.start, "end": x.end,
            "source_start": s, "source_end": e, "text": x.text}


# ---------------------------------------------------------------------------- per-article rows


def document_row(d: Document, added_at: str) -> dict[str, Any]:
    row = {f.name: getattr(d, f.name) for f in fields(d)}
    row.update(
        authors=to_json(list(d.authors)), captions=to_json(list(d.captions)),
        removed=to_json([asdict(r) for r in d.removed]), entries=to_json([asdict(e) for e in d.entries]),
        segments=to_json([[s.body_start, s.source_start, s.length] for s in d.segments]), added_at=added_at,
    )
    return row


def actor_row(d: Document, actor: Actor) -> dict[str, Any]:
    return {"doc_id": d.id, "key": actor.key, "name": actor.name, "type": actor.type,
            "aliases": to_json(list(actor.aliases)),
            "roles": to_json([with_source(d, asdict(r)) for r in actor.roles]), "refers_to": actor.refers_to}


def mention_rows(d: Document, actor: Actor) -> list[dict[str, Any]]:
    rows = []
    for m in actor.mentions:
        s, e = d.to_source(m.start, m.end)
        rows.append({"doc_id": d.id, "actor_key": actor.key, "start": m.start, "end": m.end,
                     "source_start": s, "source_end": e, "text": m.text})
    return rows


def quote_row(d: Document, index: int, q: Quote, names: Mapping[str, str]) -> dict[str, Any]:
    """``names``: actor key → name, for a quote whose speaker the extractor did not name."""
    mention = with_source(d, asdict(q.speaker_mention)) if q.speaker_mention is not None else None
    via = with_source(d, asdict(q.via)) if q.via is not None else None
    return {**_item(d, "q", index, q), "kind": q.kind, "cue": q.cue, "speaker_actor": q.speaker_key,
            "speaker_name": q.speaker_name or names.get(q.speaker_key or ""),
            "speaker_mention": to_json(mention) if mention else None, "in_headline": int(q.in_headline),
            "fragments": to_json([with_source(d, asdict(f)) for f in q.fragments]), "act": q.act,
            "via": to_json(via) if via else None}


def claim_row(d: Document, index: int, c: Claim, names: Mapping[str, str]) -> dict[str, Any]:
    return {**_item(d, "c", index, c), "sentence": d.body[c.sentence_start:c.sentence_end],
            "sentence_start": c.sentence_start, "sentence_end": c.sentence_end, "value": c.value,
            "low": c.low, "high": c.high, "change": c.change, "unit": c.unit, "counted": c.counted,
            "claimant_actor": c.claimant_key, "claimant_name": c.claimant_name or names.get(c.claimant_key or ""),
            "status": c.status, "aside": c.aside}


def time_row(d: Document, index: int, t: TimeExpr) -> dict[str, Any]:
    return {**_item(d, "t", index, t), "value": t.value, "granularity": t.granularity, "anchor": t.anchor}


def event_row(d: Document, index: int, e: Event) -> dict[str, Any]:
    return {**_item(d, "e", index, e), "date": e.date, "actors": to_json(list(e.actors)), "kind": e.kind}


# ---------------------------------------------------------------------------- records back


def document_from_row(r: Mapping[str, Any]) -> Document:
    """A document from its row with the JSON columns decoded (see ``decode_row``)."""
    return record(
        Document, r, authors=tuple(r["authors"]), captions=tuple(r["captions"]),
        removed=tuple(record(Removed, x) for x in r["removed"]),
        entries=tuple(record(Entry, x) for x in r["entries"]),
        segments=tuple(Segment(body_start=b, source_start=s, length=n) for b, s, n in r["segments"]),
    )


def mention_from_row(r: Row) -> Mention:
    return record(Mention, r, actor=r["actor_key"])


def actor_from_row(r: Row, mentions: Iterable[Mention]) -> Actor:
    return record(Actor, r, aliases=tuple(json.loads(r["aliases"])), mentions=tuple(mentions),
                  roles=tuple(record(Role, x) for x in json.loads(r["roles"])))


def quote_from_row(r: Row) -> Quote:
    mention = json.loads(r["speaker_mention"]) if r["speaker_mention"] else None
    via = json.loads(r["via"]) if r["via"] else None
    frags = tuple(Span(f["start"], f["end"], f["text"]) for f in json.loads(r["fragments"] or "[]"))
    return record(Quote, r, speaker_mention=record(Span, mention) if mention else None,
                  speaker_key=r["speaker_actor"], in_headline=bool(r["in_headline"]), fragments=frags,
                  via=Span(via["start"], via["end"], via["text"]) if via else None)


def claim_from_row(r: Row) -> Claim:
    return record(Claim, r, sentence_start=r["sentence_start"] or 0, sentence_end=r["sentence_end"] or 0,
                  claimant_key=r["claimant_actor"])


def time_from_row(r: Row) -> TimeExpr:
    return record(TimeExpr, r)


def event_from_row(r: Row) -> Event:
    return record(Event, r, actors=tuple(json.loads(r["actors"])))


# ---------------------------------------------------------------------------- link pass rows


def entity_row(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "type": e.type, "aliases": to_json(list(e.aliases)),
            "roles": to_json([asdict(r) for r in e.roles]), "refers_to": e.refers_to,
            "doc_count": e.doc_count, "mention_count": e.mention_count, "set_aside": e.set_aside,
            "merged": to_json([asdict(m) for m in e.merged])}


def story_rows(s: Story) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The story's row and its ``story_docs`` rows."""
    return {"id": s.id, "title": s.title}, [{"story_id": s.id, "doc_id": doc} for doc in s.docs]


def link_row(link: Link) -> dict[str, Any]:
    return {"kind": link.kind, "items": to_json(list(link.items)), "note": link.note, "first": link.first}


def timeline_row(t: TimelineEntry) -> dict[str, Any]:
    return {"date": t.date, "granularity": t.granularity, "salience": t.salience, "summary": t.summary,
            "events": to_json(list(t.events)), "sources": to_json(list(t.sources)), "story_id": t.story_id,
            "kind": t.kind}


def story_link_rows(s: StoryLink) -> list[dict[str, Any]]:
    """A related pair as two rows, one per direction, so each story reads its own."""
    shared = to_json(list(s.shared))
    return [{"story_id": x, "related": y, "score": s.score, "shared": shared} for x, y in ((s.a, s.b), (s.b, s.a))]

