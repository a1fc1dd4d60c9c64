"""The Spark engine and the local build store the same ledger from the same inputs, ids included."""

from __future__ import annotations

from pathlib import Path

from generated_news import compare_exports, export_without_clocks


def test_spark_and_local_builds_export_the_same_records(built, tmp_path: Path) -> None:
    local = export_without_clocks(built.local, tmp_path / "local.json")
    spark = export_without_clocks(built.spark, tmp_path / "spark.json")
    assert len(local["documents"]) == built.articles + 5
    for table in ("documents", "quotes", "claims", "entities", "stories", "links"):
        assert local[table], f"the local build stored no {table}: the comparison would prove nothing"
    diffs = list(compare_exports.differences(local, spark))
    assert not diffs, f"{len(diffs)} differences, the first: {diffs[:10]}"


def test_a_second_spark_build_skips_every_unchanged_input(built, tmp_path: Path) -> None:
    from onrecord.pipeline import build
    from onrecord.settings import Settings
    from onrecord.spark.engine import SparkEngine

    summary = build(built.inputs, built.spark, meta=built.meta,
                    settings=Settings(workers=2, parallel_from=16), engine=SparkEngine(built.master))
    assert (summary.added, summary.skipped, len(summary.problems)) == (0, built.articles + 5, 0)


def test_parquet_and_jsonl_datasets_are_read_by_spark_and_skipped_when_unchanged(built,
                                                                                  tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from onrecord.pipeline import build
    from onrecord.spark.engine import SparkEngine, is_dataset

    rows = [{"id": f"r{i}", "text": f"Headline {i}\n\nThe council said on Monday that {i} roads would close.",
             "outlet": "Example News", "published": f"2024-03-0{i + 1}"} for i in range(3)]
    parquet = tmp_path / "rows.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet)
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text('{"id": "x1", "text": "Mayor quits\\n\\nThe mayor said she would resign."}\n\nnot json\n')
    datasets = (str(parquet), jsonl.resolve().as_uri())
    assert all(is_dataset(p) for p in datasets) and not is_dataset(str(jsonl)) and not is_dataset("https://a.b/c")
    db = tmp_path / "datasets.db"
    first = build((), db, engine=SparkEngine(built.master, datasets))
    assert first.added == 4 and [p.stage for p in first.problems] == ["ingest"]
    again = build((), db, engine=SparkEngine(built.master, datasets))
    assert (again.added, again.skipped) == (0, 4)


def test_the_duplicate_pairs_found_on_spark_give_the_local_groups(built) -> None:
    from onrecord.link.common import published_order
    from onrecord.link.dedup import find_duplicates
    from onrecord.spark.engine import SparkEngine
    from onrecord.store.ledger import Ledger

    with Ledger(built.local) as ledger:
        analyses = list(ledger.analyses())
    order = published_order(analyses)
    local, _ = find_duplicates(analyses, order)
    spark, _ = find_duplicates(analyses, order, SparkEngine(built.master).pairs)
    assert local and spark == local


def test_the_story_pairs_found_on_spark_are_the_local_candidates(built) -> None:
    import random

    from onrecord.link.stories import UNDATED_POSTING, candidates
    from onrecord.spark.engine import SparkEngine

    rng = random.Random(7)
    vocabulary = [f"t{k}" for k in range(40)]
    # enough undated documents on one term that the undated cap applies, and days on both sides of a window
    tops = [rng.sample(vocabulary, 6) + ["common"] for _ in range(UNDATED_POSTING + 150)]
    days = [None if i % 3 == 0 else 19000 + rng.randrange(30) for i in range(len(tops))]
    local = candidates(tops, days, 7)
    assert len(local) > 1000
    assert SparkEngine(built.master).story_pairs(tops, days, 7) == local
