"""Item ids: one builder and one parser for every stage."""

from __future__ import annotations

import pytest

from onrecord.ids import ItemRef, doc_of, item_id, parse_item_id


@pytest.mark.parametrize("kind", ["q", "c", "e", "t"])
def test_ids_item_id_and_parse_item_id_round_trip(kind) -> None:
    for doc_id, index in (("d1", 0), ("a/b", 12), ("story-2024/x", 3)):
        item = item_id(doc_id, kind, index)
        assert parse_item_id(item) == ItemRef(doc_id, kind, index)
        assert doc_of(item) == doc_id


def test_ids_item_id_reads_as_it_always_was() -> None:
    assert item_id("d1", "q", 3) == "d1/q3"


@pytest.mark.parametrize("text", ["d1", "d1/", "d1/x3", "d1/q", "d1/q3a", "d1@0-120", "/q", "d1/q²"])
def test_ids_parse_item_id_refuses_what_is_not_an_item_id(text) -> None:
    assert parse_item_id(text) is None
    assert doc_of(text) == text


def test_ids_empty_document_id_still_parses() -> None:
    assert parse_item_id("/q0") == ItemRef("", "q", 0)
