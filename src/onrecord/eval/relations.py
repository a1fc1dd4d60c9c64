"""Relations (who does what to whom, on PLOVER) against the project's own gold, through the product path.

The gold (``src/onrecord/data/relations_gold.jsonl``, written by hand for this project) holds, for
forty-four BASIL articles and forty-five AllSides articles, one line per relation: the article (``doc``,
the row id), ``split`` (``tune``: the lexicon and frames were improved looking at these; ``held``:
measured only; ``held2``: annotated before the rules that now read it were written, measured
only; ``held3``: six BASIL articles of four stories no other split uses, annotated and measured
before the changes it confirmed, its errors since read and fitted; ``held4``: five BASIL articles of four stories no other split
uses, annotated before the changes fitted to held3's errors, its errors since read by class and
fitted; ``held5``: six BASIL articles of five stories no other gold file uses, annotated before the
changes fitted to held4's errors, its errors since read by class (tuning data now); ``held6``: six
AllSides articles of stories no other gold file uses, annotated before the changes fitted to
held5's errors, its errors since read by class (tuning data now); ``held7``: five AllSides articles
of stories no other gold file uses, annotated before the changes fitted to held6's errors, its
errors since read by class (tuning data now); ``held8``: five AllSides articles of stories no
other gold file uses, annotated before the changes fitted to the classes of held7's and the other
splits' errors, measured only, its errors not read;
each split scored on its own, ``all`` pools them), ``start``/``end`` (the offsets of a short span of the sentence, usually the cue,
in the row's text) and ``cue`` (that span), ``type`` and ``mode``, ``source`` and ``target`` (lists
of names any of which is the actor), ``status``, ``date`` (the date the text gives the event, at
its own granularity: ``2016``, ``2016-02``, ``2016-02-25``; null when it gives none) and
``either`` (the direction is not scored: meetings, calls, cooperation, agreements, exchanges).

The articles are written as one JSONL file, built into a fresh ledger
(:func:`onrecord.pipeline.build`) and exported as JSON (:func:`onrecord.export.export`), as
``../shared/tools/score_export.py`` does for the other tasks. An exported relation is *in the
sentence* of a gold one when its sentence (``source_start``/``source_end``) overlaps the gold span.

* **Exact type**: a prediction matches a gold relation in its sentence with the same type and the
  same actors in either order (one to one, in gold order); precision over the predictions of the
  split's articles, recall over the gold.
* **Coarse**: the same with the PLOVER quad class instead of the type.
* **Actor pairs**: each gold relation is aligned with a prediction of its sentence and type
  (ignoring actors; one to one, preferring the one whose actors agree); the share of aligned ones
  whose source and target are right (in either order when ``either``).
* **Date**, **status**, **mode**: on the exact-type matches (date on those whose gold has a date:
  the predicted date starts with the gold one; mode on those whose gold has a mode).

Each split's result also lists its ``missed`` gold relations and its ``wrong`` predictions (spurious
ones with their article, sentence offset and words; matched ones with a wrong status or date), for
reading the tuning split's errors (``--json``).

Actor names agree when, normalised (:func:`onrecord.names.norm`), one equals the other or holds
it at word boundaries, or both name the same state (:func:`onrecord.names.state_of`); a
prediction's names are its entity's name and aliases, then its words in the text.
"""

from __future__ import annotations

import gzip
import json
import re
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from onrecord.names import norm, state_of
from onrecord.plover import QUAD

SPLITS = ("tune", "held", "held2", "held3", "held4", "held5", "held6", "held7", "held8", "held9")


