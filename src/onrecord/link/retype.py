"""Type repair across articles, before the merge: a one-word organisation or place whose name is
the surname of a person the ledger names in full (twice at least), and whose mentions across the ledger are mostly
a person's, is that person ("Trump" read as an organisation in some articles, "Pelosi" as a
place). A majority alone is not enough ("Infowars" is a person more often than not for the NER),
and a person stays a person (people share names with places: "Jordan"). Names the lexicons fix (states, metonyms, demonyms, platforms) and
nationality adjectives are left as the article typed them."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

from onrecord.models import Actor
from onrecord.names import (
    ATTRIBUTE_TYPE,
    METONYMS,
    NATIONALITY,
    PLATFORMS,
    STATE_NAMES,
    TYPE_GROUP,
    norm,
)

MAJORITY = 0.5  # a person's type has more than this share of the name's mentions
MIN_FULL_NAMES = 2  # a surname is known when full names end with it this often (one could be junk:
# a headline's "Bans Infowars")


def repair_types(items: list[tuple[str, Actor]]) -> list[tuple[str, Actor]]:
    """``items`` (doc id, actor) with one-word organisations and places that are people retyped."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    full_names: Counter[str] = Counter()  # mentions of a person's full name, by its surname
    for _, a in items:
        if a.type == ATTRIBUTE_TYPE or a.refers_to:
            continue
        group = TYPE_GROUP.get(a.type, a.type)
        for m in a.mentions:
            votes[norm(m.text)][group] += 1
            words = m.text.split()
            if a.type == "PERSON" and len(words) >= 2:
                full_names[norm(words[-1])] += 1
    surnames = {k for k, n in full_names.items() if n >= MIN_FULL_NAMES}
    out = []
    for doc_id, a in items:
        group = _repaired(a, votes, surnames)
        if group is None:
            out.append((doc_id, a))
        else:
            out.append((doc_id, dataclasses.replace(a, type=group)))
    return out


def _repaired(a: Actor, votes: dict[str, Counter[str]], surnames: set[str]) -> str | None:
    """ "PERSON" when ``a`` is a person typed otherwise, else None."""
    key = norm(a.name)
    if " " in key or a.type == ATTRIBUTE_TYPE or a.refers_to or not a.mentions:
        return None
    if key in STATE_NAMES or key in METONYMS or key in NATIONALITY or key in PLATFORMS:
        return None
    own = TYPE_GROUP.get(a.type, a.type)
    if own == "PERSON":
        return None  # a person typed so in one article stays one ("Jordan" is also a place)
    counts = votes[key]
    if key in surnames and counts["PERSON"] > MAJORITY * sum(counts.values()):
        return "PERSON"
    return None
