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


@pytest.mark.datasets
def test_basil_quote_held_part_reaches_the_floors(datasets: Path) -> None:
    held = part_of(load_gold(default_gold()), "held")
    quotes = exported(datasets / "basil", {doc for doc, _ in held})  # nine articles, about 10 s
    listed = score(held, quotes, LISTED)
    assert listed["unjudged"] == 0 and listed["listed"] >= 85
    assert listed["not_statement_share"] <= 0.07  # 6 of 92
    assert listed["resolved_share"] >= 0.92  # 79 of 85 (tuned on since: the dateline, group, description rules)
    every = score(held, quotes, None)
    assert every["unjudged"] == 0 and every["not_statement_share"] <= 0.18 and every["resolved_share"] >= 0.87


@pytest.mark.datasets
def test_basil_quote_held2_part_reaches_the_floors(datasets: Path) -> None:
    held2 = part_of(load_gold(default_gold()), "held2")
    quotes = exported(datasets / "basil", {doc for doc, _ in held2})  # nine articles, about 10 s
    listed = score(held2, quotes, LISTED)
    assert listed["unjudged"] == 0 and listed["listed"] >= 140
    assert listed["not_statement_share"] <= 0.09  # 12 of 143
    assert listed["resolved_share"] >= 0.95  # 113 of 117 (tuned on since: 98 of 119 before its rules)
    every = score(held2, quotes, None)
    assert every["unjudged"] == 0 and every["not_statement_share"] <= 0.17 and every["resolved_share"] >= 0.90


@pytest.mark.datasets
def test_basil_quote_held3_part_reaches_the_floors(datasets: Path) -> None:
    held3 = part_of(load_gold(default_gold()), "held3")
    quotes = exported(datasets / "basil", {doc for doc, _ in held3})  # six articles, about 8 s
    listed = score(held3, quotes, LISTED)
    assert listed["unjudged"] == 0 and listed["listed"] >= 85
    assert listed["not_statement_share"] <= 0.08  # 6 of 87
    assert listed["resolved_share"] >= 0.90  # 71 of 78 (held out)
    every = score(held3, quotes, None)
    assert every["unjudged"] == 0 and every["not_statement_share"] <= 0.12 and every["resolved_share"] >= 0.86
