"""Train the quote tagger (``onrecord.extract.quotes.crf``) on PolNeAR's train split.

Every token of every paragraph gets a BIO label from the gold brat spans (``Content`` → C,
``Source`` → S, ``Cue`` → Q); a linear-chain CRF (python-crfsuite, L-BFGS with L1 and L2
penalties) learns them from the features of ``onrecord.extract.quotes.crf.token_features``. Writes
``src/onrecord/data/quotes/tagger.crfsuite``.

With ``--oof FILE`` it also trains one tagger per fold (articles split by index) and writes each
article's labels and marginals as tagged by the tagger that did not see it: the candidate model is then trained
on tags as noisy as those it will meet (``scripts/train_quotes_model.py --tags FILE``).

    nice .venv/bin/python scripts/train_quote_tagger.py ../shared/datasets/polnear/train \
        --cache /tmp/polnear-train.spacy --oof /tmp/polnear-train-tags.json
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from spacy.tokens import Doc
from train_quotes_model import parse

from onrecord.eval.polnear import trim
from onrecord.extract.quotes import crf as quote_tagger
from onrecord.extract.quotes import tagging as quote_tagging

OUT = Path(__file__).resolve().parents[1] / "src" / "onrecord" / quote_tagger.TAGGER_FILE
_LABEL = {"Content": "C", "Source": "S", "Cue": "Q"}


def gold_spans(ann: str, text: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of every Content/Source/Cue fragment, trimmed as the scores trim."""
    out = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if not line.startswith("T") or len(parts) < 2:
            continue
        kind, _, offsets = parts[1].partition(" ")
        if kind not in _LABEL:
            continue
        for piece in offsets.split(";"):
            s, e = (int(x) for x in piece.split())
            s, e = trim(text, s, e)
            if e > s:
                out.append((_LABEL[kind], s, e))
    return out


def sequences(
    doc: Doc, labels: list[str], extra: list[tuple[str, ...]] | None = None
) -> list[tuple[list[list[str]], list[str]]]:
    return [(feats, labels[s:e]) for s, e, feats in quote_tagger.token_features(doc, extra=extra)]


def train(data: list[tuple[list[list[str]], list[str]]], path: Path, args: argparse.Namespace) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in data:
        trainer.append(xseq, yseq)
    trainer.set_params({
        "c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
        "feature.possible_transitions": True, "feature.minfreq": args.min_freq,
    })
    trainer.train(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed split")
    parser.add_argument("--oof", type=Path, default=None, help="write out-of-fold labels here")
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--c1", type=float, default=0.8)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--min-freq", type=float, default=3)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--stack", type=Path, default=None,
                        help="out-of-fold tags of the accurate tagger (train_quote_transformer.py "
                             "--oof): train the CRF stacked on it (write --out to minilm/)")
    args = parser.parse_args()
    began = time.perf_counter()
    docs, texts, anns = parse(args.train, args.limit, args.cache)
    labelled = [quote_tagging.gold_labels(d, gold_spans(a, t)) for d, t, a in zip(docs, texts, anns, strict=True)]
    extras: list = [None] * len(docs)
    if args.stack is not None:
        stacked = json.loads(args.stack.read_text(encoding="utf-8"))
        extras = [quote_tagger.stack_features(lab, margins) for lab, margins in stacked[: len(docs)]]
    seqs = [sequences(d, lab, x) for d, lab, x in zip(docs, labelled, extras, strict=True)]
    print(f"{len(docs)} articles, {sum(len(s) for s in seqs)} paragraphs, "
          f"{sum(len(d) for d in docs)} tokens ({time.perf_counter() - began:.0f} s)")
    if args.oof is not None:
        oof: list[object] = [None for _ in docs]
        for k in range(args.folds):
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "fold.crfsuite"
                train([x for i, s in enumerate(seqs) if i % args.folds != k for x in s], path, args)
                tagger = quote_tagger.Tagger(str(path))
                for i, doc in enumerate(docs):
                    if i % args.folds == k:
                        labels, margins = tagger.tag_with_margins(doc, extras[i])
                        oof[i] = (labels, {m: [round(x, 3) for x in v] for m, v in margins.items()})
            print(f"fold {k} done ({time.perf_counter() - began:.0f} s)")
        args.oof.write_text(json.dumps(oof), encoding="utf-8")
    train([x for s in seqs for x in s], args.out, args)
    print(f"tagger written to {args.out.name} ({args.out.stat().st_size // 1024} KB) "
          f"in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
