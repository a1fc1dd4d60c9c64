"""What runs on the Spark executors: the local per-article function over a partition, and rows
of a distributed input turned into ``RawInput`` records. Plain functions of their arguments, so
Spark pickles them by reference; the spaCy model is loaded once per Python worker process
(``onrecord.nlp.pipeline.load`` is cached per process and Spark reuses its Python workers)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from onrecord.models import Analysis, Problem, RawInput
from onrecord.settings import Settings


def analyse_partition(items: Iterable[RawInput], settings: Settings) -> Iterator[Analysis | Problem]:
    """:func:`onrecord.pipeline.process_batch` over a partition, ``settings.batch`` articles at a
    time, results in input order."""
    from onrecord.pipeline import process_batch

    batch: list[RawInput] = []
    for item in items:
        batch.append(item)
        if len(batch) == settings.batch:
            yield from process_batch(batch, settings)
            batch = []
    if batch:
        yield from process_batch(batch, settings)


def rows_to_inputs(rows: Iterable[tuple[dict, int]], path: str) -> Iterator[RawInput | Problem]:
    """Rows of a Parquet or JSONL dataset at ``path``, each with its 0-based position, as inputs
    named like the local JSONL reader names them (``PATH#ID``, the row's ``id`` or its number)."""
    from onrecord.ingest.sources import row_to_input

    for row, index in rows:
        yield from row_to_input(Path(path), index + 1, row)


def lines_to_rows(lines: Iterable[tuple[str, int]], path: str) -> Iterator[tuple[dict, int] | Problem]:
    """Lines of a JSONL dataset, each with its 0-based position, parsed (blank lines skipped, a
    malformed line a problem, as the local reader does)."""
    import json

    from onrecord.ingest.names import problem

    for line, index in lines:
        if not line.strip():
            continue
        try:
            yield json.loads(line), index
        except (json.JSONDecodeError, RecursionError) as exc:
            why = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield problem(f"{path}:{index + 1}", "ingest", f"malformed JSONL line {index + 1}: {why}")


def unchanged(item: RawInput | Problem, known: dict[str, tuple[str, str]], readers: str) -> bool:
    """True when ``item`` was analysed already with the same content and quote readers."""
    from onrecord.pipeline import content_hash

    return isinstance(item, RawInput) and known.get(item.source) == (content_hash(item), readers)
