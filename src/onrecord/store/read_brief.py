"""Reads the brief needs: a story's events with the outlets that report each, a sentence's bounds."""

from __future__ import annotations

import sqlite3

from onrecord.store.read_base import Row, chunks, decode_row, placeholders
from onrecord.store.read_items import QUOTE_COLUMNS

# A story's events, each with the outlets of its own article and of the events a ``same_event``
# link joins it with (the outlets that report the same thing), most reported first.
_EVENTS = """
WITH ev AS (SELECT e.id, e.doc_id, e.start, e.end, e.text, e.date, e.kind, e.entities, d.outlet, d.published,
                   d.title
            FROM story_docs sd JOIN events e ON e.doc_id = sd.doc_id JOIN documents d ON d.id = e.doc_id
            WHERE sd.story_id = ?),
     echo AS (SELECT ev.id, COALESCE(od.outlet, od.id) AS outlet, other.item AS other
              FROM ev JOIN link_items mine ON mine.item = ev.id
              JOIN links l ON l.id = mine.link_id AND l.kind = 'same_event'
              JOIN link_items other ON other.link_id = l.id
              JOIN documents od ON od.id = substr(other.item, 1, instr(other.item, '/') - 1)),
     reach AS (SELECT id, COUNT(DISTINCT outlet) AS outlets, group_concat(DISTINCT outlet) AS names,
                      group_concat(DISTINCT other) AS linked
               FROM echo GROUP BY id)
SELECT ev.*, COALESCE(reach.outlets, 1) AS outlets, reach.names AS outlet_names, reach.linked AS linked
FROM ev LEFT JOIN reach ON reach.id = ev.id
ORDER BY outlets DESC, ev.published, ev.doc_id, ev.start LIMIT ?
"""


def story_events(conn: sqlite3.Connection, story_id: str, limit: int = 300) -> list[Row]:
    """A story's events (``id``, ``doc_id``, offsets, ``text``, ``date``, ``entities``, the
    article's ``outlet``, ``published`` and ``title``), each with ``outlets``: how many outlets
    report it (its own and those of the events linked to it as the same event) and
    ``outlet_names`` and ``linked`` (the ids of the events linked to it; comma-separated), most
    reported first."""
    return [decode_row(r) for r in conn.execute(_EVENTS, (story_id, limit))]


def body_of(conn: sqlite3.Connection, doc_id: str) -> str:
    """An article's clean body ('' when unknown)."""
    row = conn.execute("SELECT body FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row["body"] if row else ""


def events_by_id(conn: sqlite3.Connection, ids: list[str]) -> list[Row]:
    """These events (``id``, ``doc_id``, offsets, ``text``, ``date``) with their article's outlet
    and date, in no order."""
    out: list[Row] = []
    for chunk in chunks(list(dict.fromkeys(ids))):
        sql = ("SELECT e.id, e.doc_id, e.start, e.end, e.text, e.date, d.outlet, d.published FROM events e "
               f"JOIN documents d ON d.id = e.doc_id WHERE e.id IN ({placeholders(chunk)})")
        out += [decode_row(r) for r in conn.execute(sql, chunk)]
    return out


def story_quotes(conn: sqlite3.Connection, story_id: str, limit: int) -> tuple[list[Row], bool]:
    """A story's newest ``limit`` statements in words (speech and writing, the explorer's
    columns) in one read, and whether more exist: what its "who said what" ranks."""
    sql = (f"SELECT {QUOTE_COLUMNS} FROM story_docs sd JOIN documents d ON d.id = sd.doc_id "
           "JOIN quotes q ON q.doc_id = sd.doc_id WHERE sd.story_id = ? AND q.act IN ('speech', 'writing') "
           "ORDER BY d.published DESC, d.rowid DESC, q.idx LIMIT ?")
    found = [decode_row(r) for r in conn.execute(sql, (story_id, limit + 1))]
    return found[:limit], len(found) > limit
