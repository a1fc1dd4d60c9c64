"""Build throughput on AllSides articles, and build time divided by a bare ``nlp.pipe`` of the same texts.

    .venv/bin/python scripts/bench_build.py [--n 1000] [--workers 2] [--allsides ../shared/datasets/allsides]
    .venv/bin/python scripts/bench_build.py --n 300 --timeline

Prints articles/second for ``onrecord build`` (ingest → clean → nlp → extract → link → store) with
``--workers`` processes and, in the same run, the time of a bare one-process ``nlp.pipe`` (same
model, same components, spaCy's own: ``load(stock=True)``) over the same article texts, the ratio
between the two, and the build's own pipeline (``load()``: the attribute ruler and lemmatizer as
``onrecord.nlp.tables``' array versions, the same attributes) in ``nlp.pipe`` with ``--workers``
processes as the ceiling (what the same processes do with no cleaning, extraction, link or store).
The model is loaded and warmed up once, untimed; the bare one-process pipe is timed before and after the build and the ratio uses the mean of the two
(timings on a shared machine drift by several per cent). The load average is printed at the start
and at the end: on a loaded machine the ratio is the figure to read, not the seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import os
import pstats
import tempfile
import time
from pathlib import Path


def sample(allsides: Path, n: int) -> list[dict]:
    rows = []
    with gzip.open(allsides / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("text"):
                rows.append(row)
            if len(rows) == n:
                break
    return rows


CPU: list[float] = []  # CPU seconds of the last timed part (this process and its ended children)


def cpu_now() -> float:
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def bare_pipe(texts: list[str], workers: int, stock: bool = True) -> float:
    from onrecord.nlp.pipeline import load

    nlp = load(stock=stock)
    cpu = cpu_now()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=workers):
        pass
    CPU.append(cpu_now() - cpu)
    return time.perf_counter() - start


def collections_timed() -> list[float]:
    """Time the garbage collector's rounds in this process: [seconds, rounds], added to as they run."""
    import gc

    spent = [0.0, 0]
    started = [0.0]

    def callback(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            spent[0] += time.process_time() - started[0]
            spent[1] += 1

    gc.callbacks.append(callback)
    return spent


def stage_times(rows: list[dict], settings, default_gc: bool = False, read_back: bool = False) -> dict[str, float]:
    """Each per-article stage and the link pass timed on its own, one after the other, in this
    process; the garbage collector set as in the build (``onrecord.collector``: the model frozen
    as a worker does, collections less often) unless ``default_gc``; the link pass reading every
    analysis back from the ledger with ``read_back``, else as the build does it."""
    import contextlib

    from onrecord.collector import fewer_collections, settle
    from onrecord.ingest.sources import row_to_input
    from onrecord.nlp.pipeline import load

    raws = [next(row_to_input(Path("bench.jsonl"), i, r)) for i, r in enumerate(rows, start=1)]
    nlp = load()
    if not default_gc:
        settle()
    with contextlib.nullcontext() if default_gc else fewer_collections():
        return _stages(raws, nlp, settings, read_back)


def _stages(raws, nlp, settings, read_back: bool) -> dict[str, float]:
    from onrecord.clean import clean
    from onrecord.extract.analyze import analyze, with_published
    from onrecord.nlp.pipeline import parsed_from
    from onrecord.pipeline import link_ledger
    from onrecord.store.ledger import Ledger

    times: dict[str, float] = {}

    def timed(name: str, fn):
        start, cpu = time.perf_counter(), time.process_time()
        out = fn()
        times[name] = time.perf_counter() - start
        STAGE_CPU[name] = time.process_time() - cpu
        return out

    docs = timed("clean", lambda: [with_published(d) for d in (clean(r) for r in raws) if not hasattr(d, "reason")])
    parsed = timed("nlp.pipe", lambda: list(nlp.pipe([d.body for d in docs], batch_size=16)))
    analyses = timed("extract", lambda: [analyze(d, parsed_from(p, d.body), settings)
                                         for d, p in zip(docs, parsed, strict=True)])
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "stages.db") as ledger:
        timed("store", lambda: [ledger.add(a, "bench") for a in analyses])
        # as the build links: the analyses it has just stored are taken as they are
        stored = None if read_back else ({a.document.id: a for a in analyses}, "bench")
        timed("link", lambda: link_ledger(ledger, None, stored=stored))
    return times


STAGE_CPU: dict[str, float] = {}  # CPU seconds of each stage of the last ``stage_times``


EXTRACTORS = ("extract_actors", "extract_quotes", "extract_claims", "extract_times", "extract_events",
              "extract_relations")


def time_extractors() -> dict[str, float]:
    """Wrap each extractor that ``analyze`` calls, so that the extract stage is split by
    extractor (CPU seconds of this process). Returns the dict the wrappers add seconds to."""
    import onrecord.extract.analyze as analyze

    spent = {name.removeprefix("extract_"): 0.0 for name in EXTRACTORS}

    def timed(fn, key):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[key] += time.process_time() - start
        return wrapper

    for name in EXTRACTORS:
        setattr(analyze, name, timed(getattr(analyze, name), name.removeprefix("extract_")))
    return spent


