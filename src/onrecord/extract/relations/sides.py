"""Readings of a relation's side that need no actor resolution of their own: whom a he / she may
stand for (named near, no medium, no outlet's reporter), the person named before a pronoun, a
family named in the plural, an organisation described by its kind, a label in quotation marks,
and the pairs that are no relation (a person and its own state, a thing that is its owner's own,
a place that visits), and the party member "the Arizona Republican" stands for."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from onrecord.extract.relations.cues import NOUNS
from onrecord.extract.relations.parse import Frame
from onrecord.extract.relations.parties import (
    byline,
    gpe_key,
    home_states,
    plural_noun,
    sentence_index,
)
from onrecord.models import Actor
from onrecord.names import state_of

# Heads of a definite description of an organisation: "the civil rights body", "the group".
BODY_NOUNS = frozenset("body group organization organisation association coalition movement agency committee "
                       "company firm union federation network".split())


def described_body(doc: Doc, tok: Token, actors: Sequence[Actor], avoid: str | None) -> str | None:
    """A definite description of an organisation ("accusing the civil rights body", "the group"):
    the organisation named last before it in its sentence or the one before, not the other side."""
    members = tok.pos_ == "NOUN" and (tok.lemma_.lower() == "party" and not plural_noun(tok) or (
        tok.lemma_.lower() in MEMBER_NOUNS and plural_noun(tok)))
    if not members and (tok.pos_ != "NOUN" or tok.lemma_.lower() not in BODY_NOUNS or plural_noun(tok)):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
            c.dep_ in ("poss", "compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_)
            for c in tok.children):
        return None  # "the Tea Party group", "Russia's group": named, read elsewhere
    start = tok.sent.start
    lo = doc[doc[start - 1].sent.start].idx if start > 0 else 0
    best, at = None, -1
    for a in actors:
        if a.key == avoid or not (a.type == "ORG" if not members else political_party(a)):
            continue
        for m in a.mentions:
            if lo <= m.start < tok.idx and m.start > at:
                best, at = a.key, m.start
    return best


# "the party", "the lawmakers" after a party is named: the party ("many Democrats' minds, and the
# party is calling for"; "signed by every Republican on the committee, the lawmakers slammed Schiff").
MEMBER_NOUNS = frozenset("lawmaker legislator senator congressman congressmen congresswoman member".split())


_QUOTES = frozenset('"“‘\'')


def quoted_label_owner(tok: Token) -> Token:
    """A name in quotation marks after a possessor is a label for the possessor's doing, not a
    party: its owner is ("Kerry's "possibly illegal Shadow Diplomacy"")."""
    if tok.pos_ != "PROPN":
        return tok
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is None or not any(t.text in _QUOTES for t in tok.doc[owner.i + 1 : tok.i]):
        return tok
    return owner


def family_of(tok: Token, actors: Sequence[Actor]) -> str | None:
    """A family named by its surname in the plural ("the Obamas", "the Clintons"): the one person of
    the article with that surname, when the word itself names no actor."""
    word = tok.text
    if tok.pos_ != "PROPN" or len(word) < 4 or not word.endswith("s") or not word[0].isupper():
        return None
    if any(m.start == tok.idx for a in actors for m in a.mentions if a.type != "PERSON"):
        return None
    people = {a.key for a in actors if a.type == "PERSON" and a.name.split()[-1] + "s" == word}
    return next(iter(people)) if len(people) == 1 else None


_NEAR = 3  # sentences back in which a he/she must have been named


def named_near(doc: Doc, tok: Token, actor: Actor) -> bool:
    """The person a he/she stands for was named in its sentence or the few before it."""
    start = tok.sent.start
    for _ in range(_NEAR):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    lo = doc[start].idx
    return any(lo <= m.start < tok.sent.end_char for m in actor.mentions)


def medium(doc: Doc, actor: Actor) -> bool:
    """Every mention of the actor is where one says something ("on Twitter", "via Facebook") or
    modifies a noun ("a Twitter war"): a platform, not a person."""
    heads = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in actor.mentions]
    heads = [s.root for s in heads if s is not None]
    return bool(heads) and all((t.dep_ == "pobj" and t.head.lower_ in ("on", "via")) or t.dep_ == "compound"
                               for t in heads)


def reporter(doc: Doc, actor: Actor) -> bool:
    """Every mention of the person is owned by an organisation ("CBN News' David Brody shares his
    thoughts"): an outlet's reporter, not someone the story's he/him stands for."""
    heads = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in actor.mentions]
    heads = [s.root for s in heads if s is not None]
    return bool(heads) and all(any(c.dep_ == "poss" and c.ent_type_ == "ORG" for c in t.children) for t in heads)


