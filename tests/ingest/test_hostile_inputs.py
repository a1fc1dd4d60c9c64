"""Ingest against hostile inputs: damaged UTF-8, UTF-16 without a BOM, binaries in disguise, deep and
looping folders, plain-text feed items, deep JSON, and names that would forge a printed line."""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import zipfile
from pathlib import Path

import pytest

from onrecord.clean import clean
from onrecord.ingest import iter_inputs
from onrecord.models import Document, Problem, RawInput

QUOTED = ("“We will not accept this offer,” the union’s secretary said on Monday. "
          "“The port needs its workers more than they need the port,” she added. ")
ARTICLE = "Dock workers walked out on Monday. " * 20


def _split(results):
    raws = [r for r in results if isinstance(r, RawInput)]
    problems = [r for r in results if isinstance(r, Problem)]
    return raws, problems


def _with_stray_bytes(text: str, count: int) -> bytes:
    data = bytearray(text.encode("utf-8"))
    step = len(data) // (count + 1)
    for k in range(count, 0, -1):  # from the end, so earlier positions stay put
        pos = k * step
        while data[pos] & 0xC0 == 0x80:  # not inside a multibyte sequence
            pos += 1
        data[pos:pos] = b"\xff"
    return bytes(data)


def test_utf8_with_a_few_stray_bytes_is_read_as_utf8_and_the_replacements_are_recorded(tmp_path: Path):
    path = tmp_path / "strike.txt"
    path.write_bytes(_with_stray_bytes(QUOTED * 4, 5))
    raws, problems = _split(list(iter_inputs([path])))
    assert len(raws) == 1
    assert raws[0].encoding == "utf-8"
    assert raws[0].content.count("“") == 8 and raws[0].content.count("\ufffd") == 5
    assert raws[0].content.replace("\ufffd", "") == QUOTED * 4
    assert [(p.input, p.stage) for p in problems] == [(str(path), "ingest")]
    assert problems[0].reason.startswith("decoded with 5 replacements")


def test_stray_bytes_in_a_jsonl_file_are_recorded_and_its_rows_kept(tmp_path: Path):
    path = tmp_path / "rows.jsonl"
    rows = "".join(json.dumps({"id": f"r{i}", "text": QUOTED * 2}, ensure_ascii=False) + "\n" for i in range(3))
    path.write_bytes(_with_stray_bytes(rows, 2))
    raws, problems = _split(list(iter_inputs([path])))
    assert len(raws) + sum("malformed" in p.reason for p in problems) == 3
    assert any(p.reason.startswith("decoded with 2 replacements") and p.input == str(path) for p in problems)


def test_cp1252_is_still_read_as_cp1252_not_as_damaged_utf8():
    from onrecord.ingest.decode import decode_text

    text = "The minister’s “offer” was €5m — final, said the café’s owner."
    decoded = decode_text(text.encode("cp1252"), "legacy.txt")
    assert (decoded.text, decoded.replacements) == (text, 0)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ARTICLE, QUOTED * 3, "Москва заявила во вторник, что переговоры продолжатся. " * 5])
def test_utf16_without_a_byte_order_mark_is_decoded(tmp_path: Path, encoding: str, text: str):
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode(encoding))
    raws, problems = _split(list(iter_inputs([path])))
    assert not problems
    assert raws[0].content == text and raws[0].encoding == encoding


def test_utf16_with_a_bom_and_an_odd_last_byte_keeps_the_text():
    from onrecord.ingest.decode import decode_text

    data = ("\ufeff" + ARTICLE).encode("utf-16-le") + b"\x00"
    decoded = decode_text(data, "cut.txt")
    assert decoded.text.rstrip("\ufffd") == ARTICLE and decoded.replacements == 1


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", ARTICLE)
    return buf.getvalue()


BINARIES = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    # a PDF whose first kilobytes are all printable (uncompressed objects)
    "pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + ARTICLE.encode() * 3,
    "zip": _zip(),
    "gzip": gzip.compress(ARTICLE.encode()),
    "random": random.Random(17).randbytes(5000),
}


