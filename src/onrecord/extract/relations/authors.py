"""Who a relation's side is when the parse gives a thing or a group: the author of a writing
("the lawsuit, which was brought by Nebraska's attorney general, accused"), the state of office
holders "in" it ("attorneys general in Nebraska"), the body a speaker's "we" is."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from onrecord.extract.actors.roles import is_role_head
from onrecord.extract.relations.cues import VERBS
from onrecord.models import Actor, Quote

POLITICIANS = frozenset("lawmaker legislator politician candidate official leader".split())


# What someone writes or files, which acts for its author: "the letter urged", "the lawsuit accused".
WRITINGS = frozenset("lawsuit suit letter tweet statement complaint petition filing memo brief motion".split())
_FILED = frozenset("bring file sign write send issue release post".split())


def posted_in(tok: Token) -> Token | None:
    """The state named in "in X" after office holders no name or owner says who they are ("attorneys
    general in Nebraska", "officials in Beijing")."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or not (is_role_head(tok.lemma_.lower()) or tok.lemma_.lower() in POLITICIANS):
        return None
    if any(c.dep_ in ("poss", "compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_) for c in tok.children):
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    if prep is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].dep_ == "amod":  # "attorneys general in"
        prep = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "prep" and c.lower_ == "in"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return pobj if pobj is not None and pobj.ent_type_ == "GPE" else None


def author(tok: Token) -> Token | None:
    """The author of a writing that is a relation's side: its owner is read as any noun's; here
    the by-phrase of the verb that brought, filed or wrote it ("the lawsuit, which was brought by
    Nebraska's attorney general"), its "from" phrase ("the lawsuit from Nebraska"), or the doer of
    the verb it was said in ("Trump called on Schiff in a tweet that accused the chairman")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in WRITINGS or any(c.dep_ == "poss" for c in tok.children):
        return None
    for child in tok.children:
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in _FILED:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return pobj
        if child.dep_ == "prep" and child.lower_ == "from":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head
        while verb.dep_ in ("xcomp", "conj", "advcl") and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "called on Schiff to resign Thursday in a tweet that": the caller
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def speakers_body(tok: Token, actors: Sequence[Actor], by_key: dict[str, Actor], quotes: Sequence[Quote]
                   ) -> str | None:
    """"We", "us", "our" in a quote: the organisation the speaker's role names ("'we have avoided
    calling them out,' Mr. Jealous said", the president of the N.A.A.C.P.: the N.A.A.C.P.), else
    no side."""
    quote = next((q for q in quotes if q.start <= tok.idx < q.end and q.speaker_key in by_key), None)
    if quote is None:
        return None
    roles = [r.text for r in by_key[quote.speaker_key].roles]
    bodies = {a.key for a in actors if a.type == "ORG" and a.name and any(_heads(a.name, r) for r in roles)}
    if len(bodies) == 1:
        return next(iter(bodies))
    if tok.lower_ == "we" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in VERBS \
            and by_key[quote.speaker_key].type == "PERSON":
        return quote.speaker_key  # "'We're asking the president to open the government,' she said": the speaker
    return None


def _heads(body: str, role: str) -> bool:
    """The role is in the body ("president of the N.A.A.C.P."), not posted to it ("deputy
    ambassador to the United Nations")."""
    at = role.find(body)
    before = role[:at].split()[-2:] if at >= 0 else []
    return at >= 0 and not {w.lower() for w in before} & {"to", "at", "with", "for", "from"}
