"""Claims about the same measure across documents: ``corroborates`` or ``conflicts``.

A measure is the counted thing (content words of ``Claim.counted``, one set containing the other),
its unit, and level versus change (``up``/``down``), within one story. Each claim is read as an
interval from its modifier: ``=`` ±1% (rounding), ``~`` ±15%, ``<`` [0, v], ``>`` [v, ∞), and a
stated range as itself. Claims whose intervals overlap agree; agreeing claims from at least two
independent sources (duplicates count once) give one ``corroborates`` link, and each pair of
neighbouring disagreeing groups (sorted by value) gives a ``conflicts`` link naming the claimants
on each side.

Running totals: when the larger group comes only from documents published later than the smaller
one and shares a claimant with it, the figures are an update of one count, not a conflict; that
pair is reported as ``corroborates`` with a note starting ``running total``.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from onrecord.link.common import Entities, earliest
from onrecord.link.dedup import Sources
from onrecord.link.records import Link
from onrecord.link.text import content_words
from onrecord.models import Analysis, Claim

log = logging.getLogger(__name__)

EXACT = 0.01
APPROX = 0.15
MAX_COUNTED_WORDS = 6


@dataclass(frozen=True, slots=True)
class Figure:
    """A claim prepared for comparison."""

    id: str
    claim: Claim
    counted: frozenset[str]
    low: float
    high: float
    voice: str  # claimant entity, or the outlet when the article states it
    who: str  # readable claimant
    source: str
    published: str


def interval(c: Claim) -> tuple[float, float] | None:
    """The range of values a claim allows, from its value/low/high and modifier."""
    if c.low is not None and c.high is not None and c.low != c.high:
        return (min(c.low, c.high), max(c.low, c.high))
    v = c.value if c.value is not None else (c.low if c.low is not None else c.high)
    if v is None:
        return None
    if c.change == "<":
        return (0.0, v)
    if c.change == ">":
        return (v, math.inf)
    tol = APPROX if c.change == "~" else EXACT
    return (v - abs(v) * tol, v + abs(v) * tol)


def _figures(analyses: Sequence[Analysis], entities: Entities, sources: Sources) -> list[Figure]:
    out = []
    for a in analyses:
        d = a.document
        for i, c in enumerate(a.claims):
            span = interval(c)
            counted = frozenset(content_words(c.counted or ""))
            if span is None or not counted:
                continue
            source = sources.of(d.id, c.sentence_start)
            voice = entities.of(d.id, c.claimant) or "source:" + source
            who = c.claimant_name or f"{d.outlet or d.id} (stated)"
            out.append(Figure(f"{d.id}/c{i}", c, counted, span[0], span[1], voice, who,
                              source, d.published or "9999"))
    return out


def _measures(figures: list[Figure], story_of: Mapping[str, str]) -> list[list[Figure]]:
    """Figures grouped by story, unit and level/change, then by counted words: a figure joins the
    group whose counted words are a subset of its own (fewest words first)."""
    blocks: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures:
        doc = f.id.rpartition("/")[0]
        kind = f.claim.change if f.claim.change in ("up", "down") else "level"
        blocks[(story_of.get(doc, doc), (f.claim.unit or "").lower(), kind)].append(f)
    groups: list[list[Figure]] = []
    for block in blocks.values():
        by_key: dict[frozenset[str], list[Figure]] = {}
        for f in sorted(block, key=lambda f: (len(f.counted), f.id)):
            group = next((by_key[k] for k in _subsets(f.counted) if k in by_key), None)
            if group is None:
                group = by_key[f.counted] = []
                groups.append(group)
            group.append(f)
    return [g for g in groups if len(g) > 1]


def _subsets(words: frozenset[str]) -> list[frozenset[str]]:
    """Non-empty subsets of the counted words, smallest first (at most the first 6 words)."""
    items = sorted(words)[:MAX_COUNTED_WORDS]
    subsets = [frozenset(c) for n in range(1, len(items) + 1) for c in combinations(items, n)]
    return subsets if len(words) <= MAX_COUNTED_WORDS else subsets + [words]


def _agreeing(group: list[Figure]) -> list[list[Figure]]:
    """Connected components of overlapping intervals, lowest first."""
    parts: list[list[Figure]] = []
    high = -math.inf
    for f in sorted(group, key=lambda f: (f.low, f.high)):
        if parts and f.low <= high:
            parts[-1].append(f)
            high = max(high, f.high)
        else:
            parts.append([f])
            high = f.high
    return parts


def _independent(part: list[Figure]) -> int:
    return len({(f.source, f.voice) for f in part})


def _side(part: list[Figure]) -> str:
    seen = dict.fromkeys(f"{f.who}: {f.claim.text}" for f in part)
    return "; ".join(seen)


def _counted(group: list[Figure]) -> str:
    return group[0].claim.counted or " ".join(sorted(group[0].counted))


def _pair_link(lo: list[Figure], hi: list[Figure], what: str, order: Mapping) -> Link:
    items = tuple(f.id for f in lo + hi)
    first = earliest(items, order)
    running = max(f.published for f in lo) < min(f.published for f in hi) and (
        {f.voice for f in lo} & {f.voice for f in hi}
    )
    if running:
        note = f"running total of {what} grew: {_side(lo)} → {_side(hi)} (an update, not a conflict)"
        return Link("corroborates", items, note, first)
    return Link("conflicts", items, f"{what}: {_side(lo)} vs {_side(hi)}", first)


def compare_claims(
    analyses: Sequence[Analysis],
    entities: Entities,
    sources: Sources,
    order: Mapping,
    story_of: Mapping[str, str],
) -> list[Link]:
    """``corroborates`` and ``conflicts`` links between claims about the same measure."""
    links: list[Link] = []
    for group in _measures(_figures(analyses, entities, sources), story_of):
        what = _counted(group)
        parts = _agreeing(group)
        for part in parts:
            if _independent(part) > 1:
                items = tuple(f.id for f in part)
                note = f"{what} agree: {_side(part)}"
                links.append(Link("corroborates", items, note, earliest(items, order)))
        for lo, hi in zip(parts, parts[1:], strict=False):
            if _independent(lo + hi) > 1:
                links.append(_pair_link(lo, hi, what, order))
    log.info("claims: %d links", len(links))
    return links
