"""Relation frames of event nouns and adjectives: as a light verb's object the noun takes the
verb's subject ("held talks with Kim", "imposed sanctions on Iran"); standing alone, its possessor,
compound, demonym, "by"/"from" phrase or "between X and Y" names the parties ("the summit between
Putin and Kim", "Shoigu's visit to Pyongyang", "an invitation from Boehner"); a call that asks is a
REQUEST; a campaign of an event is that event; "critical of Trump" criticises. Also: a copula's
"between" ("the meeting is the first between the two leaders"), the doer of a passive participle
("sanctions placed on it by the West"), the harm a threat holds out ("threats of strikes on
Seoul"), whom a demand asks ("his demand that Assad step down"), material support as aid."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extract.relations.cues import (
    FEELINGS_AGAINST,
    LIGHT_VERBS,
    NOUNS,
    OF_TARGET,
    VERBS,
    Cue,
    mode_from,
)
from onrecord.extract.relations.parse import (
    HARMS,
    NOUN_TARGET_PREPS,
    OBJECTS,
    RECEIVING,
    REQUEST_CUE,
    SOUGHT,
    Frame,
    aim_of,
    by_phrase,
    event_owner,
    governing_verb,
    names_someone,
    prep_target,
    preps_for,
    rejected,
    subject,
    traded_with,
)
from onrecord.extract.relations.readings import from_whom, visitor_of


def noun_frame(noun: Token, cue: Cue) -> Frame | None:
    """An event noun: as a light verb's object it takes the verb's subject; standing alone, its
    possessor, compound, demonym or "between X and Y" names the parties. A campaign of an event
    is that event ("a campaign of slander against Russia" accuses); the inner noun is read there."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in CAMPAIGNS:
        return None
    kind = _campaign_of(noun)
    if kind is not None:
        cue = Cue(kind.type, kind.mode, kind.symmetric, cue.preps)
    if cue.type == "SUPPORT" and any(c.dep_ == "amod" and c.lower_ in MATERIAL for c in noun.children):
        cue = Cue("AID", None, False, cue.preps)  # "the financial support Ukraine needs", "military support to"
    if rejected(noun):
        return None  # "turned down an invitation": the rejection's frame reads it
    if noun.lemma_.lower() in FELT and by_phrase(noun, "of") is not None:
        return _drawn(noun, cue)
    head = noun.head
    governor = governing_verb(noun)
    if cue.type == "CONCEDE" and governor is not None and governor.lemma_.lower() in SOUGHT:
        return None  # "to secure the release of two Americans": the other side releases
    if cue.type == "CONSULT" and cue.mode == "call" and _asks(noun):
        cue = REQUEST_CUE  # "a call for Obama to resign", "our call that Venezuela restore democracy"
    preps = (NOUN_TARGET_PREPS & preps_for(cue) - (_IN if cue.type in _WORDS else set())) | ({"of"} if cue.type in OF_TARGET else set())  # "criticisms of"; "criticism in Washington": its place
    if noun.dep_ in OBJECTS | {"nsubjpass"} and head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
        return _light_noun(noun, cue, head, preps)
    if noun.dep_ in OBJECTS and head.lemma_.lower() in VERBS:
        return None  # "supplied aid": the verb's own frame reads it
    between = _between(noun)
    if between is not None:
        first = next((c for c in between.children if c.dep_ == "pobj"), None)
        if first is None and between.i + 1 < len(noun.doc) and between.nbor().pos_ in ("PROPN", "NOUN", "PRON"):
            first = between.nbor()  # "a talk between Trump and Putin lasted" with "Trump" parsed on the verb
        second = next((c for c in first.children if c.dep_ == "conj"), None) if first is not None else None
        if second is not None and any(c.dep_ == "conj" for c in second.children):
            return None  # "talks between Russia, France, Germany and Ukraine": no one pair
        return _noun(noun, cue, first, second, head, False)
    rallied = _came_to(noun, cue)
    if rallied is not None:
        return rallied
    done = _participle(noun)  # "sanctions placed on it by the West", "the warning issued by Kim"
    owner = event_owner(noun) or visitor_of(noun, cue) or by_phrase(noun, "by") or from_whom(noun, cue) or (
        by_phrase(done, "by") if done is not None else None) or _threatener(noun, cue)
    target = _own_target(noun, cue, preps, done)
    if target is None and cue.type in ("SUPPORT", "AID") and noun.dep_ == "pobj" and noun.head.lower_ == "with" \
            and noun.head.head.pos_ in ("VERB", "AUX") and owner is not None:
        target = subject(noun.head.head)[0]  # "With White House support, Senate Democrats have ..."
    if cue.preps is not None and target is None:
        return None  # "a campaign against X", not "the campaign"
    if target is None and cue.type != "REJECT":  # "his refusal to criticize Trump" rejects no one
        target = _aim(noun)
    if owner is None:
        governor = governing_verb(noun)
        if governor is not None and (governor.lemma_.lower() in STOPPING or _topic_of(noun, governor)):
            return None  # "to prevent a deal with Iran", "made his case against a deal with Iran": no party to it
        owner = subject(governor)[0] if governor is not None else None
        if target is None and cue.type == "SANCTION" and governor is not None and noun.dep_ == "pobj" \
                and noun.head.lower_ == "on" and governor.lemma_.lower() in ("place", "put"):
            target = next((c for c in governor.children if c.dep_ == "dobj"), None)  # "placed Huawei on a blacklist"
        if target is None:
            return None  # "broke the news about the meeting": the reporter is no party
    return _noun(noun, cue, owner, target, head, False)


