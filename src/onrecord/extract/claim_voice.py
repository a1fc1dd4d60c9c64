"""Whose voice a quote or a sentence gives a figure, where the quote stage's speaker is not it.

- ``passive_report(doc, quote, sent)``: an indirect quote whose cue is a passive of forecasting or
  saying with no agent ("The Liberals are projected to win 157 seats", "It is expected to take 32
  seats", "He is said to have paid $130,000"): its subject is what the report is about, not who
  makes it, so the quote gives the figure no claimant (the projection is the outlet's or no one's);
  nor does a verdict report the figures of the charge ("A jury found Lee guilty of the three murders").
- ``tweet_author(doc, start, actors)``: a figure in an embedded post with no quote marks, a
  paragraph signed "— David Cicilline (@davidcicilline) July 12, 2019", is its author's.
- ``forecast_status(fig, status, lemma)``: the status once the forecast's reach is read from the
  parse: the object of "is expected to take ..." is an estimate; a figure of what was held before
  ("up from the 95 they held before") is not part of the sentence's projection; a reported figure
  that an active "expect" forecasts, or whose clause is hedged as likely ("would likely be $2
  trillion higher by 2029, according to an analysis by ..."), is an estimate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from onrecord.extract.actors import resolve
from onrecord.extract.claim_plans import likely
from onrecord.extract.claim_status import ESTIMATE_LEMMAS, confirms_office
from onrecord.models import Actor, Quote
from onrecord.nlp.pipeline import text_of

# Passives whose subject is the topic of the report: "is projected to", "is said to", "is believed to".
PASSIVE_REPORT_LEMMAS = ESTIMATE_LEMMAS | {
    "expect", "say", "report", "believe", "think", "allege", "rumor", "rumour", "know", "consider",
    "understand",
}


def passive_report(doc: Doc, quote: Quote, sent: tuple[int, int]) -> bool:
    """True when ``quote`` is an indirect or mixed quote whose cue is an agentless passive of
    forecasting or saying in the figure's sentence, or a verdict ("found Lee guilty of ...")."""
    if quote.kind == "direct" or not quote.cue:
        return False
    words = quote.cue.split()
    span = doc.char_span(sent[0], sent[1], alignment_mode="expand")
    for tok in span or ():
        if tok.text != words[-1] or tok.lemma_.lower() not in PASSIVE_REPORT_LEMMAS:
            continue
        kids = {c.dep_ for c in tok.children}
        if "auxpass" in kids and "agent" not in kids and "nsubj" not in kids:
            return True
    return verdict(span, words[-1])


def verdict(span: Span | None, cue: str) -> bool:
    """"A jury found Lee guilty in 1999 of the three murders": a verdict (or a confirmation in
    office), not a report of the figures of the charge."""
    return any(tok.text == cue and confirms_office(tok) for tok in span or ())


def expected_outcome(fig: Span) -> bool:
    """"It is expected to take 32 seats": the figure counts the object of the infinitive of an
    agentless passive "expected", a forecast (not "The document is expected to call for ... the 11
    million undocumented immigrants", nor "compared to the 10 it won in 2015")."""
    tok = fig.root
    head = tok.head if tok.dep_ in ("nummod", "compound", "quantmod") else tok
    verb = head.head
    if head.dep_ != "dobj" or verb.dep_ != "xcomp":
        return False
    expect = verb.head
    kids = {c.dep_ for c in expect.children}
    return expect.lemma_.lower() == "expect" and "auxpass" in kids and "agent" not in kids


def held_before(fig: Span) -> bool:
    """"They are projected to take 121, up from the 95 they held before": a figure whose noun
    carries a past relative clause with its own subject states what was, not the forecast."""
    tok = fig.root
    head = tok.head if tok.dep_ in ("nummod", "compound") else tok
    return any(c.dep_ == "relcl" and c.tag_ == "VBD" and c.lemma_.lower() not in PASSIVE_REPORT_LEMMAS
               and any(k.dep_ == "nsubj" for k in c.children) for c in head.children)


def forecast_status(fig: Span | None, status: str, lemma: str, reported: bool) -> str:
    """``status`` corrected for the reach of a forecast in the parse (``lemma``: the figure's
    reporting verb's; ``reported``: a quote or a source carries the figure)."""
    if fig is None:
        return status
    if status in ("asserted", "attributed") and expected_outcome(fig):
        return "estimate"
    if status == "attributed" and (lemma == "expect" or likely(fig)):
        return "estimate"  # "the CBO ... expects that it will reach", "would likely be ..., according to"
    if status == "estimate" and lemma not in ESTIMATE_LEMMAS and held_before(fig):
        return "attributed" if reported else "asserted"
    return status


# The signature an embedded post ends its paragraph with: "— Elizabeth Warren (@SenWarren) July 12, 2019".
SIGNATURE = re.compile(r"(?:—|–|--|-)\s*([A-Z][^()\n—–]{1,60}?)\s*\(@\w{1,30}\)"
                       r"(?:\s*[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$")


def tweet_author(doc: Doc, start: int, actors: Sequence[Actor]) -> tuple[str | None, str] | None:
    """The key and name of the author whose signature ends the paragraph of the figure at
    ``start`` (the figure before the signature), or None."""
    text = text_of(doc)
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    hi = len(text) if hi < 0 else hi
    m = SIGNATURE.search(text, lo, hi)
    if m is None or m.start() <= start:
        return None
    a, b = m.span(1)
    key = resolve(actors, doc, a, b) if actors else None
    names = {x.key: x.name for x in actors}
    return key, names.get(key) or m.group(1).strip()
