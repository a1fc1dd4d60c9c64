"""Salience of entities: one score from what the ledger holds about each, over a set of articles.

``salience = w × mentions + 3 × quotes + 2 × claims + 2 × outlets + documents``, where ``mentions``
counts the entity's mentions, ``quotes`` the quotes it speaks, ``claims`` the figures it states,
``outlets`` the distinct outlets naming it (an article without an outlet counts as its own) and
``documents`` the articles naming it, all within the scope (the whole ledger, or a story's
articles). ``w`` is 1 for people, organisations and groups and 0.5 for places (GPE, LOC, FAC): a
place is often named as a setting ("talks in Russia"), not as someone who acts; when it acts it
speaks or claims and gains from those terms. Entities the link pass set aside (``set_aside``) are
left out of the lists; :func:`set_aside` lists them with the reason.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from onrecord.store.read_base import Row, decode_row

PLACE_TYPES = ("GPE", "LOC", "FAC")

# each article's outlet, read once: looking it up per actor row reads the wide documents rows
OUTLETS = "o AS MATERIALIZED (SELECT id, COALESCE(outlet, id) AS outlet FROM documents)"


def ranked_sql(scope: str | None, where: str = "") -> str:
    """SQL for entities with their counts and ``salience`` over the articles ``scope`` selects
    (a ``SELECT doc_id`` subquery; None: the whole ledger), best first; ``where`` adds conditions
    on ``e`` (entities). Over the whole ledger, mentions and articles are the counts the link pass
    stored on each entity (the same numbers), so only outlets, quotes and figures are counted."""
    inside = "" if scope is None else " AND doc_id IN (SELECT doc_id FROM scope)"
    if scope is None:
        counts = (f"{OUTLETS}, s AS (SELECT a.entity_id AS eid, COUNT(DISTINCT o.outlet) AS outlets "
                  "FROM actors a JOIN o ON o.id = a.doc_id WHERE a.entity_id IS NOT NULL "
                  "GROUP BY a.entity_id), ")
        docs, mentions, joins = "e.doc_count", "e.mention_count", ""
    else:
        counts = (
            f"scope AS ({scope}), {OUTLETS}, "
            "s AS (SELECT a.entity_id AS eid, COUNT(DISTINCT a.doc_id) AS docs, "
            "COUNT(DISTINCT o.outlet) AS outlets FROM actors a JOIN o ON o.id = a.doc_id "
            "WHERE a.entity_id IS NOT NULL AND a.doc_id IN (SELECT doc_id FROM scope) GROUP BY a.entity_id), "
            "m AS (SELECT a.entity_id AS eid, COUNT(*) AS n FROM actors a JOIN mentions mm "
            "ON mm.doc_id = a.doc_id AND mm.actor_key = a.key "
            "WHERE a.entity_id IS NOT NULL AND a.doc_id IN (SELECT doc_id FROM scope) GROUP BY a.entity_id), ")
        docs, mentions, joins = "s.docs", "COALESCE(m.n, 0)", "LEFT JOIN m ON m.eid = s.eid "
    score = (f"(CASE WHEN e.type IN {PLACE_TYPES} THEN 0.5 ELSE 1.0 END) * {mentions}"
             f" + 3 * COALESCE(q.n, 0) + 2 * COALESCE(c.n, 0) + 2 * s.outlets + {docs}")
    return (
        f"WITH {counts}"
        f"q AS (SELECT speaker AS eid, COUNT(*) AS n FROM quotes WHERE speaker IS NOT NULL{inside} GROUP BY speaker), "
        f"c AS (SELECT claimant AS eid, COUNT(*) AS n FROM claims WHERE claimant IS NOT NULL{inside} "
        "GROUP BY claimant) "
        f"SELECT e.id, e.name, e.type, e.aliases, e.set_aside, {docs} AS articles, {docs} AS doc_count, "
        f"s.outlets, {mentions} AS mention_count, COALESCE(q.n, 0) AS quotes, "
        f"COALESCE(c.n, 0) AS claims, ROUND({score}, 1) AS salience "
        f"FROM s JOIN entities e ON e.id = s.eid {joins}LEFT JOIN q ON q.eid = s.eid "
        f"LEFT JOIN c ON c.eid = s.eid {where} ORDER BY salience DESC, e.name"
    )


ALL_DOCS = None  # the whole ledger
STORY_DOCS = "SELECT doc_id FROM story_docs WHERE story_id = ?"


def ranked(conn: sqlite3.Connection, scope: str | None, params: tuple[Any, ...], limit: int,
           where: str = "WHERE e.set_aside IS NULL") -> list[Row]:
    """The ``limit`` most salient entities over ``scope`` (see :func:`ranked_sql`)."""
    sql = ranked_sql(scope, where) + " LIMIT ?"
    return [decode_row(r) for r in conn.execute(sql, (*params, limit))]


def of_entities(conn: sqlite3.Connection, scope: str | None, params: tuple[Any, ...],
                ids: list[str]) -> dict[str, float]:
    """The salience over ``scope`` of each of ``ids`` that is not set aside, by id (what ranks
    the quotes of those speakers)."""
    out: dict[str, float] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        sql = ranked_sql(scope, f"WHERE e.set_aside IS NULL AND e.id IN ({marks})")
        out.update({r["id"]: r["salience"] for r in conn.execute(sql, (*params, *chunk))})
    return out
