"""Relations across articles: one edge per (source, type, target) within a date window.

Relations are blocked by their (source entity, target entity, type) key, so only relations of the
same actor pair and type are ever compared (never all pairs). Within a block, relations sorted by
date join the current edge while their date is within :data:`WINDOW_DAYS` of the edge's last one;
an undated relation joins the block's first edge. An edge reported by several articles is
corroborated; an edge with both an alleged/reported and a denied relation is contradicted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date

from onrecord.ids import item_id
from onrecord.link.common import EntityMap
from onrecord.models import Analysis

WINDOW_DAYS = 14
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class RelationEdge:
    id: str
    type: str
    source: str
    target: str
    relations: tuple[str, ...]  # relation item ids
    docs: int  # distinct articles (corroboration when > 1)
    contradicted: bool  # claimed by some, denied by others


def _day(value: str | None) -> int | None:
    if not value or not value[:4].isdigit():
        return None
    parts = (value[:10] + "-01-01")[:10].split("-")
    try:
        return Date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1)).toordinal()
    except ValueError:
        return None


def relation_edges(analyses: Sequence[Analysis], entity_of: EntityMap) -> list[RelationEdge]:
    """Edges over every relation whose two sides are merged entities."""
    blocks: dict[tuple[str, str, str], list[tuple[int | None, str, str, str]]] = {}
    for a in analyses:
        doc = a.document.id
        for i, r in enumerate(a.relations):
            s, t = entity_of.get((doc, r.source_key or "")), entity_of.get((doc, r.target_key or ""))
            if not s or not t or s == t:
                continue
            if r.type in SYMMETRIC and t < s:
                s, t = t, s
            blocks.setdefault((s, r.type, t), []).append((_day(r.date), item_id(doc, "r", i), doc, r.status))
    edges: list[RelationEdge] = []
    for (s, type_, t), items in sorted(blocks.items()):
        edges += _edges(s, type_, t, items)
    return edges


def _edges(s: str, type_: str, t: str, items: list[tuple[int | None, str, str, str]]) -> list[RelationEdge]:
    dated = sorted((x for x in items if x[0] is not None), key=lambda x: (x[0], x[1]))
    groups: list[list[tuple[int | None, str, str, str]]] = []
    for item in dated:
        if groups and item[0] - groups[-1][-1][0] <= WINDOW_DAYS:  # type: ignore[operator]
            groups[-1].append(item)
        else:
            groups.append([item])
    undated = [x for x in items if x[0] is None]
    if undated:
        if not groups:
            groups.append([])
        groups[0].extend(undated)
    out = []
    for group in groups:
        ids = tuple(sorted(x[1] for x in group))
        statuses = {x[3] for x in group}
        edge_id = "r-" + hashlib.sha1("\x1f".join((s, type_, t, ids[0])).encode()).hexdigest()[:12]
        out.append(RelationEdge(edge_id, type_, s, t, ids, len({x[2] for x in group}),
                                "denied" in statuses and bool(statuses & {"alleged", "reported"})))
    return out


def edge_of(edges: Sequence[RelationEdge]) -> dict[str, tuple[str, int, bool]]:
    """Relation id -> (edge id, articles on the edge, contradicted), what the ledger stores."""
    return {rid: (e.id, e.docs, e.contradicted) for e in edges for rid in e.relations}
