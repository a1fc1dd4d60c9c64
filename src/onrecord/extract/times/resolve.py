"""Normalising matched time expressions to TimeML values (one resolver per rule in ``time_patterns``).

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
_SEASON = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
    "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


def relative(value: Callable[[dt.date], str | None], ctx: Context) -> Resolved:
    """A value computed from the reference date, or an unresolved one when there is none."""
    return Resolved(value(ctx.ref) if ctx.ref else None, True)


def _year(text: str | None) -> int | None:
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
    return _month_day(month, int(m["d"]), _year(m["y"]), ctx, m["wd"]) if month else None


r_dmy = r_mdy


def r_month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = cal.month_number(m["mon"])
    if not month:
        return None
    if m["rel"]:
        shift = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        return relative(lambda ref: cal.month_value(ref.year + shift, month), ctx)
    year = _year(m["y"]) or (spelled_year(m["sy"]) if m["sy"] else None)
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


# -- relative units ---------------------------------------------------------------------------------


def _shift_of(mod: str) -> int:
    mod = " ".join(mod.lower().split())
    if mod in ("last", "the past", "this past", "the previous"):
        return -1
    if mod in ("next", "the coming", "the next"):
        return 1
    return 0


def _unit_value(unit: str, shift: int, ref: dt.date) -> str | None:
    unit = unit.lower().rstrip("s") if unit.lower() != "weekend" else "weekend"
    if unit == "year":
        return f"{ref.year + shift:04d}"
    if unit == "month":
        return cal.month_value(*cal.add_months(ref.year, ref.month, shift))
    if unit == "week":
        return cal.week_value(ref + dt.timedelta(weeks=shift))
    if unit == "weekend":
        return _weekend(ref, shift if shift else 0)
    if unit == "decade":
        return f"{ref.year // 10 + shift:03d}"
    if unit == "century":
        return f"{ref.year // 100 + shift:02d}"
    if unit in _SEASON:
        season = _SEASON[unit]
        return f"{cal.season_year(ref, season, shift):04d}-{season}"
    return None


def _weekend(ref: dt.date, shift: int) -> str:
    """ "last weekend" (-1), "this/next weekend" (0/+1); on a Saturday or Sunday "this" is it."""
    if ref.weekday() >= 5 and shift <= 0:
        return cal.week_value(ref) + "-WE"
    base = ref + dt.timedelta(weeks=shift + (1 if shift > 0 and ref.weekday() >= 5 else 0))
    if shift < 0:
        base = ref - dt.timedelta(weeks=1)
    return cal.week_value(base) + "-WE"


def r_weekend(m: re.Match[str], ctx: Context) -> Resolved | None:
    lead = m.group(0).lower().split()[0]
    if lead in ("the", "over"):
        shift = 0 if ctx.tense() == "future" else -1
        return relative(lambda ref: _weekend(ref, shift), ctx)
    return relative(lambda ref: _weekend(ref, _shift_of(lead)), ctx)


def r_relunit(m: re.Match[str], ctx: Context) -> Resolved | None:
    mod, unit = m["mod"], m["unit"]
    if unit.lower().endswith("s") and unit.lower() not in ("years", "months", "weeks", "decades"):
        return None
    if unit.lower() in ("years", "months", "weeks", "decades"):
        return Resolved("PAST_REF" if _shift_of(mod) < 0 else "FUTURE_REF", False)
    shift = _shift_of(mod)
    return relative(lambda ref: _unit_value(unit, shift, ref), ctx)


def _quarter_back(ctx: Context, years: int) -> str | None:
    if ctx.quarter is None:
        return None
    return f"{ctx.quarter[0] - years:04d}-Q{ctx.quarter[1]}"


def _mentions_quarter(m: re.Match[str]) -> bool:
    start = max(0, m.string.rfind(".", 0, m.start()))
    end = m.string.find(".", m.end())
    sentence = m.string[start : end if end > 0 else len(m.string)].lower()
    return "quarter" in sentence or "period" in sentence


def r_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = " ".join(m["n"].lower().split())
    n = cal.spelled_number(word)
    unit = m["unit"].lower().rstrip("s")
    if n is None:
        return Resolved("PAST_REF", False)
    if unit == "year" and n == 1 and (_mentions_quarter(m) or ctx.quarter_near(m.start())):
        return Resolved(_quarter_back(ctx, 1), True)
    return relative(lambda ref: _ago(ref, unit, n), ctx)


def _ago(ref: dt.date, unit: str, n: int) -> str:
    if unit == "year":
        return f"{ref.year - n:04d}"
    if unit == "decade":
        return f"{ref.year // 10 - n:03d}"
    if unit == "month":
        return cal.month_value(*cal.add_months(ref.year, ref.month, -n))
    if unit == "week":
        return cal.week_value(ref - dt.timedelta(weeks=n))
    return (ref - dt.timedelta(days=n)).isoformat()


def r_year_rel(m: re.Match[str], ctx: Context) -> Resolved | None:
    if ctx.quarter and (_mentions_quarter(m) or ctx.quarter_near(m.start())):
        return Resolved(_quarter_back(ctx, 1), True)
    return relative(lambda ref: f"{ref.year - 1:04d}", ctx)


# -- quarters, halves, years --------------------------------------------------------------------------


def r_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    n = _ORD[m["ord"].lower()]
    code = "Q" if m["unit"].lower() == "quarter" else "H"
    if code == "H" and n > 2:
        return None
    year = next((int(y) for y in (m["y1"], m["y2"], m["y3"], m["y4"]) if y), None)
    lead = m.group(0).lower()
    shift = -1 if lead.startswith("last year's") else 1 if lead.startswith("next year's") else 0
    if year is None and ctx.ref is None:
        return Resolved(None, True)
    year = year if year is not None else ctx.ref.year + shift  # the year reported on
    if code == "Q":
        ctx.set_quarter(year, n, m.start())
    return Resolved(f"{year:04d}-{code}{n}", m["y1"] is None and m["y2"] is None and not m["y3"] and not m["y4"])


def r_qcode(m: re.Match[str], ctx: Context) -> Resolved | None:
    code, n = m["q"][0].upper(), int(m["q"][1])
    if m["y"]:
        if code == "Q":
            ctx.set_quarter(int(m["y"]), n, m.start())
        return Resolved(f"{m['y']}-{code}{n}", False)
    return relative(lambda ref: f"{ref.year:04d}-{code}{n}", ctx)


def r_refquarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    mods = " ".join((m["mods"] or "").lower().split())
    if m["unit"].lower() == "period" and not mods and not m["ly"] and not m["y"]:
        return None
    back = 1 if ("year-" in mods or (m["ly"] and not m["ly"].startswith("of"))) else 0
    if ctx.ref is not None and ("current" in mods or m.group(0).lower().startswith("this")):
        return Resolved(f"{ctx.ref.year:04d}-Q{cal.quarter_of(ctx.ref.month)}", True)
    if ctx.quarter is None and ctx.ref is not None:
        year, month = cal.add_months(ctx.ref.year, ctx.ref.month, -3)
        ctx.set_quarter(year, cal.quarter_of(month), m.start())
    if ctx.quarter is None:
        return Resolved(None, True)
    if m["y"]:
        return Resolved(f"{m['y']}-Q{ctx.quarter[1]}", True)
    return Resolved(_quarter_back(ctx, back), True)


def r_fiscal_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved(m["y"], False)


def r_the_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    return relative(lambda ref: f"{ref.year:04d}", ctx)


r_year_end = r_the_year


def r_decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m["c"]:
        return Resolved(f"{m['c']}{m['d']}", False)
    return relative(lambda ref: f"{ref.year // 100 - (1 if int(m['d2']) * 10 > ref.year % 100 else 0):02d}{m['d2']}", ctx)


def r_decade_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    digit = _DECADE_WORDS[m["w"].lower()]
    return relative(lambda ref: f"{ref.year // 100 - (1 if digit * 10 > ref.year % 100 else 0):02d}{digit}", ctx)


def r_century(m: re.Match[str], ctx: Context) -> Resolved | None:
    n = int(m["n"])
    return Resolved(f"{n - 1:02d}", False) if 1 <= n <= 21 else None


def r_season_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = _year(m["y"]) or (spelled_year(m["sy"]) if m["sy"] else None)
    return Resolved(f"{year:04d}-{_SEASON[m['s'].lower()]}", False) if year else None


def r_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    season = _SEASON[m["s"].lower()]
    return relative(lambda ref: f"{cal.season_year(ref, season, 0):04d}-{season}", ctx)


def r_spelled_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = spelled_year(m["sy"])
    return Resolved(f"{year:04d}", False) if year else None


def r_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved(m["y"], False)


def r_present(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("PRESENT_REF", False)


def r_past(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("PAST_REF", False)


def r_future(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("FUTURE_REF", False)


RESOLVERS: dict[str, Resolver] = {
    name[2:]: fn for name, fn in globals().items() if name.startswith("r_") and callable(fn)
}
