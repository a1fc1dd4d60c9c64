"""Where a figure's source sits in the parse: who gave, asked for, reported or owns it.

``source(doc, quantity, sentence)`` tries, in order: a relative clause on the figure that gives or
asks for it ("the $5.7 billion he initially demanded"), the owner of a statement noun above it
("Trump's demand for ...", "their offer to devote $1.3 billion"), the reporting, estimating or
asking verb that governs its clause (a participle borrows its head's subject: "A grand jury
indicted the Hunters, saying ..."), the object of "according to" (the issuer of a document:
"according to an analysis from Standard & Poor's"), a verb tagging the whole sentence (not
one whose subject the figure describes: "the 47-page indictment says"), and for an item of a list
the subject of the sentence that introduces it with a colon. ``onrecord.extract.claims`` turns the
span into a claimant.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.extract import claim_plans as plans
from onrecord.extract.claim_acts import act_object, adds_it, past_tag
from onrecord.extract.claim_clauses import (
    DASHES,
    DEMAND_LEMMAS,
    as_reporting,
    asked_infinitive,
    content,
    dateline,
    describes_name,
    in_phrase,
    learned,
    measures,
    name_end,
    points_to,
    proposer,
)
from onrecord.extract.claim_issuers import apart, issuer_agent
from onrecord.extract.claim_status import (
    DENY_LEMMAS,
    DOCUMENT_NOUNS,
    ESTIMATE_LEMMAS,
    asked_about,
    circumstance,
    confirms_office,
    describes_speaker,
    in_circumstance,
    in_medium,
    not_denial_of,
    times_to,
)
from onrecord.extract.quantities import Quantity
from onrecord.nlp.pipeline import text_of

REPORT_LEMMAS = {
    "say", "tell", "state", "announce", "report", "add", "claim", "estimate", "insist", "boast",
    "allege", "suggest", "believe", "predict", "forecast", "warn", "write", "note", "confirm",
    "reckon", "calculate", "assert", "argue", "contend", "acknowledge", "admit", "deny",
    "indicate", "show", "find", "project", "explain", "stress", "declare", "tweet", "post",
    "put", "quote", "cite", "maintain", "reveal", "disclose", "brag", "assess", "count", "tally",
    "record", "publish", "release", "inform", "identify", "elaborate",
    "mention", "remind", "assure", "revise", "hammer",
}
# Verbs that tag a whole sentence ("..., Putin said") when the parse does not link the figure.
TAG_LEMMAS = {"say", "tell", "claim", "estimate", "add", "insist", "boast", "report", "write"}


@dataclass(frozen=True, slots=True)
class Source:
    """Who a figure is attributed to in the parse: the span naming them and the verb's lemma."""

    start: int
    end: int
    lemma: str
    wide_end: int = 0  # end of the subject's whole subtree ("Analysts at Goldman Sachs")
    governs: bool = False  # the verb governs the figure's clause in the parse


