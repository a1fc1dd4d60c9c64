"""PolNeAR: quote and speaker spans against the gold attributions (``onrecord eval quotes``).

Each article is ``text/NAME.txt`` with ``attributions/NAME_ANNOTATOR.ann`` (brat standoff); the
articles annotated by several people have several files and the first one (sorted by name) is used.
A gold attribution is an ``E`` line tying a ``Content`` (possibly discontinuous ``s e;s e``) to
an optional ``Source``. Spans are compared after trimming whitespace, quotation marks and final
punctuation. Metrics:

- quote exact F1: a predicted quote equals a gold content span (all fragments), one-to-one;
- coverage F1 at 0.3 / 0.8 (Gender Gap Tracker): a prediction matches a gold quote when it covers
  at least that share of the gold span's characters, one-to-one;
- speaker exact F1: predicted speaker mentions against gold source spans, one-to-one per article;
- the quote figures split by direct/indirect (gold: whether the content is in quotation marks;
  predicted: the quote's ``kind``, mixed counting as indirect).

These fragment metrics score statements: the parts of a quote split by its attribution count as
one prediction (``split_groups``). ``run`` reads the quotes through the product path and scores
them also as an export is scored (``quote_path.export_scores``: one prediction per quote record,
spans as hulls), which is the figure a user of the export gets.
"""

from __future__ import annotations

import bisect
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from onrecord.models import Quote
from onrecord.settings import DEFAULT, Settings

log = logging.getLogger(__name__)

Frags = tuple[tuple[int, int], ...]
_MARKS = "“”\"‘’«»'`„"
_FINAL = ".,;:!?…"
THRESHOLDS = (0.3, 0.8)


@dataclass(frozen=True, slots=True)
class Item:
    """One attribution (gold or predicted): content fragments, speaker span, direct or not."""

    content: Frags
    speaker: tuple[int, int] | None
    direct: bool


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace, quotation marks and final punctuation."""
    while start < end and (text[start].isspace() or text[start] in _MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _MARKS + _FINAL):
        end -= 1
    return start, end


def trim_frags(text: str, frags: Iterable[tuple[int, int]]) -> Frags:
    out = [trim(text, s, e) for s, e in sorted(frags)]
    return tuple((s, e) for s, e in out if e > s)


def is_quoted(text: str, frags: Frags) -> bool:
    """True when a (raw, untrimmed) content span sits in quotation marks."""
    s, e = frags[0][0], frags[-1][1]
    chunk = text[s:e].strip().rstrip(_FINAL).strip()
    return len(chunk) > 1 and chunk[0] in _MARKS and chunk.rstrip(_FINAL)[-1] in _MARKS


def read_ann(ann: str, text: str) -> list[Item]:
    """The gold attributions of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, Frags]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            frags = tuple(tuple(int(x) for x in piece.split()) for piece in offsets.split(";"))
            spans[parts[0]] = (label, frags)  # type: ignore[assignment]
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    items = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        source = spans.get(event.get("Source", ""))
        speaker = trim_frags(text, source[1]) if source else ()
        frags = trim_frags(text, content[1])
        if not frags:
            continue
        span = (speaker[0][0], speaker[-1][1]) if speaker else None
        items.append(Item(frags, span, is_quoted(text, content[1])))
    return items


def split_groups(text: str, quotes: Iterable[Quote]) -> list[list[Quote]]:
    """The quotes grouped into statements: the parts of a quote split by its attribution (same
    speaker mention, same cue, same paragraph) form one group, as the gold annotates them (a
    quote continued in the next paragraph is annotated apart)."""
    groups: dict[object, list[Quote]] = {}
    breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", text)]
    for i, q in enumerate(quotes):
        para = bisect.bisect(breaks, q.start)
        key = (q.speaker_mention, q.cue, para) if q.speaker_mention else i
        groups.setdefault(key, []).append(q)
    return list(groups.values())


def predicted_items(text: str, quotes: Iterable[Quote]) -> list[Item]:
    """Predicted attributions, one discontinuous item per statement (``split_groups``)."""
    items = []
    for group in split_groups(text, quotes):
        frags = trim_frags(text, [(f.start, f.end) for q in group for f in (q.fragments or (q,))])
        if not frags:
            continue
        m = group[0].speaker_mention
        speaker = trim(text, m.start, m.end) if m else None
        items.append(Item(frags, speaker, group[0].kind == "direct"))
    return items


def coverage(gold: Frags, pred: Frags) -> float:
    total = sum(e - s for s, e in gold)
    covered = sum(max(0, min(e, pe) - max(s, ps)) for s, e in gold for ps, pe in pred)
    return covered / total if total else 0.0


