"""Live-blog entry headers in plain text: a time line ("3.30pm") and often a date line ("September 12")."""

from __future__ import annotations

import re

from onrecord.clean.metadata import MONTHS

TIME_LINE = re.compile(r"^(?:updated\s+)?(?P<h>\d{1,2})[.:](?P<m>\d{2})\s*(?P<ap>[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?$", re.I)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_LINE = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}))"
    rf"(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?$",
    re.I,
)


def entry_time(text: str) -> str | None:
    """ "3.30pm" -> "15:30"; None when ``text`` is not a bare time line."""
    m = TIME_LINE.match(text.strip())
    if not m:
        return None
    hour, minute = int(m.group("h")), int(m.group("m"))
    ap = (m.group("ap") or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    elif ap == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def entry_date(text: str) -> str | None:
    """ "September 12" -> "09-12" ("2023-09-12" with a year); None when not a bare date line."""
    m = DATE_LINE.match(text.strip())
    if not m:
        return None
    month = MONTHS[(m.group("m1") or m.group("m2")).lower()]
    day = int(m.group("d1") or m.group("d2"))
    if not 1 <= day <= 31:
        return None
    year = m.group("y")
    return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
