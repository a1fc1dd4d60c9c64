"""Figures across outlets on BASIL: claimant, status and disagreements, through the product path.

The gold (``src/onrecord/data/basil_figures_gold.jsonl``, written for this project) names, for a
few cross-outlet triplets of BASIL, the salient figures of each article — ``{"story", "doc",
"start", "figure", "claimant" (name or null when the outlet states it), "status", "measure", "split"}``,
``start`` an offset into the article's text — and the pairs of figures that really disagree
(``{"story", "disagree": ["DOC:START", "DOC:START"], "note", "split"}``). ``split`` names the part
of the gold a line belongs to ("tune", "held", "held2", "held3", "held4", "held5", "held6", "held7", "held8", "held9", "held10", "held11", "held12", "held13"; see docs/claims.md for which parts the
rules were read against); the result has each part and the total. The articles of those triplets
are built into a fresh ledger (:func:`onrecord.pipeline.build`) and exported as JSON
(:func:`onrecord.export.export`); each gold figure is the exported claim of its article whose
source span overlaps it most. A disagreement is flagged when one ``conflicts`` link holds both
figures. A gold line whose ``doc`` is not a BASIL article names an article of
``allsides/articles.jsonl.gz`` (next to ``basil/``) by its id; its ``story`` is a label of the gold.
Claimants match as in :mod:`onrecord.eval.claims` (names or aliases, one inside the
other at word boundaries).
"""

from __future__ import annotations

import gzip
import json
import logging
import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path

from onrecord.eval.claims import same_claimant

log = logging.getLogger(__name__)


def default_gold() -> Path:
    return Path(str(resources.files("onrecord") / "data" / "basil_figures_gold.jsonl"))


