"""The printed problem list: one line per problem, whatever the file name holds."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from onrecord.cli import main, one_line
from onrecord.models import Problem
from onrecord.store.ledger import Ledger


def test_one_line_escapes_line_breaks_and_control_characters():
    assert one_line("a\nb\rc\td\x1be") == "a\\nb\\rc\\td\\x1be"
    assert one_line("plain name.txt") == "plain name.txt"


def test_problems_command_prints_a_forged_line_as_part_of_its_own(tmp_path: Path):
    db = tmp_path / "p.db"
    with Ledger(db) as ledger:
        ledger.record_problem(Problem("evil\nok.txt [ingest]: all fine", "ingest", "binary file"))
    result = CliRunner().invoke(main, ["problems", "--db", str(db)])
    assert result.exit_code == 0
    assert result.output.splitlines() == ["evil\\nok.txt [ingest]: all fine [ingest]: binary file"]
