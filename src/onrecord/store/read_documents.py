"""Reads of articles: lists, one article with its extracted items and links, search, problems."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from onrecord.store.fts import full_text, has_words, snippet_sql
from onrecord.store.read_base import Page, Row, chunks, decode_row, page, placeholders, rows

# ``opening``: the first characters of an untitled article's body, what names it (onrecord.labels)
DOC_COLUMNS = ("d.id, d.title, d.outlet, d.published, d.source, d.url, d.added_at, "
               "CASE WHEN COALESCE(TRIM(d.title), '') = '' THEN substr(d.body, 1, 160) END AS opening")
ITEM_ORDER = {"quotes": "idx", "claims": "idx", "times": "idx", "events": "idx", "mentions": "start",
              "actors": "rowid"}


def documents(conn: sqlite3.Connection, q: str = "", outlet: str = "", limit: int = 50,
              offset: int = 0) -> Page:
    """Articles (listing columns), newest first; with ``q``, the matches, most recently added first,
    each with its ``snippet`` (the words around the match, matches marked: :func:`snippet_sql`)."""
    where, params = [], []
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet)
    if has_words(q):
        sql = (f"SELECT {DOC_COLUMNS}, {snippet_sql('documents_fts', 2)} AS snippet "
               "FROM documents_fts f JOIN documents d ON d.id = f.doc_id "
               "WHERE documents_fts MATCH ?" + "".join(f" AND {w}" for w in where) + " ORDER BY f.rowid DESC")
        return full_text(lambda match: page(conn, sql, [match, *params], limit, offset), q)
    sql = f"SELECT {DOC_COLUMNS} FROM documents d"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return page(conn, sql + " ORDER BY d.published DESC, d.rowid DESC", params, limit, offset)


def latest(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> Page:
    """Articles most recently added first (listing columns)."""
    return page(conn, f"SELECT {DOC_COLUMNS} FROM documents d ORDER BY d.rowid DESC", (), limit, offset)


def all_documents(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0) -> list[Row]:
    """Whole article rows, newest published first."""
    return rows(conn, "documents", order="published DESC, id", limit=limit, offset=offset)


def document(conn: sqlite3.Connection, doc_id: str) -> Row | None:
    """One whole article row, or None."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return decode_row(row) if row else None


def doc_items(conn: sqlite3.Connection, table: str, doc_id: str) -> list[Row]:
    """The rows one article has in ``table`` (quotes, claims, times, events, mentions, actors), in text order."""
    if table not in ITEM_ORDER:
        raise ValueError(f"unknown table {table!r}")
    sql = f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY {ITEM_ORDER[table]}"
    return [decode_row(r) for r in conn.execute(sql, (doc_id,))]


def doc_links(conn: sqlite3.Connection, doc_id: str) -> list[Row]:
    """Links touching this document or its items, with the other side of each link."""
    sql = (
        "SELECT mine.item AS item, l.id AS link, l.kind, l.note, other.item AS other, "
        "d.outlet AS other_outlet, d.title AS other_title, d.published AS other_published "
        "FROM link_items mine JOIN links l ON l.id = mine.link_id "
        "JOIN link_items other ON other.link_id = l.id AND other.item != mine.item "
        "LEFT JOIN documents d ON d.id = (CASE WHEN instr(other.item, '/') > 0 "
        "THEN substr(other.item, 1, instr(other.item, '/') - 1) ELSE other.item END) "
        "WHERE mine.item = ? OR (mine.item >= ? AND mine.item < ?) ORDER BY l.kind, mine.item LIMIT 500"
    )
    return [decode_row(r) for r in conn.execute(sql, (doc_id, doc_id + "/", doc_id + "0"))]


def doc_stories(conn: sqlite3.Connection, doc_id: str) -> list[str]:
    """Ids of the stories an article belongs to."""
    sql = "SELECT story_id FROM story_docs WHERE doc_id = ?"
    return [r["story_id"] for r in conn.execute(sql, (doc_id,))]


def docs_by_id(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Row]:
    """Listing columns of the given articles, by id (unknown ids are left out)."""
    out: dict[str, Row] = {}
    for chunk in chunks(list(dict.fromkeys(ids))):
        sql = f"SELECT {DOC_COLUMNS} FROM documents d WHERE d.id IN ({placeholders(chunk)})"
        out.update({r["id"]: decode_row(r) for r in conn.execute(sql, chunk)})
    return out


def outlets(conn: sqlite3.Connection) -> list[str]:
    """The outlets of the ledger's articles, in name order (at most 500)."""
    sql = "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet LIMIT 500"
    return [r["outlet"] for r in conn.execute(sql)]


def doc_known(conn: sqlite3.Connection, doc_id: str) -> bool:
    """Whether an article with this id is in the ledger."""
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def search(conn: sqlite3.Connection, query: str, limit: int = 50) -> list[Row]:
    """Full-text search over titles and bodies, best match first: ``doc_id``, ``title``, ``snippet``.

    ``query`` is read as :func:`onrecord.store.fts.full_text` reads every search.
    """
    if not has_words(query):
        return []
    sql = (
        "SELECT doc_id, title, snippet(documents_fts, 2, '[', ']', '…', 12) AS snippet "
        "FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
    )
    return full_text(lambda match: [dict(r) for r in conn.execute(sql, (match, limit))], query)


# ---------------------------------------------------------------------------- inputs and problems


def problems_page(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> Page:
    """Ingest problems, newest first."""
    return page(conn, "SELECT id, input, stage, reason, severity, at FROM problems ORDER BY id DESC", (), limit, offset)


def problems(conn: sqlite3.Connection) -> list[Row]:
    """Every recorded problem, oldest first, with the build that saw it."""
    return rows(conn, "problems", order="id")


def input_state(conn: sqlite3.Connection, source: str) -> tuple[str, str] | None:
    """(content hash, quote readers) of the input as last analysed; ledgers written before
    readers were recorded only ever used the CRF ("crf")."""
    sql = "SELECT content_hash, readers FROM inputs WHERE source = ?"
    row = conn.execute(sql, (source,)).fetchone()
    return (row["content_hash"], row["readers"] or "crf") if row else None


def input_states(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """:func:`input_state` of every input, by source (what a distributed build filters with)."""
    sql = "SELECT source, content_hash, readers FROM inputs"
    return {row["source"]: (row["content_hash"], row["readers"] or "crf") for row in conn.execute(sql)}
