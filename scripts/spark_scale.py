"""The cross-article step at scale on Spark: time and shuffle sizes of the link's candidate joins.

    PYTHONPATH=src .venv/bin/python scripts/spark_scale.py ../shared/datasets/allsides/articles.jsonl.gz \
        [--sizes 1000,10000,100000] [--master local[2]] [--link-up-to 10000] [--analyse 200] [--driver-memory 4g]
        [--documents-only]

``--analyse N`` first runs N real AllSides articles through the build's per-article function on the
executors (seconds an article, peak memory of each executor's Python worker, size of the results).

Per size N, the articles' records are built without spaCy as ``scripts/bench_link.py`` builds them
(the first N AllSides articles; past the 10,000 there are, copies whose words are rotated within each
paragraph: they share vocabulary and dates, and most of their word 5-shingles too, since a rotation
only changes the few shingles across a paragraph's ends: many copies are near-duplicates of their
original, so past 10,000 the dedup join meets far more candidate pairs than real articles give),
then on Spark:

- **collect**: the per-article records sent from the executors to the driver (what
  ``--engine spark`` does before linking there): wall time and the pickled size of the records.
  Past ``--link-up-to`` articles the records are built on the executors instead (the real documents
  broadcast, the records kept on the executors' disks) and **stream** times sending them to the
  driver one partition at a time (``toLocalIterator``: ``--engine spark`` sends them in waves of
  partitions, never all at once); with ``--documents-only`` those records hold the document
  alone, which is all the two joins read;
- **dedup join**: the MinHash signature of each document (``onrecord.link.dedup.Shingles``, the
  link's own 64 permutations over word 5-shingles), cut into the bands of the link's LSH
  (``datasketch.MinHashLSH(threshold=0.8, num_perm=64)``: 5 bands of 11 rows), grouped by band
  value: the candidate pairs of the local LSH, then the pairs whose estimated Jaccard is 0.8 or more;
- **story join**: each document's top terms (TF-IDF over headline twice and lead, as the stories
  pass weighs them, ``onrecord.link.text``), an inverted index grouped by term, then the pairs within
  7 days sharing at least two terms counted by pair (a second shuffle);

each with its wall time and the shuffle bytes Spark's REST API reports for its stages. Up to
``--link-up-to`` articles the driver's ``onrecord.link.link`` over the same records is timed too,
then the same ``link`` with its duplicates' and stories' candidate pairs found by the product's Spark
jobs (``onrecord.spark.link``, what ``--engine spark`` runs), with its stage times and whether its
result equals the driver's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
WINDOW_DAYS = 7
TOP_TERMS = 12
LEAD_WORDS = 250


def bench_link():
    spec = importlib.util.spec_from_file_location("bench_link", SCRIPTS / "bench_link.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def records(path: Path, n: int) -> list:
    """``n`` light analyses: real ones, then rotated copies past the dataset's end."""
    bl = bench_link()
    docs = bl.documents(path, n)
    return [bl.analyse(rotated(docs, i)) for i in range(n)]


def rotated(docs: list, i: int):
    """Document ``i`` of the sample: a real one, or past their number a copy of one whose words
    are rotated within each paragraph (by one word more for each pass over the real ones)."""
    import dataclasses

    real = len(docs)
    if i < real:
        return docs[i]
    base, k = docs[i % real], i // real
    paras = [" ".join(ws[k % len(ws):] + ws[:k % len(ws)]) if (ws := p.split()) else p
             for p in base.body.split("\n")]
    body = "\n".join(paras)
    return dataclasses.replace(base, id=f"{base.id}~{k}", input_id=f"{base.id}~{k}", body=body, source_text=body)


def records_on_executors(sc, path: Path, n: int, parts: int, documents_only: bool = False):
    """The same ``n`` records built on the executors from the real documents (broadcast), kept on
    their disks: past about 10,000 articles the driver cannot hold them all nor send them. With
    ``documents_only``, each record holds its document alone (what the two joins read)."""
    from pyspark import StorageLevel

    from onrecord.models import Analysis

    docs = sc.broadcast(bench_link().documents(path, n))

    def build(index):
        bl = bench_link()
        for i in index:
            document = rotated(docs.value, i)
            yield Analysis(document) if documents_only else bl.analyse(document)

    return sc.range(0, n, numSlices=parts).mapPartitions(build).persist(StorageLevel.DISK_ONLY)