def time_parts() -> dict[str, float]:
    """Wrap the build's per-article stages so that the build reports where its time goes (in
    this process: use with ``--workers 1``). Returns the dict the wrappers add seconds to."""
    import onrecord.clean
    import onrecord.extract.analyze
    from onrecord.nlp.pipeline import load
    from onrecord.store.ledger import Ledger

    spent = {"clean": 0.0, "nlp.pipe": 0.0, "extract": 0.0, "store": 0.0}

    def timed(fn, key):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[key] += time.perf_counter() - start
        return wrapper

    onrecord.clean.clean = timed(onrecord.clean.clean, "clean")
    onrecord.extract.analyze.analyze = timed(onrecord.extract.analyze.analyze, "extract")
    Ledger.add = timed(Ledger.add, "store")
    nlp = load()
    pipe = nlp.pipe

    def timed_pipe(*args, **kwargs):
        docs = pipe(*args, **kwargs)
        while True:
            start = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                return
            finally:
                spent["nlp.pipe"] += time.perf_counter() - start
            yield doc

    nlp.pipe = timed_pipe
    return spent


def timeline(rows: list[dict], settings) -> None:
    """When the build's parts end (seconds from its start) and the CPU seconds of the build
    process and of its workers: where a core waits."""
    import resource

    import onrecord.pipeline as pipeline

    marks: list[tuple[str, float, float]] = []
    start = time.perf_counter()
    cpu0 = time.process_time()

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter() - start, time.process_time() - cpu0))

    analyse_all, link_ledger = pipeline.analyse_all, pipeline.link_ledger

    def traced(raws, settings, pool=None):
        mark("inputs read")
        for i, result in enumerate(analyse_all(raws, settings, *(() if pool is None else (pool,)))):
            if i == 0:
                mark("first result stored")
            yield result
        mark("last result stored")

    def traced_link(*args, **kwargs):
        mark("link starts")
        link_ledger(*args, **kwargs)
        mark("link ends")

    pipeline.analyse_all, pipeline.link_ledger = traced, traced_link
    children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    timed_build(rows, settings, None)
    mark("build ends")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    for name, wall, cpu in marks:
        print(f"{name:20} {wall:7.1f} s   build process CPU {cpu:6.1f} s")
    busy = (children.ru_utime + children.ru_stime) - (children0.ru_utime + children0.ru_stime)
    print(f"workers' CPU {busy:.1f} s over {marks[-1][1]:.1f} s of wall time")


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--allsides", type=Path, default=Path("../shared/datasets/allsides"))
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2, help="Processes of the build and of the ceiling pipe.")
    ap.add_argument("--profile", action="store_true", help="Print the top functions of the build.")
    ap.add_argument("--breakdown", action="store_true",
                    help="Time clean, nlp.pipe, extract and store inside the build (with --workers 1).")
    ap.add_argument("--bare-passes", default=None, metavar="SIZES",
                    help="Only time bare nlp.pipe passes, one after the other in a fresh process, with these "
                         "batch sizes (e.g. 16,16,64,256): the cold first pass and the batch size's effect.")
    ap.add_argument("--clean-bodies", action="store_true",
                    help="Also time a bare nlp.pipe of the cleaned bodies (what the build parses).")
    ap.add_argument("--timeline", action="store_true",
                    help="Only build, printing when each part ends and the CPU seconds of the build and its workers.")
    ap.add_argument("--stages", action="store_true",
                    help="Only time each stage on its own (the extract stage split by extractor), after a bare "
                         "one-process stock nlp.pipe, and print the ratios.")
    ap.add_argument("--default-gc", action="store_true",
                    help="With --stages: Python's default garbage collector settings, not the build's.")
    ap.add_argument("--read-back", action="store_true",
                    help="With --stages: the link pass reads every analysis back from the ledger, "
                         "not the ones just stored as they are.")
    ap.add_argument("--quotes", choices=["fast", "accurate"], default="fast",
                    help="Quote tagger of the build: fast (CRF, default) or accurate (MiniLM; onrecord[accurate]).")
    return ap.parse_args()


def bare_passes(texts: list[str], sizes: str) -> None:
    """Bare nlp.pipe passes one after the other, with these batch sizes."""
    from onrecord.nlp.pipeline import load

    nlp = load()  # loading is not timed; the first pass is
    for size in (int(x) for x in sizes.split(",")):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=size):
            pass
        print(f"bare nlp.pipe, batch size {size}: {time.perf_counter() - start:.1f} s")


def timed_build(rows: list[dict], settings, profiler: cProfile.Profile | None):
    """The build of ``rows`` in a temporary ledger: its summary, seconds and clean bodies."""
    import onrecord

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "allsides.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        db = Path(tmp) / "bench.db"
        cpu = cpu_now()
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        summary = onrecord.build([src], db=db, settings=settings)
        if profiler:
            profiler.disable()
        build_s = time.perf_counter() - start
        CPU.append(cpu_now() - cpu)
        with onrecord.Ledger(db, readonly=True) as ledger:
            bodies = [d["body"] for d in ledger.documents()]
    return summary, build_s, bodies


