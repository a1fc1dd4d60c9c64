"""The ``relations`` table: rows written per article, entity ids set after linking, reads.

A relation row holds the record's fields (:class:`onrecord.models.Relation`) plus, after the link
pass, the entity ids of its source, target and claimant and the cross-article edge it joins.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any

from onrecord.ids import item_id
from onrecord.models import Document, Relation
from onrecord.store.read_base import Row
from onrecord.store.rows import insert, record

_FILTERS = {"type": "r.type = ?", "status": "r.status = ?", "doc": "r.doc_id = ?", "edge": "r.edge = ?",
            "actor": "(r.source_entity = ? OR r.target_entity = ?)",
            "story": "r.doc_id IN (SELECT doc_id FROM story_docs WHERE story_id = ?)"}
_NAMED = ("SELECT r.*, es.name AS source_name, et.name AS target_name, d.outlet AS outlet, "
          "d.published AS published FROM relations r "
          "LEFT JOIN entities es ON es.id = r.source_entity LEFT JOIN entities et ON et.id = r.target_entity "
          "LEFT JOIN documents d ON d.id = r.doc_id")


def relation_row(d: Document, index: int, r: Relation) -> dict[str, Any]:
    start, end = (r.source_start, r.source_end) if r.source_start is not None else d.to_source(r.start, r.end)
    return {"id": item_id(d.id, "r", index), "doc_id": d.id, "idx": index, "start": r.start, "end": r.end,
            "source_start": start, "source_end": end, "text": r.text, "cue": r.cue, "cue_start": r.cue_start,
            "cue_end": r.cue_end, "type": r.type, "mode": r.mode, "source_key": r.source_key,
            "source_text": r.source_text, "target_key": r.target_key, "target_text": r.target_text,
            "date": r.date, "date_source": r.date_source, "status": r.status, "claimant_key": r.claimant_key,
            "claimant_name": r.claimant_name}


def insert_relations(conn: sqlite3.Connection, d: Document, relations: tuple[Relation, ...]) -> None:
    insert(conn, "relations", [relation_row(d, i, r) for i, r in enumerate(relations)])


def relation_from_row(r: Row) -> Relation:
    return record(Relation, r)


def doc_relations(conn: sqlite3.Connection, doc_id: str) -> tuple[Relation, ...]:
    rows = conn.execute("SELECT * FROM relations WHERE doc_id = ? ORDER BY idx", (doc_id,)).fetchall()
    return tuple(relation_from_row(r) for r in rows)


def set_relation_entities(conn: sqlite3.Connection) -> None:
    """Each relation's source, target and claimant as entity ids (the link pass has set them on actors)."""
    entity_of = {(r["doc_id"], r["key"]): r["entity_id"]
                 for r in conn.execute("SELECT doc_id, key, entity_id FROM actors")}
    rows = [{"id": r["id"], "s": entity_of.get((r["doc_id"], r["source_key"])),
             "t": entity_of.get((r["doc_id"], r["target_key"])),
             "c": entity_of.get((r["doc_id"], r["claimant_key"]))}
            for r in conn.execute("SELECT id, doc_id, source_key, target_key, claimant_key FROM relations")]
    conn.executemany("UPDATE relations SET source_entity = :s, target_entity = :t, claimant_entity = :c "
                     "WHERE id = :id", rows)


def set_edges(conn: sqlite3.Connection, edges: Mapping[str, tuple[str, int, bool]]) -> None:
    """Record, per relation id, its cross-article edge, the edge's article count and contradiction."""
    conn.execute("UPDATE relations SET edge = NULL, edge_docs = NULL, contradicted = 0")
    conn.executemany("UPDATE relations SET edge = ?, edge_docs = ?, contradicted = ? WHERE id = ?",
                     [(e, n, int(c), rid) for rid, (e, n, c) in edges.items()])


def relation_rows(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0,
                  **filters: str | None) -> Iterator[sqlite3.Row]:
    """Relation rows with their entities' names and outlet (by date, article, index), filtered by
    ``type``, ``status``, ``doc``, ``story``, ``actor`` (an entity id on either side)."""
    where, args = [], []
    for name, value in filters.items():
        if value and name in _FILTERS:
            where.append(_FILTERS[name])
            args += [value] * _FILTERS[name].count("?")
    sql = _NAMED + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY r.date, r.doc_id, r.idx"
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return iter(conn.execute(sql, args))


def entity_names(conn: sqlite3.Connection, ids: tuple[str, ...]) -> dict[str, str]:
    """Entity id -> name for those of ``ids`` that exist."""
    marks = ", ".join("?" * len(ids))
    return {r["id"]: r["name"] for r in conn.execute(f"SELECT id, name FROM entities WHERE id IN ({marks})", ids)}


