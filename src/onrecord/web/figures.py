"""Figures as a reader wants them: disagreements first, then corroborations, then the measures,
then the side details ("other figures").

A disagreement is a ``conflicts`` link of the link pass: two sides, each one or more figures
about the same measure from different sources, whose values do not overlap. It is shown as
"A says X — B says Y", each side with the sentence it stands in. A corroboration is a
``corroborates`` link: the figures that agree, each with its sentence. Figures the extractor
marked as an aside (``claims.aside``: "one of", durations, distances, the article's own
participants, what an object consists of) are listed apart, never compared.
"""

from __future__ import annotations

import math
import sqlite3

from onrecord.link.intervals import interval_of
from onrecord.store import read_items
from onrecord.store.read_base import Row


def interval(c: Row) -> tuple[float, float]:
    """The values a stored claim allows, read as the link pass reads them
    (:func:`onrecord.link.intervals.interval_of`); NaNs when it states no value."""
    found = interval_of(c.get("value"), c.get("low"), c.get("high"), c.get("change"), c.get("text") or "")
    return found if found is not None else (math.nan, math.nan)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def who(c: Row) -> str:
    """The claimant's name, else the outlet that states the figure."""
    return c.get("claimant_name") or f"{c.get('outlet') or 'the outlet'} (the outlet)"


def _entry(c: Row) -> dict:
    return {"id": c["id"], "doc_id": c["doc_id"], "who": who(c), "text": c["text"], "status": c["status"],
            "outlet": c.get("outlet"), "published": c.get("published"), "sentence": c.get("sentence") or "",
            "start": c["start"], "end": c["end"], "title": c.get("title"),
            "sentence_start": c.get("sentence_start"), "sentence_end": c.get("sentence_end")}


def quoted(entries: list[dict]) -> list[dict]:
    """Each sentence behind ``entries`` once, with the figures it holds ("Vladimir Putin: 270,000;
    Dmitry Medvedev: 280,000" when one sentence gives both sides)."""
    out: dict[tuple[str, str], dict] = {}
    for e in entries:
        key = (e["doc_id"], e["sentence"])
        if key not in out:
            out[key] = {**e, "figures": []}
        out[key]["figures"].append(f"{e['who']}: {e['text']}")
    return [{**q, "figures": "; ".join(dict.fromkeys(q["figures"]))} for q in out.values()]


def what(note: str) -> str:
    """The measure a link's note names ("North Korean soldiers (deployed): ..." → its first part)."""
    head = note.split(": ", 1)[0]
    return head[:-len(" agree")] if head.endswith(" agree") else head


def sides(claims: list[Row]) -> list[list[Row]]:
    """A conflict's figures split into its two sides: those overlapping the lowest figure's values,
    and the rest (within a link the link pass lists the lower side first)."""
    ranked = sorted(claims, key=lambda c: (interval(c)[0], interval(c)[1]))
    low = [c for c in ranked if _overlap(interval(c), interval(ranked[0]))]
    return [low, [c for c in ranked if c not in low]]


def disagreements(conn: sqlite3.Connection, claims: list[Row]) -> dict[str, list[dict]]:
    """The ``conflicts`` and ``corroborates`` links of ``claims``, each with the figures on its
    sides (figures outside ``claims`` are read from the ledger): ``{"conflicts", "corroborations"}``."""
    links = read_items.item_links(conn, [c["id"] for c in claims])
    unique = {link["id"]: link for rows in links.values() for link in rows
              if link["kind"] in ("conflicts", "corroborates")}
    known = {c["id"]: c for c in claims}
    missing = [i for link in unique.values() for i in link["items"] if i not in known]
    known.update({c["id"]: c for c in read_items.claims_by_id(conn, missing)})
    out: dict[str, list[dict]] = {"conflicts": [], "corroborations": []}
    for link in sorted(unique.values(), key=lambda x: x["id"]):
        members = [known[i] for i in link["items"] if i in known]
        if len(members) < 2:
            continue
        entry = {"id": link["id"], "what": what(link["note"] or ""), "note": link["note"]}
        if link["kind"] == "conflicts":
            a, b = sides(members)
            if not b:
                continue
            entry["sides"] = [[_entry(c) for c in a], [_entry(c) for c in b]]
            entry["quoted"] = quoted(entry["sides"][0] + entry["sides"][1])
            out["conflicts"].append(entry)
        else:
            entry["running"] = (link["note"] or "").startswith("running total")
            entry["figures"] = [_entry(c) for c in members]
            entry["quoted"] = quoted(entry["figures"])
            out["corroborations"].append(entry)
    out["conflicts"].sort(key=lambda e: -_sources(e["sides"][0] + e["sides"][1]))
    out["corroborations"].sort(key=lambda e: (e["running"], -_sources(e["figures"])))
    return out


def _sources(entries: list[dict]) -> int:
    return len({(e["outlet"], e["who"]) for e in entries})


def split_asides(claims: list[Row]) -> tuple[list[Row], list[Row]]:
    """The figures of the story, and its side details (``aside`` set by the extractor)."""
    return [c for c in claims if not c.get("aside")], [c for c in claims if c.get("aside")]
