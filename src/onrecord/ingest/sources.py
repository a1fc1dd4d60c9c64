"""Readers for each input format, all yielding ``RawInput`` or ``Problem`` records."""

from __future__ import annotations

import gzip
import json
import logging
import re
import zlib
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Literal

from onrecord.errors import InputError
from onrecord.ingest.decode import Decoded, decode_text
from onrecord.ingest.names import printable, problem
from onrecord.models import Problem, RawInput

log = logging.getLogger(__name__)

META_KEYS = ("title", "outlet", "published", "url", "authors")


def read_text(path: Path, data: bytes) -> Iterator[RawInput | Problem]:
    yield from _read_document(path, data, "text")


def read_html(path: Path, data: bytes) -> Iterator[RawInput | Problem]:
    yield from _read_document(path, data, "html")


def _read_document(path: Path, data: bytes, kind: Literal["text", "html"]) -> Iterator[RawInput | Problem]:
    decoded = decode_text(data, str(path))
    if not decoded.text.strip():  # whitespace beyond ASCII (U+00A0, U+3000) or a lone BOM
        yield problem(str(path), "ingest", "file holds only whitespace")
        return
    yield from replacement_note(str(path), decoded)
    yield RawInput(printable(str(path)), printable(path.name), kind, decoded.text, {}, decoded.encoding)


def replacement_note(name: str, decoded: Decoded) -> Iterator[Problem]:
    """A problem saying how many invalid sequences became U+FFFD; the input itself is still read.

    It comes before the input's ``RawInput``: the build records it and goes on with the article.
    """
    if decoded.replacements:
        yield problem(name, "ingest", f"decoded with {decoded.replacements} replacements: invalid "
                      f"{decoded.encoding} sequences read as U+FFFD; the rest of the text is kept", "note")


def read_jsonl(path: Path, data: bytes) -> Iterator[RawInput | Problem]:
    """One article per line: ``text`` or ``html`` plus optional metadata; bad lines are problems."""
    if path.name.endswith(".gz"):
        data, damage = _gunzip(path, data)
        if damage:
            yield damage
    if not data.strip():
        yield problem(str(path), "ingest", "no rows: the file holds only whitespace")
        return
    decoded = decode_text(data, str(path))
    yield from replacement_note(str(path), decoded)
    rows = 0
    # split on newlines only: JSON strings may hold U+2028, U+0085 and the like, which splitlines() cuts at
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if not line.strip():
            continue
        rows += 1
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            why = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield problem(f"{path}:{number}", "ingest", f"malformed JSONL line {number}: {why}")
            continue
        yield from row_to_input(path, number, row)
    if not rows:
        yield problem(str(path), "ingest", "no rows: the file holds only whitespace")


def row_to_input(path: Path, number: int, row: object) -> Iterator[RawInput | Problem]:
    """One parsed JSONL row (line ``number`` of ``path``) as a ``RawInput``, or a ``Problem`` saying why not."""
    where = f"{path}:{number}"
    if not isinstance(row, dict):
        yield problem(where, "ingest", f"JSONL line {number} is not an object")
        return
    content = row.get("text") if isinstance(row.get("text"), str) and row.get("text").strip() else None
    kind = "text"
    if content is None and isinstance(row.get("html"), str) and row["html"].strip():
        content, kind = row["html"], "html"
    if content is None:
        yield problem(where, "ingest", f"JSONL line {number} has no 'text' or 'html' field with content")
        return
    row_id = printable(str(row.get("id") if row.get("id") not in (None, "") else number))
    meta = {k: row[k] for k in META_KEYS if row.get(k) not in (None, "", [])}
    if isinstance(meta.get("authors"), str):
        meta["authors"] = [a.strip() for a in meta["authors"].split(",") if a.strip()]
    yield RawInput(f"{printable(str(path))}#{row_id}", row_id, kind, content, meta)


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
        return partial, problem(str(path), "ingest", reason)


