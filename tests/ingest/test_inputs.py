"""Ingest: every format read, every bad input turned into a named problem, the rest goes on."""

from __future__ import annotations

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from onrecord.ingest import iter_inputs
from onrecord.ingest.decode import decode, looks_binary
from onrecord.models import Problem, RawInput

ARTICLE = "Dock workers walked out on Monday. " * 20


def _split(results):
    raws = [r for r in results if isinstance(r, RawInput)]
    problems = [r for r in results if isinstance(r, Problem)]
    return raws, problems


def test_inputs_folder_is_read_recursively_and_sorted(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ARTICLE)
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    raws, problems = _split(list(iter_inputs([tmp_path])))
    assert [r.input_id for r in raws] == ["two.txt", "one.txt"]  # sorted paths: "b/two.txt" < "one.txt"
    assert not problems


def test_inputs_binary_file_is_a_problem_naming_the_file(tmp_path: Path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    raws, problems = _split(list(iter_inputs([path])))
    assert not raws
    assert problems[0].input == str(path) and "binary" in problems[0].reason


def test_inputs_empty_and_whitespace_files_are_problems(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n ")
    raws, problems = _split(list(iter_inputs([tmp_path])))
    assert not raws
    assert sorted(p.reason for p in problems) == ["empty file", "file holds only whitespace"]


def test_inputs_cp1252_text_is_decoded(tmp_path: Path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("The minister’s “offer” was €5m — final.".encode("cp1252"))
    raws, problems = _split(list(iter_inputs([path])))
    assert not problems
    assert raws[0].content == "The minister’s “offer” was €5m — final."
    assert raws[0].encoding.lower() in {"cp1252", "windows-1252"}


def test_inputs_unknown_extension_is_a_problem(tmp_path: Path):
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    _, problems = _split(list(iter_inputs([path])))
    assert "unknown file type '.xlsx'" in problems[0].reason


def test_inputs_missing_path_is_a_problem(tmp_path: Path):
    _, problems = _split(list(iter_inputs([tmp_path / "nope.txt"])))
    assert problems[0].reason == "no such file or folder"


def test_inputs_size_cap_is_enforced(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_text("x" * 5000)
    _, problems = _split(list(iter_inputs([path], max_bytes=1000)))
    assert "over the size cap" in problems[0].reason


def test_inputs_jsonl_bad_line_is_reported_by_number_and_others_kept(tmp_path: Path):
    path = tmp_path / "rows.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "outlet": "Wire", "authors": "A. One, B. Two"}),
        '{"id": "a2", "text": "cut',
        json.dumps({"id": "a3", "html": "<p>" + ARTICLE + "</p>", "published": "2025-03-12"}),
        json.dumps({"id": "a4", "title": "no text"}),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n")
    raws, problems = _split(list(iter_inputs([path])))
    assert [r.source for r in raws] == [f"{path}#a1", f"{path}#a3"]
    assert raws[0].meta == {"outlet": "Wire", "authors": ["A. One", "B. Two"]}
    assert raws[1].kind == "html" and raws[1].meta["published"] == "2025-03-12"
    assert [p.input for p in problems] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "malformed JSONL line 2" in problems[0].reason


def test_inputs_truncated_gzip_keeps_complete_rows_and_reports(tmp_path: Path):
    rows = "".join(json.dumps({"id": f"r{i}", "text": ARTICLE}) + "\n" for i in range(50))
    data = gzip.compress(rows.encode())
    path = tmp_path / "rows.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    raws, problems = _split(list(iter_inputs([path])))
    assert any("truncated or corrupt gzip" in p.reason for p in problems)
    assert all(r.content == ARTICLE for r in raws)


def test_inputs_warc_html_responses_become_articles_and_truncation_is_reported(tmp_path: Path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://example.test/{i}", "response", payload=io.BytesIO(f"<p>{ARTICLE}</p>".encode()),
            http_headers=headers))
    whole = tmp_path / "crawl.warc.gz"
    whole.write_bytes(buf.getvalue())
    raws, problems = _split(list(iter_inputs([whole])))
    assert [r.meta["url"] for r in raws] == [f"https://example.test/{i}" for i in range(3)] and not problems
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(buf.getvalue()[: len(buf.getvalue()) - 40])
    raws, problems = _split(list(iter_inputs([cut])))
    assert len(raws) == 2 and "truncated WARC" in problems[0].reason


def test_inputs_feed_items_with_content_become_articles_others_record_their_link(tmp_path: Path):
    body = "<p>" + ARTICLE + "</p>"
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
    <item><title>Long</title><link>https://h.test/long</link><description><![CDATA[{body}]]></description>
    <pubDate>Thu, 13 Mar 2025 18:00:00 +0000</pubDate></item>
    <item><title>Short</title><link>https://h.test/short</link><description>tiny</description></item>
    </channel></rss>"""
    path = tmp_path / "feed.xml"
    path.write_text(feed)
    raws, problems = _split(list(iter_inputs([path])))
    assert raws[0].meta["outlet"] == "Harbour Times" and raws[0].meta["published"] == "2025-03-13"
    assert "link recorded: https://h.test/short" in problems[0].reason


class _Handler(BaseHTTPRequestHandler):
    routes = {
        "/article": (200, "text/html; charset=utf-8", f"<html><body><p>{ARTICLE}</p></body></html>".encode()),
        "/image": (200, "image/png", b"\x89PNG\r\n"),
        "/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
        "/gone": (404, "text/html", b"not here"),
    }

    def do_GET(self):  # noqa: N802
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_inputs_urls_are_fetched_with_type_size_and_status_checks(server: str):
    urls = [f"{server}/article", f"{server}/image", f"{server}/big", f"{server}/gone"]
    results = list(iter_inputs(urls, max_bytes=2000))
    raws, problems = _split(results)
    assert len(raws) == 1 and raws[0].kind == "html" and raws[0].source == f"{server}/article"
    reasons = {p.input: p.reason for p in problems}
    assert "not HTML" in reasons[f"{server}/image"]
    assert "size cap" in reasons[f"{server}/big"]
    assert reasons[f"{server}/gone"].startswith("HTTP 404")


def test_inputs_unreachable_url_is_a_problem():
    _, problems = _split(list(iter_inputs(["http://127.0.0.1:9/nothing"])))
    assert problems and "could not fetch" in problems[0].reason


def test_decode_prefers_utf8_and_detects_binary():
    assert decode("naïve – ok".encode(), "x")[0] == "naïve – ok"
    assert looks_binary(b"abc\x00def")
    assert not looks_binary(b"plain text\n")


def test_manifest_fills_metadata_the_text_does_not_state(tmp_path: Path):
    from onrecord.ingest.manifest import load

    (tmp_path / "m.jsonl").write_text(
        json.dumps({"input": "a.txt", "outlet": "Gazette", "published": "2025-03-11", "authors": "M. Okafor"}) + "\n"
    )
    manifest = load(tmp_path / "m.jsonl")
    raw = manifest.apply(RawInput(str(tmp_path / "a.txt"), "a.txt", "text", ARTICLE))
    assert raw.meta == {"outlet": "Gazette", "published": "2025-03-11", "authors": ["M. Okafor"]}
    other = manifest.apply(RawInput(str(tmp_path / "b.txt"), "b.txt", "text", ARTICLE))
    assert other.meta == {}


def test_manifest_bad_line_names_the_line(tmp_path: Path):
    from onrecord.errors import InputError
    from onrecord.ingest.manifest import load

    (tmp_path / "m.jsonl").write_text('{"input": "a.txt"}\n{"outlet": "no input"}\n')
    with pytest.raises(InputError, match="m.jsonl:2"):
        load(tmp_path / "m.jsonl")