_WORDS = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT"})  # verbal events: "in" is their place
_IN = frozenset({"in"})
COMING = frozenset("come rush leap spring jump race run ride".split())


def _came_to(noun: Token, cue: Cue) -> Frame | None:
    """Coming to someone's defense or aid supports them: "Democrats came to her defense" (the
    subject of come, rush, leap ... to; the noun's owner is the one defended)."""
    if cue.type not in ("SUPPORT", "AID") or noun.dep_ != "pobj" or noun.head.lower_ != "to":
        return None
    verb = noun.head.head
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in COMING or owner is None:
        return None
    return _noun(noun, Cue(cue.type, cue.mode), subject(verb)[0], owner, verb, True)


FELT = frozenset(FEELINGS_AGAINST.split())
DRAWING = frozenset("draw earn incur provoke spark attract arouse stir face".split())


def _drawn(noun: Token, cue: Cue) -> Frame | None:
    """A feeling "of X" is X's: "he drew the ire of the American Federation of Teachers" is the
    union's, at him (the subject of draw, earn, incur, provoke ...); otherwise no one's at anyone."""
    governor = governing_verb(noun)
    if governor is None or governor.lemma_.lower() not in DRAWING:
        return None
    return _noun(noun, cue, by_phrase(noun, "of"), subject(governor)[0], governor, True)


def _light_noun(noun: Token, cue: Cue, head: Token, preps: frozenset[str]) -> Frame | None:
    """An event noun as a light verb's object ("held talks with Kim"): the verb's subject is the
    source, unless the noun came from someone ("received a call from Trump", "won the support of X",
    "accepted Boehner's invitation")."""
    source, _ = subject(head)
    target = prep_target(noun, cue.preps or preps) or prep_target(head, cue.preps or preps_for(cue))
    if target is None and cue.type == "REJECT" and cue.preps is not None:
        return None  # "winning no votes from them": a vote rejects only "against" someone
    if cue.type == "REQUEST":
        asked = _asked(noun)
        target = asked if asked is not None and (cue is REQUEST_CUE or names_someone(asked)) else target
    if target is None and cue.type == "THREATEN":
        target = _harmed(noun)  # "made threats of strikes on Seoul"
    if target is None and cue.type == "ACCUSE":
        target = _doubted(noun)  # "voiced skepticism that Mr. Bloomberg was worth as much"
    if cue.type == "SANCTION" and target is not None and not names_someone(target):
        target = traded_with(target) or target  # "tariffs on $200 billion worth of Chinese imports"
    inviter = event_owner(noun) or by_phrase(noun, "from") or by_phrase(noun, "by")
    if noun.lower_.startswith("invitation") and inviter is not None:  # "accepted Boehner's invitation"
        source, target = inviter, source
    giver = by_phrase(noun, "from") or by_phrase(head, "from")
    if cue.type in ("SUPPORT", "AID") and head.lemma_.lower() in RECEIVING:
        giver = giver or by_phrase(noun, "of")
        if giver is None:
            return None  # "won support": from whom, the sentence does not say
        source, target = giver, source  # "had the support of X", "won an endorsement from X"
    elif head.lemma_.lower() in RECEIVING - {"have"} and not noun.lower_.startswith("invitation"):
        if giver is None and cue.symmetric and target is not None:
            return _noun(noun, cue, source, target, head, True)  # "to win talks with Washington"
        if giver is None:
            return None  # "received a visit": from whom, the sentence does not say
        source, target = giver, source  # "received a call from Trump", "got a warning from X"
    return _noun(noun, cue, source, target, head, True)


def _own_target(noun: Token, cue: Cue, preps: frozenset[str], done: Token | None) -> Token | None:
    """The target an event noun names itself: whom a call or demand asks ("a demand that Iran
    stop"), a prepositional target of the noun or of its passive participle, and for a threat the
    target of the harm it holds out ("threats of strikes on South Korea")."""
    if cue is REQUEST_CUE:
        return _asked(noun)
    asked = _asked(noun) if cue.type == "REQUEST" else None
    if asked is not None and names_someone(asked):
        return asked
    target = prep_target(noun, cue.preps or preps)
    if target is None and done is not None:
        target = prep_target(done, cue.preps or preps)
    if target is None and cue.type == "THREATEN":
        target = _harmed(noun)
    if target is None and cue.type == "ACCUSE":
        target = _doubted(noun)
    return target


