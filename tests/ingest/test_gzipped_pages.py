"""A page, text or feed compressed one per file (``.html.gz``, ``.txt.gz``...) is read as the
file it holds; damaged, oversized and fake archives are problems naming the file."""

from __future__ import annotations

import gzip
from pathlib import Path

from onrecord.ingest import iter_inputs, suffix_of
from onrecord.models import Problem, RawInput

PAGE = ("<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
        + "<p>The ferry service resumed on Tuesday after three weeks of repairs to the pier, the port "
          "authority said, and traders expect the summer crowds to return.</p>" * 6
        + "</article></body></html>")


def _inputs(path: Path, max_bytes: int = 50 * 1024 * 1024) -> list[RawInput | Problem]:
    return list(iter_inputs([path], max_bytes))


def test_a_gzipped_html_page_is_read_as_html(tmp_path: Path):
    path = tmp_path / "harbour.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (raw,) = _inputs(path)
    assert isinstance(raw, RawInput) and raw.kind == "html" and raw.content == PAGE
    assert suffix_of(path) == ".html.gz"


def test_a_gzipped_text_file_is_read_as_text(tmp_path: Path):
    path = tmp_path / "alert.TXT.GZ"
    path.write_bytes(gzip.compress(b"Ferry service resumes at Halden."))
    (raw,) = _inputs(path)
    assert isinstance(raw, RawInput) and raw.kind == "text" and raw.content == "Ferry service resumes at Halden."


def test_a_truncated_gzipped_page_keeps_what_was_read_and_says_so(tmp_path: Path):
    data = gzip.compress(PAGE.encode("utf-8"))
    path = tmp_path / "cut.html.gz"
    path.write_bytes(data[: len(data) - 20])
    found = _inputs(path)
    problems = [p for p in found if isinstance(p, Problem)]
    raws = [r for r in found if isinstance(r, RawInput)]
    assert len(problems) == 1 and problems[0].reason.startswith("truncated gzip: kept the")
    assert len(raws) == 1 and PAGE.startswith(raws[0].content[:200])


def test_a_gzip_bomb_is_refused_at_the_size_cap(tmp_path: Path):
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))
    (problem,) = _inputs(path, max_bytes=1_000_000)
    assert isinstance(problem, Problem) and "decompresses to over the size cap of 1 MB" in problem.reason
    assert problem.input == str(path)


def test_a_file_named_gz_that_is_no_gzip_archive_is_a_problem(tmp_path: Path):
    path = tmp_path / "fake.html.gz"
    path.write_bytes(PAGE.encode())
    (problem,) = _inputs(path)
    assert isinstance(problem, Problem) and problem.reason.startswith("not a readable gzip archive")
