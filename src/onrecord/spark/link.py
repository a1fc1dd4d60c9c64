"""The duplicates' candidate pairs of the link step as a Spark job: MinHash LSH band buckets
grouped on the executors, each bucket's pairs decided there by :func:`onrecord.link.dedup.same_text`
(the local link's rule), and only the passing ``(key, key)`` pairs brought to the driver, where
``link.dedup`` joins them into groups (union-find) exactly as with its local index."""

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
