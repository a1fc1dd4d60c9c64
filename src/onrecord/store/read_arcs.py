"""Reads of a story's arc and of the dated relations its timeline shows.

``related`` lists the stories the link pass related to one story (``story_links``, see
:mod:`onrecord.link.arcs`); ``spans`` gives stories' first and last publication dates;
``dated_relations`` the story's relations dated by their own sentence, between two entities.
"""

from __future__ import annotations

import json
import sqlite3

from onrecord.store.read_base import Row, placeholders


def related(conn: sqlite3.Connection, story_id: str, limit: int = 10) -> list[Row]:
    """The stories related to ``story_id``, best first: id, title, score, shared (entity ids and
    names), first and last publication date, articles."""
    sql = ("SELECT sl.related AS id, s.title, sl.score, sl.shared FROM story_links sl "
           "JOIN stories s ON s.id = sl.related WHERE sl.story_id = ? ORDER BY sl.score DESC, sl.related LIMIT ?")
    rows = [dict(r) for r in conn.execute(sql, (story_id, limit))]
    ids = sorted({e for r in rows for e in json.loads(r["shared"])})
    names = {}
    if ids:
        sql = f"SELECT id, name FROM entities WHERE id IN ({placeholders(ids)})"
        names = {r["id"]: r["name"] for r in conn.execute(sql, ids)}
    extent = spans(conn, [r["id"] for r in rows])
    for r in rows:
        r["shared"] = [{"id": e, "name": names.get(e, e)} for e in json.loads(r["shared"])]
        r.update(extent.get(r["id"], {"first": None, "last": None, "articles": 0}))
    return rows


def spans(conn: sqlite3.Connection, story_ids: list[str]) -> dict[str, Row]:
    """Per story: its first and last publication date and its number of articles."""
    if not story_ids:
        return {}
    sql = ("SELECT sd.story_id, MIN(d.published) AS first, MAX(d.published) AS last, COUNT(*) AS articles "
           f"FROM story_docs sd LEFT JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id IN "
           f"({placeholders(story_ids)}) GROUP BY sd.story_id")
    return {r["story_id"]: {"first": r["first"], "last": r["last"], "articles": r["articles"]}
            for r in conn.execute(sql, story_ids)}


def dated_relations(conn: sqlite3.Connection, story_id: str, limit: int = 200) -> list[Row]:
    """The story's relations dated by a time expression of their sentence, between two different
    entities, by date: the relation's fields, the entities' names, the article's outlet and date."""
    sql = ("SELECT r.id, r.doc_id, r.start, r.end, r.text, r.type, r.mode, r.date, r.status, r.claimant_name, "
           "r.source_entity, es.name AS source_name, r.target_entity, et.name AS target_name, "
           "d.outlet, d.published FROM relations r JOIN entities es ON es.id = r.source_entity "
           "JOIN entities et ON et.id = r.target_entity JOIN documents d ON d.id = r.doc_id "
           "WHERE r.doc_id IN (SELECT doc_id FROM story_docs WHERE story_id = ?) AND r.date_source = 'sentence' "
           "AND r.source_entity != r.target_entity ORDER BY r.date, d.published, r.doc_id, r.idx LIMIT ?")
    return [dict(r) for r in conn.execute(sql, (story_id, limit))]


def all_related(conn: sqlite3.Connection) -> dict[str, list[Row]]:
    """Per story, its related stories best first: ``{story, score, shared}`` (shared: entity ids)."""
    out: dict[str, list[Row]] = {}
    for r in conn.execute("SELECT * FROM story_links ORDER BY story_id, score DESC, related"):
        out.setdefault(r["story_id"], []).append(
            {"story": r["related"], "score": r["score"], "shared": json.loads(r["shared"])})
    return out
