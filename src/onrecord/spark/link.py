"""The link step's candidate pairs as Spark jobs, with the local link's decisions.

- Duplicates: each document and its passages signed on the executors (the link's MinHash,
  :func:`onrecord.link.dedup.signed`), the signatures' LSH band buckets grouped there, each bucket's
  pairs decided there by :func:`onrecord.link.dedup.same_text`, and only the passing ``(key, key)``
  pairs brought to the driver, where ``link.dedup`` joins them into groups (union-find) exactly as
  with its local index.
- Stories: the inverted index of top terms (or central actors) grouped by term on the executors,
  each posting list's pairs within the time window given by :func:`onrecord.link.stories.posting_pairs`
  (the local rule, caps included), counted by pair and kept at ``MIN_SHARED`` shared terms; the
  driver clusters the candidate edges as locally.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from onrecord.link.dedup import Pairs, Text


def duplicate_pairs(spark, texts: Sequence[Text]) -> tuple[Pairs, Pairs]:
    """The pairs of documents and of passages whose signatures share a band and pass ``same_text``:
    each document signed on the executors (:func:`onrecord.link.dedup.signed`), its signatures cut
    into band keys there, every bucket's pairs decided there; only the passing pairs come back."""
    if not texts:
        return [], []
    sc = spark.sparkContext
    rdd = sc.parallelize(list(texts), max(1, min(len(texts) // 500 + 1, 4 * sc.defaultParallelism)))
    buckets = rdd.flatMap(_in_bands).groupByKey()
    pairs = buckets.flatMap(_bucket_pairs).distinct().collect()
    return (sorted(pair for kind, pair in pairs if kind == "doc"),
            sorted(pair for kind, pair in pairs if kind == "passage"))


def _in_bands(text: Text) -> Iterator[tuple[tuple[str, int, bytes], tuple[str, np.ndarray]]]:
    from onrecord.link.dedup import DOC_THRESHOLD, PASSAGE_THRESHOLD, band_keys, signed

    doc_signature, passages = signed(text)
    for kind, threshold, key, signature in [("doc", DOC_THRESHOLD, text[0], doc_signature)] + [
            ("passage", PASSAGE_THRESHOLD, key, sig) for key, sig in passages]:
        for band, values in band_keys(signature, threshold):
            yield (kind, band, values), (key, signature)


def _bucket_pairs(bucket: tuple[tuple[str, int, bytes], Iterable[tuple[str, np.ndarray]]]
                  ) -> Iterator[tuple[str, tuple[str, str]]]:
    from onrecord.link.dedup import DOC_THRESHOLD, PASSAGE_THRESHOLD, same_text

    kind = bucket[0][0]
    threshold = DOC_THRESHOLD if kind == "doc" else PASSAGE_THRESHOLD
    members = sorted(bucket[1], key=lambda m: m[0])
    for i, (a, sig_a) in enumerate(members):
        for b, sig_b in members[i + 1:]:
            if a != b and same_text(sig_a, sig_b, threshold):
                yield kind, (a, b)


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
