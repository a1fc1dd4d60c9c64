"""Readings of constructions the older modules lack room for, each for a construction, not a sentence:

* "fire" at a party is ASSAULT (the lexicon's cue, its target only through "at": "a plan to fire
  missiles at Guam"); "fired back at X" with "back" parsed as an adverb is words (ACCUSE), as the
  particle reading has it;
* speaking of someone with a valence adverb takes the adverb's valence ("spoke approvingly of Xi's
  explanation": SUPPORT of Xi; "wrote disparagingly about her": ACCUSE);
* a plural party that lists its members with "including" is those members ("other Asia-Pacific
  countries, including Japan and Australia, have come out in support of": Japan and Australia);
* a visit's "of" phrase is the visitor when a "to" phrase names where ("the visit of Senator
  McCain to Syria"); a motion verb's "the country" / "the nation" is a place visited, the state it
  stands for ("snuck into the country"), as a name is.

* a participle under "have" / "get" with a subject of its own and a by-phrase is a passive: "Mr.
  Jones has had his posts restricted or removed by Apple, Facebook, Google and Spotify" (the
  by-phrase, on the participle or its conjunct, does it to the subject, the posts, so their owner);
  so does a participle with a by-phrase on its noun ("had his posts removed by Apple"; not a naming
  one: "a page called 'Coverage ... by The Epoch Times'").

* a two-word preposition is read through its first word: "pulled its forces out of Ukraine",
  "moved away from Russia" (the "of" / "from" phrase under "out" / "away").

* an event noun's "from" phrase is its doer ("an invitation from Boehner") unless "from" names its
  target ("the withdrawal of U.S. troops from Syria": what is withdrawn from).

* warning a named party that something will happen threatens it ("warned Iran that it would face
  severe consequences"; "warned that the deal would fail", with no one warned, stays a view).

The tests are on the cue's own children only (no per-token walk of the sentence).
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extract.relations.cues import NAMING, NOUNS, Cue

_FIRED_BACK = Cue("ACCUSE", preps=frozenset({"at"}))


def fired(verb: Token) -> Cue | None:
    """"fired back at X" read with "back" as an adverb: ACCUSE, as the particle cue."""
    if verb.lemma_.lower() == "fire" and any(c.lower_ == "back" and c.dep_ == "advmod" for c in verb.children):
        return _FIRED_BACK
    return None


_OF = frozenset({"of", "about"})
_WARMLY = frozenset("approvingly highly glowingly warmly fondly favorably favourably admiringly "
                    "affectionately respectfully".split())
_HARSHLY = frozenset("disparagingly critically harshly dismissively derisively contemptuously scathingly "
                     "disapprovingly negatively mockingly sneeringly".split())
_SPEAKING = frozenset("speak talk write".split())


def spoken_of(verb: Token) -> Cue | None:
    """SUPPORT / ACCUSE of whom one speaks, talks or writes of with a valence adverb."""
    if verb.lemma_.lower() not in _SPEAKING or not any(c.dep_ == "prep" and c.lower_ in _OF for c in verb.children):
        return None
    return valence_cue({c.lower_ for c in verb.children if c.dep_ == "advmod"}, _WARMLY, _HARSHLY, _OF)


def valence_cue(words: set[str], warm: frozenset[str], harsh: frozenset[str], preps: frozenset[str]) -> Cue | None:
    """SUPPORT when ``words`` hold a warm word, else ACCUSE when they hold a harsh one, its target
    the object of ``preps``."""
    if words & warm:
        return Cue("SUPPORT", preps=preps)
    if words & harsh:
        return Cue("ACCUSE", preps=preps)
    return None


_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def included(tok: Token | None) -> list[Token]:
    """The named members a plural noun lists with "including" (two or more, each named)."""
    if tok is None or tok.pos_ != "NOUN" or tok.tag_ != "NNS":
        return []
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "including"), None)
    first = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if first is None:
        return []
    members = [first, *(c for c in first.children if c.dep_ == "conj")]
    if len(members) < 2 or not all(m.pos_ == "PROPN" or m.ent_type_ in _NAMED for m in members):
        return []
    return members


def visitor_of(noun: Token, cue: Cue) -> Token | None:
    """The visitor a visit's "of" phrase names beside its "to" phrase."""
    if cue.type != "CONSULT" or cue.mode != "visit":
        return None
    preps = {c.lower_: c for c in noun.children if c.dep_ == "prep"}
    if "to" not in preps or "of" not in preps:
        return None
    who = next((c for c in preps["of"].children if c.dep_ == "pobj"), None)
    return who if who is not None and (who.pos_ == "PROPN" or who.ent_type_ in _NAMED) else None


