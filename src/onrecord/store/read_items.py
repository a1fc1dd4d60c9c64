"""Reads of quotes and claims: the explorers' filtered lists, a story's figures, their links.

Both explorers' text searches match the synonyms of a counted word (:mod:`onrecord.synonyms`):
quotes through FTS5 (each matched word marked, ``marked``), claims through ``LIKE``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.store.fts import full_text, has_words, highlight_sql
from onrecord.store.read_base import (
    LIKE,
    Page,
    Row,
    chunks,
    contains,
    decode_row,
    page,
    placeholders,
)
from onrecord.store.read_entities import entity
from onrecord.synonyms import fts_query, phrase_variants

QUOTE_COLUMNS = (
    "q.id, q.doc_id, q.start, q.end, q.source_start, q.source_end, q.text, q.kind, q.cue, q.speaker, "
    "q.speaker_name, q.wrong, q.fragments, q.act, d.outlet, d.published, d.title"
)
CLAIM_COLUMNS = (
    "c.id, c.doc_id, c.start, c.end, c.source_start, c.source_end, c.text, c.sentence, c.sentence_start, "
    "c.sentence_end, c.value, c.low, "
    "c.high, c.change, c.unit, c.counted, c.measure, c.claimant, c.claimant_name, c.status, c.wrong, c.aside, d.outlet, "
    "d.published, d.title"
)
ACTS = ("speech", "writing", "position", "report")  # the attribution kinds a quote can have
SMALL_ENTITY = 300  # articles; below this, items are fetched by the entity index and sorted


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters of the quotes and claims explorers (empty strings mean "any")."""

    who: str = ""  # entity id or part of a name
    outlet: str = ""
    date_from: str = ""
    date_to: str = ""
    kind: str = ""  # quotes: direct/indirect/mixed
    act: str = ""  # quotes: speech/writing/position/report, "all"; "" = speech and writing
    status: str = ""  # claims: asserted/attributed/...
    q: str = ""  # quotes: full-text query; claims: part of the sentence or of what is counted
    story: str = ""


def _docs_first(conn: sqlite3.Connection, f: Filters) -> bool:
    found = entity(conn, f.who) if f.who else None
    return found is None or (found.get("doc_count") or 0) >= SMALL_ENTITY


def _join(conn: sqlite3.Connection, f: Filters, items: str) -> str:
    """Join order: a rare entity's items by index; otherwise documents by date, stopping at the page."""
    if _docs_first(conn, f):
        return f"documents d CROSS JOIN {items}"
    return f"{items} JOIN documents d"


