"""The brief on the hand-made dossier: ranked quotes, the lead, cited passages, snippets, synonyms."""

from __future__ import annotations

from fixtures_dossier import PAYLOADS, STORY
from onrecord.store.fts import HIT_CLOSE, HIT_OPEN
from onrecord.web import snippets
from onrecord.web.cite import at_href, in_sentence, sentence_around


def test_story_quotes_are_ranked_direct_first_echoes_folded_and_counted(client) -> None:
    data = client.get(f"/api/stories/{STORY}").json()
    quotes = data["quotes"]
    ids = [q["id"] for q in quotes["items"]]
    assert ids[0] == "docA/q0"  # Peskov, the most salient speaker, carried by three outlets
    assert "docB/q0" not in ids and "docD/q0" not in ids  # the same statement is shown once
    assert {e["outlet"] for e in quotes["items"][0]["echoes"]} == {"Eastern Post", "Syndicate Daily"}
    kinds = [q["kind"] for q in quotes["items"]]
    assert kinds.index("indirect") > max(i for i, k in enumerate(kinds) if k != "indirect")
    assert quotes["total"] == 5 and quotes["rest"] == 0


def test_story_page_says_how_many_quotes_it_left_out(client, monkeypatch) -> None:
    from onrecord.web import views

    story = views.story
    monkeypatch.setattr(views, "story", lambda conn, sid, offset=0: story(conn, sid, offset, quotes=1))
    html = client.get(f"/stories/{STORY}").text
    assert f'href="/quotes?story={STORY}">2 more quotes →' in html


def test_quotes_explorer_ranks_by_default_and_lists_every_quote(client) -> None:
    ranked = client.get("/api/quotes").json()
    assert ranked["order"] == "ranked" and len(ranked["quotes"]["items"]) == 5
    assert ranked["quotes"]["items"][0]["speaker_name"] == "Dmitry Peskov"
    newest = client.get("/api/quotes", params={"order": "newest"}).json()
    assert newest["quotes"]["items"][0]["doc_id"] == "docL"


def test_lead_cites_every_sentence_and_opens_with_what_most_outlets_report(client) -> None:
    lead = client.get(f"/api/stories/{STORY}").json()["lead"]
    assert 2 <= len(lead) <= 4 and all(s["cites"] for s in lead)
    assert lead[0]["kind"] == "event" and "Northern Wire and Syndicate Daily report" in lead[0]["text"]
    conflict = next(s for s in lead if s["kind"] == "conflict")
    assert "Pentagon says about 10,000; Volodymyr Zelensky says 12,000" in conflict["text"]
    assert {c["doc_id"] for c in conflict["cites"]} == {"docA", "docB"}
    html = client.get(f"/stories/{STORY}").text
    assert 'href="/documents/docB?at=0-77#at"' in html  # Zelensky's sentence, whole


def test_document_marks_the_cited_passage_and_ignores_a_bad_one(client) -> None:
    data = client.get("/api/documents/docA", params={"at": "78-167"}).json()
    assert data["target"] == {"start": 78, "end": 167}
    marked = [p for p in data["pieces"] if "target" in p["kinds"]]
    assert "".join(p["text"] for p in marked).startswith("The Pentagon said about 10,000")
    assert marked[0]["anchor"] == "at" and sum(p["anchor"] == "at" for p in data["pieces"]) == 1
    html = client.get("/documents/docA", params={"at": "78-167"}).text
    assert 'id="at"' in html and 'class="mention target"' in html
    for bad in ("", "5", "9-3", "0-99999", "a-b", "-1-4"):
        assert client.get("/api/documents/docA", params={"at": bad}).json()["target"] is None


def test_untitled_article_gets_a_readable_label_everywhere(client, dossier) -> None:
    from onrecord.store.ledger import Ledger

    with Ledger(dossier) as ledger:
        ledger.conn.execute("UPDATE documents SET title = NULL WHERE id = 'docB'")
        ledger.conn.commit()
    try:
        label = "Eastern Post, 2024-11-05: President Volodymyr Zelensky said 12,000 North Korean soldiers…"
        assert label in client.get("/documents").text
        assert label in client.get(f"/stories/{STORY}").text
        assert f"<h1>{label}</h1>" in client.get("/documents/docB").text
    finally:
        with Ledger(dossier) as ledger:
            ledger.conn.execute("UPDATE documents SET title = 'Kyiv puts number at 12,000' WHERE id = 'docB'")
            ledger.conn.commit()


def test_searches_mark_matches_and_match_synonyms(client) -> None:
    docs = client.get("/documents", params={"q": "deployment"}).text
    assert '<p class="snippet">' in docs and '<mark class="hit">deployment</mark>' in docs
    quotes = client.get("/api/quotes", params={"q": "soldiers"}).json()
    parts = quotes["quotes"]["items"][0]["parts"]
    assert [p["text"] for p in parts if p["hit"]] == ["troops"]  # "soldiers" finds Zelensky's troops
    assert "troops" in quotes["synonyms"]
    claims = client.get("/api/claims", params={"q": "troops"}).json()
    assert {x["id"] for c in claims["matches"] for x in c["figures"]} >= {"docA/c0", "docB/c0", "docL/c0"}
    html = client.get("/claims", params={"q": "troops"}).text
    assert '<mark class="hit">soldiers</mark>' in html and "also matches soldiers" in html
    payloads = client.get("/documents", params={"q": "Mallory"}).text
    assert all(p not in payloads for p in PAYLOADS)


def test_snippet_parts_escape_nothing_and_drop_stray_markers() -> None:
    text = f"a {HIT_OPEN}<b>{HIT_CLOSE} c{HIT_CLOSE}"
    assert snippets.parts(text) == [{"text": "a ", "hit": False}, {"text": "<b>", "hit": True},
                                    {"text": " c", "hit": False}]
    assert [p for p in snippets.found("Ten soldiers and TROOPS", "troops") if p["hit"]] == [
        {"text": "soldiers", "hit": True}, {"text": "TROOPS", "hit": True}]


def test_cited_sentence_bounds_and_links() -> None:
    body = "First one. He said “we go now,” and left. Next."
    start = body.index("we")
    assert sentence_around(body, start, start + 9) == (11, 41)
    w = in_sentence(body, start, start + 9)
    assert (w["before"], w["statement"], w["after"]) == ("He said “", "we go now", ",” and left.")
    assert at_href("d/1", 3, 9) == "/documents/d/1?at=3-9#at"
    assert at_href("d", None, None, "http://h:1/") == "http://h:1/documents/d"


def test_figures_cut_says_how_many_measures_are_left(dossier) -> None:
    from onrecord.store import read_items
    from onrecord.store.ledger import Ledger
    from onrecord.web import views

    with Ledger(dossier, readonly=True) as ledger:
        claims = read_items.story_figures(ledger.conn, STORY)
        shown = views.figures_of(ledger.conn, claims, groups=1)
        whole = views.figures_of(ledger.conn, claims)
    assert len(shown["figures"]) == 1 and shown["more_measures"] == len(whole["figures"]) - 1 >= 1
    assert whole["more_measures"] == 0
