"""Calendar arithmetic for time normalisation: ISO values for days, weeks, months, quarters.

Pure functions on ``datetime.date``; no text handling here (see ``patterns``).
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_iso(value: str | None) -> dt.date | None:
    """The date at the start of an ISO string ("2023-09-12", "2023-09-12T10:00"), else None."""
    if not value:
        return None
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower()[:3])


def weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.lower()[:3])


def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nearest_year(ref: dt.date, month: int, day: int | None, tense: str | None, free: float = 0) -> int:
    """The year that puts month(/day) nearest ``ref``, bent by tense.

    Within ``free`` months of ``ref`` the nearest year wins whatever the tense. Beyond that, past:
    the latest occurrence on or before ``ref``; future: the first on or after it; unknown tense:
    whichever is closer.
    """
    gap = (month - ref.month) + ((day or ref.day) - ref.day) / 31
    if tense == "past" and abs(gap) > free:
        return ref.year if gap <= 0 else ref.year - 1
    if tense == "future" and abs(gap) > free:
        return ref.year if gap >= 0 else ref.year + 1
    if gap > 6:
        return ref.year - 1
    if gap < -6:
        return ref.year + 1
    return ref.year


def weekday_date(ref: dt.date, weekday: int, tense: str | None, shift: int = 0) -> dt.date:
    """The ``weekday`` nearest ``ref``: on or before it when past, after it when future.

    ``shift`` is -1 for "last Monday" (strictly before) and +1 for "next Monday" (strictly after).
    """
    back = (ref.weekday() - weekday) % 7
    if shift < 0:
        return ref - dt.timedelta(days=back or 7)
    if shift > 0:
        ahead = (weekday - ref.weekday()) % 7
        return ref + dt.timedelta(days=ahead or 7)
    if tense == "future" and back != 0:
        return ref + dt.timedelta(days=7 - back)
    return ref - dt.timedelta(days=back)


def season_year(ref: dt.date, season: str, shift: int) -> int:
    """Year of "last" (-1), "this" (0) or "next" (+1) ``season``; winter counts from December."""
    now = ref.year * 12 + ref.month - 1
    first = SEASON_START[season] - 1  # month index within its year
    if shift == 0:
        return ref.year - 1 if season == "WI" and ref.month <= 2 else ref.year
    if shift < 0:  # the latest one already over
        year = ref.year
        while year * 12 + first + 3 > now:
            year -= 1
        return year
    year = ref.year - 1
    while year * 12 + first <= now:
        year += 1
    return year


def spelled_number(word: str) -> int | None:
    """Small English number words and digits ("three", "a", "12")."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
