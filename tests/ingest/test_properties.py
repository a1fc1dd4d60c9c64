"""Property-based tests (Hypothesis) of ingest: whatever the bytes, names, nesting and sizes, every
input comes back as a ``RawInput`` or as a ``Problem`` naming it, and given text decodes as written."""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from onrecord.errors import InputError
from onrecord.ingest import iter_inputs
from onrecord.ingest.decode import decode_text, signature
from onrecord.ingest.names import printable
from onrecord.models import Problem, RawInput
from property_settings import PROPERTY, SLOW_PROPERTY

SUFFIXES = [".txt", ".html", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".rss", ".xml", ".ndjson"]
# The catch-all that turns an unexpected reader exception into a problem: reaching it is a bug.
CATCH_ALL = "could not read ("
ARTICLE = "Dock workers walked out on Monday. " * 8


@contextmanager
def folder() -> Iterator[Path]:
    # a fresh folder per example (pytest's tmp_path is one per test, shared by all examples)
    with tempfile.TemporaryDirectory(prefix="onrecord-prop-") as name:
        yield Path(name)


def check(results: list, path: Path) -> tuple[list[RawInput], list[Problem]]:
    """Every result is a record; problems name the input on one line and say why."""
    raws = [r for r in results if isinstance(r, RawInput)]
    problems = [r for r in results if isinstance(r, Problem)]
    assert len(raws) + len(problems) == len(results) and results
    for p in problems:
        assert p.input.startswith(printable(str(path))) and p.stage == "ingest"
        assert p.reason and CATCH_ALL not in p.reason, p
        line = f"{p.input} [{p.stage}]: {p.reason}"
        assert printable(line) == line and len(line.splitlines()) == 1 and line.encode("utf-8")
    for r in raws:
        assert r.source.startswith(printable(str(path))) and isinstance(r.content, str) and r.kind in ("text", "html")
        assert r.content.strip()
    return raws, problems


@PROPERTY
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_format_give_records(data: bytes, suffix: str):
    with folder() as tmp:
        path = tmp / f"input{suffix}"
        path.write_bytes(data)
        check(list(iter_inputs([path])), path)


def _jsonl_rows() -> st.SearchStrategy[bytes]:
    value = st.one_of(st.none(), st.integers(), st.text(max_size=300), st.lists(st.text(max_size=5), max_size=3))
    row = st.dictionaries(st.sampled_from(["id", "text", "html", "title", "outlet", "published", "authors", "url"]),
                          value, max_size=6)
    line = st.one_of(row.map(json.dumps), st.text(max_size=40), st.just("[" * 3000))
    return st.lists(line, max_size=6).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))


@PROPERTY
@given(rows=_jsonl_rows(), compress=st.booleans(), cut=st.floats(0.0, 1.0))
def test_jsonl_rows_and_damaged_gzip_give_records(rows: bytes, compress: bool, cut: float):
    with folder() as tmp:
        path = tmp / ("rows.jsonl.gz" if compress else "rows.jsonl")
        data = gzip.compress(rows) if compress else rows
        path.write_bytes(data[: max(1, int(len(data) * cut))] if compress and cut < 0.9 else data)
        if not path.read_bytes().strip():
            return
        check(list(iter_inputs([path])), path)


def _warc(payloads: list[bytes], gzipped: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzipped)
    for i, payload in enumerate(payloads):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.test/{i}", "response",
                                                      payload=io.BytesIO(payload), http_headers=headers))
    return buf.getvalue()


@PROPERTY
@given(payloads=st.lists(st.binary(max_size=400), min_size=1, max_size=3), gzipped=st.booleans(),
       cut=st.floats(0.05, 1.0))
def test_warc_records_with_any_payload_and_any_cut_give_records(payloads: list[bytes], gzipped: bool, cut: float):
    with folder() as tmp:
        path = tmp / ("crawl.warc.gz" if gzipped else "crawl.warc")
        data = _warc(payloads, gzipped)
        path.write_bytes(data[: max(1, int(len(data) * cut))])
        check(list(iter_inputs([path])), path)


ITEM_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300)