def main() -> None:
    args = parse_args()
    from onrecord.settings import Settings

    settings = Settings(quotes=args.quotes, workers=args.workers)
    if args.bare_passes:
        bare_passes([r["text"] for r in sample(args.allsides, args.n)], args.bare_passes)
        return
    if args.timeline:
        timeline(sample(args.allsides, args.n), settings)
        return
    if args.stages:
        by_extractor = time_extractors()
        collected = collections_timed()
        rows = sample(args.allsides, args.n)
        bare_pipe([r["text"] for r in rows[:32]], 1)  # warm-up, untimed
        bare_pipe([r["text"] for r in rows], 1)
        stock_cpu = CPU[-1]
        times = stage_times(rows, settings, args.default_gc, args.read_back)
        print("  ".join(f"{k} {v:.1f} s" for k, v in times.items()))
        print("CPU: " + "  ".join(f"{k} {v:.2f} s" for k, v in STAGE_CPU.items()))
        print(f"CPU ms an article: stock bare nlp.pipe {1000 * stock_cpu / len(rows):.1f}  "
              + "  ".join(f"{k} {1000 * v / len(rows):.1f}" for k, v in STAGE_CPU.items())
              + f"   stages / stock pipe CPU = {sum(STAGE_CPU.values()) / stock_cpu:.2f}x")
        print("extract by extractor (CPU): " + "  ".join(f"{k} {v:.2f} s" for k, v in by_extractor.items()))
        print(f"garbage collection (CPU, all stages): {collected[0]:.2f} s in {collected[1]} rounds"
              + (" (Python's default thresholds)" if args.default_gc else ""))
        print(f"total / nlp.pipe = {sum(times.values()) / times['nlp.pipe']:.2f}x")
        return
    rows = sample(args.allsides, args.n)
    texts = [r["text"] for r in rows]
    print("load average at the start: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    # the first pass of a fresh process is slower (model load, allocator warm-up): warm up once,
    # untimed, then time the bare pipe before and after the build, so neither side pays for it
    bare_pipe(texts[:32], 1)
    pipe_before = bare_pipe(texts, 1)
    pipe_cpu = CPU[-1]
    spent = time_parts() if args.breakdown else None
    profiler = cProfile.Profile() if args.profile else None
    summary, build_s, bodies = timed_build(rows, settings, profiler)
    build_cpu = CPU[-1]
    if spent is not None:  # undo the wrapper on the shared pipeline before timing it bare again
        from onrecord.nlp.pipeline import load

        del load().pipe
    pipe_after = bare_pipe(texts, 1)
    pipe_s = (pipe_before + pipe_after) / 2
    pipe_cpu = (pipe_cpu + CPU[-1]) / 2
    ceiling_s = bare_pipe(texts, args.workers, stock=False)
    ceiling_cpu = CPU[-1]
    print(f"articles: {len(rows)} (added {summary.added}, problems {len(summary.problems)}), "
          f"workers: {args.workers}, quotes: {args.quotes}")
    print(f"build:            {build_s:8.1f} s  {len(rows) / build_s:7.1f} articles/s")
    print(f"bare nlp.pipe:    {pipe_s:8.1f} s  one process (raw texts; {pipe_before:.1f} s before the build, "
          f"{pipe_after:.1f} s after)   ratio build/pipe = {build_s / pipe_s:.2f}x")
    print(f"ceiling:          {ceiling_s:8.1f} s  the build's nlp.pipe with {args.workers} processes   "
          f"ratio ceiling/pipe = {ceiling_s / pipe_s:.2f}x")
    # on a loaded machine the wall times say how much CPU the others left; the CPU seconds say
    # how much work each side did, and CPU / wall how many cores it kept busy
    print(f"CPU seconds:      build {build_cpu:.1f} ({build_cpu / build_s:.2f} cores busy), bare one-process pipe "
          f"{pipe_cpu:.1f} ({pipe_cpu / pipe_s:.2f}), ceiling {ceiling_cpu:.1f} ({ceiling_cpu / ceiling_s:.2f})   "
          f"ratio build/pipe CPU = {build_cpu / pipe_cpu:.2f}x")
    print("load average at the end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    if spent is not None:
        rest = build_s - sum(spent.values())
        print("inside the build: " + "  ".join(f"{k} {v:.1f} s" for k, v in spent.items())
              + f"  other (ingest, link, bookkeeping) {rest:.1f} s")
    if args.clean_bodies:
        pipe_clean_s = bare_pipe(bodies, 1)
        print(f"bare nlp.pipe:    {pipe_clean_s:8.1f} s  (clean bodies) ratio build/pipe = {build_s / pipe_clean_s:.2f}x")
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())

if __name__ == "__main__":
    main()
