"""Relation frames read from the dependency parse: who (source) does what (cue) to whom (target).

Patterns: active verb with subject and object or prepositional target ("Russia supplied shells
to North Korea", "Putin met with Kim"); passives ("shells were supplied by North Korea to
Russia"); conjoined subjects of a symmetric cue ("Putin and Kim met"); light verbs with an event
noun ("held talks with Kim", "imposed sanctions on Iran"); verb + particle ("turned down the
invitation"); "call" read three ways ("called on X to", "called X a liar", "called X");
nominal events ("the summit between Putin and Kim", "Shoigu's visit to Pyongyang", "the Turkish
invasion of Syria", "an invitation from Boehner", "North Korea's criticisms of U.S. rhetoric");
a call that asks ("a call for Obama to resign": REQUEST); threats warned of ("warned that ...
would lead to more pain for Russia") or dangled ("dangled the prospect of sanctions against
Russia": also THREATEN). An object that names no one gives its owner ("dismissed Trump's idea":
Trump). Event nouns and adjectives are read by :mod:`.nouns`, a sentence's frames gathered by
:mod:`.frames`. Frames hold tokens; turning them into actors is :mod:`.extract`'s job (with
:mod:`.parties` for descriptions, plural parties and "it" / "they").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.extract.relations.clauses import (
    accused,
    appealed,
    asked_in_clause,
    called_for,
    conditioned,
    named_adverbially,
    named_inside,
    named_thing,
    names_someone,
    no_event,
    traded_with,
)
from onrecord.extract.relations.cues import (
    CALL,
    LIGHT_VERBS,
    NAMING,
    NEEDS_INFINITIVE,
    NOUNS,
    PARTICLES,
    VERBS,
    Cue,
    mode_from,
)
from onrecord.extract.relations.readings import engaged_with, had_done, through, visitable
from onrecord.extract.relations.repairs import (
    OBJECTS,
    QUALITIES,
    SELVES,
    SUBJECTS,
    WARM_NAMES,
    asked_infinitive,
    by_phrase,
    event_owner,
    for_clause,
    for_clause_subject,
    governing_verb,
    let_one,
    nearest_subject,
    participle_doer,
    verb_read_as_modifier,
)

TARGET_PREPS = frozenset("to with on against into at in from toward towards for".split())
NOUN_TARGET_PREPS = TARGET_PREPS - {"from", "for"}
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
REQUEST_CUE, _ACCUSE, _CALL = Cue("REQUEST"), Cue("ACCUSE"), Cue("CONSULT", "call")
_NAMED_WELL = Cue("SUPPORT")
_SIDE_WITH = Cue("SUPPORT", preps=frozenset({"with"}))
_REJECT = Cue("REJECT")
_SET_FOOT = Cue("CONSULT", "visit", preps=frozenset({"in", "inside", "on", "onto", "into"}))
# Verbs of taking something up: declining or refusing to do them rejects the thing.
ACCEPTING = frozenset("accept take consider approve adopt ratify pass hear allow".split())
# Light verbs whose subject receives the event noun: "had the support of", "won the backing of".
RECEIVING = frozenset("have win receive get enjoy gain earn".split())
# Verbs under which a release is the other side's: "secured the release of two Americans".
HARMS = frozenset({"SANCTION", "ASSAULT", "COERCE"})  # what a threat warns of
SOUGHT = frozenset("secure win obtain seek demand negotiate request push press urge call ask want".split())


@dataclass(frozen=True, slots=True)
class Frame:
    cue: Token  # the verb or the event noun
    kind: Cue
    mode: str | None
    source: Token | None
    target: Token | None
    verb: Token  # the clause's verb (the cue itself, or the light verb / governor of a noun cue)
    light: bool = True  # the clause's verb carries the event (its negation negates the relation)


def verb_cue(verb: Token, lemma: str) -> Cue | None:
    particle = next((c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")), None)
    if particle is not None and (lemma, particle) in PARTICLES:
        return PARTICLES[(lemma, particle)]
    if lemma in ("set", "step") and any(c.dep_ == "dobj" and c.lemma_.lower() == "foot" for c in verb.children):
        return _SET_FOOT  # "set foot in North Korea", "step foot inside North Korea"
    if lemma in NAMING and lemma != CALL:
        return _ACCUSE if any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")
                              for c in verb.children) else None  # "labeling him (as) a co-conspirator"
    if lemma == CALL:
        named = any(c.dep_ in ("dobj", "oprd") for c in verb.children)  # "called his pullout a mistake on Fox"
        if not named and any(c.dep_ == "prep" and c.lower_ in ("on", "for") and c.i > verb.i and not any(g.ent_type_ in ("DATE", "TIME")
                                                                         for g in c.children)
               for c in verb.children):
            return REQUEST_CUE  # "called on Trump to apologize" (not "called him on Tuesday")
        if not named and for_clause(verb) is not None:
            return REQUEST_CUE  # "calling for the Justice Department to release it"
        if any(c.dep_ in ("oprd", "ccomp", "attr") or (c.dep_ == "xcomp" and c.pos_ in ("ADJ", "NOUN"))
               for c in verb.children) or named_thing(verb):
            return _ACCUSE
        named_as = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 < len(verb.doc)
                         and verb.doc[c.right_edge.i + 1].text in ('"', "“")), None)
        if named_as is not None:  # "called Ms. Pelosi “as strong a supporter” as Mr. Obama has": naming, no phone call
            words = {t.lemma_.lower() for t in verb.doc[named_as.right_edge.i + 1 : named_as.right_edge.i + 8]}
            return _NAMED_WELL if words & WARM_NAMES else None
        return _CALL
    if lemma in ("decline", "refuse", "fail") and any(c.dep_ == "xcomp" and c.lemma_.lower() in ACCEPTING
                                              for c in verb.children):
        return _REJECT  # "declined to take up Mr. Obama's jobs package", "failed to pass his proposal"
    if lemma == "meet" and any(c.dep_ == "auxpass" for c in verb.children) and not any(
            c.dep_ == "agent" for c in verb.children):
        return None  # "where standards are not met": no meeting
    if lemma in ("ally", "align", "side") and any(c.dep_ == "dobj" and c.lower_ in SELVES for c in verb.children):
        return _SIDE_WITH  # "allied herself with Democratic critics", "aligning herself with Pelosi"
    if lemma in NEEDS_INFINITIVE and not any(c.dep_ == "xcomp" or asked_infinitive(verb, c) for c in verb.children):
        return None  # "pushed the bill": no one asked
    if lemma == "question" and any(c.dep_ == "dobj" and c.lemma_.lower() in QUALITIES
                                   and any(g.dep_ == "poss" for g in c.children) for c in verb.children):
        return _ACCUSE  # "questioned Ms. Griffin's sanity"
    if lemma == "ask" and not any(c.dep_ == "xcomp" for c in verb.children) and any(
            c.dep_ in ("ccomp", "advcl") and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)
            for c in verb.children):
        return None  # "asked Kerry if it was true": a question, nothing asked of him
    if lemma == "seek" and any(c.dep_ == "xcomp" for c in verb.children):
        return None  # "sought to pin the crisis on": an attempt, no request
    if lemma == "warn" and any(c.dep_ == "ccomp" for c in verb.children):
        clause = next(c for c in verb.children if c.dep_ == "ccomp")
        if _warned(clause) is not None:
            return Cue("THREATEN")  # "warned that the failure of talks would lead to more pain for Russia"
        return None  # "warned that the deal would fail" reports a view
    if verb.dep_ == "acl" and rejected(verb.head):
        return None  # "turned down an invitation to meet with Democrats": no meeting; the rejection is read
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "invite" and VERBS.get(lemma, _CALL).type == "CONSULT":
        return None  # "invited Trump to come": the invitation's frame reads it
    return VERBS.get(lemma)


# What one asks or offers another: turning it down rejects the one who asked or offered.
OFFERS = frozenset("invitation request offer proposal plea appeal demand overture bid entreaty".split())


def rejected(noun: Token) -> bool:
    """An invitation, request or offer a verb of rejection takes ("turned down an invitation to
    meet", "rejected a request by Democratic senators")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in OFFERS or noun.dep_ not in OBJECTS:
        return False
    verb = noun.head
    if verb.pos_ != "VERB":
        return False
    cue = verb_cue(verb, verb.lemma_.lower())
    return cue is not None and cue.type == "REJECT"


def _warned(clause: Token) -> Token | None:
    """Whom a warning's clause promises harm: a party after "for" / "against" / "on" in a clause
    with will / would / could ("would lead to more pain for Russia")."""
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "'ll") for c in clause.children):
        return None
    harm = verb_cue(clause, clause.lemma_.lower()) if clause.pos_ == "VERB" else None
    if harm is not None and harm.type in HARMS:  # "warned that Beijing could cut the U.S. off"
        obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.ent_type_ in _PARTIES:
            return obj
    for tok in clause.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "against", "on") and tok.ent_type_ in _PARTIES:
            return tok
    return None


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether the clause is passive (then the ``agent`` by-phrase is the doer).
    Climbs conj/xcomp/advcl chains ("agreed to supply", "met and praised", "is willing to meet"); the
    object of a control verb is its infinitive's subject ("urged Kim to visit"); the passive subject of
    a raising verb is its infinitive's ("Trump is expected to sit down"); a relative clause takes its
    noun ("Richardson, a governor who negotiated"); an infinitive under a noun takes the noun's owner,
    or the subject of the verb the noun is the object of ("Peña's decision to invite")."""
    raised = False
    for _ in range(5):
        subj = nearest_subject(verb)
        if subj is not None and not (verb.dep_ == "relcl" and subj.lower_ in _RELATIVES):
            if subj.dep_ == "nsubjpass" and not raised:
                return _agent(verb), True
            return subj, False
        if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
            controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None) or appealed(verb.head)
            if controller is not None and names_someone(controller):
                return controller, False
        if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
            raised = verb.dep_ == "xcomp"
            verb = verb.head
            continue
        if verb.dep_ == "pcomp" and verb.head.head.pos_ == "NOUN":  # "the prospect of working with China"
            noun = verb.head.head
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            governor = governing_verb(noun)
            if owner is not None or governor is None:
                return owner, False
            verb = governor
            continue
        if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX", "ADJ"):  # "risk by hosting"
            controller = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
            if controller is not None and names_someone(controller):  # "accused Kerry of holding"
                return controller, False
            described = next((c for c in verb.head.head.children if c.dep_ == "nsubjpass"), None)
            if described is not None and verb.head.lower_ == "as":  # "Trump was quoted as saying"
                return described, False
            verb = verb.head.head
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in _NOUN_POS:
            noun = verb.head
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if participle_doer(verb):
                return noun, False  # "joining other top Republican lawmakers demanding Schiff's ouster": the lawmakers
            if (verb.dep_ == "acl" or infinitive) and noun.pos_ == "NOUN":
                owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                if owner is not None:
                    return owner, False
                if noun.dep_ in OBJECTS and noun.head.pos_ in ("VERB", "AUX"):
                    verb = noun.head
                    continue
            while noun.dep_ in ("appos", "conj") and noun.pos_ != "PROPN":  # "Richardson, a governor who"
                noun = noun.head
            if noun.dep_ == "attr" and noun.pos_ == "NOUN":  # "Trump became the first leader to set foot"
                noun = next((c for c in noun.head.children if c.dep_ == "nsubj"), noun)
            elif noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.lemma_ == "be":
                noun = next((c for c in noun.head.head.children if c.dep_ == "nsubj"), noun)  # "Among those who criticized X were Y"
            return noun, False
        break
    return None, False


_RELATIVES = frozenset({"who", "which", "that", "whom"})


def _agent(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def prep_target(head: Token, preps: frozenset[str] = TARGET_PREPS) -> Token | None:
    """The object of a target preposition hanging off ``head`` ("to Russia", "with Kim"); a phrase
    put before a verb sets the scene ("On Fox News' 'Hannity,' she called on the Obamas")."""
    for child in through(head):  # "out of Ukraine": its "of"
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and child.i < head.i and head.pos_ in ("VERB", "AUX") \
                    and pobj.lower_ not in _RELATIVES | {"what"}:
                continue  # "with whom he traded barbs" keeps its party
            if pobj is not None and pobj.ent_type_ not in _WHEN:  # not "on Tuesday", "in April"
                return pobj
    return None


_WHEN = frozenset({"DATE", "TIME"})
_PARTIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def verb_frame(verb: Token, cue: Cue) -> Frame | None:
    if (doer := verb_read_as_modifier(verb)) is not None:  # "President Trump assailed Democrats", one noun phrase
        return Frame(verb, cue, mode_from({t.lower_ for t in verb.head.subtree}, cue), doer, verb.head, verb)
    source, passive = subject(verb)
    source, passive, obj = had_done(verb) or (source, passive, _object(verb))  # "had his posts removed by Apple"
    own_passive = any(c.dep_ == "auxpass" for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if own_passive and verb.dep_ == "conj" and not passive:  # "travelled to X and was detained by police"
        source, passive, obj = _agent(verb), True, obj or source
    elif own_passive and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":  # "U.S. arms being sent to Ukraine"
        source, passive, obj = _agent(verb) or event_owner(verb.head), True, obj or verb.head
    if obj is not None and obj.lemma_.lower() in NOUNS and verb.lemma_.lower() in LIGHT_VERBS:
        return None  # "struck a deal", "provided assistance": the event noun's frame reads it
    if passive:
        obj = obj or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    words = {t.lower_ for t in obj.subtree} if obj is not None else set()
    if cue.preps is not None:
        target = prep_target(verb, cue.preps) or (prep_target(obj, cue.preps) if obj is not None else None)
        if target is not None and cue.mode == "visit" and not visitable(target):
            target = None  # "went to national elections", "came to Obama's rescue": no place, no one visited
    elif cue is _ACCUSE and verb.lemma_.lower() == CALL and (obj is not None or named_adverbially(verb)):
        target = obj or named_adverbially(verb)  # "called Netanyahu's speech 'a stunt'": the speech (its owner)
    else:
        target = _target(verb, obj, cue)
    if cue is _SIDE_WITH and target is not None and any(c.dep_ == "poss" for c in target.children):
        target = None  # "aligns himself with Manhattan's set": a set of people, not its place
    if cue.reverse and obj is not None:  # "Putin hosted Kim": Kim is the visitor
        source, target = obj, source
    purpose = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if cue.type == "CONSULT" and cue.mode is None and purpose is not None:  # "invited Kim to visit"
        inner = VERBS.get(purpose.lemma_.lower())
        cue = Cue("CONSULT", inner.mode) if inner is not None and inner.type == "CONSULT" else cue
    if target is None and (cue.type in ("THREATEN", "REQUEST", "AGREE") or cue is _REJECT) and purpose is not None:
        target = aim_of(purpose)  # "threatened to impose sanctions on North Korea"
        if target is None and cue is _REJECT:  # "declined to take up Mr. Obama's package": his
            obj_ = next((c for c in purpose.children if c.dep_ == "dobj"), None)
            target = obj_
    if cue.type == "REJECT" and obj is not None and obj.lemma_.lower() in OFFERS:
        asker = event_owner(obj) or by_phrase(obj, "by") or by_phrase(obj, "from")
        wanted = next((c for c in obj.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
        target = asker or (aim_of(wanted) if wanted is not None else None) or target
    if target is None and cue.type == "REJECT" and purpose is not None:
        target = let_one(purpose)  # "refused to allow Mr. Obama to negotiate it": Obama
    if target is None and cue.type == "REQUEST":  # "urged that he read the report"
        target = asked_in_clause(verb) or (for_clause_subject(verb) or called_for(verb)
                                           if verb.lemma_.lower() == CALL else None)
    if target is None and cue.type == "ACCUSE" and obj is None:  # "'He incites violence,' Clinton charged"
        target = accused(verb)
    if target is None and cue.type == "THREATEN":
        target = _threatened(verb)
    if cue.symmetric and source is not None and (target is None or not names_someone(target) and target.head.lower_ not in MEET_PREPS | {"alongside"}):
        target = next((c for c in source.children if c.dep_ == "conj" and (target is None or names_someone(c))), target)  # "India and Japan agreed to cooperate on defense"
    if cue.type == "SANCTION" and obj is not None and not names_someone(obj):
        target = traded_with(obj) or target  # "banning the import of some food from the United States"
    if source is None and target is None:
        return None
    mode = mode_from(words, cue)
    if no_event(verb, cue, obj, target, mode):
        return None
    return Frame(verb, cue, mode, source, target, verb)


def _threatened(verb: Token) -> Token | None:
    """Whom a threat with no object aims at: whom a warning harms, else whom its condition names."""
    if verb.lemma_.lower() == "warn":
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        found = _warned(clause) if clause is not None else None
        if found is not None:
            return found
    return None if verb.lemma_.lower() == "warn" else conditioned(verb)  # "warned against it if": no aim


def _object(verb: Token) -> Token | None:
    """The verb's object; a party parsed as an adverbial noun ("criticized Trump over Putin"); the
    object of a conjoined verb when this one has none and takes no preposition ("condemned and
    sanctioned Russia")."""
    obj = next((c for c in verb.children if c.dep_ in OBJECTS), None)
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ == "npadvmod" and c.ent_type_ in _PARTIES), None)
    if obj is None and not any(c.dep_ in ("prep", "prt", "xcomp", "ccomp", "dative", "auxpass", "nsubjpass")
                               for c in verb.children):  # tight coordination only: "V1 and (adverb) V2 X"
        conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i - verb.i <= 3
                     and not any(t.is_punct for t in verb.doc[verb.i : c.i])
                     and not any(g.dep_ in SUBJECTS for g in c.children)), None)
        obj = next((c for c in conj.children if c.dep_ in OBJECTS), None) if conj is not None else None
    return obj


