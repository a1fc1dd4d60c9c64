"""Type repair for one article's raw mentions: two names joined by a hyphen are two mentions, and
each name takes one type (a known state, metonym, demonym or platform; a word of a person's full
name or a name after a person's title is a person; else the majority of its mentions)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict

from onrecord.extract.actors.mentions import RawMention, long_name_parts
from onrecord.names import (
    ATTRIBUTE_TYPE,
    METONYMS,
    NATIONALITY,
    PLATFORMS,
    STATE_BODIES,
    STATE_NAMES,
    TYPE_GROUP,
    norm,
)

_TIE_ORDER = ("GPE", "ORG", "NORP", "PERSON")
_PAIR = re.compile(r"([A-Z][\w'’]+)[-–]([A-Z][\w'’]+)")


def split_pairs(raws: list[RawMention]) -> list[RawMention]:
    """ "Trump-Kim" (a summit, a matchup), read as one name, is two mentions when both halves are
    names the article uses on their own or as a word of a person's full name; never a hyphenated
    name that is itself a word of a full name ("Alexandria Ocasio-Cortez" ... "Ocasio-Cortez").
    So is a two-word "person" whose words are the surnames of two others named in full (a
    headline's "Trump Putin" beside "Donald Trump" and "Vladimir Putin")."""
    known: dict[str, str] = {}
    surnames: dict[str, set[str]] = defaultdict(set)
    for r in raws:
        if r.label == "PERSON" and len(r.text.split()) >= 2:
            for part in long_name_parts(r.text):
                known[part] = "PERSON"
            surnames[norm(r.text.split()[-1])].add(norm(r.text))
    for r in raws:
        known.setdefault(norm(r.text), r.label)
    out = []
    for r in raws:
        halves = _halves(r, known, surnames, raws)
        if halves is None:
            out.append(r)
            continue
        (a, sa), (b, sb) = halves
        out.append(RawMention(r.start + sa, r.start + sa + len(a), a, known[norm(a)]))
        out.append(RawMention(r.start + sb, r.start + sb + len(b), b, known[norm(b)]))
    return out


def _halves(
    r: RawMention, known: dict[str, str], surnames: dict[str, set[str]], raws: list[RawMention]
) -> tuple[tuple[str, int], tuple[str, int]] | None:
    """The two names (with offsets in the mention) a mention glues together, or None."""
    if r.label == ATTRIBUTE_TYPE:
        return None
    m = _PAIR.fullmatch(r.text)
    if m is not None:
        a, b = norm(m.group(1)), norm(m.group(2))
        if a in known and b in known and not _word_of_full_name(r.text, raws):
            return (m.group(1), 0), (m.group(2), m.start(2))
        return None
    words = r.text.split(" ")
    if r.label != "PERSON" or len(words) != 2 or not all(w[:1].isupper() for w in words):
        return None
    me = norm(r.text)
    if all(surnames.get(norm(w), set()) - {me} for w in words):
        return (words[0], 0), (words[1], len(words[0]) + 1)
    return None


def _word_of_full_name(text: str, raws: list[RawMention]) -> bool:
    key = norm(text)
    return any(key in long_name_parts(r.text) for r in raws if r.label == "PERSON")


def vote_types(raws: list[RawMention]) -> list[RawMention]:
    """One type per name: known states and metonyms win, else the majority label (a mention right
    after a person's title or address form, "President Trump", votes for a person)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for r in raws:
        titled = r.titled and r.label != ATTRIBUTE_TYPE and " " not in r.text
        votes[norm(r.text)]["PERSON" if titled else TYPE_GROUP[r.label]] += 1
    person_parts = {p for r in raws if r.label == "PERSON" for p in long_name_parts(r.text)}
    out = []
    for r in raws:
        key = norm(r.text)
        label = _voted_label(r, key, votes[key], person_parts)
        out.append(r if label == r.label else dataclasses.replace(r, label=label))
    return out


def _voted_label(r: RawMention, key: str, votes: Counter[str], person_parts: set[str]) -> str:
    if r.label == ATTRIBUTE_TYPE:
        return r.label
    if key in METONYMS:
        return METONYMS[key][1]
    if key in PLATFORMS:
        return "ORG"
    if key in STATE_NAMES:
        return "ORG" if STATE_NAMES[key] in STATE_BODIES else "GPE"
    if key in NATIONALITY:
        return "NORP"
    if key in person_parts and " " not in key:
        return "PERSON"
    n = max(votes.values())
    if votes[TYPE_GROUP[r.label]] == n and n > sum(votes.values()) - n:
        return r.label
    top = min(
        (g for g, c in votes.items() if c == n),
        key=lambda g: _TIE_ORDER.index(g) if g in _TIE_ORDER else 9,
    )
    return r.label if TYPE_GROUP[r.label] == top else top
