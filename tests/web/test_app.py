"""Every page renders, has a JSON twin, escapes article text, and stays inside its folders."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from fixtures_dossier import E_EVIL, E_PESKOV, PAYLOADS, STORY
from onrecord import corrections

warnings.filterwarnings("ignore", message=".*httpx2.*")

PAGES = [
    ("/", "/api/overview"),
    (f"/stories/{STORY}", f"/api/stories/{STORY}"),
    ("/actors", "/api/actors"),
    (f"/actors/{E_PESKOV}", f"/api/actors/{E_PESKOV}"),
    (f"/actors/{E_EVIL}", f"/api/actors/{E_EVIL}"),
    ("/quotes", "/api/quotes"),
    ("/claims", "/api/claims"),
    ("/documents", "/api/documents"),
    ("/documents/docA", "/api/documents/docA"),
    ("/documents/docX", "/api/documents/docX"),
    ("/documents/docL", "/api/documents/docL"),
    ("/problems", "/api/problems"),
]


@pytest.mark.parametrize(("page", "api"), PAGES)
def test_app_page_and_json_twin_render(client, page: str, api: str) -> None:
    html = client.get(page)
    data = client.get(api)
    assert html.status_code == 200, html.text
    assert html.headers["content-type"].startswith("text/html")
    assert data.status_code == 200
    assert data.headers["content-type"] == "application/json"
    assert isinstance(data.json(), dict)


@pytest.mark.parametrize(("page", "api"), PAGES)
def test_app_pages_never_contain_a_raw_payload(client, page: str, api: str) -> None:
    text = client.get(page).text
    for payload in PAYLOADS:
        assert payload not in text
    assert "onerror=alert(1)&gt;" in text or "docX" not in page


def test_app_payload_pages_show_the_payload_escaped(client) -> None:
    text = client.get("/documents/docX").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script>alert" not in text


def test_app_sends_a_content_security_policy(client) -> None:
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp


def test_app_overview_counts_articles_outlets_and_dates_per_story(client) -> None:
    story = client.get("/api/overview").json()["stories"]["items"][0]
    assert (story["id"], story["articles"], story["outlets"], story["dates"]) == (STORY, 5, 5, 4)


def test_app_overview_lists_ingest_problems(client) -> None:
    problems = client.get("/api/overview").json()["problems"]["items"]
    assert [p["stage"] for p in problems] == ["clean"]
    assert "no text found" in client.get("/").text


def test_app_story_timeline_is_an_svg_with_each_entry_and_its_sources(client) -> None:
    data = client.get(f"/api/stories/{STORY}").json()
    assert [e["date"] for e in data["timeline"]] == ["2024-10-28", "2024-11-01", "2024-11-02"]
    xs = [p["x"] for p in data["timeline_svg"]["points"]]
    assert xs == sorted(xs) and xs[1] - xs[0] > 3 * (xs[2] - xs[1])  # dates to scale
    html = client.get(f"/stories/{STORY}").text
    assert "<svg class=\"timeline\"" in html and "Syndicate Daily" in html


def test_app_story_figures_flag_the_conflicting_claims(client) -> None:
    figures = client.get(f"/api/stories/{STORY}").json()["figures"]
    soldiers = next(m for m in figures if m["counted"] == "North Korean soldiers")
    assert soldiers["conflict"]
    assert {c["id"] for c in soldiers["claims"] if c["conflict"]} == {"docA/c0", "docB/c0"}


def test_app_actor_page_lists_names_quotes_claims_and_companions(client) -> None:
    data = client.get(f"/api/actors/{E_PESKOV}").json()
    assert {n["doc_id"] for n in data["names"]} == {"docA", "docB", "docD"}
    assert len(data["quotes"]["items"]) == 3
    assert "ent-pentagon" in {c["id"] for c in data["cooccurring"]}
    roles = [r["text"] for n in data["names"] for r in n["roles"]]
    assert "Kremlin spokesman" in roles


def test_app_quotes_filter_by_speaker_outlet_kind_dates_and_text(client) -> None:
    def ids(**params: str) -> set[str]:
        return {q["id"] for q in client.get("/api/quotes", params=params).json()["quotes"]["items"]}

    assert ids(speaker="Peskov") == {"docA/q0", "docB/q0", "docD/q0"}
    assert ids(speaker=E_PESKOV, outlet="Eastern Post") == {"docB/q0"}
    assert ids(kind="indirect") == {"docL/q0"}
    assert ids(date_from="2024-11-05", date_to="2024-11-05") == {"docB/q0"}
    assert ids(q="Ukrainian forces") == {"docL/q0"}
    assert ids(q='"unbalanced') == set()  # a stray quote mark is not an error


def test_app_claims_filter_by_status_and_group_by_measure(client) -> None:
    data = client.get("/api/claims", params={"status": "unverified"}).json()
    assert [c["id"] for c in data["claims"]["items"]] == ["docX/c0"]
    everything = client.get("/api/claims").json()
    counted = [m["counted"] for m in everything["measures"]]
    assert counted[0] == "North Korean soldiers" and everything["measures"][0]["chart"]["points"]


def test_app_document_search_uses_full_text(client) -> None:
    found = client.get("/api/documents", params={"q": "Kursk"}).json()["documents"]["items"]
    assert [d["id"] for d in found] == ["docB"]


def test_app_document_page_highlights_items_and_hides_boilerplate(client) -> None:
    html = client.get("/documents/docA").text
    assert 'class="quote"' in html and 'class="claim"' in html
    assert "quote by Dmitry Peskov" in html  # hover title says what was extracted
    assert "<details class=\"removed\">" in html and "Subscribe to our newsletter" in html


def test_app_document_links_reach_the_same_quote_in_other_outlets(client) -> None:
    links = client.get("/api/documents/docA").json()["links"]
    kinds = {(lnk["kind"], lnk["other"]) for lnk in links}
    assert ("same_quote", "docB/q0") in kinds and ("duplicate", "docD") in kinds


def test_app_pagination_returns_next_offset_until_the_last_page(client) -> None:
    first = client.get("/api/documents", params={"limit": 2}).json()["documents"]
    last = client.get("/api/documents", params={"limit": 2, "offset": 4}).json()["documents"]
    assert first["next_offset"] == 2 and len(first["items"]) == 2
    assert last["next_offset"] is None and len(last["items"]) == 1
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422


def test_app_unknown_ids_give_404(client) -> None:
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/documents/nope").status_code == 404


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fapp.py",
    "/static/..%5capp.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
])
def test_app_static_files_refuse_path_traversal(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "create_app" not in response.text and "root:" not in response.text


def test_app_serves_its_own_static_files(client) -> None:
    assert client.get("/static/style.css").status_code == 200


def test_app_docs_page_lists_endpoints_without_external_assets(client) -> None:
    html = client.get("/docs").text
    assert "/api/quotes" in html and "https://" not in html
    assert "/api/corrections" in client.get("/openapi.json").json()["paths"]


def test_app_correction_via_api_is_appended_to_the_file(client, tmp_path: Path) -> None:
    response = client.post("/api/corrections", json={"op": "merge", "names": ["Dmitry Peskov", "Pentagon"]})
    assert response.status_code == 201
    assert "next build" in response.json()["message"]
    saved = corrections.load(tmp_path / "corrections.json").ops
    assert [o.as_dict() for o in saved] == [{"op": "merge", "names": ["Dmitry Peskov", "Pentagon"]}]


def test_app_correction_via_form_marks_a_quote_wrong(client, origin: str, tmp_path: Path) -> None:
    response = client.post("/corrections", data={"op": "wrong", "item": "docB/q0", "name": ""},
                           headers={"origin": origin})
    assert response.status_code == 200 and "applied on the next build" in response.text
    assert corrections.load(tmp_path / "corrections.json").wrong_items == {"docB/q0"}


@pytest.mark.parametrize(("body", "message"), [
    ({"op": "explode"}, "'op' must be one of"),
    ({"op": "merge", "names": ["Dmitry Peskov"]}, "at least 2"),
    ({"op": "rename", "name": "Nobody Known", "to": "X"}, "no actor named"),
    ({"op": "rename", "name": "Pentagon", "to": "Pentagon"}, "must differ"),
    ({"op": "split", "name": "Pentagon", "docs": ["nope"]}, "unknown document"),
    ({"op": "split", "name": "Pentagon"}, "needs 'docs'"),
    ({"op": "wrong", "item": "docA/q99"}, "no quote or claim"),
    ({"op": "ignore", "name": 5}, "non-empty string"),
    ({"op": "ignore", "name": "Pentagon", "extra": 1}, "unexpected field"),
    (["not", "an", "object"], "JSON object"),
])
def test_app_bad_corrections_get_422_with_a_clear_message(client, tmp_path: Path, body, message: str) -> None:
    response = client.post("/api/corrections", json=body)
    assert response.status_code == 422
    assert message in response.json()["error"]
    assert not (tmp_path / "corrections.json").exists()


def test_app_bad_correction_form_shows_the_error_and_saves_nothing(client, origin: str, tmp_path: Path) -> None:
    response = client.post("/corrections", data={"op": "rename", "name": "<script>alert(1)</script>", "to": "x"},
                           headers={"origin": origin})
    assert response.status_code == 422 and "no actor named" in response.text
    assert "<script>alert(1)</script>" not in response.text
    assert not (tmp_path / "corrections.json").exists()


def test_app_correction_body_that_is_not_json_gets_400(client) -> None:
    response = client.post("/api/corrections", content=b"{nope", headers={"content-type": "application/json"})
    assert response.status_code == 400


def test_app_api_is_read_only_apart_from_corrections(client) -> None:
    for path in ("/api/documents", "/api/quotes", f"/api/stories/{STORY}"):
        assert client.post(path, json={}).status_code == 405
        assert client.delete(path).status_code == 405


def test_app_twins_share_their_parameters_and_only_the_json_side_is_in_the_schema(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/quotes" not in paths and "/" not in paths
    quotes = paths["/api/quotes"]["get"]
    assert quotes["summary"] == "Quotes Api" and quotes["description"].startswith("Quotes explorer")
    assert [p["name"] for p in quotes["parameters"]] == ["speaker", "outlet", "date_from", "date_to", "kind", "act",
                                                           "q", "story", "order", "offset", "limit"]
    assert client.get("/quotes", params={"limit": 0}).status_code == 422  # the page validates as its twin
    assert client.get("/api/actors/nope").json() == {"error": "not found: actor nope"}
    assert "Not found: actor nope" in client.get("/actors/nope").text


def test_app_actor_page_sources_link_to_marks_on_the_document_page(client) -> None:
    data = client.get(f"/api/actors/{E_PESKOV}").json()
    assert data["standing"]["salience"] > 0
    name = next(f for f in data["forms"] if f["kind"] == "name")
    source = name["sources"][0]
    assert source["outlet"]
    page = client.get(f"/documents/{source['doc']}").text
    assert f'id="m{source["start"]}"' in page or source["item"]
    html = client.get(f"/actors/{E_PESKOV}").text
    assert 'id="forms"' in html and f"/documents/{source['doc']}#" in html


def test_app_actors_list_by_salience_with_the_set_aside_section(client) -> None:
    data = client.get("/api/actors").json()
    saliences = [a["salience"] for a in data["actors"]["items"]]
    assert saliences == sorted(saliences, reverse=True)
    assert data["set_aside"] == []
    assert "salience" in client.get("/actors").text


def test_app_claims_page_opens_with_the_disagreements_and_collapses_the_rest(client) -> None:
    data = client.get("/api/claims").json()
    (conflict,) = data["conflicts"]
    assert [[e["id"] for e in side] for side in conflict["sides"]] == [["docA/c0"], ["docB/c0"]]
    assert conflict["quoted"] and all(q["sentence"] for q in conflict["quoted"])
    assert [c["id"] for c in data["corroborations"][0]["figures"]] == ["docA/c0", "docL/c0"]
    html = client.get("/claims").text
    assert html.index("Where sources disagree") < html.index("Where sources agree") < html.index("All figures by measure")
    assert '<details class="measure conflict" open>' in html
