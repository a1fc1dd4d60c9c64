"""Hostile inputs through a whole build: the article with stray bytes is stored and the replacements
recorded; a file name with a newline prints as one line of the problem list."""

from __future__ import annotations

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
    assert [(p["input"], p["reason"].split(":")[0]) for p in problems] == [(str(path), "decoded with 2 replacements")]


def test_a_newline_in_a_file_name_does_not_forge_a_printed_problem(tmp_path: Path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "photo\n  forged.txt [ingest]: a line nobody wrote.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    output = _build([folder], tmp_path / "x.db", status=1)  # nothing ingested
    problem_lines = [line for line in output.splitlines() if line.startswith("  ")]
    assert len(problem_lines) == 1
    assert problem_lines[0].startswith(f"  {folder}/photo\\n  forged.txt [ingest]: a line nobody wrote.txt [ingest]: binary")
