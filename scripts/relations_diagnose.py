"""Sort the rules' misses on the tuned splits of the relations gold (tune .. held8) by why they are missed.

    PYTHONPATH=src python scripts/relations_diagnose.py ../shared/datasets [--list]

Classes, first that holds: ``wrong type`` (a rule relation of the sentence has the pair, another
type), ``party wrong`` (one has the type, another pair), ``party not resolved`` (a word of the
gold span is a lexicon cue, no relation of that type and pair), ``cue not in lexicon`` (a verb or
noun in the span, none a cue), ``no predicate`` (no verb or noun in the span: an adjective, a
quote's words). Status and date are counted on the matches. Held9 is never read here.

The ``party not resolved`` and ``party wrong`` misses are sorted once more, by the frames the rules
read on the gold span (the one of the gold's type with the fewest wrong sides) and the word on its
first wrong side: none (an implicit or unattached party), a pronoun (he/she, they/it/who, a
quote's I/we/you), a name, a description of a person or body, a thing's noun (the frame took the
wrong word); or no frame on the span, or both sides right (the frame dropped later). The count of
those whose gold party is no actor of the article at all comes with them.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from onrecord.eval.relations import default_gold, load_gold, same_actor
from onrecord.eval.relations_cv import TUNED, articles, pair_agrees, scored
from onrecord.extract.actors.roles import is_role_head
from onrecord.extract.relations.cues import ADJECTIVES, NOUNS, PARTICLES, VERBS
from onrecord.extract.relations.extract import extract_relations, party
from onrecord.extract.relations.frames import each_party, frames


def lexicon_type(tok) -> str:
    """The type the hand lexicon gives the word's lemma (with its particle), else ``-``."""
    lemma = tok.lemma_.lower()
    particle = next((c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")), None)
    cue = PARTICLES.get((lemma, particle)) if particle else None
    if cue is None:
        cue = (VERBS if tok.pos_ == "VERB" else NOUNS if tok.pos_ == "NOUN" else ADJECTIVES).get(lemma)
    return cue.type if cue is not None else "-"


SUBCLASSED = ("party not resolved (cue in lexicon)", "party wrong")


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


SPEECH = frozenset("i me my we us our you your".split())  # a quote's speaker or addressee
PERSONAL = frozenset("he she him her his hers".split())
PRONOUNS = SPEECH | PERSONAL | frozenset("they them their it its who whom which".split())
# Heads of a description of a body or a group (besides the actor roles' person heads).
BODIES = frozenset("country nation regime state government administration side bureau agency group member "
                   "official diplomat entity force troop lawmaker senator leader president campaign".split())


def side_class(tok, key: str | None) -> str:
    """What word stands on a frame's side that is not the gold's party, and what it gave."""
    given = "another actor" if key is not None else "no actor"
    if tok is None:
        return "no word on the side (an implicit or unattached party)"
    if tok.lower_ in SPEECH:
        return f"pronoun I/we/you (a quote's speaker or addressee), {given}"
    if tok.lower_ in PERSONAL:
        return f"pronoun he/she/him/her, {given}"
    if tok.lower_ in PRONOUNS:
        return f"pronoun they/it/who, {given}"
    if tok.pos_ == "PROPN" or tok.ent_type_:
        return f"name, {given}"
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and (is_role_head(lemma) or lemma in BODIES or lemma.rstrip("s") in BODIES):
        return f"description of a person or body, {given}"
    if tok.pos_ == "NOUN":
        return "a thing's noun on the side (the frame took the wrong word)"
    return f"other word ({tok.pos_}), {given}"


def sub_class(g: dict, art) -> tuple[str, str, bool]:
    """For a gold relation the rules miss though its cue is read: the frames read on its span, and
    the first side of the nearest one that does not give the gold's party, by the word standing
    there; with the word, and whether the gold's party is an actor of the article at all."""
    span = {t.i for t in art.doc if g["start"] <= (art.to_source(t.idx, t.idx + len(t))[0] or -1) < g["end"]}
    known = all(any(same_actor(g[r], [a.name, *a.aliases]) for a in art.actors) for r in ("source", "target"))
    if not span:
        return "span not aligned", "", known
    sent = art.doc[min(span)].sent
    here = [f for b in frames(sent) for f in each_party(b) if f.cue.i in span or f.verb.i in span]
    if not here:
        return "no frame on the span (parse or reading)", "", known
    best = None
    for f in [f for f in here if f.kind.type == g["type"]] or here:
        s_key = party(art.doc, f.source, art.actors, art.quotes)[0]
        t_key = party(art.doc, f.target, art.actors, art.quotes, s_key)[0]
        sides = [(g["source"], f.source, s_key), (g["target"], f.target, t_key)]
        bad = [(t, k) for names, t, k in sides if k is None or not same_actor(names, art.names(k))]
        if g.get("either"):
            swapped = [(g["target"], f.source, s_key), (g["source"], f.target, t_key)]
            other = [(t, k) for names, t, k in swapped if k is None or not same_actor(names, art.names(k))]
            bad = min(bad, other, key=len)
        if best is None or len(bad) < len(best[1]):
            best = (f, bad)
    if not best[1]:
        return "both sides right (dropped later: guard, status, one actor)", "", known
    tok, key = best[1][0]
    return side_class(tok, key), tok.text if tok is not None else "", known


def main(datasets: str, listing: bool) -> None:
    gold = [g for g in load_gold(default_gold()) if g["split"] in TUNED]
    arts = articles(Path(datasets), {g["doc"] for g in gold})
    classes: Counter = Counter()
    subs: Counter = Counter()
    unknown = 0
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
            sub, word, known = sub_class(g, art) if why in SUBCLASSED else ("", "", True)
            if sub:
                subs[sub] += 1
                unknown += not known
            if listing:
                print(f"{why:38} {sub:62} «{word}» {brief}")
    n = len(gold)
    print(f"tuned gold {n}, missed {sum(classes.values())}")
    for why, k in classes.most_common():
        print(f"  {why}: {k}")
    print(f"{' and '.join(SUBCLASSED)} ({sum(subs.values())}), by the word on the first wrong side of "
          f"the frame read on the span ({unknown} of them have a gold party that is no actor of the article):")
    for sub, k in subs.most_common():
        print(f"  {sub}: {k}")
    print(f"matched with a status other than the gold's: {status}; with the status right and the date wrong: {dated}")


if __name__ == "__main__":
    main(sys.argv[1], "--list" in sys.argv[2:])
