"""The BASIL quote gold: its lines read, its scores on hand-made export records, and the held parts'
floors through the product path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.eval.basil_quotes import (
    LISTED,
    PARTS,
    default_gold,
    exported,
    load_gold,
    part_of,
    same_speaker,
    score,
)


def test_basil_quote_gold_judges_whole_triplets_a_part_none_in_two_parts() -> None:
    gold = load_gold(default_gold())
    assert all(isinstance(g["statement"], bool) and len(g["words"]) <= 60 for g in gold.values())
    triplets = {part: {doc.split("-")[0] for doc, _ in part_of(gold, part)} for part in PARTS}
    assert triplets["tune"] == {"2b95d2cf", "2b9468af", "8abec8d9"}
    assert triplets["held2"] == {"38f7cbb7", "c21cb217", "1ed4f378"}
    assert triplets["held3"] == {"005a2961", "06ffda2d"}
    assert sum(len(t) for t in triplets.values()) == len(set().union(*triplets.values())) == 11
    assert all(len(part_of(gold, part)) >= 100 for part in PARTS)


def test_basil_quote_gold_line_without_a_part_reads_as_tune(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc": "a-nyt", "start": 1, "words": "x", "statement": True, "speaker": None}) + "\n"
                    + json.dumps({"doc": "b-nyt", "start": 2, "words": "y", "statement": False, "speaker": None,
                                  "part": "held"}) + "\n", encoding="utf-8")
    gold = load_gold(path)
    assert list(part_of(gold, "tune")) == [("a-nyt", 1)] and list(part_of(gold, "held")) == [("b-nyt", 2)]


def test_basil_quote_scores_count_non_statements_and_named_speakers() -> None:
    gold = {("a-nyt", 10): {"statement": True, "speaker": "Susan Rice"},
            ("a-nyt", 50): {"statement": False, "speaker": None},
            ("a-fox", 5): {"statement": True, "speaker": "U.S. officials"}}
    quotes = [{"input_id": "a-nyt", "source_start": 10, "act": "speech", "speaker_name": "Rice"},
              {"input_id": "a-nyt", "source_start": 50, "act": "position", "speaker_name": None},
              {"input_id": "a-fox", "source_start": 5, "act": "speech", "speaker_name": None},
              {"input_id": "a-fox", "source_start": 90, "act": "speech", "speaker_name": None},
              {"input_id": "b-nyt", "source_start": 7, "act": "speech", "speaker_name": None}]
    listed = score(gold, quotes, ("speech", "writing"))
    assert (listed["listed"], listed["unjudged"], listed["not_statements"]) == (3, 1, 0)
    assert (listed["named_speakers"], listed["resolved"]) == (2, 1)
    assert score(gold, quotes, None)["not_statements"] == 1
    assert same_speaker("Susan Rice", "Susan E. Rice") and not same_speaker("Susan Rice", "Barack Obama")


# per part: listed at least, listed shares (not statements at most, named speakers resolved at
# least), every quote's shares (the same)
FLOORS = {
    "held": (85, 0.07, 0.92, 0.18, 0.87),  # 5 of 90 / 79 of 84 (tuned on since: the dateline, group, description rules)
    "held2": (140, 0.08, 0.96, 0.17, 0.91),  # 10 of 144 / 117 of 120 (tuned on since: 98 of 119 before its rules)
    "held3": (85, 0.07, 0.90, 0.10, 0.86),  # 5 of 87 / 72 of 79 (held out)
}


@pytest.mark.datasets
@pytest.mark.parametrize("part", sorted(FLOORS))
def test_basil_quote_part_reaches_the_floors(datasets: Path, part: str) -> None:
    gold = part_of(load_gold(default_gold()), part)
    quotes = exported(datasets / "basil", {doc for doc, _ in gold})  # six to nine articles, about 10 s
    least_listed, not_listed, resolved_listed, not_every, resolved_every = FLOORS[part]
    listed = score(gold, quotes, LISTED)
    assert listed["unjudged"] == 0 and listed["listed"] >= least_listed
    assert listed["not_statement_share"] <= not_listed
    assert listed["resolved_share"] >= resolved_listed
    every = score(gold, quotes, None)
    assert every["unjudged"] == 0 and every["not_statement_share"] <= not_every
    assert every["resolved_share"] >= resolved_every
