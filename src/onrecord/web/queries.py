"""Read queries for the web pages, the report and the exports (SQL against the ledger schema).

Every list query takes ``limit``/``offset`` and asks for one row more than it returns, so pages
know whether a next page exists without counting the whole table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.store.ledger import decode_row

MAX_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict]
    limit: int
    offset: int
    has_next: bool

    def as_dict(self) -> dict:
        nxt = self.offset + self.limit if self.has_next else None
        return {"items": self.items, "limit": self.limit, "offset": self.offset, "next_offset": nxt}


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters of the quotes and claims explorers (empty strings mean "any")."""

    who: str = ""  # entity id or part of a name
    outlet: str = ""
    date_from: str = ""
    date_to: str = ""
    kind: str = ""  # quotes: direct/indirect/mixed
    status: str = ""  # claims: asserted/attributed/...
    q: str = ""  # full-text query
    story: str = ""


def decode(row: sqlite3.Row) -> dict:
    return decode_row(row)


def _page(conn: sqlite3.Connection, sql: str, params: Sequence[Any], limit: int, offset: int) -> Page:
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    rows = conn.execute(f"{sql} LIMIT ? OFFSET ?", (*params, limit + 1, offset)).fetchall()
    return Page([decode(r) for r in rows[:limit]], limit, offset, len(rows) > limit)


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: each word quoted, words ANDed."""
    words = [w.replace('"', '""') for w in text.split() if w.strip()]
    return " ".join(f'"{w}"' for w in words)


def _placeholders(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


# ---------------------------------------------------------------------------- overview


def stories(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> Page:
    """Stories by size; outlet and date counts are computed for the page's stories only."""
    sql = ("SELECT s.id, s.title, COUNT(sd.doc_id) AS articles FROM stories s "
           "JOIN story_docs sd ON sd.story_id = s.id GROUP BY s.id ORDER BY articles DESC, s.id")
    page = _page(conn, sql, (), limit, offset)
    ids = [s["id"] for s in page.items]
    if ids:
        detail = (
            "SELECT sd.story_id, COUNT(DISTINCT d.outlet) AS outlets, COUNT(DISTINCT d.published) AS dates, "
            "MIN(d.published) AS first, MAX(d.published) AS last FROM story_docs sd "
            f"JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id IN ({_placeholders(ids)}) GROUP BY sd.story_id"
        )
        extra = {r["story_id"]: dict(r) for r in conn.execute(detail, ids)}
        for item in page.items:
            row = extra.get(item["id"], {})
            item.update({k: row.get(k) for k in ("outlets", "dates", "first", "last")})
    return page


DOC_COLUMNS = "d.id, d.title, d.outlet, d.published, d.source, d.url, d.added_at"


def latest(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> Page:
    sql = f"SELECT {DOC_COLUMNS} FROM documents d ORDER BY d.rowid DESC"
    return _page(conn, sql, (), limit, offset)


def problems(conn: sqlite3.Connection, limit: int = 20, offset: int = 0) -> Page:
    return _page(conn, "SELECT id, input, stage, reason, at FROM problems ORDER BY id DESC", (), limit, offset)


def totals(conn: sqlite3.Connection) -> dict[str, int]:
    tables = ("documents", "entities", "quotes", "claims", "events", "stories", "links", "problems")
    return {t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}


# ---------------------------------------------------------------------------- documents


def documents(conn: sqlite3.Connection, q: str = "", outlet: str = "", limit: int = 50,
              offset: int = 0) -> Page:
    """Articles, newest first; with ``q``, the matches, most recently added first."""
    where, params = [], []
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet)
    if q and fts_query(q):
        sql = (f"SELECT {DOC_COLUMNS} FROM documents_fts f JOIN documents d ON d.id = f.doc_id "
               "WHERE documents_fts MATCH ?" + "".join(f" AND {w}" for w in where))
        return _page(conn, sql + " ORDER BY f.rowid DESC", [fts_query(q), *params], limit, offset)
    sql = f"SELECT {DOC_COLUMNS} FROM documents d"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return _page(conn, sql + " ORDER BY d.published DESC, d.rowid DESC", params, limit, offset)