def source(doc: Doc, q: Quantity, sent: tuple[int, int]) -> Source | None:
    """The span of the figure's source in the parse and the lemma that gives it, or None."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    return (_relative_giver(span.root) or _statement_owner(span.root) or _governing(span.root)
            or _according_to(doc, sent, span) or _as_reporter(doc, span, sent) or _nearest_reporter(doc, span, sent)
            or plans.misread_tag(doc, span, sent) or _list_introducer(doc, span))


GIVE_LEMMAS = REPORT_LEMMAS | DEMAND_LEMMAS | {"give", "put", "cite", "quote", "publish", "provide"}


def _relative_giver(tok: Token) -> Source | None:
    """"the 280,000 that Dmitry Medvedev gave", "the $5.7 billion he initially demanded": a
    relative clause on the figure names who gave or asked for it."""
    head = tok
    while head.dep_ in ("nummod", "compound") and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "the two-thirds majority support that Pelosi predicted": the noun the figure counts
    for child in head.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in GIVE_LEMMAS:
            found = _subject_of(child)
            if found is not None and found.start < found.end and not found.start <= tok.idx < found.end:
                lemma = child.lemma_.lower()  # "the support that Pelosi predicted she had": an estimate
                return Source(found.start, found.end, lemma if lemma in ESTIMATE_LEMMAS else "say",
                              found.wide_end, True)
    return _reduced_relative(head)


def _reduced_relative(head: Token) -> Source | None:
    """"the 12 million jobs he and Romney say their program would create": a subject right after
    the counted noun whose reporting verb follows is a relative clause with no "that" (the parse
    may take the noun for another subject of the verb)."""
    if head.i + 1 >= len(head.doc):
        return None
    nxt = head.doc[head.i + 1]
    verb = nxt.head
    if nxt.dep_ != "nsubj" or nxt.pos_ not in ("PRON", "PROPN") or verb.i <= nxt.i \
            or verb.lemma_.lower() not in REPORT_LEMMAS or verb.pos_ != "VERB":
        return None
    path = next((t for t in (head, *head.ancestors) if t.head.i == verb.i and t.i != verb.i), None)
    if path is not None and path.dep_ != "nsubj":
        return None  # the noun is the verb's content, not before a relative clause
    end = nxt.idx + len(nxt)  # "he and Romney": the first named, who the sentence is about
    return Source(nxt.idx, end, "say", end, True)


# Nouns of saying whose owner puts the figure forward: "Trump's promise to end the war within 24
# hours" is Trump's figure, whoever praises the promise.
STATEMENT_NOUNS = {"promise", "pledge", "vow", "claim", "estimate", "assertion", "boast", "prediction",
                   "forecast", "threat", "offer", "proposal", "plan", "demand", "ultimatum", "request",
                   "remark", "comment"}
SIZED_NOUNS = {"plan", "proposal"}  # a figure before them is their size ("a $447 billion plan"), not a claim
OWNED = "own"  # the lemma of a source that owns the figure's statement (it beats a quote's speaker)


def _statement_owner(tok: Token) -> Source | None:
    """The possessor of a statement noun above the figure ("Trump's promise ... 24 hours", "his
    demand for $5.7 billion"), or of a noun of asking ("Trump's originally proposed figure of")."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("acl", "relcl", "xcomp"):
            # "their offer to devote $1.3 billion" parsed with the infinitive on another verb
            noun = _noun_before_infinitive(anc)
            if (who := plans.stated_by_subject(anc, STATEMENT_NOUNS - SIZED_NOUNS)) is not None:
                return Source(who.left_edge.idx, who.idx + len(who), OWNED, 0, True)  # "analysts' predictions hovering around"
            return _owner(noun) if noun is not None and noun.lemma_.lower() in STATEMENT_NOUNS else None
        if tok.head.i == anc.i and tok.i < anc.i and (anc.lemma_.lower() in SIZED_NOUNS or measures(tok)):
            return None  # "Mr. Obama's $447 billion job-creation plan", "his five-minute remarks": its size
        if anc.pos_ == "NOUN" and (anc.lemma_.lower() in STATEMENT_NOUNS or any(
                c.dep_ == "amod" and c.lemma_.lower() in DEMAND_LEMMAS for c in anc.children)):
            found = _owner(anc)
            if found is not None:
                return found
        if anc.pos_ == "NOUN" and tok.head.i != anc.i and (obj := proposer(anc)) is not None:
            return Source(obj.left_edge.idx, obj.idx + len(obj), "say", obj.right_edge.idx + len(obj.right_edge), True)
    return None


def _owner(noun: Token) -> Source | None:
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None)
    return None if owner is None else Source(owner.left_edge.idx, owner.idx + len(owner), OWNED, 0, True)


