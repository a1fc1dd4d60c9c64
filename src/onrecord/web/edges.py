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
from collections.abc import Mapping

from onrecord.plover import QUAD as PLOVER_QUAD
from onrecord.plover import QUAD_CODE
from onrecord.store import read_stories
from onrecord.store.relations import edge_directions, edge_sources, edge_stats, entity_names

FIELDS = ("id", "doc_id", "idx", "start", "end", "text", "cue", "cue_start", "cue_end", "type", "mode", "source_entity",
          "source_name", "source_text", "target_entity", "target_name", "target_text", "date",
          "date_source", "status", "claimant_name", "edge", "edge_docs", "contradicted", "outlet",
          "published")

QUAD = {t: QUAD_CODE[q] for t, q in PLOVER_QUAD.items()}  # type -> short quad class
QUAD_NAME = {code: name for name, code in QUAD_CODE.items()}
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # as the link pass reads them
EVERY_ACTOR = 100_000


def item(r: sqlite3.Row | Mapping) -> dict:
    """A relation row as the pages and the JSON twins give it."""
    out = {k: r[k] for k in FIELDS}
    out["contradicted"] = bool(out["contradicted"])
    cue = (out["cue_start"] or 0) - out["start"], (out["cue_end"] or 0) - out["start"]
    out["cue_at"] = list(cue) if out["cue_end"] and 0 <= cue[0] < cue[1] <= len(out["text"] or "") else None
    return out


def edges_from(conn: sqlite3.Connection, story: str | None = None,
               sides: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> list[dict]:
    """The edges of a story's relations, or of those between ``sides``, counted in SQL, in date
    order (undated last); each runs the way most of its relations run (ties: the earliest)."""
    way: dict[str, sqlite3.Row] = {}
    for r in edge_directions(conn, story, sides):
        best = way.get(r["edge"])
        if best is None or (-r["relations"], r["lead"]) < (-best["relations"], best["lead"]):
            way[r["edge"]] = r
    names = entity_names(conn, tuple({x for w in way.values() for x in (w["source_entity"], w["target_entity"])}))
    edges = [_edge(r, way[r["edge"]]["source_entity"], way[r["edge"]]["target_entity"], names)
             for r in edge_stats(conn, story, sides)]
    return sorted(edges, key=lambda e: (e["first"] is None, e["first"] or "", e["id"]))


def _edge(r: sqlite3.Row, s: str, t: str, names: Mapping[str, str]) -> dict:
    type_ = r["type"]
    return {"id": r["edge"], "type": type_, "quad": QUAD.get(type_, ""), "symmetric": type_ in SYMMETRIC,
            "modes": sorted(set((r["modes"] or "").split(",")) - {""}),
            "source": {"id": s, "name": names.get(s) or s}, "target": {"id": t, "name": names.get(t) or t},
            "first": r["first"], "last": r["last"], "count": r["relations"], "articles": r["articles"],
            "outlets": r["outlets"], "contradicted": bool(r["contradicted"]), "statuses": [], "relations": [],
            "more": r["relations"]}


def attach(conn: sqlite3.Connection, edges: list[dict], cap: int, story: str | None = None) -> None:
    """Give each of ``edges`` its ``statuses`` (each status with its claimant, in date order), its
    ``relations`` to show (at most ``cap``: one per status and claimant first, so a denial stands
    beside its claim, then by date; listed by date) and ``more`` (how many it leaves out)."""
    by_id = {e["id"]: e for e in edges}
    for r in edge_sources(conn, tuple(by_id), cap, story):
        e = by_id[r["edge"]]
        if r["k"] == 1:
            e["statuses"].append({"status": r["status"], "claimant": r["claimant_name"]})
        if r["n"] <= cap:
            e["relations"].append(item(r))
    for e in edges:
        e["more"] = e["count"] - len(e["relations"])


def ranked(edges: list[dict], salience: Mapping[str, float]) -> list[dict]:
    """``edges`` with their ``score`` (above), best first; ties: more articles, more sentences, earlier."""
    top = max(salience.values(), default=0.0) or 1.0
    for e in edges:
        pair = math.sqrt(salience.get(e["source"]["id"], 0.0) * salience.get(e["target"]["id"], 0.0))
        e["score"] = round(e["outlets"] ** 2 * pair / top, 4)
    return sorted(edges, key=lambda e: (-e["score"], -e["articles"], -e["count"], e["first"] or "~", e["id"]))


def story_edges(conn: sqlite3.Connection, story_id: str,
                salience: Mapping[str, float] | None = None) -> tuple[list[dict], dict[str, float]]:
    """A story's edges ranked (counted over the story's articles), and its actors' salience (read
    here unless the caller has it: entity id → salience in the story)."""
    edges = edges_from(conn, story=story_id)
    if not edges:
        return [], {}
    if salience is None:
        salience = {a["id"]: a["salience"] for a in read_stories.story_actors(conn, story_id, EVERY_ACTOR)}
    weights = {k: float(v or 0) for k, v in salience.items()}
    return ranked(edges, weights), weights
