"""Text filters (``LIKE``) take ``%``, ``_`` and ``\\`` literally: they are characters, not wildcards."""

from __future__ import annotations

import sqlite3

import pytest

from onrecord.store import read_entities, read_items
from onrecord.store.read_items import Filters


def _ids(page) -> set[str]:
    return {x["id"] for x in page.items}


@pytest.mark.parametrize("text", ["%", "_", "%%", "P_skov", "Pesk%v", "\\%", "_%_"])
def test_like_filters_find_no_wildcard_matches(conn: sqlite3.Connection, text: str) -> None:
    assert _ids(read_items.claims(conn, Filters(q=text))) == set()
    assert _ids(read_items.claims(conn, Filters(who=text))) == set()
    assert _ids(read_items.quotes(conn, Filters(who=text))) == set()
    assert _ids(read_entities.actors(conn, text)) == set()


def test_like_filters_still_find_parts_of_words(conn: sqlite3.Connection) -> None:
    assert _ids(read_items.quotes(conn, Filters(who="eskov"))) == {"docA/q0", "docB/q0", "docD/q0"}
    assert _ids(read_items.claims(conn, Filters(q="north korean"))) >= {"docA/c0", "docB/c0"}
    assert "ent-peskov" in _ids(read_entities.actors(conn, "pesk"))


@pytest.mark.parametrize(("value", "pattern", "matches"), [
    ("rose by 50% in May", "50%", True),
    ("rose by 500 in May", "50%", False),
    ("the file a_b.txt", "a_b", True),
    ("the file axb.txt", "a_b", False),
    ("C:\\temp", "C:\\t", True),
    ("C:temp", "C:\\t", False),
])
def test_like_contains_is_literal(value: str, pattern: str, matches: bool) -> None:
    from onrecord.store.read_base import LIKE, contains

    conn = sqlite3.connect(":memory:")
    assert bool(conn.execute(f"SELECT ? {LIKE}", (value, contains(pattern))).fetchone()[0]) is matches
