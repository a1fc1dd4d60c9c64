"""The link step's candidate pairs as Spark jobs, with the local link's decisions.

- Duplicates: MinHash LSH band buckets grouped on the executors, each bucket's pairs decided there
  by :func:`onrecord.link.dedup.same_text`, and only the passing ``(key, key)`` pairs brought to the
  driver, where ``link.dedup`` joins them into groups (union-find) exactly as with its local index.
- Stories: the inverted index of top terms (or central actors) grouped by term on the executors,
  each posting list's pairs within the time window given by :func:`onrecord.link.stories.posting_pairs`
  (the local rule, caps included), counted by pair and kept at ``MIN_SHARED`` shared terms; the
  driver clusters the candidate edges as locally.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence

import numpy as np


def duplicate_pairs(spark, keys: Sequence[str], signatures: Sequence[np.ndarray],
                    threshold: float) -> list[tuple[str, str]]:
    """The pairs of ``keys`` whose signatures share a band and pass ``same_text``, found on Spark."""
    if len(keys) < 2:
        return []
    sc = spark.sparkContext
    items = list(zip(keys, (np.asarray(s, dtype=np.uint64) for s in signatures), strict=True))
    rdd = sc.parallelize(items, max(1, min(len(items) // 2000 + 1, 4 * sc.defaultParallelism)))
    buckets = rdd.flatMap(functools.partial(_in_bands, threshold=threshold)).groupByKey()
    pairs = buckets.flatMap(functools.partial(_bucket_pairs, threshold=threshold)).distinct()
    return sorted(pairs.collect())


def _in_bands(item: tuple[str, np.ndarray], threshold: float) -> Iterator[tuple[tuple[int, bytes], tuple]]:
    from onrecord.link.dedup import band_keys

    key, signature = item
    for band in band_keys(signature, threshold):
        yield band, (key, signature)


def _bucket_pairs(bucket: tuple[object, Iterable[tuple[str, np.ndarray]]],
                  threshold: float) -> Iterator[tuple[str, str]]:
    from onrecord.link.dedup import same_text

    members = sorted(bucket[1], key=lambda m: m[0])
    for i, (a, sig_a) in enumerate(members):
        for b, sig_b in members[i + 1:]:
            if a != b and same_text(sig_a, sig_b, threshold):
                yield a, b


def story_pairs(spark, tops: Sequence[Sequence[str]], days: Sequence[int | None],
                window: int) -> set[tuple[int, int]]:
    """The pairs :func:`onrecord.link.stories.candidates` gives, found on Spark."""
    from onrecord.link.stories import MIN_SHARED

    entries = [(t, (i, days[i])) for i, terms in enumerate(tops) for t in terms]
    if len(tops) < 2 or not entries:
        return set()
    sc = spark.sparkContext
    rdd = sc.parallelize(entries, max(1, min(len(entries) // 20000 + 1, 4 * sc.defaultParallelism)))
    counts = (rdd.groupByKey()
              .flatMap(functools.partial(_posting_pairs, window=window))
              .map(lambda pair: (pair, 1))
              .reduceByKey(lambda a, b: a + b))
    return set(counts.filter(lambda kv: kv[1] >= MIN_SHARED).keys().collect())


def _posting_pairs(posting: tuple[str, Iterable[tuple[int, int | None]]], window: int) -> Iterator[tuple[int, int]]:
    from onrecord.link.stories import posting_entry, posting_pairs

    members = list(posting[1])
    day_of = dict(members)
    yield from posting_pairs(sorted(posting_entry(i, day) for i, day in members), day_of, window)
