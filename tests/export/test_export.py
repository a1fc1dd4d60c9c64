"""The JSON export follows the shared contract; per-table files are readable; FtM is well formed."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import fixtures_relations
from fixtures_dossier import PAYLOADS, build
from onrecord.errors import OnrecordError
from onrecord.export import export
from onrecord.export.records import COLUMNS, TABLES

CONTRACT = {
    "documents": {"id", "source", "input_id", "title", "standfirst", "outlet", "authors", "published",
                  "language", "body", "captions", "removed", "entries"},
    "entities": {"id", "name", "type", "aliases", "mentions"},
    "quotes": {"id", "doc", "start", "end", "source_start", "source_end", "text", "kind", "cue", "speaker",
               "speaker_name", "speaker_mention"},
    "claims": {"id", "doc", "start", "end", "source_start", "source_end", "text", "sentence", "value", "low",
               "high", "change", "unit", "counted", "claimant", "claimant_name", "status"},
    "times": {"doc", "start", "end", "source_start", "source_end", "text", "value"},
    "events": {"id", "doc", "start", "end", "text", "date", "entities"},
    "stories": {"id", "title", "docs"},
    "links": {"kind", "items", "note"},
    "timeline": {"date", "salience", "summary", "events", "sources"},
}


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("export") / "ledger.db")


@pytest.fixture(scope="module")
def exported(dossier: Path) -> dict:
    out = dossier.parent / "dossier.json"
    export(dossier, "json", out)
    return json.loads(out.read_text(encoding="utf-8"))


def test_export_json_has_every_contract_table_and_key(exported: dict) -> None:
    assert list(exported) == list(TABLES)
    for table, keys in CONTRACT.items():
        assert exported[table], table
        for record in exported[table]:
            assert keys <= set(record), (table, keys - set(record))
            assert list(record) == list(COLUMNS[table])


def test_export_spans_match_body_and_source_text(exported: dict) -> None:
    docs = {d["id"]: d for d in exported["documents"]}
    for table in ("quotes", "claims", "times"):
        for item in exported[table]:
            d = docs[item["doc"]]
            assert d["body"][item["start"]:item["end"]] == item["text"]
            assert d["source_text"][item["source_start"]:item["source_end"]] == item["text"]
    mention = exported["quotes"][0]["speaker_mention"]
    assert set(mention) == {"start", "end", "source_start", "source_end", "text"}


def test_export_source_offsets_differ_when_the_source_has_a_header(exported: dict) -> None:
    quote = next(q for q in exported["quotes"] if q["id"] == "docA/q0")
    assert quote["source_start"] == quote["start"] + len("HEADER LINE\n")


def test_export_documents_carry_removed_entries_and_captions(exported: dict) -> None:
    docs = {d["id"]: d for d in exported["documents"]}
    assert docs["docA"]["removed"] == [{"text": "Subscribe to our newsletter", "reason": "boilerplate"}]
    assert docs["docA"]["captions"] == ["Soldiers at a railway station"]
    entries = docs["docL"]["entries"]
    assert [e["heading"] for e in entries] == ["Morning update", "Kyiv reacts"]
    assert all(e["source_start"] == e["start"] for e in entries)


def test_export_absent_values_are_null_or_empty_lists(exported: dict) -> None:
    docs = {d["id"]: d for d in exported["documents"]}
    assert docs["docB"]["standfirst"] is None and docs["docB"]["entries"] == []
    claim = next(c for c in exported["claims"] if c["id"] == "docB/c0")
    assert claim["unit"] is None and claim["low"] is None


def test_export_entities_list_their_mentions_with_documents(exported: dict) -> None:
    peskov = next(e for e in exported["entities"] if e["id"] == "ent-peskov")
    assert {m["doc"] for m in peskov["mentions"]} == {"docA", "docB", "docD"}


def test_export_jsonl_writes_one_file_per_table(dossier: Path, tmp_path: Path) -> None:
    export(dossier, "jsonl", tmp_path / "out")
    lines = (tmp_path / "out" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["id"]
    assert sorted(p.stem for p in (tmp_path / "out").iterdir()) == sorted(TABLES)


def test_export_csv_has_a_header_and_json_encoded_lists(dossier: Path, tmp_path: Path) -> None:
    export(dossier, "csv", tmp_path)
    with (tmp_path / "stories.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(COLUMNS["stories"])
    assert json.loads(rows[0]["docs"]) == ["docX", "docA", "docD", "docB", "docL"]  # by date


def test_export_parquet_is_readable_per_table(dossier: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    export(dossier, "parquet", tmp_path)
    claims = pq.read_table(tmp_path / "claims.parquet")
    assert claims.num_rows == 5 and claims.column_names == list(COLUMNS["claims"])
    assert sorted(claims.column("value").to_pylist()) == [5000, 10000, 10000, 10000, 12000]


REFERENCES = {"Documentation": ("entity", "document"), "Event": ("organizer", "involved", "proof"),
              "UnknownLink": ("subject", "object", "proof")}


def test_export_ftm_writes_valid_entities_that_reference_each_other(dossier: Path, tmp_path: Path) -> None:
    export(dossier, "ftm", tmp_path / "dossier.ftm.json")
    export(fixtures_relations.build(tmp_path / "relations.db"), "ftm", tmp_path / "relations.ftm.json")
    for name in ("dossier", "relations"):
        entities = [json.loads(line) for line in (tmp_path / f"{name}.ftm.json").read_text().splitlines()]
        ids = {e["id"] for e in entities}
        schemas = {e["schema"] for e in entities}
        assert {"Article", "Person", "Organization", "LegalEntity", "Documentation"} <= schemas
        for e in entities:
            assert set(e) == {"id", "schema", "properties"}
            assert all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in e["properties"].values())
            for prop in REFERENCES.get(e["schema"], ()):
                assert set(e["properties"].get(prop, [])) <= ids, (e["schema"], prop)
        quoted = [e for e in entities if e["properties"].get("role", [""])[0].startswith("quoted")]
        assert len(quoted) == 5
    links = [e["properties"] for e in entities if e["schema"] == "UnknownLink"]
    arms = next(p for p in links if "contradicted" in p["status"])
    assert arms["role"] == ["AID/military (material cooperation)"] and len(arms["proof"]) == 3
    assert arms["startDate"] == ["2024-10-28"] and arms["endDate"] == ["2024-11-07"]
    assert arms["status"] == ["alleged by Pentagon", "denied by Dmitry Peskov", "contradicted"]
    assert {"subject", "object"} <= set(arms) and arms["subject"] != arms["object"]
    assert sum(e["schema"] == "Event" for e in entities) == 8 and len(links) == 5


RELATION_CONTRACT = {"id", "doc", "start", "end", "source_start", "source_end", "text", "type", "mode", "source",
                     "source_name", "target", "target_name", "date", "status", "claimant", "claimant_name", "cue"}


def test_export_relations_follow_the_shared_contract(tmp_path: Path) -> None:
    db = fixtures_relations.build(tmp_path / "relations.db")
    export(db, "json", tmp_path / "d.json")
    data = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in data["documents"]}
    rows = data["relations"]
    assert len(rows) == 8
    for r in rows:
        assert RELATION_CONTRACT <= set(r) and list(r) == list(COLUMNS["relations"])
        assert docs[r["doc"]]["body"][r["start"]:r["end"]] == r["text"]
        assert docs[r["doc"]]["source_text"][r["source_start"]:r["source_end"]] == r["text"]
    arms = [r for r in rows if r["edge_docs"] == 3]
    assert {(r["source_name"], r["target_name"]) for r in arms} == {("North Korea", "Russia")}
    assert all(r["contradicted"] for r in arms)
    unmerged = next(r for r in rows if r["type"] == "ASSAULT")
    assert unmerged["source"] is None and unmerged["source_name"] is None and unmerged["source_text"] == "Ukrainian forces"
    export(db, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "relations.csv").open(encoding="utf-8") as fh:
        assert list(next(csv.DictReader(fh))) == list(COLUMNS["relations"])
    import pyarrow.parquet as pq

    export(db, "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "relations.parquet")
    assert table.num_rows == 8 and table.column_names == list(COLUMNS["relations"])


def test_export_keeps_payload_text_verbatim_in_data(exported: dict) -> None:
    titles = [d["title"] for d in exported["documents"]]
    assert any(PAYLOADS[0] in t for t in titles)


def test_export_unknown_format_is_refused(dossier: Path, tmp_path: Path) -> None:
    with pytest.raises(OnrecordError, match="unknown export format"):
        export(dossier, "xml", tmp_path / "x.xml")
