"""Reads for the exports: every table streamed in the stable order the export contract promises.

Articles, quotes, claims and entities come as records (:mod:`onrecord.store.read_records`);
times, events, links and the timeline as rows keyed by column name.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from onrecord.store.read_base import Row, decode_row, iter_rows
from onrecord.store.read_records import (
    StoredClaim,
    StoredDocument,
    StoredEntity,
    StoredMention,
    StoredQuote,
)
from onrecord.store.rows import document_from_row

ORDER = {"documents": "published, id", "quotes": "doc_id, idx", "claims": "doc_id, idx", "times": "doc_id, idx",
         "events": "doc_id, idx", "links": "id", "timeline": "date, id"}
_MENTIONS = ("SELECT m.doc_id, m.start, m.end, m.source_start, m.source_end, m.text FROM actors a "
             "JOIN mentions m ON m.doc_id = a.doc_id AND m.actor_key = a.key ")


def items(conn: sqlite3.Connection, table: str) -> Iterator[Row]:
    """Rows of times or events (by article, then text order), links (by id) or the timeline (by date)."""
    if table not in ORDER:
        raise ValueError(f"no export order for table {table!r}")
    return iter_rows(conn, table, order=ORDER[table])


def documents(conn: sqlite3.Connection) -> Iterator[StoredDocument]:
    """Every article, oldest published first."""
    for r in items(conn, "documents"):
        yield StoredDocument(document=document_from_row(r), added_at=r["added_at"])


def quotes(conn: sqlite3.Connection) -> Iterator[StoredQuote]:
    """Every quote, by article and index."""
    return (StoredQuote.from_row(r) for r in items(conn, "quotes"))


def claims(conn: sqlite3.Connection) -> Iterator[StoredClaim]:
    """Every claim, by article and index."""
    return (StoredClaim.from_row(r) for r in items(conn, "claims"))


def entities(conn: sqlite3.Connection) -> list[StoredEntity]:
    """Every merged entity, by id."""
    return [StoredEntity.from_row(decode_row(r)) for r in conn.execute("SELECT * FROM entities ORDER BY id")]


def unlinked_actors(conn: sqlite3.Connection) -> list[StoredEntity]:
    """Actors the link pass has not merged into an entity, by article and key."""
    sql = "SELECT * FROM actors WHERE entity_id IS NULL ORDER BY doc_id, key"
    return [StoredEntity.from_row(decode_row(r)) for r in conn.execute(sql)]


def entity_mentions(conn: sqlite3.Connection, entity_id: str) -> list[StoredMention]:
    """Mentions of an entity in every article, by article and offset."""
    sql = _MENTIONS + "WHERE a.entity_id = ? ORDER BY m.doc_id, m.start"
    return [StoredMention.from_row(decode_row(r)) for r in conn.execute(sql, (entity_id,))]


def actor_mentions(conn: sqlite3.Connection, doc_id: str, key: str) -> list[StoredMention]:
    """Mentions of one article's actor, by offset."""
    sql = _MENTIONS + "WHERE a.doc_id = ? AND a.key = ? ORDER BY m.doc_id, m.start"
    return [StoredMention.from_row(decode_row(r)) for r in conn.execute(sql, (doc_id, key))]


def stories(conn: sqlite3.Connection) -> Iterator[tuple[str, str, list[str]]]:
    """(id, title, article ids oldest first) of every story, by id."""
    for row in conn.execute("SELECT id, title FROM stories ORDER BY id").fetchall():
        sql = ("SELECT sd.doc_id FROM story_docs sd LEFT JOIN documents d ON d.id = sd.doc_id "
               "WHERE sd.story_id = ? ORDER BY d.published, sd.doc_id")
        docs = [r["doc_id"] for r in conn.execute(sql, (row["id"],))]
        yield row["id"], row["title"], docs
