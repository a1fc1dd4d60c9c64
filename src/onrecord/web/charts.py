"""Geometry for the SVG timeline and claim charts (dates to scale); templates draw it.

Nothing here writes markup: it returns numbers and plain strings, which templates escape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH = 900
MARGIN = 40


def day_number(value: str | None) -> int | None:
    """Days since year 1 of an ISO value at any granularity (the middle of a month or year)."""
    if not value:
        return None
    part = value.split("T")[0]
    try:
        if "W" in part:
            year, week = part.split("-W")
            return date.fromisocalendar(int(year), int(week[:2]), 4).toordinal()
        bits = [int(b) for b in part.split("-")]
        if len(bits) == 1:
            return date(bits[0], 7, 1).toordinal()
        if len(bits) == 2:
            return date(bits[0], bits[1], 15).toordinal()
        return date(bits[0], bits[1], bits[2]).toordinal()
    except (ValueError, IndexError):
        return None


@dataclass(frozen=True, slots=True)
class Scale:
    lo: int
    hi: int
    width: int = WIDTH

    def x(self, day: int) -> float:
        span = max(self.hi - self.lo, 1)
        return round(MARGIN + (day - self.lo) / span * (self.width - 2 * MARGIN), 1)

    def ticks(self, count: int = 6) -> list[dict]:
        step = max((self.hi - self.lo) // max(count - 1, 1), 1)
        days = list(range(self.lo, self.hi + 1, step)) or [self.lo]
        return [{"x": self.x(d), "label": date.fromordinal(d).isoformat()} for d in days]


def scale_of(days: list[int]) -> Scale | None:
    if not days:
        return None
    lo, hi = min(days), max(days)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    return Scale(lo, hi)


LABELLED = 12  # entries drawn on the visual timeline (the most salient); the list shows them all
ROWS = LABELLED  # one row per entry at worst: labels never overlap
CHAR_WIDTH = 6.4  # px per character of a label, for placing labels without overlaps


def timeline_svg(entries: list[dict], labelled: int = LABELLED, anchor: str = "t") -> dict | None:
    """Positions for the most salient timeline entries: x from the date, labels on free rows; each
    point links to ``#{anchor}{index}``, the entry's place in the list; an entry of kind
    ``expected`` is marked so.

    The axis spans the drawn entries only, so a background year mentioned once ("since 1945") does
    not squash the story's weeks into a corner.
    """
    dated = [(day_number(e["date"]), i, e) for i, e in enumerate(entries)]
    dated = [(d, i, e) for d, i, e in dated if d is not None]
    top = sorted(dated, key=lambda p: -float(p[2]["salience"]))[:labelled]
    top.sort(key=lambda p: (p[0], p[1]))
    scale = scale_of([d for d, _, _ in top])
    if scale is None:
        return None
    points, row_end = [], [float("-inf")] * ROWS
    for d, i, e in top:
        x = scale.x(d)
        right = x > WIDTH * 0.6  # labels of late entries grow leftwards so they stay inside
        label = e["summary"] if len(e["summary"]) <= 48 else e["summary"][:47] + "…"
        width = (len(label) + 11) * CHAR_WIDTH + 12  # the date is drawn before the label
        left_edge, right_edge = (x - width, x) if right else (x, x + width)
        row = next((r for r in range(ROWS) if row_end[r] < left_edge), None)
        if row is None:
            row = min(range(ROWS), key=lambda r: row_end[r])
        row_end[row] = right_edge
        points.append({"x": x, "y": 64 + row * 34, "r": 4 + min(float(e["salience"]), 6.0),
                       "tx": x - 6 if right else x + 6, "text_anchor": "end" if right else "start",
                       "date": e["date"], "label": label, "summary": e["summary"],
                       "outlets": e.get("outlets", []), "anchor": f"{anchor}{i}",
                       "expected": e.get("kind") == "expected"})
    rows = 1 + max((int((p["y"] - 64) / 34) for p in points), default=0)
    return {"width": WIDTH, "height": 64 + rows * 34, "axis_y": 40, "ticks": scale.ticks(),
            "points": points}


def claims_svg(claims: list[dict], height: int = 160) -> dict | None:
    """A value-by-date chart for one measure: a dot per claim, a bar for its low–high range."""
    rows = [(day_number(c.get("published")), c) for c in claims]
    rows = [(d, c) for d, c in rows if d is not None and _top(c) is not None]
    scale = scale_of([d for d, _ in rows])
    if scale is None:
        return None
    vmax = max(_top(c) for _, c in rows) or 1.0
    def y(v: float) -> float:
        return round(height - 20 - (v / vmax) * (height - 40), 1)
    points = []
    for d, c in rows:
        value = c["value"] if c["value"] is not None else (c["low"] or c["high"])
        points.append({
            "x": scale.x(d), "y": y(value), "y_low": y(c["low"]) if c["low"] is not None else None,
            "y_high": y(c["high"]) if c["high"] is not None else None,
            "conflict": bool(c.get("conflict")), "label": f"{c.get('outlet') or '?'}: "
            f"{c.get('claimant_name') or 'the outlet'} — {c['text']} ({c.get('published') or 'undated'})",
        })
    return {"width": WIDTH, "height": height, "ticks": scale.ticks(4), "points": points,
            "max": f"{vmax:,.0f}", "y_max": y(vmax)}


def _top(claim: dict) -> float | None:
    for key in ("high", "value", "low"):
        if claim.get(key) is not None:
            return float(claim[key])
    return None
