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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from onrecord.models import Analysis, Document, Problem, RawInput
from onrecord.settings import DEFAULT, Settings
from onrecord.workers import BuildInterrupted, Workers, interruptible, ordered, schedule

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from onrecord.corrections import Corrections
    from onrecord.link.dedup import Presigned
    from onrecord.store.ledger import Ledger

log = logging.getLogger(__name__)

# The version of the extractors' output: raised when the same input gives other records (new
# tables, other readings), so that ledgers built by an older onrecord analyse their inputs again.
EXTRACTORS = 2


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
    def analysis(self) -> str:
        """What each input's analysis is kept under: the quote readers and the version of the
        extractors (:data:`EXTRACTORS`), so an input analysed by other readers or by an older
        onrecord is analysed again."""
        return f"{self.readers}+x{EXTRACTORS}"

    @property
    def errors(self) -> int:
        """The problems that kept an input out of the ledger (notes excluded)."""
        return sum(p.severity == "error" for p in self.problems)

    @property
    def ok(self) -> bool:
        """False only when inputs were given and nothing could be ingested."""
        return self.added + self.skipped > 0 or not self.errors


def content_hash(raw: RawInput) -> str:
    return hashlib.sha256(raw.content.encode("utf-8", "surrogatepass")).hexdigest()


def process_batch(raws: Sequence[RawInput], settings: Settings = DEFAULT) -> list[Analysis | Problem]:
    """The per-article stages for a batch: a pure function of its inputs and the settings (safe
    to run anywhere). A body over ``settings.window`` characters is analysed in windows of whole
    paragraphs; one over ``settings.max_chars`` is a problem. An article in a language the
    extractors do not read (``Document.not_analysed``) is an analysis with no extracted records."""
    from onrecord.extract.analyze import with_published

    out: list[Analysis | Problem | None] = [None] * len(raws)
    short: list[tuple[int, Document]] = []
    long: list[tuple[int, Document]] = []
    for i, raw in enumerate(raws):
        result = _clean(raw)
        if isinstance(result, Problem):
            out[i] = result
        elif result.not_analysed:
            out[i] = Analysis(with_published(result))  # stored, dated and searchable; nothing extracted
        elif len(result.body) > settings.max_chars:
            out[i] = Problem(result.source, "nlp", f"the article has {len(result.body):,} characters, over the cap "
                             f"of {settings.max_chars:,} (Settings.max_chars): not analysed")
        else:
            (long if len(result.body) > settings.window else short).append((i, with_published(result)))
    _analyse_short(short, out, settings)
    for i, document in long:
        out[i] = analyse_long(document, settings)
    return [r for r in out if r is not None]


def _clean(raw: RawInput) -> Document | Problem:
    from onrecord.clean import clean

    try:
        return clean(raw)
    except Exception as exc:  # noqa: BLE001 — a failure is data
        log.exception("cleaning %s failed", raw.source)
        return Problem(raw.source, "clean", f"cleaner failed ({type(exc).__name__}: {exc})")


def _analyse_short(docs: Sequence[tuple[int, Document]], out: list, settings: Settings) -> None:
    """Analyse articles of one window each, with one ``nlp.pipe`` over their bodies; when spaCy
    fails on one, the rest are parsed one at a time so the failure stays that article's problem."""
    from onrecord.nlp.pipeline import load

    nlp = load()
    done = 0
    try:
        texts = (document.body for _, document in docs)
        for (i, document), doc in zip(docs, nlp.pipe(texts, batch_size=settings.batch), strict=True):
            out[i] = _extract(document, lambda doc=doc: doc, settings)
            done += 1
    except Exception:  # noqa: BLE001
        log.exception("spaCy failed on a batch; parsing its articles one at a time")
        for i, document in docs[done:]:
            out[i] = _extract(document, lambda document=document: nlp(document.body), settings)


