"""The range of values a figure allows, as the link pass compares figures.

``=`` (an exact figure) ±1%, or half a unit of the last digit written when that is narrower
("$139 million" ± half a million, "$140,937,785" ± half a dollar); ``~`` ±15%, or when narrower
one unit of the last digit of a round figure ("about 2,800" ± 100) and half a unit of one written to
its last unit ("some 16" ± 0.5, "roughly $141 million" ± half a million); ``<`` up to, ``>`` from; a range
as itself. The link pass (:mod:`onrecord.link.claims`) and the web pages (stored rows,
:mod:`onrecord.web.figures`) read figures with the same function.
"""

from __future__ import annotations

import math
import re

EXACT = 0.01
APPROX = 0.15


def interval_of(value: float | None, low: float | None, high: float | None, change: str | None,
                text: str) -> tuple[float, float] | None:
    """:func:`interval` from a claim's fields (the web pages read stored rows with it)."""
    if low is not None and high is not None and low != high:
        return (min(low, high), max(low, high))
    v = value if value is not None else (low if low is not None else high)
    if v is None:
        return None
    if change == "<":
        return (0.0, v)
    if change == ">":
        return (v, math.inf)
    if change == "~":
        # "about 2,800" ± 100; a figure written to its last unit keeps its rounding ("some 16" is not 15)
        tol = min(abs(v) * APPROX, (2 if round_figure(text) else 1) * rounding(text, v))
        return (v - tol, v + tol)
    tol = min(abs(v) * EXACT, rounding(text, v))
    return (v - tol, v + tol)


DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def round_figure(text: str) -> bool:
    """The digits written end in a zero ("about 2,800", "some 50") or show none ("about two dozen")."""
    m = DIGITS.search(text or "")
    return m is None or "." not in m.group(0) and m.group(0).replace(",", "").endswith("0")


def rounding(text: str, v: float) -> float:
    """Half the unit of the last digit written ("$139 million": half a million; "$140,937,785":
    half a dollar; "55,000": half a thousand), a hair less so that "$5.6" and "$5.7 billion" do
    not meet; infinite when the text shows no digits ("two hundred")."""
    m = DIGITS.search(text or "")
    written = float(m.group(0).replace(",", "")) if m else 0.0
    if not m or written == 0:
        return math.inf
    digits = m.group(0).replace(",", "")
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1])
    else:
        unit = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return 0.5 * unit * abs(v / written) * (1 - 1e-9)
