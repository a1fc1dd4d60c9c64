"""The hand-judged BASIL quote gold (``data/basil_quote_gold.jsonl``) and its scores.

Each gold line judges one quote a build listed: the article (``doc``, the JSONL row id), the
quote's source offset (``start``), its first words, whether it is a statement, the speaker the
article names for it (null when unnamed) and its ``part``: ``tune`` (the triplets the speaker
rules were written from), ``held`` (triplets judged after), ``held2`` (triplets judged later
still) or ``held3`` (two triplets judged last, the held-out check); a line without one is ``tune``. ``score`` reads exported quotes (with
their ``input_id``; those of the articles the gold holds) and gives, for the quotes of some attribution kinds (None: all), how many are no
statement and how many named speakers the export names (``same_speaker``). ``exported`` builds
some articles through the product path (JSONL rows, ``build``, the JSON export) and gives their
quotes; ``scripts/basil_quotes.py`` prints the scores.
"""

from __future__ import annotations

import json
import re
import tempfile
from importlib import resources
from pathlib import Path

LISTED = ("speech", "writing")  # what the pages list by default
PARTS = ("tune", "held", "held2", "held3")


def default_gold() -> Path:
    return Path(str(resources.files("onrecord") / "data" / "basil_quote_gold.jsonl"))


def load_gold(path: Path) -> dict[tuple[str, int], dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(g["doc"], g["start"]): {**g, "part": g.get("part", "tune")} for g in lines}


def part_of(gold: dict[tuple[str, int], dict], part: str) -> dict[tuple[str, int], dict]:
    """The gold lines of one part."""
    return {k: g for k, g in gold.items() if g["part"] == part}


def exported(basil: Path, docs: set[str]) -> list[dict]:
    """The exported quotes of some BASIL articles (by row id), each with its ``input_id``."""
    from onrecord import build
    from onrecord.export import export

    rows = [json.loads(line) for line in open(basil / "articles.jsonl", encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        src = work / "in.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for r in rows:
                if r["id"] in docs:
                    f.write(json.dumps({k: r[k] for k in ("id", "text", "title", "outlet", "published")}) + "\n")
        build([src], work / "ledger.db")
        export(work / "ledger.db", "json", work / "export.json")
        data = json.loads((work / "export.json").read_text(encoding="utf-8"))
    ids = {d["id"]: d["input_id"] for d in data["documents"]}
    return [{**q, "input_id": ids[q["doc"]]} for q in data["quotes"]]


def _key(name: str | None) -> str:
    return re.sub(r"[^a-z ]", "", (name or "").lower()).strip()


def same_speaker(gold: str, name: str | None) -> bool:
    """The exported name is the gold one: one ends with the other, or their last words agree."""
    g, n = _key(gold), _key(name)
    return bool(g) and bool(n) and (g.endswith(n) or n.endswith(g) or g.split()[-1] == n.split()[-1])


def score(gold: dict[tuple[str, int], dict], quotes: list[dict], acts: tuple[str, ...] | None) -> dict:
    docs = {doc for doc, _ in gold}
    listed = [q for q in quotes if q["input_id"] in docs and (acts is None or q["act"] in acts)]
    judged = [(q, gold[(q["input_id"], q["source_start"])]) for q in listed
              if (q["input_id"], q["source_start"]) in gold]
    not_statements = sum(1 for _, g in judged if not g["statement"])
    named = [(q, g) for q, g in judged if g["statement"] and g["speaker"]]
    resolved = sum(1 for q, g in named if same_speaker(g["speaker"], q["speaker_name"]))
    return {"listed": len(listed), "unjudged": len(listed) - len(judged), "not_statements": not_statements,
            "not_statement_share": round(not_statements / max(1, len(judged)), 3), "named_speakers": len(named),
            "resolved": resolved, "resolved_share": round(resolved / max(1, len(named)), 3)}
