"""Measure first-report entries on Timeline17 by leave-one-topic-out (a variant not kept in the product).

``python scripts/t17_reports_loto.py <t17 folder> <cache folder> [--raise-only]`` (ledgers from
``scripts/t17_cache.py``). The variant: journalists' timelines mark the days news broke, so each
story (an article in no story is its own) gets, on the first day of each burst of its coverage (a
day with an article of the story and none in the ``gap`` days before; its first day always), a
``report`` entry whose salience is ``weight`` times the story's articles of that day and the
``days`` after; when the story has a day-precise entry on that day, that entry is raised by as much
instead (``--raise-only``: only that). The timeline without the variant is built once per
timeline with :func:`onrecord.link.timeline.build_timeline`; every setting of the grid is scored as
``onrecord eval timeline`` does. For each topic (H1N1, MJ, bpoil, haiti) held out, the setting best
on the other three topics' timelines (mean F1; the smaller weight, gap and days on ties) is scored on
it. Also printed: the best setting with a positive weight on all ten, and how often a publication day
is a gold date, by whether it has a day-precise entry and whether a story's burst starts on it.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5)
GAPS = (0, 1, 2, 3, 5, 7, 14, 10_000)  # 0: every day of a story; 10_000: only its first day
DAYS = (0, 1, 2)


def bursts(analyses, story_of, gap: int, days: int) -> list[tuple[str, str, int]]:
    """(story, first day, the story's articles of that day and the ``days`` after) per burst."""
    from onrecord.link.common import day_number

    by_story: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for a in analyses:
        day = day_number(a.document.published)
        if day is not None:
            by_story[story_of.get(a.document.id, a.document.id)].append((day, a.document.published[:10]))
    out = []
    for story, dated in by_story.items():
        dated.sort()
        last = None
        for day, iso in dated:
            if day != last and (last is None or day - last > gap):
                out.append((story, iso, sum(1 for d, _ in dated if 0 <= d - day <= days)))
            last = day
    return out


def with_reports(entries, analyses, story_of, weight: float, gap: int, days: int, raise_only: bool) -> list[dict]:
    """The timeline's (date, salience) rows with the variant applied."""
    out = list(entries)
    best: dict[tuple[str, str], int] = {}
    for i, e in enumerate(out):
        key = (e.story_id or (e.sources[0] if e.sources else ""), e.date[:10])
        if e.granularity == "day" and (key not in best or e.salience > out[best[key]].salience):
            best[key] = i
    rows = []
    for story, day, coverage in bursts(analyses, story_of, gap, days):
        at = best.get((story, day))
        if at is not None:
            out[at] = replace(out[at], salience=out[at].salience + weight * coverage)
        elif not raise_only:
            rows.append({"date": day, "salience": weight * coverage})
    return rows + [{"date": e.date, "salience": e.salience} for e in out]


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from t17_rank import link_inputs

    from onrecord.eval.t17_product import picked_dates, score_dates
    from onrecord.link.timeline import build_timeline

    raise_only = "--raise-only" in argv
    t17, cache = (Path(a) for a in argv if a != "--raise-only")
    names = sorted(p.name for p in cache.iterdir() if (p / "ledger.db").exists())
    base, gold = {}, {}
    for name in names:
        gold[name] = {g["date"][:10] for g in json.loads((t17 / name / "timeline.json").read_text(encoding="utf-8"))}
        analyses, entities, sources, groups, story_of, _ = link_inputs(cache / name / "ledger.db")
        base[name] = (build_timeline(analyses, entities, sources, groups, story_of), analyses, story_of)

    grid = list(itertools.product(WEIGHTS, GAPS, DAYS))
    scores: dict[tuple, dict[str, float]] = {}
    for setting in grid:
        scores[setting] = {}
        for name, (entries, analyses, story_of) in base.items():
            rows = with_reports(entries, analyses, story_of, *setting, raise_only)
            scores[setting][name] = score_dates(picked_dates(rows, len(gold[name])), gold[name])["f1"]

    def mean(values) -> float:
        values = list(values)
        return sum(values) / len(values) if values else 0.0

    def best_of(settings, timelines) -> tuple:
        return max(settings, key=lambda s: (round(mean(scores[s][n] for n in timelines), 6), -s[0], -s[1], -s[2]))

    held: dict[str, float] = {}
    for topic in sorted({n.split("_")[0] for n in names}):
        train = [n for n in names if n.split("_")[0] != topic]
        best = best_of(grid, train)
        test = {n: scores[best][n] for n in names if n.split("_")[0] == topic}
        held.update(test)
        print(f"held out {topic:6s} weight {best[0]} gap {best[1]} days {best[2]}: train "
              f"{mean(scores[best][n] for n in train):.3f}, held out "
              + ", ".join(f"{n} {f:.3f}" for n, f in test.items()))
    print(f"held-out average {mean(held.values()):.3f}; without first reports "
          f"{mean(scores[(0.0, GAPS[0], DAYS[0])].values()):.3f}")
    best = best_of([s for s in grid if s[0] > 0], names)
    print(f"best positive weight on all ten: weight {best[0]} gap {best[1]} days {best[2]}: "
          f"{mean(scores[best].values()):.3f}")

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, (entries, analyses, story_of) in base.items():
        has_entry = {e.date for e in entries if e.granularity == "day"}
        starts = {day for _, day, _ in bursts(analyses, story_of, 3, 0)}
        for day in {(a.document.published or "")[:10] for a in analyses} - {""}:
            key = ("entry" if day in has_entry else "no entry") + (", a burst starts" if day in starts else "")
            counts[key][0] += 1
            counts[key][1] += day in gold[name]
    for key, (n, hit) in sorted(counts.items()):
        print(f"publication days with {key:24s} {n:4d}, gold {hit:4d} ({hit / n:.2f})")
    print(f"gold dates {sum(len(g) for g in gold.values())}, of them publication days "
          f"{sum(hit for _, hit in counts.values())}")


if __name__ == "__main__":
    main(sys.argv[1:])
