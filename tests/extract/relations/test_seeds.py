"""Relations on the five seed articles, built end to end (build, link) with the spaCy model."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import onrecord

META = Path(__file__).resolve().parents[3] / "examples" / "seeds-meta.jsonl"
SQL = ("SELECT r.*, es.name AS source_name, et.name AS target_name FROM relations r "
       "LEFT JOIN entities es ON es.id = r.source_entity LEFT JOIN entities et ON et.id = r.target_entity")


@pytest.fixture(scope="module")
def rows(seeds, tmp_path_factory) -> list[sqlite3.Row]:
    db = tmp_path_factory.mktemp("relations") / "seeds.db"
    onrecord.build([seeds], db=db, meta=META)
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    found = con.execute(SQL).fetchall()
    con.close()
    return found


def _has(rows, type_: str, source: str | None, target: str | None, **fields) -> list[sqlite3.Row]:
    hits = [r for r in rows if r["type"] == type_ and (source is None or r["source_name"] == source)
            and (target is None or r["target_name"] == target)
            and all(str(r[k] or "").startswith(v) for k, v in fields.items())]
    assert hits, (type_, source, target, fields)
    return hits


def test_kim_arrives_in_russia_and_meets_putin_in_september_2023(rows):
    hits = _has(rows, "CONSULT", "Kim Jong-un", "Russia", mode="visit", date="2023-09")
    assert max(r["edge_docs"] or 0 for r in hits) >= 2  # several outlets: one corroborated edge
    _has(rows, "CONSULT", "Kim Jong-un", "Vladimir Putin", mode="meet", date="2023-09")


def test_shoigu_visited_pyongyang_in_july_2023(rows):
    _has(rows, "CONSULT", "Sergei Shoigu", "North Korea", mode="visit", date="2023-07")


def test_arms_supplies_alleged_and_denied_make_a_contradicted_edge(rows):
    hits = _has(rows, "AID", "North Korea", "Russia", mode="military")
    assert {"denied"} & {r["status"] for r in hits} and any(r["contradicted"] for r in hits)


def test_white_house_threatens_sanctions_on_north_korea(rows):
    _has(rows, "SANCTION", "United States", "North Korea", date="2023-09")
    _has(rows, "THREATEN", "United States", None, date="2023-09")


def test_troop_training_alleged_by_us_intelligence_october_2024(rows):
    [hit] = _has(rows, "AID", "Russia", "North Korea", mode="military", date="2024-10", cue="training")
    assert hit["status"] == "alleged" and hit["claimant_name"] == "United States"


def test_the_summit_is_a_meeting_reported_by_several_outlets(rows):
    hits = _has(rows, "CONSULT", "Kim Jong-un", "Vladimir Putin", mode="meet", date="2023-09")
    assert {"reported", "planned"} <= {r["status"] for r in hits}
    assert max(r["edge_docs"] or 0 for r in hits) >= 2


def test_shoigu_visit_is_one_edge_from_two_outlets(rows):
    hits = _has(rows, "CONSULT", "Sergei Shoigu", "North Korea", mode="visit", date="2023-07", status="reported")
    assert max(r["edge_docs"] or 0 for r in hits) >= 2


def test_arms_supplies_alleged_by_the_united_states(rows):
    hits = _has(rows, "AID", "North Korea", "Russia", mode="military", status="alleged", claimant_name="United States")
    assert any(r["date"].startswith("2023-09") for r in hits)


def test_threatened_sanctions_are_planned_and_the_threat_is_the_white_houses(rows):
    _has(rows, "SANCTION", "United States", "North Korea", status="planned", date="2023-09")
    _has(rows, "THREATEN", "United States", "North Korea", cue="threatened", date="2023-09")


def test_a_habit_is_no_denied_visit(rows):
    assert not [r for r in rows if "abroad frequently" in r["text"]]  # "does not travel abroad frequently"