def match(gold: list[Item], pred: list[Item], threshold: float | None) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, predicted index): exact when ``threshold`` is None,
    else greedy by coverage at or above the threshold."""
    if threshold is None:
        free = Counter(p.content for p in pred)
        where: dict[Frags, list[int]] = {}
        for j, p in enumerate(pred):
            where.setdefault(p.content, []).append(j)
        pairs = []
        for i, g in enumerate(gold):
            if free[g.content] > 0:
                free[g.content] -= 1
                pairs.append((i, where[g.content][free[g.content]]))
        return pairs
    scored = sorted(
        ((coverage(g.content, p.content), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < threshold:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class _Tally:
    tp_gold: int = 0
    tp_pred: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, tp: int, gold: int, pred: int, tp_pred: int | None = None) -> None:
        self.tp_gold += tp
        self.tp_pred += tp if tp_pred is None else tp_pred
        self.gold += gold
        self.pred += pred

    def scores(self) -> dict[str, float]:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "gold": self.gold, "predicted": self.pred}


_METRICS = {"exact": None, "coverage_0.3": 0.3, "coverage_0.8": 0.8}


def score_article(gold: list[Item], pred: list[Item], tallies: dict[str, _Tally]) -> None:
    for name, threshold in _METRICS.items():
        pairs = match(gold, pred, threshold)
        tallies[name].add(len(pairs), len(gold), len(pred))
        for label, flag in (("direct", True), ("indirect", False)):
            tp_gold = sum(1 for i, _ in pairs if gold[i].direct == flag)
            tp_pred = sum(1 for _, j in pairs if pred[j].direct == flag)
            n_gold = sum(1 for g in gold if g.direct == flag)
            n_pred = sum(1 for p in pred if p.direct == flag)
            tallies[f"{name}/{label}"].add(tp_gold, n_gold, n_pred, tp_pred)
    gold_sp = Counter(g.speaker for g in gold if g.speaker)
    pred_sp = Counter(p.speaker for p in pred if p.speaker)
    tp = sum((gold_sp & pred_sp).values())
    tallies["speaker_exact"].add(tp, sum(gold_sp.values()), sum(pred_sp.values()))


def articles(path: Path, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(name, text, first .ann) for the articles under ``path`` that have annotations."""
    anns = sorted((path / "attributions").glob("*.ann"))
    out = []
    for txt in sorted((path / "text").glob("*.txt")):
        first = next((a for a in anns if a.stem.rsplit("_", 1)[0] == txt.stem), None)
        if first is None:
            log.warning("no attributions for %s", txt.name)
            continue
        out.append((txt.stem, txt.read_text(encoding="utf-8"), first.read_text(encoding="utf-8")))
        if limit is not None and len(out) >= limit:
            break
    return out


def fragment_scores(data: Sequence[tuple[str, str, str]], quotes: Sequence[Iterable[Quote]]) -> dict[str, dict]:
    """The fragment metrics over a split: ``quotes[i]`` are article ``i``'s quotes in its text's offsets."""
    tallies: dict[str, _Tally] = {}
    for name in [*_METRICS, "speaker_exact"]:
        tallies[name] = _Tally()
        for label in ("direct", "indirect"):
            tallies[f"{name}/{label}"] = _Tally()
    for (_, text, ann), qs in zip(data, quotes, strict=True):
        score_article(read_ann(ann, text), predicted_items(text, qs), tallies)
    return {k: t.scores() for k, t in tallies.items() if t.gold or t.pred}


def run(path: Path, limit: int | None = None, settings: Settings | None = None, direct: bool = True) -> dict:
    """Score the quotes of a PolNeAR split folder (``text/``, ``attributions/``) read as
    ``settings`` say (default: the fast tagger), through the product path (``quote_path``):
    ``scores`` as its export is scored (one record per quote), ``statements`` with the fragment
    metrics; with ``direct``, also the direct analysis of the texts (``direct``)."""
    from onrecord.eval.quote_path import direct_quotes, export_scores, product_quotes
    from onrecord.extract.quotes import effective

    settings = effective(settings or DEFAULT)
    data = articles(Path(path), limit)
    began = time.perf_counter()
    readings = product_quotes(data, settings)
    product = [readings[name].quotes for name, _, _ in data]
    seconds = time.perf_counter() - began
    result = {
        "dataset": "polnear",
        "articles": len(data),
        "refused": sorted(name for name, r in readings.items() if r.problem is not None),
        "quotes": settings.fingerprint(),
        "seconds": round(seconds, 1),
        "scores": export_scores(data, product),
        "statements": fragment_scores(data, product),
        "anchors": ANCHORS,
    }
    if direct:
        result["direct"] = fragment_scores(data, direct_quotes(data, settings))
    return result


ANCHORS = {
    "CofeNet quote exact F1 (test)": 0.729,
    "CofeNet speaker exact F1 (test)": 0.832,
    "GGT coverage F1 @0.3 / @0.8 (own data)": [0.837, 0.761],
    "citron quote exact F1 (PARC)": 0.593,
}


SUMMARY = ("exact", "coverage_0.3", "coverage_0.8", "speaker_exact")
READINGS = {
    "scores": "product path: export records",
    "statements": "product path: statements (fragments)",
    "direct": "direct reading: statements (fragments)",
}


def format_result(result: dict) -> str:
    lines = [f"PolNeAR: {result['articles']} articles ({len(result.get('refused', []))} refused by the build),"
             f" {result['seconds']} s through the product path, readers: {result.get('quotes', '?')}", ""]
    lines.append(f"{'F1':40} {'exact':>7} {'cov@0.3':>7} {'cov@0.8':>7} {'speaker':>7}")
    for key, label in READINGS.items():
        if key in result:
            lines.append(f"{label:40} " + " ".join(f"{result[key][m]['f1']:7.3f}" for m in SUMMARY))
    for key in ("scores", "statements"):
        lines += ["", f"{READINGS[key]}:", f"{'metric':28} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
        for name, s in result[key].items():
            lines.append(
                f"{name:28} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}"
                f" {s['gold']:6d} {s['predicted']:6d}"
            )
    lines.append("")
    lines.append("Published anchors:")
    for label, value in result["anchors"].items():
        lines.append(f"  {label}: {value}")
    return "\n".join(lines)