@pytest.mark.parametrize("kind", sorted(BINARIES))
def test_binaries_are_refused_as_binary_whatever_their_name(tmp_path: Path, kind: str):
    path = tmp_path / f"{kind}.txt"
    path.write_bytes(BINARIES[kind])
    raws, problems = _split(list(iter_inputs([path])))
    assert not raws
    assert len(problems) == 1 and problems[0].input == str(path) and "binary" in problems[0].reason


def test_signatures_name_the_format():
    from onrecord.ingest.decode import signature

    assert signature(BINARIES["pdf"]) == "PDF" and signature(BINARIES["gzip"]) == "gzip"
    assert signature(b"Dock workers walked out.") is None


def _remove_deep(top: Path) -> None:
    """Remove a chain of single folders bottom-up (shutil.rmtree recurses once per level)."""
    chain = [top]
    while (chain[-1] / "d").is_dir():
        chain.append(chain[-1] / "d")
    for folder in reversed(chain):
        for child in folder.iterdir():
            if not child.is_dir():
                child.unlink()
        folder.rmdir()


def test_a_folder_1500_levels_deep_is_walked_without_recursion(tmp_path: Path):
    top = folder = tmp_path / "deep"
    folder.mkdir()
    try:
        for _ in range(1500):  # os.makedirs itself recurses per level
            folder = folder / "d"
            folder.mkdir()
        (folder / "bottom.txt").write_text(ARTICLE)
        (top / "top.txt").write_text(ARTICLE)
        raws, problems = _split(list(iter_inputs([top])))
    finally:
        _remove_deep(top)
    assert not problems
    assert sorted(r.input_id for r in raws) == ["bottom.txt", "top.txt"]