def default_gold() -> Path:
    return Path(str(resources.files("onrecord") / "data" / "relations_gold.jsonl"))


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def article_rows(datasets: Path, ids: set[str]) -> list[dict]:
    """The gold's articles from ``basil/articles.jsonl`` and ``allsides/articles.jsonl.gz``."""
    rows = []
    with open(datasets / "basil" / "articles.jsonl", encoding="utf-8") as fh:
        rows += [r for r in map(json.loads, fh) if r["id"] in ids]
    with gzip.open(datasets / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if any(i in line for i in ids):
                row = json.loads(line)
                if row["id"] in ids:
                    rows.append(row)
    return rows


def build_export(rows: list[dict], work: Path) -> dict:
    """Build ``rows`` as one JSONL input into a fresh ledger and export it as JSON."""
    from onrecord.export import export
    from onrecord.pipeline import build

    source = work / "relations_gold_articles.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    build([source], work / "ledger.db")
    export(work / "ledger.db", "json", work / "export.json")
    return json.loads((work / "export.json").read_text(encoding="utf-8"))


def _key(name: str) -> str:
    return norm(re.sub(r"['’]s$", "", name.strip()))


def same_actor(gold: Iterable[str], names: Iterable[str]) -> bool:
    """Some gold name and some predicted name agree (equal, one inside the other, or one state)."""
    names = [n for n in names if n]
    for g in gold:
        gk, gs = _key(g), _state(g)
        for n in names:
            nk = _key(n)
            if not gk or not nk:
                continue
            if gk == nk or re.search(rf"\b{re.escape(nk)}\b", gk) or re.search(rf"\b{re.escape(gk)}\b", nk):
                return True
            if gs is not None and gs == _state(n):
                return True
    return False


def _state(name: str) -> str | None:
    return state_of(name) or state_of(name.replace(".", ""))  # "U.S." is "US"


def _names(rel: dict, side: str, entities: dict[str, list[str]]) -> list[str]:
    return [*entities.get(rel.get(side) or "", []), rel.get(f"{side}_text") or ""]


def _pair(g: dict, p: dict, entities: dict[str, list[str]], ordered: bool) -> bool:
    src, tgt = _names(p, "source", entities), _names(p, "target", entities)
    if same_actor(g["source"], src) and same_actor(g["target"], tgt):
        return True
    return not ordered and same_actor(g["source"], tgt) and same_actor(g["target"], src)


def _in_sentence(g: dict, p: dict) -> bool:
    return p["source_start"] < g["end"] and g["start"] < p["source_end"]


def _align(gold: list[dict], preds: list[dict], same, prefer) -> list[tuple[dict, dict]]:
    """One-to-one pairs (gold, prediction) in gold order: same sentence and ``same``; among those,
    a prediction for which ``prefer`` holds first."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        options = [i for i, p in enumerate(preds) if i not in used and _in_sentence(g, p) and same(g, p)]
        if not options:
            continue
        best = next((i for i in options if prefer(g, preds[i])), options[0])
        used.add(best)
        pairs.append((g, preds[best]))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p, r = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    return {"tp": tp, "precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _share(hits: int, n: int) -> dict:
    return {"right": hits, "of": n, "accuracy": round(hits / n, 4) if n else 0.0}


def score(gold: list[dict], exported: dict) -> dict:
    """Exact-type and coarse P/R/F1, actor-pair, date, status and mode accuracy of an export."""
    doc_of = {d["id"]: d["input_id"] for d in exported["documents"]}
    entities = {e["id"]: [e["name"], *(e.get("aliases") or ())] for e in exported["entities"]}
    docs = {g["doc"] for g in gold}
    preds = [r for r in exported["relations"] if doc_of.get(r["doc"]) in docs and r["source_start"] is not None
             and r["source_end"] is not None]  # a headline's relations have no offsets in the text: not scored
    counts = {"exact": 0, "coarse": 0, "pairs": [0, 0], "date": [0, 0], "status": [0, 0], "mode": [0, 0]}
    misses, wrong = [], []
    for doc in sorted(docs):
        g_doc = [g for g in gold if g["doc"] == doc]
        p_doc = [p for p in preds if doc_of.get(p["doc"]) == doc]
        exact = _align(g_doc, p_doc, lambda g, p: g["type"] == p["type"] and _pair(g, p, entities, False),
                       lambda g, p: _pair(g, p, entities, not g["either"]))
        coarse = _align(g_doc, p_doc, lambda g, p: QUAD[g["type"]] == QUAD.get(p["type"])
                        and _pair(g, p, entities, False), lambda g, p: g["type"] == p["type"])
        typed = _align(g_doc, p_doc, lambda g, p: g["type"] == p["type"],
                       lambda g, p: _pair(g, p, entities, not g["either"]))
        counts["exact"] += len(exact)
        counts["coarse"] += len(coarse)
        counts["pairs"][0] += sum(1 for g, p in typed if _pair(g, p, entities, not g["either"]))
        counts["pairs"][1] += len(typed)
        for g, p in exact:
            _tally(counts, g, p, wrong)
        matched = {id(p) for _, p in exact}
        found = {id(g) for g, _ in exact}
        misses += [_brief(g) for g in g_doc if id(g) not in found]
        wrong += [{"spurious": _said(doc, p, entities)} for p in p_doc if id(p) not in matched]
    n_pred, n_gold = len(preds), len(gold)
    return {"gold": n_gold, "predicted": n_pred, "exact": _prf(counts["exact"], n_pred, n_gold),
            "coarse": _prf(counts["coarse"], n_pred, n_gold),
            **{k: _share(*counts[k]) for k in ("pairs", "date", "status", "mode")},
            "missed": misses, "wrong": wrong}


def _tally(counts: dict, g: dict, p: dict, wrong: list[dict]) -> None:
    if g.get("date"):
        counts["date"][1] += 1
        counts["date"][0] += str(p.get("date") or "").startswith(g["date"])
    counts["status"][1] += 1
    counts["status"][0] += p["status"] == g["status"]
    if g.get("mode"):
        counts["mode"][1] += 1
        counts["mode"][0] += p.get("mode") == g["mode"]
    if p["status"] != g["status"] or (g.get("date") and not str(p.get("date") or "").startswith(g["date"])):
        wrong.append({"gold": _brief(g), "status": p["status"], "date": p.get("date")})


def _brief(g: dict) -> str:
    return (f"{g['doc']}:{g['start']} {g['type']}/{g.get('mode') or '-'} {g['source'][0]} -> {g['target'][0]} "
            f"{g['status']} {g.get('date') or ''} «{g['cue']}»")


def _said(doc: str, p: dict, entities: dict[str, list[str]]) -> str:
    src = (entities.get(p.get("source") or "") or [p.get("source_text")])[0]
    tgt = (entities.get(p.get("target") or "") or [p.get("target_text")])[0]
    return f"{doc}:{p['source_start']} {p['type']}/{p.get('mode') or '-'} {src} -> {tgt} {p['status']} «{p['cue']}» in: {p['text'][:90]}"


def run(datasets: Path, gold_path: Path | None = None) -> dict:
    """Build the gold's articles (from ``datasets``: the folder holding ``basil/`` and
    ``allsides/``), export them and score each split."""
    gold = load_gold(gold_path or default_gold())
    rows = article_rows(Path(datasets), {g["doc"] for g in gold})
    with tempfile.TemporaryDirectory() as tmp:
        exported = build_export(rows, Path(tmp))
    result = {"articles": len(rows)}
    for split in SPLITS:
        result[split] = score([g for g in gold if g["split"] == split], exported)
    result["all"] = score(gold, exported)
    return result


def format_result(result: dict) -> str:
    lines = [f"Relations gold: {result['articles']} articles (BASIL and AllSides)"]
    for split in (*SPLITS, "all"):
        r = result[split]
        e, c = r["exact"], r["coarse"]
        lines += [
            f"{split}: {r['gold']} gold, {r['predicted']} predicted",
            f"  exact type  P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}  ({e['tp']} matched)",
            f"  quad class  P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}",
            "  " + "  ".join(f"{k} {r[k]['accuracy']:.3f} ({r[k]['right']}/{r[k]['of']})"
                             for k in ("pairs", "date", "status", "mode")),
        ]
    return "\n".join(lines)
