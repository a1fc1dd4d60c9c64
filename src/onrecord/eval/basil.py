"""BASIL: group articles into stories and score B-cubed P/R/F1 against the gold events."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from pathlib import Path

from onrecord.link.common import Entities
from onrecord.link.stories import DEFAULT_PARAMS, StoryParams, group_stories
from onrecord.models import Analysis, Document

log = logging.getLogger(__name__)


def load_documents(path: Path) -> list[Document]:
    """Documents from ``articles.jsonl`` (id, outlet, published, url, title, text)."""
    docs = []
    with open(path / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get("text") or ""
            docs.append(
                Document(
                    id=row["id"], source=str(path), input_id=row["id"], title=row.get("title"),
                    standfirst=None, outlet=row.get("outlet"), authors=(),
                    published=row.get("published"), language="en", body=text, source_text=text,
                    url=row.get("url"),
                )
            )
    return docs


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a clustering ``pred`` against ``gold`` (item → cluster)."""
    items = [i for i in gold if i in pred]
    pred_sets: dict[str, set[str]] = {}
    gold_sets: dict[str, set[str]] = {}
    for i in items:
        pred_sets.setdefault(pred[i], set()).add(i)
        gold_sets.setdefault(gold[i], set()).add(i)
    p = r = 0.0
    for i in items:
        same = len(pred_sets[pred[i]] & gold_sets[gold[i]])
        p += same / len(pred_sets[pred[i]])
        r += same / len(gold_sets[gold[i]])
    n = len(items) or 1
    p, r = p / n, r / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def run(path: Path, params: StoryParams = DEFAULT_PARAMS) -> dict:
    """Stories over all BASIL articles with :func:`group_stories`, scored B-cubed."""
    path = Path(path)
    gold = json.loads((path / "stories.json").read_text(encoding="utf-8"))
    analyses = [Analysis(d) for d in load_documents(path)]
    t0 = time.perf_counter()
    stories = group_stories(analyses, Entities(analyses, None), (), params)
    seconds = time.perf_counter() - t0
    pred = {doc: s.id for s in stories for doc in s.docs}
    result = bcubed(pred, gold)
    result.update(articles=len(analyses), gold_stories=len(set(gold.values())),
                  predicted_stories=len(stories), seconds=round(seconds, 3))
    return result


def format_result(result: dict) -> str:
    return (
        f"BASIL stories: {result['articles']} articles, {result['gold_stories']} gold / "
        f"{result['predicted_stories']} predicted stories\n"
        f"B-cubed P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}  "
        f"({result['seconds']} s)"
    )
