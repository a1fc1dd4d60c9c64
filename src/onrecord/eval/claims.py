"""Claimant and status accuracy of numeric claims on the project's own gold sentences.

Each gold line is ``{"text", "quantity", "claimant" (name or null), "status"}``. The text runs
through the full extract stage (spaCy model, actors, quotes, claims); the claim whose span overlaps
the gold quantity most is scored. A claimant matches when both are null, or when the names agree
case-insensitively with one contained in the other at word boundaries ("Putin" and "Vladimir
Putin"). A gold quantity with no overlapping claim counts as wrong on both fields.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from onrecord.models import Claim

log = logging.getLogger(__name__)

STATUSES = ("asserted", "attributed", "estimate", "unverified", "disputed")


def default_gold() -> Path:
    return Path(str(resources.files("onrecord") / "data" / "claims_gold.jsonl"))


def load_gold(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row["quantity"] not in row["text"]:
            raise ValueError(f"{path}:{n}: quantity {row['quantity']!r} is not in the text")
        rows.append(row)
    return rows


def same_claimant(gold: str | None, pred: str | None, aliases: Sequence[str] = ()) -> bool:
    """Null matches null; a name matches the actor's name or any of its aliases: one inside the
    other at word boundaries, or every word of the gold name among the predicted one's words
    ("Theodore Boutrous" and "Theodore J. Boutrous Jr."); a typographic apostrophe reads as a
    straight one ("Standard & Poor’s")."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g = _norm(gold)
    for name in (pred, *aliases):
        p = _norm(name)
        if g == p or _contains(g, p) or _contains(p, g) or (_words(g) and _words(g) <= _words(p)):
            return True
    return False


def _words(name: str) -> set[str]:
    return set(re.findall(r"\w[\w'’-]*", name))


def _norm(name: str) -> str:
    return re.sub(r"^the\s+", "", name.casefold().strip().replace("’", "'"))


def _contains(outer: str, inner: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", outer) is not None


def pick_claim(claims: tuple[Claim, ...], start: int, end: int) -> Claim | None:
    best, best_overlap = None, 0
    for c in claims:
        overlap = min(end, c.end) - max(start, c.start)
        if overlap > best_overlap:
            best, best_overlap = c, overlap
    return best


def analyse(text: str) -> tuple[tuple[Claim, ...], dict[str, tuple[str, ...]]]:
    from onrecord.extract.actors import extract_actors
    from onrecord.extract.claims import extract_claims
    from onrecord.extract.quotes.extract import extract_quotes
    from onrecord.nlp.pipeline import load

    doc = load()(text)
    actors = extract_actors(doc)
    claims = extract_claims(doc, actors, extract_quotes(doc, actors))
    return claims, {a.key: (a.name, *a.aliases) for a in actors}


def run(gold_path: Path | None = None) -> dict:
    rows = load_gold(gold_path or default_gold())
    counts: Counter[str] = Counter()
    by_status: dict[str, Counter[str]] = {s: Counter() for s in STATUSES}
    errors = []
    for row in rows:
        start = row["text"].index(row["quantity"])
        claims, aliases = analyse(row["text"])
        claim = pick_claim(claims, start, start + len(row["quantity"]))
        found = claim is not None
        ok_claimant = found and same_claimant(row["claimant"], claim.claimant_name,
                                              aliases.get(claim.claimant_key or "", ()))
        ok_status = found and claim.status == row["status"]
        counts.update(found=found, claimant=ok_claimant, status=ok_status)
        by_status[row["status"]].update(total=1, correct=ok_status)
        if not (ok_claimant and ok_status):
            errors.append({"text": row["text"], "gold": [row["claimant"], row["status"]],
                           "predicted": [claim.claimant_name, claim.status] if claim else None})
    n = len(rows)
    return {
        "sentences": n,
        "quantity_found": round(counts["found"] / n, 4) if n else 0.0,
        "claimant_accuracy": round(counts["claimant"] / n, 4) if n else 0.0,
        "status_accuracy": round(counts["status"] / n, 4) if n else 0.0,
        "status_recall": {s: f"{c['correct']}/{c['total']}" for s, c in by_status.items()},
        "errors": errors,
    }


def format_result(result: dict) -> str:
    lines = [
        f"Claims gold: {result['sentences']} sentences",
        f"  quantity found     {result['quantity_found']:.3f}",
        f"  claimant accuracy  {result['claimant_accuracy']:.3f}",
        f"  status accuracy    {result['status_accuracy']:.3f}",
        "  status recall      " + ", ".join(f"{k} {v}" for k, v in result["status_recall"].items()),
    ]
    for e in result["errors"]:
        lines.append(f"  - {e['text'][:90]}  gold={e['gold']} predicted={e['predicted']}")
    return "\n".join(lines)
