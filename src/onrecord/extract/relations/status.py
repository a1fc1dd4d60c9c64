"""A relation's status and claimant: reported, alleged, planned or denied, and by whom.

* denied: the clause is negated ("did not supply") or governed by a denial verb ("Moscow denied
  supplying"; the denier is the claimant);
* alleged: the cue sits inside a quote (the quote extractor's speaker is the claimant), under a
  reporting verb ("US officials said North Korea supplied ..."), after "according to", or with a
  hedge ("allegedly", "without evidence");
* planned: a future or modal auxiliary, or a planning verb above the cue ("plans to visit");
* reported: none of these, the outlet states it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.extract.relations.cues import (
    DENIAL,
    HABITUAL,
    HEDGES,
    NOT_DONE,
    PLANNING,
    PLANNING_AUX,
    PROSPECTS,
    REPORTING,
)
from onrecord.extract.relations.parse import subject
from onrecord.models import Quote

# Verbs whose object event did not (yet) take place: "delayed aid", "postponed the trip".
WITHHELD = frozenset("delay withhold suspend freeze halt cancel postpone scrap".split())


@dataclass(frozen=True, slots=True)
class Reading:
    status: str
    claimant: Token | None = None  # the token naming who claims or denies it
    quote: Quote | None = None  # the quote the cue lies in, whose speaker claims it


def read_status(verb: Token, quotes: Sequence[Quote], light: bool = True, cue: Token | None = None) -> Reading:
    """Status of the relation whose clause verb is ``verb`` (``light``: that verb carries the event,
    so its negation negates the relation; not so for "the trip did not go well"). A clause with an
    adverb of frequency tells a habit, not an event: status ``habitual``."""
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children):
        return Reading("habitual")
    if verb.sent.text.rstrip(" \"'”’").endswith("?"):
        return Reading("habitual")  # a question asserts nothing
    mark = _mark(verb)
    marked = verb if any(c.dep_ == "mark" for c in verb.children) else verb.head
    if mark == "whether" or (mark == "if" and (marked.dep_ == "ccomp" or marked.head.lemma_.lower() in _ASKING)):
        return Reading("habitual")  # "hard to know whether they met", "asked if X was preparing to talk"
    if light and any(c.dep_ == "neg" for c in verb.children):
        return Reading("denied")
    if light and verb.dep_ == "pcomp" and verb.head.lower_ == "without":  # "without consulting the White House"
        return Reading("denied")
    if verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in NOT_DONE:  # "avoided criticizing Putin"
        return Reading("denied")
    if cue is not None and cue.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in cue.children):
        return Reading("denied")  # "there was no second meeting"
    if cue is not None and cue.pos_ == "NOUN" and cue.dep_ == "dobj" and cue.head.lemma_.lower() in WITHHELD:
        return Reading("denied")  # "Congress had delayed aid to Libya", "postponed a planned trip"
    governor, claimant = _governor(verb)
    if governor is not None and governor.lemma_.lower() in DENIAL:
        return Reading("denied", claimant)
    quote = next((q for q in quotes if _inside(q, verb.idx) and q.speaker_key and _telling(q)), None)
    if quote is not None:
        return Reading("alleged", None, quote)
    if governor is not None:
        return Reading("alleged", claimant)
    according = _according_to(verb)
    if according is not None or _hedged(verb):
        return Reading("alleged", according)
    if _planned(verb):
        return Reading("planned")
    return Reading("reported")


def _inside(quote: Quote, at: int) -> bool:
    """``at`` lies in the quote's words: in one of its fragments when it has several (the words
    between them, "Sen. Jim DeMint ... said", are the outlet's)."""
    if quote.fragments:
        return any(f.start <= at < f.end for f in quote.fragments)
    return quote.start <= at < quote.end


_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "thought": "think",
              "found": "find", "showed": "show", "shown": "show"}


def _telling(quote: Quote) -> bool:
    """A quote that tells a claim: words in quotation marks, or words under a reporting verb (not
    "Iran rejected the offer" or a stance the quote reader also lists)."""
    if quote.act not in ("speech", "writing"):
        return False
    if quote.kind != "indirect" or not quote.cue:
        return True
    word = quote.cue.lower().split()[0]
    forms = {word, _IRREGULAR.get(word, word), word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
    return bool(forms & REPORTING)


def _governor(verb: Token) -> tuple[Token | None, Token | None]:
    """The reporting or denial verb the clause hangs from as its complement ("said North Korea
    supplied", "denied supplying", "..., the White House said"), and that verb's subject. The
    clause climbs through nouns and modifiers ("signed an order imposing sanctions, the White
    House said") but not into a verb it only modifies ("landed in Mexico, he found himself")."""
    tok = verb
    for _ in range(6):
        if tok.dep_ == "ROOT" or tok.head is tok:
            break
        edge, tok = tok.dep_, tok.head
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and ((lemma in REPORTING and edge in _COMPLEMENTS)
                                             or (lemma in DENIAL and edge in _COMPLEMENTS | {"dobj", "advcl"})):
            return tok, subject(tok)[0]  # a denial's object is the claim: "dismissed warnings that"
        if tok.pos_ == "NOUN" and lemma in REPORTING and tok.dep_ == "ROOT":  # "US intelligence estimates that"
            return tok, tok
    return None, None


_COMPLEMENTS = frozenset({"ccomp", "xcomp", "parataxis"})


def _according_to(verb: Token) -> Token | None:
    for tok in verb.sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            return next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
    return None


def _hedged(verb: Token) -> bool:
    """A hedge on the clause or a clause above it ("allegedly supplied"), or "without evidence"."""
    chain = {verb.i} | {t.i for t in verb.ancestors}
    if any(t.lower_ in HEDGES and t.head.i in chain for t in verb.sent):
        return True
    text = verb.sent.text.lower()
    return "without evidence" in text or "without providing evidence" in text


_ASKING = frozenset({"ask", "wonder", "know", "question"})


def _mark(verb: Token) -> str | None:
    """The subordinating word of the clause the verb heads, or of the clause above it."""
    for tok in (verb, verb.head):
        mark = next((c.lower_ for c in tok.children if c.dep_ == "mark"), None)
        if mark is not None:
            return mark
    return None


def _planned(verb: Token) -> bool:
    if verb.dep_ == "prep" and verb.head.lemma_.lower() in PROSPECTS:  # "the prospect of sanctions"
        return True
    clauses = [c for tok in (verb, verb.head) for c in tok.children if c.dep_ == "advcl"]
    if any(_mark(c) in ("if", "unless") for c in clauses):
        return True  # a conditional: "sanctions ... if talks fail"
    if any(c.dep_ == "aux" and c.lower_ in PLANNING_AUX for c in verb.children):
        return True
    if verb.dep_ in ("xcomp", "advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return not _first_to(verb)  # "willing to meet", "heading to Mexico to meet": a purpose or an intent
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in PLANNING:
        return True
    return verb.dep_ == "xcomp" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in PLANNING_AUX
                                        for c in head.children)


_FIRST = frozenset({"first", "last", "only"})


def _first_to(verb: Token) -> bool:
    """"became the first sitting president to step foot inside North Korea": done, no intent."""
    nouns = [verb.head] if verb.dep_ == "acl" else [c for c in verb.head.children if c.dep_ == "attr"]
    return any(c.lower_ in _FIRST for n in nouns for c in n.children if c.dep_ == "amod")
