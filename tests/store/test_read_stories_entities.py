"""Reads of stories and actors on the hand-made dossier."""

from __future__ import annotations

import sqlite3

from fixtures_dossier import E_EVIL, E_PENTAGON, E_PESKOV, STORY
from onrecord.store import read_entities, read_stories


def test_stories_count_articles_outlets_and_dates(conn: sqlite3.Connection) -> None:
    story = read_stories.stories(conn).items[0]
    assert (story["id"], story["articles"], story["outlets"], story["dates"]) == (STORY, 5, 5, 4)
    assert (story["first"], story["last"]) == ("2024-11-02", "2024-11-06")
    assert read_stories.story(conn, STORY)["title"] == "North Korean troops in Russia"
    assert read_stories.story(conn, "nope") is None


def test_story_docs_oldest_first_and_timeline_by_date(conn: sqlite3.Connection) -> None:
    docs = read_stories.story_docs(conn, STORY).items
    assert [d["published"] for d in docs] == sorted(d["published"] for d in docs)
    assert [e["date"] for e in read_stories.timeline(conn, STORY)] == ["2024-10-28", "2024-11-01", "2024-11-02"]
    top = read_stories.timeline(conn, None, limit=1)
    assert [e["salience"] for e in top] == [2.0] and top[0]["sources"] == ["docA", "docD"]


def test_story_actors_by_salience_within_the_story(conn: sqlite3.Connection) -> None:
    actors = read_stories.story_actors(conn, STORY)
    assert [a["salience"] for a in actors] == sorted((a["salience"] for a in actors), reverse=True)
    assert {a["id"] for a in actors} >= {E_PESKOV, E_PENTAGON}
    story_docs = {r[0] for r in conn.execute("SELECT doc_id FROM story_docs WHERE story_id = ?", (STORY,))}
    for a in actors:
        assert a == {**a, **_expected(conn, a["id"], story_docs)}


def test_actors_entity_and_names(conn: sqlite3.Connection) -> None:
    listed = read_entities.actors(conn).items
    assert [a["salience"] for a in listed] == sorted((a["salience"] for a in listed), reverse=True)
    every = {r[0] for r in conn.execute("SELECT id FROM documents")}
    for a in listed:
        assert a == {**a, **_expected(conn, a["id"], every)}
    assert [a["id"] for a in read_entities.actors(conn, "Pyongyang").items] == ["ent-nkorea"]
    assert read_entities.entity(conn, E_EVIL)["aliases"]
    assert read_entities.entity(conn, "nope") is None
    names = read_entities.entity_names(conn, E_PESKOV)
    assert {n["doc_id"] for n in names} == {"docA", "docB", "docD"}


def test_cooccurring_and_name_known(conn: sqlite3.Connection) -> None:
    companions = {c["id"]: c["articles"] for c in read_entities.cooccurring(conn, E_PESKOV)}
    assert companions[E_PENTAGON] == 2 and E_PESKOV not in companions
    assert read_entities.name_known(conn, "Pentagon") and read_entities.name_known(conn, "Peskov") is False
    assert read_entities.name_known(conn, "Dmitry Peskov")


def _expected(conn: sqlite3.Connection, entity_id: str, docs: set[str]) -> dict:
    """The counts and salience of one entity over ``docs``, counted row by row in Python."""
    actors = [(d, k) for d, k in conn.execute("SELECT doc_id, key FROM actors WHERE entity_id = ?", (entity_id,))
              if d in docs]
    mentions = sum(conn.execute("SELECT COUNT(*) FROM mentions WHERE doc_id = ? AND actor_key = ?", a).fetchone()[0]
                   for a in actors)
    quotes = sum(1 for (d,) in conn.execute("SELECT doc_id FROM quotes WHERE speaker = ?", (entity_id,)) if d in docs)
    claims = sum(1 for (d,) in conn.execute("SELECT doc_id FROM claims WHERE claimant = ?", (entity_id,)) if d in docs)
    mine = {d for d, _ in actors}
    outlets = {conn.execute("SELECT COALESCE(outlet, id) FROM documents WHERE id = ?", (d,)).fetchone()[0] for d in mine}
    type_ = conn.execute("SELECT type FROM entities WHERE id = ?", (entity_id,)).fetchone()[0]
    weight = 0.5 if type_ in ("GPE", "LOC", "FAC") else 1.0
    salience = weight * mentions + 3 * quotes + 2 * claims + 2 * len(outlets) + len(mine)
    return {"mention_count": mentions, "quotes": quotes, "claims": claims, "outlets": len(outlets),
            "articles": len(mine), "salience": round(salience, 1)}


def test_set_aside_entities_leave_the_lists_with_their_reason(dossier_db) -> None:
    work = sqlite3.connect(":memory:")
    sqlite3.connect(dossier_db).backup(work)
    work.row_factory = sqlite3.Row
    work.execute("UPDATE entities SET set_aside = 'a headline fragment' WHERE id = ?", (E_PENTAGON,))
    assert E_PENTAGON not in {a["id"] for a in read_entities.actors(work).items}
    assert E_PENTAGON not in {a["id"] for a in read_stories.story_actors(work, STORY)}
    assert E_PENTAGON not in {c["id"] for c in read_entities.cooccurring(work, E_PESKOV)}
    aside = read_entities.set_aside(work)
    assert [(a["id"], a["set_aside"]) for a in aside] == [(E_PENTAGON, "a headline fragment")]
    assert read_entities.standing(work, E_PENTAGON)["salience"] == aside[0]["salience"]


def test_entity_forms_list_names_and_roles_with_sources(conn: sqlite3.Connection) -> None:
    forms = read_entities.entity_forms(conn, E_PESKOV)
    kinds = {(f["kind"], f["text"]) for f in forms}
    assert ("role", "Kremlin spokesman") in kinds and any(k == "name" for k, _ in kinds)
    body = {d: b for d, b in conn.execute("SELECT id, body FROM documents")}
    for f in forms:
        assert f["count"] >= len(f["sources"]) >= 1
        for s in f["sources"]:
            if f["kind"] in ("name", "role"):
                assert body[s["doc"]][s["start"]:s["end"]] == f["text"]
