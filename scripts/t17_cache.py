"""Build each Timeline17 timeline's ledger once into a cache folder, to iterate on timeline ranking.

``python scripts/t17_cache.py <t17 folder> <cache folder> [timeline ...]`` builds
``<cache>/<timeline>/ledger.db`` with :func:`onrecord.pipeline.build` (default settings), the same
build ``onrecord eval timeline`` runs; a timeline whose ledger exists already is kept.
"""

from __future__ import annotations

import gzip
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    from onrecord.pipeline import build

    t17, cache = Path(argv[0]), Path(argv[1])
    names = argv[2:] or sorted(p.name for p in t17.iterdir() if (p / "timeline.json").exists())
    for name in names:
        out = cache / name
        if (out / "ledger.db").exists():
            continue
        out.mkdir(parents=True, exist_ok=True)
        with gzip.open(t17 / name / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
            (out / "articles.jsonl").write_text("".join(line for line in fh if line.strip()), encoding="utf-8")
        t0 = time.perf_counter()
        build([out / "articles.jsonl"], out / "building.db")
        (out / "building.db").rename(out / "ledger.db")
        print(f"{name}: {time.perf_counter() - t0:.0f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