@SLOW_PROPERTY
@given(items=st.lists(st.tuples(ITEM_TEXT, ITEM_TEXT, st.booleans()), min_size=1, max_size=3))
def test_feed_items_with_any_text_give_records(items: list[tuple[str, str, bool]]):
    from xml.sax.saxutils import escape

    body = "".join(
        f"<item><title>{escape(title)}</title><guid>{escape(title[:20])}</guid><description>"
        f"{escape(('<p>' + text + '</p>') if markup else text)}</description></item>"
        for title, text, markup in items)
    with folder() as tmp:
        path = tmp / "feed.rss"
        path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{body}</channel></rss>',
                        encoding="utf-8", errors="surrogatepass")
        check(list(iter_inputs([path])), path)


NAME = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=6)


@PROPERTY
@given(tree=st.lists(st.lists(NAME, min_size=1, max_size=25), min_size=1, max_size=6))
def test_nested_folders_give_every_visible_file_once_in_order(tree: list[list[str]]):
    with folder() as tmp:
        root = tmp / "corpus"
        root.mkdir()
        files = set()
        for parts in tree:
            assume(all(p not in (".", "..") for p in parts))
            *dirs, leaf = parts
            where = root.joinpath(*dirs)
            path = where / f"{leaf}.txt"
            try:
                where.mkdir(parents=True, exist_ok=True)
                path.write_text(ARTICLE)
            except (FileExistsError, NotADirectoryError, IsADirectoryError):
                continue  # a file stands where a folder would go, or the other way round
            if not any(p.startswith(".") for p in (*dirs, f"{leaf}.txt")):
                files.add(path)
        raws, problems = check(list(iter_inputs([root])), root) if files else ([], [])
        assert not problems
        assert [r.source for r in raws] == [printable(str(p)) for p in sorted(files)]


@PROPERTY
@given(size=st.integers(0, 5000), cap=st.integers(1, 5000))
def test_the_size_cap_holds_for_any_size(size: int, cap: int):
    with folder() as tmp:
        path = tmp / "sized.txt"
        path.write_bytes((b"Dock workers walked out. " * 200)[:size])
        raws, problems = check(list(iter_inputs([path], max_bytes=cap)), path)
        if size == 0:
            assert problems[0].reason == "empty file"
        elif size > cap:
            assert not raws and "over the size cap" in problems[0].reason
        else:
            assert len(raws) == 1 and raws[0].content == path.read_text()


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1",
             "mac_roman", "koi8_r", "shift_jis", "gb18030"]


@PROPERTY
@given(text=TEXT, encoding=st.sampled_from(ENCODINGS))
def test_any_text_in_any_encoding_decodes_or_is_refused_by_name(text: str, encoding: str):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    try:
        decoded = decode_text(data, "input.txt")
    except InputError as exc:
        assert exc.input == "input.txt" and ("binary" in exc.reason or "undecodable" in exc.reason)
        return
    assert isinstance(decoded.text, str) and decoded.replacements >= 0


# Text as a file holds it: no NUL or other control bytes (those mark a binary), no leading BOM character.
FILE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r"), max_size=400)


@PROPERTY
@given(text=FILE_TEXT)
def test_utf8_text_round_trips(text: str):
    assume(not text.startswith("\ufeff") and signature(text.encode()) is None)
    decoded = decode_text(text.encode("utf-8"), "input.txt")
    assert (decoded.text, decoded.encoding, decoded.replacements) == (text, "utf-8", 0)


@PROPERTY
@given(text=TEXT, big_endian=st.booleans())
def test_utf16_with_a_bom_round_trips(text: str, big_endian: bool):
    assume(not text.startswith("\x00"))  # FF FE 00 00 is the UTF-32 byte-order mark
    data = ("\ufeff" + text).encode("utf-16-be" if big_endian else "utf-16-le")
    assert decode_text(data, "input.txt").text == text


WORDS = ["the", "port", "union", "said", "on", "Monday", "workers", "café", "naïve", "“offer”", "union’s",
         "€5m", "—", "–", "‘final’", "Zürich", "…", "™", "£3", "«non»", "•"]


@PROPERTY
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
def test_cp1252_news_text_round_trips(words: list[str]):
    text = " ".join(words) + "."
    high = [c for c in text if ord(c) > 127]
    accented = [c for c in high if "\u00c0" <= c <= "\u00ff"]
    # cp1252 is read when it reads like Western text (see decode._plausible_western)
    assume(not high or len(accented) < 0.5 * len(high) or len(high) < 0.02 * len(text))
    data = text.encode("cp1252")
    decoded = decode_text(data, "legacy.txt")
    assert decoded.text == text