def document(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return decode(row) if row else None


def doc_items(conn: sqlite3.Connection, table: str, doc_id: str) -> list[dict]:
    if table not in {"quotes", "claims", "times", "events", "mentions", "actors"}:
        raise ValueError(f"unknown table {table!r}")
    order = "start" if table in {"mentions"} else ("rowid" if table == "actors" else "idx")
    rows = conn.execute(f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY {order}", (doc_id,))
    return [decode(r) for r in rows]


def doc_links(conn: sqlite3.Connection, doc_id: str) -> list[dict]:
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
    return [decode(r) for r in conn.execute(sql, (doc_id, doc_id + "/", doc_id + "0"))]


def docs_by_id(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, dict]:
    ids = list(dict.fromkeys(ids))
    out: dict[str, dict] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        sql = f"SELECT {DOC_COLUMNS} FROM documents d WHERE d.id IN ({_placeholders(chunk)})"
        out.update({r["id"]: decode(r) for r in conn.execute(sql, chunk)})
    return out


def outlets(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet LIMIT 500")
    return [r[0] for r in rows]


# ---------------------------------------------------------------------------- stories


def story(conn: sqlite3.Connection, story_id: str) -> dict | None:
    row = conn.execute("SELECT id, title FROM stories WHERE id = ?", (story_id,)).fetchone()
    return decode(row) if row else None


def story_docs(conn: sqlite3.Connection, story_id: str, limit: int = 50, offset: int = 0) -> Page:
    sql = (f"SELECT {DOC_COLUMNS} FROM story_docs sd JOIN documents d ON d.id = sd.doc_id "
           "WHERE sd.story_id = ? ORDER BY d.published, d.id")
    return _page(conn, sql, (story_id,), limit, offset)


def timeline(conn: sqlite3.Connection, story_id: str | None, limit: int = 100) -> list[dict]:
    """The most salient timeline entries of a story (or of the whole ledger), in date order."""
    where = "WHERE story_id = ?" if story_id else ""
    params: tuple = (story_id,) if story_id else ()
    sql = (f"SELECT * FROM (SELECT * FROM timeline {where} ORDER BY salience DESC, date LIMIT ?) "
           "ORDER BY date, id")
    return [decode(r) for r in conn.execute(sql, (*params, limit))]


def story_actors(conn: sqlite3.Connection, story_id: str, limit: int = 15) -> list[dict]:
    sql = (
        "SELECT e.id, e.name, e.type, COUNT(DISTINCT a.doc_id) AS articles FROM story_docs sd "
        "JOIN actors a ON a.doc_id = sd.doc_id JOIN entities e ON e.id = a.entity_id "
        "WHERE sd.story_id = ? GROUP BY e.id ORDER BY articles DESC, e.name LIMIT ?"
    )
    return [decode(r) for r in conn.execute(sql, (story_id, limit))]


QUOTE_COLUMNS = (
    "q.id, q.doc_id, q.start, q.end, q.source_start, q.source_end, q.text, q.kind, q.cue, q.speaker, "
    "q.speaker_name, q.wrong, d.outlet, d.published, d.title"
)
CLAIM_COLUMNS = (
    "c.id, c.doc_id, c.start, c.end, c.source_start, c.source_end, c.text, c.sentence, c.value, c.low, "
    "c.high, c.change, c.unit, c.counted, c.measure, c.claimant, c.claimant_name, c.status, c.wrong, d.outlet, "
    "d.published, d.title"
)


def _filter_sql(conn: sqlite3.Connection, f: Filters, alias: str, who: str) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.who and entity(conn, f.who) is not None:
        # "+" keeps SQLite from using the speaker/claimant index when documents drive the scan
        where.append(f"{'+' if _docs_first(conn, f) else ''}{alias}.{who} = ?")
        params.append(f.who)
    elif f.who:
        where.append(f"{alias}.{who}_name LIKE ?")
        params.append(f"%{f.who}%")
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
    if f.q and fts_query(f.q):
        sql = (f"SELECT {QUOTE_COLUMNS} FROM quotes_fts f JOIN quotes q ON q.id = f.quote_id "
               "JOIN documents d ON d.id = q.doc_id WHERE quotes_fts MATCH ?"
               + "".join(f" AND {w}" for w in where))
        return _page(conn, sql + " ORDER BY f.rowid DESC", [fts_query(f.q), *params], limit, offset)
    sql = f"SELECT {QUOTE_COLUMNS} FROM {_join(conn, f, 'quotes q')} ON q.doc_id = d.id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return _page(conn, sql + " ORDER BY d.published DESC, d.rowid DESC, q.idx", params, limit, offset)


def claims(conn: sqlite3.Connection, f: Filters, limit: int = 100, offset: int = 0) -> Page:
    where, params = _filter_sql(conn, f, "c", "claimant")
    if f.status:
        where.append("c.status = ?")
        params.append(f.status)
    if f.q:
        where.append("(c.sentence LIKE ? OR c.counted LIKE ?)")
        params += [f"%{f.q}%", f"%{f.q}%"]
    sql = f"SELECT {CLAIM_COLUMNS} FROM {_join(conn, f, 'claims c')} ON c.doc_id = d.id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return _page(conn, sql + " ORDER BY d.published DESC, d.rowid DESC, c.idx", params, limit, offset)


SMALL_ENTITY = 300  # articles; below this, items are fetched by the entity index and sorted


def _docs_first(conn: sqlite3.Connection, f: Filters) -> bool:
    found = entity(conn, f.who) if f.who else None
    return found is None or (found.get("doc_count") or 0) >= SMALL_ENTITY


def _join(conn: sqlite3.Connection, f: Filters, items: str) -> str:
    """Join order: a rare entity's items by index; otherwise documents by date, stopping at the page."""
    if _docs_first(conn, f):
        return f"documents d CROSS JOIN {items}"
    return f"{items} JOIN documents d"


def story_figures(conn: sqlite3.Connection, story_id: str, limit: int = 48) -> list[dict]:
    """A story's claims, those in a conflict first, then by measure and date."""
    sql = (
        f"SELECT {CLAIM_COLUMNS}, EXISTS(SELECT 1 FROM link_items li JOIN links l ON l.id = li.link_id "
        "WHERE li.item = c.id AND l.kind = 'conflicts') AS in_conflict "
        "FROM story_docs sd JOIN documents d ON d.id = sd.doc_id JOIN claims c ON c.doc_id = sd.doc_id "
        "WHERE sd.story_id = ? ORDER BY in_conflict DESC, c.counted, d.published, c.id LIMIT ?"
    )
    return [decode(r) for r in conn.execute(sql, (story_id, limit))]


def conflicts(conn: sqlite3.Connection, items: Sequence[str]) -> dict[str, list[dict]]:
    """For each item id: the links of kind conflicts/corroborates/same_quote it belongs to."""
    out: dict[str, list[dict]] = {}
    items = list(items)
    for i in range(0, len(items), 500):
        chunk = items[i:i + 500]
        sql = (f"SELECT li.item, l.id, l.kind, l.note, l.items FROM link_items li JOIN links l "
               f"ON l.id = li.link_id WHERE li.item IN ({_placeholders(chunk)})")
        for r in conn.execute(sql, chunk):
            out.setdefault(r["item"], []).append(decode(r))
    return out


# ---------------------------------------------------------------------------- actors


def actors(conn: sqlite3.Connection, q: str = "", limit: int = 50, offset: int = 0) -> Page:
    sql = "SELECT id, name, type, aliases, doc_count, mention_count FROM entities"
    params: list[Any] = []
    if q:
        sql += " WHERE name LIKE ? OR aliases LIKE ?"
        params += [f"%{q}%", f"%{q}%"]
    return _page(conn, sql + " ORDER BY doc_count DESC, name", params, limit, offset)


def entity(conn: sqlite3.Connection, entity_id: str) -> dict | None:
    row = conn.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return decode(row) if row else None


def entity_names(conn: sqlite3.Connection, entity_id: str, limit: int = 100) -> list[dict]:
    """Each name, alias and role the entity goes by in each article, with the article."""
    sql = ("SELECT a.doc_id, a.key, a.name, a.aliases, a.roles, d.outlet, d.published, d.title "
           "FROM actors a JOIN documents d ON d.id = a.doc_id WHERE a.entity_id = ? "
           "ORDER BY a.rowid DESC LIMIT ?")
    return [decode(r) for r in conn.execute(sql, (entity_id, limit))]


COOCCURRENCE_SAMPLE = 1000


def cooccurring(conn: sqlite3.Connection, entity_id: str, limit: int = 20) -> list[dict]:
    """Actors sharing articles with this one, counted over its latest-added 1,000 articles."""
    sql = (
        "WITH mine AS (SELECT doc_id FROM actors WHERE entity_id = ? ORDER BY rowid DESC LIMIT ?) "
        "SELECT e.id, e.name, e.type, n AS articles FROM (SELECT b.entity_id AS eid, COUNT(DISTINCT b.doc_id) AS n "
        "FROM mine JOIN actors b ON b.doc_id = mine.doc_id WHERE b.entity_id != ? GROUP BY b.entity_id) "
        "JOIN entities e ON e.id = eid ORDER BY n DESC, e.name LIMIT ?"
    )
    return [decode(r) for r in conn.execute(sql, (entity_id, COOCCURRENCE_SAMPLE, entity_id, limit))]


# ---------------------------------------------------------------------------- corrections support


def name_known(conn: sqlite3.Connection, name: str) -> bool:
    sql = "SELECT 1 FROM entities WHERE name = ? UNION ALL SELECT 1 FROM actors WHERE name = ? LIMIT 1"
    return conn.execute(sql, (name, name)).fetchone() is not None


def item_known(conn: sqlite3.Connection, item: str) -> bool:
    sql = "SELECT 1 FROM quotes WHERE id = ? UNION ALL SELECT 1 FROM claims WHERE id = ? LIMIT 1"
    return conn.execute(sql, (item, item)).fetchone() is not None


def doc_known(conn: sqlite3.Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None
