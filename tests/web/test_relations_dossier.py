"""The relations pages over the hand-made dossier with relations (no model needed): the pair page's
edges and filter, the story graph's ranking and lines, the actor's partners, and markup in names
and sentences escaped everywhere."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import fixtures_relations as fx
from fixtures_dossier import E_EVIL, E_KOREA, E_PENTAGON, PAYLOADS, STORY
from onrecord.web.app import create_app

PAIR = f"/relations/{E_KOREA}/with/{fx.E_RUSSIA}"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = fx.build(tmp_path_factory.mktemp("relations-dossier") / "ledger.db")
    return TestClient(create_app(db, corrections=db.parent / "c.json"), base_url="http://127.0.0.1:8000")


def test_pair_edges_in_date_order_with_their_sources(client: TestClient) -> None:
    data = client.get("/api" + PAIR).json()
    assert [(e["type"], e["first"], e["last"]) for e in data["edges"]["items"]] == [
        ("AID", "2024-10-28", "2024-11-07"), ("CONSULT", "2024-11-01", "2024-11-01"), ("AID", "2024-12", "2024-12")]
    arms = data["edges"]["items"][0]
    assert arms["contradicted"] and arms["articles"] == arms["outlets"] == 3
    assert [r["doc_id"] for r in arms["relations"]] == ["docA", "docD", "docR"]
    assert arms["statuses"] == [{"status": "alleged", "claimant": "Pentagon"}, {"status": "denied", "claimant": "Dmitry Peskov"}]
    assert data["by_type"] == {"AID": 4, "CONSULT": 1} and data["contradicted"] == 1
    # the same pair from the other side
    assert client.get(f"/api/relations/{fx.E_RUSSIA}/with/{E_KOREA}").json()["edges"]["items"] == data["edges"]["items"]


def test_pair_type_filter_keeps_the_counts(client: TestClient) -> None:
    data = client.get("/api" + PAIR, params={"type": "consult"}).json()
    assert [e["type"] for e in data["edges"]["items"]] == ["CONSULT"] and data["by_type"]["AID"] == 4
    assert client.get("/api" + PAIR, params={"type": "ASSAULT"}).json()["edges"]["items"] == []
    page = client.get(PAIR, params={"type": "ASSAULT"})
    assert page.status_code == 200 and "No relations of type ASSAULT" in page.text


def test_pair_page_cites_each_sentence_at_its_offsets(client: TestClient) -> None:
    html = client.get(PAIR).text
    assert 'href="/documents/docR?at=0-66#at"' in html and "contradicted: claimed and denied" in html
    assert '<span class="rel-cue">sent</span>' in html  # the cue marked inside the sentence


def test_story_graph_ranks_and_draws_lines(client: TestClient) -> None:
    g = client.get(f"/api/stories/{STORY}").json()["relations_graph"]
    assert [(e["source"]["name"], e["type"]) for e in g["main"]][:2] == [("North Korea", "AID"), ("Pentagon", "THREATEN")]
    assert g["total"] == 5 and len(g["nodes"]) == 4
    lines = {(e["a"], e["b"], e["type"]): e for e in g["edges"]}
    aid = lines[(E_KOREA, fx.E_RUSSIA, "AID")]
    assert aid["relations"] == 4 and aid["contradicted"] and aid["directed"] and aid["outlets"] == 3
    assert not lines[(E_KOREA, fx.E_RUSSIA, "CONSULT")]["directed"]  # symmetric: no arrow
    assert (E_PENTAGON, E_KOREA, "THREATEN") in lines
    assert g["edges"][-1]["score"] == max(e["score"] for e in g["edges"])  # the strongest drawn last, on top


def test_actor_partners(client: TestClient) -> None:
    partners = client.get(f"/api/actors/{E_KOREA}").json()["relation_partners"]
    assert [(p["id"], p["relations"]) for p in partners] == [(fx.E_RUSSIA, 5), (E_EVIL, 1), (E_PENTAGON, 1)]
    assert client.get(f"/api/actors/{fx.E_RUSSIA}").json()["relation_partners"] == [
        {"id": E_KOREA, "name": "North Korea", "relations": 5}]


@pytest.mark.parametrize("path", [PAIR, f"/relations/{E_EVIL}/with/{E_KOREA}", f"/stories/{STORY}", f"/actors/{E_EVIL}",
                                  f"/actors/{E_KOREA}", "/relations", f"/relations?actor={E_EVIL}"])
def test_relations_pages_escape_markup(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert all(p not in response.text for p in PAYLOADS)
    assert "Mallory &lt;script&gt;" in response.text or path == PAIR


def test_pair_page_caps_the_sentences_per_edge_and_pages_the_edges(client: TestClient, monkeypatch) -> None:
    from onrecord.web import relations

    monkeypatch.setattr(relations, "SOURCES", 2)
    data = client.get("/api" + PAIR, params={"limit": 2}).json()
    arms = data["edges"]["items"][0]
    assert [r["status"] for r in arms["relations"]] == ["alleged", "denied"]  # the denial beside its claim
    assert arms["more"] == 1 and data["edges"]["next_offset"] == 2 and data["edges"]["total"] == 3
    html = client.get(PAIR, params={"limit": 2}).text
    assert f'href="/relations?edge={arms["id"]}">1 more sentence →</a>' in html and 'rel="next"' in html
    rows = client.get("/api/relations", params={"edge": arms["id"]}).json()["relations"]["items"]
    assert [r["doc_id"] for r in rows] == ["docA", "docD", "docR"]
