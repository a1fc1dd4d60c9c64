"""Relation frames read from the dependency parse: who (source) does what (cue) to whom (target).

Patterns: active verb with subject and object or prepositional target ("Russia supplied shells
to North Korea", "Putin met with Kim"); passives ("shells were supplied by North Korea to
Russia"); conjoined subjects of a symmetric cue ("Putin and Kim met"); light verbs with an event
noun ("held talks with Kim", "imposed sanctions on Iran"); verb + particle ("turned down the
invitation"); "call" read three ways ("called on X to", "called X a liar", "called X");
nominal events ("the summit between Putin and Kim", "Shoigu's visit to Pyongyang", "the Turkish
invasion of Syria", "an invitation from Boehner"). An object that names no one gives its owner
("dismissed Trump's idea": Trump). Frames hold tokens; turning them into actors is
:mod:`.extract`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.extract.relations.cues import (
    CALL,
    LIGHT_VERBS,
    NOUNS,
    OF_TARGET,
    PARTICLES,
    VERBS,
    Cue,
    mode_from,
)

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "obj", "dative", "iobj"})
TARGET_PREPS = frozenset("to with on against into at in from toward towards for".split())
NOUN_TARGET_PREPS = TARGET_PREPS - {"from", "for"}
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
_REQUEST, _ACCUSE, _CALL = Cue("REQUEST"), Cue("ACCUSE"), Cue("CONSULT", "call")


@dataclass(frozen=True, slots=True)
class Frame:
    cue: Token  # the verb or the event noun
    kind: Cue
    mode: str | None
    source: Token | None
    target: Token | None
    verb: Token  # the clause's verb (the cue itself, or the light verb / governor of a noun cue)
    light: bool = True  # the clause's verb carries the event (its negation negates the relation)


def frames(sent) -> list[Frame]:
    """Every relation frame of one sentence (a spaCy Span), in token order."""
    found: list[Frame] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            cue = _verb_cue(tok, lemma)
            frame = verb_frame(tok, cue) if cue is not None else None
        elif tok.pos_ == "NOUN" and lemma in NOUNS:
            frame = noun_frame(tok, NOUNS[lemma])
        else:
            continue
        if frame is not None:
            found.append(frame)
    return found


def _verb_cue(verb: Token, lemma: str) -> Cue | None:
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle is not None and (lemma, particle) in PARTICLES:
        return PARTICLES[(lemma, particle)]
    if lemma == CALL:
        if any(c.dep_ == "prep" and c.lower_ in ("on", "for") for c in verb.children):
            return _REQUEST
        if any(c.dep_ in ("oprd", "ccomp", "xcomp", "attr") for c in verb.children):
            return _ACCUSE
        return _CALL
    return VERBS.get(lemma)


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject (climbing conj/xcomp chains: "agreed to supply", "met and praised") and
    whether the clause is passive (then the ``agent`` by-phrase is the doer). An infinitive under a
    noun takes the noun's owner, or the subject of the verb the noun is the object of ("the
    decision of Peña to invite", "accepted an invitation to meet")."""
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
            noun = verb.head
            if verb.dep_ == "acl" and noun.pos_ == "NOUN":
                owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                if owner is not None:
                    return owner, False
                if noun.dep_ in OBJECTS and noun.head.pos_ in ("VERB", "AUX"):
                    verb = noun.head
                    continue
            return noun, False
        break
    return None, False


def _agent(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def prep_target(head: Token, preps: frozenset[str] = TARGET_PREPS) -> Token | None:
    """The object of a target preposition hanging off ``head`` ("to Russia", "with Kim")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
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
    if cue.preps is not None:
        target = prep_target(verb, cue.preps)
    else:
        target = _target(verb, obj, cue)
    if cue.reverse and obj is not None:  # "Putin hosted Kim": Kim is the visitor
        source, target = obj, source
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
    possessor, compound, demonym or "between X and Y" names the parties."""
    head = noun.head
    preps = NOUN_TARGET_PREPS | {"of"} if cue.type in OF_TARGET else NOUN_TARGET_PREPS
    if noun.dep_ in OBJECTS | {"nsubjpass"} and head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
        source, _ = subject(head)
        target = prep_target(noun, preps) or prep_target(head)
        inviter = _owner(noun) or _by_phrase(noun, "from") or _by_phrase(noun, "by")
        if noun.lower_.startswith("invitation") and inviter is not None:  # "accepted Boehner's invitation"
            source, target = inviter, source
        return _noun(noun, cue, source, target, head, True)
    if noun.dep_ in OBJECTS and head.lemma_.lower() in VERBS:
        return None  # "supplied aid": the verb's own frame reads it
    between = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if between is not None:
        first = next((c for c in between.children if c.dep_ == "pobj"), None)
        second = next((c for c in first.children if c.dep_ == "conj"), None) if first is not None else None
        return _noun(noun, cue, first, second, head, False)
    owner = _owner(noun) or _by_phrase(noun, "by") or _by_phrase(noun, "from")
    target = prep_target(noun, preps)
    if owner is None and head.pos_ == "VERB" and noun.dep_ in OBJECTS:
        owner = subject(head)[0]
    return _noun(noun, cue, owner, target, head, False)


def _owner(noun: Token) -> Token | None:
    """The possessor, proper-noun compound or demonym of an event noun ("Shoigu's visit", "the
    Turkish invasion")."""
    return next((c for c in noun.children if (c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON", "NOUN"))
                 or (c.dep_ == "compound" and c.pos_ == "PROPN")
                 or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))), None)


def _by_phrase(noun: Token, prep: str) -> Token | None:
    """The doer of an event noun given with "by" or "from" ("a visit by Shoigu", "an invitation from
    Boehner")."""
    by = next((c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == prep), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _noun(noun: Token, cue: Cue, source: Token | None, target: Token | None, verb: Token,
          light: bool) -> Frame | None:
    if source is None and target is None:
        return None
    if target is None and cue.symmetric and source is not None:
        target = next((c for c in source.children if c.dep_ == "conj"), None)
    words = {t.lower_ for t in noun.subtree} | {t.lower_ for t in noun.head.children}
    return Frame(noun, cue, mode_from(words, cue), source, target, verb, light)
