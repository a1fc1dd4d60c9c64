"""Measure date-ranking variants on Timeline17 by leave-one-topic-out (variants not kept in the product).

``python scripts/t17_variants.py <t17 folder> <cache folder>`` (ledgers from ``scripts/t17_cache.py``).
The timeline is built once per timeline with :func:`onrecord.link.timeline.build_timeline`; each
variant re-scores its day-precise entries and the result is scored as ``onrecord eval timeline``
does (first k distinct days by descending salience, date-set F1). Variants, each a grid of one
weight (0 is the product as it is):

- ``same-day``: an entry gains ``w`` times the salience of the other entries on its day;
- ``publications``: an entry gains ``w`` times the ledger's articles published on its day or the next
  (all stories, where the product counts the entry's own stories);
- ``adjacent``: an entry on a day within ``window`` days of a more salient day is multiplied by ``w``
  (``w`` 1: no change), so the picked days spread out;
- ``early``: an entry gains ``w`` times (1 - q), q the share of the ledger's articles published before
  its day (an early-coverage prior);
- ``logistic``: a logistic regression over per-day features (best entry salience, entries, sources
  after / on / before the day, articles that day and the next, the day outside the coverage, a
  happened entry), trained on the other topics' days (a gold date or not), its score ranks the days;
  ``w`` is the inverse regularisation C. Needs scikit-learn (the accurate extra brings it).

For each topic (H1N1, MJ, bpoil, haiti) held out, the weight best on the other three topics'
timelines (mean F1, the smaller weight on ties) is scored on it; printed per variant: the held-out
mean over the ten timelines, its minimum, and the best weight's mean on all ten.
"""

from __future__ import annotations

import bisect
import datetime
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

TOPICS = ("H1N1", "MJ", "haiti", "bpoil")
GRIDS = {
    "same-day": (0.0, 0.1, 0.25, 0.5, 1.0),
    "publications": (0.0, 0.02, 0.05, 0.1, 0.2, 0.4),
    "adjacent": (1.0, 0.85, 0.7, 0.5),
    "early": (0.0, 0.25, 0.5, 1.0, 2.0, 4.0),
    "logistic": (0.01, 0.1, 1.0, 10.0),
}


def _day(date: str) -> str | None:
    return date[:10] if len(date[:10]) == 10 else None


def _next(day: str, n: int = 1) -> str:
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=n)).isoformat()


def rescore(variant: str, w: float, entries, analyses, window: int = 1) -> list[tuple[str, float]]:
    """(date, salience) of each entry under the variant."""
    pubs = Counter((a.document.published or "")[:10] for a in analyses if a.document.published)
    ordered = sorted(p for p, n in pubs.items() for _ in range(n))
    per_day: dict[str, float] = defaultdict(float)
    for e in entries:
        if (d := _day(e.date)) is not None:
            per_day[d] += e.salience
    out = []
    for e in entries:
        s, d = e.salience, _day(e.date)
        if d is not None:
            if variant == "same-day":
                s += w * (per_day[d] - e.salience)
            elif variant == "publications":
                s += w * (pubs.get(d, 0) + pubs.get(_next(d), 0))
            elif variant == "early":
                s += w * (1 - bisect.bisect_left(ordered, d) / max(1, len(ordered)))
        out.append((e.date, s))
    if variant == "adjacent" and w != 1.0:
        picked: list[int] = []
        factor: dict[str, float] = {}
        for date, _ in sorted(out, key=lambda x: -x[1]):
            if (d := _day(date)) is None or d in factor:
                continue
            n = datetime.date.fromisoformat(d).toordinal()
            factor[d] = w if any(0 < abs(n - p) <= window for p in picked) else 1.0
            picked.append(n)
        out = [(date, s * factor.get(_day(date) or "", 1.0)) for date, s in out]
    return out


