"""Small readings of the parse for ``claim_sources``: how a clause hangs on its verb, phrases that
do not carry a report ("believed in", "pointed to", "found out"), datelines and dashes."""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.extract.claim_acts import DASHES, one_dash  # noqa: F401 (one_dash: re-exported)
from onrecord.extract.claim_plans import points_out, reports_clause
from onrecord.extract.claim_status import ESTIMATE_LEMMAS

# How the figure's clause hangs on a reporting verb: content clause, object, "at" phrase.
CONTENT_DEPS = {"ccomp", "parataxis", "dobj", "prep", "pobj", "attr", "oprd", "npadvmod", "advcl",
                "conj", "dep"}


def content(below: Token) -> bool:
    """How a content clause, object or phrase hangs on its verb; a relative clause the parse hangs
    on a verb is a content clause ("Wray elaborated at Friday's briefing that each device ...")."""
    return below.dep_ in CONTENT_DEPS or (below.dep_ == "relcl" and below.head.pos_ == "VERB")


# Words a figure measures a statement or a document by: "his five-minute remarks", "a 48-page filing".
LENGTH_WORDS = {"second", "minute", "hour", "page", "word"}


def measures(tok: Token) -> bool:
    """The figure's head word is a length of speech or text ("five-minute", "four-page")."""
    return tok.lemma_.lower() in LENGTH_WORDS


def in_phrase(verb: Token, below: Token) -> bool:
    """The figure in an "in" phrase of a verb that does not estimate: a belief in something ("she
    believed in a 60-vote threshold"), a circumstance ("said in a 48-page filing"), not its content;
    nor an "at" phrase whose object is no amount ("puts you at odds with about 100 percent of the
    party", unlike "put the cost at $8 billion")."""
    if below.dep_ == "prep" and below.lower_ == "at":
        return not any(_amount(c) for c in below.children if c.dep_ == "pobj")
    return below.dep_ == "prep" and below.lower_ == "in" and verb.lemma_.lower() not in ESTIMATE_LEMMAS


def _amount(tok: Token) -> bool:
    return tok.like_num or tok.pos_ == "NUM" or tok.text in ("$", "£", "€", "%") or any(
        k.dep_ in ("nummod", "quantmod") or k.like_num for k in tok.children)


def points_to(verb: Token, below: Token) -> bool:
    """"he pointed to the series of 5-4 decisions": citing the figure as evidence."""
    return verb.lemma_.lower() == "point" and below.dep_ == "prep" and below.lower_ == "to"


def learned(verb: Token) -> bool:
    """"found out", "learned": a verb of coming to know, not of reporting."""
    return verb.lemma_.lower() == "find" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def dateline(tok: Token) -> bool:
    """"WASHINGTON –" opening an article: a dateline the parse took for a subject."""
    doc = tok.doc
    return tok.text.isupper() and len(tok.text) > 2 and tok.i + 1 < len(doc) and doc[tok.i + 1].text in (*DASHES, "-")


# Words of asking for an amount: "the $5.7 billion he initially demanded", "his proposed figure of".
DEMAND_LEMMAS = {"demand", "request", "propose", "seek", "want", "ask", "offer", "promise", "pledge", "submit",
                 "counter"}


# Verbs of owning up whose gerund says what is owned up to: "Grimm has acknowledged receiving $250,000".
ADMIT_LEMMAS = {"acknowledge", "admit", "confess", "recall", "deny"}


def asked_infinitive(verb: Token, below: Token, tok: Token) -> bool:
    """The object of the infinitive of a verb of asking or promising is what is asked or
    promised: "Farenthold pledged to repay the $84,000" (not a phrase around it: "seek to unlock
    money ..., to the tune of $3.5 billion", "vowing to deprive Democrats of the 60 votes"); so is
    the object of the gerund of a verb of owning up ("has acknowledged receiving $250,000")."""
    lemma = verb.lemma_.lower()
    gerund = below.tag_ == "VBG" or below.lower_.endswith("ing")
    if below.dep_ != "xcomp" or not (lemma in DEMAND_LEMMAS | {"vow"} or gerund and lemma in ADMIT_LEMMAS):
        return False
    return any(c.dep_ == "dobj" and c.left_edge.i <= tok.i <= c.right_edge.i for c in below.children)


def proposer(noun: Token) -> Token | None:
    """Who a participle of asking names as the author of the noun ("Another idea ... — proposed
    by some Democrats — is raising the ceiling to households with at least $1 million")."""
    for c in noun.children:
        if c.dep_ == "acl" and c.lemma_.lower() in DEMAND_LEMMAS:
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            obj = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None:
                return obj
    return None


def describes_name(tok: Token, verb: Token) -> bool:
    """The figure describes a name in the subject of the reported clause ("The charges against Mr.
    Grimm, 44, ... were expected to include ..., two of the people said"): the outlet's words."""
    path = []
    for t in (tok, *tok.ancestors):
        if t.i == verb.i:
            break
        path.append(t)
    return tok.i < verb.i and any(t.dep_ == "appos" and t.head.pos_ == "PROPN" for t in path) \
        and any(t.dep_ in ("nsubj", "nsubjpass") for t in path)


def name_end(head: Token) -> int:
    """Where a subject's words end: its head, or the end of the name the head opens ("the bureau's
    Office of Professional Responsibility said")."""
    end = head.idx + len(head)
    if head.pos_ == "PROPN" and head.ent_type_:
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None and ent.end - 1 <= head.right_edge.i:
            end = max(end, ent.end_char)
    return end


def as_reporting(sentence: Span | None, q: Span, lemmas: set[str]) -> Token | None:
    """"..., and, as TPM notes, his district is 35 percent Latino": a reporting verb in an "as"
    clause reports the clauses of its sentence, wherever the parse hangs it (not across a semicolon),
    when it has no object or clause of its own (not "as the economy added 114,000 jobs")."""
    for t in sentence or ():
        if t.pos_ == "VERB" and t.dep_ == "advcl" and (t.lemma_.lower() in lemmas or points_out(t)) \
                and reports_clause(t) and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) \
                and not t.left_edge.i <= q.root.i <= t.right_edge.i \
                and not any(x.text == ";" for x in t.doc[min(t.i, q.start):max(t.i, q.start)]):
            return t
    return None
