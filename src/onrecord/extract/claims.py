"""Numeric claims: each quantity with who puts it forward (claimant) and how the text holds it (status).

Claimant, in order: the owner of a statement noun above the figure ("Trump's demand for ..."); who
gave or asked for it in a relative clause on it ("the $5.7 billion he demanded"); the speaker of a
quote that contains the figure; the subject of a reporting, estimating or asking verb that governs
the figure's clause ("US officials estimated that ..."; not a verb of doing whose object the figure
counts: "released 250,000 emails"); the object of "according to"; the subject of a reporting verb
elsewhere in the sentence. The span is resolved to an actor with
``onrecord.extract.actors.resolve``; when no actor stands for it, its words are the claimant's name
("senior administration official") with no key; a pronoun or no source gives None.

Status from the text's own cues, strongest first: ``disputed`` (denied, rejected, disputed),
``unverified`` (claimed, without offering evidence, could not be verified, is said to,
reportedly), ``estimate`` (estimated, estimates), ``attributed`` (said, told, according to, a
quote), else ``asserted`` (the outlet states it). Verification and denial cues are also read from
the next sentence ("The claim could not be independently verified."): ``claim_status``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.extract.actors import resolve
from onrecord.extract.asides import aside
from onrecord.extract.claim_status import DENY_LEMMAS, status_of
from onrecord.extract.quantities import Quantity, extract_quantities
from onrecord.extract.quotes.cues import BELIEF, SPEECH
from onrecord.extract.quotes.sources import GROUP_HEADS
from onrecord.models import Actor, Claim, Quote
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)

REPORT_LEMMAS = {
    "say", "tell", "state", "announce", "report", "add", "claim", "estimate", "insist", "boast",
    "allege", "suggest", "believe", "predict", "forecast", "warn", "write", "note", "confirm",
    "reckon", "calculate", "assert", "argue", "contend", "acknowledge", "admit", "deny",
    "indicate", "show", "find", "project", "explain", "stress", "declare", "tweet", "post",
    "put", "quote", "cite", "maintain", "reveal", "disclose", "brag", "assess", "count", "tally",
    "record", "publish", "release", "inform",
}
# How the figure's clause hangs on a reporting verb: content clause, object, "at" phrase.
CONTENT_DEPS = {"ccomp", "parataxis", "dobj", "prep", "pobj", "attr", "oprd", "npadvmod", "advcl",
                "conj", "dep"}
# Verbs that tag a whole sentence ("..., Putin said") when the parse does not link the figure.
TAG_LEMMAS = {"say", "tell", "claim", "estimate", "add", "insist", "boast", "report", "write"}
TITLE_NOUNS = {
    "president", "leader", "minister", "spokesman", "spokeswoman", "spokesperson", "chancellor",
    "premier", "king", "queen", "secretary", "general", "commander", "chief", "head", "director",
    "ambassador", "envoy", "aide", "adviser", "advisor", "governor", "mayor", "senator", "prime",
    "chairman", "chairwoman", "chair", "founder", "executive", "ceo", "pope", "patriarch",
}
# The cues of an indirect quote that report a figure (not the learned attitude cues: "expressed
# concerns about", "would seek to", "appears ready to").
SAYING = SPEECH | BELIEF | REPORT_LEMMAS
# Verbs whose object a figure counts as something done, not reported: "Bush, who released 250,000
# emails", "lawyers, who found roughly 900 pages" (a percentage found is still a finding).
ACT_LEMMAS = {"release", "publish", "post", "find", "produce", "turn"}
# Words of asking for an amount: "the $5.7 billion he initially demanded", "his proposed figure of".
DEMAND_LEMMAS = {"demand", "request", "propose", "seek", "want", "ask", "offer", "promise", "pledge", "submit"}
# Leading words a descriptive claimant drops ("a senior administration official").
ARTICLES = {"a", "an", "the", "some"}
@dataclass(frozen=True, slots=True)
class _Source:
    """Who a figure is attributed to in the parse: the span naming them and the verb's lemma."""

    start: int
    end: int
    lemma: str
    wide_end: int = 0  # end of the subject's whole subtree ("Analysts at Goldman Sachs")
    governs: bool = False  # the verb governs the figure's clause in the parse


