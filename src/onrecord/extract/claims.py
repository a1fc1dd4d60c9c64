"""Numeric claims: each quantity with who puts it forward (claimant) and how the text holds it (status).

Claimant, in order: the owner of a statement noun above the figure ("Trump's demand for ..."); who
gave or asked for it in a relative clause on it ("the $5.7 billion he demanded"); the speaker of a
quote that contains the figure; the subject of a reporting, estimating or asking verb that governs
the figure's clause ("US officials estimated that ..."; not a verb of doing whose object the figure
counts: "released 250,000 emails"); the object of "according to"; the subject of a reporting verb
elsewhere in the sentence (the spans in the parse: ``claim_sources``). The span is resolved to an actor with
``onrecord.extract.actors.resolve``; when no actor stands for it, its words are the claimant's name
("senior administration official") with no key; a pronoun or no source gives None.

Status from the text's own cues, strongest first: ``disputed`` (a denial of this figure),
``unverified`` (claimed, without offering evidence, could not be verified, is said to,
reportedly), ``estimate`` (estimated, estimates), ``attributed`` (said, told, according to, a
quote), else ``asserted`` (the outlet states it). Verification and denial cues are also read from
the next sentence ("The claim could not be independently verified."): ``claim_status``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from onrecord.extract.actors import resolve
from onrecord.extract.asides import aside
from onrecord.extract.claim_acts import adds_quoted
from onrecord.extract.claim_described import previous_subject
from onrecord.extract.claim_issuers import according_apart, may_ask
from onrecord.extract.claim_plans import holds_opinion, sizes_plan, timed_cue
from onrecord.extract.claim_polls import named_poll, poll_source
from onrecord.extract.claim_sources import OWNED, REPORT_LEMMAS, SHOW_LEMMAS, Source
from onrecord.extract.claim_sources import source as find_source
from onrecord.extract.claim_status import (
    DENY_LEMMAS,
    DOCUMENT_NOUNS,
    denied,
    hedge_words,
    reporting_words,
    status_of,
)
from onrecord.extract.claim_voice import forecast_status, passive_report, tweet_author
from onrecord.extract.quantities import Quantity, extract_quantities
from onrecord.extract.quotes.cues import BELIEF, SPEECH
from onrecord.extract.quotes.sources import GROUP_HEADS
from onrecord.models import Actor, Claim, Quote
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)

TITLE_NOUNS = {
    "president", "leader", "minister", "spokesman", "spokeswoman", "spokesperson", "chancellor",
    "premier", "king", "queen", "secretary", "general", "commander", "chief", "head", "director",
    "ambassador", "envoy", "aide", "adviser", "advisor", "governor", "mayor", "senator", "prime",
    "chairman", "chairwoman", "chair", "founder", "executive", "ceo", "pope", "patriarch",
}
# The cues of an indirect quote that report a figure (not the learned attitude cues: "expressed
# concerns about", "would seek to", "appears ready to").
SAYING = SPEECH | BELIEF | REPORT_LEMMAS
PLACE_LABELS = {"GPE", "LOC", "FAC"}  # where a body sits, not whose voice it is ("a grand jury in San Diego")
# Leading words a descriptive claimant drops ("a senior administration official").
ARTICLES = {"a", "an", "the", "some"}


def extract_claims(doc: Doc, actors: Sequence[Actor] = (), quotes: Sequence[Quote] = ()
                   ) -> tuple[Claim, ...]:
    """One Claim per quantity in ``doc`` (offsets into ``doc.text``)."""
    sentences = _sentences(doc)
    claims = []
    for q in extract_quantities(text_of(doc), doc if _parsed(doc) else None):
        n = _sentence_index(sentences, q.start)
        s_start, s_end = sentences[n]
        nxt = sentences[n + 1] if n + 1 < len(sentences) else (s_end, s_end)
        claims.append(_claim(doc, q, (s_start, s_end), nxt, actors, quotes))
    return tuple(claims)


def _claim(doc: Doc, q: Quantity, sent: tuple[int, int], nxt: tuple[int, int],
           actors: Sequence[Actor], quotes: Sequence[Quote]) -> Claim:
    quote = next((x for x in quotes if x.start <= q.start and q.end <= x.end and (not x.fragments or any(
        f.start <= q.start and q.end <= f.end for f in x.fragments))), None)  # not in the cue between parts
    if quote is not None and quote.kind != "direct" and _in_aside(doc, q.start, q.end):
        quote = None  # "... warned X not to sell arms to Y, who spoke 150km away": not the warner's
    if quote is not None and quote.kind in ("indirect", "mixed") and not _reporting_cue(doc, quote, sent):
        quote = None  # a learned attribution of an attitude ("Hamas holds ..."), not a report; a
        # quoted word in a clause of doing ("requiring Gorsuch to garner 60 “yea” votes") neither
    if quote is not None and (quote.cue or "").lower() == "according to" and _beyond_semicolon(doc, q, sent):
        quote = None  # "... $675,000 for them; her husband was paid ..., according to a list"
    if quote is not None and adds_quoted(doc, quote, q.start, q.end):
        quote = None  # "Retailers added 53,000 jobs last month": what is added, no report
    if quote is not None and passive_report(doc, quote, sent):
        quote = None  # "The Liberals are projected to win 157 seats": what the forecast is about
    if quote is not None and quote.kind != "direct" and timed_cue(doc, quote.cue, q.start, q.end, sent):
        quote = None  # "Trump agreed after 35 days to reopen the government": when, not what
    if quote is not None and quote.kind != "direct" and holds_opinion(doc, q.start, q.end, quote.cue, SAYING):
        quote = None  # "Seven percent think it's working well": who thinks it
    if sized := sizes_plan(doc, q.start, q.end) or may_ask(doc, q.start, q.end):
        quote = None  # "announced his plan to send 30,000 more troops": the plan's size, no claim
    source = None if sized else find_source(doc, q, sent) or poll_source(doc, q.start, q.end)
    key, name = _claimant(doc, quote, source, actors)
    tweet = tweet_author(doc, q.start, actors) if quote is None else None
    if tweet is not None:
        key, name = tweet  # "… five months early. — David Cicilline (@davidcicilline) July 12, 2019"
    before = text_of(doc)[sent[0]:q.end]
    disputed, cues, hedged = _parse_cues(doc, q, sent, nxt)
    status = status_of(text_of(doc)[sent[0]:sent[1]], hedged or before, text_of(doc)[nxt[0]:nxt[1]],
                       source.lemma if source else "", quote is not None or source is not None or tweet is not None,
                       disputed, cues)
    status = "asserted" if sized and status == "attributed" else status
    status = forecast_status(doc.char_span(q.start, q.end, alignment_mode="expand") if _parsed(doc) else None,
                             status, source.lemma if source else "", quote is not None or source is not None)
    why = aside(q, before[:q.start - sent[0]], text_of(doc)[q.end:sent[1]])
    return Claim(q.start, q.end, q.text, sent[0], sent[1], q.value, q.low, q.high, q.change,
                 q.unit, q.counted, key, name, status, why)


def _parse_cues(doc: Doc, q: Quantity, sent: tuple[int, int], nxt: tuple[int, int]
                ) -> tuple[bool | None, str | None, str | None]:
    """The parse's reading of a denial of the figure, the words that may report it and the
    sentence up to the figure with the hedges of other phrases blanked (``claim_status.denied``,
    ``reporting_words``, ``hedge_words``); None, None, None unparsed."""
    fig = doc.char_span(q.start, q.end, alignment_mode="expand") if _parsed(doc) else None
    sentence = doc.char_span(sent[0], sent[1], alignment_mode="expand") if fig is not None else None
    if fig is None or sentence is None:
        return None, None, None
    return (denied(fig, sentence, doc.char_span(nxt[0], nxt[1], alignment_mode="expand")),
            reporting_words(fig, sentence), hedge_words(fig, sentence, q.end))


def _reporting_cue(doc: Doc, quote: Quote, sent: tuple[int, int]) -> bool:
    """True when the quote's cue is a verb of saying or thinking, or "according to" (a learned
    attitude cue, "expressed concerns about", "would seek to", is not a report of the figure)."""
    if not quote.cue:
        return False
    last = quote.cue.split()[-1]
    if (last == ":" and quote.speaker_name) or quote.cue.lower().endswith("according to"):
        return True  # not any cue ending in "to": "pleaded guilty to", "to include" report nothing
    span = doc.char_span(sent[0], sent[1], alignment_mode="expand")
    tokens = span if span is not None else doc
    return any(t.text == last and t.lemma_.lower() in SAYING for t in tokens)


def _beyond_semicolon(doc: Doc, q: Quantity, sent: tuple[int, int]) -> bool:
    """A semicolon, a single dash or a clause of circumstance separates the figure from the
    sentence's "according to" (``claim_issuers.apart``)."""
    return according_apart(doc, q.start, q.end, sent)


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


