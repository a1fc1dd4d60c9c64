"""Relation frames read from the dependency parse: who (source) does what (cue) to whom (target).

Patterns: active verb with subject and object or prepositional target ("Russia supplied shells
to North Korea", "Putin met with Kim"); passives ("shells were supplied by North Korea to
Russia"); conjoined subjects of a symmetric cue ("Putin and Kim met"); light verbs with an event
noun ("held talks with Kim", "imposed sanctions on Iran"); nominal events ("the summit between
Putin and Kim", "Shoigu's visit to Pyongyang", "talks with Kim"). Frames hold tokens; turning
them into actors is :mod:`.extract`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.extract.relations.cues import LIGHT_VERBS, NOUNS, VERBS, Cue, mode_from

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "obj", "dative", "iobj"})
TARGET_PREPS = frozenset("to with on against into at in from toward towards for".split())
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})


@dataclass(frozen=True, slots=True)
class Frame:
    cue: Token  # the verb or the event noun
    kind: Cue
    mode: str | None
    source: Token | None
    target: Token | None
    verb: Token  # the clause's verb (the cue itself, or the light verb / governor of a noun cue)


def frames(sent) -> list[Frame]:
    """Every relation frame of one sentence (a spaCy Span), in token order."""
    found: list[Frame] = []
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in VERBS:
            frame = verb_frame(tok, VERBS[tok.lemma_.lower()])
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUNS:
            frame = noun_frame(tok, NOUNS[tok.lemma_.lower()])
        else:
            continue
        if frame is not None:
            found.append(frame)
    return found


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject (climbing conj/xcomp chains: "agreed to supply", "met and praised") and
    whether the clause is passive (then the ``agent`` by-phrase is the doer)."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            if subj.dep_ == "nsubjpass":
                return _agent(verb), True
            return subj, False
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in _NOUN_POS:
            return verb.head, False
        break
    return None, False


def _agent(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def prep_target(head: Token) -> Token | None:
    """The object of a target preposition hanging off ``head`` ("to Russia", "with Kim")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def verb_frame(verb: Token, cue: Cue) -> Frame | None:
    source, passive = subject(verb)
    obj = next((c for c in verb.children if c.dep_ in OBJECTS), None)
    if passive:
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        obj = obj or patient
    words = {t.lower_ for t in obj.subtree} if obj is not None else set()
    target = _target(verb, obj, cue)
    if target is None and cue.symmetric and source is not None:
        target = next((c for c in source.children if c.dep_ == "conj"), None)
    if source is None and target is None:
        return None
    return Frame(verb, cue, mode_from(words, cue), source, target, verb)


def _target(verb: Token, obj: Token | None, cue: Cue) -> Token | None:
    """The object when it names someone ("visited Pyongyang"), else a prepositional target of the
    verb or of the object ("supplied shells to Russia"); AID's object is a thing, its target a party."""
    dative = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
    if dative is not None:
        return next((c for c in dative.children if c.dep_ == "pobj"), dative)
    if obj is not None and (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ or cue.type != "AID"):
        if obj.pos_ in _NOUN_POS and obj.lemma_.lower() not in NOUNS:
            return obj
    return prep_target(verb) or (prep_target(obj) if obj is not None else None)


def noun_frame(noun: Token, cue: Cue) -> Frame | None:
    """An event noun: as a light verb's object it takes the verb's subject; standing alone, its
    possessor, compound or "between X and Y" names the parties."""
    head = noun.head
    if noun.dep_ in OBJECTS | {"nsubjpass"} and head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
        source, passive = subject(head)
        target = prep_target(noun) or prep_target(head)
        return _noun(noun, cue, source, target, head)
    if noun.dep_ in OBJECTS and head.lemma_.lower() in VERBS:
        return None  # "supplied aid": the verb's own frame reads it
    between = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if between is not None:
        first = next((c for c in between.children if c.dep_ == "pobj"), None)
        second = next((c for c in first.children if c.dep_ == "conj"), None) if first is not None else None
        return _noun(noun, cue, first, second, head)
    owner = next((c for c in noun.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON")),
                 None) or _by_phrase(noun)
    target = prep_target(noun)
    if owner is None and head.pos_ == "VERB" and noun.dep_ in OBJECTS:
        owner = subject(head)[0]
    return _noun(noun, cue, owner, target, head)


def _by_phrase(noun: Token) -> Token | None:
    """The doer of an event noun given with "by" ("a visit by Shoigu to Pyongyang")."""
    by = next((c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _noun(noun: Token, cue: Cue, source: Token | None, target: Token | None, verb: Token) -> Frame | None:
    if source is None and target is None:
        return None
    if target is None and cue.symmetric and source is not None:
        target = next((c for c in source.children if c.dep_ == "conj"), None)
    words = {t.lower_ for t in noun.subtree} | {t.lower_ for t in noun.head.children}
    return Frame(noun, cue, mode_from(words, cue), source, target, verb)
