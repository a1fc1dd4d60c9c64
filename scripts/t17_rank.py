"""Score timeline ranking variants on Timeline17 ledgers built once (see ``scripts/t17_cache.py``).

``python scripts/t17_rank.py <t17 folder> <cache folder> [--coverage-weight W]`` reads each ``<cache>/<timeline>/ledger.db``,
runs the link pass's stages up to the event groups once (kept as ``link_inputs.pickle`` beside the
ledger), then builds the timeline with :func:`onrecord.link.timeline.build_timeline` and scores it the
way ``onrecord eval timeline`` does (:mod:`onrecord.eval.t17_product`: first k distinct day dates by
descending salience, date-set F1). Re-running after a change to the timeline's ranking costs seconds.
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path


def link_inputs(ledger_path: Path) -> tuple:
    """What :func:`build_timeline` reads, computed as the build's link pass does on a fresh ledger."""
    cached = ledger_path.parent / "link_inputs.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    from onrecord.link.common import Entities, published_order
    from onrecord.link.dedup import find_duplicates
    from onrecord.link.entities import merge_entities
    from onrecord.link.same import same_events
    from onrecord.link.stories import DEFAULT_PARAMS, candidates, group_stories
    from onrecord.store.ledger import Ledger

    with Ledger(ledger_path) as ledger:
        analyses = list(ledger.analyses())
    index = merge_entities([(a.document.id, a.actors) for a in analyses], None)
    order = published_order(analyses)
    entities = Entities(analyses, index.entity_of)
    duplicates, sources = find_duplicates(analyses, order, None)
    stories = group_stories(analyses, entities, [], DEFAULT_PARAMS, candidates)
    story_of = {doc: s.id for s in stories for doc in s.docs}
    groups, _ = same_events(analyses, entities, sources, order)
    out = (analyses, entities, sources, groups, story_of, duplicates)
    cached.write_bytes(pickle.dumps(out))
    return out


def score(t17: Path, cache: Path, names: list[str]) -> dict[str, float]:
    from onrecord.eval.t17_product import picked_dates, score_dates
    from onrecord.link.timeline import build_timeline

    out = {}
    for name in names:
        gold = {g["date"][:10] for g in json.loads((t17 / name / "timeline.json").read_text(encoding="utf-8"))}
        analyses, entities, sources, groups, story_of, _ = link_inputs(cache / name / "ledger.db")
        entries = build_timeline(analyses, entities, sources, groups, story_of)
        timeline = [{"date": e.date, "salience": e.salience} for e in sorted(entries, key=lambda e: (e.date, -e.salience))]
        out[name] = score_dates(picked_dates(timeline, len(gold)), gold)["f1"]
    return out


def main(argv: list[str]) -> None:
    if "--coverage-weight" in argv:  # the story-coverage term's weight (0: day support only)
        import onrecord.link.timeline as timeline

        at = argv.index("--coverage-weight")
        timeline.COVERAGE_WEIGHT = float(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    t17, cache = Path(argv[0]), Path(argv[1])
    names = argv[2:] or sorted(p.name for p in cache.iterdir() if (p / "ledger.db").exists())
    scores = score(t17, cache, names)
    for name, f1 in scores.items():
        print(f"{name:22s} {f1:.3f}")
    dev = [f for n, f in scores.items() if not n.startswith("bpoil")]
    check = [f for n, f in scores.items() if n.startswith("bpoil")]
    for label, values in (("dev (H1N1, MJ, haiti)", dev), ("check (bpoil)", check), ("all", list(scores.values()))):
        if values:
            print(f"{label:22s} {sum(values) / len(values):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
