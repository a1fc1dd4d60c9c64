"""Reads of actors: merged entities, the names they go by in each article, who appears with whom."""

from __future__ import annotations

import sqlite3
from typing import Any

from onrecord.store.read_base import LIKE, Page, Row, contains, decode_row, page

COOCCURRENCE_SAMPLE = 1000


def actors(conn: sqlite3.Connection, q: str = "", limit: int = 50, offset: int = 0) -> Page:
    """Entities by number of articles; ``q`` is part of a name or alias."""
    sql = "SELECT id, name, type, aliases, doc_count, mention_count FROM entities"
    params: list[Any] = []
    if q:
        sql += f" WHERE name {LIKE} OR aliases {LIKE}"
        params += [contains(q), contains(q)]
    return page(conn, sql + " ORDER BY doc_count DESC, name", params, limit, offset)


def entity(conn: sqlite3.Connection, entity_id: str) -> Row | None:
    """One entity row, or None."""
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return decode_row(row) if row else None


def entity_names(conn: sqlite3.Connection, entity_id: str, limit: int = 100) -> list[Row]:
    """Each name, alias and role the entity goes by in each article, with the article."""
    sql = ("SELECT a.doc_id, a.key, a.name, a.aliases, a.roles, d.outlet, d.published, d.title "
           "FROM actors a JOIN documents d ON d.id = a.doc_id WHERE a.entity_id = ? "
           "ORDER BY a.rowid DESC LIMIT ?")
    return [decode_row(r) for r in conn.execute(sql, (entity_id, limit))]


def cooccurring(conn: sqlite3.Connection, entity_id: str, limit: int = 20) -> list[Row]:
    """Actors sharing articles with this one, counted over its latest-added 1,000 articles."""
    sql = (
        "WITH mine AS (SELECT doc_id FROM actors WHERE entity_id = ? ORDER BY rowid DESC LIMIT ?) "
        "SELECT e.id, e.name, e.type, n AS articles FROM (SELECT b.entity_id AS eid, COUNT(DISTINCT b.doc_id) AS n "
        "FROM mine JOIN actors b ON b.doc_id = mine.doc_id WHERE b.entity_id != ? GROUP BY b.entity_id) "
        "JOIN entities e ON e.id = eid ORDER BY n DESC, e.name LIMIT ?"
    )
    return [decode_row(r) for r in conn.execute(sql, (entity_id, COOCCURRENCE_SAMPLE, entity_id, limit))]


def name_known(conn: sqlite3.Connection, name: str) -> bool:
    """Whether an entity or an article's actor goes by exactly this name."""
    sql = "SELECT 1 FROM entities WHERE name = ? UNION ALL SELECT 1 FROM actors WHERE name = ? LIMIT 1"
    return conn.execute(sql, (name, name)).fetchone() is not None
