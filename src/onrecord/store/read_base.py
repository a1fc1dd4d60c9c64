"""What every read of the ledger shares: row decoding, pages, row lists and counts.

Reads return rows as dicts keyed by column name, JSON columns decoded (:func:`decode_row`), ready
for templates and JSON. List reads take
``limit``/``offset`` and ask for one row more than they return, so a page knows whether a next
page exists without counting the whole table.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

Row = dict[str, Any]
"""One ledger row: column name -> value, JSON columns decoded."""

T = TypeVar("T")

MAX_LIMIT = 200
TABLES = frozenset({"documents", "entities", "actors", "mentions", "quotes", "claims", "times", "events", "relations",
                    "stories", "story_docs", "links", "link_items", "timeline", "problems", "builds", "inputs"})
COUNTED = ("documents", "entities", "quotes", "claims", "events", "stories", "links", "problems")
JSON_COLUMNS = frozenset({
    "authors", "captions", "removed", "entries", "segments", "aliases", "roles", "actors",
    "entities", "items", "events", "sources", "docs", "speaker_mention", "merged", "fragments", "via",
})

LIKE = "LIKE ? ESCAPE '\\'"
"""A LIKE comparison whose pattern comes from :func:`contains` (``\\`` escapes ``%`` and ``_``)."""


def contains(text: str) -> str:
    """A :data:`LIKE` pattern matching ``text`` anywhere, its ``%``, ``_`` and ``\\`` taken
    literally, so a filter for ``50%`` or ``a_b`` finds those characters, not any others."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def decode_row(row: sqlite3.Row) -> Row:
    """A row as a dict keyed by column name, its JSON columns decoded."""
    out: Row = {}
    for key in row.keys():
        value = row[key]
        out[key] = json.loads(value) if key in JSON_COLUMNS and isinstance(value, str) else value
    return out


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list read; ``has_next`` says whether rows follow it."""

    items: list[Row]
    limit: int
    offset: int
    has_next: bool

    def as_dict(self) -> dict[str, Any]:
        nxt = self.offset + self.limit if self.has_next else None
        return {"items": self.items, "limit": self.limit, "offset": self.offset, "next_offset": nxt}


def page(conn: sqlite3.Connection, sql: str, params: Sequence[Any], limit: int, offset: int) -> Page:
    """Run ``sql`` (without LIMIT) for one page; ``limit`` is clamped to 1..:data:`MAX_LIMIT`."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    rows = conn.execute(f"{sql} LIMIT ? OFFSET ?", (*params, limit + 1, offset)).fetchall()
    return Page([decode_row(r) for r in rows[:limit]], limit, offset, len(rows) > limit)


def placeholders(values: Sequence[Any]) -> str:
    """``?,?,?`` for an ``IN (...)`` list of ``values``."""
    return ",".join("?" * len(values))


def chunks(values: Sequence[T], size: int = 500) -> list[Sequence[T]]:
    """``values`` cut into lists of at most ``size`` (SQLite limits the parameters of one query)."""
    return [values[i:i + size] for i in range(0, len(values), size)]


def _table(table: str) -> str:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")
    return table


def iter_rows(conn: sqlite3.Connection, table: str, where: str = "", params: Sequence[Any] = (),
              order: str = "rowid", limit: int | None = None, offset: int = 0) -> Iterator[Row]:
    """Rows of one table streamed (JSON columns decoded). ``where``/``order`` are trusted SQL from code."""
    sql = f"SELECT * FROM {_table(table)}"
    if where:
        sql += f" WHERE {where}"
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    for row in conn.execute(sql, tuple(params)):
        yield decode_row(row)


def rows(conn: sqlite3.Connection, table: str, where: str = "", params: Sequence[Any] = (),
         order: str = "rowid", limit: int | None = None, offset: int = 0) -> list[Row]:
    """Rows of one table as a list (see :func:`iter_rows`)."""
    return list(iter_rows(conn, table, where, params, order, limit, offset))


def count(conn: sqlite3.Connection, table: str) -> int:
    """The number of rows in one table."""
    return int(conn.execute(f"SELECT COUNT(*) AS n FROM {_table(table)}").fetchone()["n"])


def totals(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts of the tables the overview and the report show."""
    return {t: count(conn, t) for t in COUNTED}
