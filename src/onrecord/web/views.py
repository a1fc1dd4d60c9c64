"""Page data: one function per page, returning plain JSON-ready dicts.

The HTML page and its JSON twin under ``/api`` are built from the same dict, so they never drift.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import asdict

from onrecord.store import read_base, read_documents, read_entities, read_items, read_stories
from onrecord.store.read_base import Row
from onrecord.store.read_items import Filters
from onrecord.synonyms import same_as
from onrecord.web import charts, figures, highlight, lead, ranking, snippets, timeline
from onrecord.web.relations import actor_partners
from onrecord.web.relations import graph as relation_graph


def overview(conn: sqlite3.Connection, offset: int = 0, limit: int = 20) -> dict:
    return {
        "totals": read_base.totals(conn),
        "stories": read_stories.stories(conn, limit, offset).as_dict(),
        "latest": read_documents.latest(conn, limit=10).as_dict(),
        "problems": read_documents.problems_page(conn, limit=10).as_dict(),
    }


def problems(conn: sqlite3.Connection, offset: int = 0, limit: int = 50) -> dict:
    return {"problems": read_documents.problems_page(conn, limit, offset).as_dict()}


def with_outlets(conn: sqlite3.Connection, entries: list[Row]) -> list[Row]:
    """Timeline entries with the outlet and title of each source article."""
    docs = read_documents.docs_by_id(conn, [s for e in entries for s in e.get("sources", [])])
    for e in entries:
        e["outlets"] = [
            {"doc": s, "outlet": docs.get(s, {}).get("outlet"), "title": docs.get(s, {}).get("title")}
            for s in e.get("sources", [])
        ]
    return entries


def mark_conflicts(conn: sqlite3.Connection, claims: list[Row]) -> list[Row]:
    """Claims with ``conflict`` (in a conflicts link) and their ``links`` to other items."""
    links = read_items.item_links(conn, [c["id"] for c in claims])
    for c in claims:
        mine = links.get(c["id"], [])
        c["conflict"] = any(link["kind"] == "conflicts" for link in mine)
        c["links"] = [{"kind": link["kind"], "note": link["note"],
                       "items": [i for i in link["items"] if i != c["id"]]} for link in mine]
    return claims


UNNAMED = "(unspecified)"


def measures(claims: list[dict]) -> list[dict]:
    """Claims grouped by the measure the link pass compared them under (the ``measure`` key it
    stored on each claim), so a group holds exactly the figures its conflicts were computed from.
    A claim the link pass did not compare joins the others of its counted thing and unit. Each
    group comes with its chart: conflicts first, unnamed measures last, then the biggest groups."""
    groups: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for c in claims:
        key = ("measure", c["measure"]) if c.get("measure") else ("counted", c.get("counted") or "", c.get("unit") or "")
        groups[key].append(c)
    out = []
    for items in groups.values():
        counted = Counter(c["counted"] for c in items if c.get("counted")).most_common(1)
        unit = next((c["unit"] for c in items if c.get("unit")), None)
        noted = [link["note"] for c in items for link in c.get("links", []) if link.get("note")]
        name = counted[0][0] if counted else UNNAMED
        out.append({"counted": name, "label": figures.what(noted[0]) if noted else name, "unit": unit,
                    "claims": items, "conflict": any(c.get("conflict") for c in items),
                    "linked": bool(noted), "chart": charts.claims_svg(items)})
    out.sort(key=lambda m: (not m["conflict"], not m["linked"], m["counted"] == UNNAMED, -len(m["claims"]), m["counted"],
                            m["unit"] or ""))
    return out


def figures_of(conn: sqlite3.Connection, claims: list[Row], groups: int = 12) -> dict:
    """A list of claims as the pages show them: ``conflicts`` and ``corroborations`` first
    (:func:`onrecord.web.figures.disagreements`), the ``figures`` grouped by measure (at most
    ``groups``; ``more_measures`` says how many were left out), and the side details apart
    (``other_figures``)."""
    main, other = figures.split_asides(mark_conflicts(conn, claims))
    grouped = measures(main)
    return {**figures.disagreements(conn, main), "figures": grouped[:groups], "other_figures": other,
            "more_measures": max(0, len(grouped) - groups)}


STORY_ACTORS = 15  # a story's main actors shown
ALL_ACTORS = 100_000  # every actor of a story, read once: the main actors and the speakers' salience


def story(conn: sqlite3.Connection, story_id: str, offset: int = 0, limit: int = 50,
          quotes: int = 20) -> dict | None:
    """A story's page: its lead, timeline and arc (:mod:`onrecord.web.timeline`), figures, actors, the ``quotes`` best-ranked quotes
    (:mod:`onrecord.web.ranking`; ``quotes.total`` counts them all) and its articles."""
    s = read_stories.story(conn, story_id)
    if s is None:
        return None
    figs = figures_of(conn, read_items.story_figures(conn, story_id))
    everyone = read_stories.story_actors(conn, story_id, limit=ALL_ACTORS)  # ranks the quotes too
    actors = everyone[:STORY_ACTORS]
    return {
        "story": s,
        "lead": lead.lead(conn, story_id, figs["conflicts"], figs["corroborations"], actors),
        **timeline.story_timeline(conn, story_id, with_outlets),
        **figs,
        "actors": actors,
        "relations_graph": relation_graph(conn, story_id, {a["id"]: a["salience"] for a in everyone}),
        "quotes": ranking.ranked_quotes(conn, Filters(story=story_id), limit=quotes, fold=True,
                                        weight={a["id"]: a["salience"] for a in everyone}),
        "articles": read_stories.story_docs(conn, story_id, limit, offset).as_dict(),
    }


def actor(conn: sqlite3.Connection, entity_id: str, offset: int = 0, limit: int = 50) -> dict | None:
    e = read_entities.entity(conn, entity_id)
    if e is None:
        return None
    claims = mark_conflicts(conn, read_items.claims(conn, Filters(who=entity_id), limit=100).items)
    return {
        "entity": e,
        "names": read_entities.entity_names(conn, entity_id),
        "forms": read_entities.entity_forms(conn, entity_id),
        "standing": read_entities.standing(conn, entity_id),
        "quotes": read_items.quotes(conn, Filters(who=entity_id), limit, offset).as_dict(),
        "claims": claims,
        "cooccurring": read_entities.cooccurring(conn, entity_id),
        "relation_partners": actor_partners(conn, entity_id),
    }


ORDERS = ("ranked", "newest")


def quotes(conn: sqlite3.Connection, f: Filters, offset: int = 0, limit: int = 50,
           order: str = "ranked") -> dict:
    """Quotes matching ``f``: ranked (:mod:`onrecord.web.ranking`) or newest first; with a text
    query each quote's ``parts`` mark the words that matched."""
    if order == "newest":
        page = read_items.quotes(conn, f, limit, offset).as_dict()
    else:
        page = ranking.ranked_quotes(conn, f, limit, offset)
    links = read_items.item_links(conn, [q["id"] for q in page["items"]])
    for q in page["items"]:
        q["links"] = [{"kind": x["kind"], "items": [i for i in x["items"] if i != q["id"]]}
                      for x in links.get(q["id"], [])]
        if q.get("marked"):
            q["parts"] = snippets.parts(q.pop("marked"))
    return {"filters": asdict(f), "order": order if order in ORDERS else "ranked", "quotes": page,
            "synonyms": synonyms_of(f.q), "outlets": read_documents.outlets(conn)}


