"""``onrecord build --engine spark``: the inputs analysed on Spark, stored and linked by the local build.

The driver reads the local formats with :mod:`onrecord.ingest` (and skips those unchanged, as the
local build does); Parquet datasets and inputs on a Hadoop-compatible path (``hdfs://``, ``s3a://``,
``file://``, ...; JSONL there) are read by Spark itself and filtered against the ledger's content
hashes on the executors. Every input then goes through the local per-article function
(:func:`onrecord.pipeline.process_batch`) in ``mapPartitions``, and the results come back to the
driver partition by partition, in input order, to be stored and linked by :func:`onrecord.pipeline.build`
with the same store and link code: the ledger is the local build's, ids included. In the link step the
candidate pairs of the duplicates (MinHash LSH buckets) and of the stories (inverted indexes within
the time window) are found by Spark jobs (:mod:`onrecord.spark.link`, :meth:`SparkEngine.link_jobs`).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from onrecord.models import Analysis, Problem, RawInput
from onrecord.settings import Settings
from onrecord.spark import tasks

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext

    from onrecord.link.core import LinkJobs
    from onrecord.pipeline import BuildSummary
    from onrecord.store.ledger import Ledger

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_dataset(path: str) -> bool:
    """True for an input Spark reads itself: a Parquet file or folder, or a path with a scheme
    other than http(s) (an http URL is fetched by the local ingest)."""
    scheme = _SCHEME.match(path)
    if scheme and not path.lower().startswith(("http://", "https://")):
        return True
    return path.rstrip("/").lower().endswith(".parquet")


def for_inputs(inputs: Sequence[str], master: str | None, rebuild: bool) -> tuple[tuple[str, ...], SparkEngine]:
    """The inputs the local ingest reads, and the engine that reads the rest and runs the analysis."""
    local = tuple(p for p in inputs if not is_dataset(str(p)))
    datasets = tuple(str(p) for p in inputs if is_dataset(str(p)))
    return local, SparkEngine(master, datasets, rebuild)


@dataclass(frozen=True, slots=True)
class SparkEngine:
    """Runs :func:`onrecord.pipeline.process_batch` on Spark (see the module's docstring)."""

    master: str | None = None
    datasets: tuple[str, ...] = ()
    rebuild: bool = False

    def analyse(self, ledger: Ledger, todo: Sequence[RawInput], settings: Settings,
                summary: BuildSummary) -> Iterator[Analysis | Problem]:
        from onrecord.spark.context import spark_for

        if not todo and not self.datasets:
            return  # nothing to analyse: no Spark job (nor JVM) at all
        spark = spark_for(self.master)
        sc = spark.sparkContext
        parts: list[RDD] = []
        if todo:
            parts.append(sc.parallelize(list(todo), partitions(len(todo), sc.defaultParallelism, settings)))
        skipped = sc.accumulator(0)
        if self.datasets:
            known = {} if self.rebuild else ledger.input_states()
            keep = functools.partial(_keep, known=sc.broadcast(known), readers=summary.analysis, skipped=skipped)
            for path in self.datasets:
                parts.append(read_dataset(spark, path, settings).filter(keep))
        rdd = parts[0] if len(parts) == 1 else sc.union(parts)
        analysed = rdd.mapPartitions(functools.partial(_analyse, settings=settings))
        yield from in_waves(sc, analysed)
        summary.skipped += skipped.value

    def link_jobs(self) -> LinkJobs:
        """The link's candidate pairs found on Spark (:mod:`onrecord.spark.link`), decided as locally."""
        from onrecord.link.core import LinkJobs

        return LinkJobs(self.pairs, self.story_pairs)

    def pairs(self, texts: Sequence[tuple[str, str, tuple[tuple[int, int], ...]]]
              ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The duplicate documents' and passages' pairs, found on Spark."""
        from onrecord.spark.context import spark_for
        from onrecord.spark.link import duplicate_pairs

        return duplicate_pairs(spark_for(self.master), texts)

    def story_pairs(self, tops: Sequence[Sequence[str]], days: Sequence[int | None],
                    window: int) -> set[tuple[int, int]]:
        """The stories' candidate pairs, found on Spark."""
        from onrecord.spark.context import spark_for
        from onrecord.spark.link import story_pairs

        return story_pairs(spark_for(self.master), tops, days, window)


def partitions(n: int, parallelism: int, settings: Settings) -> int:
    """Partitions for ``n`` articles: batches of ``settings.batch``, at least one per core when
    there are enough, so that the last tasks are short."""
    return max(1, min(n, max(math.ceil(n / settings.batch), parallelism)))


def _keep(item: RawInput | Problem, known, readers: str, skipped) -> bool:
    if tasks.unchanged(item, known.value, readers):
        skipped.add(1)
        return False
    return True


def _analyse(items, settings: Settings) -> Iterator[Analysis | Problem]:
    """Problems of the input side pass through; inputs are analysed (``tasks.analyse_partition``)."""
    inputs: list[RawInput] = []
    for item in items:
        if isinstance(item, Problem):
            yield item
        else:
            inputs.append(item)
    yield from tasks.analyse_partition(inputs, settings)


def in_waves(sc: SparkContext, rdd: RDD, ahead: int = 2) -> Iterator:
    """The elements of ``rdd`` in partition order, computed in jobs of two partitions per core,
    ``ahead`` jobs queued at once so that the cores never wait for the driver to store a wave."""
    n = rdd.getNumPartitions()
    wave = max(1, 2 * sc.defaultParallelism)
    starts = list(range(0, n, wave))
    pool = ThreadPoolExecutor(max_workers=ahead)
    try:
        jobs = [pool.submit(sc.runJob, rdd, _identity, list(range(s, min(n, s + wave)))) for s in starts[:ahead]]
        for i in range(len(starts)):
            if i + ahead < len(starts):
                s = starts[i + ahead]
                jobs.append(pool.submit(sc.runJob, rdd, _identity, list(range(s, min(n, s + wave)))))
            yield from jobs[i].result()
            jobs[i] = None  # type: ignore[call-overload]  # the wave is stored: let it go
    except BaseException:  # an interrupted build: the queued jobs are cancelled, not waited for
        sc.cancelAllJobs()
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _identity(items):
    return items


def read_dataset(spark, path: str, settings: Settings) -> RDD:
    """A Parquet dataset, or JSONL lines, at ``path`` as an RDD of ``RawInput | Problem``."""
    reader = functools.partial(tasks.rows_to_inputs, path=path)
    if path.rstrip("/").lower().endswith(".parquet"):
        rows = spark.read.parquet(path).rdd.map(_plain_row)
        return rows.zipWithIndex().mapPartitions(reader)
    lines = spark.read.text(path).rdd.map(lambda row: row.value).zipWithIndex()
    parsed = lines.mapPartitions(functools.partial(tasks.lines_to_rows, path=path))
    problems = parsed.filter(lambda x: isinstance(x, Problem))
    rows = parsed.filter(lambda x: not isinstance(x, Problem)).mapPartitions(reader)
    return problems.union(rows)


def _plain_row(row) -> dict:
    """A Spark row as a dict of JSON-like values (dates and timestamps in ISO form)."""
    out = {}
    for key, value in row.asDict(recursive=True).items():
        out[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return out
