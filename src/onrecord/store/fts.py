"""Full-text search: the one way every search (CLI, web, Python) reads the user's text as FTS5."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# What snippet() and highlight() put around a match: private-use characters no article holds, so
# a page can escape the text first and mark the matches after (onrecord.web.snippets).
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
SNIPPET_WORDS = 24


def snippet_sql(table: str, column: int) -> str:
    """The FTS5 ``snippet()`` of ``table``'s ``column``: up to 24 words around the match, the
    matched words between ``HIT_OPEN`` and ``HIT_CLOSE``."""
    return f"snippet({table}, {column}, '{HIT_OPEN}', '{HIT_CLOSE}', '…', {SNIPPET_WORDS})"


def highlight_sql(table: str, column: int) -> str:
    """The FTS5 ``highlight()`` of ``table``'s ``column``: the whole text, matches marked."""
    return f"highlight({table}, {column}, '{HIT_OPEN}', '{HIT_CLOSE}')"


def fts_words(text: str) -> str:
    """The words of ``text`` as an FTS5 query that always parses: each word a quoted string, ANDed."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in text.split())


def full_text(run: Callable[[str], T], text: str) -> T:
    """Run an FTS5 search with the user's ``text``, the one way every search quotes its input.

    ``text`` is read as an FTS5 query (``AND``/``OR``/``NOT``, ``"phrases"``, ``prefix*``,
    ``NEAR(...)``, ``column:``); a query FTS5 cannot parse is retried as plain words
    (:func:`fts_words`), so no input raises an SQLite error. ``run`` takes the MATCH expression
    and executes the search; call it only for text with words in it (see :func:`has_words`).
    """
    try:
        return run(text)
    except sqlite3.OperationalError:
        return run(fts_words(text))


def has_words(text: str) -> bool:
    """Whether ``text`` gives a full-text search anything to look for."""
    return bool(text and text.split())
