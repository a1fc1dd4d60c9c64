"""The article's relations: the rules' (:mod:`.extract`), then the learned reading's (:mod:`.learned`)
in sentences and between parties where the rules found none.

A learned relation is read as a rule frame is: its parties resolved by the same readings, its
status, claimant and date by the same code; only its predicate and its type come from the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.extract.relations.cues import Cue
from onrecord.extract.relations.extract import _party, _relation
from onrecord.extract.relations.extract import extract_relations as rule_relations
from onrecord.extract.relations.learned import (
    NONE,
    Candidate,
    Model,
    candidates,
    features,
    lexicon_type,
    shipped_model,
)
from onrecord.extract.relations.parse import Frame
from onrecord.models import Actor, Quote, Relation, TimeExpr

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_DEFAULT = object()


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its resolved parties (actor keys) and its features."""

    candidate: Candidate
    source_key: str
    target_key: str
    features: list[str]


def extract_relations(doc: Doc, actors: Sequence[Actor], times: Sequence[TimeExpr] = (),
                      quotes: Sequence[Quote] = (), published: str | None = None,
                      model: Model | None = _DEFAULT) -> tuple[Relation, ...]:  # type: ignore[assignment]
    """The rules' relations, then the model's for a (sentence, pair) the rules leave empty, in
    text order; ``model`` ``None`` gives the rules' alone (the default: the shipped model)."""
    rules = rule_relations(doc, actors, times, quotes, published)
    model = shipped_model() if model is _DEFAULT else model
    if model is None or not actors:
        return rules
    scored = learned_candidates(doc, actors, quotes, model.cue_lemmas)
    return merged(doc, actors, times, quotes, published, rules, scored, model)


def merged(doc: Doc, actors: Sequence[Actor], times: Sequence[TimeExpr], quotes: Sequence[Quote],
           published: str | None, rules: Sequence[Relation], scored: Sequence[Scored], model: Model
           ) -> tuple[Relation, ...]:
    """``rules`` and, most probable first, the relation of each candidate the model types (its
    cue in the hand lexicon or the model's cue lemmas) where no relation holds its sentence and pair."""
    by_key = {a.key: a for a in actors}
    found = list(rules)
    taken = {(r.start, frozenset((r.source_key, r.target_key))) for r in found}
    typed = []
    for one in scored:
        pred = one.candidate.pred
        if lexicon_type(pred) == "-" and pred.lemma_.lower() not in model.cue_lemmas:
            continue
        type_, prob = model.predict(one.features)
        if type_ != NONE:
            typed.append((prob, type_, one))
    for _, type_, one in sorted(typed, key=lambda x: -x[0]):
        if (one.candidate.pred.sent.start_char, frozenset((one.source_key, one.target_key))) in taken:
            continue
        rel = _relation(doc, _frame(one.candidate, type_), actors, by_key, times, quotes, published)
        if rel is None:
            continue
        key = (rel.start, frozenset((rel.source_key, rel.target_key)))
        if key not in taken:
            taken.add(key)
            found.append(rel)
    return tuple(sorted(found, key=lambda r: (r.start, r.cue_start)))


def _frame(c: Candidate, type_: str) -> Frame:
    verb = c.pred
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    return Frame(c.pred, Cue(type_, None, type_ in SYMMETRIC), None, c.source, c.target, verb)


def learned_candidates(doc: Doc, actors: Sequence[Actor], quotes: Sequence[Quote] = (),
                       cue_lemmas: frozenset[str] = frozenset()) -> list[Scored]:
    """Every candidate of the article whose two sides resolve to two actors, with its features."""
    if not doc.has_annotation("DEP") or not actors:
        return []
    by_key = {a.key: a for a in actors}
    memo: dict[tuple[int, str | None], str | None] = {}

    def side(tok: Token, avoid: str | None) -> str | None:
        if (tok.i, avoid) not in memo:
            memo[(tok.i, avoid)] = _party(doc, tok, actors, by_key, quotes, avoid)[0]
        return memo[(tok.i, avoid)]

    out: list[Scored] = []
    for sent in doc.sents:
        for c in candidates(sent, cue_lemmas):
            src = side(c.source, None)
            tgt = side(c.target, src) if src is not None else None
            if tgt is None or tgt == src:
                continue
            in_quote = any(q.start <= c.pred.idx < q.end for q in quotes)
            out.append(Scored(c, src, tgt, features(c, by_key[src].type, by_key[tgt].type, in_quote)))
    return out
