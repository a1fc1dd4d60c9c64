"""Polls and surveys as the source of a figure.

``poll_source`` finds the poll a figure is read from when no verb or "according to" gives one: an
"in" phrase on the figure's clause whose object is a poll or survey ("In the poll, Mitt Romney
leads ... with 21 percent"). ``named_poll`` gives the words of the poll a bare "the poll" / "the
survey" stands for: the nearest poll named before it, in its sentence or the few before ("an
NBC/ Wall Street Journal poll of potential 2012 Republican candidates"), else None; an indefinite
"a new poll" the first poll named after it, in its sentence or the next ("... according to the
CBS News poll").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.extract.claim_sources import Source

POLL_NOUNS = {"poll", "survey"}
POLL_LOOKBACK = 5  # sentences before the figure's searched for the poll "the poll" stands for
POLL_AHEAD = 1  # sentences after the figure's searched for the poll "a new poll" stands for
NAME_LABELS = {"ORG", "PERSON", "GPE", "WORK_OF_ART", "FAC"}  # not NORP: "the Republican primary poll"


def poll_source(doc: Doc, start: int, end: int) -> Source | None:
    """The "in the poll" phrase on the clause of the figure at ``start``-``end``, as a source."""
    if not doc.has_annotation("DEP"):
        return None
    fig = doc.char_span(start, end, alignment_mode="expand")
    if fig is None:
        return None
    for tok in (fig.root, *fig.root.ancestors):
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.lemma_.lower() in POLL_NOUNS:
                return Source(noun.left_edge.idx, noun.idx + len(noun), "poll")
        if tok.dep_ in ("ccomp", "relcl", "advcl") or tok.head is tok:
            break  # the figure's own clause only
    return None


def named_poll(doc: Doc, source: Source) -> str | None:
    """The words of the named poll a bare definite poll noun ("the poll") stands for, or None."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lemma_.lower() not in POLL_NOUNS \
            or span[0].lower_ not in ("the", "a") or _name_of(span.root) is not None:
        return None
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
    at = next((n for n, s in enumerate(sents) if s.start <= span.start < s.end), None)
    if span[0].lower_ == "a":  # "in a new poll released Wednesday ...; ... according to the CBS News poll"
        last = sents[min(len(sents) - 1, at + POLL_AHEAD)].end if at is not None else len(doc)
        return next((w for tok in doc[span.end:last] if tok.lemma_.lower() in POLL_NOUNS and tok.pos_ == "NOUN"
                     for w in (_name_of(tok),) if w is not None), None)
    first = sents[max(0, at - POLL_LOOKBACK)].start if at is not None else 0
    for tok in reversed(doc[first:span.start]):
        if tok.lemma_.lower() in POLL_NOUNS and tok.pos_ == "NOUN":
            words = _name_of(tok)
            if words is not None:
                return words
    return None


def _name_of(noun: Token) -> str | None:
    """"NBC/ Wall Street Journal poll": the noun with the modifiers before it, when one of them is
    in a name (an organisation, a person, a place), else None."""
    mods = [t for t in noun.doc[noun.left_edge.i:noun.i] if t.dep_ not in ("det", "poss", "amod", "nummod")
            or t.ent_type_ in NAME_LABELS]
    named = [t for t in mods if t.ent_type_ in NAME_LABELS]
    if not named:
        return None
    first = min(named, key=lambda t: t.i)
    words = Span(noun.doc, first.i, noun.i).text_with_ws
    return words + (noun.lemma_ if noun.tag_ == "NNS" else noun.text)  # "in CBS News polls": the CBS News poll
