"""Quote figures on a PolNeAR split read directly (the parse cached), with and without each
statement rule, to decide the rules on train:

    PYTHONPATH=src python scripts/measure_quotes.py ../shared/datasets/polnear/train --cache /tmp/train.spacy

Prints, per variant, the export metric (one record per quote: exact / cov@0.3 / cov@0.8 /
speaker F1) and the statement metric (fragments), and how many quotes each act gives:

- ``shipped``: as the extractor runs;
- ``keep actions``: candidates whose cue is an action verb kept (as a position);
- ``parts apart``: a split quote's parts as separate records.

With ``--actions``, also per action lemma: the kept candidates dropped as actions and how many
of them cover a gold content by 30% (PolNeAR annotates many actions as attributions).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

import onrecord.extract.quotes.extract as extract
from onrecord.eval import polnear, quote_path
from onrecord.extract.quotes import acts
from onrecord.nlp.pipeline import load


def parsed(data, cache: Path | None) -> list:
    nlp = load()
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((text for _, text, _ in data), batch_size=32))
    if cache is not None:
        bin_ = DocBin(store_user_data=True)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return docs


def figures(result: dict) -> str:
    return " / ".join(f"{result[k]['f1']:.3f}" for k in ("exact", "coverage_0.3", "coverage_0.8", "speaker_exact"))


def report(label: str, data, quotes) -> None:
    acts_seen = Counter(q.act for qs in quotes for q in qs)
    print(f"{label:14} export {figures(quote_path.export_scores(data, quotes))}   "
          f"statements {figures(polnear.fragment_scores(data, quotes))}   {dict(acts_seen)}")


def action_table(data, docs) -> None:
    """Per action lemma: dropped candidates, and those covering 30% of a gold content."""
    dropped: list[tuple[int, int, str]] = []
    real = acts.act_of

    def spy(doc, draft):
        act = real(doc, draft)
        if act is None:
            dropped.append((draft.start, draft.end, acts.cue_lemma(doc, draft)))
        return act

    extract.act_of = spy
    total: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for (_, text, ann), doc in zip(data, docs, strict=True):
        dropped.clear()
        extract.extract_quotes(doc)
        gold = polnear.read_ann(ann, text)
        for start, end, lemma in dropped:
            total[lemma] += 1
            hits[lemma] += any(polnear.coverage(g.content, ((start, end),)) >= 0.3 for g in gold)
    extract.act_of = real
    for lemma, n in total.most_common():
        print(f"{lemma:14} {n:5} {hits[lemma]:5} {hits[lemma] / n:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("split", type=Path)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--actions", action="store_true", help="per action lemma: dropped, covering a gold content")
    args = ap.parse_args()
    data = polnear.articles(args.split, args.limit)
    docs = parsed(data, args.cache)
    report("shipped", data, [extract.extract_quotes(d) for d in docs])
    actions = acts.ACTION
    acts.ACTION = frozenset()
    report("keep actions", data, [extract.extract_quotes(d) for d in docs])
    acts.ACTION = actions
    join = extract.joined
    extract.joined = lambda text, quotes, cues=(): tuple(quotes)
    report("parts apart", data, [extract.extract_quotes(d) for d in docs])
    extract.joined = join
    if args.actions:
        action_table(data, docs)


if __name__ == "__main__":
    main()
