"""The gold read article by article (eval/relations_cv.py): stories, the export-shaped dict its
relations are scored on, pairs in either order, and one gold article parsed as the build does."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.eval.relations_cv import Article, articles, exported, pair_agrees, scored, story
from onrecord.models import Actor, Mention, Relation

TEXT = "Fox criticized Trump. Obama met Putin."


class _Document:
    """A document whose body is its source text (offsets map to themselves)."""

    def to_source(self, start, end):
        return start, end


def _actor(key: str, name: str) -> Actor:
    start = TEXT.index(name)
    return Actor(key, name, "PERSON", (name,), (Mention(start, start + len(name), name, key),))


def _article() -> Article:
    actors = tuple(_actor(k, n) for k, n in (("a", "Fox"), ("b", "Trump"), ("c", "Obama"), ("d", "Putin")))
    return Article("doc1", _Document(), None, actors, (), ())


def _rel(start: int, end: int, type_: str, source: str, target: str) -> Relation:
    return Relation(start, end, TEXT[start:end], "x", start, start + 1, type_, None, source, None, target, None,
                    None, None, "reported", None, None)


def _gold(start: int, end: int, type_: str, source: str, target: str, either: bool = False) -> dict:
    return {"doc": "doc1", "split": "tune", "start": start, "end": end, "cue": TEXT[start:end], "type": type_,
            "mode": None, "source": [source], "target": [target], "status": "reported", "date": None,
            "either": either}


def test_a_basil_story_is_its_id_before_the_dash():
    assert story("8abec8d9-fox") == story("8abec8d9-nyt") == "8abec8d9"
    assert story("1GMuxuBpYs85b4D8") == "1GMuxuBpYs85b4D8"


def test_relations_are_scored_as_the_eval_scores_an_export():
    art = _article()
    rels = [_rel(0, 21, "ACCUSE", "a", "b"), _rel(22, 38, "ASSAULT", "c", "d")]
    out = exported([art], lambda a: rels)
    assert out["documents"] == [{"id": "0", "input_id": "doc1"}]
    assert {e["id"] for e in out["entities"]} == {"0:a", "0:b", "0:c", "0:d"}
    assert out["relations"][0]["source"] == "0:a" and out["relations"][0]["source_start"] == 0
    gold = [_gold(4, 14, "ACCUSE", "Fox", "Trump"), _gold(28, 31, "CONSULT", "Obama", "Putin", either=True)]
    r = scored(gold, [art], lambda a: rels)
    assert (r["exact"]["tp"], r["predicted"], r["gold"]) == (1, 2, 2)


def test_a_pair_agrees_in_either_order():
    art = _article()
    g = _gold(4, 14, "ACCUSE", "Fox", "Trump")
    assert pair_agrees(g, art, "a", "b") and pair_agrees(g, art, "b", "a")
    assert not pair_agrees(g, art, "a", "c")


@pytest.mark.datasets
def test_one_gold_article_is_read_as_the_build_reads_it(datasets: Path) -> None:
    (art,) = articles(datasets, {"8abec8d9-fox"})
    assert art.doc_id == "8abec8d9-fox" and len(art.doc) > 50
    assert any(a.name == "Donald Trump" or "Trump" in a.aliases for a in art.actors)
    assert art.to_source(0, 5) == (0, 5)
