"""Exports of hostile data: CSV cells a spreadsheet would run are neutralised; only http(s) URLs are links."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from fixtures_dossier import BAD_URLS, FORMULA, build
from onrecord.export import export

STARTS = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    changes = {"docA": {"title": FORMULA, "outlet": "@SUM(1,2)", "url": "=cmd|' /C calc'!A0"},
               "docB": {"title": "-5", "standfirst": "+1 more", "authors": ("=1+1",), "url": "javascript:alert(1)"},
               "docL": {"title": "\tTabbed", "outlet": "\rReturn"}}
    return build(tmp_path_factory.mktemp("hostile") / "ledger.db", changes)


def _csv(db: Path, out: Path, table: str) -> list[dict[str, str]]:
    export(db, "csv", out)
    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_neutralises_a_hyperlink_formula_title(hostile: Path, tmp_path: Path) -> None:
    docs = {d["id"]: d for d in _csv(hostile, tmp_path, "documents")}
    assert docs["docA"]["title"] == "'" + FORMULA
    assert docs["docA"]["outlet"] == "'@SUM(1,2)" and docs["docA"]["url"] == "'=cmd|' /C calc'!A0"
    assert docs["docB"]["title"] == "'-5" and docs["docB"]["standfirst"] == "'+1 more"
    assert docs["docL"]["title"] == "'\tTabbed" and docs["docL"]["outlet"] == "'\rReturn"
    assert json.loads(docs["docB"]["authors"]) == ["=1+1"]  # a JSON list cell starts with "["
    assert docs["docD"]["title"] == "Kremlin stays silent on troops"  # ordinary text is untouched


def test_csv_no_cell_starts_a_formula(hostile: Path, tmp_path: Path) -> None:
    export(hostile, "csv", tmp_path)
    for path in tmp_path.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                assert not [c for c in row if len(c) > 1 and c[:1] in ("=", "+", "-", "@", "\t", "\r")], (path.name, row)


def test_csv_numbers_and_single_signs_stay_as_they_are(hostile: Path, tmp_path: Path) -> None:
    claims = _csv(hostile, tmp_path, "claims")
    assert {c["change"] for c in claims} == {"=", "~"}  # a lone sign holds no formula
    assert sorted(float(c["value"]) for c in claims) == [5000, 10000, 10000, 10000, 12000]
    assert all(c["start"].isdigit() for c in claims)
    from onrecord.export import csv_cell

    assert csv_cell("=") == "=" and csv_cell("-") == "-" and csv_cell("@") == "@"
    assert csv_cell(-5) == -5 and csv_cell(-2.5) == -2.5 and csv_cell(None) is None and csv_cell(False) is False


@pytest.mark.parametrize("text", STARTS)
def test_csv_cell_prefixes_each_formula_start(text: str) -> None:
    from onrecord.export import csv_cell

    assert csv_cell(text) == "'" + text


def test_json_export_keeps_the_values_as_they_are(hostile: Path, tmp_path: Path) -> None:
    export(hostile, "json", tmp_path / "d.json")
    docs = {d["id"]: d for d in json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["documents"]}
    assert docs["docA"]["title"] == FORMULA and docs["docB"]["url"] == "javascript:alert(1)"


def _ftm_articles(db: Path, out: Path) -> dict[str, dict]:
    export(db, "ftm", out)
    entities = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {e["properties"]["fileName"][0]: e for e in entities if e["schema"] == "Article"}


@pytest.mark.parametrize("url", BAD_URLS)
def test_ftm_keeps_a_non_http_url_as_text_not_as_source_url(tmp_path: Path, url: str) -> None:
    db = build(tmp_path / "ledger.db", {"docA": {"url": url}})
    article = _ftm_articles(db, tmp_path / "d.ftm.json")["docA.txt"]["properties"]
    assert "sourceUrl" not in article
    assert article["notes"] == [f"source URL (not an http or https link): {url}"]


def test_ftm_source_url_for_an_https_url(tmp_path: Path) -> None:
    db = build(tmp_path / "ledger.db")
    article = _ftm_articles(db, tmp_path / "d.ftm.json")["docA.txt"]["properties"]
    assert article["sourceUrl"] == ["https://example.org/docA"] and "notes" not in article
