"""Exports of the ledger: JSON (the shared contract), JSONL/CSV/Parquet per table, FollowTheMoney.

``json`` and ``ftm`` write one file at ``out``. ``jsonl``, ``csv`` and ``parquet`` write one file
per table into the directory ``out`` (created if needed): ``out/documents.jsonl`` and so on.
CSV text cells that a spreadsheet would read as a formula get a leading ``'`` (:func:`csv_cell`).
"""

from __future__ import annotations

import csv
import json
import logging
import sqlite3
from pathlib import Path
from typing import IO, Any

from onrecord.errors import OnrecordError
from onrecord.export.ftm import iter_ftm
from onrecord.export.records import COLUMNS, TABLES, flat, records
from onrecord.store.ledger import Ledger

log = logging.getLogger(__name__)

FORMATS = ("json", "jsonl", "csv", "parquet", "ftm")


def export(db: Path, fmt: str, out: Path) -> None:
    """Write the ledger at ``db`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise OnrecordError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out)
    with Ledger(db, readonly=True) as ledger:
        conn = ledger.conn
        if fmt in ("json", "ftm"):
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("w", encoding="utf-8") as fh:
                (write_json if fmt == "json" else write_ftm)(conn, fh)
        else:
            out.mkdir(parents=True, exist_ok=True)
            writer = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}[fmt]
            for table in TABLES:
                writer(conn, table, out)
    log.info("exported %s as %s to %s", db, fmt, out)


def write_json(conn: sqlite3.Connection, fh: IO[str]) -> None:
    """One JSON object with a list per table, streamed record by record."""
    fh.write("{")
    for t, table in enumerate(TABLES):
        fh.write(("," if t else "") + f"\n{json.dumps(table)}: [")
        for i, record in enumerate(records(conn, table)):
            fh.write(("," if i else "") + "\n  " + json.dumps(record, ensure_ascii=False))
        fh.write("\n]")
    fh.write("\n}\n")


def write_ftm(conn: sqlite3.Connection, fh: IO[str]) -> None:
    for entity in iter_ftm(conn):
        fh.write(json.dumps(entity, ensure_ascii=False) + "\n")


def write_jsonl(conn: sqlite3.Connection, table: str, out: Path) -> None:
    with (out / f"{table}.jsonl").open("w", encoding="utf-8") as fh:
        for record in records(conn, table):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a string starting with ``= + - @``, tab or carriage
    return gets a leading ``'`` (OWASP's advice against formula injection). A lone such character
    holds no formula and stays as it is (the claims' ``change`` is ``=``, ``+``, ``-`` or ``~``).
    Numbers, booleans and None are written as they are, so a numeric column stays numeric (``-5``
    stays ``-5``)."""
    if isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(record: dict) -> dict:
    """One export record as a CSV row: nested values as JSON strings, text cells neutralised."""
    return {k: csv_cell(v) for k, v in flat(record).items()}


def write_csv(conn: sqlite3.Connection, table: str, out: Path) -> None:
    """CSV with a header row; nested values are JSON strings; text that would start a formula is
    prefixed with ``'``; no rows gives a header-only file."""
    rows = records(conn, table)
    first = next(rows, None)
    columns = list(first) if first else list(_columns(conn, table))
    with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        if first is not None:
            writer.writerow(csv_row(first))
            for record in rows:
                writer.writerow(csv_row(record))


def write_parquet(conn: sqlite3.Connection, table: str, out: Path, batch: int = 5000) -> None:
    """Parquet per table; nested values are JSON strings (one schema, whatever the data)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(_columns(conn, table))
    schema = pa.schema([(c, _arrow_type(table, c)) for c in columns])
    with pq.ParquetWriter(out / f"{table}.parquet", schema) as writer:
        chunk: list[dict] = []
        for record in records(conn, table):
            chunk.append(flat(record))
            if len(chunk) >= batch:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                chunk = []
        if chunk or not columns:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))


NUMERIC = {"start", "end", "source_start", "source_end", "sentence_start", "sentence_end", "doc_count",
           "mention_count", "cue_start", "cue_end", "edge_docs"}
FLOATS = {"value", "low", "high", "salience"}
BOOLS = {"in_headline", "wrong", "contradicted"}


def _arrow_type(table: str, column: str):
    import pyarrow as pa

    if column in FLOATS and (table == "claims" or column == "salience"):
        return pa.float64()
    if column in BOOLS:
        return pa.bool_()
    if column in NUMERIC or (table == "links" and column == "id"):
        return pa.int64()
    return pa.string()


def _columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return COLUMNS[table]