def extract_claims(doc: Doc, actors: Sequence[Actor] = (), quotes: Sequence[Quote] = ()
                   ) -> tuple[Claim, ...]:
    """One Claim per quantity in ``doc`` (offsets into ``doc.text``)."""
    sentences = _sentences(doc)
    claims = []
    for q in extract_quantities(text_of(doc), doc if _parsed(doc) else None):
        n = _sentence_index(sentences, q.start)
        s_start, s_end = sentences[n]
        nxt = text_of(doc)[sentences[n + 1][0]:sentences[n + 1][1]] if n + 1 < len(sentences) else ""
        claims.append(_claim(doc, q, (s_start, s_end), nxt, actors, quotes))
    return tuple(claims)


def _claim(doc: Doc, q: Quantity, sent: tuple[int, int], next_text: str,
           actors: Sequence[Actor], quotes: Sequence[Quote]) -> Claim:
    quote = next((x for x in quotes if x.start <= q.start and q.end <= x.end), None)
    if quote is not None and quote.kind != "direct" and _in_aside(doc, q.start, q.end):
        quote = None  # "... warned X not to sell arms to Y, who spoke 150km away": not the warner's
    if quote is not None and quote.kind == "indirect" and not _reporting_cue(doc, quote, sent):
        quote = None  # a learned attribution of an attitude ("Hamas holds ..."), not a report
    source = _source(doc, q, sent)
    key, name = _claimant(doc, quote, source, actors)
    before = text_of(doc)[sent[0]:q.end]
    status = status_of(text_of(doc)[sent[0]:sent[1]], before, next_text, source.lemma if source else "",
                       quote is not None or source is not None)
    why = aside(q, before[:q.start - sent[0]], text_of(doc)[q.end:sent[1]])
    return Claim(q.start, q.end, q.text, sent[0], sent[1], q.value, q.low, q.high, q.change,
                 q.unit, q.counted, key, name, status, why)


def _reporting_cue(doc: Doc, quote: Quote, sent: tuple[int, int]) -> bool:
    """True when the quote's cue is a verb of saying or thinking, or "according to" (a learned
    attitude cue, "expressed concerns about", "would seek to", is not a report of the figure)."""
    if not quote.cue:
        return False
    last = quote.cue.split()[-1]
    if last.lower() in ("to", ":"):
        return True
    span = doc.char_span(sent[0], sent[1], alignment_mode="expand")
    tokens = span if span is not None else doc
    return any(t.text == last and t.lemma_.lower() in SAYING for t in tokens)


def _in_aside(doc: Doc, start: int, end: int) -> bool:
    """True when the figure sits in a non-restrictive relative clause (", who ...", ", which ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in (span.root, *span.root.ancestors):
        if tok.dep_ == "relcl" and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ",":
            return True
    return False


# --- claimant ------------------------------------------------------------------------------


def _claimant(doc: Doc, quote: Quote | None, source: _Source | None,
              actors: Sequence[Actor]) -> tuple[str | None, str | None]:
    if source is not None and source.lemma in DENY_LEMMAS:
        return None, None  # the one who denies a figure is not its claimant
    own = source is not None and source.governs and source.start < source.end
    if source is not None and source.lemma == OWNED:
        quote = None  # the owner of the promise or claim, not whoever reports on it
    if quote is not None and quote.speaker_key is not None and not (quote.kind == "indirect" and own):
        return quote.speaker_key, quote.speaker_name
    if source is None:
        return None, None
    key = _resolve(actors, doc, source.start, source.end, source.wide_end) if actors else None
    if key is None:
        return None, _described(doc, source)
    names = {a.key: a.name for a in actors}
    return key, _body_of(doc, source) or names.get(key)


def _body_of(doc: Doc, source: _Source) -> str | None:
    """The words of a body or group that speaks for the actor it resolves to ("US intelligence",
    "Russian officials", "the defence ministry"): its common head noun names who said it, the
    actor whose it is stays the key."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.pos_ != "NOUN" or span.root.lower_ not in GROUP_HEADS:
        return None
    return _described(doc, source)


