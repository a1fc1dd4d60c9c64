"""The BASIL figures check: its gold reads, and its scoring on a hand-made export."""

from __future__ import annotations

from onrecord.eval.basil_figures import default_gold, load_gold, score


def test_basil_figures_gold_names_figures_and_disagreements() -> None:
    figures, disagreements = load_gold(default_gold())
    assert len(figures) >= 60 and len({f["story"] for f in figures}) == 6
    assert {f["split"] for f in figures} == {"tune", "held"}
    keys = {f"{f['doc']}:{f['start']}" for f in figures}
    assert all(set(d["disagree"]) <= keys for d in disagreements)


def _claim(cid: str, doc: str, start: int, end: int, who: str | None, status: str) -> dict:
    return {"id": cid, "doc": doc, "source_start": start, "source_end": end, "claimant": None,
            "claimant_name": who, "status": status}


def test_basil_figures_score_claimant_status_and_flagged_disagreements() -> None:
    figures = [{"doc": "a-fox", "start": 10, "figure": "55,000", "claimant": "State Department", "status": "attributed"},
               {"doc": "a-nyt", "start": 20, "figure": "50,000", "claimant": None, "status": "asserted"}]
    disagreements = [{"disagree": ["a-fox:10", "a-nyt:20"], "note": "pages"}]
    exported = {"documents": [{"id": "D1", "input_id": "a-fox"}, {"id": "D2", "input_id": "a-nyt"}],
                "entities": [],
                "claims": [_claim("D1/c0", "D1", 10, 16, "the State Department", "attributed"),
                           _claim("D2/c0", "D2", 20, 26, None, "attributed")],
                "links": [{"kind": "conflicts", "items": ["D1/c0", "D2/c0"], "note": "pages: 55,000 vs 50,000"}]}
    result = score(figures, disagreements, exported)
    assert (result["claimant"], result["status"], result["flagged"]) == (2, 1, 1)
    exported["links"] = []
    assert score(figures, disagreements, exported)["missed"] == ["pages"]
