"""Pages, row lists, counts, row decoding and the one way every search reads its text."""

from __future__ import annotations

import sqlite3

import pytest

from onrecord.store import read_documents, read_items
from onrecord.store.read_base import (
    MAX_LIMIT,
    chunks,
    count,
    decode_row,
    fts_words,
    full_text,
    has_words,
    page,
    placeholders,
    rows,
    totals,
)
from onrecord.store.read_items import Filters

AWKWARD = ['"', '"unbalanced', 'troops "Kursk', "AND", "OR", "NOT", "troops AND", "OR Kursk", "NEAR(", "NEAR(a b",
           "NEAR(troops Kursk, 5)", "*", "troop*", "*troops", "-", "-Kursk", "troops -Kursk", "(", ")", "((troops",
           "troops)", "title:", "nosuchcolumn:troops", "^", ":", "'", "a'b", "''", "\\", "{", "}", "", "   ", "\n"]


def test_fts_words_quotes_each_word() -> None:
    assert fts_words('troops "Kursk') == '"troops" """Kursk"'
    assert fts_words("   ") == ""
    assert fts_words("a AND b") == '"a" "AND" "b"'


def test_has_words_is_false_only_for_blank_text() -> None:
    assert not has_words("") and not has_words(" \n\t")
    assert has_words('"') and has_words("x")


@pytest.mark.parametrize("text", AWKWARD)
def test_every_search_reads_awkward_text_without_an_sqlite_error(conn: sqlite3.Connection, text: str) -> None:
    assert isinstance(read_documents.search(conn, text), list)
    assert read_documents.documents(conn, q=text).limit == 50
    assert read_items.quotes(conn, Filters(q=text)).limit == 50


def test_full_text_reads_fts5_syntax_and_falls_back_to_words(conn: sqlite3.Connection) -> None:
    ids = {h["doc_id"] for h in read_documents.search(conn, "Kursk OR Pyongyang")}
    assert ids == {"docA", "docB", "docD"}  # OR is an operator, not a word
    assert {h["doc_id"] for h in read_documents.search(conn, "Kurs*")} == {"docB"}
    assert {h["doc_id"] for h in read_documents.search(conn, 'Kursk "')} == {"docB"}  # retried as words
    seen = []

    def run(match: str) -> str:
        seen.append(match)
        if match == "bad(":
            raise sqlite3.OperationalError("fts5: syntax error near \"\"")
        return match

    assert full_text(run, "bad(") == '"bad("' and seen == ["bad(", '"bad("']


def test_web_and_cli_searches_match_the_same_articles(conn: sqlite3.Connection) -> None:
    for text in ("Kursk", "Kursk OR Pyongyang", 'troops "', "NOT", "soldiers -Kursk"):
        cli = {h["doc_id"] for h in read_documents.search(conn, text)}
        web = {d["id"] for d in read_documents.documents(conn, q=text, limit=MAX_LIMIT).items}
        assert cli == web, text


def test_page_says_whether_a_next_page_exists(conn: sqlite3.Connection) -> None:
    sql = "SELECT id FROM documents ORDER BY id"
    first = page(conn, sql, (), 2, 0)
    assert [d["id"] for d in first.items] == ["docA", "docB"] and first.has_next
    last = page(conn, sql, (), 2, 4)
    assert [d["id"] for d in last.items] == ["docX"] and not last.has_next
    assert last.as_dict() == {"items": [{"id": "docX"}], "limit": 2, "offset": 4, "next_offset": None}
    assert first.as_dict()["next_offset"] == 2
    assert page(conn, sql, (), 10_000, -5).limit == MAX_LIMIT and page(conn, sql, (), 0, -5).offset == 0


def test_rows_decode_json_columns_and_refuse_unknown_tables(conn: sqlite3.Connection) -> None:
    quote = rows(conn, "quotes", "id = ?", ("docA/q0",))[0]
    assert quote["speaker_mention"]["text"] == "Dmitry Peskov"
    assert [r["id"] for r in rows(conn, "documents", order="id", limit=2, offset=1)] == ["docB", "docD"]
    with pytest.raises(ValueError, match="unknown table"):
        rows(conn, "sqlite_master")
    with pytest.raises(ValueError, match="unknown table"):
        count(conn, "documents; DROP TABLE documents")


def test_counts_and_totals(conn: sqlite3.Connection) -> None:
    assert count(conn, "documents") == 5
    assert totals(conn) == {"documents": 5, "entities": 5, "quotes": 5, "claims": 5, "events": 4, "stories": 1,
                            "links": 5, "problems": 1}


def test_decode_row_keys_by_column_name() -> None:
    mem = sqlite3.connect(":memory:")
    mem.row_factory = sqlite3.Row
    row = mem.execute("""SELECT '["a", "b"]' AS aliases, '[1]' AS plain, NULL AS roles""").fetchone()
    assert decode_row(row) == {"aliases": ["a", "b"], "plain": "[1]", "roles": None}


def test_chunks_and_placeholders() -> None:
    assert [list(c) for c in chunks([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    assert chunks([], 2) == [] and placeholders([1, 2, 3]) == "?,?,?"
