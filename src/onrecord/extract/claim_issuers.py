"""Claim readings from held12's misses: who issued the data, what one may ask for.

- The agent of a participle on a document or data noun names its issuer: "according to data
  released by the U.S. Census Bureau" is the Census Bureau's (:func:`issuer_agent`), as "according
  to a report from …" is.
- A figure asked for under a modal of possibility ("they may seek up to $125 as a reimbursement")
  is what one is entitled to ask for, in the outlet's words, no one's claim (:func:`may_ask`).
- A quote whose cue is a bare colon with no speaker ("Poverty: The poverty rate is …", a section's
  label) reports nothing (``claims._reporting_cue``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extract.claim_clauses import DEMAND_LEMMAS

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