def person_before(doc: Doc, actors: Sequence[Actor], tok: Token) -> str | None:
    """A he/she the resolver placed on no person: the person named last before it in its sentence."""
    best, at = None, -1
    for a in actors:
        if a.type != "PERSON" or medium(doc, a) or reporter(doc, a):
            continue
        for m in a.mentions:
            if tok.sent.start_char <= m.start < tok.idx and m.start > at and m.text.lower() not in OBJECT_PRONOUNS:
                best, at = a.key, m.start
    return best


HUMAN = frozenset({"he", "she", "him", "her", "his", "hers"})


def other_person(doc: Doc, actors: Sequence[Actor], pos: int, source: str) -> str | None:
    """The person named last before ``pos`` other than the source: "Obama called Putin, urging
    him" (an object pronoun is never the clause's own subject)."""
    best, at = None, -1
    for a in actors:
        if a.key == source or a.type != "PERSON" or reporter(doc, a):
            continue
        for m in a.mentions:
            if at < m.start < pos and m.text.lower() not in OBJECT_PRONOUNS:
                best, at = a.key, m.start
    return best


OBJECT_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "his", "hers", "their"})


def own_state(doc: Doc, a: Actor, b: Actor, actors: Sequence[Actor]) -> bool:
    """One side is a person, the other the state the article ties that person to: a misread side
    ("invited Moon to North Korea" is no relation of Kim with North Korea; "defend all Americans")."""
    for person, state in ((a, b), (b, a)):
        if person.type == "PERSON" and state.type == "GPE" and any(
                gpe_key(actors, s) == state.key for s in home_states(doc, person, actors)):
            return True
    return False


def own_thing(frame: Frame) -> bool:
    """The target is a thing "its" owner holds, in the main clause whose subject (no person) is the
    source: the source's own thing, so no one else's ("the regime called its nuclear program a
    sword")."""
    tgt = frame.target
    if tgt is None or tgt.pos_ != "NOUN" or frame.source is None or tgt.lemma_.lower() in NOUNS:
        return False
    own = next((c for c in tgt.children if c.dep_ == "poss"), None)
    if frame.source.lower_ in HUMAN or frame.source.ent_type_ == "PERSON":
        return False  # "he has demonized its people": a person is no "it"
    if any(c.dep_ in ("amod", "compound") and c.ent_type_ for c in tgt.children) or tgt.lemma_.lower() in KIN:
        return False  # "asked its Kurdish allies": someone else
    return (own is not None and own.lower_ == "its" and frame.verb.dep_ == "ROOT"
            and tgt.head.i == frame.verb.i == frame.source.head.i)  # not "about Facebook banning its ads"


# Nouns for people beside someone: "its allies" are others.
KIN = frozenset("ally allies partner partners neighbor neighbors neighbour neighbours friend friends rival "
                "rivals enemy enemies adversary adversaries member members".split())


def is_place(actor: Actor) -> bool:
    """A place that is no state and stands for none (a city, a region): it can be visited, not visit."""
    return actor.type in ("GPE", "LOC", "FAC") and actor.refers_to is None and state_of(actor.name) is None


_PARTY_NAMES = frozenset("democrat democrats democratic republican republicans gop".split())


def political_party(actor: Actor) -> bool:
    """A US political party or its members as one actor ("Democrats", "Republican", "GOP")."""
    return actor.type in ("NORP", "ORG") and bool(
        {w.lower() for w in (actor.name, *actor.aliases)} & _PARTY_NAMES
        or actor.name.lower().endswith(("democratic party", "republican party")))


MEMBERS = frozenset({"republican", "democrat"})


def party_member(doc: Doc, tok: Token, actors: Sequence[Actor], avoid: str | None = None) -> str | None:
    """"the Arizona Republican", "the New York Democrat": a singular member of a party with "the"
    is a person named just before (in its sentence or the two before it), the last one named, not
    ``avoid`` nor anyone the rest of its sentence names, not a byline's."""
    if tok.lower_ not in MEMBERS or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    sents = sentence_index(doc, tok)
    later = {a.key for a in actors for m in a.mentions if tok.idx < m.start < tok.sent.end_char}
    best, at = None, -1
    for a in actors:
        if a.type != "PERSON" or a.key == avoid or a.key in later or byline(doc, a):
            continue
        for m in a.mentions:
            if at < m.start < tok.idx and sents(m.start) >= sents(tok.idx) - 2 and m.text.lower() not in _PRONOUNS:
                best, at = a.key, m.start
    return best


_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their"})