def _described(doc: Doc, source: _Source) -> str | None:
    """The words of a source no actor stands for ("a senior administration official",
    "prosecutors", "the congressman's lawyers"), without a leading article; None for a pronoun,
    a relative word or no words at all."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.pos_ not in ("NOUN", "PROPN"):
        return None
    words = [t for t in span if not t.is_punct]
    while words and words[0].lower_ in ARTICLES:
        words.pop(0)
    if not words or all(t.pos_ == "PRON" for t in words):
        return None
    return text_of(doc)[words[0].idx:words[-1].idx + len(words[-1])]


def _resolve(actors: Sequence[Actor], doc: Doc, start: int, end: int, wide_end: int = 0
             ) -> str | None:
    head = doc.char_span(start, end, alignment_mode="expand")
    if head is not None and _group_noun(head.root):
        # "US officials", "Analysts at Goldman Sachs": the organisation or country they speak for
        return _named_part(actors, doc, start, max(end, wide_end), resolve) \
            or resolve(actors, doc, start, end)
    return resolve(actors, doc, start, end) \
        or _named_part(actors, doc, start, max(end, wide_end), resolve)


def _group_noun(tok: Token) -> bool:
    """A common-noun subject that speaks for a group (not a title naming one person)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() in TITLE_NOUNS:
        return False
    if tok.tag_ == "NNS":
        return True
    # "the Russian autocrat", "Russia's leader" describe one person; "US intelligence" a body
    return not any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in tok.children)


def _named_part(actors: Sequence[Actor], doc: Doc, start: int, end: int,
                resolve: Callable[..., str | None]) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    for tok in reversed(list(span) if span is not None else []):
        if tok.pos_ == "PROPN" or tok.ent_type_:
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            s, e = (ent.start_char, ent.end_char) if ent is not None else (tok.idx, tok.idx + len(tok))
            key = resolve(actors, doc, s, e)
            if key is not None:
                return key
    return None


def _source(doc: Doc, q: Quantity, sent: tuple[int, int]) -> _Source | None:
    if not _parsed(doc):
        return None
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    return (_relative_giver(span.root) or _statement_owner(span.root) or _governing(span.root)
            or _according_to(doc, sent) or _nearest_reporter(doc, span, sent))


GIVE_LEMMAS = REPORT_LEMMAS | DEMAND_LEMMAS | {"give", "put", "cite", "quote", "publish", "provide"}


def _relative_giver(tok: Token) -> _Source | None:
    """"the 280,000 that Dmitry Medvedev gave", "the $5.7 billion he initially demanded": a
    relative clause on the figure names who gave or asked for it."""
    head = tok if tok.dep_ != "nummod" else tok.head
    for child in head.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in GIVE_LEMMAS:
            found = _subject_of(child)
            if found is not None and found.start < found.end:
                return _Source(found.start, found.end, "say", found.wide_end, True)
    return None


# Nouns of saying whose owner puts the figure forward: "Trump's promise to end the war within 24
# hours" is Trump's figure, whoever praises the promise.
STATEMENT_NOUNS = {"promise", "pledge", "vow", "claim", "estimate", "assertion", "boast", "prediction",
                   "forecast", "threat", "offer", "proposal", "plan", "demand", "ultimatum", "request"}
OWNED = "own"  # the lemma of a source that owns the figure's statement (it beats a quote's speaker)