def _claimant(doc: Doc, quote: Quote | None, source: Source | None,
              actors: Sequence[Actor]) -> tuple[str | None, str | None]:
    if source is not None and source.lemma in DENY_LEMMAS:
        return None, None  # the one who denies a figure is not its claimant
    own = source is not None and source.governs and source.start < source.end
    if source is not None and source.lemma == OWNED:
        quote = None  # the owner of the promise or claim, not whoever reports on it
    if quote is not None and quote.speaker_key is not None and not (quote.kind == "indirect" and own):
        return quote.speaker_key, quote.speaker_name
    if source is None:  # "The poll shows 47% want ...": the poll named before a bare "the poll" speaker
        said = quote.speaker_mention if quote is not None else None
        return None, named_poll(doc, Source(said.start, said.end, "say")) if said is not None else None
    poll = named_poll(doc, source)
    if poll is not None:
        return None, poll  # "In the poll, ...": the poll named before it
    if _shown_by_document(doc, source):
        # "Mrs. Clinton's tax return showed": the return's words; "the new ones show": what they are
        return None, _ones_antecedent(doc, source) or _described(doc, source)
    key = _resolve(actors, doc, source.start, source.end, source.wide_end) if actors else None
    names = {a.key: a.name for a in actors}
    if key is None and actors:
        key = _description_antecedent(actors, doc, source)
        if key is not None:
            return key, names.get(key)  # "the organization confirmed": the organisation's name
    if key is None and actors:
        owned = _owned_body(actors, doc, source)
        if owned is not None:
            return owned
    if key is None and actors:
        key = previous_subject(actors, doc, source)  # "(The real estate mogul estimates ...)"
        if key is not None:
            return key, names.get(key)
    if key is None:
        return None, _described(doc, source)
    return key, _body_of(doc, source) or names.get(key)


