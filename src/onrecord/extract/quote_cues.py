"""Reporting cues read off the dependency parse: who said, with which verb, and what.

A cue is a reporting verb (or "according to") with its speaker phrase and its content clause.
The content is the clausal complement of the verb ("that" included, as PolNeAR and most
annotation schemes do), the rest of the clause for "according to X, ..." and inverted
"..., X said", or an adjacent quotation when the verb has no clause of its own ("X said: “...”").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

log = logging.getLogger(__name__)

SPEECH = frozenset(
    """say tell add write ask note report announce suggest argue claim warn insist admit estimate
    explain declare acknowledge tweet state reply respond recall predict promise vow pledge reveal
    indicate confirm deny stress emphasize emphasise complain concede contend assert allege maintain
    testify agree disclose observe remark comment quip joke boast lament caution urge repeat
    reiterate continue conclude counter retort charge acknowledge mention recount affirm inform
    shout scream yell whisper post announce predict speculate signal hint caution
    """.split()
)
BELIEF = frozenset("think believe feel fear hope worry doubt expect".split())
CUES = SPEECH | BELIEF
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CLAUSES = frozenset({"ccomp"})
_PRONOUNS = frozenset("he she they i we you it".split())


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue found in one sentence; offsets are document character offsets."""

    cue_start: int
    cue_end: int
    cue_text: str
    speaker: tuple[int, int] | None
    content: tuple[int, int] | None
    sentence: tuple[int, int]


def is_cue_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in CUES


def _edges(tokens: list[Token]) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_punct or t.text in "“”\"‘’«»"]
    while toks and toks[0].is_punct and toks[0].text not in "“\"‘«":
        toks.pop(0)
    while toks and (toks[-1].is_punct and toks[-1].text not in "”\"’»" or toks[-1].is_space):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, borrowed from the first conjunct ("X laughed and said ...")."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)  # "X laughed and said ...", "X left, saying ..."
    return None


def _antecedent(subject: Token, verb: Token) -> Token:
    """The noun a relative pronoun subject stands for ("the group, which said ...")."""
    if subject.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
        return verb.head
    return subject


def speaker_span(subject: Token) -> tuple[int, int] | None:
    """The subject phrase with its appositions and titles (as PolNeAR marks sources), without a
    relative clause and never across a paragraph break."""
    drop: set[int] = set()
    for child in subject.children:
        if child.dep_ in ("relcl", "acl") and child.i > subject.i:
            drop.update(t.i for t in child.subtree)
    tokens = [t for t in subject.subtree if t.i not in drop]
    start = end = subject.i
    present = {t.i for t in tokens}
    while start - 1 in present:
        start -= 1
    while end + 1 in present:
        end += 1
    doc = subject.doc
    chosen = [doc[i] for i in range(start, end + 1)]
    breaks = [k for k, t in enumerate(chosen) if t.is_space and "\n" in t.text and t.i < subject.i]
    if breaks:
        chosen = chosen[breaks[-1] + 1 :]
    return _edges(chosen)


def cue_phrase(verb: Token) -> tuple[int, int, str]:
    """The verb with its auxiliaries, negation and particle, as written."""
    parts = [verb] + [c for c in verb.children if c.dep_ in ("aux", "neg", "prt", "auxpass")]
    parts = [p for p in parts if abs(p.i - verb.i) <= 3]
    parts.sort(key=lambda t: t.i)
    start, end = parts[0].idx, parts[-1].idx + len(parts[-1].text)
    return start, end, verb.doc.text[start:end]


def content_of(verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """The reported clause of ``verb``: its clausal complement, or the clause it interrupts."""
    for child in verb.children:
        if child.dep_ in CLAUSES:
            return _edges(list(child.subtree))
    head = verb.head
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and head.i < verb.i:
        own = {t.i for t in verb.subtree}
        left = [t for t in head.subtree if t.i not in own and t.i < min(own)]
        return _edges(left)
    return None


def according_to(sent: SpacySpan) -> list[Cue]:
    """ "according to X, ..." and "..., according to X." """
    found: list[Cue] = []
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.nbor().lower_ != "to":
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
        content = _edges(rest)
        cue_end = to.idx + len(to.text)
        found.append(Cue(tok.idx, cue_end, "according to", speaker, content, _bounds(sent)))
    return found


def _bounds(sent: SpacySpan) -> tuple[int, int]:
    return sent.start_char, sent.end_char


def colon_speaker(sent: SpacySpan, para_start: int, para_end: int) -> Cue | None:
    """A transcript line or headline: "PENCE: Well, look ..." / "Politifact: Trump is right"."""
    if sent.start_char != para_start:
        return None
    colon = next((t for t in sent[:6] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return None
    name = sent.doc[sent.start : colon.i]
    if not name.text[:1].isupper() or any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    content = sent.doc.text[colon.idx + 1 : para_end].strip()
    if len(content.split()) < 3:
        return None
    start = sent.doc.text.index(content, colon.idx + 1)
    return Cue(colon.idx, colon.idx + 1, ":", (name.start_char, name.end_char),
               (start, start + len(content)), _bounds(sent))


def cues_in(sent: SpacySpan) -> list[Cue]:
    """Every reporting cue of one sentence."""
    found = according_to(sent)
    for tok in sent:
        if not is_cue_verb(tok):
            continue
        subject = subject_of(tok)
        if subject is None:
            continue
        start, end, text = cue_phrase(tok)
        speaker = speaker_span(_antecedent(subject, tok))
        found.append(Cue(start, end, text, speaker, content_of(tok, sent), _bounds(sent)))
    return found
