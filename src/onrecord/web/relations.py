"""What the relations pages show: the explorer (filters actor, type, status, story) and an actor pair."""

from __future__ import annotations

import sqlite3

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
