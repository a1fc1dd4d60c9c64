"""Full-text search: the one way every search (CLI, web, Python) reads the user's text as FTS5."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


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
