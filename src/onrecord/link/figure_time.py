"""When a figure refers to: the day and the year read from its sentence's time expressions.

A figure's day is the day-precise date nearest it in its sentence (not beyond a semicolon), else
the publication date; its year likewise from any dated expression, except the two ends of a period the sentence covers
("between 2009 and 2016", "from 2009 to 2016"): a period of events, not the date of the figure.
A month-precise expression of its clause ("For September"), else of the text just before its
sentence, names its month: figures that name different months count different things.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from onrecord.models import Analysis, Claim, TimeExpr


def day_of(a: Analysis, c: Claim, times: Sequence[TimeExpr]) -> str:
    """The day-precise date nearest the figure in its sentence (``times``: the sentence's time
    expressions), else the publication date."""
    days = [(abs(t.start - c.start), t.value[:10]) for t in times
            if t.value and len(t.value) >= 10 and t.value[4:5] == "-" and t.value[:4].isdigit()
            and c.sentence_start <= t.start < c.sentence_end and _same_clause(a.document.body, c, t)]
    return min(days)[1] if days else (a.document.published or "")[:10]


def year_of(a: Analysis, c: Claim, times: Sequence[TimeExpr]) -> tuple[str, str]:
    """The year of the time expression nearest the figure in its sentence (``times``), else of
    publication; and its month when it names one (a year alone gives "")."""
    ends = _span_ends(a.document.body, times)
    years = [(abs(t.start - c.start), t.value) for t in times
             if t.value and t.value[:4].isdigit() and c.sentence_start <= t.start < c.sentence_end
             and t.start not in ends and _same_clause(a.document.body, c, t)]
    value = min(years)[1] if years else (a.document.published or "")
    month = value[:7] if len(value) >= 7 and value[4:5] == "-" and value[5:7].isdigit() else ""
    return value[:4], month


LEAD = 200  # characters before a sentence whose month still dates it ("... 7.7 percent in November. ... The economy added 146,000 jobs")


def named_month(a: Analysis, c: Claim, times: Sequence[TimeExpr]) -> str:
    """The month (YYYY-MM) a month-precise time expression names ("For September, ... 132,000
    jobs"): the nearest one of the figure's clause, else the last one of the ``LEAD`` characters
    before its sentence; "" when there is none."""
    months = [t for t in times if t.value and len(t.value) == 7 and t.value[4:5] == "-"
              and t.value[:4].isdigit() and t.value[5:7].isdigit()]
    own = [(abs(t.start - c.start), t.value) for t in months
           if c.sentence_start <= t.start < c.sentence_end and _same_clause(a.document.body, c, t)]
    if own:
        return min(own)[1]
    lead = [t for t in months if c.sentence_start - LEAD <= t.start < c.sentence_start]
    return lead[-1].value if lead else ""


def _same_clause(body: str, c: Claim, t: TimeExpr) -> bool:
    """No semicolon between the figure and the time: "... should take up some 16 House-passed
    measures; most ... would not spur job creation in the coming year" dates another clause."""
    return ";" not in body[min(c.end, t.end):max(c.start, t.start)]


SPAN_OPEN = re.compile(r"\b(?:between|from)\s*$", re.IGNORECASE)
SPAN_JOIN = re.compile(r"^\s*(?:and|to|through|until|-|–)\s*$", re.IGNORECASE)


def _span_ends(body: str, times: Sequence[TimeExpr]) -> set[int]:
    """Starts of the time expressions that open or close a period ("between 2009 and 2016", "from
    2009 to 2016"): a period the sentence covers, not the date a figure refers to."""
    ends: set[int] = set()
    for t, u in zip(times, times[1:], strict=False):
        if SPAN_OPEN.search(body[max(0, t.start - 12):t.start]) and SPAN_JOIN.match(body[t.end:u.start]):
            ends |= {t.start, u.start}
    return ends
