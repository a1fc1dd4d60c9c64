"""What the relations pages show: the explorer (filters actor, type, status, story), an actor pair's
edges, an actor's partners, and a story's relations graph (positions computed here, drawn by
``_relations.html``)."""

from __future__ import annotations

import math
import sqlite3
from collections import Counter

from onrecord.labels import shorten
from onrecord.store.relations import entity_names, partners, relation_rows
from onrecord.web.edges import QUAD, QUAD_NAME, attach, edges_from, item, story_edges
from onrecord.web.sides import people_of

NODES = 10  # actors the story graph draws at most
LINES = 16  # lines (actor pair and type) it draws at most
FLOOR = 0.1  # nor any line scoring under this share of the best line's score
MAIN = 6  # ranked edges listed beside the graph
EDGES = 100  # edges a pair page lists at a time
SOURCES = 5  # sentences shown per edge on the pair page (the rest: /relations?edge=...)
WIDTH, HEIGHT, RADIUS = 640, 470, 165


def relations(conn: sqlite3.Connection, actor: str, type_: str, status: str, story: str, offset: int,
              limit: int, edge: str = "") -> dict:
    rows = [item(r) for r in relation_rows(conn, limit + 1, offset, actor=actor, type=type_.upper(),
                                            status=status, story=story, edge=edge)]
    more = len(rows) > limit
    return {"relations": {"items": rows[:limit], "limit": limit, "offset": offset,
                          "next_offset": offset + limit if more else None},
            "filters": {"actor": actor, "type": type_, "status": status, "story": story, "edge": edge}}


def pair(conn: sqlite3.Connection, a: str, b: str, type_: str = "", people: bool = True, offset: int = 0,
         limit: int = EDGES) -> dict | None:
    """The edges between entities ``a`` and ``b`` (either direction) in date order, ``limit`` from
    ``offset``, each with its statuses and up to :data:`SOURCES` relations (the sentences); with
    ``people``, also the edges between the people on each side when ``a`` or ``b`` is a state
    (:mod:`onrecord.web.sides`; such an edge has ``via``). ``type_`` keeps one PLOVER type;
    ``types`` and ``by_type`` count them all."""
    name = entity_names(conn, (a, b))
    if a not in name or b not in name:
        return None
    sides = people_of(conn, {a: name[a], b: name[b]}) if people and a != b else {a: [], b: []}
    edges = edges_from(conn, sides=((a, *[p["id"] for p in sides[a]]), (b, *[p["id"] for p in sides[b]])))
    counts = Counter(e["type"] for e in edges)
    cited = Counter({t: sum(e["count"] for e in edges if e["type"] == t) for t in counts})
    wanted = type_.strip().upper()
    shown = [e for e in edges if not wanted or e["type"] == wanted]
    page = shown[offset:offset + limit]
    attach(conn, page, SOURCES)
    for e in page:
        e["via"] = {e["source"]["id"], e["target"]["id"]} != {a, b}
    return {"a": {"id": a, "name": name[a]}, "b": {"id": b, "name": name[b]}, "type": wanted,
            "people": {"a": sides[a], "b": sides[b]}, "with_people": people,
            "types": [{"type": t, "quad": QUAD.get(t, ""), "edges": n, "relations": cited[t]}
                      for t, n in sorted(counts.items(), key=lambda x: (-cited[x[0]], x[0]))],
            "by_type": dict(cited), "contradicted": sum(e["contradicted"] for e in shown),
            "sentences": sum(e["count"] for e in shown),
            "edges": {"items": page, "total": len(shown), "offset": offset, "limit": limit,
                      "next_offset": offset + limit if offset + limit < len(shown) else None}}


def actor_partners(conn: sqlite3.Connection, entity_id: str, limit: int = 20) -> list[dict]:
    """The actors ``entity_id`` has relations with, most relations first (the actor page's links to
    its pair pages)."""
    return [{"id": r["id"], "name": r["name"], "relations": r["relations"]}
            for r in partners(conn, entity_id, limit)]


def _lines(edges: list[dict]) -> list[dict]:
    """Ranked edges as graph lines: one per actor pair, type and direction (either direction for
    the symmetric types), best first."""
    lines: dict[tuple[str, str, str], dict] = {}
    for e in edges:
        a, b = e["source"]["id"], e["target"]["id"]
        if e["symmetric"] and b < a:
            a, b = b, a
        line = lines.setdefault((a, b, e["type"]), {
            "a": a, "b": b, "type": e["type"], "quad": e["quad"], "directed": not e["symmetric"],
            "score": 0.0, "relations": 0, "outlets": 0, "contradicted": False})
        line["score"] += e["score"]
        line["relations"] += e["count"]
        line["outlets"] = max(line["outlets"], e["outlets"])
        line["contradicted"] |= e["contradicted"]
    return sorted(lines.values(), key=lambda x: (-x["score"], -x["relations"], x["a"], x["b"], x["type"]))


def _chosen(lines: list[dict]) -> tuple[list[str], list[dict]]:
    """The best lines whose actors fit in :data:`NODES`, at most :data:`LINES` of them, none under
    :data:`FLOOR` of the best one's score."""
    nodes: list[str] = []
    kept: list[dict] = []
    floor = round(FLOOR * lines[0]["score"], 4) if lines else 0.0
    for line in lines:
        if round(line["score"], 4) < floor:
            break
        new = [x for x in (line["a"], line["b"]) if x not in nodes]
        if len(nodes) + len(new) > NODES:
            continue
        nodes += new
        kept.append(line)
        if len(kept) == LINES:
            break
    return nodes, kept


