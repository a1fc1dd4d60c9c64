"""The relations gold and its scoring: the gold's spans are the articles' words, both halves are
there, and a hand-built export is scored as documented (eval/relations.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.eval.relations import QUAD, article_rows, default_gold, load_gold, same_actor, score

DATASETS = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"


def test_gold_has_both_halves_and_known_types():
    gold = load_gold(default_gold())
    assert len(gold) >= 150
    assert {g["split"] for g in gold} == {"tune", "held", "held2", "held3", "held4", "held5", "held6", "held7", "held8", "held9"}
    assert all(g["type"] in QUAD and g["status"] in ("reported", "alleged", "planned", "denied") for g in gold)
    docs = {s: {g["doc"] for g in gold if g["split"] == s} for s in ("tune", "held", "held2", "held3", "held4", "held5", "held6", "held7", "held8", "held9")}
    assert not docs["held"] & docs["tune"] and not docs["held2"] & (docs["tune"] | docs["held"])  # split by article
    assert not docs["held3"] & (docs["tune"] | docs["held"] | docs["held2"])
    assert not docs["held4"] & (docs["tune"] | docs["held"] | docs["held2"] | docs["held3"])
    stories = {s: {d.split("-")[0] for d in docs[s]} for s in docs}
    assert not stories["held3"] & (stories["tune"] | stories["held"] | stories["held2"])  # and by BASIL story
    assert not stories["held4"] & (stories["tune"] | stories["held"] | stories["held2"] | stories["held3"])
    assert not stories["held5"] & {s for k in ("tune", "held", "held2", "held3", "held4") for s in stories[k]}
    assert not docs["held6"] & {d for k in ("tune", "held", "held2", "held3", "held4", "held5") for d in docs[k]}
    assert not docs["held7"] & {d for k in ("tune", "held", "held2", "held3", "held4", "held5", "held6") for d in docs[k]}
    assert not docs["held8"] & {d for k in ("tune", "held", "held2", "held3", "held4", "held5", "held6", "held7") for d in docs[k]}
    assert not stories["held9"] & {s for k in docs if k != "held9" for s in stories[k]}
    for split in ("held2", "held3", "held6", "held7", "held8", "held9"):
        assert sum(g["split"] == split for g in gold) >= 40 and len(docs[split]) >= 4
    for split in ("held4", "held5"):
        assert sum(g["split"] == split for g in gold) >= 30 and len(docs[split]) >= 4


def test_gold_spans_are_the_articles_words():
    if not (DATASETS / "basil" / "articles.jsonl").exists():
        pytest.skip("needs ../shared/datasets")
    gold = load_gold(default_gold())
    texts = {r["id"]: r["text"] for r in article_rows(DATASETS, {g["doc"] for g in gold})}
    assert set(texts) == {g["doc"] for g in gold}
    assert all(texts[g["doc"]][g["start"]:g["end"]] == g["cue"] for g in gold)


def test_names_agree_inside_words_and_through_their_state():
    assert same_actor(["Kim Jong-un"], ["Kim Jong Un"])
    assert same_actor(["Vladimir Putin"], ["Putin"])
    assert same_actor(["United States"], ["U.S."])
    assert not same_actor(["Kim Yo Jong"], ["Kim Jong Un"])


def _gold(start, type_, source, target, status="reported", date=None, either=False):
    return {"doc": "a", "split": "tune", "start": start, "end": start + 3, "cue": "met", "type": type_,
            "mode": None, "source": [source], "target": [target], "status": status, "date": date,
            "either": either}


def _rel(start, type_, source, target, status="reported", date="2020-01-01"):
    return {"doc": "d1", "source_start": start, "source_end": start + 40, "type": type_, "mode": None,
            "source": source, "source_text": source, "target": target, "target_text": target,
            "status": status, "date": date, "cue": "x", "text": "x"}


def test_score_types_pairs_dates_and_status():
    gold = [_gold(0, "CONSULT", "Putin", "Kim", "reported", "2020-01", either=True),
            _gold(50, "ACCUSE", "Fox", "Trump", "alleged"),
            _gold(100, "ASSAULT", "Israel", "Syria")]
    exported = {"documents": [{"id": "d1", "input_id": "a"}],
                "entities": [{"id": "Putin", "name": "Vladimir Putin", "aliases": ["Putin"]}],
                "relations": [_rel(0, "CONSULT", "Kim", "Putin"),  # either order: a match
                              _rel(45, "ACCUSE", "Trump", "Fox", "reported"),  # reversed: type right, pair wrong
                              _rel(95, "COERCE", "Israel", "Syria"),  # same quad class, other type
                              _rel(200, "AID", "Iran", "Iraq")]}  # no gold in its sentence
    r = score(gold, exported)
    assert (r["gold"], r["predicted"]) == (3, 4)
    assert r["exact"]["tp"] == 2 and r["exact"]["precision"] == 0.5 and r["exact"]["recall"] == 0.6667
    assert r["coarse"]["tp"] == 3
    assert (r["pairs"]["right"], r["pairs"]["of"]) == (1, 2)  # the accusation runs the wrong way
    assert (r["date"]["right"], r["date"]["of"]) == (1, 1)
    assert (r["status"]["right"], r["status"]["of"]) == (1, 2)


@pytest.mark.datasets
def test_relations_gold_splits_reach_the_floors(datasets: Path) -> None:
    """The measured figures (docs/relations.md, "Quality"), as floors: the 89 articles built and
    exported (about 20 s). held9 is the split annotated before the code it checks."""
    from onrecord.eval.relations import run

    result = run(datasets)
    floors = {"tune": (173, 0.86, 0.97), "held": (58, 0.82, 0.88), "held2": (32, 0.82, 0.99),
              "held3": (41, 0.85, 0.97), "held4": (22, 0.75, 0.88), "held5": (16, 0.61, 0.82),
              "held6": (20, 0.71, 0.82), "held7": (34, 0.70, 0.91),
              "held8": (19, 0.70, 0.80), "held9": (14, 0.60, 0.87)}  # matched, type precision, actor pairs
    for split, (matched, precision, pairs) in floors.items():
        r = result[split]
        assert r["exact"]["tp"] >= matched and r["exact"]["precision"] >= precision, split
        assert r["pairs"]["accuracy"] >= pairs, split
