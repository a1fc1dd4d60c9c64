"""Readings of the parse where a verb near a figure sizes a plan, times an act or hedges a forecast.

- ``plan_sized(verb)``: a verb of asking whose subject is a plan, budget or request ("The
  administration's proposal for fiscal year 2019 sought $18 billion"), or that an intention
  governs ("Trump intends to request $8.6 billion"): the figure sizes the plan, so it is the
  outlet's, as "Mr. Obama's $447 billion job-creation plan" is.
- ``timed(fig, verb)``: the figure is a span of time in a phrase on the verb itself ("Trump agreed
  after 35 days to reopen the government"): when the act happened, not what it says.
- ``in_aside_clause(path)``: the figure sits in a relative clause set off by a comma below the
  verb ("promises to tame the national debt, which recently surpassed $22 trillion"): the
  clause describes its noun in the outlet's words, not what the verb reports.
- ``reports_clause(verb)``: a verb in an "as" clause reports the rest of its sentence only when it
  has no object or clause of its own ("as TPM notes, ..." but not "fell to 7.8 percent as the
  economy added 114,000 jobs"); ``points_out(verb)``: "point out" is a verb of saying;
  ``presses_for(verb, below)``: "press" or "push" asks for what its "for" phrase holds ("continued
  to press lawmakers for $5.7 billion"; not "was pushed down to 7.8 percent").
- ``stated_by_subject(verb, nouns)``: a statement noun that is the subject of the figure's verb
  names its owner as the claimant ("most analysts' predictions hovering around 115,000").
- ``sizes_plan(doc, start, end)``: the figure is in the infinitive of a plan or proposal ("his
  plan to send 30,000 more troops"): the plan's size, no one's claim.
- ``holds_opinion(doc, start, end, cue, lemmas)``: the figure is the subject of the quote's cue
  verb of thinking or saying ("Seven percent think it's working well"): it counts who holds the
  view, so that quote reports no figure.
- ``misread_tag(doc, fig, sent)``: a tag between commas whose reporting verb the tagger read as a
  plural noun ("Instead, the paper reports, Clinton's advisers selected ...") reports its sentence.
- ``likely(fig, stop)``: the figure's clause is hedged as likely ("would likely be $2 trillion
  higher", "is likely to add about $10 trillion"): a reported forecast is an estimate.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Nouns that name a plan whose size a figure gives when it is the subject of a verb of asking.
PLAN_NOUNS = {"plan", "proposal", "budget", "request", "blueprint", "bill"}
# Verbs of intending: the verb of asking under them is a plan ("intends to request $8.6 billion").
INTEND_LEMMAS = {"intend", "plan", "aim"}
# The prepositions and nouns of a phrase of time on a verb ("after 35 days", "for three months").
TIME_PREPS = {"after", "for", "within", "over", "during", "before", "since", "in"}
TIME_NOUNS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
LIKELY_WORDS = {"likely", "unlikely"}


def plan_sized(verb: Token, demand: set[str]) -> bool:
    """``verb``, a verb of asking (``demand``), sizes a plan: its subject is a plan noun, or it is
    the infinitive of a verb of intending."""
    if verb.lemma_.lower() not in demand:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in PLAN_NOUNS:
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTEND_LEMMAS


def timed(tok: Token, verb: Token) -> bool:
    """The figure ``tok`` counts the time of a phrase of time that hangs on ``verb`` itself."""
    below = next((t for t in (tok, *tok.ancestors) if t.head.i == verb.i and t.i != verb.i), None)
    if below is None or below.dep_ != "prep" or below.lower_ not in TIME_PREPS:
        return False
    obj = next((c for c in below.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.lemma_.lower() in TIME_NOUNS and (obj.i == tok.i or tok.head.i == obj.i)


def in_aside_clause(tok: Token, verb: Token) -> bool:
    """Between the figure ``tok`` and ``verb`` (an ancestor of it) lies a relative clause set off
    by a comma (", which recently surpassed $22 trillion")."""
    for t in (tok, *tok.ancestors):
        if t.i == verb.i:
            return False
        if t.dep_ == "relcl" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ",":
            return True
    return False


def reports_clause(verb: Token) -> bool:
    """A verb of an "as" clause that has no object or clause of its own reports its sentence."""
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in verb.children)


def points_out(verb: Token) -> bool:
    """"As Edwards points out, ...", "she pointed out that ...": "point out" says something."""
    return verb.lemma_.lower() == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def likely(fig: Span, stop: Token | None = None) -> bool:
    """A word of likelihood on the figure's clause, up to ``stop`` (its reporting verb): "the
    national debt would likely be $2 trillion higher", "the budget is likely to add $10 trillion"."""
    for t in fig.root.ancestors:
        if stop is not None and t.i == stop.i:
            return False
        if t.pos_ in ("VERB", "AUX") and any(c.lower_ in LIKELY_WORDS and c.dep_ in ("advmod", "acomp")
                                             for c in t.children):
            return True
    return False


