"""NewsQuant: quantity value and value+change P/R/F1, micro over quantities.

A prediction matches a gold quantity of the same sentence when the values are equal within a
relative tolerance of 1e-5 (a range must match both ends); "+change" also needs the same change
label. Matching is one-to-one.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from onrecord.extract.quantities import Quantity, extract_quantities

log = logging.getLogger(__name__)

_NUM = r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_GOLD_VALUE = re.compile(rf"^\s*({_NUM})\s*(?:-\s*({_NUM}))?\s*$")

Value = tuple[float, float | None]  # (single, None) or (low, high)


def parse_gold_value(text: str) -> Value | None:
    """'6.0' -> (6.0, None); '10000.0-100000.0' -> (10000.0, 100000.0); '3.0 - 4.0' too."""
    m = _GOLD_VALUE.match(str(text))
    if m is None:
        return None
    low = float(m.group(1))
    return (low, float(m.group(2))) if m.group(2) is not None else (low, None)


def predicted_value(q: Quantity) -> Value | None:
    if q.value is not None:
        return (q.value, None)
    if q.low is not None and q.high is not None:
        return (q.low, q.high)
    return None


def same_value(a: Value, b: Value) -> bool:
    if (a[1] is None) != (b[1] is None):
        return False
    pairs = [(a[0], b[0])] if a[1] is None else [(a[0], b[0]), (a[1], b[1])]
    return all(math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-9) for x, y in pairs)


def match_count(gold: Sequence[tuple[Value, str]], pred: Sequence[tuple[Value, str]],
                with_change: bool) -> int:
    """Greedy one-to-one matching; with_change also needs equal change labels."""
    used = [False] * len(gold)
    hits = 0
    for value, change in pred:
        for n, (g_value, g_change) in enumerate(gold):
            if used[n] or not same_value(value, g_value):
                continue
            if with_change and change != g_change:
                continue
            used[n] = True
            hits += 1
            break
    return hits


def score(rows: Iterable[tuple[list[tuple[Value, str]], list[tuple[Value, str]]]]) -> dict:
    counts = {"gold": 0, "pred": 0, "value": 0, "value_change": 0}
    for gold, pred in rows:
        counts["gold"] += len(gold)
        counts["pred"] += len(pred)
        counts["value"] += match_count(gold, pred, with_change=False)
        counts["value_change"] += match_count(gold, pred, with_change=True)
    result: dict = {"quantities_gold": counts["gold"], "quantities_predicted": counts["pred"]}
    for key in ("value", "value_change"):
        p = counts[key] / counts["pred"] if counts["pred"] else 0.0
        r = counts[key] / counts["gold"] if counts["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[key] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                       "matched": counts[key]}
    return result


def load(path: Path) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def sentence_rows(items: Sequence[dict]):
    for item in items:
        gold = []
        for q in item.get("quantities", []):
            value = parse_gold_value(q.get("value", ""))
            if value is None:
                log.warning("unreadable gold value %r", q.get("value"))
                continue
            gold.append((value, q.get("change", "=")))
        pred = []
        for q in extract_quantities(item["text"]):
            value = predicted_value(q)
            if value is not None:
                pred.append((value, q.change))
        yield gold, pred


def run(path: Path, limit: int | None = None) -> dict:
    items = load(path)[:limit] if limit else load(path)
    result = score(sentence_rows(items))
    result["sentences"] = len(items)
    result["published"] = {"CQE": {"value_f1": 0.920, "value_change_f1": 0.881},
                           "quantulum3": {"value_f1": 0.730}}
    return result


def format_result(result: dict) -> str:
    lines = [f"NewsQuant: {result['sentences']} sentences, {result['quantities_gold']} gold, "
             f"{result['quantities_predicted']} predicted quantities"]
    for key, label in (("value", "value"), ("value_change", "value+change")):
        r = result[key]
        lines.append(f"  {label:<13} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}")
    lines.append("  published: CQE value F1 0.920, value+change 0.881; quantulum3 value F1 0.730")
    return "\n".join(lines)
