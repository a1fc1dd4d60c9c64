"""A story's lead: a few sentences from what the most sources back, each sentence cited.

Built from the story's most reported event (the events ``same_event`` links join across outlets,
weighed by the salience of the actors they name), its disagreements (``conflicts`` links, as
"A says X; B says Y") and its best-supported agreement (``corroborates``), in that order, then a
second event when room is left: at most :data:`SENTENCES` sentences. Each sentence carries its
citations (article, outlet, date, the offsets of the sentence behind it), which the pages link
to the article opened at that sentence.
"""

from __future__ import annotations

import sqlite3

from onrecord.labels import shorten
from onrecord.store import read_brief
from onrecord.store.read_base import Row

SENTENCES = 4
QUOTE_CHARS = 220  # an event's sentence is quoted up to this length, cut between words
QUOTE_MARKS = "“\"‘'"


def cite(entry: dict) -> dict:
    """The citation of a figure or event entry: article, outlet, date and the sentence's offsets."""
    start = entry.get("sentence_start")
    end = entry.get("sentence_end")
    if start is None or end is None or end <= start:
        start, end = entry["start"], entry["end"]
    return {"doc_id": entry["doc_id"], "outlet": entry.get("outlet"), "published": entry.get("published"),
            "start": start, "end": end}


def _conflict(d: dict) -> dict:
    a, b = d["sides"][0][0], d["sides"][1][0]
    text = f"Sources disagree on {d['what']}: {a['who']} says {a['text']}; {b['who']} says {b['text']}."
    return {"kind": "conflict", "text": text, "cites": [cite(a), cite(b)]}


def _agreement(d: dict) -> dict:
    figures = d["figures"]
    outlets = list(dict.fromkeys(e.get("outlet") or e["doc_id"] for e in figures))
    values = list(dict.fromkeys(e["text"] for e in figures))
    text = (f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''} agree on {d['what']}: "
            f"{' / '.join(values[:2])} ({', '.join(outlets[:3])}).")
    cites = list({e["doc_id"]: cite(e) for e in figures}.values())
    return {"kind": "agreement", "text": text, "cites": cites}


def _event_score(e: Row, weight: dict[str, float]) -> float:
    return e["outlets"] + sum(weight.get(x, 0.0) for x in (e.get("entities") or []))


def _events(conn: sqlite3.Connection, story_id: str, actors: list[Row]) -> list[dict]:
    top = max((a.get("salience") or 0 for a in actors), default=0) or 1
    weight = {a["id"]: (a.get("salience") or 0) / top for a in actors[:5]}
    found = [e for e in read_brief.story_events(conn, story_id)
             if e["text"].strip()[:1] not in QUOTE_MARKS]
    found.sort(key=lambda e: (-_event_score(e, weight), e.get("published") or "", e["id"]))
    out, seen = [], set()
    for e in found:
        key = e["text"][:60]
        if key in seen:
            continue
        seen.add(key)
        names = (e.get("outlet_names") or e.get("outlet") or "").split(",")
        who = " and ".join(n for n in names[:2] if n) or "One article"
        verb = "report" if len(names) > 1 else "reports"
        text = f"{who} {verb} ({e['date']}): “{shorten(e['text'], QUOTE_CHARS)}”"
        out.append({"kind": "event", "text": text, "cites": [cite(e)], "outlets": e["outlets"]})
    return out


def lead(conn: sqlite3.Connection, story_id: str, conflicts: list[dict], corroborations: list[dict],
         actors: list[Row]) -> list[dict]:
    """The story's lead sentences (``{"kind", "text", "cites"}``), most backed first."""
    events = _events(conn, story_id, actors)[:2] if story_id else []
    agreed = [d for d in corroborations if not d.get("running")][:1]
    out = events[:1] + [_conflict(d) for d in conflicts[:2]] + [_agreement(d) for d in agreed] + events[1:]
    return out[:SENTENCES]
