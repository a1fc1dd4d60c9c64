"""How much of PolNeAR's gold quote content the accurate tagger's paragraph test leaves out.

    .venv/bin/python scripts/quiet_paragraphs.py --split ../shared/datasets/polnear/train [--cache F]

The accurate tagger reads only the paragraphs with a reporting word or a quotation mark
(``transformer.loud_paragraphs``). Prints the share of paragraphs and tokens it reads, and how
many gold content fragments (and tokens) lie wholly or partly in the paragraphs it leaves out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_quote_tagger import gold_spans  # noqa: E402
from train_quotes_model import parse  # noqa: E402

from onrecord.extract.quotes.transformer import loud_paragraphs, paragraph_tokens  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed split")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    paras = read = tokens = read_tokens = 0
    frags = out = partly = gold_tokens = out_tokens = 0
    for doc, text, ann in zip(*parse(args.split, args.limit, args.cache), strict=True):
        every, loud = paragraph_tokens(doc), loud_paragraphs(doc)
        kept = {i for p in loud for i in p}
        paras, read = paras + len(every), read + len(loud)
        tokens, read_tokens = tokens + sum(map(len, every)), read_tokens + len(kept)
        for label, s, e in gold_spans(ann, text):
            toks = [t.i for t in doc if t.idx >= s and t.idx + len(t.text) <= e and not t.is_space]
            if label != "C" or not toks:
                continue
            missed = sum(i not in kept for i in toks)
            frags, gold_tokens, out_tokens = frags + 1, gold_tokens + len(toks), out_tokens + missed
            out += missed == len(toks)
            partly += 0 < missed < len(toks)
    print(f"paragraphs read {read} / {paras} ({read / paras:.1%}); tokens read {read_tokens} / "
          f"{tokens} ({read_tokens / tokens:.1%})")
    print(f"gold content fragments {frags}: wholly left out {out} ({out / frags:.2%}), partly {partly};"
          f" content tokens left out {out_tokens} / {gold_tokens} ({out_tokens / gold_tokens:.2%})")


if __name__ == "__main__":
    main()