def test_symbolic_link_loops_end_and_each_folder_is_read_once(tmp_path: Path):
    root = tmp_path / "corpus"
    (root / "a").mkdir(parents=True)
    (root / "a" / "one.txt").write_text(ARTICLE)
    (root / "a" / "up").symlink_to(root, target_is_directory=True)  # a loop back to the top
    (root / "b").symlink_to(root / "a", target_is_directory=True)  # a second way into a/
    (root / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    raws, problems = _split(list(iter_inputs([root])))
    assert [r.source for r in raws] == [str(root / "a" / "one.txt")]
    reasons = {p.input: p.reason for p in problems}
    assert "already read" in reasons[str(root / "a" / "up")]
    assert "already read" in reasons[str(root / "b")]
    assert reasons[str(root / "dangling.txt")] == "broken symbolic link"


def test_a_linked_folder_outside_the_input_is_read(tmp_path: Path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "far.txt").write_text(ARTICLE)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    raws, problems = _split(list(iter_inputs([tmp_path / "corpus"])))
    assert [r.input_id for r in raws] == ["far.txt"] and not problems


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_files_and_folders_are_problems(tmp_path: Path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "secret.txt").write_text(ARTICLE)
    os.chmod(tmp_path / "secret.txt", 0)
    os.chmod(tmp_path / "locked", 0)
    try:
        _, problems = _split(list(iter_inputs([tmp_path])))
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    reasons = {p.input: p.reason for p in problems}
    assert reasons[str(tmp_path / "locked")].startswith("cannot read the folder")
    assert reasons[str(tmp_path / "secret.txt")].startswith("cannot read the file")


def _feed(description: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>
    <item><title>Strike</title><link>https://h.test/strike</link><description>{description}</description>
    <pubDate>Thu, 13 Mar 2025 18:00:00 +0000</pubDate></item></channel></rss>"""


def test_a_feed_item_described_in_plain_text_is_a_text_article(tmp_path: Path):
    path = tmp_path / "feed.rss"
    path.write_text(_feed((ARTICLE + "Tom &amp; Jerry's cafe stayed open. ") * 2))
    raws, problems = _split(list(iter_inputs([path])))
    assert not problems
    assert raws[0].kind == "text" and "Tom & Jerry's cafe" in raws[0].content
    document = clean(raws[0])
    assert isinstance(document, Document), document
    assert document.body.startswith("Dock workers walked out on Monday.")
    assert (document.outlet, document.published) == ("Harbour Times", "2025-03-13")


def test_a_feed_item_with_markup_is_still_html(tmp_path: Path):
    path = tmp_path / "feed.rss"
    path.write_text(_feed(f"<![CDATA[<p>{ARTICLE}</p>]]>"))
    raws, _ = _split(list(iter_inputs([path])))
    assert raws[0].kind == "html"


def test_a_jsonl_line_nested_too_deeply_is_a_problem_and_the_other_rows_stay(tmp_path: Path):
    path = tmp_path / "rows.jsonl"
    lines = [json.dumps({"id": "a", "text": ARTICLE}), "[" * 100_000 + "]" * 100_000, json.dumps({"id": "b", "text": ARTICLE})]
    path.write_text("\n".join(lines) + "\n")
    raws, problems = _split(list(iter_inputs([path])))
    assert [r.input_id for r in raws] == ["a", "b"]
    assert [p.input for p in problems] == [f"{path}:2"] and "nested too deeply" in problems[0].reason


def test_jsonl_text_holding_line_separators_stays_one_row(tmp_path: Path):
    path = tmp_path / "rows.jsonl"
    text = ARTICLE + "\u2028" + ARTICLE + "\x85\x1c" + ARTICLE
    path.write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\r\n", encoding="utf-8")
    raws, problems = _split(list(iter_inputs([path])))
    assert not problems and [r.content for r in raws] == [text]


def test_an_empty_gzip_archive_is_a_problem(tmp_path: Path):
    path = tmp_path / "rows.jsonl.gz"
    path.write_bytes(gzip.compress(b"\n \n"))
    raws, problems = _split(list(iter_inputs([path])))
    assert not raws and problems[0].reason.startswith("no rows")


def test_a_warc_without_html_responses_and_a_feed_without_items_are_problems(tmp_path: Path):
    (tmp_path / "junk.warc").write_bytes(b"\x00")
    (tmp_path / "empty.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>')
    raws, problems = _split(list(iter_inputs([tmp_path])))
    assert not raws
    assert sorted(p.reason for p in problems) == ["feed without items", "no HTML response records in the WARC"]


def test_control_characters_in_names_are_escaped_at_the_source(tmp_path: Path):
    forged = "x.txt\n  other.txt [ingest]: forged line\x1b[2J"
    (tmp_path / forged).write_bytes(BINARIES["png"])
    (tmp_path / "rows.jsonl").write_text(json.dumps({"id": "r\n1\u202e", "text": "Short."}) + "\n")
    raws, problems = _split(list(iter_inputs([tmp_path])))
    assert len(problems) == 1
    line = f"{problems[0].input} [{problems[0].stage}]: {problems[0].reason}"
    assert line.isprintable() and "x.txt\\n  other.txt [ingest]: forged line\\x1b[2J" in line
    assert raws[0].input_id == "r\\n1\\u202e" and raws[0].source.endswith("#r\\n1\\u202e")


def test_an_undecodable_file_name_becomes_a_printable_name(tmp_path: Path):
    name = os.fsdecode(b"caf\xe9.bin")  # not UTF-8: a surrogate escape in the str
    (tmp_path / name).write_bytes(b"data")
    _, problems = _split(list(iter_inputs([tmp_path])))
    assert problems[0].input.endswith("caf\\udce9.bin")
    problems[0].input.encode("utf-8")  # printable: no lone surrogate left


def test_printable_keeps_any_script_and_escapes_controls_only():
    from onrecord.ingest.names import printable

    assert printable("Zürich – 東京 ✓ 👍🏽") == "Zürich – 東京 ✓ 👍🏽"
    assert printable("a\tb\rc\u2028d\x85e\x7f") == "a\\tb\\rc\\u2028d\\x85e\\x7f"
    assert printable(printable("a\nb")) == "a\\nb"
