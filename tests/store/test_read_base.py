"""Pages, row lists, counts and row decoding."""

from __future__ import annotations

import sqlite3

import pytest

from onrecord.store.read_base import (
    MAX_LIMIT,
    chunks,
    count,
    decode_row,
    page,
    placeholders,
    rows,
    totals,
)


def test_page_says_whether_a_next_page_exists(conn: sqlite3.Connection) -> None:
    sql = "SELECT id FROM documents ORDER BY id"
    first = page(conn, sql, (), 2, 0)
    assert [d["id"] for d in first.items] == ["docA", "docB"] and first.has_next
    last = page(conn, sql, (), 2, 4)
    assert [d["id"] for d in last.items] == ["docX"] and not last.has_next
    assert last.as_dict() == {"items": [{"id": "docX"}], "limit": 2, "offset": 4, "next_offset": None}
    assert first.as_dict()["next_offset"] == 2
    assert page(conn, sql, (), 10_000, -5).limit == MAX_LIMIT and page(conn, sql, (), 0, -5).offset == 0


def test_rows_decode_json_columns_and_refuse_unknown_tables(conn: sqlite3.Connection) -> None:
    quote = rows(conn, "quotes", "id = ?", ("docA/q0",))[0]
    assert quote["speaker_mention"]["text"] == "Dmitry Peskov"
    assert [r["id"] for r in rows(conn, "documents", order="id", limit=2, offset=1)] == ["docB", "docD"]
    with pytest.raises(ValueError, match="unknown table"):
        rows(conn, "sqlite_master")
    with pytest.raises(ValueError, match="unknown table"):
        count(conn, "documents; DROP TABLE documents")


def test_counts_and_totals(conn: sqlite3.Connection) -> None:
    assert count(conn, "documents") == 5
    assert totals(conn) == {"documents": 5, "entities": 5, "quotes": 5, "claims": 5, "events": 4, "stories": 1,
                            "links": 5, "problems": 1}


def test_decode_row_keys_by_column_name() -> None:
    mem = sqlite3.connect(":memory:")
    mem.row_factory = sqlite3.Row
    row = mem.execute("""SELECT '["a", "b"]' AS aliases, '[1]' AS plain, NULL AS roles""").fetchone()
    assert decode_row(row) == {"aliases": ["a", "b"], "plain": "[1]", "roles": None}


def test_chunks_and_placeholders() -> None:
    assert [list(c) for c in chunks([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    assert chunks([], 2) == [] and placeholders([1, 2, 3]) == "?,?,?"