def day_features(entries, analyses) -> tuple[list[str], list[list[float]]]:
    """Per day-precise day of the timeline: the features of the ``logistic`` variant."""
    docs = {a.document.id: a for a in analyses}
    pubs = Counter((a.document.published or "")[:10] for a in analyses if a.document.published)
    top = max(pubs.values(), default=1)
    first, last = min(pubs, default=""), max(pubs, default="")
    by_day = defaultdict(list)
    for e in entries:
        if (d := _day(e.date)) is not None:
            by_day[d].append(e)
    best = max((e.salience for v in by_day.values() for e in v), default=1.0) or 1.0
    days, rows = [], []
    for d, group in by_day.items():
        cited = {s for e in group for s in e.sources}
        published = [(docs[s].document.published or "")[:10] for s in cited if s in docs]
        top_salience = max(e.salience for e in group)
        rows.append([
            top_salience / best, math.log1p(top_salience), math.log1p(len(group)),
            math.log1p(sum(p > d for p in published)), math.log1p(sum(p == d for p in published)),
            math.log1p(sum(p < d for p in published)), pubs.get(d, 0) / top, pubs.get(_next(d), 0) / top,
            float(d in pubs), float(d < first), float(d > last), float(any(e.kind == "happened" for e in group)),
        ])
        days.append(d)
    return days, rows


def main(argv: list[str]) -> None:
    from onrecord.eval.t17_product import picked_dates, score_dates
    from onrecord.link.timeline import build_timeline

    sys.path.insert(0, str(Path(__file__).parent))
    from t17_rank import link_inputs

    t17, cache = Path(argv[0]), Path(argv[1])
    names = sorted(p.name for p in cache.iterdir() if (p / "ledger.db").exists())
    gold, built = {}, {}
    for name in names:
        gold[name] = {g["date"][:10] for g in json.loads((t17 / name / "timeline.json").read_text(encoding="utf-8"))}
        analyses, entities, sources, groups, story_of, _ = link_inputs(cache / name / "ledger.db")
        built[name] = (build_timeline(analyses, entities, sources, groups, story_of), analyses)

    def f1(name: str, scored: list[tuple[str, float]]) -> float:
        timeline = [{"date": d, "salience": s} for d, s in scored]
        return score_dates(picked_dates(timeline, len(gold[name])), gold[name])["f1"]

    def mean(scores: dict[str, float], among: list[str]) -> float:
        return sum(scores[n] for n in among) / len(among)

    for variant, grid in GRIDS.items():
        if variant == "logistic":
            held = _logistic(names, gold, built, grid, f1)
            print(f"{variant:13s} held out {mean(held, names):.3f} (min {min(held.values()):.3f})")
            continue
        results = {w: {n: f1(n, rescore(variant, w, *built[n])) for n in names} for w in grid}
        held = {}
        for topic in TOPICS:
            train = [n for n in names if not n.startswith(topic)]
            w = max(grid, key=lambda w: (mean(results[w], train), -abs(w - grid[0])))
            held.update({n: results[w][n] for n in names if n.startswith(topic)})
        best = max(grid, key=lambda w: mean(results[w], names))
        print(f"{variant:13s} held out {mean(held, names):.3f} (min {min(held.values()):.3f}); "
              f"product {mean(results[grid[0]], names):.3f}; best on all ten: {best} {mean(results[best], names):.3f}")


def _logistic(names, gold, built, grid, f1) -> dict[str, float]:
    """Held-out F1 per timeline of the logistic ranking, C chosen by nested leave-one-topic-out."""
    from sklearn.linear_model import LogisticRegression

    feats = {n: day_features(*built[n]) for n in names}

    def fit_score(train: list[str], test: list[str], c: float) -> dict[str, float]:
        x = [row for n in train for row in feats[n][1]]
        y = [d in gold[n] for n in train for d in feats[n][0]]
        model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
        return {n: f1(n, list(zip(feats[n][0], model.decision_function(feats[n][1]).tolist(), strict=True))) for n in test}

    held = {}
    for topic in TOPICS:
        train = [n for n in names if not n.startswith(topic)]
        test = [n for n in names if n.startswith(topic)]
        inner = {c: {} for c in grid}
        for inner_topic in (t for t in TOPICS if t != topic):
            fit = [n for n in train if not n.startswith(inner_topic)]
            check = [n for n in train if n.startswith(inner_topic)]
            for c in grid:
                inner[c].update(fit_score(fit, check, c))
        c = max(grid, key=lambda c: sum(inner[c].values()))
        held.update(fit_score(train, test, c))
    return held


if __name__ == "__main__":
    main(sys.argv[1:])
