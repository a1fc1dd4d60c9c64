"""The hand-made dossier (fixtures_dossier) with relations between its actors, for the relations
pages, the report's relations, the exports and the browser tests.

North Korea ↔ Russia: an AID/military edge alleged by the Pentagon in two articles (docA and its
duplicate docD, 28 October) and denied by Peskov in a third (docR, 7 November), so contradicted;
talks on 1 November (CONSULT/meet); a planned AID in December (a second AID edge, out of the
14-day window). Also: Mallory (whose name carries markup) meets North Korea, the Pentagon threatens
it, and unnamed "Ukrainian forces" attack it (no entity: no edge).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import fixtures_dossier as base
from fixtures_dossier import E_EVIL, E_KOREA, E_PENTAGON, E_PESKOV, IMG, SCRIPT, STORY

__all__ = ["SCRIPT", "analyses", "build"]
from onrecord.link.records import Entity, EntityIndex, LinkResult, Story
from onrecord.link.relations import edge_of, relation_edges
from onrecord.models import Actor, Analysis, Mention, Relation
from onrecord.store.ledger import Ledger

E_RUSSIA = "ent-russia"
DOC_R = "docR"

DENIAL = "Dmitry Peskov denied that North Korea had sent soldiers to Russia."
TALKS = "Russia and North Korea held talks on 1 November."
MEETING = f"Mallory {SCRIPT} met officials from North Korea in Pyongyang on 3 November."
PLAN = "North Korea will send more troops to Russia in December."
THREAT = f"The Pentagon threatened sanctions on North Korea {IMG} on 6 November."
ATTACK = "Ukrainian forces attacked the North Korean units on 5 November."
ARRIVAL = "The Pentagon said about 10,000 North Korean soldiers had arrived in Russia by 28 October."


def _relation(body: str, sentence: str, cue: str, type_: str, mode: str | None, source: tuple[str | None, str],
              target: tuple[str | None, str], date: str, status: str,
              claimant: tuple[str | None, str | None] = (None, None)) -> Relation:
    start = body.index(sentence)
    cue_start = body.index(cue, start)
    return Relation(start, start + len(sentence), sentence, cue, cue_start, cue_start + len(cue), type_, mode,
                    source[0], source[1], target[0], target[1], date, "sentence", status, claimant[0], claimant[1])


def _actor(body: str, key: str, name: str, type_: str, *words: str) -> Actor:
    mentions = tuple(sorted(Mention(body.index(w), body.index(w) + len(w), w, key) for w in words))
    return Actor(key, name, type_, (), mentions)


def _with_arrival(a: Analysis) -> Analysis:
    body = a.document.body
    russia = _actor(body, "a4", "Russia", "GPE", "Russia")
    arrival = _relation(body, ARRIVAL, "arrived", "AID", "military", ("a3", "North Korean soldiers"),
                        ("a4", "Russia"), "2024-10-28", "alleged", ("a2", "Pentagon"))
    return replace(a, actors=(*a.actors, russia), relations=(arrival,))


def _denial() -> Analysis:
    body = "\n\n".join((DENIAL, TALKS, MEETING, PLAN, THREAT, ATTACK))
    actors = (_actor(body, "p", "Dmitry Peskov", "PERSON", "Dmitry Peskov"),
              _actor(body, "k", "North Korea", "GPE", "North Korea"),
              _actor(body, "r", "Russia", "GPE", "Russia"),
              _actor(body, "m", f"Mallory {SCRIPT}", "PERSON", "Mallory"),
              _actor(body, "g", "Pentagon", "ORG", "Pentagon"))
    k, r = ("k", "North Korea"), ("r", "Russia")
    relations = (
        _relation(body, DENIAL, "sent", "AID", "military", k, r, "2024-11-07", "denied", ("p", "Dmitry Peskov")),
        _relation(body, TALKS, "talks", "CONSULT", "meet", r, k, "2024-11-01", "reported"),
        _relation(body, MEETING, "met", "CONSULT", "meet", ("m", f"Mallory {SCRIPT}"), k, "2024-11-03", "reported"),
        _relation(body, PLAN, "send", "AID", "military", k, r, "2024-12", "planned"),
        _relation(body, THREAT, "threatened", "THREATEN", None, ("g", "The Pentagon"), k, "2024-11-06", "reported"),
        _relation(body, ATTACK, "attacked", "ASSAULT", None, (None, "Ukrainian forces"), ("k", "the North Korean units"),
                  "2024-11-05", "reported"),
    )
    doc = base._doc(DOC_R, "Southern Ledger", "2024-11-07", f"Moscow denies {SCRIPT} troop deal", body)
    return Analysis(doc, actors, relations=relations)


def analyses() -> list[Analysis]:
    out = [_with_arrival(a) if a.document.id in ("docA", "docD") else a for a in base.analyses()]
    return [*out, _denial()]


ENTITY_OF = {**base.ENTITY_OF, ("docA", "a4"): E_RUSSIA, ("docD", "a4"): E_RUSSIA,
             (DOC_R, "p"): E_PESKOV, (DOC_R, "k"): E_KOREA, (DOC_R, "r"): E_RUSSIA, (DOC_R, "m"): E_EVIL,
             (DOC_R, "g"): E_PENTAGON}


def _entities() -> EntityIndex:
    def members(entity: str) -> tuple:
        return tuple(sorted(m for m, e in ENTITY_OF.items() if e == entity))

    old = [replace(e, members=members(e.id)) for e in base._entities().entities]
    russia = Entity(E_RUSSIA, "Russia", "GPE", (), (), None, members(E_RUSSIA), mention_count=3)
    return EntityIndex((*old, russia), ENTITY_OF)


def build(path: Path) -> Path:
    """Write the ledger at ``path`` (the link pass's edges computed by the product's own code)."""
    found = analyses()
    with Ledger(path) as ledger:
        for a in found:
            ledger.add(a)
        story = Story(STORY, "North Korean troops in Russia", ("docA", "docB", "docL", "docD", "docX", DOC_R))
        edges = edge_of(relation_edges(found, ENTITY_OF))
        ledger.replace_links(LinkResult((story,), base.LINKS, base.TIMELINE), _entities(), wrong_items=(),
                             relation_edges=edges)
    return path
