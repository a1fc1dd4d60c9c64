"""Fit the quote extractor's candidate model on PolNeAR's train split.

Every candidate of ``quotes.candidates(doc, broad=True)`` (the rules' cues plus every verb with a
subject and a complement) is labelled by whether it covers at least 30% of a gold attribution's
content; a logistic regression over ``quotes.draft_features`` is fitted by full-batch gradient
descent (numpy, L2). The keep threshold is the one that maximises an F1 estimate on out-of-fold
predictions (articles split in folds). Writes ``src/onrecord/data/quotes/candidate_model.json``
(weights only, no text). Parsing the split takes most of the time (a few minutes on one core):

    nice .venv/bin/python scripts/train_quotes_model.py ../shared/datasets/polnear/train
"""

from __future__ import annotations

import argparse
import bisect
import json
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from onrecord.eval.polnear import articles, coverage, read_ann, trim_frags
from onrecord.extract import quotes
from onrecord.extract.quotes import tagging as quote_tagging
from onrecord.extract.quotes.model import EXACT_FILE, MODEL_FILE, QuoteModel
from onrecord.nlp.pipeline import load

log = logging.getLogger(__name__)
OUT = Path(__file__).resolve().parents[1] / "src" / "onrecord" / MODEL_FILE
EXACT_OUT = OUT.parent / Path(EXACT_FILE).name


@dataclass(frozen=True, slots=True)
class Example:
    article: int
    features: tuple[str, ...]
    gold: int  # index of the gold attribution it covers (>= 30%), -1 for none
    exact: bool = False  # it (or the split quote it belongs to) has a gold content's exact edges
    span: tuple[int, int] = (0, 0)


def parse(path: Path, limit: int | None, cache: Path | None) -> tuple[list[Doc], list[str], list[str]]:
    data = articles(path, limit)
    texts, anns = [t for _, t, _ in data], [a for _, _, a in data]
    nlp = load()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))[: len(texts)]
    else:
        docs = list(nlp.pipe(texts, batch_size=16))
        if cache is not None:
            DocBin(docs=docs).to_disk(cache)
    return docs, texts, anns


def examples(
    docs: list[Doc], texts: list[str], anns: list[str], tags: list | None = None,
    tags2: list | None = None,
) -> tuple[list[Example], int]:
    out: list[Example] = []
    n_gold = 0
    for k, (doc, text, ann) in enumerate(zip(docs, texts, anns, strict=True)):
        gold = read_ann(ann, text)
        n_gold += len(gold)
        tagged = quote_tagging.tagging(doc, *tags[k]) if tags is not None else None
        second = quote_tagging.tagging(doc, *tags2[k]) if tags2 is not None else None
        drafts = quotes.candidates(doc, broad=True, tagged=tagged, second=second)
        golden = {g.content for g in gold}
        label: dict[int, tuple[int, bool]] = {}
        for group in _groups(text, drafts):
            frags = trim_frags(text, [(d.start, d.end) for d in group])
            best = max(range(len(gold)), key=lambda i: coverage(gold[i].content, frags), default=-1)
            hit = best if best >= 0 and coverage(gold[best].content, frags) >= 0.3 else -1
            for d in group:
                single = trim_frags(text, [(d.start, d.end)]) in golden
                label[id(d)] = (hit, frags in golden or single)
        for d, feats in zip(drafts, quotes.all_features(text, drafts, tagged, second), strict=True):
            hit, exact = label[id(d)]
            out.append(Example(k, feats, hit, exact, (d.start, d.end)))
    return out, n_gold


def _groups(text: str, drafts: list) -> list[list]:
    """Candidates joined as the scores join predicted quotes: the parts of a split quote (same
    speaker mention, cue and paragraph) are one item; another reading of a candidate's edges
    (a variant) is grouped with other variants, never with the readings it varies."""
    breaks = [m.start() for m in re.finditer(r"\n[ \t]*\n", text)]
    groups: dict[object, list] = {}
    for i, d in enumerate(drafts):
        variant = d.feature.rsplit("/", 2)[1] in quotes.VARIANTS
        key = (d.speaker, d.cue, bisect.bisect(breaks, d.start), variant) if d.speaker else i
        groups.setdefault(key, []).append(d)
    return list(groups.values())


