"""Score actor types on the hand-made held-out gold (tests/extract/actors/type_gold.json).

Each gold row names a surface form in one AllSides article and the type it should have there
(``pair``: two names joined by a hyphen, which no actor should go by). Scored per article
(``extract_actors``) and across the gold's articles (``merge_entities``, the link step): a row
counts when every actor (entity) going by that name has the gold type, or, for ``pair``, when
none goes by it; failing a name, an actor whose name ends with it counts (an entity set aside from the actor lists counts as none).

    PYTHONPATH=src .venv/bin/python scripts/actor_types.py ../shared/datasets/allsides
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from onrecord.extract.actors import extract_actors
from onrecord.link.entities import merge_entities
from onrecord.models import Actor
from onrecord.names import norm
from onrecord.nlp.pipeline import load

GOLD = Path(__file__).resolve().parent.parent / "tests" / "extract" / "actors" / "type_gold.json"


def right(types: list[str], gold: str) -> bool:
    """Whether the types of the actors going by the gold name agree with the gold."""
    if gold == "pair":
        return all(t == "set aside" for t in types)
    return bool(types) and all(t == gold for t in types)


def _going(actors: tuple[Actor, ...], name: str, gold: str) -> list[Actor]:
    """The actors going by ``name``; failing that (not for ``pair``), those whose name ends with
    it ("Nancy Pelosi" for "Pelosi")."""
    key = norm(name)
    going = [a for a in actors if key in {norm(n) for n in (a.name, *a.aliases)}]
    if going or gold == "pair":
        return going
    return [a for a in actors if norm(a.name).split()[-1:] == [key]]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("allsides")
    args = ap.parse_args()
    rows = json.loads(GOLD.read_text())["rows"]
    wanted = {r["id"] for r in rows}
    texts = {}
    with gzip.open(Path(args.allsides) / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in wanted:
                texts[a["id"]] = f"{a['title']}\n\n{a['text']}"
    nlp = load()
    per_doc = [(i, extract_actors(nlp(t))) for i, t in texts.items()]
    actors = dict(per_doc)
    index = merge_entities(per_doc)
    entity_type = {e.id: "set aside" if e.set_aside else e.type for e in index.entities}
    doc_ok = link_ok = 0
    for r in rows:
        going = _going(actors[r["id"]], r["name"], r["type"])
        doc_types = [a.type for a in going]
        link_types = [entity_type[index.entity_of[(r["id"], a.key)]] for a in going
                      if (r["id"], a.key) in index.entity_of]
        doc_ok += right(doc_types, r["type"])
        link_ok += right(link_types, r["type"])
        print(f"{r['id']} {r['name']:14} gold {r['type']:6} doc {doc_types} link {link_types}")
    print(f"per article {doc_ok}/{len(rows)}  linked {link_ok}/{len(rows)}")


if __name__ == "__main__":
    main()
