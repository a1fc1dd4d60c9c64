"""Readers for each input format, all yielding ``RawInput`` or ``Problem`` records."""

from __future__ import annotations

import gzip
import json
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from onrecord.errors import InputError
from onrecord.ingest.decode import decode
from onrecord.models import Problem, RawInput

log = logging.getLogger(__name__)

META_KEYS = ("title", "outlet", "published", "url", "authors")


def read_text(path: Path, data: bytes) -> Iterator[RawInput | Problem]:
    text, encoding = decode(data, str(path))
    yield RawInput(str(path), path.name, "text", text, {}, encoding)


def read_html(path: Path, data: bytes) -> Iterator[RawInput | Problem]:
    text, encoding = decode(data, str(path))
    yield RawInput(str(path), path.name, "html", text, {}, encoding)


def read_jsonl(path: Path, data: bytes) -> Iterator[RawInput | Problem]:
    """One article per line: ``text`` or ``html`` plus optional metadata; bad lines are problems."""
    if path.name.endswith(".gz"):
        data, problem = _gunzip(path, data)
        if problem:
            yield problem
    text, _ = decode(data, str(path))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(f"{path}:{number}", "ingest", f"malformed JSONL line {number}: {exc.msg} at column {exc.colno}")
            continue
        yield from row_to_input(path, number, row)


def row_to_input(path: Path, number: int, row: object) -> Iterator[RawInput | Problem]:
    """The input of one JSONL row (line ``number`` of ``path``), or the problem with it."""
    where = f"{path}:{number}"
    if not isinstance(row, dict):
        yield Problem(where, "ingest", f"JSONL line {number} is not an object")
        return
    content = row.get("text") if isinstance(row.get("text"), str) and row.get("text").strip() else None
    kind = "text"
    if content is None and isinstance(row.get("html"), str) and row["html"].strip():
        content, kind = row["html"], "html"
    if content is None:
        yield Problem(where, "ingest", f"JSONL line {number} has no 'text' or 'html' field with content")
        return
    row_id = str(row.get("id") if row.get("id") not in (None, "") else number)
    meta = {k: row[k] for k in META_KEYS if row.get(k) not in (None, "", [])}
    if isinstance(meta.get("authors"), str):
        meta["authors"] = [a.strip() for a in meta["authors"].split(",") if a.strip()]
    yield RawInput(f"{path}#{row_id}", row_id, kind, content, meta)


def _gunzip(path: Path, data: bytes) -> tuple[bytes, Problem | None]:
    """Decompress what can be read; a truncated archive keeps its readable part and reports the rest."""
    try:
        return gzip.decompress(data), None
    except (EOFError, OSError, zlib.error) as exc:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            partial = d.decompress(data)
        except zlib.error:
            partial = b""
        # drop the last, probably cut, line
        cut = partial.rfind(b"\n")
        partial = partial[: cut + 1] if cut >= 0 else b""
        lines = partial.count(b"\n")
        reason = f"truncated or corrupt gzip ({exc}); kept the {lines} complete lines before the damage"
        return partial, Problem(str(path), "ingest", reason)


def read_warc(path: Path, data: bytes) -> Iterator[RawInput | Problem]:
    """HTML response records of a WARC (gzipped or not); a truncated archive keeps what was read."""
    import io

    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            payload = record.content_stream().read()
            count += 1
            if getattr(record.raw_stream, "limit", 0):
                yield Problem(str(path), "ingest",
                              f"truncated WARC: record {count} ({url}) is cut short; kept the {count - 1} before it")
                return
            try:
                text, encoding = decode(payload, f"{path}#{url}")
            except InputError as exc:
                yield Problem(exc.input, "ingest", exc.reason)
                continue
            meta = {"url": url} if url else {}
            date = record.rec_headers.get_header("WARC-Date")
            if date:
                meta["fetched"] = date[:10]
            yield RawInput(f"{path}#{url or count}", url or str(count), "html", text, meta, encoding)
    except Exception as exc:  # warcio raises several types on damaged archives
        yield Problem(str(path), "ingest", f"truncated or corrupt WARC after {count} records ({type(exc).__name__}: {exc})")


def read_feed(path: Path | str, data: bytes) -> Iterator[RawInput | Problem]:
    """RSS/Atom: items that carry content become articles; links of the others are recorded."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Problem(str(path), "ingest", f"not a readable RSS/Atom feed ({feed.get('bozo_exception')})")
        return
    outlet = feed.feed.get("title")
    for number, item in enumerate(feed.entries, start=1):
        link = item.get("link")
        html = ""
        if item.get("content"):
            html = max((c.get("value", "") for c in item["content"]), key=len)
        if len(html) < 200 and len(item.get("summary", "")) > len(html):
            html = item.get("summary", "")
        item_id = item.get("id") or link or str(number)
        if len(_strip_tags(html)) < 200:
            yield Problem(f"{path}#{item_id}", "ingest",
                          f"feed item without article content; link recorded: {link or 'none'}")
            continue
        meta = {"title": item.get("title"), "url": link, "outlet": outlet}
        if item.get("published_parsed"):
            p = item["published_parsed"]
            meta["published"] = f"{p.tm_year:04d}-{p.tm_mon:02d}-{p.tm_mday:02d}"
        author = (item.get("author_detail") or {}).get("name") or item.get("author")
        if author:
            meta["authors"] = [author]
        yield RawInput(f"{path}#{item_id}", str(item_id), "html", html, {k: v for k, v in meta.items() if v})


def _strip_tags(html: str) -> str:
    import re

    return re.sub(r"<[^>]+>", " ", html).strip()


def is_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
