"""The export reads stream each table in the order the export contract promises, as records."""

from __future__ import annotations

import sqlite3

import pytest

from fixtures_dossier import E_PESKOV, STORY
from onrecord.models import Document
from onrecord.store import read_export
from onrecord.store.read_records import SourceSpan, StoredClaim, StoredEntity, StoredQuote


def test_documents_oldest_first_as_document_records(conn: sqlite3.Connection) -> None:
    stored = list(read_export.documents(conn))
    assert all(isinstance(s.document, Document) and s.added_at for s in stored)
    dates = [s.document.published for s in stored]
    assert dates == sorted(dates)


def test_quotes_and_claims_by_article_then_index(conn: sqlite3.Connection) -> None:
    quotes = list(read_export.quotes(conn))
    assert [q.doc_id for q in quotes] == sorted(q.doc_id for q in quotes)
    peskov = next(q for q in quotes if q.id == "docB/q0")
    assert isinstance(peskov, StoredQuote) and peskov.speaker == E_PESKOV and peskov.wrong is False
    assert peskov.speaker_mention is not None and peskov.speaker_mention.text == "Peskov"
    assert peskov.span.source_start is not None
    claim = next(c for c in read_export.claims(conn) if c.id == "docA/c0")
    assert isinstance(claim, StoredClaim) and (claim.low, claim.high, claim.status) == (9000, 11000, "attributed")


def test_other_tables_come_as_rows_in_contract_order(conn: sqlite3.Connection) -> None:
    assert [t["date"] for t in read_export.items(conn, "timeline")] == ["2024-10-28", "2024-11-01", "2024-11-02"]
    assert [link["id"] for link in read_export.items(conn, "links")] == [1, 2, 3, 4, 5]
    with pytest.raises(ValueError):
        read_export.items(conn, "builds")


def test_entities_and_their_mentions(conn: sqlite3.Connection) -> None:
    entities = read_export.entities(conn)
    assert [e.id for e in entities] == sorted(e.id or "" for e in entities)
    peskov = next(e for e in entities if e.id == E_PESKOV)
    assert isinstance(peskov, StoredEntity) and peskov.aliases == ("Peskov",) and peskov.doc_count == 3
    mentions = read_export.entity_mentions(conn, E_PESKOV)
    assert {m.doc_id for m in mentions} == {"docA", "docB", "docD"}
    assert all(m.span.source_start is not None for m in mentions)
    assert read_export.unlinked_actors(conn) == []
    assert [m.span.text for m in read_export.actor_mentions(conn, "docA", "a1")] == ["Dmitry Peskov"]


def test_an_unmerged_actor_is_an_entity_without_id() -> None:
    row = {"doc_id": "d1", "key": "a0", "name": "Dana", "type": "PERSON", "aliases": ["D."], "roles": [],
           "refers_to": None, "entity_id": None}
    actor = StoredEntity.from_row(row)
    assert (actor.id, actor.doc_id, actor.key, actor.doc_count, actor.aliases) == (None, "d1", "a0", 1, ("D.",))
    assert SourceSpan.from_row({"start": 1, "end": 2}) == SourceSpan(1, 2, None, None, None)


def test_stories_with_their_articles_oldest_first(conn: sqlite3.Connection) -> None:
    [(story_id, title, docs)] = list(read_export.stories(conn))
    assert story_id == STORY and title and len(docs) == 5 and docs[0] == "docX"  # published 2024-11-02