def expects(verb: Token) -> bool:
    """An active "expect" with a subject: "the CBO ... expects that it will reach $1.3 trillion"
    forecasts its clause (a passive "is expected to" is read by ``claim_voice``)."""
    kids = {c.dep_ for c in verb.children}
    return verb.lemma_.lower() == "expect" and verb.pos_ == "VERB" and "nsubj" in kids and "auxpass" not in kids


def timed_cue(doc: Doc, cue: str | None, start: int, end: int, sent: tuple[int, int]) -> bool:
    """The figure at ``start``-``end`` is a span of time in a phrase on the quote's cue verb
    (``cue``'s last word) itself (``timed``)."""
    last = (cue or "").split()[-1:]
    fig = doc.char_span(start, end, alignment_mode="expand") if last and doc.has_annotation("DEP") else None
    span = doc.char_span(sent[0], sent[1], alignment_mode="expand") if fig is not None else None
    return any(t.text == last[0] and t.pos_ == "VERB" and timed(fig.root, t) for t in span or ())


def stated_by_subject(verb: Token, nouns: set[str]) -> Token | None:
    """The owner of a statement noun (``nouns``) that is the subject of the figure's verb: "with
    most analysts' predictions hovering around 115,000" (a common noun owns it too)."""
    if verb.lemma_.lower() == "be":
        return None  # a copula's subject is read by ``claim_sources._owned_content``
    noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if noun is None or noun.lemma_.lower() not in nouns:
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)


PRESS_LEMMAS = {"press", "push", "lobby"}


def presses_for(verb: Token, below: Token) -> bool:
    """A verb of pressing whose "for" phrase (``below``) holds the figure asks for it."""
    return verb.lemma_.lower() in PRESS_LEMMAS and below.dep_ == "prep" and below.lower_ == "for"


# Nouns of data named by where they come from: "according to seasonally adjusted figures in the
# household survey" (the survey), "according to data from the bureau" (the bureau).
DATA_NOUNS = {"figure", "data", "datum", "number", "statistic"}  # "datum": the lemma the tables give "data"
SIZED_INFINITIVE = {"plan", "proposal"}  # "his plan to send 30,000 more troops": the plan's size


def sizes_plan(doc: Doc, start: int, end: int) -> bool:
    """The figure at ``start``-``end`` counts what a plan or proposal would do, in its infinitive ("announced
    his plan to send 30,000 more troops", "softening his plans to deport 11 million"): the plan's
    size in the outlet's words, no one's claim (as "Mr. Obama's $447 billion job-creation plan")."""
    fig = doc.char_span(start, end, alignment_mode="expand") if doc.has_annotation("DEP") else None
    for t in (fig.root, *fig.root.ancestors) if fig is not None else ():
        if t.dep_ == "acl" and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in SIZED_INFINITIVE \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return True
    return False


def holds_opinion(doc: Doc, start: int, end: int, cue: str | None, lemmas: set[str]) -> bool:
    """The figure at ``start``-``end`` is the subject of a verb of saying or thinking (``lemmas``)
    named by the quote's cue: "Seven percent think it's working well" counts who thinks it, no one
    reports it."""
    fig = doc.char_span(start, end, alignment_mode="expand") if cue and doc.has_annotation("DEP") else None
    if fig is None:
        return False
    head = fig.root.head if fig.root.dep_ in ("nummod", "quantmod", "compound") else fig.root
    verb = head.head
    return head.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in lemmas \
        and verb.text == cue.split()[-1]



# Reporting verbs the tagger may read as a plural noun in a tag set off by commas.
TAG_NOUN_LEMMAS = {"report", "say", "note", "write", "claim", "estimate"}


def misread_tag(doc: Doc, fig: Span, sent: tuple[int, int]):
    """"Instead, the paper reports, Clinton's advisers selected ... tens of thousands of pages": a
    tag between commas whose verb the tagger read as a plural noun hung on the sentence's root;
    its subject words ("the paper") report the sentence (a ``claim_sources.Source``)."""
    from onrecord.extract.claim_sources import Source

    span = doc.char_span(sent[0], sent[1], alignment_mode="expand")
    for t in span or ():
        if t.tag_ != "NNS" or t.lemma_.lower() not in TAG_NOUN_LEMMAS or t.dep_ not in ("dep", "parataxis", "npadvmod") \
                or t.head.dep_ != "ROOT" or fig.start <= t.i < fig.end or t.i + 1 >= len(doc) or doc[t.i + 1].text != ",":
            continue
        words = [c for c in t.lefts if c.dep_ in ("det", "compound", "amod", "poss")]
        first = words[0].i if words else t.i
        if words and (first == span.start or doc[first - 1].text == ","):
            last = words[-1]
            return Source(doc[first].idx, last.idx + len(last), "say", last.idx + len(last))
    return None
