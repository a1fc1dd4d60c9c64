"""Collect what the briefing says, as plain dicts (shared by the HTML and Markdown renderers)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from onrecord.report.relations import story_relations
from onrecord.store import read_base, read_brief, read_documents, read_items, read_stories
from onrecord.store.read_items import Filters
from onrecord.web import ranking, views
from onrecord.web.cite import in_sentence

QUOTES_PER_STORY = 12  # the best-ranked statements of a story (onrecord.web.ranking); "n more" links the rest


def briefing(conn: sqlite3.Connection, max_stories: int = 10) -> dict:
    totals = read_base.totals(conn)
    stories = []
    for s in read_stories.stories(conn, limit=max_stories).items:
        data = views.story(conn, s["id"], limit=200, quotes=QUOTES_PER_STORY)
        if data is None:
            continue
        data["summary"] = s
        data["quotes_rest"] = data["quotes"]["rest"]
        data["quotes"] = data["quotes"]["items"]
        data["relations"] = story_relations(conn, s["id"])
        stories.append(data)
    if not stories:
        stories.append(_whole_ledger(conn))
    _quote_sentences(conn, stories)
    cited = sorted({d for s in stories for d in _cited(s)})
    sources = list(read_documents.docs_by_id(conn, cited).values())
    sources.sort(key=lambda d: (d.get("published") or "", d["id"]))
    return {"generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "totals": totals,
            "stories": stories, "sources": sources}


def _whole_ledger(conn: sqlite3.Connection) -> dict:
    """Without stories (no link pass yet) the briefing covers every article as one story."""
    entries = [e for e in read_stories.timeline(conn, None) if e.get("kind") != "background"]
    docs = read_documents.documents(conn, limit=200).items
    claims = read_items.claims(conn, Filters(), limit=200).items
    return {
        "story": {"id": "", "title": "All articles"},
        "summary": {"articles": len(docs), "outlets": len({d["outlet"] for d in docs}),
                    "first": min((d["published"] for d in docs if d["published"]), default=None),
                    "last": max((d["published"] for d in docs if d["published"]), default=None)},
        "timeline": views.with_outlets(conn, entries),
        **views.figures_of(conn, claims),
        "actors": [], "lead": [],
        **_ranked(ranking.ranked_quotes(conn, Filters(), limit=QUOTES_PER_STORY, fold=True)),
        "articles": {"items": docs},
    }


def _cited(story: dict) -> set[str]:
    docs = {d["id"] for d in story["articles"]["items"]}
    docs |= {q["doc_id"] for q in story["quotes"]}
    docs |= {c["doc_id"] for m in story["figures"] for c in m["claims"]}
    docs |= {e["doc_id"] for d in story.get("conflicts", []) for side in d["sides"] for e in side}
    docs |= {e["doc_id"] for d in story.get("corroborations", []) for e in d["figures"]}
    docs |= {s for e in story["timeline"] for s in e.get("sources", [])}
    docs |= {r["doc_id"] for e in story.get("relations", {}).get("main", []) for r in e["cited"]}
    return docs


def _ranked(found: dict) -> dict:
    return {"quotes": found["items"], "quotes_rest": found["rest"]}


def _quote_sentences(conn: sqlite3.Connection, stories: list[dict]) -> None:
    """Each quote with ``in_sentence``: the sentence it stands in, split around the quote."""
    bodies: dict[str, str] = {}
    for s in stories:
        for q in s["quotes"]:
            body = bodies.get(q["doc_id"])
            if body is None:
                body = bodies[q["doc_id"]] = read_brief.body_of(conn, q["doc_id"])
            q["in_sentence"] = in_sentence(body, q["start"], q["end"]) if body else None