def _extract(document: Document, parse: Callable[[], Doc], settings: Settings) -> Analysis | Problem:
    from onrecord.extract.analyze import analyze
    from onrecord.nlp.pipeline import parsed_from

    try:
        doc = parsed_from(parse(), document.body)
    except Exception as exc:  # noqa: BLE001
        log.exception("parsing %s failed", document.source)
        return Problem(document.source, "nlp", f"spaCy failed ({type(exc).__name__}: {exc})")
    try:
        return analyze(document, doc, settings)
    except Exception as exc:  # noqa: BLE001
        log.exception("extracting from %s failed", document.source)
        return Problem(document.source, "extract", f"extraction failed ({type(exc).__name__}: {exc})")


def analyse_long(document: Document, settings: Settings = DEFAULT) -> Analysis | Problem:
    """Analyse a long article window by window (one spaCy Doc at a time, so memory is bounded
    by the window size) and merge the windows' records, offsets into the whole body."""
    from onrecord.extract.windows import analyze_windows
    from onrecord.nlp.pipeline import load
    from onrecord.nlp.windows import windows

    spans = windows(document.body, settings.window)
    log.info("%s: %d characters, analysed in %d windows", document.source, len(document.body), len(spans))
    try:
        docs = load().pipe((document.body[s:e] for s, e in spans), batch_size=1)
        return analyze_windows(document, spans, docs, settings)
    except Exception as exc:  # noqa: BLE001
        log.exception("analysing %s in windows failed", document.source)
        return Problem(document.source, "extract", f"analysis in {len(spans)} windows failed "
                       f"({type(exc).__name__}: {exc})")


def _batches(items: Iterable[RawInput], size: int) -> Iterator[list[RawInput]]:
    batch: list[RawInput] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def worker_count(settings: Settings) -> int:
    """The worker processes a build runs: ``settings.workers``, else the CPU count (at most 4)."""
    return settings.workers if settings.workers is not None else min(os.cpu_count() or 1, 4)


def warm_up() -> None:
    """Load the spaCy pipeline in this process (a worker runs it once, before its first batch),
    then leave it out of the garbage collector's rounds (:func:`onrecord.collector.settle`)."""
    from onrecord.collector import settle
    from onrecord.nlp.pipeline import load

    load()
    settle()


def analyse_all(raws: Sequence[RawInput], settings: Settings = DEFAULT,
                pool: Workers | None = None) -> Iterator[Analysis | Problem]:
    """Run :func:`process_batch` over ``raws``, in worker processes when there are many (each
    receives the settings with its batch), results in input order as they finish. ``pool``: the
    build's :class:`Workers` (started already or not); otherwise one is started here."""
    workers = worker_count(settings)
    if workers <= 1 or len(raws) < settings.parallel_from:
        for batch in _batches(raws, settings.batch):
            yield from process_batch(batch, settings)
        return
    own = pool is None
    pool = pool or Workers(workers, warm_up)
    task = functools.partial(process_batch, settings=settings)
    try:
        yield from chain.from_iterable(ordered(pool.start(), task, schedule(raws, settings.batch, workers),
                                               ahead=2 * workers + 1))
    except BaseException:  # an interrupted build (or an abandoned generator) stops its workers now
        pool.stop()
        raise
    if own:
        pool.close()


class Engine(Protocol):
    """Where the per-article stages run instead of this machine's workers (``onrecord.spark``)."""

    def analyse(self, ledger: Ledger, todo: Sequence[RawInput], settings: Settings,
                summary: BuildSummary) -> Iterator[Analysis | Problem]:
        """The results of :func:`process_batch` over ``todo`` and over any inputs the engine reads
        itself (those unchanged in ``ledger`` counted in ``summary.skipped``), in a fixed order."""
        ...


