"""Relations as export records (JSON/JSONL/CSV/Parquet rows) and as FollowTheMoney entities: an
``Event`` per relation, an ``UnknownLink`` per cross-article edge.

A row names its source, target and claimant by entity id (or ``{doc}#{actor}`` for an actor the
link pass left unmerged, as quotes and claims do) and canonical name, with the words of the text
kept beside them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from onrecord.plover import QUAD as _QUAD
from onrecord.store.relations import relation_rows

COLUMNS = ("id", "doc", "start", "end", "source_start", "source_end", "text", "cue", "cue_start", "cue_end",
           "type", "mode", "quad", "source", "source_name", "source_text", "target", "target_name", "target_text",
           "date", "date_source",
           "status", "claimant", "claimant_name", "edge", "edge_docs", "contradicted")



def _who(entity: str | None, doc_id: str, actor: str | None) -> str | None:
    if entity:
        return entity
    return f"{doc_id}#{actor}" if actor else None


def iter_relations(conn: sqlite3.Connection) -> Iterator[dict]:
    """Every relation, by date, article and index."""
    for r in relation_rows(conn):
        yield {"id": r["id"], "doc": r["doc_id"], "start": r["start"], "end": r["end"],
               "source_start": r["source_start"], "source_end": r["source_end"], "text": r["text"],
               "cue": r["cue"], "cue_start": r["cue_start"], "cue_end": r["cue_end"], "type": r["type"],
               "mode": r["mode"], "quad": _QUAD.get(r["type"]),
               "source": _who(r["source_entity"], r["doc_id"], r["source_key"]), "source_name": r["source_name"],
               "source_text": r["source_text"],
               "target": _who(r["target_entity"], r["doc_id"], r["target_key"]), "target_name": r["target_name"],
               "target_text": r["target_text"],
               "date": r["date"], "date_source": r["date_source"], "status": r["status"],
               "claimant": _who(r["claimant_entity"], r["doc_id"], r["claimant_key"]),
               "claimant_name": r["claimant_name"], "edge": r["edge"], "edge_docs": r["edge_docs"],
               "contradicted": bool(r["contradicted"])}


def ftm_events(conn: sqlite3.Connection, entity: Callable[..., dict], ftm_id: Callable[..., str]) -> Iterator[dict]:
    """One FtM ``Event`` per relation whose source or target is a merged entity: ``organizer`` the
    source, ``involved`` both sides, ``proof`` the article, ``summary`` the sentence."""
    for r in iter_relations(conn):
        sides = [x for x in (r["source"], r["target"]) if x and "#" not in x]
        if not sides:
            continue
        name = f"{r['source_text'] or '?'} {r['type']} {r['target_text'] or '?'}"
        organizer = ftm_id("entity", r["source"]) if r["source"] and "#" not in r["source"] else None
        yield entity(ftm_id("relation", r["id"]), "Event", name=name, summary=r["text"], date=r["date"],
                     organizer=organizer, involved=[ftm_id("entity", s) for s in sides],
                     proof=ftm_id("doc", r["doc"]),
                     description=f"{r['id']} @ {r['start']}-{r['end']}; PLOVER {r['type']}"
                                 f"{'/' + r['mode'] if r['mode'] else ''}; {r['status']}"
                                 f"{' by ' + r['claimant_name'] if r['claimant_name'] else ''}; cue {r['cue']}")


def ftm_links(conn: sqlite3.Connection, entity: Callable[..., dict], ftm_id: Callable[..., str]) -> Iterator[dict]:
    """One FtM ``UnknownLink`` per cross-article edge (the relations of one actor pair, type and
    date window; docs/relations.md), so Aleph draws it between the two actors: ``subject`` and
    ``object`` the two entities (as the edge's first relation runs), ``role`` the PLOVER type,
    modes and quad class, ``status`` each status with its claimant (and ``contradicted``),
    ``startDate``/``endDate`` the first and last dates, ``proof`` every article, ``publisher``
    their outlets, ``summary`` every sentence, ``recordId`` the edge id."""
    edges: dict[str, list[sqlite3.Row]] = {}
    for r in relation_rows(conn):
        if r["edge"] and r["source_entity"] and r["target_entity"] and r["source_entity"] != r["target_entity"]:
            edges.setdefault(r["edge"], []).append(r)
    for edge, rows in sorted(edges.items()):
        yield _link(edge, rows, entity, ftm_id)


def _link(edge: str, rows: list[sqlite3.Row], entity: Callable[..., dict], ftm_id: Callable[..., str]) -> dict:
    first = rows[0]
    dates = sorted(r["date"] for r in rows if r["date"])
    modes = list(dict.fromkeys(r["mode"] for r in rows if r["mode"]))
    statuses = list(dict.fromkeys(r["status"] + (f" by {r['claimant_name']}" if r["claimant_name"] else "")
                                  for r in rows))
    docs = list(dict.fromkeys(r["doc_id"] for r in rows))
    return entity(ftm_id("edge", edge), "UnknownLink", subject=ftm_id("entity", first["source_entity"]),
                  object=ftm_id("entity", first["target_entity"]),
                  role=f"{first['type']}{'/' + ', '.join(modes) if modes else ''} ({_QUAD.get(first['type'])})",
                  status=statuses + (["contradicted"] if first["contradicted"] else []),
                  startDate=dates[0] if dates else None,
                  endDate=dates[-1] if dates and dates[-1] != dates[0] else None,
                  proof=[ftm_id("doc", d) for d in docs],
                  publisher=list(dict.fromkeys(r["outlet"] for r in rows if r["outlet"])),
                  summary=list(dict.fromkeys(" ".join((r["text"] or "").split()) for r in rows)),
                  description=f"{len(rows)} relation(s) in {len(docs)} article(s): "
                              + ", ".join(f"{r['id']} @ {r['start']}-{r['end']}" for r in rows),
                  recordId=edge)
