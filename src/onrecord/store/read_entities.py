"""Reads of actors: merged entities, the names they go by in each article, who appears with whom."""

from __future__ import annotations

import sqlite3
from typing import Any

from onrecord.store.read_base import LIKE, Page, Row, contains, decode_row, page
from onrecord.store.read_documents import docs_by_id
from onrecord.store.salience import ALL_DOCS, ranked, ranked_sql

COOCCURRENCE_SAMPLE = 1000


def actors(conn: sqlite3.Connection, q: str = "", limit: int = 50, offset: int = 0) -> Page:
    """Entities by salience (:mod:`onrecord.store.salience`), those set aside left out; ``q`` is
    part of a name or alias."""
    where = "WHERE e.set_aside IS NULL"
    params: list[Any] = []
    if q:
        where += f" AND (e.name {LIKE} OR e.aliases {LIKE})"
        params += [contains(q), contains(q)]
    return page(conn, ranked_sql(ALL_DOCS, where), params, limit, offset)


def set_aside(conn: sqlite3.Connection, limit: int = 200) -> list[Row]:
    """Entities the link pass left out of the actor lists, with the reason, most salient first."""
    return ranked(conn, ALL_DOCS, (), limit, where="WHERE e.set_aside IS NOT NULL")


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
    """Actors sharing articles with this one, by salience within its latest-added 1,000 articles."""
    scope = "SELECT doc_id FROM actors WHERE entity_id = ? ORDER BY rowid DESC LIMIT ?"
    where = "WHERE e.set_aside IS NULL AND e.id != ?"
    return ranked(conn, scope, (entity_id, COOCCURRENCE_SAMPLE, entity_id), limit, where=where)


def name_known(conn: sqlite3.Connection, name: str) -> bool:
    """Whether an entity or an article's actor goes by exactly this name."""
    sql = "SELECT 1 FROM entities WHERE name = ? UNION ALL SELECT 1 FROM actors WHERE name = ? LIMIT 1"
    return conn.execute(sql, (name, name)).fetchone() is not None


PRONOUNS = frozenset("he him his she her hers they them their it its".split())
SOURCES_PER_FORM = 3


def entity_forms(conn: sqlite3.Connection, entity_id: str) -> list[Row]:
    """Every form that resolved to the entity: each name as written (``name``), each role
    (``role``) and each speaker span of its quotes that is a pronoun (``pronoun``) or a
    description (``description``: "the former KGB officer"), with how often and its first
    sources, one per document (document, offsets, and the quote's id when a quote names it),
    most frequent first."""
    forms: dict[tuple[str, str], Row] = {}

    def add(kind: str, text: str, doc: str, start: int, end: int, item: str | None = None) -> None:
        form = forms.setdefault((kind, text), {"kind": kind, "text": text, "count": 0, "sources": []})
        form["count"] += 1
        if len(form["sources"]) < SOURCES_PER_FORM and doc not in {s["doc"] for s in form["sources"]}:
            form["sources"].append({"doc": doc, "start": start, "end": end, "item": item})

    mentions = ("SELECT m.text, m.doc_id, m.start, m.end FROM actors a JOIN mentions m "
                "ON m.doc_id = a.doc_id AND m.actor_key = a.key WHERE a.entity_id = ? ORDER BY m.doc_id, m.start")
    for r in conn.execute(mentions, (entity_id,)):
        add("name", r["text"], r["doc_id"], r["start"], r["end"])
    names = {text.lower() for _, text in forms}
    roles = "SELECT doc_id, roles FROM actors WHERE entity_id = ? ORDER BY doc_id"
    for r in conn.execute(roles, (entity_id,)):
        for role in decode_row(r)["roles"]:
            add("role", role["text"], r["doc_id"], role["start"], role["end"])
    speakers = ("SELECT id, doc_id, speaker_mention FROM quotes WHERE speaker = ? "
                "AND speaker_mention IS NOT NULL ORDER BY doc_id, start")
    for r in conn.execute(speakers, (entity_id,)):
        m = decode_row(r)["speaker_mention"]
        text = m["text"].strip()
        low = text.lower()
        if low in names or any(low.endswith(" " + n) for n in names if len(n) > 3):
            continue  # a name, with or without a title ("President Putin"): listed among the names
        if low in PRONOUNS:
            add("pronoun", low, r["doc_id"], m["start"], m["end"], r["id"])
        else:
            add("description", text, r["doc_id"], m["start"], m["end"], r["id"])
    order = {"name": 0, "role": 1, "description": 2, "pronoun": 3}
    outlets = docs_by_id(conn, sorted({s["doc"] for f in forms.values() for s in f["sources"]}))
    for f in forms.values():
        for s in f["sources"]:
            d = outlets.get(s["doc"], {})
            s.update(outlet=d.get("outlet"), published=d.get("published"))
    return sorted(forms.values(), key=lambda f: (order[f["kind"]], -f["count"], f["text"]))


def standing(conn: sqlite3.Connection, entity_id: str) -> Row | None:
    """The entity's counts and salience over the whole ledger (as :func:`actors` ranks it)."""
    found = ranked(conn, ALL_DOCS, (entity_id,), 1, where="WHERE e.id = ?")
    return found[0] if found else None