def build(paths: Iterable[str | Path], db: str | Path = "onrecord.db", *, rebuild: bool = False,
          workers: int | None = None, corrections: str | Path | None = None,
          max_bytes: int | None = None, progress: Callable[[int, int], None] | None = None,
          meta: str | Path | None = None, settings: Settings | None = None,
          engine: Engine | None = None) -> BuildSummary:
    """Ingest ``paths`` (files, folders, URLs) into the ledger at ``db`` and link the whole ledger.

    Unchanged inputs (same source, same content hash, analysed by the same quote readers:
    ``Settings.fingerprint``) are skipped unless ``rebuild``. Bad inputs are recorded as problems
    and skipped; each article is stored in its own transaction. ``meta`` is a manifest of metadata
    for inputs that lack it (see :mod:`onrecord.ingest.manifest`). ``settings`` (default:
    ``Settings()``) say how to read the quotes and how many processes to run; ``workers`` and
    ``max_bytes``, when given, replace theirs. ``engine``: run the per-article stages there (e.g.
    on Spark) instead of in local worker processes; storing and linking stay the same.
    """
    from onrecord.collector import fewer_collections
    from onrecord.extract.quotes import effective
    from onrecord.link.dedup import Presigned
    from onrecord.store.ledger import Ledger

    settings = settings or DEFAULT
    given = {"workers": workers, "max_bytes": max_bytes}
    settings = effective(replace(settings, **{k: v for k, v in given.items() if v is not None}))
    summary = BuildSummary(Path(db), readers=settings.fingerprint())
    fixes = load_corrections(corrections_path(db, corrections))  # a broken file stops the build before any work
    with Ledger(db, busy_timeout=settings.busy_timeout) as ledger, interruptible(), fewer_collections(), \
            Workers(worker_count(settings), warm_up) as pool:
        build_id = ledger.start_build(summary.readers)
        try:
            todo = _to_analyse(ledger, paths, meta, rebuild, settings, summary, build_id,
                               pool if engine is None else None)
            results = (analyse_all(todo, settings, pool) if engine is None
                       else engine.analyse(ledger, todo, settings, summary))
            # the local link's duplicate signatures are made as each analysis is stored, while the
            # workers parse the next ones, not in the serial link pass after the last
            presigned = Presigned() if not hasattr(engine, "link_jobs") else None
            stored = store_results(ledger, todo, results, summary, build_id, progress, presigned)
            pool.close()  # the link pass runs without idle workers holding memory
            summary.failed = summary.errors
            # corrections apply on every build; articles stored by an unfinished build get linked
            if summary.added or rebuild or fixes is not None or ledger.needs_link():
                link_ledger(ledger, fixes, engine.link_jobs() if hasattr(engine, "link_jobs") else None,
                            stored=(stored, summary.analysis), presigned=presigned)
        except BuildInterrupted:
            ledger.finish_build(build_id, summary.added, summary.skipped, summary.errors, "interrupted")
            raise
        ledger.finish_build(build_id, summary.added, summary.skipped, summary.failed)
        summary.documents = ledger.count("documents")
        summary.stories = ledger.count("stories")
    return summary


def _to_analyse(ledger: Ledger, paths: Iterable[str | Path], meta: str | Path | None, rebuild: bool,
                settings: Settings, summary: BuildSummary, build_id: int,
                pool: Workers | None = None) -> list[RawInput]:
    """The inputs to analyse: read, given the manifest's metadata, and (unless ``rebuild``) not
    analysed already with the same content and readers; the others are counted or recorded. Once
    there are enough for a parallel build, ``pool`` is started: its workers load the model while
    the rest is read."""
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
        if not rebuild and ledger.input_state(item.source) == (content_hash(item), summary.analysis):
            summary.skipped += 1  # an input analysed by other quote readers is analysed again
            continue
        todo.append(item)
        if pool is not None and pool.workers > 1 and len(todo) == settings.parallel_from:
            pool.start()
    return todo


