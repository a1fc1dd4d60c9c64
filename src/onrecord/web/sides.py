"""Whose side an actor is on: the state a person's or organisation's roles name, so that a pair
page between two states also lists the relations between their people ("Kim Jong-un CONSULT
Vladimir Putin" on North Korea ↔ Russia).

A person or organisation is counted on a state's side when the roles the articles give it name
that state more often than any other, and more often than all the others together: "leader of North
Korea" and "North Korean dictator" put Kim Jong-un on North Korea's side, "Russian defence
minister" Sergei Shoigu and "Kremlin spokesman" Dmitry Peskov on Russia's (the words as
:func:`onrecord.names.state_of` reads them: state names, demonyms, metonyms, national bodies).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter

from onrecord.names import norm, state_of
from onrecord.store.relations import related_people


def state_in(text: str) -> str | None:
    """The first state a role's words name ("Russian defence minister" → Russia), longest words first."""
    words = norm(text).split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            state = state_of(" ".join(words[i:i + n]))
            if state:
                return state
    return None


def side_of(roles: list[dict]) -> tuple[str, str] | None:
    """The state the roles name by a majority, and the first role that names it."""
    named = [(state, r["text"]) for r in roles if (state := state_in(r.get("text") or ""))]
    counts = Counter(state for state, _ in named)
    if not counts:
        return None
    state, n = counts.most_common(1)[0]
    if n * 2 <= len(named):
        return None
    return state, next(text for s, text in named if s == state)


def people_of(conn: sqlite3.Connection, states: dict[str, str]) -> dict[str, list[dict]]:
    """For each entity id of ``states`` (id → name) that is a state, the people and organisations
    with relations that are on its side: ``[{"id", "name", "role"}]``, by name."""
    wanted = {name: eid for eid, name in states.items() if state_of(name) == name}
    out: dict[str, list[dict]] = {eid: [] for eid in states}
    if not wanted:
        return out
    for r in related_people(conn):
        if r["id"] in states:
            continue
        side = side_of(json.loads(r["roles"] or "[]"))
        if side and side[0] in wanted:
            out[wanted[side[0]]].append({"id": r["id"], "name": r["name"], "role": side[1]})
    for people in out.values():
        people.sort(key=lambda p: (p["name"], p["id"]))
    return out