def _doubted(noun: Token) -> Token | None:
    """Whom a doubt voiced as a clause doubts: "voiced skepticism that Mr. Bloomberg was worth as
    much": the clause's named subject."""
    if noun.lemma_.lower() not in DOUBTS:
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
    said = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    return said if said is not None and names_someone(said) and said.pos_ != "PRON" else None


# Doubts voiced that someone is what they claim: "voiced skepticism that Mr. Bloomberg was worth as much".
DOUBTS = frozenset("skepticism scepticism doubt doubts suspicion".split())


def _harmed(threat: Token) -> Token | None:
    """Whom the harm a threat names would strike: "threats of strikes on South Korea"."""
    harm = next((t for t in threat.subtree if t is not threat and t.pos_ == "NOUN"
                 and t.lemma_.lower() in NOUNS and NOUNS[t.lemma_.lower()].type in HARMS), None)
    return prep_target(harm, NOUN_TARGET_PREPS) if harm is not None else None


def _threatener(noun: Token, cue: Cue) -> Token | None:
    """Who holds out a harm named inside a threat: "threats from Pyongyang, including vows of
    strikes on South Korea" (the strikes are Pyongyang's)."""
    if cue.type not in HARMS:
        return None
    for tok in list(noun.ancestors)[:4]:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUNS and NOUNS[tok.lemma_.lower()].type == "THREATEN":
            return event_owner(tok) or by_phrase(tok, "by") or by_phrase(tok, "from")
    return None


def _between(noun: Token) -> Token | None:
    """The "between" of an event noun, also on the attribute of its copula ("The meeting is the
    first between the two leaders")."""
    found = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if found is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        attr = next((c for c in noun.head.children if c.dep_ in ("attr", "acomp")), None)
        found = next((c for c in attr.children if c.dep_ == "prep" and c.lower_ == "between"), None) if attr else None
    return found


def _participle(noun: Token) -> Token | None:
    """A passive participle under the noun with its doer ("sanctions placed on it by the West")."""
    return next((c for c in noun.children if c.dep_ == "acl"
                 and any(g.dep_ == "agent" for g in c.children)), None)


# Verbs whose subject stands against the event their object names, no party to it.
STOPPING = frozenset("prevent stop block oppose derail scuttle sabotage undermine thwart halt fight resist "
                     "torpedo obstruct fend repel repulse withstand avert deter".split())  # "fend off a counteroffensive"
# Prepositions that make an event noun what a verb is about, not what its subject does.
TOPIC_PREPS = frozenset("against about over regarding concerning".split())


def _topic_of(noun: Token, governor: Token) -> bool:
    """The noun hangs from the governing verb through "against", "about", "over": it is the topic."""
    tok = noun
    while tok.i != governor.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS:
            return True
        tok = tok.head
    return False


CAMPAIGNS = frozenset({"campaign", "war", "operation"})
# Support that is material is aid: "financial support", "military backing".
MATERIAL = frozenset("financial military economic humanitarian material monetary".split())


def _campaign_of(noun: Token) -> Cue | None:
    """The event a campaign is of: "a campaign of slander" is an accusation."""
    if noun.lemma_.lower() not in CAMPAIGNS:
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            inner = next((g for g in c.children if g.dep_ == "pobj"), None)
            if inner is not None and inner.lemma_.lower() in NOUNS:
                return NOUNS[inner.lemma_.lower()]
    return None


def _asks(noun: Token) -> bool:
    """A "call" that asks: "a call for X to", "a call that X do", "a call to act"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            return True
        if c.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ in ("aux", "mark") and g.lower_ in ("to", "that")
                                                       for g in c.children):
            return True
    return False


def _asked(noun: Token) -> Token | None:
    """Whom a call asks: the subject of "for X to" / "that X do"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ in ("acl", "ccomp", "relcl"):
            return next((g for g in c.children if g.dep_ == "nsubj"), None)
    return None


def _aim(noun: Token) -> Token | None:
    """Whom an event noun's infinitive aims at: "threats to target Iranian sites"."""
    verb = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if verb is None:
        return None
    return aim_of(verb)


def adjective_frame(adj: Token, cue: Cue) -> Frame | None:
    """"Fox has been critical of Trump": the copula's subject, the object of "of"."""
    if adj.dep_ not in ("acomp", "amod") or adj.head.pos_ not in ("AUX", "VERB", "NOUN"):
        return None
    target = prep_target(adj, frozenset({"of"}))
    source = adj.head if adj.dep_ == "amod" else subject(adj.head)[0]
    if target is None or source is None:
        return None
    return Frame(adj, cue, None, source, target, adj.head if adj.dep_ == "acomp" else adj)


def _noun(noun: Token, cue: Cue, source: Token | None, target: Token | None, verb: Token,
          light: bool) -> Frame | None:
    if source is None and target is None:
        return None
    if target is None and cue.symmetric and source is not None:
        target = next((c for c in source.children if c.dep_ == "conj"), None)
    words = {t.lower_ for t in noun.subtree} | {t.lower_ for t in noun.head.children}
    return Frame(noun, cue, mode_from(words, cue), source, target, verb, light)
