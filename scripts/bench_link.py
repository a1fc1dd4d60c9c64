"""Benchmark the link stage at 1,000 / 2,000 / 5,000 / 10,000 articles.

Usage: python scripts/bench_link.py ../shared/datasets/allsides/articles.jsonl.gz [--sizes 1000,2000]

Inputs are the first N AllSides articles with light extraction done here, without spaCy: actors are
capitalised word sequences, time expressions the regex resolver of ``onrecord.eval.t17``, events
the sentences holding a day-precise date, quotes the quoted passages of five words or more (the
speaker is the first actor after the quote in its sentence) and claims the numbers followed by a
word (counted thing). Each size runs in a fresh process; the figures are the wall time of
``onrecord.link.link`` alone and the growth of the process's peak resident memory during it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from onrecord.eval.t17 import light_actors, light_events, light_times
from onrecord.link import link
from onrecord.models import Analysis, Claim, Document, Quote

QUOTE = re.compile(r"[\"“]([^\"“”]{20,600})[\"”]")
NUMBER = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+([a-z]{3,})\b")


def documents(path: Path, n: int) -> list[Document]:
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = row.get("text") or ""
            docs.append(Document(
                id=str(row["id"]), source=str(path), input_id=str(row["id"]), title=row.get("title"),
                standfirst=None, outlet=row.get("outlet"), authors=(),
                published=(row.get("published") or "")[:10] or None, language="en", body=text,
                source_text=text, url=row.get("url"),
            ))
            if len(docs) >= n:
                break
    return docs


def light_quotes(text: str, actors) -> tuple[Quote, ...]:
    starts = sorted((m.start, a.key) for a in actors for m in a.mentions)
    out = []
    for m in QUOTE.finditer(text):
        if len(m.group(1).split()) < 5:
            continue
        after = [k for p, k in starts if m.end() <= p < m.end() + 80]
        speaker = after[0] if after else None
        out.append(Quote(m.start(1), m.end(1), m.group(1), "direct", None, None, speaker, speaker))
    return tuple(out)


def light_claims(text: str) -> tuple[Claim, ...]:
    out = []
    for m in NUMBER.finditer(text):
        value = float(m.group(1).replace(",", ""))
        out.append(Claim(m.start(1), m.end(1), m.group(1), m.start(), m.end(), value, None, None,
                         "=", None, m.group(2), None, None, "asserted"))
    return tuple(out)


def analyse(doc: Document) -> Analysis:
    actors = light_actors(doc.body)
    times = light_times(doc.body, doc.published)
    return Analysis(doc, actors=actors, quotes=light_quotes(doc.body, actors),
                    claims=light_claims(doc.body), times=times,
                    events=light_events(doc.body, times, actors))


def measure(path: Path, n: int) -> dict:
    analyses = [analyse(d) for d in documents(path, n)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    result = link(analyses)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kinds: dict[str, int] = {}
    for item in result.links:
        kinds[item.kind] = kinds.get(item.kind, 0) + 1
    return {"articles": len(analyses), "link_s": round(seconds, 2),
            "peak_rss_mb": round(after / 1024, 1), "rss_growth_mb": round((after - before) / 1024, 1),
            "stories": len(result.stories), "timeline": len(result.timeline), "links": kinds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
        print(json.dumps(measure(args.articles, args.one)))
        return
    for n in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, str(args.articles), "--one", str(n)],
                             check=True, stdout=subprocess.PIPE, text=True).stdout
        row = json.loads(out)
        print(f"{row['articles']:6d} articles  link {row['link_s']:7.2f} s  "
              f"peak RSS {row['peak_rss_mb']:7.1f} MB (+{row['rss_growth_mb']:.1f} during link)  "
              f"{row['stories']} stories, {row['timeline']} timeline entries, links {row['links']}",
              flush=True)


if __name__ == "__main__":
    main()
