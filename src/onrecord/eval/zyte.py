"""The Zyte article-extraction benchmark: HTML extraction and the plain-text cleaner.

Metric (as the benchmark defines it): tokens ``\\w+`` lower-cased, 4-token shingles; per page
TP/FP/FN over shingle counts; precision and recall averaged over pages; F1 of the two averages.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import re
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from onrecord.clean import clean
from onrecord.clean.html import extract_page
from onrecord.models import Document, RawInput

log = logging.getLogger(__name__)

WORD = re.compile(r"\w+")
SHINGLE = 4
SYSTEMS = ("html", "text", "baseline")
PUBLISHED = {"trafilatura": 0.958, "newspaper4k": 0.949, "readability-lxml": 0.922, "whole page text": 0.665}


def shingles(text: str, n: int = SHINGLE) -> Counter:
    """Counts of lower-cased ``n``-token shingles of ``text``."""
    tokens = WORD.findall(text.lower())
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def page_scores(predicted: str, gold: str) -> tuple[float, float]:
    """(precision, recall) of one page; an empty side scores 1.0 on the ratio it cannot divide."""
    pred, true = shingles(predicted), shingles(gold)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def summarise(pairs: list[tuple[float, float]]) -> dict:
    """Macro precision and recall over pages and the F1 of those averages."""
    if not pairs:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "pages": 0}
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "pages": len(pairs)}


def article_text(doc: Document) -> str:
    """The body without its leading headline and standfirst paragraphs (the benchmark's articleBody).

    Only for plain-text input: from HTML the body is the extractor's text, which has no headline.
    """
    paras = doc.body.split("\n\n")
    for lead in (doc.title, doc.standfirst):
        if paras and lead and paras[0] == lead:
            paras = paras[1:]
    return "\n\n".join(paras)


def _predict(task: tuple[str, str, str, str]) -> dict[str, str]:
    page_id, html, page_text, url = task
    out = {"baseline": page_text, "trafilatura": ""}
    for kind, content in (("html", html), ("text", page_text)):
        raw = RawInput(source=f"zyte:{page_id}", input_id=page_id, kind=kind, content=content,
                       meta={"url": url} if kind == "html" else {})
        doc = clean(raw, languages=None)
        if not isinstance(doc, Document):
            out[kind] = ""
        else:
            out[kind] = article_text(doc) if kind == "text" else doc.body
        if kind == "html":  # the extractor's own text, before the cleaner
            page = doc.source_text if isinstance(doc, Document) else getattr(extract_page(html, url), "text", "")
            out["trafilatura"] = page
    return out


def load(path: Path, ids: list[str] | None = None) -> list[tuple[str, str, str, str, str]]:
    """(id, html, whole-page text, url, gold body) per page of the benchmark folder."""
    path = Path(path)
    gold = json.loads((path / "ground-truth.json").read_text(encoding="utf-8"))
    texts = json.loads((path / "html-text.json").read_text(encoding="utf-8"))
    rows = []
    for page_id in sorted(ids if ids is not None else gold):
        html = gzip.decompress((path / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        text = texts[page_id]["articleBody"]
        rows.append((page_id, html, text, gold[page_id].get("url") or "", gold[page_id]["articleBody"]))
    return rows


def run(path: Path, ids: list[str] | None = None, workers: int | None = None) -> dict:
    """Score HTML extraction, the plain-text cleaner and the raw page text on the benchmark."""
    started = time.perf_counter()
    rows = load(path, ids)
    tasks = [(r[0], r[1], r[2], r[3]) for r in rows]
    workers = workers or min(2, os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            preds = list(pool.map(_predict, tasks, chunksize=4))
    else:
        preds = [_predict(t) for t in tasks]
    scores: dict[str, list[tuple[float, float]]] = {k: [] for k in (*SYSTEMS, "trafilatura")}
    per_page = {}
    for row, pred in zip(rows, preds, strict=True):
        for system, text in pred.items():
            scores[system].append(page_scores(text, row[4]))
        per_page[row[0]] = {s: round(_f1(*scores[s][-1]), 4) for s in SYSTEMS}
    result = {system: summarise(pairs) for system, pairs in scores.items()}
    result.update(published=PUBLISHED, seconds=round(time.perf_counter() - started, 1), per_page=per_page)
    return result


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def format_result(result: dict) -> str:
    """A small table of P/R/F1 per system beside the published figures."""
    names = {"html": "clean(html)  [trafilatura + cleaner]", "trafilatura": "trafilatura text alone",
             "text": "clean(text)  [plain-text cleaner]", "baseline": "whole page text (baseline)"}
    lines = [f"{'system':40} {'P':>7} {'R':>7} {'F1':>7}  pages"]
    for key, label in names.items():
        s = result[key]
        lines.append(f"{label:40} {s['precision']:7.3f} {s['recall']:7.3f} {s['f1']:7.3f}  {s['pages']}")
    published = ", ".join(f"{k} {v:.3f}" for k, v in result["published"].items())
    lines.append(f"published F1: {published}")
    lines.append(f"time: {result['seconds']} s")
    return "\n".join(lines)
