"""The reads a :class:`~onrecord.store.ledger.Ledger` offers its callers, from the read layer.

The SQL lives in the ``read_*`` modules; these methods bind them to the ledger's connection so a
caller holding a ledger reads without reaching for ``ledger.conn``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from onrecord.store import read_base, read_documents
from onrecord.store.read_base import Row


class LedgerReads:
    """Reading methods over ``self.conn`` (mixed into the Ledger)."""

    conn: sqlite3.Connection

    def count(self, table: str) -> int:
        """Rows in one table."""
        return read_base.count(self.conn, table)

    def rows(self, table: str, where: str = "", params: Sequence[Any] = (), order: str = "rowid",
             limit: int | None = None, offset: int = 0) -> list[Row]:
        """Rows of one table as dicts (JSON columns decoded). ``where``/``order`` are trusted SQL."""
        return read_base.rows(self.conn, table, where, params, order, limit, offset)

    def documents(self, limit: int | None = None, offset: int = 0) -> list[Row]:
        """Whole article rows, newest published first."""
        return read_documents.all_documents(self.conn, limit, offset)

    def document(self, doc_id: str) -> Row | None:
        """One article row, or None."""
        return read_documents.document(self.conn, doc_id)

    def problems(self) -> list[Row]:
        """Every recorded problem, oldest first."""
        return read_documents.problems(self.conn)

    def search(self, query: str, limit: int = 50) -> list[Row]:
        """Full-text search over titles and bodies (FTS5 syntax; a query FTS5 cannot parse is
        retried as plain words)."""
        return read_documents.search(self.conn, query, limit)

    def input_state(self, source: str) -> tuple[str, str] | None:
        """(content hash, quote readers) of the input as last analysed."""
        return read_documents.input_state(self.conn, source)

    def input_states(self) -> dict[str, tuple[str, str]]:
        """(content hash, quote readers) of every input as last analysed, by source."""
        return read_documents.input_states(self.conn)
