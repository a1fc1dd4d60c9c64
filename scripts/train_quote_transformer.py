"""Fine-tune the accurate quote tagger (``onrecord.extract.quotes.transformer``) on PolNeAR train.

Needs ``onrecord[accurate]`` (CPU PyTorch, transformers, the packaged MiniLM). The word embeddings
stay frozen; the six encoder layers and a linear output layer are trained with AdamW, linear warm-up
and decay, cross-entropy over the BIO labels of each word's first piece. On 2 CPU cores one epoch
of the 840 train articles takes ~10 min (3 epochs, the default, ~31 min; out-of-fold
tags, two folds of 3 epochs on half the articles each, ~36 min).

    # the accurate tagger, written into the package
    .venv/bin/python scripts/train_quote_transformer.py ../shared/datasets/polnear/train \\
        --cache /tmp/polnear-train.spacy --out src/onrecord/data/quotes/minilm/tagger.pt
    # out-of-fold tags for training the candidate models on this tagger's output (two folds,
    # each tagged by a tagger trained on the other half; ~36 min)
    .venv/bin/python scripts/train_quote_transformer.py ../shared/datasets/polnear/train \\
        --cache /tmp/polnear-train.spacy --oof /tmp/minilm-train-tags.json
    # then: scripts/train_quotes_model.py ... --tags /tmp/minilm-train-tags.json \\
    #     --out src/onrecord/data/quotes/minilm/candidate_model.json

``--dev DIR`` scores the trained tagger's runs against the gold spans of another split (exact
edges after trimming);
``--score-installed --dev DIR`` only scores the installed tagger: alone in each precision (bf16,
fp32, 8-bit linear layers), and stacked under its CRF in the default precision.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from train_quote_tagger import gold_spans  # noqa: E402
from train_quotes_model import parse  # noqa: E402

from onrecord.eval import polnear  # noqa: E402
from onrecord.extract.quotes import crf as quote_tagger  # noqa: E402
from onrecord.extract.quotes import tagging as quote_tagging  # noqa: E402
from onrecord.extract.quotes import transformer as quote_transformer  # noqa: E402
from onrecord.extract.quotes.transformer import LABELS, Window  # noqa: E402


def labelled_windows(docs, texts, anns, tokenizer) -> list[tuple[int, Window, list[int]]]:
    """(article index, window, label id of each of its tokens) for every window of the split."""
    out = []

    def pieces(words: list[str]) -> list[list[int]]:
        return tokenizer(words, add_special_tokens=False)["input_ids"]

    for k, (doc, text, ann) in enumerate(zip(docs, texts, anns, strict=True)):
        labels = quote_tagging.gold_labels(doc, gold_spans(ann, text))
        for w in quote_transformer.windows(
            [t.text for t in doc], quote_transformer.paragraph_tokens(doc), pieces,
            tokenizer.cls_token_id, tokenizer.sep_token_id, tokenizer.unk_token_id,
        ):
            out.append((k, w, [LABELS.index(labels[i]) for i in w.tokens]))
    return out


def train(items, args: argparse.Namespace):
    import torch

    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    network = quote_transformer.build_network(quote_transformer.base_model_path())
    for p in network.encoder.embeddings.parameters():
        p.requires_grad = False
    params = [p for p in network.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    order = sorted(range(len(items)), key=lambda i: len(items[i][1].ids))
    batches = [order[i : i + args.batch] for i in range(0, len(order), args.batch)]
    steps = math.ceil(len(batches) * args.epochs)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(steps - warm, 1)))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    began, step = time.time(), 0
    network.train()
    while step < steps:
        rng.shuffle(batches)
        for b in batches:
            wins = [items[i][1] for i in b]
            ids, mask = quote_transformer.batch_tensors(wins)
            target = torch.full(ids.shape, -100, dtype=torch.long)
            for row, i in enumerate(b):
                w, labels = items[i][1], items[i][2]
                target[row, list(w.firsts)] = torch.tensor(labels)
            logits = network(ids, mask)
            loss = loss_fn(logits.view(-1, len(LABELS)), target.view(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"  step {step}/{steps} loss {loss.item():.3f} {time.time() - began:.0f} s",
                      flush=True)
            if step >= steps:
                break
    network.eval()
    return network


def save(network, path: Path) -> None:
    import torch

    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(quote_transformer.shipped_state(network), path)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")


def tag_all(network, docs, weights: Path) -> list[tuple[list[str], dict[str, list[float]]]]:
    """Labels and label probabilities of each doc, read back through the weights as shipped (half
    precision on disk), as the build will see them."""
    save(network, weights)
    tagger = quote_transformer.TransformerTagger(str(weights), precision="fp32")
    return [tagger.tag_with_margins(doc) for doc in docs]


def score(docs, texts, anns, tags) -> None:
    counts = collections.Counter()
    for doc, text, ann, (labels, _) in zip(docs, texts, anns, tags, strict=True):
        gold = gold_spans(ann, text)
        runs = quote_tagging.runs(doc, labels)
        for lab in "CSQ":
            g = collections.Counter((s, e) for label, s, e in gold if label == lab)
            p = collections.Counter(polnear.trim(text, r.start, r.end) for r in runs if r.label == lab)
            counts[lab, "tp"] += sum((g & p).values())
            counts[lab, "gold"] += sum(g.values())
            counts[lab, "pred"] += sum(p.values())
    for lab, what in zip("CSQ", ("content", "source", "cue"), strict=True):
        p = counts[lab, "tp"] / max(counts[lab, "pred"], 1)
        r = counts[lab, "tp"] / max(counts[lab, "gold"], 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{what:8} P {p:.3f} R {r:.3f} F1 {f:.3f}")


def score_installed(args: argparse.Namespace) -> None:
    from importlib import resources

    import torch

    torch.set_num_threads(args.threads)
    docs, texts, anns = parse(args.dev, None, args.dev_cache)
    root = resources.files("onrecord")
    weights = str(root.joinpath(quote_transformer.WEIGHTS_FILE))
    for precision in quote_transformer.PRECISIONS:
        tagger = quote_transformer.TransformerTagger(weights, precision=precision)
        print(f"transformer ({precision}):")
        score(docs, texts, anns, [tagger.tag_with_margins(d) for d in docs])
    stacked = quote_transformer.StackedTagger(
        quote_transformer.TransformerTagger(weights),
        quote_tagger.Tagger(str(root.joinpath(quote_transformer.STACKED_FILE))),
    )
    print("stacked (CRF over the transformer's readings):")
    score(docs, texts, anns, [stacked.tag_with_margins(d) for d in docs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path, help="PolNeAR split folder (text/, attributions/)")
    parser.add_argument("--cache", type=Path, default=None, help="parsed train Docs (DocBin)")
    parser.add_argument("--out", type=Path, default=None, help="write the tagger's weights here")
    parser.add_argument("--oof", type=Path, default=None, help="write out-of-fold tags here")
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--dev", type=Path, default=None, help="score on this split afterwards")
    parser.add_argument("--dev-cache", type=Path, default=None)
    parser.add_argument("--epochs", type=float, default=3.0)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--score-installed", action="store_true",
                        help="only score the installed accurate tagger on --dev: the transformer "
                             "alone in each precision, and stacked under its CRF")
    args = parser.parse_args()
    if args.score_installed:
        score_installed(args)
        return

    import torch
    from transformers import AutoTokenizer

    torch.set_num_threads(args.threads)
    tokenizer = AutoTokenizer.from_pretrained(quote_transformer.base_model_path())
    docs, texts, anns = parse(args.train, args.limit, args.cache)
    items = labelled_windows(docs, texts, anns, tokenizer)
    print(f"{len(docs)} articles, {len(items)} windows", flush=True)
    if args.oof is not None:
        tags: list[object] = [None] * len(docs)
        for fold in range(args.folds):
            print(f"fold {fold + 1}/{args.folds}", flush=True)
            network = train([it for it in items if it[0] % args.folds != fold], args)
            held = [k for k in range(len(docs)) if k % args.folds == fold]
            tagged = tag_all(network, [docs[k] for k in held], args.oof.with_suffix(f".fold{fold}.pt"))
            for k, (labels, margins) in zip(held, tagged, strict=True):
                tags[k] = (labels, {m: [round(x, 3) for x in v] for m, v in margins.items()})
        args.oof.write_text(json.dumps(tags), encoding="utf-8")
        print(f"wrote {args.oof}")
    if args.out is not None:
        network = train(items, args)
        save(network, args.out)
    if args.dev is not None and args.out is not None:
        dev_docs, dev_texts, dev_anns = parse(args.dev, None, args.dev_cache)
        tagger = quote_transformer.TransformerTagger(str(args.out))
        score(dev_docs, dev_texts, dev_anns, [tagger.tag_with_margins(d) for d in dev_docs])


if __name__ == "__main__":
    main()
