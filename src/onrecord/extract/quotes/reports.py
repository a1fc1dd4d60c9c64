"""The reporting cues that are no verb: "according to X", "in a poll", a colon's speaker, and
nouns with a clause ("Trump's claim that …", "his promise to …")."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from onrecord.extract.quotes.cues import (
    Cue,
    is_cue_verb,
    sentence_bounds,
    speaker_span,
    subject_of,
    token_edges,
)
from onrecord.nlp.pipeline import columns


def report_cues(sent: SpacySpan, broad: bool = False) -> list[Cue]:
    """The cues of one sentence that are no verb; with ``broad``, also the noun cues
    (candidates for the learned model)."""
    return according_to(sent) + in_a_poll(sent) + (noun_cues(sent) if broad else [])


def according_to(sent: SpacySpan) -> list[Cue]:
    """ "according to X, ..." and "..., according to X." """
    found: list[Cue] = []
    doc, lower = sent.doc, columns(sent.doc)[1]
    for tok in (doc[i] for i in range(sent.start, sent.end) if lower[i] == "according"):
        if tok.i + 1 >= len(tok.doc) or tok.nbor().lower_ != "to":
            continue
        to = tok.nbor()
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        own = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
        speaker = speaker_span(objs[0])
        rest = [t for t in sent if t.i not in own]
        if tok.i > sent.start + 1:
            rest = [t for t in rest if t.i < tok.i]
        content = token_edges(rest)
        cue_end = to.idx + len(to.text)
        found.append(
            Cue(tok.idx, cue_end, "according to", speaker, content, sentence_bounds(sent), True,
                "according", "clause")
        )
    return found


_POLLS = frozenset({"poll", "survey"})


def in_a_poll(sent: SpacySpan) -> list[Cue]:
    """ "In a new CNN poll, Clinton led Trump ..." and "... he fell to 10 percent in the latest
    poll": what a poll found, the poll as the source (as PolNeAR marks it) and the clause the
    "in" phrase hangs from, less that phrase, as the content."""
    found: list[Cue] = []
    doc, lower = sent.doc, columns(sent.doc)[1]
    for tok in (doc[i] for i in range(sent.start, sent.end) if lower[i] == "in"):
        if tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in _POLLS or _bare_plural(obj):
            continue  # "leads in the polls": the polls in general, no source
        verb = tok.head
        if is_cue_verb(verb) or any(is_cue_verb(a) for a in verb.ancestors):
            continue  # "pundits say that Trump is leading in a poll", "in the survey, 42% said …"
        own = {t.i for t in tok.subtree}
        rest = [t for t in verb.subtree if t.i not in own and sent.start <= t.i < sent.end]
        while rest and (rest[0].dep_ == "cc" and rest[0].head.i == verb.i or rest[0].is_punct):
            rest.pop(0)  # "But he fell to 10 percent in the latest poll"
        content = token_edges(rest)
        if content is None:
            continue
        found.append(
            Cue(tok.idx, tok.idx + len(tok.text), tok.text, speaker_span(obj), content,
                sentence_bounds(sent), True, obj.lemma_.lower(), "clause")
        )
    return found


def _bare_plural(noun: Token) -> bool:
    """ "the polls", "polls": a plural with nothing but an article."""
    return noun.tag_ == "NNS" and all(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)

_COLON = re.compile(r"[\"“]?([A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*){0,3}):\s+(\S.*)", re.S)


def colon_speaker(text: str, para: tuple[int, int]) -> Cue | None:
    """A transcript line or headline: "PENCE: Well, look ..." / "Politifact: Trump is right"."""
    match = _COLON.match(text, para[0], para[1])
    if match is None or len(match.group(2).split()) < 3 or match.group(1) in ("Q", "A"):
        return None  # an interview's "Q:" and "A:" name no one: the cues inside speak
    return Cue(match.start(1) + len(match.group(1)), match.end(1) + 1, ":", match.span(1),
               match.span(2), para, True, ":", "colon")


_INNER_COLON = re.compile(r"(?<=[-—–] )([A-Z][\w.’'-]*(?:[ \u00a0](?:[A-Z][\w.’'-]*|and)){0,4}):[ \u00a0]+([“\"])")
_CLOSING = {"“": "”", '"': '"'}


def inner_colons(text: str, para: tuple[int, int]) -> list[Cue]:
    """A quotation credited with a name and a colon inside a paragraph, after a dash ("IOWA
    POLLS NOT NECESSARILY WRONG - Mark Blumenthal and Jon Cohen: “…”"): the name as the speaker,
    the quotation as the content (not after a full stop: "with a reference to Gen. David H.
    Petraeus: “…”" is his)."""
    found = []
    for match in _INNER_COLON.finditer(text, para[0] + 1, para[1]):
        close = text.find(_CLOSING[match.group(2)], match.end(), para[1])
        if close < 0 or len(text[match.end() : close].split()) < 3:
            continue
        found.append(Cue(match.end(1), match.end(1) + 1, ":", match.span(1), (match.start(2), close + 1),
                         para, True, ":", "colon"))
    return found

_NOUN_CLAUSES = frozenset({"acl", "ccomp", "relcl"})


def noun_cues(sent: SpacySpan) -> list[Cue]:
    """Nouns with a "that" clause or a "to" infinitive ("Trump's claim that ...", "his promise to
    ..."), the owner as the speaker (candidates for the learned model)."""
    found: list[Cue] = []
    doc, pos = sent.doc, columns(sent.doc)[0]
    for tok in (doc[i] for i in range(sent.start, sent.end) if pos[i] == "NOUN"):
        clause = next((c for c in tok.children if c.dep_ in _NOUN_CLAUSES and c.i > tok.i
                       and any(g.dep_ in ("mark", "aux") and g.lower_ in ("that", "to")
                               and g.i < c.i for g in c.children)), None)
        if clause is None:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        speaker = speaker_span(owner) if owner is not None else None  # "Trump's", as PolNeAR marks it
        holder = _holder(tok, owner)
        if holder is not None:  # "the candidate repeated his promise to …": the candidate
            speaker = speaker_span(holder)
        content = token_edges(list(clause.subtree))
        marker = next(g.lower_ for g in clause.children if g.dep_ in ("mark", "aux"))
        feats = (f"lemma={tok.lemma_.lower()}", "known=noun", f"marker={marker}",
                 f"ndep={tok.dep_}", f"owner={owner is not None}",
                 f"sent={owner.ent_type_ or '-' if owner is not None else 'none'}")
        found.append(Cue(tok.idx, tok.idx + len(tok.text), tok.text, speaker, content,
                         sentence_bounds(sent), False, tok.lemma_.lower(), "noun", feats))
    return found


_OWN = frozenset({"his", "her", "their", "its", "my", "our"})


def _holder(noun: Token, owner: Token | None) -> Token | None:
    """For a noun cue owned by a possessive pronoun and the object of a cue verb ("X repeated his
    promise to …", "X stated his intention to …"), the verb's subject, whom PolNeAR marks as the
    source (not for any verb: "She has faced … her decision to meet …" stays hers)."""
    if owner is None or owner.lower_ not in _OWN or noun.dep_ != "dobj" or not is_cue_verb(noun.head):
        return None
    subject = subject_of(noun.head)
    if subject is None or subject.lower_ in ("it", "that", "this", "which", "what"):
        return None
    return subject
