"""Time expressions found in an article and resolved against its publication date.

``extract_times`` finds dates and times with the rules in ``patterns`` and normalises them
(TimeML/TIMEX3 values: "2023-09-13", "2023-08", "2023-W37", "1989-Q3", "199", "PRESENT_REF") with
``resolve`` and ``periods``. Relative expressions ("on Wednesday", "last month") are resolved against the
publication date, or against a live-blog entry's date when they fall inside that entry. Without a
publication date only absolute expressions get a value. Durations ("18 months of war") are out of
scope, as in TempEval's DATE/TIME types.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Doc

from onrecord.extract.times import calendar as cal
from onrecord.extract.times import periods, resolve
from onrecord.extract.times.patterns import (
    COMPILED,
    MONTH_LEADS,
    RULE_ORDER,
    TRIGGERS,
    trigger_positions,
)
from onrecord.extract.times.resolve import Context, Resolved
from onrecord.extract.times.tense import tense_from_doc, tense_from_text
from onrecord.models import Entry, TimeExpr

log = logging.getLogger(__name__)

RESOLVERS = {**resolve.RESOLVERS, **periods.RESOLVERS}  # one per rule of ``patterns``

REFS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_GRANULARITY = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$"), "minute"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}(T[A-Z]{2})?$"), "day"),
    (re.compile(r"^\d{4}-W\d{2}(-WE)?$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-(H\d|SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)
_ENTRY_DATE = re.compile(r"(?P<a>[A-Za-z]+)\.?\s+(?P<b>\d{1,2})|(?P<c>\d{1,2})\s+(?P<d>[A-Za-z]+)")


def extract_times(
    text: str,
    published: str | None,
    entries: Sequence[Entry] = (),
    doc: Doc | None = None,
    *,
    published_anchor: str = "published",
) -> tuple[TimeExpr, ...]:
    """Time expressions in ``text`` with TimeML values resolved against ``published`` (YYYY-MM-DD).

    Expressions inside a live-blog entry with a date are resolved against that date (anchor
    "entry"). ``published_anchor`` names where the publication date came from ("published", or
    "inferred" when it came from :func:`infer_published`). ``doc`` (same text) sharpens tense.
    """
    ref = cal.parse_iso(published)
    anchors = _EntryAnchors(entries, ref)
    ctx = Context(ref=ref, tense_of=lambda: None)
    found: list[TimeExpr] = []
    for name, match in _matches(text):
        entry_ref = anchors.at(match.start())
        ctx.ref = entry_ref or ref
        ctx.tense_of = _tense_getter(text, match.start(), match.end(), doc)
        resolved = _resolve(name, match, ctx)
        if resolved is None:
            continue
        anchor = _anchor(resolved, entry_ref is not None, published_anchor)
        start, end = _trim(text, match.start(), match.end())
        value = resolved.value
        found.append(TimeExpr(start, end, text[start:end], value, granularity(value), anchor))
    return tuple(found)


def _resolve(name: str, match: re.Match[str], ctx: Context) -> Resolved | None:
    """Run one resolver; a calendar overflow drops that expression, not the article."""
    try:
        return RESOLVERS[name](match, ctx)
    except (ValueError, OverflowError) as err:
        log.debug("time expression %r (%s) not resolved: %s", match.group(0), name, err)
        return Resolved(None, True)


def granularity(value: str | None) -> str | None:
    """year, month, week, day, minute (and quarter, season, decade, century) of a value."""
    if not value:
        return None
    return next((name for pattern, name in _GRANULARITY if pattern.match(value)), None)


def _anchor(resolved: Resolved, in_entry: bool, published_anchor: str) -> str | None:
    if resolved.value is None or resolved.value in REFS:
        return None
    if not resolved.relative:
        return "absolute"
    return "entry" if in_entry else published_anchor


def _tense_getter(text: str, start: int, end: int, doc: Doc | None) -> Callable[[], str | None]:
    cache: list[str | None] = []

    def tense() -> str | None:
        if not cache:
            found = tense_from_doc(doc, start, end) if doc is not None else None
            cache.append(found or tense_from_text(text, start, end))
        return cache[0]

    return tense


def _matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """All rule matches, keeping the longest of overlapping ones (earlier rule on ties)."""
    candidates = [(name, m) for name, m in _rule_matches(text) if m.end() > m.start() and _plausible(name, m)]
    candidates.sort(key=lambda c: (-(c[1].end() - c[1].start()), RULE_ORDER[c[0]], c[1].start()))
    taken: list[tuple[int, int]] = []
    kept: list[tuple[str, re.Match[str]]] = []
    for name, m in candidates:
        i = bisect.bisect_left(taken, (m.start(), m.end()))
        if i > 0 and taken[i - 1][1] > m.start() or i < len(taken) and taken[i][0] < m.end():
            continue
        taken.insert(i, (m.start(), m.end()))
        kept.append((name, m))
    kept.sort(key=lambda c: c[1].start())
    return kept


def _rule_matches(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Run each rule only over the lines where its trigger occurs."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    starts = [start for start, _ in lines]
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length when lower-cased
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    hits: dict[int, list[int]] = {}
    for name, pattern in COMPILED:
        trigger = TRIGGERS[name]
        key = id(trigger[1])
        if key not in hits:
            positions = trigger_positions(trigger, text, lower)
            hits[key] = sorted({bisect.bisect_right(starts, p) - 1 for p in positions})
        for i in hits[key]:
            yield from ((name, m) for m in pattern.finditer(text, *lines[i]))


_LINE = re.compile(r"[^\n]+")


def _plausible(name: str, m: re.Match[str]) -> bool:
    """Reject a bare month that is a name ("Theresa May") or a modal at a sentence start."""
    if name != "month":
        return True
    before = m.string[max(0, m.start() - 30) : m.start()].rstrip()
    prev = before.split()[-1] if before.split() else ""
    if m["mon"] in ("May", "March") and (not prev or prev.endswith((".", "!", "?", "\u201c", '"'))):
        return False
    return not prev[:1].isupper() or prev.lower().strip(",") in MONTH_LEADS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


class _EntryAnchors:
    """Entry start offsets and their dates, for finding the entry an offset falls in."""

    def __init__(self, entries: Sequence[Entry], ref: dt.date | None) -> None:
        dated = sorted((e.start, e.end, _entry_date(e.date, ref)) for e in entries)
        self._items = [d for d in dated if d[2] is not None]
        self._starts = [d[0] for d in self._items]

    def at(self, offset: int) -> dt.date | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        start, end, date = self._items[i]
        return date if start <= offset < end else None


def _entry_date(text: str | None, ref: dt.date | None) -> dt.date | None:
    """An entry date ("September 12", "12 Sep", "2023-09-12") with the year from ``ref``."""
    if not text:
        return None
    iso = cal.parse_iso(text)
    if iso or ref is None:
        return iso
    m = _ENTRY_DATE.search(text)
    if not m:
        return None
    month = cal.month_number(m["a"] or m["d"])
    day = int(m["b"] or m["c"])
    if month is None:
        return None
    return cal.safe_date(cal.nearest_year(ref, month, day, None), month, day)


# -- the article's own date ---------------------------------------------------------------------------

_DATE_LINE = re.compile(
    r"(?im)^[ \t]*(?:(?P<kw>date|published|posted|updated|last\s+updated|first\s+published)\b[:\s]*(?:on\s+)?)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
    r"(?P<rest>[^\n]*)$"
)


def infer_published(text: str, head: int = 3000) -> tuple[str | None, str]:
    """The article's own date from a date line near its top: ``(YYYY-MM-DD, how)`` or ``(None, "none")``.

    Accepted: a line starting with "date"/"published"/"updated" and a full date ("keyword"), or a
    short line that is only a full date, possibly with weekday and clock time ("date line").
    """
    for m in _DATE_LINE.finditer(text[:head]):
        date = _full_date(m["date"])
        if date is None:
            continue
        if m["kw"]:
            return date.isoformat(), f"{m['kw'].lower()} line"
        if len(m["rest"].strip()) <= 24 and re.fullmatch(r"[\s\d:.,apmAPMESTDGTUBC()/+-]*", m["rest"]):
            return date.isoformat(), "date line"
    return None, "none"


def _full_date(text: str) -> dt.date | None:
    iso = cal.parse_iso(text)
    if iso:
        return iso
    parts = re.findall(r"[A-Za-z]+|\d+", text)
    words = [p for p in parts if p.isalpha()]
    numbers = [int(p) for p in parts if p.isdigit()]
    if len(words) != 1 or len(numbers) != 2:
        return None
    month = cal.month_number(words[0]) if len(words[0]) >= 3 else None
    day, year = (numbers[0], numbers[1]) if numbers[0] < 100 else (numbers[1], numbers[0])
    return cal.safe_date(year, month, day) if month else None
