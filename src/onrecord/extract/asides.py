"""Figures that are side details of a story rather than its measures: the "other figures" list.

A figure is an aside, with the reason shown to the reader, when it is
- ``ordinal``: "one of the biggest allies", "one of the largest armies" (a rank, not a count);
- ``duration``: a span of time or an age ("nearly 19 months", "within 24 hours", "his leader of
  23 years", "the 19-month war");
- ``distance``: where a place lies or how fast something goes ("about 150km from the border",
  "80 miles north of", "around 45kph"); a length of something ("55 miles of fencing") is a figure;
- ``participants``: a small count (under 10) of the parties the article is about, written with a
  definite word before it and naming them by role ("the two leaders", "our two countries", "both
  sides"); "the four Americans killed" names victims, not parties, and stays a figure;
- ``composition``: what an object is made of ("is said to consist of 21 carriages").

Everything else is a figure of the story (``""``). The rules read the text around the figure and
its unit, so they work with or without a parse.
"""

from __future__ import annotations

import re

from onrecord.extract.quantities import Quantity

TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries".split())
DISTANCE_UNITS = frozenset(
    "km kms kilometre kilometres kilometer kilometers mile miles m metre metres meter meters ft "
    "feet foot yard yards nautical".split())
SPEED_UNITS = frozenset("kph mph km/h knots".split())
# a distance that places something: "130km (80 miles) from the border", "100km north of"
_PLACING = re.compile(r"^\W*(?:\([^)]*\)\W*)?(?:from|north|south|east|west|away|outside|off|inland|"
                      r"offshore|beyond|across|north-east|north-west|south-east|south-west)\b", re.I)
PARTICIPANTS = 10  # counts below this with a definite word before them name known participants
# The roles in which an article names its own parties ("the two leaders", "both sides")
PARTY_NOUNS = frozenset(
    "leader leaders country countries nation nations side sides party parties delegation delegations "
    "government governments president presidents state states team teams candidate candidates "
    "man men woman women pair".split())
# A definite word before a small count: the parties are already known to the reader.
_DEFINITE = re.compile(r"\b(?:the|our|their|both|these|those|its|his|her|your|my)\s*$", re.I)
_ORDINAL_AFTER = re.compile(r"^\s+of\b", re.I)
_COMPOSITION = re.compile(r"\b(?:consists?|consisted|consisting|made up|composed|comprising|comprises?)\s+of\b"
                          r"|\bcomprising\b", re.I)
_RATE_AFTER = re.compile(r"^\s*(?:a|an|per|every|each)\s+(?:day|week|month|year)\b", re.I)


def aside(q: Quantity, before: str, after: str) -> str:
    """Why ``q`` is a side detail (see the module docstring), or ``""`` for a figure of the story.
    ``before``/``after`` are the sentence's text before and after the figure."""
    unit = (q.unit or "").lower().rstrip(".")
    if q.text.lower() in ("one", "a single") and _ORDINAL_AFTER.match(after):
        return "ordinal"
    if unit in TIME_UNITS or re.search(r"-(?:year|month|week|day|hour|minute)s?$", q.text.lower()):
        return "duration"
    if unit in SPEED_UNITS or (unit in DISTANCE_UNITS and _PLACING.match(after)):
        return "distance"
    value = q.value if q.value is not None else q.high
    if value is not None and value < PARTICIPANTS and q.change == "=" and _DEFINITE.search(before) \
            and _party(q.counted, after) and not _RATE_AFTER.match(after):
        return "participants"
    if _COMPOSITION.search(before):
        return "composition"
    return ""


def _party(counted: str | None, after: str) -> bool:
    """Whether the figure counts the article's parties: the first or last counted word ("leaders";
    without a parse the counted words may run on: "leaders met"), or, when nothing was read as
    counted, the first word after the figure."""
    words = re.findall(r"[a-z'-]+", (counted or "").lower()) or re.findall(r"[a-z'-]+", after.lower())[:1]
    return bool(words) and (words[0] in PARTY_NOUNS or words[-1] in PARTY_NOUNS)
