"""Small readings of the parse for ``claim_sources``: how a clause hangs on its verb, phrases that
do not carry a report ("believed in", "pointed to", "found out"), datelines and dashes."""

from __future__ import annotations

import re

from spacy.tokens import Token

from onrecord.extract.claim_status import ESTIMATE_LEMMAS

# How the figure's clause hangs on a reporting verb: content clause, object, "at" phrase.
CONTENT_DEPS = {"ccomp", "parataxis", "dobj", "prep", "pobj", "attr", "oprd", "npadvmod", "advcl",
                "conj", "dep"}


def content(below: Token) -> bool:
    """How a content clause, object or phrase hangs on its verb; a relative clause the parse hangs
    on a verb is a content clause ("Wray elaborated at Friday's briefing that each device ...")."""
    return below.dep_ in CONTENT_DEPS or (below.dep_ == "relcl" and below.head.pos_ == "VERB")


def in_phrase(verb: Token, below: Token) -> bool:
    """The figure in an "in" phrase of a verb that does not estimate: a belief in something ("she
    believed in a 60-vote threshold"), a circumstance ("said in a 48-page filing"), not its content."""
    return below.dep_ == "prep" and below.lower_ == "in" and verb.lemma_.lower() not in ESTIMATE_LEMMAS


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


DASHES = ("—", "–", "―", "--")  # em dash, en dash, horizontal bar (U+2015), double hyphen
_DASH = re.compile(r"—|–|―|--| - ")


def one_dash(text: str) -> bool:
    """A single dash in ``text``: the clause after it is another ("... at least eight Democrats
    to break a filibuster — a threshold he is not on track to meet, according to interviews");
    a pair of dashes is an aside."""
    return len(_DASH.findall(text)) % 2 == 1
