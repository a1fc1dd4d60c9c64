"""The corrections file: validation with named fields, loading, atomic appends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.corrections import (
    MAX_TEXT,
    CorrectionError,
    Known,
    Op,
    append,
    default_path,
    load,
    split_lists,
    validate,
)


def test_corrections_missing_file_means_no_corrections(tmp_path: Path) -> None:
    assert load(tmp_path / "none.json").ops == ()


def test_corrections_append_creates_the_file_and_load_reads_it_back(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    append(path, {"op": "merge", "names": ["Vladimir Putin", "V. Putin"], "by": "ana"})
    append(path, {"op": "wrong", "item": "q-42", "note": "not his words"})
    corr = load(path)
    assert [o.op for o in corr.ops] == ["merge", "wrong"]
    assert corr.ops[0].names == ("Vladimir Putin", "V. Putin")
    assert corr.wrong_items == frozenset({"q-42"}) and corr.is_wrong("q-42")
    assert [o.op for o in corr.entity_ops] == ["merge"]
    assert json.loads(path.read_text())["operations"][0]["by"] == "ana"


def test_corrections_append_leaves_no_temporary_files(tmp_path: Path) -> None:
    append(tmp_path / "c.json", {"op": "ignore", "name": "Video Icon"})
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]


def test_corrections_a_bare_list_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps([{"op": "rename", "name": "Kim", "to": "Kim Jong-un"}]))
    assert load(path).ops[0].to == "Kim Jong-un"


@pytest.mark.parametrize(
    ("op", "field"),
    [
        ({"op": "explode", "name": "x"}, "op"),
        ({"op": "merge", "names": ["Only One"]}, "names"),
        ({"op": "merge", "names": "Putin"}, "names"),
        ({"op": "split", "name": "John Smith"}, "docs"),
        ({"op": "split", "name": "John Smith", "docs": [3]}, "docs"),
        ({"op": "rename", "name": "Kim"}, "to"),
        ({"op": "ignore", "name": "  "}, "name"),
        ({"op": "wrong"}, "item"),
        ({"op": "wrong", "item": "q-1", "colour": "red"}, "colour"),
        ({"op": "wrong", "item": "q-1", "note": 5}, "note"),
    ],
)
def test_corrections_invalid_ops_raise_naming_the_field(op: dict, field: str) -> None:
    with pytest.raises(CorrectionError) as info:
        validate(op)
    assert info.value.field == field and field in str(info.value)


def test_corrections_invalid_append_leaves_the_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    append(path, {"op": "ignore", "name": "Video Icon"})
    before = path.read_text()
    with pytest.raises(CorrectionError):
        append(path, {"op": "rename", "name": "Kim"})
    assert path.read_text() == before


def test_corrections_a_bad_file_names_the_operation_and_field(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps({"version": 1, "operations": [{"op": "ignore", "name": "A"}, {"op": "merge"}]})
    )
    with pytest.raises(CorrectionError, match=r"operations\[1\]\.names"):
        load(path)
    path.write_text("{not json")
    with pytest.raises(CorrectionError, match="not valid JSON"):
        load(path)


def test_corrections_default_path_sits_beside_the_ledger(tmp_path: Path) -> None:
    assert default_path(tmp_path / "ledger.sqlite") == tmp_path / "ledger.corrections.json"
    assert default_path(tmp_path / "onrecord.db") == tmp_path / "onrecord.corrections.json"


def test_corrections_concurrent_appends_lose_nothing(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "c.json"
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda i: append(path, {"op": "wrong", "item": f"q-{i}"}), range(40)))
    assert load(path).wrong_items == frozenset(f"q-{i}" for i in range(40))


KNOWN = Known(name=lambda n: n in {"Dmitry Peskov", "Pentagon"}, item=lambda i: i == "docA/q0",
              doc=lambda d: d == "docA")


@pytest.mark.parametrize(
    ("op", "field", "message"),
    [
        ({"op": "merge", "names": ["Dmitry Peskov", "Nobody"]}, "names", "no actor named 'Nobody'"),
        ({"op": "ignore", "name": "Nobody"}, "name", "no actor named"),
        ({"op": "split", "name": "Pentagon", "docs": ["docA", "nope"]}, "docs", r"unknown document id\(s\): nope"),
        ({"op": "wrong", "item": "docA/q9"}, "item", "no quote or claim"),
    ],
)
def test_corrections_known_checks_what_the_ledger_holds(op: dict, field: str, message: str) -> None:
    validate(op)  # without the ledger's view the operation is well formed
    with pytest.raises(CorrectionError, match=message) as info:
        validate(op, known=KNOWN)
    assert info.value.field == field


def test_corrections_known_accepts_what_is_there() -> None:
    op = validate({"op": "split", "name": "Pentagon", "docs": ["docA"], "note": " moved "}, known=KNOWN)
    assert op == Op("split", name="Pentagon", docs=("docA",), note="moved")
    assert validate({"op": "wrong", "item": "docA/q0"}, known=KNOWN).item == "docA/q0"


def test_corrections_messages_read_alone_and_inside_a_file() -> None:
    with pytest.raises(CorrectionError) as alone:
        validate({"op": "merge", "names": ["A", "A"]})
    assert str(alone.value) == "'names' needs at least 2 different values"
    with pytest.raises(CorrectionError) as inside:
        validate({"op": "explode"}, "operations[2]")
    assert str(inside.value).startswith("operations[2].op: 'op' must be one of ignore, keep, merge, rename, split, wrong")
    with pytest.raises(CorrectionError, match="must differ"):
        validate({"op": "rename", "name": "Kim", "to": "Kim"})


def test_corrections_strings_are_capped() -> None:
    with pytest.raises(CorrectionError, match=f"longer than {MAX_TEXT}") as info:
        validate({"op": "ignore", "name": "x" * (MAX_TEXT + 1)})
    assert info.value.field == "name"
    with pytest.raises(CorrectionError, match="'note' must be a string"):
        validate({"op": "ignore", "name": "x", "note": 3})


def test_corrections_split_lists_reads_lists_typed_as_one_string() -> None:
    assert split_lists({"op": "merge", "names": "A, B\nC,,"}) == {"op": "merge", "names": ["A", "B", "C"]}
    assert split_lists({"op": "ignore", "name": "A, B"}) == {"op": "ignore", "name": "A, B"}
    assert split_lists(["not", "a", "mapping"]) == ["not", "a", "mapping"]


def test_corrections_append_with_known_refuses_unknown_names(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    with pytest.raises(CorrectionError, match="no actor named"):
        append(path, {"op": "ignore", "name": "Nobody"}, known=KNOWN)
    assert not path.exists()
    assert append(path, {"op": "ignore", "name": "Pentagon"}, known=KNOWN) == Op("ignore", name="Pentagon")
