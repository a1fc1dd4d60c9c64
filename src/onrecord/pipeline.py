"""The build: ingest → clean → nlp → extract per article (batched, in parallel), then link, into the ledger.

>>> import onrecord
>>> summary = onrecord.build(["examples/corpus"], db="dossier.db")   # doctest: +SKIP
>>> summary.added, summary.skipped, len(summary.problems)            # doctest: +SKIP
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from onrecord.models import Analysis, Problem, RawInput
from onrecord.settings import DEFAULT, Settings

if TYPE_CHECKING:
    from onrecord.store.ledger import Ledger

log = logging.getLogger(__name__)


@dataclass(slots=True)
class BuildSummary:
    db: Path
    added: int = 0
    skipped: int = 0
    failed: int = 0
    problems: list[Problem] = field(default_factory=list)
    documents: int = 0
    stories: int = 0
    readers: str = ""  # the quote readers this build read with (``Settings.fingerprint``)

    @property
    def ok(self) -> bool:
        """False only when inputs were given and nothing could be ingested."""
        return self.added + self.skipped > 0 or not self.problems


def content_hash(raw: RawInput) -> str:
    return hashlib.sha256(raw.content.encode("utf-8", "surrogatepass")).hexdigest()


def process_batch(raws: Sequence[RawInput], settings: Settings = DEFAULT) -> list[Analysis | Problem]:
    """The per-article stages for a batch: a pure function of its inputs and the settings (safe
    to run anywhere)."""
    from onrecord.clean import clean
    from onrecord.extract.analyze import analyze, with_published
    from onrecord.nlp.pipeline import load

    out: list[Analysis | Problem | None] = [None] * len(raws)
    docs = []
    for i, raw in enumerate(raws):
        try:
            result = clean(raw)
        except Exception as exc:  # noqa: BLE001 — a failure is data
            log.exception("cleaning %s failed", raw.source)
            result = Problem(raw.source, "clean", f"cleaner failed ({type(exc).__name__}: {exc})")
        if isinstance(result, Problem):
            out[i] = result
        else:
            docs.append((i, with_published(result)))
    nlp = load()
    texts = (document.body for _, document in docs)
    for (i, document), doc in zip(docs, nlp.pipe(texts, batch_size=settings.batch), strict=True):
        try:
            out[i] = analyze(document, doc, settings)
        except Exception as exc:  # noqa: BLE001
            log.exception("extracting from %s failed", document.source)
            out[i] = Problem(document.source, "extract", f"extraction failed ({type(exc).__name__}: {exc})")
    return [r for r in out if r is not None]


def _batches(items: Iterable[RawInput], size: int) -> Iterator[list[RawInput]]:
    batch: list[RawInput] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyse_all(raws: Sequence[RawInput], settings: Settings = DEFAULT) -> Iterator[Analysis | Problem]:
    """Run :func:`process_batch` over ``raws``, in worker processes when there are many (each
    receives the settings with its batch)."""
    workers = settings.workers if settings.workers is not None else min(os.cpu_count() or 1, 4)
    if workers <= 1 or len(raws) < settings.parallel_from:
        for batch in _batches(raws, settings.batch):
            yield from process_batch(batch, settings)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # map keeps input order and streams results as batches finish
        task = functools.partial(process_batch, settings=settings)
        for results in pool.map(task, _batches(raws, settings.batch * 2)):
            yield from results


def build(paths: Iterable[str | Path], db: str | Path = "onrecord.db", *, rebuild: bool = False,
          workers: int | None = None, corrections: str | Path | None = None,
          max_bytes: int | None = None, progress: Callable[[int, int], None] | None = None,
          meta: str | Path | None = None, settings: Settings | None = None) -> BuildSummary:
    """Ingest ``paths`` (files, folders, URLs) into the ledger at ``db`` and link the whole ledger.

    Unchanged inputs (same source, same content hash, analysed by the same quote readers:
    ``Settings.fingerprint``) are skipped unless ``rebuild``. Bad inputs are recorded as problems
    and skipped; each article is stored in its own transaction. ``meta`` is a manifest of metadata
    for inputs that lack it (see :mod:`onrecord.ingest.manifest`). ``settings`` (default:
    ``Settings()``) say how to read the quotes and how many processes to run; ``workers`` and
    ``max_bytes``, when given, replace theirs.
    """
    from onrecord.extract.quotes import effective
    from onrecord.store.ledger import Ledger

    settings = settings or DEFAULT
    given = {"workers": workers, "max_bytes": max_bytes}
    settings = effective(replace(settings, **{k: v for k, v in given.items() if v is not None}))
    summary = BuildSummary(Path(db), readers=settings.fingerprint())
    with Ledger(db) as ledger:
        build_id = ledger.start_build(summary.readers)
        todo = _to_analyse(ledger, paths, meta, rebuild, settings, summary, build_id)
        _analyse_into(ledger, todo, settings, summary, build_id, progress)
        summary.failed = len(summary.problems)
        fixes = corrections_path(db, corrections)
        if summary.added or rebuild or fixes.exists():  # corrections apply on every build
            link_ledger(ledger, fixes)
        ledger.finish_build(build_id, summary.added, summary.skipped, summary.failed)
        summary.documents = ledger.count("documents")
        summary.stories = ledger.count("stories")
    return summary


def _to_analyse(ledger: Ledger, paths: Iterable[str | Path], meta: str | Path | None, rebuild: bool,
                settings: Settings, summary: BuildSummary, build_id: int) -> list[RawInput]:
    """The inputs to analyse: read, given the manifest's metadata, and (unless ``rebuild``) not
    analysed already with the same content and readers; the others are counted or recorded."""
    from onrecord.ingest import MAX_BYTES, iter_inputs

    manifest = None
    if meta is not None:
        from onrecord.ingest.manifest import load as load_manifest

        manifest = load_manifest(meta)
    todo: list[RawInput] = []
    for item in iter_inputs(paths, settings.max_bytes or MAX_BYTES):
        if isinstance(item, Problem):
            summary.problems.append(item)
            ledger.record_problem(item, build_id)
            continue
        if manifest is not None:
            item = manifest.apply(item)
        if not rebuild and ledger.input_state(item.source) == (content_hash(item), summary.readers):
            summary.skipped += 1  # an input analysed by other quote readers is analysed again
            continue
        todo.append(item)
    return todo


def _analyse_into(ledger: Ledger, todo: Sequence[RawInput], settings: Settings, summary: BuildSummary,
                  build_id: int, progress: Callable[[int, int], None] | None) -> None:
    """Analyse ``todo`` and store each analysis (or its problem) in the ledger."""
    readers = summary.readers
    hashes = {raw.source: content_hash(raw) for raw in todo}
    for done, result in enumerate(analyse_all(todo, settings), start=1):
        if isinstance(result, Problem):
            summary.problems.append(result)
            ledger.record_problem(result, build_id, hashes.get(result.input), readers)
        else:
            try:
                ledger.add(result, readers)
                summary.added += 1
            except Exception as exc:  # noqa: BLE001
                problem = Problem(result.document.source, "store", str(exc))
                summary.problems.append(problem)
                ledger.record_problem(problem, build_id)
        if progress:
            progress(done, len(todo))


def corrections_path(db: str | Path, corrections: str | Path | None) -> Path:
    """The user's corrections file: given explicitly, or ``<ledger>.corrections.json`` beside the ledger."""
    from onrecord.corrections import default_path

    return Path(corrections) if corrections else default_path(db)


def link_ledger(ledger, corrections: Path | None = None) -> None:
    """The cross-article stage over the whole ledger, written in one transaction."""
    from onrecord.link import link
    from onrecord.link.entities import merge_entities

    fixes = None
    wrong: list[str] = []
    if corrections is not None and corrections.exists():
        from onrecord.corrections import load as load_corrections

        fixes = load_corrections(corrections)
        wrong = list(getattr(fixes, "wrong_items", ()) or ())
    analyses = list(ledger.analyses())
    index = merge_entities([(a.document.id, a.actors) for a in analyses], fixes)
    previous = _previous_stories(ledger)
    result = link(analyses, index.entity_of, previous=previous)
    ledger.replace_links(result, index, wrong_items=wrong)


def _previous_stories(ledger) -> list:
    from onrecord.link.records import Story

    docs: dict[str, list[str]] = {}
    for row in ledger.rows("story_docs", order="story_id, doc_id"):
        docs.setdefault(row["story_id"], []).append(row["doc_id"])
    return [Story(row["id"], row["title"], tuple(docs.get(row["id"], ())))
            for row in ledger.rows("stories", order="id")]
