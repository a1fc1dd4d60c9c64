"""Quotes of PolNeAR articles read two ways: through the product path and directly.

The product path is what a user's build does: each article written as ``NAME.txt``, read by
``ingest.iter_inputs``, cleaned and analysed by ``pipeline.process_batch`` with the settings, and
its quotes mapped to offsets in the file's text with ``Document.to_source``, as the export maps
them. The direct reading runs ``extract_quotes`` on ``nlp(text)`` of the raw article text.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from onrecord.models import Analysis, Document, Problem, Quote, Span
from onrecord.settings import Settings

Article = tuple[str, str, str]  # name, text, annotation


@dataclass(frozen=True, slots=True)
class Reading:
    """What the build made of one article: its document (or the problem that refused it) and
    its quotes in source offsets; ``unmapped`` counts quotes whose offsets have no source."""

    name: str
    document: Document | None
    problem: Problem | None
    quotes: tuple[Quote, ...]
    headline_end: int = 0
    unmapped: int = 0


def direct_quotes(data: Sequence[Article], settings: Settings) -> list[tuple[Quote, ...]]:
    """``extract_quotes`` on the parse of each raw text (offsets into the text)."""
    from onrecord.extract.quotes import extract_quotes
    from onrecord.nlp.pipeline import load

    nlp = load()
    docs = nlp.pipe((text for _, text, _ in data), batch_size=settings.batch)
    return [extract_quotes(doc, settings=settings) for doc in docs]


def in_source(document: Document, quote: Quote) -> Quote | None:
    """``quote`` with its offsets (and its speaker mention's) mapped to the source text, as the
    export maps them; None when the quote's own span does not map."""
    start, end = document.to_source(quote.start, quote.end)
    if start is None or end is None:
        return None
    mention = _mapped(document, quote.speaker_mention)
    frags = tuple(f for f in (_mapped(document, f) for f in quote.fragments) if f is not None)
    return dataclasses.replace(quote, start=start, end=end, speaker_mention=mention, fragments=frags)


def _mapped(document: Document, span: Span | None) -> Span | None:
    if span is None:
        return None
    start, end = document.to_source(span.start, span.end)
    return Span(start, end, span.text) if start is not None and end is not None else None


def product_quotes(data: Sequence[Article], settings: Settings) -> dict[str, Reading]:
    """Each article through ingest → clean → ``process_batch``, keyed by article name."""
    from onrecord.extract.analyze import headline_end
    from onrecord.ingest import MAX_BYTES, iter_inputs
    from onrecord.pipeline import process_batch

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, text, _ in data:
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        raws = list(iter_inputs([folder], settings.max_bytes or MAX_BYTES))
        readings: dict[str, Reading] = {}
        ready = [r for r in raws if not isinstance(r, Problem)]
        for raw in raws:
            if isinstance(raw, Problem):
                name = Path(raw.input).stem
                readings[name] = Reading(name, None, raw, ())
        for result in process_batch(ready, settings):
            if isinstance(result, Problem):
                name = Path(result.input).stem
                readings[name] = Reading(name, None, result, ())
            else:
                readings[Path(result.document.source).stem] = _reading(result, headline_end(result.document))
    return readings


def _reading(analysis: Analysis, headline: int) -> Reading:
    document = analysis.document
    mapped = [in_source(document, q) for q in analysis.quotes]
    kept = tuple(q for q in mapped if q is not None)
    return Reading(Path(document.source).stem, document, None, kept, headline, len(mapped) - len(kept))


# ---------------------------------------------------------------- the export metric

_EDGE = " \t\n\r“”\"‘’'.,;:"
Hull = tuple[int, int]


def edge_trim(text: str, start: int, end: int) -> Hull:
    """Drop whitespace, quotation marks and ``.,;:`` at both ends."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def gold_hulls(ann: str, text: str) -> list[tuple[Hull, Hull | None]]:
    """Each gold attribution as (content hull, source hull or None), both edge-trimmed."""
    spans: dict[str, list[Hull]] = {}
    out = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            offsets = parts[1].partition(" ")[2]
            spans[parts[0]] = [(int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))]
        elif line.startswith("E") and len(parts) >= 2:
            args = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            content, source = spans.get(args.get("Content", "")), spans.get(args.get("Source", ""))
            if content:
                c = edge_trim(text, min(s for s, _ in content), max(e for _, e in content))
                s = edge_trim(text, min(a for a, _ in source), max(b for _, b in source)) if source else None
                out.append((c, s))
    return out


def export_counts(text: str, ann: str, quotes: Sequence[Quote]) -> dict[str, int]:
    """Counts for one article scored as an export is: one predicted span per quote record (its
    hull), exact = equal trimmed spans, coverage = a gold span covered to the threshold by the
    first free prediction, speaker = equal speaker spans on a quote covering 0.3 of the gold."""
    gold = gold_hulls(ann, text)
    preds = []
    for q in quotes:
        m = q.speaker_mention
        preds.append((edge_trim(text, q.start, q.end), edge_trim(text, m.start, m.end) if m else None))
    counts = {"gold": len(gold), "predicted": len(preds), "exact": len({p for p, _ in preds} & {g for g, _ in gold}),
              "speaker_gold": sum(1 for _, s in gold if s), "speaker_predicted": sum(1 for _, s in preds if s)}
    for threshold in (0.3, 0.8):
        counts[f"coverage_{threshold}"] = len(_first_cover(gold, preds, threshold, speakers=False))
    counts["speaker_exact"] = len(_first_cover(gold, preds, 0.3, speakers=True))
    return counts


def _first_cover(gold: list[tuple[Hull, Hull | None]], preds: list[tuple[Hull, Hull | None]],
                 threshold: float, speakers: bool) -> set[int]:
    used: set[int] = set()
    for g, g_speaker in gold:
        if speakers and g_speaker is None:
            continue
        need = threshold * (g[1] - g[0])
        for i, (p, p_speaker) in enumerate(preds):
            covered = max(0, min(p[1], g[1]) - max(p[0], g[0]))
            if i in used or not (covered >= need > 0) or (speakers and p_speaker != g_speaker):
                continue
            used.add(i)
            break
    return used


def export_scores(data: Sequence[Article], quotes: Sequence[Sequence[Quote]]) -> dict[str, dict]:
    """Precision, recall and F1 of the export metric over a split (quotes in text offsets)."""
    total: dict[str, int] = {}
    for (_, text, ann), qs in zip(data, quotes, strict=True):
        for key, n in export_counts(text, ann, qs).items():
            total[key] = total.get(key, 0) + n
    out = {}
    for name in ("exact", "coverage_0.3", "coverage_0.8", "speaker_exact"):
        n_gold = total.get("speaker_gold" if name == "speaker_exact" else "gold", 0)
        n_pred = total.get("speaker_predicted" if name == "speaker_exact" else "predicted", 0)
        tp = total.get(name, 0)
        p, r = tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0
        out[name] = {"precision": round(p, 4), "recall": round(r, 4),
                     "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "gold": n_gold, "predicted": n_pred}
    return out