def sentence_matches(claims: list[Row], q: str) -> list[dict]:
    """The sentences behind ``claims``, each once with the figures it holds (side details left
    out when the sentence has others) and ``parts``, the words ``q`` matched marked."""
    out: dict[tuple[str, int], dict] = {}
    for c in claims:
        key = (c["doc_id"], c.get("sentence_start") if c.get("sentence_start") is not None else c["start"])
        entry = out.setdefault(key, {**c, "figures": [], "parts": snippets.found(c.get("sentence"), q)})
        entry["figures"].append(c)
    for entry in out.values():
        main = [c for c in entry["figures"] if not c.get("aside")]
        entry["figures"] = main or entry["figures"]
    return list(out.values())


def synonyms_of(q: str) -> list[str]:
    """The other words a search for ``q`` also matches (the synonyms of its counted words)."""
    return list(dict.fromkeys(a for w in q.split() for a in same_as(w)))


def claims(conn: sqlite3.Connection, f: Filters, offset: int = 0, limit: int = 100) -> dict:
    page = read_items.claims(conn, f, limit, offset).as_dict()
    main, other = figures.split_asides(mark_conflicts(conn, page["items"]))
    matches = sentence_matches(page["items"], f.q) if f.q else []
    return {"filters": asdict(f), "claims": page, **figures.disagreements(conn, main),
            "measures": measures(main), "other_figures": other, "outlets": read_documents.outlets(conn),
            "matches": matches, "synonyms": synonyms_of(f.q)}


def documents(conn: sqlite3.Connection, q: str = "", outlet: str = "", offset: int = 0,
              limit: int = 50) -> dict:
    found = read_documents.documents(conn, q, outlet, limit, offset).as_dict()
    for d in found["items"]:
        if d.get("snippet"):
            d["parts"] = snippets.parts(d.pop("snippet"))
    return {"q": q, "outlet": outlet, "documents": found, "outlets": read_documents.outlets(conn)}


def target(at: str, size: int) -> tuple[int, int] | None:
    """The passage ``at`` names ("START-END", body offsets) when it lies in a body of ``size``."""
    start, _, end = (at or "").partition("-")
    if not (start.isdigit() and end.isdigit()):
        return None
    a, b = int(start), int(end)
    return (a, b) if 0 <= a < b <= size else None


def document(conn: sqlite3.Connection, doc_id: str, at: str = "") -> dict | None:
    """One article cut into highlighted pieces; ``at`` ("START-END") marks the cited passage
    (pieces of kind ``target``, the first with the anchor ``at``)."""
    d = read_documents.document(conn, doc_id)
    if d is None:
        return None
    d.pop("source_text", None)
    d.pop("segments", None)
    items = {t: read_documents.doc_items(conn, t, doc_id)
             for t in ("quotes", "claims", "times", "events", "mentions", "actors")}
    names = {a["key"]: a["name"] for a in items["actors"]}
    notes = highlight.notes_for(items["quotes"], items["claims"], items["mentions"], items["times"], names)
    passage = target(at, len(d["body"]))
    if passage:
        notes.insert(0, highlight.Note(*passage, "target", "the cited passage", "at"))  # its anchor wins
    return {
        "document": d,
        "target": {"start": passage[0], "end": passage[1]} if passage else None,
        **items,
        "pieces": [asdict(p) for p in highlight.pieces(d["body"], notes)],
        "links": read_documents.doc_links(conn, doc_id),
        "stories": read_documents.doc_stories(conn, doc_id),
    }


def actors(conn: sqlite3.Connection, q: str = "", offset: int = 0, limit: int = 50) -> dict:
    """Actors by salience, and the ones set aside with the reason (on the first page)."""
    return {"q": q, "actors": read_entities.actors(conn, q, limit, offset).as_dict(),
            "set_aside": read_entities.set_aside(conn) if not q and not offset else []}