def aim_of(verb: Token) -> Token | None:
    """Whom an infinitive acts on: its object when it names someone, else a prepositional target
    of the verb or of its object."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and names_someone(obj):
        return obj
    aim = prep_target(verb) or (prep_target(obj) if obj is not None else None)
    return engaged_with(aim) or engaged_with(obj) or aim


def _target(verb: Token, obj: Token | None, cue: Cue) -> Token | None:
    """The object when it names someone ("visited Pyongyang"), else a prepositional target of the
    verb or of the object ("supplied shells to Russia"); AID's object is a thing, its target a party."""
    dative = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
    if dative is not None:
        return next((c for c in dative.children if c.dep_ == "pobj"), dative)
    if obj is not None and (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ or named_inside(obj)):
        return obj  # "invited South Korean President Moon Jae-in to North Korea" (the parse: "Moon Jae" on "in")
    preps = preps_for(cue)
    if obj is None or obj.pos_ not in _NOUN_POS:
        return prep_target(verb, preps)
    if cue.type == "AID" or obj.lemma_.lower() in NOUNS:  # "supplied shells to Russia", "imposed sanctions on"
        owned = cue.type != "AID" and any(c.dep_ == "poss" for c in obj.children)  # "praised Trump's promise"
        return prep_target(verb, preps) or (obj if owned and cue.type in ("ACCUSE", "SUPPORT", "REJECT") else None) or prep_target(obj, preps) or (obj if owned else None)
    if cue.type in ("ACCUSE", "SUPPORT") and names_someone(obj):
        return obj  # "criticized the Bush administration for its secrecy": "for" gives the fault or merit
    return prep_target(verb, preps) or obj  # "met with Kim ... a major sign"; "dismissed Trump's idea" (its owner)


MEET_PREPS = frozenset({"with", "to"})
AID_PREPS = frozenset({"to", "into", "for", "toward", "towards"})
REQUEST_PREPS = TARGET_PREPS - {"for"}  # who is asked, not whom it is for


def preps_for(cue: Cue) -> frozenset[str]:
    """Prepositions that name a target: a meeting's "in Oslo" is its place, not a party."""
    if cue.type == "CONSULT" and cue.mode in ("meet", "call"):
        return MEET_PREPS
    if cue.type == "REQUEST":
        return REQUEST_PREPS  # "seeking food for North Korea": asked of someone else, for North Korea
    return AID_PREPS if cue.type == "AID" else TARGET_PREPS  # "help with North Korea" helps no North Korea
