"""Relations gathered into their cross-article edges and ranked: what the story graph, the
actor-pair page and the briefing show first.

An edge is the link pass's group of one actor pair, PLOVER type and date window (the relations
that share ``relations.edge``; docs/relations.md). Within a story an edge is ranked by

    score = outlets² × √(salience(A) × salience(B)) / salience of the story's top actor

where ``outlets`` counts the distinct outlets of the story's articles that report it
(corroboration, squared so that an edge two outlets report outranks a single report between
actors up to four times as salient) and salience is the actors' within the story (:mod:`onrecord.store.salience`).
The geometric mean makes an edge as salient as its two actors together: a place named once
("Vostochny") does not ride on the salience of the leader who went there.
A relation with a side the link pass merged into no entity, or with one entity on both sides,
belongs to no edge and is left out here (the explorer ``/relations`` still lists it).
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping

from onrecord.store import read_stories
from onrecord.store.relations import relation_rows

FIELDS = ("id", "doc_id", "idx", "start", "end", "text", "cue", "cue_start", "cue_end", "type", "mode", "source_entity",
          "source_name", "source_text", "target_entity", "target_name", "target_text", "date",
          "date_source", "status", "claimant_name", "edge", "edge_docs", "contradicted", "outlet",
          "published")

QUAD = {"AGREE": "vcoop", "CONSULT": "vcoop", "SUPPORT": "vcoop", "CONCEDE": "vcoop",
        "COOPERATE": "mcoop", "AID": "mcoop", "RETREAT": "mcoop", "REQUEST": "vconf", "ACCUSE": "vconf",
        "REJECT": "vconf", "THREATEN": "vconf", "PROTEST": "mconf", "SANCTION": "mconf",
        "MOBILIZE": "mconf", "COERCE": "mconf", "ASSAULT": "mconf"}
QUAD_NAME = {"vcoop": "verbal cooperation", "mcoop": "material cooperation", "vconf": "verbal conflict",
             "mconf": "material conflict"}
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # as the link pass reads them
EVERY_ACTOR = 100_000


def item(r: sqlite3.Row | Mapping) -> dict:
    """A relation row as the pages and the JSON twins give it."""
    out = {k: r[k] for k in FIELDS}
    out["contradicted"] = bool(out["contradicted"])
    cue = (out["cue_start"] or 0) - out["start"], (out["cue_end"] or 0) - out["start"]
    out["cue_at"] = list(cue) if out["cue_end"] and 0 <= cue[0] < cue[1] <= len(out["text"] or "") else None
    return out


def edges_of(rows: Iterable[sqlite3.Row | Mapping]) -> list[dict]:
    """Relation rows gathered by edge, in date order (undated edges last)."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        s, t = r["source_entity"], r["target_entity"]
        if s and t and s != t:
            groups.setdefault(r["edge"] or r["id"], []).append(item(r))
    edges = [_edge(key, items) for key, items in groups.items()]
    return sorted(edges, key=lambda e: (e["first"] is None, e["first"] or "", e["id"]))


def _edge(key: str, items: list[dict]) -> dict:
    items.sort(key=lambda r: (r["date"] or "~", r["published"] or "", r["doc_id"], r["idx"]))
    name = {r["source_entity"]: r["source_name"] for r in items} | {r["target_entity"]: r["target_name"] for r in items}
    (s, t), _ = Counter((r["source_entity"], r["target_entity"]) for r in items).most_common(1)[0]
    dates = [r["date"] for r in items if r["date"]]
    claims = list(dict.fromkeys((r["status"], r["claimant_name"]) for r in items))
    type_ = items[0]["type"]
    return {"id": key, "type": type_, "quad": QUAD.get(type_, ""), "symmetric": type_ in SYMMETRIC,
            "modes": list(dict.fromkeys(r["mode"] for r in items if r["mode"])),
            "source": {"id": s, "name": name.get(s) or s}, "target": {"id": t, "name": name.get(t) or t},
            "first": min(dates) if dates else None, "last": max(dates) if dates else None,
            "articles": len({r["doc_id"] for r in items}),
            "outlets": len({r["outlet"] or r["doc_id"] for r in items}),
            "statuses": [{"status": st, "claimant": c} for st, c in claims],
            "contradicted": any(r["contradicted"] for r in items), "relations": items}


def ranked(edges: list[dict], salience: Mapping[str, float]) -> list[dict]:
    """``edges`` with their ``score`` (above), best first; ties: more articles, more sentences, earlier."""
    top = max(salience.values(), default=0.0) or 1.0
    for e in edges:
        pair = math.sqrt(salience.get(e["source"]["id"], 0.0) * salience.get(e["target"]["id"], 0.0))
        e["score"] = round(e["outlets"] ** 2 * pair / top, 4)
    return sorted(edges, key=lambda e: (-e["score"], -e["articles"], -len(e["relations"]), e["first"] or "~", e["id"]))


def story_edges(conn: sqlite3.Connection, story_id: str) -> tuple[list[dict], dict[str, float]]:
    """A story's edges ranked (over the story's articles), and its actors' salience."""
    actors = read_stories.story_actors(conn, story_id, EVERY_ACTOR)
    salience = {a["id"]: float(a["salience"] or 0) for a in actors}
    return ranked(edges_of(relation_rows(conn, story=story_id)), salience), salience


def shown_sources(edge: dict, n: int = 2) -> list[dict]:
    """The ``n`` relations of an edge to quote first: one per (status, claimant) in date order, so
    a contradicted edge shows both its claim and its denial, then the rest by date."""
    seen: set[tuple] = set()
    first, rest = [], []
    for r in edge["relations"]:
        key = (r["status"], r["claimant_name"])
        (rest if key in seen else first).append(r)
        seen.add(key)
    return (first + rest)[:n]