def partners(conn: sqlite3.Connection, entity: str, limit: int = 20) -> list[sqlite3.Row]:
    """The entities ``entity`` has relations with (either direction): ``id``, ``name``, ``relations``
    (how many), most relations first, then by name."""
    sql = ("SELECT p.other AS id, e.name AS name, p.n AS relations FROM (SELECT CASE WHEN source_entity = ? "
           "THEN target_entity ELSE source_entity END AS other, COUNT(*) AS n FROM relations "
           "WHERE (source_entity = ? OR target_entity = ?) AND source_entity != target_entity "
           "GROUP BY other) p JOIN entities e ON e.id = p.other ORDER BY p.n DESC, e.name LIMIT ?")
    return conn.execute(sql, (entity, entity, entity, int(limit))).fetchall()


def related_people(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """The people and organisations on either side of a relation: ``id``, ``name``, ``roles`` (JSON)."""
    sql = ("SELECT id, name, roles FROM entities WHERE type IN ('PERSON', 'ORG') AND id IN "
           "(SELECT source_entity FROM relations UNION SELECT target_entity FROM relations) ORDER BY id")
    return conn.execute(sql).fetchall()


_ON_EDGE = "r.edge IS NOT NULL AND r.source_entity != r.target_entity"


def _scope(story: str | None, sides: tuple[tuple[str, ...], tuple[str, ...]] | None) -> tuple[str, list[str]]:
    where, args = [_ON_EDGE], []
    if story:
        where.append(_FILTERS["story"])
        args.append(story)
    if sides:
        a, b = sides
        ma, mb = ", ".join("?" * len(a)), ", ".join("?" * len(b))
        where.append(f"((r.source_entity IN ({ma}) AND r.target_entity IN ({mb})) "
                     f"OR (r.source_entity IN ({mb}) AND r.target_entity IN ({ma})))")
        args += [*a, *b, *b, *a]
    return " AND ".join(where), args


def edge_stats(conn: sqlite3.Connection, story: str | None = None,
               sides: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> list[sqlite3.Row]:
    """One row per cross-article edge among the relations of ``story``'s articles, or between an
    entity of ``sides[0]`` and one of ``sides[1]``: ``edge``, ``type``, ``modes`` (comma-joined),
    ``first``/``last`` dates, ``relations``, ``articles``, ``outlets`` (distinct; an article without
    an outlet counts as its own), ``contradicted``."""
    where, args = _scope(story, sides)
    sql = ("SELECT r.edge AS edge, MIN(r.type) AS type, GROUP_CONCAT(DISTINCT r.mode) AS modes, "
           "MIN(r.date) AS first, MAX(r.date) AS last, COUNT(*) AS relations, "
           "COUNT(DISTINCT r.doc_id) AS articles, COUNT(DISTINCT COALESCE(d.outlet, '#' || r.doc_id)) AS outlets, "
           "MAX(r.contradicted) AS contradicted FROM relations r LEFT JOIN documents d ON d.id = r.doc_id "
           f"WHERE {where} GROUP BY r.edge")
    return conn.execute(sql, args).fetchall()


def edge_directions(conn: sqlite3.Connection, story: str | None = None,
                    sides: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> list[sqlite3.Row]:
    """Per edge and direction (``source_entity``, ``target_entity``): how many relations run that
    way and the earliest (``lead``: date, then id), in the same scope as :func:`edge_stats`."""
    where, args = _scope(story, sides)
    sql = ("SELECT r.edge AS edge, r.source_entity AS source_entity, r.target_entity AS target_entity, "
           "COUNT(*) AS relations, MIN(COALESCE(r.date, '~') || ' ' || r.id) AS lead FROM relations r "
           f"WHERE {where} GROUP BY r.edge, r.source_entity, r.target_entity")
    return conn.execute(sql, args).fetchall()


def edge_sources(conn: sqlite3.Connection, edges: tuple[str, ...], cap: int, story: str | None = None) -> list[sqlite3.Row]:
    """The relations of ``edges`` to show (within ``story``'s articles when given): per edge the
    first relation of each (status, claimant) in date order, then the rest by date, ``n`` their
    rank (the first ``cap`` are shown); also every (status, claimant)'s first relation (``k`` = 1)
    however far down, so an edge's statuses are known. By date, undated last. The ranks are taken
    on the bare table; names, outlets and dates are joined to the chosen rows only."""
    if not edges:
        return []
    where = f"r.edge IN ({', '.join('?' * len(edges))})" + (" AND " + _FILTERS["story"] if story else "")
    args: list[object] = [*edges, *([story] if story else []), int(cap)]
    sql = ("WITH ranked AS (SELECT r.id, r.edge, r.date, r.doc_id, r.idx, ROW_NUMBER() OVER (PARTITION BY r.edge, "
           "r.status, COALESCE(r.claimant_name, '') ORDER BY r.date IS NULL, r.date, r.doc_id, r.idx) AS k "
           f"FROM relations r WHERE {where}), "
           "picked AS (SELECT id, k, ROW_NUMBER() OVER (PARTITION BY edge ORDER BY k > 1, date IS NULL, date, "
           "doc_id, idx) AS n FROM ranked) "
           + _NAMED.replace(" FROM relations r ", ", p.k AS k, p.n AS n FROM picked p JOIN relations r ON r.id = p.id ", 1)
           + " WHERE p.k = 1 OR p.n <= ? ORDER BY r.date IS NULL, r.date, r.doc_id, r.idx")
    return conn.execute(sql, args).fetchall()