def matrix(exs: list[Example], vocab: dict[str, int]) -> np.ndarray:
    """Feature indices per example, padded with the index of an always-zero weight."""
    width = max(len(e.features) for e in exs)
    pad = len(vocab)
    rows = [[vocab.get(f, pad) for f in e.features] for e in exs]
    return np.array([r + [pad] * (width - len(r)) for r in rows], dtype=np.int64)


def fit(x: np.ndarray, y: np.ndarray, size: int, l2: float, steps: int) -> tuple[np.ndarray, float]:
    """Logistic regression by full-batch Adagrad; returns (weights, bias)."""
    w = np.zeros(size + 1)
    b = 0.0
    gw_acc, gb_acc = np.full(size + 1, 1e-8), 1e-8
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(w[x].sum(axis=1) + b)))
        err = (p - y) / len(y)
        grad = np.zeros(size + 1)
        np.add.at(grad, x, err[:, None])
        grad += l2 * w
        grad[size] = 0.0
        gw_acc += grad**2
        gb_acc += float(err.sum()) ** 2
        w -= 0.5 * grad / np.sqrt(gw_acc)
        b -= 0.5 * float(err.sum()) / np.sqrt(gb_acc)
    return w, b


def clusters(exs: list[Example]) -> list[list[int]]:
    """Indices of candidates whose spans overlap, chained, per article: the readings one kept
    quote is chosen from."""
    out: list[list[int]] = []
    order = sorted(range(len(exs)), key=lambda i: (exs[i].article, exs[i].span))
    current: list[int] = []
    end = -1
    for i in order:
        e = exs[i]
        if current and (e.article != exs[current[0]].article or e.span[0] >= end):
            out.append(current)
            current, end = [], -1
        current.append(i)
        end = max(end, e.span[1])
    if current:
        out.append(current)
    return out


def fit_choice(x: np.ndarray, y: np.ndarray, groups: list[list[int]], size: int, l2: float,
               steps: int) -> np.ndarray:
    """Conditional logit: in each group with an exact reading, the softmax of the scores puts
    its mass on the exact readings. Full-batch Adagrad; returns the weights."""
    groups = [g for g in groups if len(g) > 1 and 0 < y[g].sum() < len(g)]
    idx = np.concatenate([np.array(g) for g in groups])
    owner = np.concatenate([np.full(len(g), k) for k, g in enumerate(groups)])
    target = np.concatenate([y[g] / y[g].sum() for g in groups])
    xs = x[idx]
    w = np.zeros(size + 1)
    acc = np.full(size + 1, 1e-8)
    for _ in range(steps):
        z = w[xs].sum(axis=1)
        top = np.full(len(groups), -np.inf)
        np.maximum.at(top, owner, z)
        ez = np.exp(z - top[owner])
        total = np.zeros(len(groups))
        np.add.at(total, owner, ez)
        err = (ez / total[owner] - target) / len(groups)
        grad = np.zeros(size + 1)
        np.add.at(grad, xs, err[:, None])
        grad += l2 * w
        grad[size] = 0.0
        acc += grad**2
        w -= 0.5 * grad / np.sqrt(acc)
    return w


