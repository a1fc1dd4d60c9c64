"""The link stage on the bundled example corpus (eight reports of one harbour strike)."""

import sqlite3
from pathlib import Path

import pytest

import onrecord

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    db = tmp_path_factory.mktemp("examples") / "ex.db"
    onrecord.build([CORPUS], db=db)
    con = sqlite3.connect(db)
    yield con
    con.close()


@pytest.mark.model
def test_examples_all_strike_reports_are_one_story(ledger):
    assert ledger.execute("select count(*) from stories").fetchone()[0] == 1


@pytest.mark.model
def test_examples_union_and_authority_striker_counts_conflict_and_the_union_total_grows(ledger):
    notes = ledger.execute("select kind, note from links where kind in ('conflicts', 'corroborates')").fetchall()
    conflicts = [n for k, n in notes if k == "conflicts" and "8,000" in n and "12,000" in n]
    assert conflicts and "port authority" in conflicts[0] and "Dana Whitlock" in conflicts[0]
    assert not [n for k, n in notes if k == "conflicts" and "12,000" in n and "13,500" in n]
    assert [n for k, n in notes if n.startswith("running total") and "12,000" in n and "13,500" in n]