def _noun_before_infinitive(verb: Token) -> Token | None:
    """The noun just before a "to" infinitive ("offer" in "their offer to devote ...")."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i == 0 or verb.dep_ not in ("advcl", "xcomp"):
        return None
    noun = verb.doc[to.i - 1]
    return noun if noun.pos_ == "NOUN" else None


def _reporting_noun(tok: Token) -> bool:
    """A reporting verb the tagger read as a plural noun: "US intelligence estimates that ..."."""
    return (tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ == "ROOT"
            and tok.lemma_.lower() in REPORT_LEMMAS
            and any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in tok.children))


def _governing(tok: Token) -> Source | None:
    """The reporting verb whose content clause, object or 'at' phrase holds the figure, or the verb
    of asking whose object it is ("Mr. Trump demanded for 234 miles", "Democrats want 300 judges")."""
    below = tok
    for anc in tok.ancestors:
        if _reporting_noun(anc):
            if below.dep_ != "ccomp":
                return None
            subject = [c for c in anc.lefts if c.dep_ in ("compound", "amod", "nmod")]
            if not subject:
                return None
            start = subject[0].left_edge.idx
            return Source(start, subject[-1].idx + len(subject[-1]), anc.lemma_.lower(),
                           subject[-1].idx + len(subject[-1]), True)
        said = _owned_content(anc, below)
        if said is not None:
            return said
        if (anc.lemma_.lower() in REPORT_LEMMAS | DENY_LEMMAS | DEMAND_LEMMAS or points_to(anc, below)
                or plans.points_out(anc) or plans.expects(anc) or plans.presses_for(anc, below)) \
                and anc.pos_ in ("VERB", "AUX") \
                and not learned(anc) and not confirms_office(anc):
            if act_object(tok, below, anc):
                below = anc  # "authorities said ... that they had found two more": who reports the find
                continue
            if plans.plan_sized(anc, DEMAND_LEMMAS) or plans.in_aside_clause(tok, anc) or plans.timed(tok, anc):
                return None  # "The administration's proposal ... sought $18 billion": the plan's size
            if not (content(below) or asked_infinitive(anc, below, tok)) or asked_about(tok, anc) \
                    or describes_name(tok, anc) or circumstance(below, tok) \
                    or times_to(tok, anc) or in_medium(tok, anc) or in_phrase(anc, below) or (
                    anc.lemma_.lower() in DENY_LEMMAS and not_denial_of(anc, below)):
                return None  # "Democrats rejected the plan, and a Senate version failed to get 60 votes"
            found = _document_shown(anc) or _subject_of(anc)
            if found is None:
                return None
            return Source(found.start, found.end, found.lemma, found.wide_end, True)
        below = anc
    return _fronted_reporter(below) if below.i != tok.i else None


# Nouns of saying whose owner's content a copula gives: "Among Mrs. Clinton's disclosures was that ...".
SAID_NOUNS = STATEMENT_NOUNS | {"disclosure", "statement", "finding", "argument", "message", "point",
                                "answer", "testimony", "admission"}


def _owned_content(verb: Token, below: Token) -> Source | None:
    """"Among Mrs. Clinton's disclosures Friday was that she was paid $9.68 million", "His claim
    is that 500 died": a copula whose subject (or "among" phrase) is an owned noun of saying and
    whose clause holds the figure; the owner says it."""
    if verb.lemma_.lower() != "be" or below.dep_ not in ("ccomp", "attr"):
        return None
    for c in verb.children:
        noun = c if c.dep_ == "nsubj" else next(
            (o for o in c.children if o.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "among" else None
        if noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in SAID_NOUNS:
            owner = _owner(noun)
            if owner is not None:
                return Source(owner.start, owner.end, "say", owner.end, True)
    return None


def _fronted_reporter(top: Token) -> Source | None:
    """"Trustees ... warned the fund will be exhausted in 2036 and ..., seniors would then face a
    23 percent cut": a reporting verb with its own subject that opens the sentence but was parsed
    as a content clause of the later verb governing the figure; its subject reports the figure."""
    if top.dep_ != "ROOT" or top.lemma_.lower() in REPORT_LEMMAS:
        return None
    for c in top.lefts:
        if c.dep_ == "ccomp" and c.pos_ == "VERB" and c.lemma_.lower() in REPORT_LEMMAS \
                and c.lemma_.lower() not in DENY_LEMMAS and c.left_edge.i == top.sent.start \
                and any(k.dep_ == "nsubj" and k.i < c.i for k in c.children):
            return _subject_of(c)
    return None


SHOW_LEMMAS = {"show", "indicate"}  # a document's verbs: "tax returns, showing that ..."


def _document_shown(verb: Token) -> Source | None:
    """The document a participle of showing hangs on: "a list of paid speeches showing that ...",
    "released eight years of tax returns, showing that ..." (the returns, not who released them)."""
    if verb.lemma_.lower() not in SHOW_LEMMAS or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    noun = None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        noun = verb.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # "a list of paid speeches showing": the list
    elif verb.dep_ == "advcl" and verb.tag_ == "VBG":
        noun = next((c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    return None if noun is None else _noun_phrase(noun, "show")


def _noun_phrase(noun: Token, lemma: str) -> Source:
    """A noun with its left words and its "of" phrase ("eight years of tax returns")."""
    last = noun
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is not None:
        last = obj
    return Source(noun.left_edge.idx, last.idx + len(last), lemma, last.idx + len(last))


def _subject_of(verb: Token, lemma: str = "") -> Source | None:
    """The subject of ``verb``; a participle or a second verb with none of its own borrows the
    subject of the verb it hangs on ("A grand jury indicted the Hunters, saying ..."); a relative
    "which"/"who" stands for the noun it hangs on ("Vanity Fair magazine, which estimated ...")."""
    lemma = lemma or verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "nsubj" and dateline(child.left_edge):
            continue
        if child.dep_ == "nsubj" and child.lower_ in ("which", "who") and verb.dep_ == "relcl":
            noun = verb.head
            return Source(noun.left_edge.idx, noun.idx + len(noun), lemma, noun.idx + len(noun))
        if child.dep_ == "nsubj":
            right = child.right_edge
            return Source(child.left_edge.idx, name_end(child), lemma, right.idx + len(right))
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return Source(objs[0].left_edge.idx, objs[0].idx + len(objs[0]), lemma)
    if verb.head.i != verb.i and verb.head.pos_ == "VERB" and (
            verb.dep_ == "conj" or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or verb.lower_.endswith("ing")))
            or (verb.dep_ == "xcomp" and not any(c.dep_ == "dobj" for c in verb.head.children))):
        return _subject_of(verb.head, lemma)  # "The secretary tried to explain that ...": the one who tried
    if not (any(c.dep_ == "auxpass" for c in verb.children)
            or (verb.tag_ == "VBN" and verb.dep_ == "acl" and not any(c.dep_ == "prt" for c in verb.children))):
        return None  # an active verb the parse left without a subject ("counting", "found out")
    return Source(verb.idx, verb.idx, lemma)  # passive with no agent: "is said to", "estimated"


LIST_NOUNS = {"list", "tally", "record", "records", "table", "chart", "schedule"}  # named by their "of" phrase


def _according_to(doc: Doc, sent: tuple[int, int], fig: Span) -> Source | None:
    """The object of "according to" in the figure's clause (not across a semicolon: "... paid a
    total of $675,000 for them; her husband was paid $200,000 ..., according to a list")."""
    span = doc.char_span(sent[0], sent[1], alignment_mode="expand")
    for tok in span or ():
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        if apart(doc, tok, fig):
            continue
        objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        if objs:
            obj = objs[0]
            end = max([obj.i] + [c.i for c in obj.rights if c.dep_ in ("compound", "flat")])
            # "according to a press release from the U.S. Attorney's Office": who issued it
            by = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                       and c.i + 1 < len(doc) and c.right_edge.i > c.i), None)
            by = by or next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "in"
                             and obj.lemma_.lower() in plans.DATA_NOUNS and c.right_edge.i > c.i), None) \
                or issuer_agent(obj)
            if by is not None and obj.lemma_.lower() in DOCUMENT_NOUNS | plans.DATA_NOUNS:
                # "according to an analysis from Standard & Poor's": the issuer says it
                return Source(doc[by.i + 1].idx, by.right_edge.idx + len(by.right_edge), "say")
            if by is not None and by.lower_ == "of" and obj.lemma_.lower() in LIST_NOUNS:
                return _noun_phrase(obj, "say")  # "an accompanying list of his 2013 speaking fees"
            wide = by.right_edge.idx + len(by.right_edge) if by is not None else 0
            return Source(obj.left_edge.idx, doc[end].idx + len(doc[end]), "say", wide)
    return None