_STATE_NOUNS = frozenset({"country", "nation"})


def visitable(target: Token) -> bool:
    """A motion verb's target that can be visited: a name, a pronoun, or "the country" / "the nation"
    (not "went to national elections", "came to Obama's rescue")."""
    if target.pos_ in ("PROPN", "PRON") or target.ent_type_:
        return True
    return target.lemma_.lower() in _STATE_NOUNS and target.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in target.children)


_CAUSATIVE = frozenset({"have", "get"})
_PARTICIPLE = frozenset({"VBN", "VBD"})


def had_done(verb: Token) -> tuple[Token, bool, Token] | None:
    """(doer, passive, undergoer) of a participle small clause under "have" / "get" with a by-phrase,
    or of a participle with a by-phrase on its noun ("his posts removed by Apple")."""
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.lemma_.lower() not in NAMING:
        doer = next((c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"), None)
        return (doer, True, verb.head) if doer is not None else None
    first = verb.head if verb.dep_ == "conj" and verb.head.tag_ in _PARTICIPLE else verb  # VBD: the tagger's slip
    if verb.tag_ not in _PARTICIPLE or first.dep_ not in ("ccomp", "xcomp") or first.head.lemma_.lower() not in _CAUSATIVE:
        return None
    thing = next((c for c in first.children if c.dep_ == "nsubj"), None)
    agents = [c for v in (first, *(c for c in first.children if c.dep_ == "conj")) for c in v.children
              if c.dep_ == "agent"]
    doer = next((c for a in agents for c in a.children if c.dep_ == "pobj"), None)
    return (doer, True, thing) if thing is not None and doer is not None else None


_FIRST_WORDS = frozenset({"out", "away"})


def through(head: Token) -> list[Token]:
    """The children of ``head``, with the prepositions under an "out" / "away" among them after it."""
    found = []
    for c in head.children:
        found.append(c)
        if c.lower_ in _FIRST_WORDS and c.dep_ in ("prep", "prt", "advmod"):
            found += [g for g in c.children if g.dep_ == "prep"]
    return found


def from_whom(noun: Token, cue: Cue) -> Token | None:
    """The doer an event noun's "from" phrase names, unless the cue takes its target through "from"."""
    if cue.preps is not None and "from" in cue.preps:
        return None
    prep = next((c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "from"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


_WARNED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def warned_party(verb: Token) -> Cue | None:
    """THREATEN when "warn" takes a named party as its object and a clause of what will happen."""
    if verb.lemma_.lower() != "warn" or not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not (obj.ent_type_ in _WARNED or obj.pos_ == "PROPN"):
        return None
    return Cue("THREATEN")


_ENGAGEMENTS = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def engaged_with(aim: Token | None) -> Token | None:
    """The party of the meeting, talks or deal an infinitive acts on, where that is all it names
    ("threatened to back away from the summit with the U.S.", "threatened to cancel the talks with
    the EU"): the event noun's "with" phrase."""
    if aim is None or aim.pos_ != "NOUN" or aim.lemma_.lower() not in NOUNS \
            or NOUNS[aim.lemma_.lower()].type not in _ENGAGEMENTS:
        return None
    for prep in aim.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            party = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if party is not None and (party.ent_type_ or party.pos_ == "PROPN"):
                return party
    return None
