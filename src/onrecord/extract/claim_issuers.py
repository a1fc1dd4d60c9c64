"""Claim readings from held12's misses: who issued the data, what one may ask for.

- The agent of a participle on a document or data noun names its issuer: "according to data
  released by the U.S. Census Bureau" is the Census Bureau's (:func:`issuer_agent`), as "according
  to a report from …" is.
- A figure asked for under a modal of possibility ("they may seek up to $125 as a reimbursement")
  is what one is entitled to ask for, in the outlet's words, no one's claim (:func:`may_ask`).
- A quote whose cue is a bare colon with no speaker ("Poverty: The poverty rate is …", a section's
  label) reports nothing (``claims._reporting_cue``).
- An "according to" in a clause of circumstance that ends before the figure does not report it
  (:func:`apart`); one that closes the sentence still does.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.extract.claim_clauses import DEMAND_LEMMAS, one_dash
from onrecord.nlp.pipeline import text_of

POSSIBLE = {"may", "can", "could", "might"}


def issuer_agent(obj: Token) -> Token | None:
    """The "by" of a participle on ``obj`` ("data released by the U.S. Census Bureau"), or None."""
    for part in obj.rights:
        if part.dep_ == "acl" and part.pos_ == "VERB":
            by = next((c for c in part.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")),
                      None)
            if by is not None and by.right_edge.i > by.i:
                return by
    return None


def may_ask(doc: Doc, start: int, end: int) -> bool:
    """The figure at ``start``-``end`` is the object of a verb of asking under may, can, could or
    might ("they may seek up to $125")."""
    fig = doc.char_span(start, end, alignment_mode="expand") if doc.has_annotation("DEP") else None
    for t in (fig.root, *fig.root.ancestors) if fig is not None else ():
        if t.pos_ == "VERB":
            return t.lemma_.lower() in DEMAND_LEMMAS and any(
                c.dep_ == "aux" and c.lower_ in POSSIBLE for c in t.children)
    return False


CLAUSES = ("pcomp", "advcl")  # "after seeing incomes … stagnate … according to the census's measure"


def apart(doc: Doc, according: Token, fig: Span) -> bool:
    """The figure is cut off from the "according to" at ``according``: by a semicolon or a single
    dash between them, or by a clause of circumstance before the figure that holds the "according
    to" ("after seeing incomes decline … according to the census's measure, the typical
    household saw income grow … 5.2 percent")."""
    lo, hi = sorted((according.i, fig.start))
    if any(t.text == ";" for t in doc[lo:hi]) or one_dash(text_of(doc)[doc[lo].idx:doc[hi].idx]):
        return True
    for t in (according.head, *according.head.ancestors):
        if t.dep_ in CLAUSES:
            return t.right_edge.i < fig.start  # a fronted clause; a closing "according to" tags it all
    return False


def according_apart(doc: Doc, start: int, end: int, sent: tuple[int, int]) -> bool:
    """``apart`` for the sentence's first "according to" (without a parse: the semicolon or dash)."""
    text = text_of(doc)[sent[0]:sent[1]]
    at = text.lower().find("according to")
    fig = doc.char_span(start, end, alignment_mode="expand") if doc.has_annotation("DEP") else None
    tok = doc.char_span(sent[0] + at, sent[0] + at + 9, alignment_mode="expand") if at >= 0 else None
    if fig is not None and tok is not None and len(tok):
        return apart(doc, tok[0], fig)
    lo, hi = sorted((at, start - sent[0]))
    return at >= 0 and (";" in text[lo:hi] or one_dash(text[lo:hi]))
