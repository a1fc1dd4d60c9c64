"""The seeds end to end through the product path (build, then the export and the story page):
no background year, statement or duplicated sentence on a story's timeline, forecasts marked
expected, the 2022 → 2023 → 2024 arc related, dated relations on the timeline."""

import json
from pathlib import Path

import pytest

import onrecord
from onrecord.export import export

META = Path(__file__).resolve().parents[2] / "examples" / "seeds-meta.jsonl"
BASE = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def built(seeds, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds-timeline")
    db = folder / "seeds.db"
    onrecord.build([seeds], db=db, meta=META)
    export(db, "json", folder / "export.json")
    return db, json.loads((folder / "export.json").read_text(encoding="utf-8"))


def _story_of(data, words: str) -> str:
    return next(s["id"] for s in data["stories"] if words in s["title"])


@pytest.mark.model
def test_seeds_timeline_has_no_background_opener_statement_or_doubled_sentence(built):
    _, data = built
    timeline = data["timeline"]
    assert "1945" not in {e["date"] for e in timeline}  # "the biggest conflict in Europe since 1945"
    assert not [e for e in timeline if e["summary"].startswith("\u201cToday the West")]  # a quote
    assert not [e for e in timeline if "Mr Moore said last month" in e["summary"]]  # reported speech
    sentences = [(e["doc"], e["start"]) for e in data["events"]]
    assert len(sentences) == len(set(sentences))  # one sentence, one event
    old = [e for e in timeline if e["date"] in ("1956", "2001", "2019")]
    assert old and {e["kind"] for e in old} == {"background"}


@pytest.mark.model
def test_seeds_forecasts_are_expected_not_events_that_happened(built):
    _, data = built
    xi = [e for e in data["timeline"] if e["summary"].startswith("Putin is expected to meet Xi")]
    assert [e["kind"] for e in xi] == ["expected"]
    summit = [e for e in data["timeline"] if e["date"] == "2023-09-13" and "space facility" in e["summary"]]
    assert [e["kind"] for e in summit] == ["happened"]


@pytest.mark.model
def test_seeds_the_2022_2023_2024_stories_are_one_arc_of_three_stories(built):
    _, data = built
    assert len(data["stories"]) == 3  # related, never merged
    related = {s["id"]: {r["story"] for r in s["related"]} for s in data["stories"]}
    trip, troops = _story_of(data, "arrives in Russia"), _story_of(data, "admitted")
    volunteers = _story_of(data, "volunteers")
    assert related[trip] == {troops, volunteers} and trip in related[volunteers]


@pytest.mark.model
def test_seeds_story_page_shows_relations_background_apart_and_the_arc(built):
    from fastapi.testclient import TestClient

    from onrecord.web.app import create_app

    db, data = built
    trip = _story_of(data, "arrives in Russia")
    with TestClient(create_app(db), base_url=BASE) as client:
        page = client.get(f"/api/stories/{trip}").json()
        html = client.get(f"/stories/{trip}").text
    shoigu = [r for r in page["timeline_rows"] if r.get("relation") and r["label"].startswith("Sergei Shoigu")
              and "North Korea" in r["label"]]
    assert shoigu and shoigu[0]["date"] == "2023-07" and len(shoigu[0]["cites"]) == 2
    assert {e["date"] for e in page["background"]} >= {"1956", "2001"}
    assert not [e for e in page["timeline"] if e["kind"] == "background"]
    assert [r["when"] for r in page["arc"]["related"]] == ["earlier", "later"]
    assert "Earlier and later in this arc" in html and 'class="tag note"' in html and "Background:" in html
