"""Hostile inputs through a whole build: the article with stray bytes is stored and the replacements
recorded; a file name with a newline prints as one line of the problem list."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.store.ledger import Ledger

ARTICLE = ("“We will not accept this offer,” the union’s secretary, Dana Whitlock, said on Monday. "
           "Dock workers at the port of Halden walked out after talks over pay broke down. ") * 4


def _build(inputs: list[Path], db: Path, status: int = 0) -> str:
    result = CliRunner().invoke(main, ["build", *map(str, inputs), "--db", str(db), "--workers", "1"])
    assert result.exit_code == status, result.output
    return result.output


@pytest.mark.model
def test_an_article_with_stray_bytes_is_stored_and_its_replacements_recorded(tmp_path: Path):
    data = bytearray(ARTICLE.encode("utf-8"))
    data[40:40] = b"\xff"
    data[200:200] = b"\xfe"
    path = tmp_path / "strike.txt"
    path.write_bytes(bytes(data))
    _build([path], tmp_path / "x.db")
    with Ledger(tmp_path / "x.db", readonly=True) as ledger:
        documents = ledger.documents()
        problems = ledger.problems()
    assert len(documents) == 1 and documents[0]["body"].count("“") == 4
    assert [(p["input"], p["reason"].split(":")[0], p["severity"]) for p in problems] == [
        (str(path), "decoded with 2 replacements", "note")]
    with Ledger(tmp_path / "x.db", readonly=True) as ledger:
        assert ledger.conn.execute("SELECT failed FROM builds").fetchone()[0] == 0  # a note is no failure


RUSSIAN = ("Президент России Владимир Путин встретился с лидером Северной Кореи на космодроме Восточный. "
           "Переговоры продолжались несколько часов, сообщили в Кремле. Стороны обсудили сотрудничество "
           "в военной сфере и экономике, а также подготовку нового договора между двумя странами. ")


@pytest.mark.model
def test_an_article_in_another_language_is_stored_dated_searchable_and_marked_not_analysed(tmp_path: Path):
    ru, en = tmp_path / "ru.jsonl", tmp_path / "strike.txt"
    row = {"text": RUSSIAN, "published": "2023-09-13", "outlet": "Izvestia", "title": "Встреча"}
    ru.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    en.write_text(ARTICLE, encoding="utf-8")
    output = _build([ru, en], tmp_path / "x.db")
    assert "2 added" in output and "0 problems, 1 notes" in output
    assert "not analysed: language ru" in output
    with Ledger(tmp_path / "x.db", readonly=True) as ledger:
        docs = {d["outlet"]: d for d in ledger.documents()}
        assert docs["Izvestia"]["not_analysed"] == "language ru" and docs["Izvestia"]["published"] == "2023-09-13"
        assert docs[None]["not_analysed"] is None
        assert [h["doc_id"] for h in ledger.search("Восточный")] == [docs["Izvestia"]["id"]]
        assert ledger.conn.execute("SELECT count(*) FROM quotes WHERE doc_id=?",
                                   (docs["Izvestia"]["id"],)).fetchone()[0] == 0
        assert ledger.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] > 0
        (note,) = ledger.problems()
        assert note["severity"] == "note" and note["input"].endswith("ru.jsonl#1")


def test_a_newline_in_a_file_name_does_not_forge_a_printed_problem(tmp_path: Path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "photo\n  forged.txt [ingest]: a line nobody wrote.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    output = _build([folder], tmp_path / "x.db", status=1)  # nothing ingested
    problem_lines = [line for line in output.splitlines() if line.startswith("  ")]
    assert len(problem_lines) == 1
    assert problem_lines[0].startswith(f"  {folder}/photo\\n  forged.txt [ingest]: a line nobody wrote.txt [ingest]: binary")


@pytest.mark.model
def test_the_page_of_an_article_not_analysed_says_so(tmp_path: Path):
    from fastapi.testclient import TestClient

    from onrecord.web.app import create_app

    ru = tmp_path / "ru.txt"
    ru.write_text(RUSSIAN, encoding="utf-8")
    _build([ru], tmp_path / "x.db")
    with Ledger(tmp_path / "x.db", readonly=True) as ledger:
        (doc,) = ledger.documents()
    client = TestClient(create_app(tmp_path / "x.db"), base_url="http://127.0.0.1")
    page = client.get(f"/documents/{doc['id']}").text
    assert 'id="not-analysed"' in page and "Not analysed: language ru." in page
    assert client.get(f"/api/documents/{doc['id']}").json()["document"]["not_analysed"] == "language ru"
    problems = client.get("/problems").text
    assert '<span class="tag note">note</span>' in problems
