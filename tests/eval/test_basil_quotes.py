"""The BASIL quote gold: its lines read, and its scores on hand-made export records."""

from __future__ import annotations

from onrecord.eval.basil_quotes import default_gold, load_gold, same_speaker, score


def test_basil_quote_gold_judges_three_triplets() -> None:
    gold = load_gold(default_gold())
    assert len(gold) >= 100 and len({doc.split("-")[0] for doc, _ in gold}) == 3
    assert all(isinstance(g["statement"], bool) and len(g["words"]) <= 60 for g in gold.values())


def test_basil_quote_scores_count_non_statements_and_named_speakers() -> None:
    gold = {("a-nyt", 10): {"statement": True, "speaker": "Susan Rice"},
            ("a-nyt", 50): {"statement": False, "speaker": None},
            ("a-fox", 5): {"statement": True, "speaker": "U.S. officials"}}
    quotes = [{"input_id": "a-nyt", "source_start": 10, "act": "speech", "speaker_name": "Rice"},
              {"input_id": "a-nyt", "source_start": 50, "act": "position", "speaker_name": None},
              {"input_id": "a-fox", "source_start": 5, "act": "speech", "speaker_name": None},
              {"input_id": "a-fox", "source_start": 90, "act": "speech", "speaker_name": None}]
    listed = score(gold, quotes, ("speech", "writing"))
    assert (listed["listed"], listed["unjudged"], listed["not_statements"]) == (3, 1, 0)
    assert (listed["named_speakers"], listed["resolved"]) == (2, 1)
    assert score(gold, quotes, None)["not_statements"] == 1
    assert same_speaker("Susan Rice", "Susan E. Rice") and not same_speaker("Susan Rice", "Barack Obama")
