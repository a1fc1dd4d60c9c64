"""The one way every search reads the user's text: FTS5 syntax, else plain words; never an error."""

from __future__ import annotations

import sqlite3

import pytest

from onrecord.store import read_documents, read_items
from onrecord.store.fts import fts_words, full_text, has_words
from onrecord.store.read_base import MAX_LIMIT
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