# "the organization confirmed", "the company says", "according to the paper": a body named by
# its kind stands for the nearest body of that kind named before it.
DESCRIPTION_NOUNS = {"organization", "organisation", "group", "company", "firm", "paper", "newspaper"}
NEWSPAPER_WORDS = {"times", "journal", "post", "herald", "tribune", "globe", "gazette", "register",
                   "chronicle", "telegraph", "guardian", "inquirer", "sun", "star", "news"}
DESCRIPTION_LOOKBACK = 2  # sentences before the figure's searched for the antecedent


def _description_antecedent(actors: Sequence[Actor], doc: Doc, source: Source) -> str | None:
    """The actor "the organization" / "the paper" stands for: the nearest organisation (for a
    paper, one whose name ends in a newspaper word, "The Wall Street Journal") named earlier in
    this sentence or the two before; for another noun ("the project"), the nearest organisation an
    apposition names by it ("the Great Elephant Census, a project financed by ...")."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or len(span) != 2 or span[0].lower_ != "the" or span[1].pos_ != "NOUN":
        return None
    paper = span[1].lower_ in ("paper", "newspaper")
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
    at = next((n for n, sent in enumerate(sents) if sent.start <= span.start < sent.end), None)
    first = sents[max(0, at - DESCRIPTION_LOOKBACK)].start if at is not None else 0
    for ent in reversed([e for e in doc.ents if first <= e.start and e.end <= span.start and e.label_ == "ORG"]):
        if paper and ent[-1].lower_ not in NEWSPAPER_WORDS:
            continue
        if span[1].lower_ not in DESCRIPTION_NOUNS and not _described_as(ent, span[1].lemma_.lower()):
            continue  # "the Great Elephant Census, a project financed by ...": "the project" is it
        key = resolve(actors, doc, ent.start_char, ent.end_char)
        if key is not None:
            return key
    return None


def _described_as(ent: Span, lemma: str) -> bool:
    """An apposition on the entity whose head is ``lemma`` ("the Great Elephant Census, a project")."""
    return any(c.dep_ == "appos" and c.lemma_.lower() == lemma for c in ent.root.children)


POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}


def _owned_body(actors: Sequence[Actor], doc: Doc, source: Source) -> tuple[str, str] | None:
    """"according to his campaign": a body of the pronoun's referent speaks for it; its words
    with the referent's name ("Richard Blumenthal's campaign"), the referent as the key."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].lower_ not in POSSESSIVE_PRONOUNS \
            or span.root.lower_ not in BODY_HEADS or span.root.pos_ != "NOUN":
        return None
    key = resolve(actors, doc, span[0].idx, span[0].idx + len(span[0]))
    name = {a.key: a.name for a in actors}.get(key or "")
    if key is None or not name:
        return None
    return key, f"{name}'s {text_of(doc)[span[1].idx:span[-1].idx + len(span[-1])]}"


def _shown_by_document(doc: Doc, source: Source) -> bool:
    """The figure is shown by a document ("tax returns, showing that ...", "the documents show"):
    a common noun that is not a body of people and names no issuer."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    return (source.lemma in SHOW_LEMMAS and span is not None and len(span) > 0 and span.root.pos_ == "NOUN"
            and span.root.lower_ not in GROUP_HEADS and span.root.lemma_.lower() not in TITLE_NOUNS
            and not any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in span.root.children))
    # "Figures from Eurostat show ...": the issuer speaks, as for "according to a report from"


ONES_LOOKBACK = 60  # tokens searched back for what "the new ones" stands for


def _ones_antecedent(doc: Doc, source: Source) -> str | None:
    """"The new ones show": the nearest plural noun before it ("their tax returns"), with its compounds."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or span.root.lower_ != "ones":
        return None
    for tok in reversed(doc[max(0, span.start - ONES_LOOKBACK):span.start]):
        if tok.pos_ == "NOUN" and tok.tag_ == "NNS":
            first = min([tok, *(c for c in tok.lefts if c.dep_ == "compound")], key=lambda t: t.i)
            return text_of(doc)[first.idx:tok.idx + len(tok)]
    return None


