"""Rows ⇄ records by column name."""

from __future__ import annotations

import sqlite3

from onrecord.models import Claim, TimeExpr
from onrecord.store.rows import claim_from_row, insert, insert_one, record


def test_rows_record_takes_fields_by_column_name_whatever_their_order() -> None:
    row = {"anchor": "published", "granularity": "day", "value": "2025-03-10", "text": "Monday", "end": 6,
           "start": 0, "id": "d1/t0", "doc_id": "d1"}
    assert record(TimeExpr, row) == TimeExpr(0, 6, "Monday", "2025-03-10", "day", "published")


def test_rows_record_keywords_win_over_columns() -> None:
    row = {"start": 0, "end": 6, "text": "Monday", "value": "x", "granularity": None, "anchor": None}
    assert record(TimeExpr, row, value="2025-03-10").value == "2025-03-10"


def test_rows_record_reads_each_row_by_its_own_columns() -> None:
    # rows of one record type with other columns (another query's shape) take only what they have
    full = {"start": 0, "end": 6, "text": "Monday", "value": "2025-03-10", "granularity": "day", "anchor": "a"}
    short = {"start": 1, "end": 7, "text": "Sunday", "value": "2025-03-09", "granularity": "day", "extra": 1}
    assert record(TimeExpr, full).anchor == "a"
    assert record(TimeExpr, short, anchor="b") == TimeExpr(1, 7, "Sunday", "2025-03-09", "day", "b")
    assert record(TimeExpr, {**full, "start": 5}).start == 5


def test_rows_insert_by_column_and_read_back_a_claim() -> None:
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE claims (status, claimant_actor, claimant_name, sentence_end, sentence_start, "
                 "counted, unit, change, high, low, value, text, end, start)")
    row = {"start": 4, "end": 10, "text": "12,000", "sentence_start": 0, "sentence_end": 20, "value": 12000.0,
           "low": None, "high": None, "change": "=", "unit": None, "counted": "workers",
           "claimant_actor": "a0", "claimant_name": "Dana", "status": "attributed"}
    assert insert_one(conn, "claims", row) == 1
    insert(conn, "claims", [{**row, "start": 30}, {**row, "start": 40}])
    got = [claim_from_row(r) for r in conn.execute("SELECT * FROM claims ORDER BY start")]
    assert got[0] == Claim(4, 10, "12,000", 0, 20, 12000.0, None, None, "=", None, "workers", "a0", "Dana",
                           "attributed")
    assert [c.start for c in got] == [4, 30, 40]
    assert got[0].claimant_key == "a0"
