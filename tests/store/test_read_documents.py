"""Reads of articles on the hand-made dossier: lists, one article's items and links, search, problems."""

from __future__ import annotations

import sqlite3

import pytest

from fixtures_dossier import STORY
from onrecord.store import read_documents as docs


def test_documents_newest_first_and_by_outlet(conn: sqlite3.Connection) -> None:
    listed = docs.documents(conn).items
    assert [d["published"] for d in listed] == sorted((d["published"] for d in listed), reverse=True)
    assert set(listed[0]) == {"id", "title", "outlet", "published", "source", "url", "added_at", "opening"}
    assert [d["id"] for d in docs.documents(conn, outlet="Eastern Post").items] == ["docB"]
    assert [d["id"] for d in docs.documents(conn, q="Kursk").items] == ["docB"]
    assert docs.documents(conn, q="Kursk", outlet="Northern Wire").items == []
    assert len(docs.documents(conn, q="   ").items) == 5  # blank text lists everything


def test_latest_lists_the_last_added_first(conn: sqlite3.Connection) -> None:
    assert [d["id"] for d in docs.latest(conn, limit=2).items] == ["docX", "docD"]


def test_whole_documents_and_one_document(conn: sqlite3.Connection) -> None:
    every = docs.all_documents(conn)
    assert len(every) == 5 and every[0]["published"] >= every[-1]["published"]
    a = docs.document(conn, "docA")
    assert a["source_text"].startswith("HEADER LINE") and a["removed"][0]["reason"] == "boilerplate"
    assert docs.document(conn, "nope") is None
    assert docs.doc_known(conn, "docA") and not docs.doc_known(conn, "nope")


def test_doc_items_come_in_text_order(conn: sqlite3.Connection) -> None:
    times = docs.doc_items(conn, "times", "docA")
    assert [t["text"] for t in times] == ["28 October", "Monday"]  # by index, as extracted
    mentions = docs.doc_items(conn, "mentions", "docA")
    assert [m["start"] for m in mentions] == sorted(m["start"] for m in mentions)
    assert [a["key"] for a in docs.doc_items(conn, "actors", "docA")] == ["a1", "a2", "a3"]
    with pytest.raises(ValueError):
        docs.doc_items(conn, "documents", "docA")


def test_doc_links_name_the_other_side(conn: sqlite3.Connection) -> None:
    links = docs.doc_links(conn, "docA")
    other = {(lnk["kind"], lnk["other"]): lnk for lnk in links}
    assert other[("duplicate", "docD")]["other_outlet"] == "Syndicate Daily"
    assert other[("same_quote", "docB/q0")]["other_title"]
    assert all(lnk["item"] == "docA" or lnk["item"].startswith("docA/") for lnk in links)


def test_doc_stories_docs_by_id_and_outlets(conn: sqlite3.Connection) -> None:
    assert docs.doc_stories(conn, "docA") == [STORY]
    assert docs.doc_stories(conn, "nope") == []
    found = docs.docs_by_id(conn, ["docB", "nope", "docA", "docB", *[f"x{i}" for i in range(600)]])
    assert sorted(found) == ["docA", "docB"] and found["docB"]["outlet"] == "Eastern Post"
    assert docs.outlets(conn) == sorted(docs.outlets(conn)) and "Eastern Post" in docs.outlets(conn)


def test_search_gives_id_title_and_a_marked_snippet(conn: sqlite3.Connection) -> None:
    hit = docs.search(conn, "Kursk")[0]
    assert hit["doc_id"] == "docB" and "[Kursk]" in hit["snippet"]
    assert docs.search(conn, "") == [] and docs.search(conn, "Kursk", limit=0) == []


def test_problems_and_input_state(conn: sqlite3.Connection) -> None:
    assert [p["stage"] for p in docs.problems(conn)] == ["clean"]
    assert docs.problems_page(conn).items[0]["reason"].startswith("no text found")
    assert docs.input_state(conn, "corpus/docA.txt") == ("hash-docA", "crf")
    assert docs.input_state(conn, "nope") is None
