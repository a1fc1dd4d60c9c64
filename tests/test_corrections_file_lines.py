"""A corrections file that cannot be used is named with the line where the trouble starts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.corrections import CorrectionError, load, operation_lines


def test_operation_lines_find_where_each_operation_starts():
    text = '{\n  "version": 1,\n  "operations": [\n    {"op": "ignore", "name": "A"},\n\n    {"op": "merge",\n' \
           '     "names": ["B", "C"]}\n  ]\n}\n'
    assert operation_lines(text) == {0: 4, 1: 6}
    assert operation_lines('[{"op": "ignore", "name": "A"}, {"op": "x"}]') == {0: 1, 1: 1}
    assert operation_lines("[]") == {}
    assert operation_lines("no json") == {}


def test_load_names_file_line_and_field_of_a_bad_operation(tmp_path: Path):
    path = tmp_path / "c.json"
    ops = [{"op": "ignore", "name": "A"}, {"op": "rename", "name": "B"}]
    path.write_text(json.dumps({"version": 1, "operations": ops}, indent=2))
    with pytest.raises(CorrectionError, match=rf"^{path}:8: operations\[1\]\.to: 'to' is required"):
        load(path)


@pytest.mark.parametrize(("text", "message"), [
    ('{"version": 1,\n "operations": [}', r":2: not valid JSON"),
    ('{"version": 2, "operations": []}', r":1: version must be 1"),
    ('{"operations": {}}', r":1: 'operations' must be a list"),
    ("[" * 100_000, r":1: not valid JSON \(nested too deeply\)"),
])
def test_load_names_the_file_and_line_of_a_broken_file(tmp_path: Path, text: str, message: str):
    path = tmp_path / "c.json"
    path.write_text(text)
    with pytest.raises(CorrectionError, match=message):
        load(path)


def test_load_a_file_that_is_not_utf8_is_a_correction_error(tmp_path: Path):
    path = tmp_path / "c.json"
    path.write_bytes(b'{"operations": ["\xff"]}')
    with pytest.raises(CorrectionError, match=r":1: not UTF-8 text"):
        load(path)
