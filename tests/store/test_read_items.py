"""Reads of quotes and claims on the hand-made dossier: explorer filters, figures, links."""

from __future__ import annotations

import sqlite3

from fixtures_dossier import E_PESKOV, STORY
from onrecord.store import read_items as items
from onrecord.store.read_items import Filters


def _ids(page) -> set[str]:
    return {x["id"] for x in page.items}


def test_quotes_filters(conn: sqlite3.Connection) -> None:
    assert _ids(items.quotes(conn, Filters(who="Peskov"))) == {"docA/q0", "docB/q0", "docD/q0"}
    assert _ids(items.quotes(conn, Filters(who=E_PESKOV, outlet="Eastern Post"))) == {"docB/q0"}
    assert _ids(items.quotes(conn, Filters(kind="indirect"))) == {"docL/q0"}
    assert _ids(items.quotes(conn, Filters(date_from="2024-11-05", date_to="2024-11-05"))) == {"docB/q0"}
    assert _ids(items.quotes(conn, Filters(q="Ukrainian forces"))) == {"docL/q0"}
    assert _ids(items.quotes(conn, Filters(q="Ukrainian", kind="direct"))) == set()
    assert len(items.quotes(conn, Filters(story=STORY)).items) == 5


def test_quotes_carry_their_article(conn: sqlite3.Connection) -> None:
    quote = items.quotes(conn, Filters(who=E_PESKOV, outlet="Eastern Post")).items[0]
    assert (quote["outlet"], quote["speaker"], quote["wrong"]) == ("Eastern Post", E_PESKOV, 0)


def test_claims_filters(conn: sqlite3.Connection) -> None:
    assert _ids(items.claims(conn, Filters(status="unverified"))) == {"docX/c0"}
    assert _ids(items.claims(conn, Filters(q="Kursk"))) == {"docB/c0"}
    assert "docA/c0" in _ids(items.claims(conn, Filters(who="Pentagon")))
    assert len(items.claims(conn, Filters(), limit=2).items) == 2


def test_story_figures_put_conflicting_claims_first(conn: sqlite3.Connection) -> None:
    figures = items.story_figures(conn, STORY)
    assert {c["id"] for c in figures[:2]} == {"docA/c0", "docB/c0"}
    assert [c["in_conflict"] for c in figures] == sorted((c["in_conflict"] for c in figures), reverse=True)


def test_item_links_and_item_known(conn: sqlite3.Connection) -> None:
    links = items.item_links(conn, ["docA/c0", "nope"])
    assert {lnk["kind"] for lnk in links["docA/c0"]} == {"conflicts", "corroborates"}
    assert "nope" not in links
    assert links["docA/c0"][0]["items"][0] == "docA/c0"  # the item list is decoded
    assert items.item_known(conn, "docA/q0") and items.item_known(conn, "docA/c0")
    assert not items.item_known(conn, "docA/q9")
