"""Whose count a figure is, read from the words before it in its sentence.

- ``winner(before)``: the named subject of a verb of winning or holding right before the figure
  ("The Conservative Party, led by Andrew Scheer, won 121 seats", "The Liberals are projected to
  win 157 seats", "Trudeau's Liberal Party had won 157"), cut to its first letters like any
  place or name qualifier of a measure: the Liberals' seats are not the Conservatives'.
- ``whole_of(before)``: the figure is the whole that the figure before it is part of ("157 of 338
  seats": 338 counts the parliament's seats, not the party's).
"""

from __future__ import annotations

import re

WIN = re.compile(r"\b(?:won|win|wins|winning|take|takes|took|taking|hold|holds|held|secured?|secures|"
                 r"gain(?:ed|s)?|captured?|captures)\s+(?:only\s+|just\s+)?$", re.IGNORECASE)
# Comma-set pieces that describe the subject rather than name it: ", led by Andrew Scheer,",
# ", the first Sikh leader of a major party,", ", which campaigned ..."
APPOSITION = re.compile(r"^\s*(?:led by|headed by|who|which|whose|[a-z])")
NOT_HOLDERS = frozenset("the a an mr mrs ms dr sen rep gov president party it they he she we".split())
PREFIX = 4  # as onrecord.link.measure cuts proper qualifiers ("Liberal"/"Liberals")


def winner(before: str) -> frozenset[str]:
    """The winner named before a verb of winning that ends ``before``, as a proper qualifier."""
    m = WIN.search(before)
    if m is None:
        return frozenset()
    pieces = [p for p in re.split(r"[,;:—–]", before[:m.start()]) if p.strip() and not APPOSITION.match(p)]
    if not pieces:
        return frozenset()
    names = [w for w in re.findall(r"[\w’'.-]+", pieces[-1])
             if w[:1].isupper() and not re.search(r"[’']s?$", w) and w.lower().strip(".") not in NOT_HOLDERS]
    return frozenset({names[-1].lower()[:PREFIX]}) if names else frozenset()


def whole_of(before: str) -> bool:
    """True when ``before`` (cut at the figure before it) is just "of": "157 of 338 seats"."""
    return before.strip().lower() == "of"