def load_gold(path: Path) -> tuple[list[dict], list[dict]]:
    """The gold figures and the gold disagreements."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if "figure" in r], [r for r in rows if "disagree" in r]


def _allsides_rows(basil: Path, ids: set[str]) -> list[dict]:
    path = basil.parent / "allsides" / "articles.jsonl.gz"
    if not ids or not path.exists():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [row for row in map(json.loads, (line for line in fh if any(i in line for i in ids)))
                if row["id"] in ids]


def build_export(basil: Path, stories: set[str], work: Path, docs: set[str] = frozenset()) -> dict:
    """Build the articles of ``stories`` (BASIL ids start with the story's prefix) and the AllSides
    articles among ``docs``, and export them."""
    from onrecord.export import export
    from onrecord.pipeline import build

    rows = [json.loads(line) for line in (basil / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    chosen = [r for r in rows if r["id"].split("-")[0] in stories]
    chosen += _allsides_rows(basil, set(docs) - {r["id"] for r in rows})
    source = work / "basil_figures.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
    build([source], work / "ledger.db")
    export(work / "ledger.db", "json", work / "export.json")
    return json.loads((work / "export.json").read_text(encoding="utf-8"))


def _claim_at(claims: list[dict], start: int, end: int) -> dict | None:
    best, overlap = None, 0
    for c in claims:
        o = min(end, c["source_end"]) - max(start, c["source_start"])
        if o > overlap:
            best, overlap = c, o
    return best


def score(figures: list[dict], disagreements: list[dict], exported: dict,
          stories: set[str] | None = None) -> dict:
    """Claimant, status and disagreement scores of an export against the gold; the conflict
    counts are over the documents of ``stories`` (all documents when None)."""
    doc_of = {d["input_id"]: d["id"] for d in exported["documents"]}
    docs_in = {d["id"] for d in exported["documents"]
               if stories is None or d["input_id"].split("-")[0] in stories or d["input_id"] in stories}
    by_doc: dict[str, list[dict]] = {}
    for c in exported["claims"]:
        by_doc.setdefault(c["doc"], []).append(c)
    aliases = {e["id"]: tuple(e.get("aliases") or ()) for e in exported["entities"]}
    counts: Counter[str] = Counter()
    found: dict[str, dict] = {}
    errors = []
    for g in figures:
        claim = _claim_at(by_doc.get(doc_of.get(g["doc"], ""), []), g["start"], g["start"] + len(g["figure"]))
        ok_who = claim is not None and same_claimant(g["claimant"], claim["claimant_name"],
                                                     aliases.get(claim["claimant"] or "", ()))
        ok_status = claim is not None and claim["status"] == g["status"]
        counts.update(found=claim is not None, claimant=ok_who, status=ok_status)
        if claim is not None:
            found[f"{g['doc']}:{g['start']}"] = claim
        if not (ok_who and ok_status):
            errors.append({"figure": f"{g['doc']}:{g['start']} {g['figure']}", "gold": [g["claimant"], g["status"]],
                           "predicted": [claim["claimant_name"], claim["status"]] if claim else None})
    claim_doc = {c["id"]: c["doc"] for c in exported["claims"]}
    conflict_links = [link for link in exported["links"] if link["kind"] == "conflicts"
                      and any(claim_doc.get(i) in docs_in for i in link["items"])]
    conflicts = [set(link["items"]) for link in conflict_links]
    flagged = [d for d in disagreements
               if all(k in found for k in d["disagree"])
               and any({found[k]["id"] for k in d["disagree"]} <= items for items in conflicts)]
    gold_ids = {c["id"] for c in found.values()}
    n = len(figures)
    return {
        "figures": n, "found": counts["found"], "claimant": counts["claimant"], "status": counts["status"],
        "claimant_accuracy": round(counts["claimant"] / n, 4) if n else 0.0,
        "status_accuracy": round(counts["status"] / n, 4) if n else 0.0,
        "disagreements": len(disagreements), "flagged": len(flagged),
        "missed": [d["note"] for d in disagreements if d not in flagged],
        "conflict_links": len(conflicts),
        "conflicts_on_gold_figures": len([items for items in conflicts if items & gold_ids]),
        "conflict_notes": [link["note"] for link in conflict_links],
        "errors": errors,
    }


def run(basil: Path, gold_path: Path | None = None) -> dict:
    figures, disagreements = load_gold(gold_path or default_gold())
    stories = {g["story"] for g in figures}
    with tempfile.TemporaryDirectory() as tmp:
        exported = build_export(Path(basil), stories, Path(tmp), {g["doc"] for g in figures})
    splits = {}
    for name in sorted({g.get("split", "tune") for g in figures}):
        part = [g for g in figures if g.get("split", "tune") == name]
        part_stories = {g["story"] for g in part}
        splits[name] = {"stories": sorted(part_stories),
                        **score(part, [d for d in disagreements if d.get("split", "tune") == name], exported,
                                part_stories | {g["doc"] for g in part})}
    return {"stories": sorted(stories), **score(figures, disagreements, exported), "splits": splits}


def _summary(result: dict, title: str) -> list[str]:
    return [
        f"{title}: {result['figures']} figures in {len(result['stories'])} triplets ({result['found']} found)",
        f"  claimant right     {result['claimant']}/{result['figures']} ({result['claimant_accuracy']:.3f})",
        f"  status right       {result['status']}/{result['figures']} ({result['status_accuracy']:.3f})",
        f"  disagreements      {result['flagged']}/{result['disagreements']} flagged",
        f"  conflicts links    {result['conflict_links']} ({result['conflicts_on_gold_figures']} on gold figures)",
    ]


def format_result(result: dict) -> str:
    lines = []
    for name, part in result.get("splits", {}).items():
        lines += _summary(part, f"BASIL figures gold, {name} half")
    lines += _summary(result, "BASIL figures gold, total")
    lines += [f"  - missed: {m}" for m in result["missed"]]
    lines += [f"  - conflict: {n}" for n in result["conflict_notes"]]
    lines += [f"  - {e['figure']}  gold={e['gold']} predicted={e['predicted']}" for e in result["errors"]]
    return "\n".join(lines)
