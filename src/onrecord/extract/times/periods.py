"""Resolvers of relative periods: "next week", "a year ago", "the third quarter", "the 1990s",
"last spring", and the present, past and future references."""

from __future__ import annotations

import datetime as dt
import re

from onrecord.extract.times import calendar as cal
from onrecord.extract.times.resolve import (
    Context,
    Resolved,
    Resolver,
    relative,
    spelled_year,
    year_of,
)

_SEASON = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
    "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


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
    year = year_of(m["y"]) or (spelled_year(m["sy"]) if m["sy"] else None)
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
