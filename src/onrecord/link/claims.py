"""Claims about the same measure, within and across documents: ``corroborates`` or ``conflicts``.

A measure (see :mod:`onrecord.link.measure`) is the counted thing — head noun and qualifiers
(``Russian soldiers`` is not ``Ukrainian soldiers``) — the event around the figure (signed contracts,
died, wounded, on strike), its rate and whether it is a forecast, plus the unit and level versus
change (``up``/``down``), within one story. Counts below 10 ("the two leaders") are compared only
when all of that matches and an event is named. A figure compared with another in its sentence
("lower than the 280,000 that Medvedev gave", "up from 12,000") counts the same thing; its claimant
is the person named after it when there is one.

Each claim is read as an interval from its modifier: ``=`` ±1% or, when smaller, the rounding of
the digits written ("$139 million" ± half a million, "$140,937,785" ± half a dollar), ``~`` ±15% or, when
smaller, a unit of the last digit of a round figure ("about 2,800" ± 100) and the rounding of one
written to its last unit ("roughly $141 million" ± half a million, "some 16" ± 0.5), ``<`` [0, v],
``>`` [v, ∞), a stated range as itself. Exact figures whose intervals overlap agree; open bounds
("more than 250,000"), approximations ("about $3.6 billion") and ranges join every agreeing group
they fit, without bridging two. Agreeing figures
from at least two independent (source, claimant) pairs give ``corroborates``. Neighbouring
disagreeing groups give ``conflicts`` naming the claimants on each side when they refer to days at
most three apart (the sentence's date, else the publication date: ``figure_time``), or when the
sentence compares them itself; sides a hundred times apart count different things, and so does a
figure added to the one before it in its sentence ("..., plus an additional $1 billion").

Running totals: when the two groups share a claimant and the larger one is later (published later,
or the sentence says "up from"), the figures are an update of one count, not a conflict; that pair
is reported as ``corroborates`` with a note starting ``running total``. Disagreeing figures from
different claimants more than three days apart are not linked (different time scopes).
"""

from __future__ import annotations

import logging
import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from onrecord.ids import doc_of, item_id
from onrecord.link.common import Entities, day_number, earliest
from onrecord.link.dedup import Sources
from onrecord.link.figure_time import LEAD, day_of, named_month, year_of
from onrecord.link.intervals import interval_of
from onrecord.link.measure import (
    EVENT_LABEL,
    SMALL,
    Measure,
    compatible,
    elliptic,
    inherit,
    is_money,
    read,
    speaker_before,
    unit_key,
)
from onrecord.link.measure_named import same_sum
from onrecord.link.records import Link
from onrecord.models import Analysis, Claim, TimeExpr

log = logging.getLogger(__name__)

EARLIER = 400  # characters before a sentence read for what "that project" stands for
SAME_SCOPE_DAYS = 3  # a weekly or next-morning report of the same count
APART = 100  # figures this many times apart count different things ("about 300 emails", "250,000 emails")
SAME_SCOPE_MONTHS = 3  # a month named near a year's turn ("in December", read in March)


@dataclass(frozen=True, slots=True)
class Figure:
    """A claim prepared for comparison."""

    id: str
    claim: Claim
    measure: Measure
    low: float
    high: float
    voice: str  # claimant entity, or the outlet when the article states it
    who: str  # readable claimant
    source: str
    published: str
    day: str  # the day the figure refers to: a date in its sentence, else the publication date
    compared_with: str | None = None  # the figure of the same sentence it is compared with
    year: str = ""  # the year it refers to: a date of its sentence ("in 1956", "last year"), else published
    month: str = ""  # YYYY-MM of that date when it names a month or a day (or of publication); "" for a year
    added_to: str | None = None  # the figure of the same sentence it is added to ("plus an additional $1 billion")
    named_month: str = ""  # YYYY-MM a month-precise expression of its clause names ("For September"), else ""


def interval(c: Claim) -> tuple[float, float] | None:
    """The range of values a claim allows, from its value/low/high and modifier."""
    return interval_of(c.value, c.low, c.high, c.change, c.text)