def _nearest_reporter(doc: Doc, q: Span, sent: tuple[int, int]) -> Source | None:
    """A verb tagging the whole sentence: the root, a parataxis, or one the parse hangs on a dash
    it read as a verb ("five federal crimes ― ... ― the Department of Justice said")."""
    span = doc.char_span(sent[0], sent[1], alignment_mode="expand")
    verbs = [t for t in span or () if t.pos_ == "VERB" and t.lemma_.lower() in TAG_LEMMAS
             and (t.dep_ in ("ROOT", "parataxis") or t.head.text in DASHES) and not _inside(t, q)
             and not adds_it(t, q.root) and not past_tag(t, q.root)
             and any(c.dep_ == "nsubj" for c in t.children) and not describes_speaker(q, t)
             and not asked_about(q.root, t) and not in_medium(q.root, t) and not in_circumstance(q.root, t)]
    if not verbs:
        return None
    verb = min(verbs, key=lambda t: abs(t.i - q.root.i))
    return _subject_of(verb)


def _as_reporter(doc: Doc, q: Span, sent: tuple[int, int]) -> Source | None:
    """"as TPM notes, his district is 35 percent Latino": the subject of an "as" clause of reporting."""
    verb = as_reporting(doc.char_span(sent[0], sent[1], alignment_mode="expand"), q, REPORT_LEMMAS - DENY_LEMMAS)
    found = _subject_of(verb) if verb is not None else None
    return found if found is not None and found.start < found.end else None


def _inside(tok: Token, q: Span) -> bool:
    return q.start <= tok.i < q.end


LIST_MARKS = ("-", "•", "*", "–", "—", "―")


def _list_introducer(doc: Doc, fig: Span) -> Source | None:
    """A figure in an item of a list ("-Here are the facts: ... served for six months") that a
    paragraph ending with a colon introduces ("a set of response points were circulated by
    Democrats ...:"): what the introducing sentence's subject names, a document in its words (the
    subject of a passive, "a set of response points") or who gives the list (an active subject)."""
    text = text_of(doc)
    start = text.rfind("\n", 0, fig.start_char) + 1
    if not text[start:fig.start_char].lstrip().startswith(LIST_MARKS):
        return None
    while start > 0:
        end = start - 1
        prev = text.rfind("\n", 0, end) + 1
        line = text[prev:end].strip()
        if not line:
            start = prev
            continue
        if line.startswith(LIST_MARKS):
            start = prev
            continue
        if not line.endswith(":"):
            return None
        at = prev + text[prev:end].rstrip().rfind(":")
        colon = doc.char_span(at, at + 1, alignment_mode="expand")
        if colon is None:
            return None
        root = colon[0].sent.root
        passive = next((c for c in root.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"), None)
        return _noun_phrase(passive, "say") if passive is not None else _subject_of(root, "say")
    return None