def _statement_owner(tok: Token) -> _Source | None:
    """The possessor of a statement noun above the figure ("Trump's promise ... 24 hours", "his
    demand for $5.7 billion"), or of a noun of asking ("Trump's originally proposed figure of")."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("acl", "relcl", "xcomp"):
            return None  # the figure's own clause ends here
        if anc.pos_ == "NOUN" and (anc.lemma_.lower() in STATEMENT_NOUNS or any(
                c.dep_ == "amod" and c.lemma_.lower() in DEMAND_LEMMAS for c in anc.children)):
            owner = next((c for c in anc.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")
                          and c.lower_ not in ("its", "their")), None)
            if owner is not None:
                return _Source(owner.left_edge.idx, owner.idx + len(owner), OWNED, 0, True)
    return None


def _reporting_noun(tok: Token) -> bool:
    """A reporting verb the tagger read as a plural noun: "US intelligence estimates that ..."."""
    return (tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ == "ROOT"
            and tok.lemma_.lower() in REPORT_LEMMAS
            and any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in tok.children))


def _governing(tok: Token) -> _Source | None:
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
            return _Source(start, subject[-1].idx + len(subject[-1]), anc.lemma_.lower(),
                           subject[-1].idx + len(subject[-1]), True)
        if anc.lemma_.lower() in REPORT_LEMMAS | DENY_LEMMAS | DEMAND_LEMMAS and anc.pos_ in ("VERB", "AUX"):
            if below.dep_ not in CONTENT_DEPS or _act_object(tok, below, anc):
                return None
            found = _subject_of(anc)
            return _Source(found.start, found.end, found.lemma, found.wide_end, True)
        below = anc
    return None


def _act_object(tok: Token, below: Token, verb: Token) -> bool:
    """The figure counts the object of a verb of doing ("released 250,000 emails"), not a report."""
    if verb.lemma_.lower() not in ACT_LEMMAS or below.dep_ != "dobj":
        return False
    counts_it = below.i == tok.i or (tok.head.i == below.i and tok.dep_ == "nummod")
    return counts_it and not any(t.text == "%" or t.lower_ in ("percent", "cent") for t in below.subtree)


def _subject_of(verb: Token) -> _Source | None:
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "nsubj":
            right = child.right_edge
            return _Source(child.left_edge.idx, child.idx + len(child), lemma,
                           right.idx + len(right))
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _Source(objs[0].left_edge.idx, objs[0].idx + len(objs[0]), lemma)
    return _Source(verb.idx, verb.idx, lemma)  # passive with no agent: "is said to", "estimated"


def _according_to(doc: Doc, sent: tuple[int, int]) -> _Source | None:
    span = doc.char_span(sent[0], sent[1], alignment_mode="expand")
    for tok in span or ():
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs:
                obj = objs[0]
                end = max([obj.i] + [c.i for c in obj.rights if c.dep_ in ("compound", "flat")])
                # "according to a press release from the U.S. Attorney's Office": who issued it
                by = next((c.right_edge for c in obj.rights if c.dep_ == "prep"
                           and c.lower_ in ("from", "by", "of")), None)
                wide = by.idx + len(by) if by is not None else 0
                return _Source(obj.left_edge.idx, doc[end].idx + len(doc[end]), "say", wide)
    return None


def _nearest_reporter(doc: Doc, q: Span, sent: tuple[int, int]) -> _Source | None:
    span = doc.char_span(sent[0], sent[1], alignment_mode="expand")
    verbs = [t for t in span or () if t.pos_ == "VERB" and t.lemma_.lower() in TAG_LEMMAS
             and t.dep_ in ("ROOT", "parataxis") and not _inside(t, q)
             and any(c.dep_ == "nsubj" for c in t.children)]
    if not verbs:
        return None
    verb = min(verbs, key=lambda t: abs(t.i - q.root.i))
    return _subject_of(verb)


def _inside(tok: Token, q: Span) -> bool:
    return q.start <= tok.i < q.end


# --- sentences -----------------------------------------------------------------------------


def _parsed(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents] or [(0, len(text_of(doc)))]
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n", text_of(doc)):
        out.append((start, m.start() + 1))
        start = m.end()
    out.append((start, len(text_of(doc))))
    return out


def _sentence_index(sentences: list[tuple[int, int]], pos: int) -> int:
    for n, (_, end) in enumerate(sentences):
        if pos < end:
            return n
    return len(sentences) - 1