def _figures(analyses: Sequence[Analysis], entities: Entities, sources: Sources) -> list[Figure]:
    out: list[Figure] = []
    for a in analyses:
        sentences: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, c in enumerate(a.claims):
            sentences[(c.sentence_start, c.sentence_end)].append(i)
        times = sorted(a.times, key=lambda t: t.start)
        starts = [t.start for t in times]
        for (s0, s1), members in sentences.items():
            inside = times[bisect_left(starts, s0 - LEAD):bisect_left(starts, s1)]  # the sentence's times and those just before
            out.extend(_sentence_figures(a, entities, sources, s0, s1, sorted(members, key=_start(a)), inside))
    return out


def _start(a: Analysis):
    return lambda i: (a.claims[i].start, i)


def _sentence_figures(a: Analysis, entities: Entities, sources: Sources, s0: int, s1: int,
                      members: list[int], times: Sequence[TimeExpr]) -> list[Figure]:
    """The figures of one sentence, each read between its neighbours."""
    body, d = a.document.body, a.document
    out: list[Figure] = []
    prev: tuple[str, Measure, Claim] | None = None
    for k, i in enumerate(members):
        c = a.claims[i]
        prev_end = a.claims[members[k - 1]].end if k else s0
        next_start = a.claims[members[k + 1]].start if k + 1 < len(members) else s1
        before = body[max(s0, prev_end):c.start]
        measure = read(c, before, body[c.end:max(c.end, next_start)], body[max(0, s0 - EARLIER):s0],
                       body[:s0], body[s0:c.start])
        fid = item_id(d.id, "c", i)
        compared = None
        if measure.compares and prev:
            compared, measure = prev[0], inherit(measure, prev[1])
        elif prev and elliptic(measure, prev[1]):
            measure = inherit(measure, prev[1])
        elif prev and same_sum(is_money(c), measure.head, body[c.end:next_start], is_money(prev[2]),
                                   prev[1].head):
            measure = replace(measure, head=prev[1].head, proper=prev[1].proper, common=prev[1].common)
        if c.aside:
            continue  # a side detail ("one of", "two hours", "the two leaders") is not compared
        prev_id = prev[0] if prev else None
        prev = (fid, measure, c)
        span = interval(c)
        if span is None or not measure.head:
            continue
        voice, who = _claimant(a, entities, c, measure, body[s0:c.start], s1)
        added = prev_id if prev_id and ADDED.search(before) else None
        out.append(Figure(fid, c, measure, span[0], span[1], voice, who, sources.of(d.id, c.sentence_start),
                          d.published or "9999", day_of(a, c, times), compared, *year_of(a, c, times), added,
                          named_month(a, c, times)))
    return out


def _claimant(a: Analysis, entities: Entities, c: Claim, m: Measure, head: str, s1: int) -> tuple[str, str]:
    """Who gives the figure: the person named after a compared figure ("the 280,000 that Dmitry
    Medvedev gave"), else the extracted claimant (an actor's entity, or a described source in its
    words), else the subject of "X said" opening the sentence, else the outlet."""
    d = a.document
    if m.compares == "than":
        named = _person_after(a, c.end, s1)
        if named:
            return entities.of(d.id, named.key) or named.name, named.name
    if c.claimant_key:
        return entities.of(d.id, c.claimant_key) or c.claimant_key, c.claimant_name or c.claimant_key
    if c.claimant_name:  # a source no actor stands for, in its words ("senior administration official")
        return "said:" + c.claimant_name.lower(), c.claimant_name
    speaker = speaker_before(head)
    if speaker:
        return "said:" + speaker.lower(), speaker
    return "source:" + d.id, f"{d.outlet or d.id} (stated)"


def _person_after(a: Analysis, start: int, end: int):
    best = None
    for actor in a.actors:
        if actor.type != "PERSON":
            continue
        for m in actor.mentions:
            if start <= m.start < end and (best is None or m.start < best[0]):
                best = (m.start, actor)
    return best[1] if best else None


