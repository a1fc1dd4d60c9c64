"""Who said what, ranked: the quotes a reader should see first.

Each quote scores its speaker's salience (:mod:`onrecord.store.salience`, over the story's
articles or the whole ledger; 0 for an unknown speaker) plus one, times one plus the number of
other outlets that carry the same statement (``same_quote`` links); within a tier (below) a
speaker's second quote counts a quarter, the k-th 1/k², so one voice does not fill the list. Quotes linked as the same statement are shown once (the best
ranked), with the outlets that echo it. Direct and mixed quotes come before indirect ones, then
the quotes without a named speaker, quotes marked wrong last; within each of these tiers the list is dealt round-robin by outlet (each
round takes every outlet's next best quote, best first), so the top of the list is balanced
across outlets.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from onrecord.ids import doc_of
from onrecord.store import read_brief, read_documents, read_items, salience
from onrecord.store.read_base import Row
from onrecord.store.read_items import Filters

CANDIDATES = 1000  # quotes read and ranked at most (the newest matching ones)
PAGE = 200


def candidates(conn: sqlite3.Connection, f: Filters, cap: int = CANDIDATES) -> tuple[list[Row], bool]:
    """The newest ``cap`` quotes matching ``f``, and whether more match."""
    out: list[Row] = []
    offset = 0
    while len(out) < cap:
        found = read_items.quotes(conn, f, limit=min(PAGE, cap - len(out)), offset=offset)
        out += found.items
        if not found.has_next:
            return out, False
        offset += found.limit
    return out, True


def _echoes(conn: sqlite3.Connection, quotes: list[Row]) -> dict[str, list[str]]:
    """For each quote: the ids of the quotes its ``same_quote`` links join it with."""
    links = read_items.item_links(conn, [q["id"] for q in quotes])
    out: dict[str, list[str]] = {}
    for q in quotes:
        others = [i for link in links.get(q["id"], []) if link["kind"] == "same_quote"
                  for i in link["items"] if i != q["id"]]
        out[q["id"]] = list(dict.fromkeys(others))
    return out


TIERS = 4


def _tier(q: Row) -> int:
    """0 direct or mixed, 1 indirect, 2 any quote without a named speaker, 3 marked wrong."""
    if q.get("wrong"):
        return 3
    if not (q.get("speaker") or q.get("speaker_name")):
        return 2
    return 0 if q.get("kind") in ("direct", "mixed") else 1


def _deal(quotes: list[Row]) -> list[Row]:
    """``quotes`` (best first) dealt round-robin by outlet, each round best first."""
    queues: dict[str, list[Row]] = defaultdict(list)
    for q in quotes:
        queues[q.get("outlet") or doc_of(q["id"])].append(q)
    out: list[Row] = []
    depth = 0
    while len(out) < len(quotes):
        layer = [qs[depth] for qs in queues.values() if depth < len(qs)]
        out += sorted(layer, key=lambda q: -q["score"])
        depth += 1
    return out


def rank(conn: sqlite3.Connection, quotes: list[Row], scope: str | None, params: tuple,
         fold: bool = True, weight: dict[str, float] | None = None) -> list[Row]:
    """``quotes`` in reading order (see the module doc), each with ``score``, ``salience`` and
    ``echoes`` (``{"doc_id", "outlet", "id"}`` of the same statement, one per other outlet;
    ``echo_ids`` also counts those in its own outlet); with ``fold``,
    echoes of a quote ranked higher are left out."""
    if weight is None:  # the speakers' salience over the scope, unless the caller has it
        speakers = sorted({q["speaker"] for q in quotes if q.get("speaker")})
        weight = salience.of_entities(conn, scope, params, speakers)
    echoes = _echoes(conn, quotes)
    outlets = read_documents.docs_by_id(conn, [doc_of(i) for ids in echoes.values() for i in ids])
    for q in quotes:
        own = q.get("outlet") or q["doc_id"]
        seen = {(outlets.get(doc_of(i), {}).get("outlet") or doc_of(i)) for i in echoes[q["id"]]} - {own}
        q["salience"] = weight.get(q.get("speaker") or "", 0.0)
        q["score"] = (q["salience"] + 1.0) * (1 + len(seen))
        q["echo_ids"] = echoes[q["id"]]
        by_outlet = {(outlets.get(doc_of(i), {}).get("outlet") or doc_of(i)): i for i in reversed(echoes[q["id"]])}
        by_outlet.pop(own, None)  # one echo per other outlet: its first
        q["echoes"] = [{"id": i, "doc_id": doc_of(i), "outlet": outlets.get(doc_of(i), {}).get("outlet")}
                       for i in sorted(by_outlet.values(), key=echoes[q["id"]].index)]
    by_speaker: dict[tuple[int, str], int] = defaultdict(int)
    for q in sorted(quotes, key=lambda q: (-q["score"], q["id"])):
        who = (_tier(q), q.get("speaker") or q.get("speaker_name") or q["id"])
        by_speaker[who] += 1
        q["score"] = round(q["score"] / by_speaker[who] ** 2, 2)
    shown: set[str] = set()
    kept = []
    for q in sorted(quotes, key=lambda q: (_tier(q), -q["score"], q["id"])):
        if q["id"] in shown:
            continue
        if fold:
            shown.update([q["id"], *echoes[q["id"]]])
        kept.append(q)
    return [q for tier in range(TIERS) for q in _deal([q for q in kept if _tier(q) == tier])]


def ranked_quotes(conn: sqlite3.Connection, f: Filters, limit: int, offset: int = 0,
                  fold: bool = False, weight: dict[str, float] | None = None) -> dict:
    """One page of the quotes matching ``f`` in ranked order: ``{items, limit, offset,
    next_offset, total, rest, more}``. ``total`` counts the quotes that match, ``rest`` those the
    page neither shows nor names as an echo of a shown one (what "n more" counts); ``more`` is
    true when over :data:`CANDIDATES` matched and only the newest were ranked. With ``fold``
    (a story's summary), a statement carried by several outlets is shown once. ``weight`` is
    the speakers' salience when the caller has read it."""
    if f == Filters(story=f.story) and f.story:  # a story's quotes and nothing else: one read
        found, more = read_brief.story_quotes(conn, f.story, CANDIDATES)
    else:
        found, more = candidates(conn, f)
    scope, params = (salience.STORY_DOCS, (f.story,)) if f.story else (salience.ALL_DOCS, ())
    ordered = rank(conn, found, scope, params, fold, weight)
    items = ordered[offset:offset + limit]
    nxt = offset + limit if offset + limit < len(ordered) else None
    covered = {i for q in items for i in (q["id"], *q["echo_ids"])} if fold else {q["id"] for q in items}
    rest = sum(1 for q in found if q["id"] not in covered)
    return {"items": items, "limit": limit, "offset": offset, "next_offset": nxt, "total": len(found),
            "rest": rest, "more": more}
