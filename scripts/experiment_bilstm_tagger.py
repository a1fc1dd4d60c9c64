"""Experiment (not shipped): a BiLSTM token tagger for attributions, against the shipped CRF.

Asks whether a small neural tagger over the same inputs finds quote content, sources and cues
with better edges than the CRF (``onrecord.extract.quote_tagger``). Inputs per token: the CRF's own
token features (hashed into an embedding bag) and spaCy's token vectors (``doc.tensor``, the
output of the pipeline's shared tok2vec layer, already computed by every parse); a BiLSTM over
each paragraph; softmax over the BIO labels of C/S/Q. Scored like the CRF: runs against gold
fragments on PolNeAR dev, exact edges after trimming.

Three steps, the middle one in an environment with PyTorch (not a dependency of onrecord:
``python -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0 numpy``)::

    .venv/bin/python scripts/experiment_bilstm_tagger.py extract dev  /tmp/nn
    .venv/bin/python scripts/experiment_bilstm_tagger.py extract train /tmp/nn
    /tmp/tv/bin/python scripts/experiment_bilstm_tagger.py train /tmp/nn --epochs 4
    .venv/bin/python scripts/experiment_bilstm_tagger.py score /tmp/nn

``score`` also prints the shipped CRF's figures on the same articles.
"""

from __future__ import annotations

import argparse
import collections
import pickle
import random
import sys
import time
import zlib
from pathlib import Path

LABELS = ["O", "B-C", "I-C", "B-S", "I-S", "B-Q", "I-Q"]
POLNEAR = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "polnear"
BUCKETS = 1 << 18


def extract(split: str, folder: Path) -> None:
    """Per paragraph: (article, first token, end token, hashed features, token vectors, labels)."""
    import numpy as np

    sys.path.insert(0, str(Path(__file__).parent))
    from train_quote_tagger import gold_spans

    from onrecord.eval import polnear
    from onrecord.extract import quote_tagger
    from onrecord.nlp.pipeline import load

    data = polnear.articles(POLNEAR / split)
    out = []
    began = time.time()
    for (name, text, ann), doc in zip(data, load().pipe(t for _, t, _ in data), strict=True):
        labels = quote_tagger.gold_labels(doc, gold_spans(ann, text))
        paras, base = quote_tagger._base_features(doc, text)
        for s, e in paras:
            ids = [[zlib.crc32(f.encode()) % BUCKETS for f in base[i]] for i in range(s, e)]
            out.append((name, s, e, ids, doc.tensor[s:e].astype(np.float16),
                        [LABELS.index(lab) for lab in labels[s:e]]))
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{split}.pkl").open("wb") as fh:
        pickle.dump(out, fh)
    print(f"{split}: {len(data)} articles, {len(out)} paragraphs, {time.time() - began:.0f} s")