def stages(sc) -> dict[int, dict]:
    url = f"{sc.uiWebUrl}/api/v1/applications/{sc.applicationId}/stages?status=complete"
    with urllib.request.urlopen(url) as response:
        return {s["stageId"]: s for s in json.load(response)}


def shuffled(sc, before: set[int]) -> tuple[int, int]:
    """Shuffle bytes written and read by the stages completed since ``before``."""
    time.sleep(1.0)  # the listener updates the store asynchronously
    new = [s for k, s in stages(sc).items() if k not in before]
    return sum(s["shuffleWriteBytes"] for s in new), sum(s["shuffleReadBytes"] for s in new)


def band_keys(a) -> tuple[list[tuple[tuple[int, bytes], str]], object]:
    """The document's LSH band keys (band, its 11 values) and its signature."""
    from onrecord.link.dedup import Shingles

    sig = Shingles(a.document.body).signature()
    return [((b, sig[b * 11:(b + 1) * 11].tobytes()), a.document.id) for b in range(5)], sig


def dedup_join(rdd) -> tuple[int, int]:
    import numpy as np

    sigs = rdd.map(lambda a: (a.document.id, band_keys(a))).cache()
    buckets = sigs.flatMap(lambda kv: kv[1][0]).groupByKey().mapValues(sorted).filter(lambda kv: len(kv[1]) > 1)
    pairs = buckets.flatMap(lambda kv: [(x, y) for i, x in enumerate(kv[1]) for y in kv[1][i + 1:]]).distinct()
    signatures = sigs.mapValues(lambda v: v[1])
    joined = pairs.join(signatures).map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).join(signatures)
    similar = joined.filter(lambda kv: float(np.mean(kv[1][0][1] == kv[1][1])) >= 0.8)
    result = pairs.count(), similar.count()
    sigs.unpersist()
    return result


def top_terms(rdd, sc) -> object:
    from onrecord.link.common import day_number
    from onrecord.link.text import content_words

    def terms(a):
        d = a.document
        return d.id, day_number(d.published), content_words(d.title or "") * 2 + content_words(
            " ".join(d.body.split()[:LEAD_WORDS]))

    docs = rdd.map(terms).cache()
    n = docs.count()
    df = dict(docs.flatMap(lambda t: set(t[2])).map(lambda w: (w, 1)).reduceByKey(lambda x, y: x + y).collect())
    weights = sc.broadcast({w: __import__("math").log(n / c) for w, c in df.items()})

    def tops(t):
        counts: dict[str, int] = defaultdict(int)
        for w in t[2]:
            counts[w] += 1
        ranked = sorted(counts, key=lambda w: (-counts[w] * weights.value.get(w, 0.0), w))[:TOP_TERMS]
        return t[0], t[1], ranked

    return docs.map(tops)


def story_join(rdd, sc) -> int:
    postings = top_terms(rdd, sc).flatMap(lambda t: [(w, (t[1] if t[1] is not None else -1, t[0])) for w in t[2]])

    def near_pairs(kv):
        plist = sorted(kv[1])[:20000]
        out = []
        for i, (day, doc) in enumerate(plist):
            for other_day, other in plist[i + 1:]:
                if day >= 0 and other_day - day > WINDOW_DAYS:
                    break
                out.append(((doc, other) if doc < other else (other, doc), 1))
        return out

    shared = postings.groupByKey().flatMap(near_pairs).reduceByKey(lambda x, y: x + y)
    return shared.filter(lambda kv: kv[1] >= 2).count()


def timed(label: str, sc, fn):
    before = set(stages(sc))
    start = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - start
    written, read = shuffled(sc, before)
    print(f"  {label:12} {seconds:7.1f} s  shuffle write {written / 1e6:8.1f} MB  read {read / 1e6:8.1f} MB  "
          f"result {value}", flush=True)


