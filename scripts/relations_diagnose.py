"""Sort the rules' misses on the tuned splits of the relations gold (tune .. held8) by why they are missed.

    PYTHONPATH=src python scripts/relations_diagnose.py ../shared/datasets [--list]

Classes, first that holds: ``wrong type`` (a rule relation of the sentence has the pair, another
type), ``party wrong`` (one has the type, another pair), ``party not resolved`` (a word of the
gold span is a lexicon cue, no relation of that type and pair), ``cue not in lexicon`` (a verb or
noun in the span, none a cue), ``no predicate`` (no verb or noun in the span: an adjective, a
quote's words). Status and date are counted on the matches. Held9 is never read here.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from onrecord.eval.relations import default_gold, load_gold
from onrecord.eval.relations_cv import TUNED, articles, pair_agrees, scored
from onrecord.extract.relations.cues import ADJECTIVES, NOUNS, PARTICLES, VERBS
from onrecord.extract.relations.extract import extract_relations


def lexicon_type(tok) -> str:
    """The type the hand lexicon gives the word's lemma (with its particle), else ``-``."""
    lemma = tok.lemma_.lower()
    particle = next((c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")), None)
    cue = PARTICLES.get((lemma, particle)) if particle else None
    if cue is None:
        cue = (VERBS if tok.pos_ == "VERB" else NOUNS if tok.pos_ == "NOUN" else ADJECTIVES).get(lemma)
    return cue.type if cue is not None else "-"


def classify(g: dict, art, rels) -> str:
    here = []
    for r in rels:
        s, e = art.to_source(r.start, r.end)
        if s is not None and e is not None and s < g["end"] and g["start"] < e:
            here.append(r)
    if any(r.type != g["type"] and pair_agrees(g, art, r.source_key, r.target_key, r.source_text, r.target_text)
           for r in here):
        return "wrong type"
    if any(r.type == g["type"] for r in here):
        return "party wrong"
    words = [t for t in art.doc if g["start"] <= (art.to_source(t.idx, t.idx + len(t))[0] or -1) < g["end"]]
    if any(lexicon_type(t) != "-" or t.lemma_.lower() in ADJECTIVES for t in words):
        return "party not resolved (cue in lexicon)"
    if any(t.pos_ in ("VERB", "NOUN") for t in words):
        return "cue not in lexicon"
    return "no predicate"


def main(datasets: str, listing: bool) -> None:
    gold = [g for g in load_gold(default_gold()) if g["split"] in TUNED]
    arts = articles(Path(datasets), {g["doc"] for g in gold})
    classes: Counter = Counter()
    status = dated = 0
    for art in arts:
        g_doc = [g for g in gold if g["doc"] == art.doc_id]
        rels = extract_relations(art.doc, art.actors, art.times, art.quotes, art.document.published)
        result = scored(g_doc, [art], lambda a, rels=rels: rels)
        missed = set(result["missed"])
        status += sum(1 for w in result["wrong"] if "gold" in w and w["status"] != w["gold"].split()[4])
        dated += sum(1 for w in result["wrong"] if "gold" in w and w["status"] == w["gold"].split()[4])
        for g in g_doc:
            brief = next((m for m in missed if m.startswith(f"{g['doc']}:{g['start']} {g['type']}/")
                          and f"«{g['cue']}»" in m), None)
            if brief is None:
                continue
            why = classify(g, art, rels)
            classes[why] += 1
            if listing:
                print(f"{why:38} {brief}")
    n = len(gold)
    print(f"tuned gold {n}, missed {sum(classes.values())}")
    for why, k in classes.most_common():
        print(f"  {why}: {k}")
    print(f"matched with a status other than the gold's: {status}; with the status right and the date wrong: {dated}")


if __name__ == "__main__":
    main(sys.argv[1], "--list" in sys.argv[2:])
