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


def test_story_actors_by_articles(conn: sqlite3.Connection) -> None:
    actors = read_stories.story_actors(conn, STORY)
    assert actors[0]["articles"] >= actors[-1]["articles"]
    assert {a["id"] for a in actors} >= {E_PESKOV, E_PENTAGON}


def test_actors_entity_and_names(conn: sqlite3.Connection) -> None:
    listed = read_entities.actors(conn).items
    assert [a["doc_count"] for a in listed] == sorted((a["doc_count"] for a in listed), reverse=True)
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
