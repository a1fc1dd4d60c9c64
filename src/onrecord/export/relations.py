"""Relations as export records (JSON/JSONL/CSV/Parquet rows) and as FollowTheMoney ``Event`` entities.

A row names its source, target and claimant by entity id (or ``{doc}#{actor}`` for an actor the
link pass left unmerged, as quotes and claims do), with the words of the text kept beside them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from onrecord.store.relations import relation_rows

COLUMNS = ("id", "doc", "start", "end", "source_start", "source_end", "text", "cue", "cue_start", "cue_end",
           "type", "mode", "quad", "source", "source_text", "target", "target_text", "date", "date_source",
           "status", "claimant", "claimant_name", "edge", "edge_docs", "contradicted")

_QUAD = {"AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
         "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
         "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
         "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "PROTEST": "material conflict",
         "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
         "ASSAULT": "material conflict"}  # the same table as extract/relations/cues.py (export reads no extract/)


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
               "source": _who(r["source_entity"], r["doc_id"], r["source_key"]), "source_text": r["source_text"],
               "target": _who(r["target_entity"], r["doc_id"], r["target_key"]), "target_text": r["target_text"],
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
