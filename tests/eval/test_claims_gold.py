"""Claims evaluation: the gold file, claimant matching, and the floors on the shipped gold set."""

from __future__ import annotations

import json

import pytest

from onrecord.eval.claims import (
    default_gold,
    format_result,
    load_gold,
    pick_claim,
    run,
    same_claimant,
)
from onrecord.models import Claim


def test_claims_gold_ships_forty_or_more_sentences_covering_every_status():
    rows = load_gold(default_gold())
    assert len(rows) >= 40
    assert {r["status"] for r in rows} == {"asserted", "attributed", "estimate", "unverified", "disputed"}
    assert any(r["claimant"] is None for r in rows) and any(r["claimant"] for r in rows)


def test_claims_gold_rejects_a_quantity_missing_from_its_text(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "Ten boats.", "quantity": "12", "claimant": None,
                                "status": "asserted"}) + "\n")
    with pytest.raises(ValueError):
        load_gold(path)


def test_claims_claimant_matches_name_part_or_alias_but_not_null():
    assert same_claimant("Putin", "Vladimir Putin")
    assert same_claimant("Britain", "United Kingdom", aliases=("Britain", "UK"))
    assert same_claimant(None, None)
    assert not same_claimant("Putin", None)
    assert not same_claimant("Put", "Vladimir Putin")
    assert same_claimant("Theodore Boutrous", "Theodore J. Boutrous Jr.")
    assert not same_claimant("Theodore Olson", "Theodore J. Boutrous Jr.")


def test_claims_pick_claim_prefers_the_largest_overlap():
    def claim(start: int, end: int) -> Claim:
        return Claim(start, end, "", 0, 0, None, None, None, "=", None, None, None, None, "asserted")

    assert pick_claim((claim(0, 3), claim(5, 12)), 6, 10).start == 5
    assert pick_claim((claim(0, 3),), 6, 10) is None


@pytest.mark.model
def test_claims_gold_accuracy_stays_above_the_floor():
    result = run(None)
    assert result["quantity_found"] >= 0.95
    assert result["claimant_accuracy"] >= 0.85
    assert result["status_accuracy"] >= 0.9
    assert "claimant accuracy" in format_result(result)