def estimate_f1(exs: list[Example], probs: np.ndarray, threshold: float, n_gold: int) -> float:
    """F1 estimate of the kept candidates after overlap suppression (as the extractor does)."""
    kept: list[Example] = []
    by_article: dict[int, list[tuple[float, Example]]] = {}
    for e, p in zip(exs, probs, strict=True):
        if p >= threshold:
            by_article.setdefault(e.article, []).append((p, e))
    for pairs in by_article.values():
        chosen: list[Example] = []
        for _, e in sorted(pairs, key=lambda pe: -pe[0]):
            if not any(min(e.span[1], c.span[1]) > max(e.span[0], c.span[0]) for c in chosen):
                chosen.append(e)
        kept += chosen
    found = {(e.article, e.gold) for e in kept if e.gold >= 0}
    if not kept or not found:
        return 0.0
    precision, recall = len(found) / len(kept), len(found) / n_gold
    return 2 * precision * recall / (precision + recall)


def vocabulary(exs: list[Example], min_count: int) -> dict[str, int]:
    counts = Counter(f for e in exs for f in e.features)
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}


def cross_validate(exs: list[Example], args: argparse.Namespace) -> np.ndarray:
    probs = np.zeros(len(exs))
    folds = np.array([e.article % args.folds for e in exs])
    y = np.array([e.gold >= 0 for e in exs], dtype=float)
    for k in range(args.folds):
        train = [e for e, f in zip(exs, folds, strict=True) if f != k]
        vocab = vocabulary(train, args.min_count)
        w, b = fit(matrix(train, vocab), y[folds != k], len(vocab), args.l2, args.steps)
        test = [e for e, f in zip(exs, folds, strict=True) if f == k]
        probs[folds == k] = 1 / (1 + np.exp(-(w[matrix(test, vocab)].sum(axis=1) + b)))
    return probs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed split")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the model")
    parser.add_argument("--tags", type=Path, default=None,
                        help="out-of-fold tagger labels (scripts/train_quote_tagger.py --oof)")
    parser.add_argument("--tags2", type=Path, default=None,
                        help="a second reading's out-of-fold labels (the accurate tagger's "
                             "transformer: scripts/train_quote_transformer.py --oof)")
    args = parser.parse_args()
    began = time.perf_counter()
    tags = json.loads(args.tags.read_text(encoding="utf-8")) if args.tags else None
    tags2 = json.loads(args.tags2.read_text(encoding="utf-8")) if args.tags2 else None
    exs, n_gold = examples(*parse(args.train, args.limit, args.cache), tags, tags2)
    print(f"{len(exs)} candidates, {sum(e.gold >= 0 for e in exs)} positive, {n_gold} gold")
    probs = cross_validate(exs, args)
    grid = [round(t, 2) for t in np.arange(0.2, 0.75, 0.05)]
    scores = {t: estimate_f1(exs, probs, t, n_gold) for t in grid}
    print("out-of-fold F1 estimate:", {t: round(s, 3) for t, s in scores.items()})
    threshold = max(scores, key=scores.__getitem__)
    vocab = vocabulary(exs, args.min_count)
    y = np.array([e.gold >= 0 for e in exs], dtype=float)
    w, b = fit(matrix(exs, vocab), y, len(vocab), args.l2, args.steps)
    model = QuoteModel({f: float(w[i]) for f, i in vocab.items()}, b, threshold)
    args.out.write_text(json.dumps(model.to_json(), indent=0) + "\n", encoding="utf-8")
    print(f"threshold {threshold}; {len(vocab)} features written to {args.out.name}")
    y_exact = np.array([e.exact for e in exs], dtype=float)
    # the choice is learned among the candidates the candidate model keeps (out of fold), as met
    kept = [i for i, p in enumerate(probs) if p >= threshold]
    groups = [[kept[j] for j in g] for g in clusters([exs[i] for i in kept])]
    w = fit_choice(matrix(exs, vocab), y_exact, groups, len(vocab), args.l2, args.steps)
    exact = QuoteModel({f: float(w[i]) for f, i in vocab.items()}, 0.0, 0.5)
    exact_out = args.out.parent / EXACT_OUT.name
    exact_out.write_text(json.dumps(exact.to_json(), indent=0) + "\n", encoding="utf-8")
    print(f"exactness model ({int(y_exact.sum())} exact candidates) written to {exact_out.name}")
    print(f"done in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
