"""Figures on the pages are grouped by the measure key the link pass stored on each claim."""

from __future__ import annotations

from pathlib import Path

from link.link_factory import analysis, claim
from onrecord.link.records import EntityIndex, LinkResult
from onrecord.store import read_items as Q
from onrecord.store.ledger import Ledger
from onrecord.web.views import measures


def _article(doc_id: str, figure: str, value: float, counted: str):
    body = f"Officials said {figure} {counted} had crossed the border."
    return analysis(doc_id, body, claims=(claim(body, figure, value, counted, None),))


def test_measures_group_figures_by_the_stored_key_not_by_their_words(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as ledger:
        for a in (_article("d1", "12,000", 12_000, "soldiers"), _article("d2", "15,000", 15_000, "soldiers"),
                  _article("d3", "3", 3, "soldiers"), _article("d4", "40", 40, "drones")):
            ledger.add(a)
        keys = {"d1/c0": "d1/c0", "d2/c0": "d1/c0", "d3/c0": "d3/c0"}  # d4/c0: not compared
        ledger.replace_links(LinkResult((), (), (), keys), EntityIndex((), {}))
        claims = Q.claims(ledger.conn, Q.Filters(), limit=100).items
    groups = measures(claims)
    assert sorted(sorted(c["id"] for c in g["claims"]) for g in groups) == [
        ["d1/c0", "d2/c0"], ["d3/c0"], ["d4/c0"]]
    assert [(g["counted"], len(g["claims"])) for g in groups] == [("soldiers", 2), ("drones", 1), ("soldiers", 1)]


def test_measures_without_stored_keys_group_by_counted_thing_and_unit() -> None:
    claims = [{"id": "a/c0", "counted": "troops", "unit": None, "published": None},
              {"id": "b/c0", "counted": "troops", "unit": None, "published": None, "measure": None},
              {"id": "c/c0", "counted": "troops", "unit": "%", "published": None}]
    assert [(g["counted"], g["unit"], len(g["claims"])) for g in measures(claims)] == [
        ("troops", None, 2), ("troops", "%", 1)]


def test_figures_split_a_conflict_into_the_sides_that_overlap() -> None:
    from onrecord.web.figures import sides

    rows = [{"id": "a", "value": 270_000, "change": "="}, {"id": "b", "value": 280_000, "change": "="},
            {"id": "c", "value": 270_000, "change": "="}, {"id": "d", "value": 3_000, "change": "<"}]
    assert [[c["id"] for c in side] for side in sides(rows[:3])] == [["a", "c"], ["b"]]
    assert [[c["id"] for c in side] for side in sides([rows[1], rows[3]])] == [["d"], ["b"]]


def test_figures_keep_asides_out_of_the_measures(tmp_path: Path) -> None:
    from dataclasses import replace

    from onrecord.web.views import figures_of

    with Ledger(tmp_path / "l.db") as ledger:
        a = _article("d1", "12,000", 12_000, "soldiers")
        ledger.add(replace(a, claims=(a.claims[0], replace(a.claims[0], aside="duration"))))
        claims = Q.claims(ledger.conn, Q.Filters(), limit=100).items
        shown = figures_of(ledger.conn, claims)
    assert [c["id"] for g in shown["figures"] for c in g["claims"]] == ["d1/c0"]
    assert [(c["id"], c["aside"]) for c in shown["other_figures"]] == [("d1/c1", "duration")]
    assert shown["conflicts"] == [] and shown["corroborations"] == []