def train(folder: Path, epochs: int, threads: int) -> None:
    import numpy as np
    import torch
    from torch import nn

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    random.seed(0)
    with (folder / "train.pkl").open("rb") as fh:
        train_set = pickle.load(fh)
    with (folder / "dev.pkl").open("rb") as fh:
        dev_set = pickle.load(fh)

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.EmbeddingBag(BUCKETS, 64, mode="sum")
            self.inp = nn.Linear(64 + 96, 128)
            self.lstm = nn.LSTM(128, 128, batch_first=True, bidirectional=True)
            self.out = nn.Linear(256, len(LABELS))

        def forward(self, ids, offsets, vec, lens):
            x = torch.relu(self.inp(torch.cat([self.emb(ids, offsets), vec], 1)))
            padded = nn.utils.rnn.pad_sequence(torch.split(x, lens), batch_first=True)
            packed = nn.utils.rnn.pack_padded_sequence(padded, torch.tensor(lens), batch_first=True,
                                                       enforce_sorted=False)
            h, _ = nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True)
            return self.out(torch.cat([h[i, :n] for i, n in enumerate(lens)], 0))

    def batch(items):
        ids, offsets, vecs, labs, lens = [], [], [], [], []
        pos = 0
        for _, _, _, tid, vec, lab in items:
            for f in tid:
                offsets.append(pos)
                ids.extend(f)
                pos += len(f)
            vecs.append(torch.from_numpy(vec.astype(np.float32)))
            labs.extend(lab)
            lens.append(len(lab))
        return torch.tensor(ids), torch.tensor(offsets), torch.cat(vecs, 0), torch.tensor(labs), lens

    chunks = []  # long paragraphs in pieces of 300 tokens
    for name, s, e, tid, vec, lab in train_set:
        for k in range(0, len(lab), 300):
            chunks.append((name, s + k, min(e, s + k + 300), tid[k : k + 300], vec[k : k + 300],
                           lab[k : k + 300]))
    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    loss_fn = nn.CrossEntropyLoss()
    began = time.time()
    for epoch in range(epochs):
        random.shuffle(chunks)
        net.train()
        total, pending, size = 0.0, [], 0
        for item in [*chunks, None]:
            if item is not None:
                pending.append(item)
                size += len(item[5])
            if pending and (size >= 2000 or item is None):
                ids, offsets, vec, lab, lens = batch(pending)
                opt.zero_grad()
                loss = loss_fn(net(ids, offsets, vec, lens), lab)
                loss.backward()
                opt.step()
                total += loss.item()
                pending, size = [], 0
        print(f"epoch {epoch}: loss {total:.1f} ({time.time() - began:.0f} s)", flush=True)
    net.eval()
    preds = []
    began = time.time()
    with torch.no_grad():
        for item in dev_set:
            ids, offsets, vec, _, lens = batch([item])
            preds.append((item[0], item[1], item[2], net(ids, offsets, vec, lens).argmax(1).tolist()))
    tokens = sum(len(item[5]) for item in dev_set)
    print(f"dev tagged in {time.time() - began:.1f} s ({tokens} tokens, {threads} threads)")
    with (folder / "dev_pred.pkl").open("wb") as fh:
        pickle.dump(preds, fh)


def score(folder: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from train_quote_tagger import gold_spans

    from onrecord.eval import polnear
    from onrecord.extract import quote_tagger
    from onrecord.nlp.pipeline import load

    with (folder / "dev_pred.pkl").open("rb") as fh:
        predicted: dict[str, dict[int, str]] = collections.defaultdict(dict)
        for name, s, _, labs in pickle.load(fh):
            for k, lab in enumerate(labs):
                predicted[name][s + k] = LABELS[lab]
    data = polnear.articles(POLNEAR / "dev")
    crf = quote_tagger.load_tagger()
    counts: dict[str, collections.Counter] = {"bilstm": collections.Counter(), "crf": collections.Counter()}
    for (name, text, ann), doc in zip(data, load().pipe(t for _, t, _ in data), strict=True):
        gold = gold_spans(ann, text)
        tagged = {"bilstm": [predicted[name].get(i, "O") for i in range(len(doc))],
                  "crf": crf.tag(doc) if crf is not None else ["O"] * len(doc)}
        for system, labels in tagged.items():
            runs = quote_tagger.runs(doc, labels)
            for lab in "CSQ":
                g = collections.Counter((s, e) for label, s, e in gold if label == lab)
                p = collections.Counter(polnear.trim(text, r.start, r.end) for r in runs if r.label == lab)
                c = counts[system]
                c[lab, "tp"] += sum((g & p).values())
                c[lab, "gold"] += sum(g.values())
                c[lab, "pred"] += sum(p.values())
    for system, c in counts.items():
        for lab, what in zip("CSQ", ("content", "source", "cue"), strict=True):
            p = c[lab, "tp"] / max(c[lab, "pred"], 1)
            r = c[lab, "tp"] / max(c[lab, "gold"], 1)
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{system:7} {what:8} P {p:.3f} R {r:.3f} F1 {f:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="step", required=True)
    ex = sub.add_parser("extract")
    ex.add_argument("split", choices=["train", "dev"])
    ex.add_argument("folder", type=Path)
    tr = sub.add_parser("train")
    tr.add_argument("folder", type=Path)
    tr.add_argument("--epochs", type=int, default=4)
    tr.add_argument("--threads", type=int, default=2)
    sc = sub.add_parser("score")
    sc.add_argument("folder", type=Path)
    args = parser.parse_args()
    if args.step == "extract":
        extract(args.split, args.folder)
    elif args.step == "train":
        train(args.folder, args.epochs, args.threads)
    else:
        score(args.folder)


if __name__ == "__main__":
    main()
