"""Timeline17 through the product path: ``build`` each topic, export it as JSON, rank its timeline.

Each ``<topic>_<outlet>/`` folder's ``articles.jsonl.gz`` rows are written as one JSONL input, built
into a temporary ledger by :func:`onrecord.pipeline.build`, exported by
:func:`onrecord.export.export` (``--format json``), and scored the way a user reads that export: the
top-level ``timeline`` entries sorted by descending ``salience``, their distinct day-precise dates
(``str(date)[:10]`` of length 10) cut at k = the number of gold dates, date-set F1 against the
journalists' timeline, averaged over the timelines.
"""

from __future__ import annotations

import gzip
import json
import tempfile
import time
from pathlib import Path

from onrecord.settings import Settings


def picked_dates(timeline: list[dict], k: int) -> list[str]:
    """The first ``k`` distinct day-precise dates of ``timeline`` by descending salience."""
    ranked = sorted(timeline, key=lambda e: -float(e.get("salience") or 0))
    picked: list[str] = []
    for entry in ranked:
        day = str(entry.get("date"))[:10]
        if len(day) == 10 and day not in picked:
            picked.append(day)
        if len(picked) == k:
            break
    return picked


def score_dates(picked: list[str], gold: set[str]) -> dict[str, float]:
    hit = len(set(picked) & gold)
    p = hit / max(1, len(picked))
    r = hit / max(1, len(gold))
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def built_timeline(folder: Path, limit: int | None, settings: Settings | None) -> tuple[list[dict], int]:
    """The exported ``timeline`` of ``folder``'s articles built into a fresh ledger, and the article count."""
    from onrecord.export import export
    from onrecord.pipeline import build

    with gzip.open(folder / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [line for line in fh if line.strip()][: limit or None]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "articles.jsonl").write_text("".join(rows), encoding="utf-8")
        build([work / "articles.jsonl"], work / "ledger.db", settings=settings)
        export(work / "ledger.db", "json", work / "export.json")
        data = json.loads((work / "export.json").read_text(encoding="utf-8"))
    return data.get("timeline", []), len(rows)


def score_topic(folder: Path, limit: int | None = None, settings: Settings | None = None) -> dict:
    t0 = time.perf_counter()
    gold = {g["date"][:10] for g in json.loads((folder / "timeline.json").read_text(encoding="utf-8"))}
    timeline, articles = built_timeline(folder, limit, settings)
    scores = score_dates(picked_dates(timeline, len(gold)), gold)
    scores.update(topic=folder.name, articles=articles, gold_dates=len(gold), entries=len(timeline),
                  seconds=round(time.perf_counter() - t0, 1))
    return scores


def run(path: Path, limit: int | None = None, settings: Settings | None = None) -> dict:
    """Product-path date F1 per timeline folder and the average (``limit``: first N articles each)."""
    folders = sorted(p for p in Path(path).iterdir() if (p / "timeline.json").exists())
    t0 = time.perf_counter()
    topics = [score_topic(f, limit, settings) for f in folders]
    average = sum(t["f1"] for t in topics) / len(topics) if topics else 0.0
    return {"topics": topics, "date_f1": average, "seconds": round(time.perf_counter() - t0, 1),
            "events": "product", "limit": limit}
