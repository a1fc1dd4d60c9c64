"""TempEval-3 style scoring of ``extract_times`` on TimeML (.tml) files.

Each file's ``<DCT>`` TIMEX3 value is the publication date; the inline ``<TIMEX3>`` elements in
``<TEXT>`` of type DATE or TIME are the gold. Tags are stripped to give the text and the gold
offsets. A gold expression is detected when a predicted one overlaps it; its value is right when
the overlapping prediction's value equals the gold value. Precision counts every prediction.
"""

from __future__ import annotations

import html
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from onrecord.extract.times import extract_times
from onrecord.models import TimeExpr

log = logging.getLogger(__name__)

SCOPE = frozenset({"DATE", "TIME"})
_TAG_OR_ENTITY = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>|&(#?\w+);")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    dct: str
    text: str
    gold: tuple[Gold, ...]


def parse_tml(path: Path) -> TimeMLDoc:
    """The DCT date, the plain text of ``<TEXT>`` and its DATE/TIME gold expressions."""
    raw = path.read_text(encoding="utf-8")
    dct_match = _DCT.search(raw)
    dct = dict(_ATTR.findall(dct_match.group(1))).get("value", "")[:10] if dct_match else ""
    body = _TEXT.search(raw)
    text, gold = strip_timeml(body.group(1) if body else "")
    return TimeMLDoc(path.stem, dct, text, tuple(g for g in gold if g.type in SCOPE))


def strip_timeml(markup: str) -> tuple[str, list[Gold]]:
    """Remove tags (and decode entities), keeping TIMEX3 extents as offsets into the result."""
    out: list[str] = []
    size = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    gold: list[Gold] = []
    pos = 0
    for m in _TAG_OR_ENTITY.finditer(markup):
        out.append(markup[pos : m.start()])
        size += m.start() - pos
        pos = m.end()
        if m.group(4) is not None:
            char = html.unescape(m.group(0))
            out.append(char)
            size += len(char)
        elif m.group(2).upper() == "TIMEX3" and not m.group(1):
            open_timex.append((size, dict(_ATTR.findall(m.group(3)))))
        elif m.group(2).upper() == "TIMEX3" and open_timex:
            start, attrs = open_timex.pop()
            gold.append(Gold(start, size, "", attrs.get("type", ""), attrs.get("value", "")))
    out.append(markup[pos:])
    text = "".join(out)
    return text, [Gold(g.start, g.end, text[g.start : g.end], g.type, g.value) for g in gold]


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    detected: int = 0  # gold overlapped by a prediction
    predicted_hit: int = 0  # predictions overlapping a gold
    value_right: int = 0


def score_doc(doc: TimeMLDoc, predicted: tuple[TimeExpr, ...], tally: Tally, misses: Counter) -> None:
    tally.gold += len(doc.gold)
    tally.predicted += len(predicted)
    for p in predicted:
        if any(_overlap(p, g) for g in doc.gold):
            tally.predicted_hit += 1
        else:
            misses[f"spurious: {p.text.lower()}"] += 1
    for g in doc.gold:
        hits = [p for p in predicted if _overlap(p, g)]
        if not hits:
            misses[f"missed: {g.text.lower()}"] += 1
            continue
        tally.detected += 1
        if any(p.value == g.value for p in hits):
            tally.value_right += 1
        else:
            misses[f"value: {g.text.lower()} -> {hits[0].value} (gold {g.value})"] += 1


def _overlap(p: TimeExpr, g: Gold) -> bool:
    return p.start < g.end and g.start < p.end


def _prf(right: int, predicted: int, gold: int, right_gold: int | None = None) -> dict[str, float]:
    precision = right / predicted if predicted else 0.0
    recall = (right if right_gold is None else right_gold) / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def run(path: Path, limit: int | None = None) -> dict:
    """Score every .tml file under ``path`` (sorted; the first ``limit`` when given)."""
    files = sorted(Path(path).rglob("*.tml"))[:limit]
    tally, misses = Tally(), Counter()
    started = time.perf_counter()
    for file in files:
        doc = parse_tml(file)
        predicted = extract_times(doc.text, doc.dct or None)
        score_doc(doc, predicted, tally, misses)
    seconds = time.perf_counter() - started
    return {
        "files": len(files),
        "gold": tally.gold,
        "predicted": tally.predicted,
        "detection": _prf(tally.predicted_hit, tally.predicted, tally.gold, tally.detected),
        "value": _prf(tally.value_right, tally.predicted, tally.gold),
        "seconds": round(seconds, 2),
        "errors": misses.most_common(40),
        "anchor": {"HeidelTime value F1 (TempEval-3 test)": 0.776},
    }


def format_result(result: dict) -> str:
    d, v = result["detection"], result["value"]
    lines = [
        f"TempEval-3 DATE/TIME on {result['files']} files: {result['gold']} gold, "
        f"{result['predicted']} predicted ({result['seconds']} s)",
        f"  detection  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}",
        f"  value      P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}"
        f"   (HeidelTime 0.776 on the TE3 test)",
        "  most frequent errors:",
    ]
    lines += [f"    {n:3d}  {what}" for what, n in result["errors"][:25]]
    return "\n".join(lines)
