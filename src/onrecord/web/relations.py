"""What the relations pages show: the explorer (filters actor, type, status, story) and an actor pair."""

from __future__ import annotations

import math
import sqlite3

from onrecord.store import read_stories
from onrecord.store.relations import entity_names, pair_rows, relation_rows

FIELDS = ("id", "doc_id", "start", "end", "text", "cue", "type", "mode", "source_entity", "source_name",
          "source_text", "target_entity", "target_name", "target_text", "date", "date_source", "status",
          "claimant_name", "edge", "edge_docs", "contradicted", "outlet")


def _item(r: sqlite3.Row) -> dict:
    item = {k: r[k] for k in FIELDS}
    item["contradicted"] = bool(item["contradicted"])
    return item


def relations(conn: sqlite3.Connection, actor: str, type_: str, status: str, story: str, offset: int,
              limit: int) -> dict:
    rows = [_item(r) for r in relation_rows(conn, limit + 1, offset, actor=actor, type=type_.upper(),
                                             status=status, story=story)]
    more = len(rows) > limit
    return {"relations": {"items": rows[:limit], "limit": limit, "offset": offset,
                          "next_offset": offset + limit if more else None},
            "filters": {"actor": actor, "type": type_, "status": status, "story": story}}


def pair(conn: sqlite3.Connection, a: str, b: str) -> dict | None:
    rows = [_item(r) for r in pair_rows(conn, a, b)]
    name = entity_names(conn, (a, b))
    if a not in name or b not in name:
        return None
    by_type: dict[str, list[dict]] = {}
    for r in rows:
        by_type.setdefault(r["type"], []).append(r)
    return {"a": {"id": a, "name": name.get(a)}, "b": {"id": b, "name": name.get(b)}, "edges": rows,
            "by_type": by_type}


QUAD_CLASS = {"AGREE": "vcoop", "CONSULT": "vcoop", "SUPPORT": "vcoop", "CONCEDE": "vcoop",
              "COOPERATE": "mcoop", "AID": "mcoop", "RETREAT": "mcoop", "REQUEST": "vconf", "ACCUSE": "vconf",
              "REJECT": "vconf", "THREATEN": "vconf", "PROTEST": "mconf", "SANCTION": "mconf",
              "MOBILIZE": "mconf", "COERCE": "mconf", "ASSAULT": "mconf"}
SIZE = 420


def graph(conn: sqlite3.Connection, story_id: str, limit: int = 12) -> dict | None:
    """Positions for a story's relations graph: the most salient actors with relations on a circle
    (radius by salience), one line per (pair, type) classed by PLOVER quad, linking to the pair page."""
    rows = [r for r in relation_rows(conn, story=story_id) if r["source_entity"] and r["target_entity"]
            and r["source_entity"] != r["target_entity"]]
    salience = {a["id"]: float(a["salience"] or 0) for a in read_stories.story_actors(conn, story_id, 40)}
    degree: dict[str, int] = {}
    for r in rows:
        for side in (r["source_entity"], r["target_entity"]):
            degree[side] = degree.get(side, 0) + 1
    ids = sorted(degree, key=lambda e: (-salience.get(e, 0.0), -degree[e], e))[:limit]
    if len(ids) < 2:
        return None
    top = max(salience.get(e, 0.0) for e in ids) or 1.0
    names = entity_names(conn, tuple(ids))
    nodes = {}
    for i, e in enumerate(ids):
        angle = 2 * math.pi * i / len(ids) - math.pi / 2
        nodes[e] = {"id": e, "name": names.get(e, e), "x": round(SIZE / 2 + 150 * math.cos(angle), 1),
                    "y": round(SIZE / 2 + 150 * math.sin(angle), 1),
                    "r": round(5 + 13 * salience.get(e, 0.0) / top, 1)}
    edges: dict[tuple[str, str, str], dict] = {}
    for r in rows:
        s, t = r["source_entity"], r["target_entity"]
        if s in nodes and t in nodes:
            edge = edges.setdefault((s, t, r["type"]), {
                "x1": nodes[s]["x"], "y1": nodes[s]["y"], "x2": nodes[t]["x"], "y2": nodes[t]["y"],
                "type": r["type"], "quad": QUAD_CLASS.get(r["type"], ""), "count": 0, "a": s, "b": t,
                "title": f"{nodes[s]['name']} {r['type']} {nodes[t]['name']}"})
            edge["count"] += 1
    return {"size": SIZE, "nodes": list(nodes.values()), "edges": list(edges.values())}