def _filter_sql(conn: sqlite3.Connection, f: Filters, alias: str, who: str) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.who and entity(conn, f.who) is not None:
        # "+" keeps SQLite from using the speaker/claimant index when documents drive the scan
        where.append(f"{'+' if _docs_first(conn, f) else ''}{alias}.{who} = ?")
        params.append(f.who)
    elif f.who:
        where.append(f"{alias}.{who}_name {LIKE}")
        params.append(contains(f.who))
    if f.outlet:
        where.append("d.outlet = ?")
        params.append(f.outlet)
    if f.date_from:
        where.append("d.published >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("d.published <= ?")
        params.append(f.date_to + "~")  # '~' sorts after any date suffix
    if f.story:
        where.append("d.id IN (SELECT doc_id FROM story_docs WHERE story_id = ?)")
        params.append(f.story)
    return where, params


def quotes(conn: sqlite3.Connection, f: Filters, limit: int = 50, offset: int = 0) -> Page:
    """Quotes, newest articles first; with a text query, the matches most recently added first."""
    where, params = _filter_sql(conn, f, "q", "speaker")
    if f.kind:
        where.append("q.kind = ?")
        params.append(f.kind)
    if f.act in ACTS:
        where.append("q.act = ?")
        params.append(f.act)
    elif f.act != "all":
        where.append("q.act IN ('speech', 'writing')")  # statements in words, the default
    if has_words(f.q):
        sql = (f"SELECT {QUOTE_COLUMNS}, {highlight_sql('quotes_fts', 1)} AS marked FROM quotes_fts f "
               "JOIN quotes q ON q.id = f.quote_id JOIN documents d ON d.id = q.doc_id WHERE quotes_fts MATCH ?"
               + "".join(f" AND {w}" for w in where) + " ORDER BY f.rowid DESC")
        return full_text(lambda match: page(conn, sql, [fts_query(match), *params], limit, offset), f.q)
    sql = f"SELECT {QUOTE_COLUMNS} FROM {_join(conn, f, 'quotes q')} ON q.doc_id = d.id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return page(conn, sql + " ORDER BY d.published DESC, d.rowid DESC, q.idx", params, limit, offset)


def claims(conn: sqlite3.Connection, f: Filters, limit: int = 100, offset: int = 0) -> Page:
    """Claims, newest articles first."""
    where, params = _filter_sql(conn, f, "c", "claimant")
    if f.status:
        where.append("c.status = ?")
        params.append(f.status)
    if f.q:  # the text or any synonym of its counted word (troops: soldiers, personnel, ...)
        variants = phrase_variants(f.q.strip())
        where.append("(" + " OR ".join(f"c.sentence {LIKE} OR c.counted {LIKE}" for _ in variants) + ")")
        params += [contains(v) for v in variants for _ in (0, 1)]
    sql = f"SELECT {CLAIM_COLUMNS} FROM {_join(conn, f, 'claims c')} ON c.doc_id = d.id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return page(conn, sql + " ORDER BY d.published DESC, d.rowid DESC, c.idx", params, limit, offset)


def claims_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> list[Row]:
    """The claims with these ids (with their article's outlet, date and title), in no order."""
    out: list[Row] = []
    for chunk in chunks(list(dict.fromkeys(ids))):
        sql = (f"SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.doc_id "
               f"WHERE c.id IN ({placeholders(chunk)})")
        out += [decode_row(r) for r in conn.execute(sql, chunk)]
    return out


def story_figures(conn: sqlite3.Connection, story_id: str, limit: int = 200) -> list[Row]:
    """A story's claims: those in a conflict first, side details (``aside``) last, then by
    measure and date."""
    sql = (
        f"SELECT {CLAIM_COLUMNS}, EXISTS(SELECT 1 FROM link_items li JOIN links l ON l.id = li.link_id "
        "WHERE li.item = c.id AND l.kind = 'conflicts') AS in_conflict "
        "FROM story_docs sd JOIN documents d ON d.id = sd.doc_id JOIN claims c ON c.doc_id = sd.doc_id "
        "WHERE sd.story_id = ? ORDER BY in_conflict DESC, c.aside != '', c.counted, d.published, c.id LIMIT ?"
    )
    return [decode_row(r) for r in conn.execute(sql, (story_id, limit))]


def item_links(conn: sqlite3.Connection, items: Sequence[str]) -> dict[str, list[Row]]:
    """For each item id: the links it belongs to (``item``, ``id``, ``kind``, ``note``, ``items``)."""
    out: dict[str, list[Row]] = {}
    for chunk in chunks(list(items)):
        sql = (f"SELECT li.item, l.id, l.kind, l.note, l.items FROM link_items li JOIN links l "
               f"ON l.id = li.link_id WHERE li.item IN ({placeholders(chunk)})")
        for r in conn.execute(sql, chunk):
            out.setdefault(r["item"], []).append(decode_row(r))
    return out


def item_known(conn: sqlite3.Connection, item: str) -> bool:
    """Whether a quote or claim has this id."""
    sql = "SELECT 1 FROM quotes WHERE id = ? UNION ALL SELECT 1 FROM claims WHERE id = ? LIMIT 1"
    return conn.execute(sql, (item, item)).fetchone() is not None
