"""Score the actor ranking on the hand-made BASIL actor gold (tests/store/basil_actor_gold.json).

Each event's three articles are built into a ledger of their own; the ledger's actor list (by
salience, what /actors shows) is compared with the gold: the first actor, the main actors in the
top 5, and the nationality adjectives and set-aside names in the top 10 (there should be none).

    PYTHONPATH=src .venv/bin/python scripts/basil_actors.py ../shared/datasets/basil [--order old]
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import tempfile
from pathlib import Path

from onrecord import build
from onrecord.store import read_entities

GOLD = Path(__file__).resolve().parent.parent / "tests" / "store" / "basil_actor_gold.json"


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9ñé ]", "", text.lower().replace("ñ", "n").replace("é", "e"))


def matches(gold: str, actor: dict) -> bool:
    """Whether the gold name names this actor (its name or an alias ends with it)."""
    return any(_key(n).endswith(_key(gold)) for n in (actor["name"], *actor.get("aliases", [])))


def is_adjective(actor: dict) -> bool:
    """A nationality adjective listed as an actor: typed so, or a singular NORP name that is not an
    acronym ("Republican", "Mexican"; not "Republicans", "FBI")."""
    name = actor["name"]
    return actor["type"] == "NATIONALITY" or (actor["type"] == "NORP" and not name.endswith("s")
                                              and not name.isupper())


def ranked(db: Path, order: str) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    if order == "old":  # the listing by number of articles, then name
        rows = conn.execute("SELECT name, type, aliases FROM entities ORDER BY doc_count DESC, name LIMIT 10")
        return [{**dict(r), "aliases": json.loads(r["aliases"])} for r in rows]
    return read_entities.actors(conn, limit=10).items


def score_event(articles: list[dict], gold: dict, order: str, work: Path) -> dict:
    src = work / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in articles))
    build([src], work / "ledger.db")
    top = ranked(work / "ledger.db", order)
    first = any(matches(g, top[0]) for g in gold["first"]) if top else False
    found = [g for g in gold["main"] if any(matches(g, a) for a in top[:5])]
    adjectives = [a["name"] for a in top if is_adjective(a)]
    return {"top": [a["name"] for a in top], "first": first, "main_found": len(found),
            "main": len(gold["main"]), "adjectives_top10": adjectives}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("basil")
    ap.add_argument("--order", choices=("salience", "old"), default="salience")
    args = ap.parse_args()
    gold = json.loads(GOLD.read_text())["events"]
    articles: dict[str, list[dict]] = {}
    for line in open(Path(args.basil) / "articles.jsonl", encoding="utf-8"):
        a = json.loads(line)
        if a["id"][:8] in gold:
            articles.setdefault(a["id"][:8], []).append(a)
    total = {"first": 0, "main_found": 0, "main": 0, "adjectives": 0}
    for event, g in gold.items():
        with tempfile.TemporaryDirectory() as tmp:
            r = score_event(articles[event], g, args.order, Path(tmp))
        total["first"] += r["first"]
        total["main_found"] += r["main_found"]
        total["main"] += r["main"]
        total["adjectives"] += len(r["adjectives_top10"])
        print(f"{event} {g['topic']}: first {'right' if r['first'] else 'WRONG'}, main {r['main_found']}/{r['main']}"
              f" in top 5; adjectives in top 10: {r['adjectives_top10']}; top 10: {'; '.join(r['top'])}")
    print(f"first right {total['first']}/{len(gold)}; main actors in top 5 {total['main_found']}/{total['main']};"
          f" nationality adjectives in top 10: {total['adjectives']}")


if __name__ == "__main__":
    main()
