"""The export reads stream each table in the order the export contract promises."""

from __future__ import annotations

import sqlite3

import pytest

from fixtures_dossier import E_PESKOV, STORY
from onrecord.store import read_export


def test_items_come_by_article_then_index(conn: sqlite3.Connection) -> None:
    quotes = [(q["doc_id"], q["idx"]) for q in read_export.items(conn, "quotes")]
    assert quotes == sorted(quotes)
    dates = [d["published"] for d in read_export.items(conn, "documents")]
    assert dates == sorted(dates)
    assert [t["date"] for t in read_export.items(conn, "timeline")] == ["2024-10-28", "2024-11-01", "2024-11-02"]
    with pytest.raises(ValueError):
        read_export.items(conn, "builds")


def test_entities_and_their_mentions(conn: sqlite3.Connection) -> None:
    ids = [e["id"] for e in read_export.entities(conn)]
    assert ids == sorted(ids)
    mentions = read_export.entity_mentions(conn, E_PESKOV)
    assert {m["doc_id"] for m in mentions} == {"docA", "docB", "docD"}
    assert all(m["source_start"] is not None for m in mentions)
    assert read_export.unlinked_actors(conn) == []
    one = read_export.actor_mentions(conn, "docA", "a1")
    assert [m["text"] for m in one] == ["Dmitry Peskov"]


def test_stories_with_their_articles_oldest_first(conn: sqlite3.Connection) -> None:
    [(story_id, title, docs)] = list(read_export.stories(conn))
    assert story_id == STORY and title and len(docs) == 5 and docs[0] == "docX"  # published 2024-11-02
