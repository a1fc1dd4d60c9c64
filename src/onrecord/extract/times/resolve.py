"""Normalising matched time expressions to TimeML values (one resolver per rule in ``patterns``):
explicit dates, weekdays, days and clock times here, relative periods in ``periods``.

A resolver gets the match and a :class:`Context` (reference date, tense of the sentence, the
quarter the text last spoke of) and returns a :class:`Resolved` value, or ``None`` to drop the
match (not a time expression after all).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from onrecord.extract.times import calendar as cal

Tense = str | None  # "past", "future" or None


@dataclass(slots=True)
class Context:
    """What a resolver may read: the reference date (None when unknown) and document state."""

    ref: dt.date | None
    tense_of: Callable[[], Tense]
    quarter: tuple[int, int] | None = None  # (year, quarter) the text last spoke of
    quarter_at: int = -1  # where it did

    def set_quarter(self, year: int, n: int, at: int) -> None:
        self.quarter, self.quarter_at = (year, n), at

    def quarter_near(self, at: int, window: int = 2500) -> bool:
        """The text spoke of a quarter shortly before ``at`` (so "a year ago" means that quarter)."""
        return self.quarter is not None and 0 <= at - self.quarter_at <= window

    def tense(self) -> Tense:
        return self.tense_of()


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str | None
    relative: bool  # depends on the reference date


Resolver = Callable[[re.Match[str], Context], "Resolved | None"]
# Within this many months of the reference date the nearest year wins over the clause's tense.
MONTH_FREE = 1.0
DAY_FREE = 5.0
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}


def relative(value: Callable[[dt.date], str | None], ctx: Context) -> Resolved:
    """A value computed from the reference date, or an unresolved one when there is none."""
    return Resolved(value(ctx.ref) if ctx.ref else None, True)


def year_of(text: str | None) -> int | None:
    return int(text) if text else None


def spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and two" -> 2002."""
    words = [w for w in re.split(r"[-\s]+", text.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(cal.spelled_number(w) or 0 for w in words[2:])
    century = cal.spelled_number(words[0])
    rest = sum(cal.spelled_number(w) or 0 for w in words[1:])
    return century * 100 + rest if century else None


# -- explicit dates -------------------------------------------------------------------------------


def r_iso(m: re.Match[str], ctx: Context) -> Resolved | None:
    day = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None:
        return None
    if m["hh"]:
        return Resolved(f"{day.isoformat()}T{m['hh']}:{m['mi']}", False)
    return Resolved(day.isoformat(), False)


def r_numeric(m: re.Match[str], ctx: Context) -> Resolved | None:
    day = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Resolved(day.isoformat(), False) if day else None


def _month_day(month: int, day: int, year: int | None, ctx: Context, weekday: str | None = None) -> Resolved | None:
    if year is not None:
        d = cal.safe_date(year, month, day)
        return Resolved(d.isoformat(), False) if d else None
    if not 1 <= day <= 31:
        return None
    wanted = cal.weekday_number(weekday) if weekday else None

    def value(ref: dt.date) -> str | None:
        year = cal.nearest_year(ref, month, day, ctx.tense(), DAY_FREE)
        if wanted is not None:  # a stated weekday picks the year
            years = sorted((year, year - 1, year + 1), key=lambda y: abs(y - year))
            fits = [y for y in years if (d := cal.safe_date(y, month, day)) and d.weekday() == wanted]
            year = fits[0] if fits else year
        d = cal.safe_date(year, month, day)
        return d.isoformat() if d else None

    return relative(value, ctx)


def r_mdy(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = cal.month_number(m["mon"])
    return _month_day(month, int(m["d"]), year_of(m["y"]), ctx, m["wd"]) if month else None


r_dmy = r_mdy


def r_month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = cal.month_number(m["mon"])
    if not month:
        return None
    if m["rel"]:
        shift = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        return relative(lambda ref: cal.month_value(ref.year + shift, month), ctx)
    year = year_of(m["y"]) or (spelled_year(m["sy"]) if m["sy"] else None)
    return Resolved(cal.month_value(year, month), False) if year else None


def r_month_mod(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = cal.month_number(m["mon"])
    mod = " ".join(m["mod"].lower().split())
    if not month:
        return None
    if mod in ("early", "late"):
        return _bare_month(month, ctx)

    def value(ref: dt.date) -> str:
        if mod == "this":
            return cal.month_value(ref.year, month)
        if mod in ("last", "this past"):  # the month just before is "last month"
            year = ref.year if month < ref.month - 1 else ref.year - 1
        else:
            year = ref.year if month > ref.month else ref.year + 1
        return cal.month_value(year, month)

    return relative(value, ctx)


def _bare_month(month: int, ctx: Context) -> Resolved:
    return relative(
        lambda ref: cal.month_value(cal.nearest_year(ref, month, None, ctx.tense(), MONTH_FREE), month), ctx
    )


def r_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = cal.month_number(m["mon"])
    return _bare_month(month, ctx) if month else None


# -- days and times of day ------------------------------------------------------------------------


def _weekday(name: str, mod: str, ctx: Context) -> Callable[[dt.date], dt.date] | None:
    weekday = cal.weekday_number(name)
    if weekday is None:
        return None
    mod = " ".join(mod.lower().split())
    shift = {"last": -1, "the previous": -1, "this past": -1, "next": 1, "this coming": 1,
             "the following": 1}.get(mod, 0)  # fmt: skip
    return lambda ref: cal.weekday_date(ref, weekday, ctx.tense(), shift)


def r_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    day = _weekday(m["wd"], m["mod"] or "", ctx)
    if day is None:
        return None
    part = _PART_CODE.get((m["part"] or "").lower(), "")
    suffix = f"T{part}" if part else ""
    return relative(lambda ref: day(ref).isoformat() + suffix, ctx)


_REL_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def r_relday(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m["w"].lower()
    part = _PART_CODE.get((m["part"] or m["pre"] or "").lower()) or _PART_CODE.get(word)
    suffix = f"T{part}" if part else ""
    delta = dt.timedelta(days=_REL_DAY[word])
    return relative(lambda ref: (ref + delta).isoformat() + suffix, ctx)


def r_dayparts(m: re.Match[str], ctx: Context) -> Resolved | None:
    mod = m["mod"].lower()
    part = _PART_CODE[m["part"].lower()]
    delta = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1 if part == "NI" else 0}[mod]
    return relative(lambda ref: f"{(ref + dt.timedelta(days=delta)).isoformat()}T{part}", ctx)


def _day_of(m: re.Match[str], ctx: Context) -> Callable[[dt.date], dt.date] | None:
    """The day a clock time is attached to: weekday, today/yesterday, a month-day, or the reference."""
    if m["wd"]:
        return _weekday(m["wd"], "", ctx)
    if m["rel"]:
        delta = dt.timedelta(days=_REL_DAY[m["rel"].lower()])
        return lambda ref: ref + delta
    mon = m.groupdict().get("mon")
    if mon and cal.month_number(mon):
        month, day = cal.month_number(mon), int(m["d"])
        return lambda ref: cal.safe_date(cal.nearest_year(ref, month, day, ctx.tense(), DAY_FREE), month, day) or ref
    return lambda ref: ref


def r_time(m: re.Match[str], ctx: Context) -> Resolved | None:
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    pm = m["ap"].lower().startswith("p")
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if pm else 0)
    day = _day_of(m, ctx)
    return relative(lambda ref: f"{day(ref).isoformat()}T{hour:02d}:{minute:02d}", ctx)


def r_clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    hour, minute = int(m["h"]), int(m["mi"])
    if hour > 23:
        return None
    return relative(lambda ref: f"{ref.isoformat()}T{hour:02d}:{minute:02d}", ctx)


def r_noon(m: re.Match[str], ctx: Context) -> Resolved | None:
    clock = "12:00" if m["w"].lower() == "noon" else "24:00"
    day = _day_of(m, ctx)
    return relative(lambda ref: f"{day(ref).isoformat()}T{clock}", ctx)


RESOLVERS: dict[str, Resolver] = {
    name[2:]: fn for name, fn in globals().items() if name.startswith("r_") and callable(fn)
}
