"""Where the product path (files → ingest → clean → process_batch → source offsets) loses PolNeAR
quotes against reading the article texts directly.

    PYTHONPATH=src python scripts/diagnose_quote_path.py ../shared/datasets/polnear/dev [--limit N]

For every article it compares the quotes read from the raw text (``extract_quotes`` on
``nlp(text)``, what ``onrecord eval quotes`` reports as the direct reading) with the quotes the
build gives for the same text written as ``NAME.txt`` (mapped to source offsets as the export
maps them), and prints per cause how many gold quotes each reading finds:

- refused: the cleaner returned a Problem for the article (no quote at all);
- removed: the gold quote overlaps a source line the cleaner dropped (title, byline, caption...);
- headline: the build reads the first kept line as a headline (``headline_end``);
- unmapped: a predicted quote's source offsets are missing;
- other: the same text read with the build's actors / entries gives another answer.

Figures are given with both metrics of ``onrecord eval quotes``: statements (fragments) and export
records (spans as hulls, one prediction per quote record, speakers matched through a covered
quote), and, for what a one-record split quote would give, the export metric with each split
quote's parts joined into one record spanning them.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections import Counter
from pathlib import Path

from onrecord.eval import polnear, quote_path
from onrecord.settings import Settings


def removed_spans(document) -> list[tuple[int, int]]:
    """Source ranges not copied into the body."""
    gaps, at = [], 0
    for seg in document.segments:
        if seg.source_start > at:
            gaps.append((at, seg.source_start))
        at = seg.source_start + seg.length
    if at < len(document.source_text):
        gaps.append((at, len(document.source_text)))
    return [(s, e) for s, e in gaps if document.source_text[s:e].strip()]


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(min(a[1], e) > max(a[0], s) for s, e in spans)


def found(gold: list[polnear.Item], pred: list[polnear.Item]) -> set[int]:
    return {i for i, _ in polnear.match(gold, pred, 0.3)}


def statements(text: str, quotes) -> list:
    """One quote per statement: a split quote's parts as one record spanning them (its hull)."""
    out = []
    for group in polnear.split_groups(text, quotes):
        first = group[0]
        out.append(dataclasses.replace(first, start=min(q.start for q in group), end=max(q.end for q in group)))
    return out


def causes_of_loss(data, direct, product) -> tuple[Counter[str], list[tuple[int, str, str]]]:
    """Per cause, the gold quotes the direct reading finds and the build loses; the articles."""
    causes: Counter[str] = Counter()
    worst = []
    for (name, text, ann), d_quotes in zip(data, direct, strict=True):
        gold = polnear.read_ann(ann, text)
        reading = product[name]
        d_found = found(gold, polnear.predicted_items(text, d_quotes))
        if reading.problem is not None:
            causes["refused"] += len(d_found)
            worst.append((len(d_found), name, f"refused: {reading.problem.reason}"))
            continue
        p_found = found(gold, polnear.predicted_items(text, reading.quotes))
        lost, gained = d_found - p_found, p_found - d_found
        gaps = removed_spans(reading.document)
        head_end = (reading.document.to_source(0, reading.headline_end)[1] or 0) if reading.headline_end else 0
        for i in lost:
            span = (gold[i].content[0][0], gold[i].content[-1][1])
            causes["removed" if overlaps(span, gaps) else "headline" if head_end > span[0] else "other"] += 1
        causes["gained"] += len(gained)
        causes["unmapped"] += reading.unmapped
        if lost or reading.unmapped:
            removed = [text[s:e].strip()[:70] for s, e in gaps]
            worst.append((len(lost), name, f"lost {len(lost)}, gained {len(gained)}; removed: {removed}"))
    return causes, worst


def figures(result: dict) -> str:
    return " / ".join(f"{result[k]['f1']:.3f}" for k in ("exact", "coverage_0.3", "coverage_0.8", "speaker_exact"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("split", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--quotes", choices=["fast", "accurate"], default="fast")
    ap.add_argument("--show", type=int, default=0, help="print the N articles that lose most")
    args = ap.parse_args()
    settings = Settings(quotes=args.quotes)
    data = polnear.articles(args.split, args.limit)
    direct = quote_path.direct_quotes(data, settings)
    product = quote_path.product_quotes(data, settings)
    causes, worst = causes_of_loss(data, direct, product)
    print(f"{len(data)} articles; gold quotes the direct reading finds (cov 0.3) and the build loses, by cause:")
    for cause in ("refused", "removed", "headline", "unmapped", "other", "gained"):
        print(f"  {cause:9} {causes[cause]}")
    for _, name, line in sorted(worst, reverse=True)[: args.show]:
        print(f"{name}: {line}")
    print("\nF1 exact / cov@0.3 / cov@0.8 / speaker")
    readings = {"direct": direct, "product": [product[n].quotes for n, _, _ in data]}
    for metric, scores in (("statements (fragments)", polnear.fragment_scores),
                           ("export records", quote_path.export_scores)):
        for label, quotes in readings.items():
            print(f"{label:8} reading, {metric:38} {figures(scores(data, quotes))}")
    for label, quotes in readings.items():
        joined = [statements(text, qs) for (_, text, _), qs in zip(data, quotes, strict=True)]
        print(f"{label:8} reading, {'export records, split quotes as one':38} {figures(quote_path.export_scores(data, joined))}")


if __name__ == "__main__":
    main()