def measure(spark, path: Path, n: int, link_up_to: int, documents_only: bool = False) -> None:
    sc = spark.sparkContext
    parts = max(2 * sc.defaultParallelism, n // 500)
    start = time.perf_counter()
    if n <= link_up_to:
        analyses = records(path, n)
        size = sum(len(pickle.dumps(a)) for a in analyses)
        print(f"{n} articles: pickled records {size / 1e6:.1f} MB ({size / n / 1e3:.1f} KB an article)", flush=True)
        rdd = sc.parallelize(analyses, parts).cache()
        rdd.count()
        timed("collect", sc, lambda: len(rdd.collect()))
    else:  # built and kept on the executors; streamed to the driver a partition at a time
        rdd = records_on_executors(sc, path, n, parts, documents_only)
        size = rdd.map(lambda a: len(pickle.dumps(a))).sum()
        print(f"{n} articles built on the executors in {time.perf_counter() - start:.1f} s: pickled records "
              f"{size / 1e6:.1f} MB ({size / n / 1e3:.1f} KB an article)", flush=True)
        timed("stream", sc, lambda: sum(1 for _ in rdd.toLocalIterator()))
    timed("dedup join", sc, lambda: dedup_join(rdd))
    timed("story join", sc, lambda: story_join(rdd, sc))
    rdd.unpersist()
    if n <= link_up_to:
        import logging

        from onrecord.link import link

        logging.basicConfig(format="  %(message)s")
        logging.getLogger("onrecord.link.core").setLevel(logging.INFO)  # the link's stage times
        start = time.perf_counter()
        result = link(analyses)
        seconds = time.perf_counter() - start
        docs = [x for x in result.links if x.kind == "duplicate" and not any("@" in m for m in x.items)]
        print(f"  driver link() {seconds:6.1f} s  ({len(result.stories)} stories, {len(docs)} groups of "
              f"duplicate documents, {sum(len(x.items) * (len(x.items) - 1) // 2 for x in docs)} pairs)", flush=True)
        spark_link(spark, analyses, result)


def spark_link(spark, analyses: list, local) -> None:
    """The product's link with its candidate pairs found on Spark (``SparkEngine.link_jobs``):
    its time and stage times, and whether it gives the driver's result."""
    from onrecord.link import link
    from onrecord.link.core import LinkJobs
    from onrecord.spark import link as spark_jobs

    jobs = LinkJobs(lambda texts: spark_jobs.duplicate_pairs(spark, texts),
                    lambda *a: spark_jobs.story_pairs(spark, *a))
    start = time.perf_counter()
    result = link(analyses, jobs=jobs)
    seconds = time.perf_counter() - start
    same = result == local
    print(f"  link() with Spark jobs {seconds:6.1f} s  (same result as the driver's: {same})", flush=True)


def analyse_cost(spark, path: Path, n: int) -> None:
    """``n`` real articles through ``process_batch`` on the executors: seconds per article and the
    peak memory of each executor's Python worker (model and per-article stages)."""
    import gzip

    from onrecord.ingest.sources import row_to_input
    from onrecord.settings import Settings

    sc = spark.sparkContext
    raws = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            row = json.loads(line)
            if row.get("text"):
                raws.extend(x for x in row_to_input(path, number, row) if hasattr(x, "content"))
            if len(raws) == n:
                break

    def run(items):
        import resource

        from onrecord.spark.tasks import analyse_partition

        items = list(items)
        start = time.perf_counter()
        results = list(analyse_partition(items, Settings()))
        seconds = time.perf_counter() - start
        size = sum(len(pickle.dumps(r)) for r in results)
        yield len(items), seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, size

    start = time.perf_counter()
    parts = sc.parallelize(raws, sc.defaultParallelism).mapPartitions(run).collect()
    wall = time.perf_counter() - start
    count = sum(p[0] for p in parts)
    busy = sum(p[1] for p in parts)
    print(f"analyse {count} articles on {len(parts)} executor workers: {wall:.1f} s wall, "
          f"{busy / count * 1000:.0f} ms an article in the workers, peak worker RSS "
          f"{max(p[2] for p in parts):.0f} MB, results {sum(p[3] for p in parts) / count / 1e3:.1f} KB an "
          f"article pickled", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--link-up-to", type=int, default=10000)
    parser.add_argument("--analyse", type=int, default=0, metavar="N",
                        help="Also analyse N real articles on the executors: cost and memory per worker.")
    parser.add_argument("--documents-only", action="store_true",
                        help="Past --link-up-to, records of the document alone (the joins read nothing else).")
    parser.add_argument("--driver-memory", default="4g", help="spark.driver.memory (local mode: the executors' too).")
    args = parser.parse_args()
    from pyspark.sql import SparkSession

    from onrecord.spark.context import spark_for

    SparkSession.builder.config("spark.driver.memory", args.driver_memory)  # read when the JVM starts
    spark = spark_for(args.master)
    if args.analyse:
        analyse_cost(spark, args.articles, args.analyse)
    for n in (int(s) for s in args.sizes.split(",") if s):
        measure(spark, args.articles, n, args.link_up_to, args.documents_only)
    spark.stop()


if __name__ == "__main__":
    main()