def graph(conn: sqlite3.Connection, story_id: str, salience: dict[str, float] | None = None) -> dict | None:
    """A story's relations graph: the actors of its best-ranked edges on a circle (radius by
    salience), one line per pair and type (width by outlets, colour by PLOVER quad class, dashed
    when contradicted, an arrow for who acts on whom), each a link to the pair page at that type;
    ``main`` the best :data:`MAIN` edges (each with its statuses and two sentences), ``total`` how
    many there are. ``salience`` (entity id → salience in the story) is read when not given."""
    edges, salience = story_edges(conn, story_id, salience)
    ids, lines = _chosen(_lines(edges))
    main = edges[:MAIN]
    attach(conn, main, 2, story_id)
    if len(ids) < 2:
        return None
    ids = _order(ids, lines, salience)
    top = max(salience.get(e, 0.0) for e in ids) or 1.0
    names = entity_names(conn, tuple(ids))
    nodes = {e: _node(e, names.get(e, e), i, len(ids), salience.get(e, 0.0) / top) for i, e in enumerate(ids)}
    drawn = [_curve(line, nodes, k, n) for line, k, n in _parallel(lines)]
    drawn.sort(key=lambda x: x["score"])  # the strongest drawn last, on top
    return {"width": WIDTH, "height": HEIGHT, "nodes": list(nodes.values()), "edges": drawn,
            "quads": QUAD_NAME, "total": len(edges),
            "main": main}


def _order(ids: list[str], lines: list[dict], salience: dict[str, float]) -> list[str]:
    """The actors in their order round the circle: the most salient first, then each time the one
    most strongly tied to the last placed (then to all placed, then the most salient), so that
    related actors sit side by side and few lines cross."""
    tie: dict[frozenset[str], float] = {}
    for line in lines:
        key = frozenset((line["a"], line["b"]))
        tie[key] = tie.get(key, 0.0) + line["score"]
    rest = sorted(ids, key=lambda e: (-salience.get(e, 0.0), e))
    order = [rest.pop(0)]
    while rest:
        def pull(e: str) -> tuple[float, float, float]:
            return (tie.get(frozenset((e, order[-1])), 0.0),
                    sum(tie.get(frozenset((e, p)), 0.0) for p in order), salience.get(e, 0.0))
        best = max(rest, key=pull)
        rest.remove(best)
        order.append(best)
    return order


def _node(entity: str, name: str, i: int, n: int, weight: float) -> dict:
    angle = 2 * math.pi * i / n - math.pi / 2
    cos, sin = math.cos(angle), math.sin(angle)
    r = round(5 + 15 * math.sqrt(weight), 1)  # area grows with salience
    x, y = WIDTH / 2 + RADIUS * cos, HEIGHT / 2 + RADIUS * sin
    anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
    return {"id": entity, "name": name, "label": shorten(name, 24), "x": round(x, 1), "y": round(y, 1),
            "r": r, "lx": round(x + (r + 5) * cos, 1), "ly": round(y + (r + 5) * sin + 4 + 6 * (sin > 0.7), 1),
            "anchor": anchor}


def _parallel(lines: list[dict]) -> list[tuple[dict, int, int]]:
    """Each line with its place among the lines of the same actor pair, and their number."""
    pairs: dict[frozenset[str], list[dict]] = {}
    for line in lines:
        pairs.setdefault(frozenset((line["a"], line["b"])), []).append(line)
    return [(line, k, len(group)) for group in pairs.values() for k, line in enumerate(group)]


def _curve(line: dict, nodes: dict[str, dict], k: int, n: int) -> dict:
    """A quadratic curve from ``a`` to ``b`` bowed by its place among ``n`` parallel lines, its ends
    at the circles' edges."""
    a, b = nodes[line["a"]], nodes[line["b"]]
    lo, hi = sorted((line["a"], line["b"]))
    sign = 1 if line["a"] == lo else -1  # bow measured from one fixed end, whichever way the line runs
    dx, dy = b["x"] - a["x"], b["y"] - a["y"]
    length = math.hypot(dx, dy) or 1.0
    bow = (k - (n - 1) / 2) * 22 * sign
    cx, cy = (a["x"] + b["x"]) / 2 - dy / length * bow, (a["y"] + b["y"]) / 2 + dx / length * bow
    x1, y1 = _toward(a, cx, cy, a["r"] + 2)
    x2, y2 = _toward(b, cx, cy, b["r"] + 4)
    outlets = line["outlets"]
    title = (f"{a['name']} {line['type']} {b['name']}: {line['relations']} relation(s), {outlets} outlet(s)"
             + ("; contradicted" if line["contradicted"] else ""))
    mid = round((x1 + 2 * cx + x2) / 4, 1), round((y1 + 2 * cy + y2) / 4, 1)  # the curve at its half
    return {"path": f"M{x1} {y1} Q{round(cx, 1)} {round(cy, 1)} {x2} {y2}", "mid": mid, "a": line["a"], "b": line["b"],
            "type": line["type"], "quad": line["quad"], "directed": line["directed"],
            "width": round(1.5 + 1.5 * min(outlets, 4), 1), "relations": line["relations"], "outlets": outlets,
            "contradicted": line["contradicted"], "score": round(line["score"], 4), "title": title}


def _toward(node: dict, x: float, y: float, gap: float) -> tuple[float, float]:
    """The point ``gap`` from a node's centre toward (x, y)."""
    dx, dy = x - node["x"], y - node["y"]
    d = math.hypot(dx, dy) or 1.0
    return round(node["x"] + dx / d * gap, 1), round(node["y"] + dy / d * gap, 1)
