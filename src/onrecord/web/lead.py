"""A story's lead: a few sentences from what the most sources back, each sentence cited.

Built from the story's most reported event (the events ``same_event`` links join across outlets,
weighed by the salience of the actors they name), its disagreements (``conflicts`` links, as
"A says X; B says Y") and its best-supported agreement (``corroborates``), in that order, then a
second event reported by several outlets when room is left; an event only one outlet reports
comes after the figures, and alone: at most :data:`SENTENCES` sentences. Each sentence carries its
citations (article, outlet, date, the offsets of the sentence behind it), which the pages link
to the article opened at that sentence.
"""

from __future__ import annotations

import re
import sqlite3

from onrecord.labels import shorten
from onrecord.store import read_brief
from onrecord.store.read_base import Row

SENTENCES = 4
QUOTE_CHARS = 220  # an event's sentence is quoted up to this length, cut between words
QUOTE_MARKS = "“\"‘'"
# a sentence that reports speech ("…,” Mr Moore said) is a quote, not an event
SPEECH = re.compile(r"[”\"’]\s*,?\s*(?:[\w.’'-]+\s+){0,4}(?:said|says|told|added|insisted|claimed)\b", re.I)
DAY_OR_MONTH = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def is_event(text: str) -> bool:
    """Whether an event's sentence reads as something that happened, not as reported speech."""
    t = text.strip()
    return bool(t) and t[0] not in QUOTE_MARKS and not SPEECH.search(t) and t.count("”") < 2


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
    return {"kind": "conflict", "text": text, "cites": _unique([cite(a), cite(b)])}


def _unique(cites: list[dict]) -> list[dict]:
    """Citations, each passage once (both sides of a conflict may stand in one sentence)."""
    return list({(c["doc_id"], c["start"], c["end"]): c for c in cites}.values())


def _agreement(d: dict) -> dict:
    figures = d["figures"]
    outlets = list(dict.fromkeys(e.get("outlet") or e["doc_id"] for e in figures))
    values = list(dict.fromkeys(e["text"] for e in figures))
    claimants = list(dict.fromkeys(e["who"] for e in figures))
    on = "" if any(v in d["what"] for v in values) else f" on {d['what']}"
    said = f"{' and '.join(claimants[:2])} give{'s' if len(claimants) == 1 else ''} {' / '.join(values[:2])}"
    text = f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''} agree{on}: {said} ({', '.join(outlets[:3])})."
    cites = _unique([cite(e) for e in figures])
    return {"kind": "agreement", "text": text, "cites": cites}


def _event_score(e: Row, weight: dict[str, float]) -> float:
    return e["outlets"] + sum(weight.get(x, 0.0) for x in (e.get("entities") or []))


def _events(conn: sqlite3.Connection, story_id: str, actors: list[Row]) -> list[dict]:
    top = max((a.get("salience") or 0 for a in actors), default=0) or 1
    weight = {a["id"]: (a.get("salience") or 0) / top for a in actors[:5]}
    found = [e for e in read_brief.story_events(conn, story_id)  # what happened: no forecast, no background
             if is_event(e["text"]) and e.get("kind", "happened") == "happened"]
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
        when = f" ({e['date']})" if DAY_OR_MONTH.match(e.get("date") or "") else ""
        text = f"{who} {verb}{when}: “{shorten(e['text'], QUOTE_CHARS)}”"
        out.append({"kind": "event", "text": text, "cites": [cite(e)], "outlets": e["outlets"],
                    "linked": [i for i in (e.get("linked") or "").split(",") if i and i != e["id"]]})
    return out


def _cite_linked(conn: sqlite3.Connection, events: list[dict]) -> None:
    """Each event's citations gain the first linked event of every other outlet that reports it."""
    rows = {r["id"]: r for r in read_brief.events_by_id(conn, [i for e in events for i in e["linked"]])}
    for e in events:
        outlets = {c["outlet"] for c in e["cites"]}
        for r in sorted((rows[i] for i in e.pop("linked") if i in rows), key=lambda r: r["id"]):
            if r.get("outlet") not in outlets:
                outlets.add(r.get("outlet"))
                e["cites"].append(cite(r))


def lead(conn: sqlite3.Connection, story_id: str, conflicts: list[dict], corroborations: list[dict],
         actors: list[Row]) -> list[dict]:
    """The story's lead sentences (``{"kind", "text", "cites"}``), most backed first."""
    events = _events(conn, story_id, actors)[:2] if story_id else []
    _cite_linked(conn, events)
    agreed = [d for d in corroborations if not d.get("running")][:1]
    figures = [_conflict(d) for d in conflicts[:2]] + [_agreement(d) for d in agreed]
    echoed = [e for e in events if e["outlets"] > 1]
    if echoed:  # what several outlets report opens; a second event only when it is echoed too
        out = echoed[:1] + figures + echoed[1:]
    else:  # one outlet's event comes after the figures, alone
        out = figures + events[:1]
    return out[:SENTENCES]
