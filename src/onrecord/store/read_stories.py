"""Reads of stories: the story list, one story's articles, actors and timeline."""

from __future__ import annotations

import sqlite3
from typing import Any

from onrecord.store.read_base import Page, Row, decode_row, page, placeholders
from onrecord.store.read_documents import DOC_COLUMNS
from onrecord.store.salience import STORY_DOCS, ranked


def stories(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> Page:
    """Stories by size; outlet and date counts are computed for the page's stories only."""
    sql = ("SELECT s.id, s.title, COUNT(sd.doc_id) AS articles FROM stories s "
           "JOIN story_docs sd ON sd.story_id = s.id GROUP BY s.id ORDER BY articles DESC, s.id")
    found = page(conn, sql, (), limit, offset)
    ids = [s["id"] for s in found.items]
    if ids:
        detail = (
            "SELECT sd.story_id, COUNT(DISTINCT d.outlet) AS outlets, COUNT(DISTINCT d.published) AS dates, "
            "MIN(d.published) AS first, MAX(d.published) AS last FROM story_docs sd "
            f"JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id IN ({placeholders(ids)}) GROUP BY sd.story_id"
        )
        extra = {r["story_id"]: dict(r) for r in conn.execute(detail, ids)}
        for item in found.items:
            row = extra.get(item["id"], {})
            item.update({k: row.get(k) for k in ("outlets", "dates", "first", "last")})
    return found


def story(conn: sqlite3.Connection, story_id: str) -> Row | None:
    """A story's id and title, or None."""
    row = conn.execute("SELECT id, title FROM stories WHERE id = ?", (story_id,)).fetchone()
    return decode_row(row) if row else None


def story_docs(conn: sqlite3.Connection, story_id: str, limit: int = 50, offset: int = 0) -> Page:
    """A story's articles (listing columns), oldest first."""
    sql = (f"SELECT {DOC_COLUMNS} FROM story_docs sd JOIN documents d ON d.id = sd.doc_id "
           "WHERE sd.story_id = ? ORDER BY d.published, d.id")
    return page(conn, sql, (story_id,), limit, offset)


def timeline(conn: sqlite3.Connection, story_id: str | None, limit: int = 100) -> list[Row]:
    """The most salient timeline entries of a story (or of the whole ledger), in date order."""
    where = "WHERE story_id = ?" if story_id else ""
    params: tuple[Any, ...] = (story_id,) if story_id else ()
    sql = (f"SELECT * FROM (SELECT * FROM timeline {where} ORDER BY salience DESC, date LIMIT ?) "
           "ORDER BY date, id")
    return [decode_row(r) for r in conn.execute(sql, (*params, limit))]


def story_actors(conn: sqlite3.Connection, story_id: str, limit: int = 15) -> list[Row]:
    """A story's entities by salience counted within its articles (:mod:`onrecord.store.salience`)."""
    return ranked(conn, STORY_DOCS, (story_id,), limit)
