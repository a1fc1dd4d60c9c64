"""The whole FtM export validated by the followthemoney library itself (scripts/validate_ftm.py,
run in the environment `make ftm` makes, .venv-ftm): every schema and property known, every value
accepted by its type, required properties present, no dangling reference, every reference in its
property's range. Skipped, with the reason, when the library is nowhere to be found."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import fixtures_relations
import onrecord
from onrecord.export import export

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "validate_ftm.py"
META = ROOT / "examples" / "seeds-meta.jsonl"


@pytest.fixture(scope="module")
def ftm_python() -> str:
    try:
        import followthemoney  # noqa: F401

        return sys.executable
    except ImportError:
        pass
    python = ROOT / ".venv-ftm" / "bin" / "python"
    if not python.exists():
        pytest.skip("needs the followthemoney library: `make ftm` installs it in .venv-ftm")
    return str(python)


def _validate(python: str, path: Path) -> dict:
    done = subprocess.run([python, str(SCRIPT), str(path), "--json"], capture_output=True, text=True, timeout=300)
    assert done.stdout, done.stderr
    return {**json.loads(done.stdout), "rc": done.returncode}


def test_ftm_export_with_relations_validates(ftm_python: str, tmp_path: Path) -> None:
    db = fixtures_relations.build(tmp_path / "ledger.db")
    export(db, "ftm", tmp_path / "d.ftm.json")
    found = _validate(ftm_python, tmp_path / "d.ftm.json")
    assert found["rc"] == 0, found["problems"]
    assert found["schemas"]["Event"] == 8  # every relation with a merged side
    assert found["schemas"]["UnknownLink"] == 5  # every edge: both sides merged, two different entities
    assert found["invalid"] == found["dangling"] == found["off_range"] == 0


def test_validator_finds_what_is_wrong(ftm_python: str, tmp_path: Path) -> None:
    bad = [
        {"id": "p", "schema": "Person", "properties": {"name": ["P"]}},
        {"id": "l", "schema": "UnknownLink", "properties": {"subject": ["p"], "startDate": ["yesterday"]}},
        {"id": "e", "schema": "Event", "properties": {"name": ["E"], "proof": ["p"], "involved": ["nobody"]}},
    ]
    path = tmp_path / "bad.ftm.json"
    path.write_text("".join(json.dumps(e) + "\n" for e in bad), encoding="utf-8")
    found = _validate(ftm_python, path)
    assert found["rc"] == 1 and found["dangling"] == 1 and found["off_range"] == 1
    assert any("required object missing" in p for p in found["problems"])
    assert any("startDate" in p for p in found["problems"])


@pytest.mark.model
def test_ftm_export_of_the_seeds_validates(ftm_python: str, seeds: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.db"
    onrecord.build([seeds], db=db, meta=META)
    export(db, "ftm", tmp_path / "seeds.ftm.json")
    found = _validate(ftm_python, tmp_path / "seeds.ftm.json")
    assert found["rc"] == 0, found["problems"]
    entities = [json.loads(line) for line in (tmp_path / "seeds.ftm.json").read_text().splitlines()]
    name = {e["id"]: e["properties"].get("name", [""])[0] for e in entities}
    links = [e["properties"] for e in entities if e["schema"] == "UnknownLink"]
    arms = [p for p in links if {name[p["subject"][0]], name[p["object"][0]]} == {"North Korea", "Russia"}
            and p["role"][0].startswith("AID/military") and "contradicted" in p["status"]]
    assert arms and any(s.startswith("denied by") for s in arms[0]["status"])
