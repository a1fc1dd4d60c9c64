"""Where the quote extractor loses on PolNeAR: how many gold contents any candidate reads exactly,
and what happens to the gold sources.

    .venv/bin/python scripts/diagnose_quotes.py [../shared/datasets/polnear/dev] [--cache dev.spacy]

Prints two tallies over the split:

- **edges**: for each single-fragment gold content, whether some broad candidate (with its other
  edges, before the models choose) has exactly its edges, only a near one (Jaccard ≥ 0.3), or
  none; discontinuous gold contents are counted apart. Then, for the gold attributions the
  extractor matches at coverage 0.3 but not exactly, how many had an exact candidate at all and
  how many of those the candidate model kept: the most a better choice among the current
  readings could gain.
- **speakers**: for each gold attribution with a source, whether the extractor found the quote
  (coverage ≥ 0.3) and with which source: exact, overlapping, elsewhere, none; and how many
  predicted sources sit on predictions that match no gold attribution.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from train_quotes_model import parse  # noqa: E402

from onrecord.eval.polnear import match, predicted_items, read_ann, trim_frags  # noqa: E402
from onrecord.extract import quotes  # noqa: E402
from onrecord.extract.quotes import crf as quote_tagger  # noqa: E402
from onrecord.extract.quotes import model as quote_model  # noqa: E402


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def count_edges(edges: collections.Counter[str], gold: list, spans: list) -> None:
    """How near the candidates come to each gold content."""
    for g in gold:
        if len(g.content) != 1:
            edges["gold contents in several fragments"] += 1
        elif g.content in spans:
            edges["gold contents with an exact candidate"] += 1
        elif any(s and _jaccard(s[0], g.content[0]) >= 0.3 for s in spans):
            edges["gold contents with only a near candidate"] += 1
        else:
            edges["gold contents with no near candidate"] += 1


def count_matches(edges: collections.Counter[str], speakers: collections.Counter[str], gold: list,
                  pred: list, spans: list, exact_kept: set) -> None:
    """Where the quotes found match the gold ones loosely but not exactly, and their sources."""
    near = dict(match(gold, pred, 0.3))
    exact = dict(match(gold, pred, None))
    for i, g in enumerate(gold):
        if i in near and i not in exact:
            edges["matched at 0.3, not exactly"] += 1
            if g.content in spans:
                edges["  ... with an exact candidate"] += 1
            if g.content in exact_kept:
                edges["  ... with an exact candidate the model keeps"] += 1
        if not g.speaker:
            continue
        speakers["gold sources"] += 1
        if i not in near:
            speakers["  quote not found"] += 1
            continue
        p = pred[near[i]].speaker
        if p is None:
            speakers["  found, no source"] += 1
        elif p == g.speaker:
            speakers["  found, exact source"] += 1
        elif min(p[1], g.speaker[1]) > max(p[0], g.speaker[0]):
            speakers["  found, source overlapping (edges differ)"] += 1
        else:
            speakers["  found, source elsewhere"] += 1
    matched = set(near.values())
    speakers["predicted sources on unmatched predictions"] += sum(
        1 for j, p in enumerate(pred) if p.speaker and j not in matched)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, nargs="?", default=Path("../shared/datasets/polnear/dev"))
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed split")
    args = parser.parse_args()
    docs, texts, anns = parse(args.split, None, args.cache)
    tagger = quote_tagger.load_tagger()
    model = quote_model.load_model()
    if tagger is None or model is None:
        sys.exit("the tagger and the candidate model must be installed")
    edges: collections.Counter[str] = collections.Counter()
    speakers: collections.Counter[str] = collections.Counter()
    for doc, text, ann in zip(docs, texts, anns, strict=True):
        gold = read_ann(ann, text)
        tagged = tagger.tagging(doc)
        found = quotes.candidates(doc, broad=True, tagged=tagged)
        feats = quotes.all_features(text, found, tagged)
        keep = [model.probability(f) >= model.threshold for f in feats]
        spans = [trim_frags(text, [(d.start, d.end)]) for d in found]
        exact_kept = {s for s, k in zip(spans, keep, strict=True) if k}
        count_edges(edges, gold, spans)
        pred = predicted_items(text, quotes.extract_quotes(doc))
        count_matches(edges, speakers, gold, pred, spans, exact_kept)
    print("edges:")
    for key, n in edges.items():
        print(f"  {key:50} {n:6d}")
    print("speakers:")
    for key, n in speakers.items():
        print(f"  {key:50} {n:6d}")

if __name__ == "__main__":
    main()
