"""CPU milliseconds per article of cleaning and of each extractor, with the quote tagger's parts.

    .venv/bin/python scripts/bench_parts.py [--n 300] [--allsides ../shared/datasets/allsides]

Runs clean, ``nlp.pipe`` and extract one after the other in this process, the garbage collector
set as in the build (``onrecord.collector``), and prints the CPU time per article of the clean
and extract stages, of each extractor, and of the parts the quote extractor spends most in: the
CRF's token keys (what its features are made of), its tagging (keys included), the candidates, and language
identification inside cleaning.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_build  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--allsides", type=Path, default=Path("../shared/datasets/allsides"))
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()

    import onrecord.clean.core as core
    import onrecord.clean.language as language
    import onrecord.clean.text as clean_text
    import onrecord.extract.quotes.crf as crf
    import onrecord.extract.quotes.extract as quotes
    from onrecord.clean import clean
    from onrecord.collector import fewer_collections, settle
    from onrecord.extract.analyze import analyze, with_published
    from onrecord.ingest.sources import row_to_input
    from onrecord.nlp.pipeline import load, parsed_from
    from onrecord.settings import Settings

    spent: dict[str, float] = {}

    def wrap(owner, name: str, key: str) -> None:
        fn = getattr(owner, name)
        spent[key] = 0.0

        def timed(*a, **k):
            start = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[key] += time.process_time() - start

        setattr(owner, name, timed)

    by_extractor = bench_build.time_extractors()
    wrap(crf, "token_keys", "CRF token keys")
    wrap(crf.Tagger, "tag_with_margins", "CRF tagging (with keys)")
    wrap(quotes, "candidates", "quote candidates")
    wrap(language, "detect", "language id")
    core.detect = clean_text.detect = language.detect

    rows = bench_build.sample(args.allsides, args.n)
    raws = [next(row_to_input(Path("bench.jsonl"), i, r)) for i, r in enumerate(rows, start=1)]
    nlp, settings = load(), Settings()
    settle()
    with fewer_collections():
        start = time.process_time()
        docs = [with_published(d) for d in (clean(r) for r in raws) if not hasattr(d, "reason")]
        clean_s = time.process_time() - start
        parsed = list(nlp.pipe([d.body for d in docs], batch_size=16))
        start = time.process_time()
        for d, p in zip(docs, parsed, strict=True):
            analyze(d, parsed_from(p, d.body), settings)
        extract_s = time.process_time() - start

    def ms(s: float) -> str:
        return f"{1000 * s / len(rows):.1f}"

    print(f"articles {len(rows)}; CPU ms an article: clean {ms(clean_s)}  extract {ms(extract_s)}")
    print("  extractors: " + "  ".join(f"{k} {ms(v)}" for k, v in by_extractor.items()))
    print("  parts: " + "  ".join(f"{k} {ms(v)}" for k, v in spent.items()))


if __name__ == "__main__":
    main()
