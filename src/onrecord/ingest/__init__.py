"""Ingest: from files, folders and URLs to ``RawInput`` records (or ``Problem`` records)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from onrecord.errors import InputError
from onrecord.ingest import sources
from onrecord.ingest.names import printable, problem
from onrecord.ingest.walk import walk
from onrecord.models import Problem, RawInput

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024  # per file; JSONL/WARC archives get 20x

READERS = {
    ".txt": sources.read_text,
    ".text": sources.read_text,
    ".html": sources.read_html,
    ".htm": sources.read_html,
    ".xhtml": sources.read_html,
    ".jsonl": sources.read_jsonl,
    ".ndjson": sources.read_jsonl,
    ".jsonl.gz": sources.read_jsonl,
    ".ndjson.gz": sources.read_jsonl,
    ".warc": sources.read_warc,
    ".warc.gz": sources.read_warc,
    ".rss": sources.read_feed,
    ".atom": sources.read_feed,
    ".xml": sources.read_feed,
}
ARCHIVES = {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".warc", ".warc.gz"}
# one page, text or feed in a gzip file, read as the file it holds
GZIPPED = {f"{suffix}.gz": suffix for suffix in READERS if not suffix.endswith(".gz") and suffix not in ARCHIVES}

__all__ = ["iter_inputs", "MAX_BYTES", "suffix_of"]


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted([*READERS, *GZIPPED], key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | str | Problem]:
    """Expand folders (sorted, hidden files and folders skipped); URLs pass through."""
    for p in paths:
        text = str(p)
        if text.startswith(("http://", "https://")):
            yield text
            continue
        path = Path(p)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as exc:  # a name too long for the system, say
            yield problem(text, "ingest", f"cannot read ({exc.strerror or exc})")
            continue
        if is_dir:
            yield from walk(path)
        elif is_file:
            yield path
        else:
            yield problem(text, "ingest", "no such file or folder")


def iter_inputs(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[RawInput | Problem]:
    """Every article in ``paths`` as a ``RawInput``; every unreadable input as a ``Problem``."""
    for item in iter_files(paths):
        if isinstance(item, Problem):
            yield item
        elif isinstance(item, str):
            from onrecord.ingest.urls import fetch

            yield from _guard(item, lambda url=item: fetch(url, max_bytes))
        else:
            yield from _read_file(item, max_bytes)


def _read_file(path: Path, max_bytes: int) -> Iterator[RawInput | Problem]:
    suffix = suffix_of(path)
    reader = READERS.get(GZIPPED.get(suffix, suffix))
    if reader is None:
        yield problem(str(path), "ingest", f"unknown file type {suffix or '(no extension)'!r}; "
                      f"expected one of {', '.join(sorted([*READERS, *GZIPPED]))}")
        return
    cap = max_bytes * (20 if suffix in ARCHIVES else 1)
    try:
        size = path.stat().st_size
        data = path.read_bytes() if 0 < size <= cap else b""
    except OSError as exc:  # unreadable (permissions), vanished, or a path too long
        yield problem(str(path), "ingest", f"cannot read the file ({exc.strerror or exc})")
        return
    if size == 0:
        yield problem(str(path), "ingest", "empty file")
        return
    if size > cap:
        yield problem(str(path), "ingest", f"file is {size / 1e6:.1f} MB, over the size cap of {cap / 1e6:.0f} MB")
        return
    if suffix in GZIPPED:
        data, damage = sources.gunzip_page(path, data, max_bytes)
        if damage:
            yield damage
        if data is None:
            return
        suffix = GZIPPED[suffix]
    if not data.strip():
        yield problem(str(path), "ingest", "file holds only whitespace")
        return
    if suffix in (".html", ".htm") and sources.is_feed(data):
        reader = sources.read_feed
    yield from _guard(str(path), lambda: reader(path, data))


def _guard(name: str, make: Callable[[], Iterable[RawInput | Problem]]) -> Iterator[RawInput | Problem]:
    """Turn a reader's exception into a Problem so one bad input never stops the build."""
    try:
        yield from make()
    except InputError as exc:
        yield problem(exc.input, exc.stage, exc.reason)
    except Exception as exc:  # noqa: BLE001 — any reader failure is recorded, never fatal
        log.exception("reading %s failed", printable(name))
        yield problem(name, "ingest", f"could not read ({type(exc).__name__}: {exc})")