# Words that add a figure to the one before it in the sentence: a second amount, not the same one.
ADDED = re.compile(r"\b(?:plus|additional|another|extra|a further|on top of)\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)


def _measures(figures: list[Figure], story_of: Mapping[str, str]) -> list[list[Figure]]:
    """Figures grouped by story, unit and level/change, then by measure: a figure joins the first
    group (founded by its most specific figure) whose measure is compatible with its own. Every
    figure is in exactly one group, its founder first (a figure alone founds a group of one)."""
    blocks: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures:
        doc = doc_of(f.id)
        kind = f.claim.change if f.claim.change in ("up", "down") else "level"
        blocks[(story_of.get(doc, doc), unit_key(f.claim.unit, f.claim.counted), kind)].append(f)
    groups: list[list[Figure]] = []
    for block in blocks.values():
        founded: list[list[Figure]] = []
        for f in sorted(block, key=_specificity):
            group = next((g for g in founded if _fits(g[0], f)), None)
            if group is None:
                founded.append(group := [])
            group.append(f)
        groups.extend(founded)
    return groups


def _specificity(f: Figure) -> tuple:
    m = f.measure
    return (-(len(m.proper) + len(m.common) + len(m.events)), f.id)


def _small(f: Figure) -> bool:
    return f.low < SMALL and (f.high < SMALL or f.high == math.inf)


def _fits(founder: Figure, f: Figure) -> bool:
    if f.compared_with == founder.id:
        return True
    if f.added_to == founder.id or founder.added_to == f.id:
        return False  # "the $1.6 billion ..., plus an additional $1 billion": another sum
    if founder.year and f.year and founder.year != f.year and not _near_months(founder.month, f.month):
        return False  # a different time scope ("in 1956", "last year")
    if founder.named_month and f.named_month and founder.named_month != f.named_month:
        return False  # "For September, ... 132,000 jobs" is not November's 146,000
    return compatible(founder.measure, f.measure, _small(founder) or _small(f))


def _near_months(a: str, b: str) -> bool:
    """Two months within ``SAME_SCOPE_MONTHS`` of each other ("in December" and a March report)."""
    if not a or not b:
        return False
    return abs((int(a[:4]) * 12 + int(a[5:7])) - (int(b[:4]) * 12 + int(b[5:7]))) <= SAME_SCOPE_MONTHS


def _bound(f: Figure) -> bool:
    """A figure that agrees with a span of values: an open bound, an approximation ("about $3.6
    billion") or a stated or vague range ("500,000 to 1.6 million", "tens of thousands"). It joins
    every group of point figures it fits without bridging two."""
    c = f.claim
    ranged = c.low is not None and c.high is not None and c.low != c.high
    return f.high == math.inf or c.change in ("<", "~") or ranged


def _components(figures: list[Figure]) -> list[list[Figure]]:
    parts: list[list[Figure]] = []
    high = -math.inf
    for f in sorted(figures, key=lambda f: (f.low, f.high)):
        if parts and f.low <= high:
            parts[-1].append(f)
            high = max(high, f.high)
        else:
            parts.append([f])
            high = f.high
    return parts


def _agreeing(group: list[Figure]) -> list[list[Figure]]:
    """Groups of agreeing figures, lowest first: components of overlapping point intervals, each
    joined by the open bounds it fits (a bound fitting none stands alone)."""
    points = [f for f in group if not _bound(f)]
    bounds = [f for f in group if _bound(f)]
    if not points:
        return _components(bounds)
    parts = _components(points)
    alone = []
    for b in bounds:
        fits = [p for p in parts if b.low <= max(f.high for f in p) and min(f.low for f in p) <= b.high]
        for p in fits:
            p.append(b)
        if not fits:
            alone.append(b)
    parts += _components(alone)
    return sorted(parts, key=lambda p: (min(f.low for f in p), max(f.high for f in p)))


def _independent(part: list[Figure]) -> int:
    return len({(f.source, f.voice) for f in part})


def _side(part: list[Figure]) -> str:
    seen = dict.fromkeys(f"{f.who}: {f.claim.text}" for f in part)
    return "; ".join(seen)


def _what(group: list[Figure]) -> str:
    f = next((f for f in group if f.claim.counted), group[0])
    text = f.claim.counted or f.measure.head
    m = f.measure
    events = ", ".join(sorted(EVENT_LABEL.get(e, e) for e in m.events))
    return text + (f" ({events})" if events else "") + (f" a {m.rate}" if m.rate else "")


def _pair_link(lo: list[Figure], hi: list[Figure], what: str, order: Mapping) -> Link | None:
    """``conflicts`` between two disagreeing groups, ``corroborates`` for a running total, or
    nothing when they come from different claimants about different days."""
    lo, hi = [f for f in lo if f not in hi], [f for f in hi if f not in lo]
    if not lo or not hi:
        return None
    items = tuple(f.id for f in lo + hi)
    first = earliest(items, order)
    explicit = {f.measure.compares for f in lo + hi
                if f.compared_with in {g.id for g in (hi if f in lo else lo)}}
    shared_voice = {f.voice for f in lo} & {f.voice for f in hi}
    later = max(f.published for f in lo) < min(f.published for f in hi)
    if shared_voice and (later or "from" in explicit):
        note = f"running total of {what} grew: {_side(lo)} → {_side(hi)} (an update, not a conflict)"
        return Link("corroborates", items, note, first)
    if "than" not in explicit and (_self_contradiction(lo, hi) or _apart(lo, hi)):
        return None
    if "than" in explicit or _near_days({f.day for f in lo}, {f.day for f in hi}):
        return Link("conflicts", items, f"{what}: {_side(lo)} vs {_side(hi)}", first)
    return None


def _apart(lo: list[Figure], hi: list[Figure]) -> bool:
    """The two sides are ``APART`` times apart or more: not one count given twice."""
    top = max((f.high for f in lo if f.high != math.inf), default=0.0)
    return top > 0 and min(f.low for f in hi) >= APART * top


def _near_days(a: set[str], b: set[str]) -> bool:
    """Whether two sets of reference days come within ``SAME_SCOPE_DAYS`` of each other (a paper
    published next morning reports the day before)."""
    xs = [x for x in map(day_number, a) if x is not None]
    ys = [y for y in map(day_number, b) if y is not None]
    return bool(a & b) or any(abs(x - y) <= SAME_SCOPE_DAYS for x in xs for y in ys)


def _self_contradiction(lo: list[Figure], hi: list[Figure]) -> bool:
    """One side holds only an outlet's own figures and the other side one of that outlet's own too:
    an article does not contradict itself, so the two figures count different things."""
    def stated(side: list[Figure]) -> set[str]:
        return {f.voice for f in side if f.voice.startswith("source:")}

    for a, b in ((lo, hi), (hi, lo)):
        own = stated(a)
        if own and len(own) == len({f.voice for f in a}) and own & stated(b):
            return True
    return False


def measure_groups(
    analyses: Sequence[Analysis], entities: Entities, sources: Sources, story_of: Mapping[str, str]
) -> list[list[Figure]]:
    """The claims read as figures, grouped by the measure they count (see :func:`_measures`)."""
    return _measures(_figures(analyses, entities, sources), story_of)


def measure_keys(groups: Sequence[Sequence[Figure]]) -> dict[str, str]:
    """For each claim id, the key of its measure group: the id of the figure that founded it."""
    return {f.id: group[0].id for group in groups for f in group}


def group_links(groups: Sequence[list[Figure]], order: Mapping) -> list[Link]:
    """``corroborates`` and ``conflicts`` links within each measure group of two figures or more."""
    links: list[Link] = []
    for group in (g for g in groups if len({f.id for f in g}) > 1):
        what = _what(group)
        parts = _agreeing(group)
        for part in parts:
            if _independent(part) > 1:
                items = tuple(f.id for f in part)
                note = f"{what} agree: {_side(part)}"
                links.append(Link("corroborates", items, note, earliest(items, order)))
        chain: Link | None = None  # the conflicts link of the pair before, when this pair conflicts too
        for lo, hi in zip(parts, parts[1:], strict=False):
            link = _pair_link(lo, hi, what, order) if _independent(lo + hi) > 1 else None
            if link is None or link.kind != "conflicts":
                chain = None
            elif chain is not None:
                links[-1] = chain = _joined(chain, link, order)
                continue
            else:
                chain = link
            if link:
                links.append(link)
    log.info("claims: %d links", len(links))
    return links


def _joined(a: Link, b: Link, order: Mapping) -> Link:
    """One conflicts link for three values or more of one measure ("$5 billion vs $5.6 billion vs
    $5.7 billion"): every side is shown against every other."""
    items = tuple(dict.fromkeys(a.items + b.items))
    note = a.note + " vs " + b.note.split(" vs ", 1)[1]
    return Link("conflicts", items, note, earliest(items, order))


def compare_claims(
    analyses: Sequence[Analysis],
    entities: Entities,
    sources: Sources,
    order: Mapping,
    story_of: Mapping[str, str],
) -> list[Link]:
    """``corroborates`` and ``conflicts`` links between claims about the same measure."""
    return group_links(measure_groups(analyses, entities, sources, story_of), order)