def _body_of(doc: Doc, source: Source) -> str | None:
    """The words of a body or group that speaks for the actor it resolves to ("US intelligence",
    "Russian officials", "the defence ministry"): its common head noun names who said it, the
    actor whose it is stays the key."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lower_ not in BODY_HEADS or not (
            span.root.pos_ == "NOUN" or _capitalised_common(span.root)):
        return None
    return _described(doc, source)


# Bodies that speak for an actor, besides the quote stage's group heads.
BODY_HEADS = GROUP_HEADS | {"trustees", "regulators", "auditors", "actuaries", "directors"}


def _capitalised_common(tok: Token) -> bool:
    """A plural common noun the tagger read as a name only because it opens the sentence
    ("Trustees of the Social Security ... Fund warned")."""
    return tok.pos_ == "PROPN" and tok.tag_ == "NNPS" and tok.i == tok.sent.start


def _described(doc: Doc, source: Source) -> str | None:
    """The words of a source no actor stands for ("a senior administration official",
    "prosecutors", "the congressman's lawyers"), without a leading article; None for a pronoun,
    a relative word or no words at all."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or not len(span) or (span.root.pos_ not in ("NOUN", "PROPN")
                                         and not any(t.pos_ == "PROPN" for t in span)):
        return None  # a name the parse mangled ("Standard & Poor's") still counts
    words = [t for t in span if not t.is_punct]
    while words and words[0].lower_ in ARTICLES:
        words.pop(0)
    if not words or all(t.pos_ == "PRON" for t in words):
        return None
    return text_of(doc)[words[0].idx:words[-1].idx + len(words[-1])]


def _resolve(actors: Sequence[Actor], doc: Doc, start: int, end: int, wide_end: int = 0
             ) -> str | None:
    head = doc.char_span(start, end, alignment_mode="expand")
    if head is not None and len(head) and _document(head.root):
        # "A memo circulated by a GOP analyst noted": the memo in its words, not the GOP; an issuer
        # after from/by speaks for it ("a report by Goldman Sachs")
        issuer = next((c for c in head.root.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
        if issuer is not None and issuer.right_edge.i > issuer.i:
            last = issuer.right_edge
            return resolve(actors, doc, doc[issuer.i + 1].idx, last.idx + len(last))
        return resolve(actors, doc, start, end)
    if head is not None and _group_noun(head.root):
        # "US officials", "Analysts at Goldman Sachs": the organisation or country they speak for
        return _named_part(actors, doc, start, max(end, wide_end), resolve, places=True) \
            or resolve(actors, doc, start, end)
    return resolve(actors, doc, start, end) or _head_entity(actors, doc, head) \
        or _named_part(actors, doc, start, max(end, wide_end), resolve, places=True)


def _document(tok: Token) -> bool:
    """A common noun naming a document ("memo", "letter", "report"), not a body of people."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS


def _head_entity(actors: Sequence[Actor], doc: Doc, head: Span | None) -> str | None:
    """The entity the subject's head word belongs to ("The Center on Budget and Policy Priorities,
    a progressive Washington think tank": the Center, not a place in its apposition)."""
    if head is None or not len(head) or not head.root.ent_type_:
        return None
    ent = next((e for e in doc.ents if e.start <= head.root.i < e.end), None)
    return None if ent is None else resolve(actors, doc, ent.start_char, ent.end_char)


def _group_noun(tok: Token) -> bool:
    """A common-noun subject that speaks for a group (not a title naming one person)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() in TITLE_NOUNS:
        return False
    if tok.tag_ == "NNS":
        return True
    # "the Russian autocrat", "Russia's leader" describe one person; "US intelligence" a body
    return not any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in tok.children)


def _named_part(actors: Sequence[Actor], doc: Doc, start: int, end: int,
                resolve: Callable[..., str | None], places: bool = False) -> str | None:
    """The first actor named in an entity of the span, from the right; with ``places``, not a
    place after "in" ("A grand jury in San Diego" is not San Diego's voice)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    for tok in reversed(list(span) if span is not None else []):
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None) if tok.ent_type_ else None
        if ent is not None and not (places and ent.label_ in PLACE_LABELS and ent.start > 0
                                    and doc[ent.start - 1].lower_ == "in"):
            key = resolve(actors, doc, ent.start_char, ent.end_char)
            if key is not None:
                return key
    return None


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