def gunzip_page(path: Path, data: bytes, limit: int) -> tuple[bytes | None, Problem | None]:
    """One gzipped page or text: its bytes (at most ``limit`` once decompressed) and a problem
    when the archive is damaged (the readable part is kept) or decompresses past ``limit``."""
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflate.decompress(data, limit + 1)
    except zlib.error as exc:
        return None, problem(str(path), "ingest", f"not a readable gzip archive ({exc})")
    if len(out) > limit:
        return None, problem(str(path), "ingest", f"decompresses to over the size cap of {limit / 1e6:.0f} MB")
    if not inflate.eof:
        return out or None, problem(str(path), "ingest", f"truncated gzip: kept the {len(out):,} bytes before the "
                                    "damage" if out else "truncated gzip: nothing could be read")
    return out, None


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
                yield problem(str(path), "ingest",
                              f"truncated WARC: record {count} ({url}) is cut short; kept the {count - 1} before it")
                return
            yield from _warc_record(path, url, str(count), payload, record.rec_headers.get_header("WARC-Date"))
    except Exception as exc:  # noqa: BLE001 — warcio raises several types on damaged archives
        yield problem(str(path), "ingest", f"truncated or corrupt WARC after {count} records ({type(exc).__name__}: {exc})")
        return
    if not count:
        yield problem(str(path), "ingest", "no HTML response records in the WARC")


def _warc_record(path: Path, url: str, number: str, payload: bytes,
                 date: str | None) -> Iterator[RawInput | Problem]:
    """One response record; ``number`` names it when it has no target URI."""
    name = f"{path}#{url or number}"
    if not payload.strip():
        yield problem(name, "ingest", "empty response record")
        return
    try:
        decoded = decode_text(payload, f"{path}#{url}")
    except InputError as exc:
        yield problem(exc.input, "ingest", exc.reason)
        return
    yield from replacement_note(name, decoded)
    meta = {"url": url} if url else {}
    if date:
        meta["fetched"] = date[:10]
    yield RawInput(printable(name), printable(url or number), "html", decoded.text, meta, decoded.encoding)


def read_feed(path: Path | str, data: bytes) -> Iterator[RawInput | Problem]:
    """RSS/Atom: items that carry content become articles; links of the others are recorded.

    An item's content is HTML when it holds markup and plain text otherwise (a description
    written as text); either way an item needs 200 characters of text to count as an article.
    """
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield problem(str(path), "ingest", f"not a readable RSS/Atom feed ({feed.get('bozo_exception')})")
        return
    if not feed.entries:
        yield problem(str(path), "ingest", "feed without items")
        return
    outlet = feed.feed.get("title")
    for number, item in enumerate(feed.entries, start=1):
        link = item.get("link")
        html = ""
        if item.get("content"):
            html = max((c.get("value", "") for c in item["content"]), key=len)
        if len(html) < 200 and len(item.get("summary", "")) > len(html):
            html = item.get("summary", "")
        item_id = printable(str(item.get("id") or link or number))
        if len(_strip_tags(html)) < 200:
            yield problem(f"{path}#{item_id}", "ingest",
                          f"feed item without article content; link recorded: {link or 'none'}")
            continue
        kind, content = ("html", html) if has_markup(html) else ("text", unescape(html))
        yield RawInput(f"{printable(str(path))}#{item_id}", item_id, kind, content, _item_meta(item, link, outlet))


def _item_meta(item: dict, link: str | None, outlet: str | None) -> dict:
    meta = {"title": item.get("title"), "url": link, "outlet": outlet}
    if item.get("published_parsed"):
        p = item["published_parsed"]
        meta["published"] = f"{p.tm_year:04d}-{p.tm_mon:02d}-{p.tm_mday:02d}"
    author = (item.get("author_detail") or {}).get("name") or item.get("author")
    if author:
        meta["authors"] = [author]
    return {k: v for k, v in meta.items() if v}


_TAG = re.compile(r"<[^>]+>")
_MARKUP = re.compile(r"<(?:[a-zA-Z][\w:-]*|/[a-zA-Z][\w:-]*|!--)[^>]*>")


def _strip_tags(html: str) -> str:
    return _TAG.sub(" ", html).strip()


def has_markup(content: str) -> bool:
    """True when ``content`` holds at least one HTML tag or comment (not just a stray ``<``)."""
    return _MARKUP.search(content) is not None


def is_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