def store_results(ledger: Ledger, todo: Sequence[RawInput], results: Iterable[Analysis | Problem],
                  summary: BuildSummary, build_id: int,
                  progress: Callable[[int, int], None] | None,
                  presigned: Presigned | None = None) -> dict[str, Analysis]:
    """Store each analysis (or its problem) of ``results`` in the ledger, in their order, as they
    come; ``todo`` gives the content hashes of the inputs and the total for ``progress``. Returns
    the analyses stored, by document id (the link pass takes them instead of reading them back);
    each is also signed for the link's duplicates into ``presigned`` when given."""
    from onrecord.store.ledger import LedgerLocked

    readers = summary.analysis
    hashes = {raw.source: content_hash(raw) for raw in todo}
    stored: dict[str, Analysis] = {}
    for done, result in enumerate(results, start=1):
        if isinstance(result, Problem):
            summary.problems.append(result)
            ledger.record_problem(result, build_id, hashes.get(result.input), readers)
        else:
            try:
                ledger.add(result, readers)
                stored[result.document.id] = result
                summary.added += 1
                if presigned is not None:
                    presigned.add(result)
                if result.document.not_analysed:
                    note = Problem(result.document.source, "clean", f"stored, not analysed: "
                                   f"{result.document.not_analysed} (the extractors read English)", "note")
                    summary.problems.append(note)
                    ledger.record_problem(note, build_id)
            except LedgerLocked:
                raise  # nothing can be stored while another process holds the lock: the build stops
            except Exception as exc:  # noqa: BLE001
                problem = Problem(result.document.source, "store", str(exc))
                summary.problems.append(problem)
                ledger.record_problem(problem, build_id)
        if progress:
            progress(done, max(done, len(todo)))
    return stored


def corrections_path(db: str | Path, corrections: str | Path | None) -> Path:
    """The user's corrections file: given explicitly, or ``<ledger>.corrections.json`` beside the ledger."""
    from onrecord.corrections import default_path

    return Path(corrections) if corrections else default_path(db)


def load_corrections(path: Path) -> Corrections | None:
    """The corrections in the file at ``path``, or None when there is no file. A file that cannot
    be read raises :class:`~onrecord.corrections.CorrectionError` naming the file, line and reason."""
    from onrecord.corrections import load

    return load(path) if path.exists() else None


def link_ledger(ledger: Ledger, corrections: Path | Corrections | None = None, jobs=None,
                stored: tuple[Mapping[str, Analysis], str] | None = None,
                presigned: Presigned | None = None) -> None:
    """The cross-article stage over the whole ledger, written in one transaction; ``corrections``
    are the user's (a file, or read already); ``jobs``: the link's candidate pairs found by an
    engine (``onrecord.spark.link``); ``stored``: the analyses the build has just stored and the
    readers it stored them with, taken as they are instead of read back (``Ledger.analyses``);
    ``presigned``: the duplicates' signatures of those analyses, made as they were stored."""
    from onrecord.link import link
    from onrecord.link.entities import merge_entities
    from onrecord.link.relations import edge_of, relation_edges

    fixes = load_corrections(corrections) if isinstance(corrections, Path) else corrections
    wrong = sorted(fixes.wrong_items) if fixes is not None else []
    generation = ledger.generations()[0]  # what this pass reads: articles stored later wait for the next
    analyses = list(ledger.analyses(*stored) if stored else ledger.analyses())
    index = merge_entities([(a.document.id, a.actors) for a in analyses], fixes)
    previous = _previous_stories(ledger)
    result = link(analyses, index.entity_of, previous=previous, jobs=jobs, presigned=presigned)
    edges = edge_of(relation_edges(analyses, index.entity_of))
    ledger.replace_links(result, index, wrong_items=wrong, generation=generation, relation_edges=edges)


def _previous_stories(ledger) -> list:
    from onrecord.link.records import Story

    docs: dict[str, list[str]] = {}
    for row in ledger.rows("story_docs", order="story_id, doc_id"):
        docs.setdefault(row["story_id"], []).append(row["doc_id"])
    return [Story(row["id"], row["title"], tuple(docs.get(row["id"], ())))
            for row in ledger.rows("stories", order="id")]
