"""The relations explorer and the actor-pair page on the seeds, HTML and JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import onrecord
from onrecord.web.app import create_app

META = Path(__file__).resolve().parents[2] / "examples" / "seeds-meta.jsonl"


@pytest.fixture(scope="module")
def client(seeds, tmp_path_factory) -> TestClient:
    db = tmp_path_factory.mktemp("relweb") / "seeds.db"
    onrecord.build([seeds], db=db, meta=META)
    return TestClient(create_app(db, corrections=db.parent / "corrections.json"), base_url="http://127.0.0.1:8000")


def _entity(client: TestClient, name: str) -> str:
    items = client.get("/api/actors", params={"q": name}).json()["actors"]["items"]
    return next(i["id"] for i in items if i["name"] == name)


def test_explorer_filters_by_type_and_actor(client):
    korea = _entity(client, "North Korea")
    data = client.get("/api/relations", params={"type": "aid", "actor": korea}).json()
    items = data["relations"]["items"]
    assert items and all(i["type"] == "AID" for i in items)
    assert all(korea in (i["source_entity"], i["target_entity"]) for i in items)
    assert client.get("/relations", params={"type": "AID"}).status_code == 200


def test_pair_page_lists_edges_by_date(client):
    korea, russia = _entity(client, "North Korea"), _entity(client, "Russia")
    data = client.get(f"/api/relations/{korea}/with/{russia}").json()
    firsts = [e["first"] or "~" for e in data["edges"]["items"]]
    assert "AID" in data["by_type"] and firsts == sorted(firsts)
    for e in data["edges"]["items"]:
        dates = [r["date"] or "~" for r in e["relations"]]
        assert dates == sorted(dates) and e["via"] == ({e["source"]["id"], e["target"]["id"]} != {korea, russia})
    arms = [e for e in data["edges"]["items"] if e["contradicted"]]
    assert arms and arms[0]["type"] == "AID" and {"reported", "denied"} <= {s["status"] for s in arms[0]["statuses"]}
    page = client.get(f"/relations/{korea}/with/{russia}")
    assert page.status_code == 200 and "North Korea" in page.text and "contradicted" in page.text
    assert client.get(f"/api/relations/{korea}/with/nobody").status_code == 404


def test_pair_page_keeps_one_type(client):
    korea, russia = _entity(client, "North Korea"), _entity(client, "Russia")
    data = client.get(f"/api/relations/{korea}/with/{russia}", params={"type": "consult"}).json()
    assert data["type"] == "CONSULT" and data["edges"]["items"] and all(e["type"] == "CONSULT" for e in data["edges"]["items"])
    assert data["by_type"]["AID"] > 0  # the counts stay those of every type


def test_actor_page_links_its_pairs(client):
    korea, russia = _entity(client, "North Korea"), _entity(client, "Russia")
    partners = client.get(f"/api/actors/{korea}").json()["relation_partners"]
    assert partners[0]["id"] == russia and partners[0]["relations"] >= 5
    page = client.get(f"/actors/{korea}").text
    assert f'href="/relations/{korea}/with/{russia}"' in page


def test_story_page_draws_the_relations_graph(client):
    stories = client.get("/api/overview").json()["stories"]["items"]
    story = max(stories, key=lambda s: s["articles"])
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200 and 'class="relations-graph"' in page.text and "/with/" in page.text
    graph = client.get(f"/api/stories/{story['id']}").json()["relations_graph"]
    scores = [e["score"] for e in graph["main"]]
    assert scores == sorted(scores, reverse=True) and graph["main"][0]["outlets"] >= 2
    assert len(graph["nodes"]) <= 10 and all(e["a"] != e["b"] for e in graph["edges"])


def test_korea_russia_page_shows_the_seeds_edges_in_date_order(client):
    """The must-show: the visit of Shoigu, the arrival, the summit, the arms supplies (claimed and
    denied) and the troop training, with the people each state's roles put on its side."""
    korea, russia = _entity(client, "North Korea"), _entity(client, "Russia")
    data = client.get(f"/api/relations/{korea}/with/{russia}").json()
    assert {p["name"] for p in data["people"]["a"]} >= {"Kim Jong-un"}
    assert {p["name"] for p in data["people"]["b"]} >= {"Vladimir Putin", "Sergei Shoigu", "Dmitry Peskov"}
    seen = [(e["first"], e["source"]["name"], e["type"], e["target"]["name"]) for e in data["edges"]["items"]]

    def at(date: str, source: str, type_: str, target: str) -> int:
        return next(i for i, x in enumerate(seen) if x[0].startswith(date) and x[1:] == (source, type_, target))

    order = [at("2023-07", "Sergei Shoigu", "CONSULT", "North Korea"),
             at("2023-09", "Kim Jong-un", "CONSULT", "Russia"),
             at("2023-09", "North Korea", "AID", "Russia"),
             at("2024-10", "Russia", "AID", "North Korea")]
    assert [seen[i][0][:7] for i in order] == ["2023-07", "2023-09", "2023-09", "2024-10"]  # all there
    summit = [e for e in data["edges"]["items"] if e["first"] == "2023-09-12" and e["type"] == "CONSULT"
              and {e["source"]["name"], e["target"]["name"]} == {"Vladimir Putin", "Kim Jong-un"}]
    assert summit and summit[0]["via"]
    training = data["edges"]["items"][order[-1]]
    assert training["statuses"] == [{"status": "alleged", "claimant": "United States"}]
    assert data["edges"]["items"][order[2]]["contradicted"]
    firsts = [e["first"] or "~" for e in data["edges"]["items"]]
    assert firsts == sorted(firsts)
    direct = client.get(f"/api/relations/{korea}/with/{russia}", params={"people": "false"}).json()
    assert direct["people"] == {"a": [], "b": []} and not any(e["via"] for e in direct["edges"]["items"])
    assert len(direct["edges"]["items"]) < len(data["edges"]["items"])
    page = client.get(f"/relations/{korea}/with/{russia}").text
    kim = next(p for p in data["people"]["a"] if p["name"] == "Kim Jong-un")
    assert "between their people" in page and f"(“{kim['role']}”)" in page and "North Korea" in kim["role"]
