"""Reporting cues read off the dependency parse: who said, with which verb, and what.

A cue is a reporting verb (or "according to") with its speaker phrase and its content clause.
The content is the clausal complement of the verb ("that" included, as PolNeAR and most
annotation schemes do), the rest of the clause for "according to X, ..." and inverted
"..., X said", or an adjacent quotation when the verb has no clause of its own ("X said: “...”").
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from onrecord.extract.quotes.mentions import bracketed, cut_at, dashed, is_dash
from onrecord.nlp.pipeline import columns, text_of

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
TABLE = "data/quotes/cue_lemmas.json"
MIN_RATE = 0.3  # learned cue lemmas: share of a lemma's verb uses that are gold cues in training
MIN_COUNT = 5  # ... and how many such uses at least


def learned_cues(min_rate: float = MIN_RATE, min_count: int = MIN_COUNT) -> frozenset[str]:
    """Cue lemmas learned from PolNeAR's train split (``scripts/train_quotes.py``); empty when
    the table is not installed."""
    try:
        raw = resources.files("onrecord").joinpath(TABLE).read_text(encoding="utf-8")
    except FileNotFoundError:
        log.warning("learned cue table missing; using the built-in cue verbs only")
        return frozenset()
    return learned_cues_from(json.loads(raw), min_rate, min_count)


def learned_cues_from(
    table: dict[str, list[int]], min_rate: float = MIN_RATE, min_count: int = MIN_COUNT
) -> frozenset[str]:
    """The lemmas of a ``{lemma: [uses as a cue, uses as a verb]}`` table that pass the bars."""
    return frozenset(
        lemma
        for lemma, (cue, total) in table.items()
        if cue >= min_count and cue / total >= min_rate and lemma.isalpha() and lemma not in _AUX
    )


_AUX = frozenset({"be", "have", "do", "will", "would", "can", "could", "may", "might", "must"})


MIN_CLAUSE_RATE = 0.1  # a learned lemma with a clausal complement ("the poll found that ...")
LEARNED = learned_cues()
CLAUSE_CUES = learned_cues(MIN_CLAUSE_RATE)
CUES = SPEECH | BELIEF | LEARNED
_SPOKEN = SPEECH | BELIEF  # made once: a union in a test builds the set anew at each call
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CLAUSES = frozenset({"ccomp"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue found in one sentence; offsets are document character offsets."""

    cue_start: int
    cue_end: int
    cue_text: str
    speaker: tuple[int, int] | None
    content: tuple[int, int] | None
    sentence: tuple[int, int]
    speech: bool = True  # a verb of saying/thinking (not a learned attitude cue like "praise")
    lemma: str = ""
    how: str = ""  # how the content was found: clause, inverted, object, colon
    features: tuple[str, ...] = ()  # what the learned candidate model reads (``model``)


def is_cue_verb(token: Token) -> bool:
    """A reporting verb: a known or learned cue, or a weaker learned one with a clause."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in CUES:
        return True
    return lemma in CLAUSE_CUES and any(c.dep_ in CLAUSES for c in token.children)


def token_edges(tokens: list[Token]) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_punct or t.text in "“”\"‘’«»"]
    while toks and toks[0].is_punct and toks[0].text not in "“\"‘«":
        toks.pop(0)
    while toks and (toks[-1].is_space or toks[-1].is_punct and not _keeps(toks[-1], toks)):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _keeps(last: Token, toks: list[Token]) -> bool:
    """A closing mark or bracket that closes something inside the span stays."""
    if last.text in "”\"’»":
        return True
    return last.text in ")]" and any(t.text in "([" for t in toks[:-1])


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, borrowed from the first conjunct ("X laughed and said ...")."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    owner = stray_conjunct(verb) or stray_participle(verb)
    if owner is not None:
        return subject_of(owner)  # "told ABC that he agrees … and said …": who told
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)  # "X laughed and said ...", "X left, saying ..."
    return None


def stray_conjunct(verb: Token) -> Token | None:
    """The cue verb that a subjectless cue verb of the same form goes with when the parse hung it
    as a conjunct inside that cue's own clause ("says he respects Clinton and calls her …",
    "telling X that Trump is a “faker” and questioning how …"); None for any other verb."""
    if verb.dep_ != "conj" or not is_cue_verb(verb) or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    for above in verb.ancestors:
        if above.i != verb.head.i and is_cue_verb(above):
            inside = any(c.dep_ in CLAUSES and c.i < verb.i and verb in c.subtree for c in above.children)
            return above if inside and above.tag_ == verb.tag_ else None
        if above.i == verb.head.i and is_cue_verb(above):
            return None
    return None


def stray_participle(verb: Token) -> Token | None:
    """The cue verb whose clause a reporting participle set off by a comma closes when the parse
    hung it inside that clause ("Trump insisted that he has “expanded the party,” claiming that
    …": Trump's claim, not the "he" of the clause); None for any other verb."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or not is_cue_verb(verb) or verb.i == 0:
        return None
    if verb.doc[verb.left_edge.i - 1].text != "," or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    for above in verb.head.ancestors:
        if is_cue_verb(above) and any(c.dep_ in CLAUSES and verb.head in c.subtree for c in above.children):
            return above
    return None


def speaker_span(subject: Token) -> tuple[int, int] | None:
    """The subject phrase with its appositions, titles and relative clause (as PolNeAR marks
    sources: "Trent Lott, who was majority leader"), never across a paragraph break."""
    start = end = subject.i
    present = {t.i for t in subject.subtree}
    while start - 1 in present:
        start -= 1
    stop = cut_at(subject, is_cue_verb)
    while end + 1 in present and (stop is None or end + 1 < stop):
        end += 1
    doc = subject.doc
    chosen = [doc[i] for i in range(start, end + 1)]
    breaks = [k for k, t in enumerate(chosen) if t.is_space and "\n" in t.text and t.i < subject.i]
    breaks += [k for k, t in enumerate(chosen) if is_dash(t) and t.i < subject.i]
    if breaks:  # a paragraph break or a dateline ("WASHINGTON — Sen. Grassley")
        chosen = chosen[max(breaks) + 1 :]
    if len(chosen) > 1 and chosen[0].lower_ == "even":
        chosen = chosen[1:]  # "even some of his admirers": PolNeAR leaves the focus word out
    edges = token_edges(chosen)
    if edges is None:
        return None
    text = text_of(doc)
    return bracketed(text, dashed(text, edges))


_CLOSERS = frozenset({"”", '"', "’", "''"})
_OPENERS = frozenset({"“", '"', "‘", "«"})


def _misplaced(verb: Token, subject: Token | None) -> bool:
    """True when the parse gave a speech verb no subject, or one on the far side of a quotation
    mark (inside the quotation it reports, or inside a title after it: "said on “Fox and Friends”")."""
    if subject is None:
        return True
    lo, hi = sorted((subject.i, verb.i))
    return any(t.text in _CLOSERS or t.text in _OPENERS for t in verb.doc[lo + 1 : hi])


def after_quotation(verb: Token) -> tuple[int, int] | None:
    """The phrase between a quotation closed by a comma and its verb, as the speaker the parse
    missed: “…,” Flynn, a top Trump surrogate, said ..."""
    doc = verb.doc
    skip = {c.i for c in verb.children if c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i}
    j = verb.i - 1
    while j >= 0 and (j in skip or doc[j].text == ","):
        j -= 1
    end = j
    phrase: list[Token] = []
    while j >= 0 and end - j < 30:
        t = doc[j]
        if t.text in _CLOSERS:
            break
        if "\n" in t.text or t.text in _OPENERS:
            return None
        relative = any(w.lower_ in ("who", "which", "that") for w in doc[max(0, j - 8) : j])
        if t.pos_ in ("VERB", "AUX") and not relative:
            return None  # a clause, not a name (a relative clause inside the name is kept)
        phrase.append(t)
        j -= 1
    if j < 1 or not phrase or doc[j].text not in _CLOSERS or doc[j - 1].text not in (",", "?", "!", "—", "-", "--"):
        return None
    phrase.reverse()
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in phrase):
        return None
    return token_edges(phrase)


def cue_phrase(verb: Token) -> tuple[int, int, str]:
    """The verb with its auxiliaries, negation and particle, as written."""
    parts = [verb] + [c for c in verb.children if c.dep_ in ("aux", "neg", "prt", "auxpass")]
    parts = [p for p in parts if abs(p.i - verb.i) <= 3]
    parts.sort(key=lambda t: t.i)
    start, end = parts[0].idx, parts[-1].idx + len(parts[-1].text)
    return start, end, text_of(verb.doc)[start:end]


def content_of(verb: Token) -> tuple[tuple[int, int] | None, str]:
    """The reported clause of ``verb`` (its clausal complement, or the clause it interrupts, or
    for an attitude verb its object) and how it was found."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSES]
    if clauses:  # "X, but Y, officials said": the parse may split the report in two clauses
        side = [c for c in clauses if (c.i < verb.i) == (clauses[0].i < verb.i)]
        lo = min(c.left_edge.i for c in side)
        hi = max(c.right_edge.i for c in side)
        return token_edges(list(verb.doc[lo : hi + 1])), "clause"
    if verb.lemma_.lower() not in _SPOKEN:
        return _complement(verb), "object"
    head = verb.head
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and head.i < verb.i:
        own = {t.i for t in verb.subtree}
        left = [t for t in head.subtree if t.i not in own and t.i < min(own)]
        return token_edges(left), "inverted"
    return None, "none"


def interrupted(verb: Token) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The two sides of a report that a parenthetical cue interrupts ("Acts of protest, Mr. Obama
    said, are acts of patriotism"): the clause the cue hangs from, before and after the cue."""
    if verb.dep_ != "parataxis" or verb.head.i < verb.i:
        return None, None
    own = {t.i for t in verb.subtree}
    rest = [t for t in verb.head.subtree if t.i not in own]
    left = [t for t in rest if t.i < min(own)]
    right = [t for t in rest if t.i > max(own)]
    return (token_edges(left) if left else None), (token_edges(right) if right else None)


def _complement(verb: Token) -> tuple[int, int] | None:
    """What a non-speech cue is about: its direct object with the clause or "for ..." phrase
    that follows it ("urged supporters to vote", "praised Kaine for his work"), else its clausal
    complement ("wants to leave"), else the object of its first preposition ("called on X")."""
    rights = list(verb.rights)
    objects = [c for c in rights if c.dep_ in ("dobj", "dative")]
    if objects:
        tail = [c for c in rights if c.i > objects[0].i and _extends_object(c)]
        return token_edges([t for c in [objects[0], *tail] for t in c.subtree])
    clauses = [c for c in rights if c.dep_ in ("xcomp", "attr", "oprd", "acomp")]
    if clauses:
        return token_edges(list(clauses[0].subtree))
    preps = [c for c in rights if c.dep_ == "prep"]
    if preps:
        inner = [c for c in preps[0].children if c.dep_ in ("pobj", "pcomp")]
        return token_edges(list(inner[0].subtree)) if inner else None
    return None


def _extends_object(token: Token) -> bool:
    return token.dep_ in ("xcomp", "oprd", "ccomp") or (
        token.dep_ == "prep" and token.lower_ in ("for", "as", "to", "of")
    )


_COMPLEMENTS = frozenset({"dobj", "xcomp", "prep", "attr", "oprd", "dative", "acomp"})


def sentence_bounds(sent: SpacySpan) -> tuple[int, int]:
    return sent.start_char, sent.end_char


def cues_in(sent: SpacySpan, broad: bool = False) -> list[Cue]:
    """Every reporting verb of one sentence; with ``broad``, also every other verb with a subject
    and a complement (candidates for the learned model to accept or drop). The cues that are no
    verb ("according to", "in a poll", nouns) are ``reports.report_cues``."""
    found: list[Cue] = []
    doc, pos = sent.doc, columns(sent.doc)[0]
    for tok in (doc[i] for i in range(sent.start, sent.end) if pos[i] in ("VERB", "AUX")):  # cue or open verbs
        known = is_cue_verb(tok)
        if not known and not (broad and _open_verb(tok)):
            continue
        subject = subject_of(tok)
        lemma = tok.lemma_.lower()
        speech = lemma in _SPOKEN
        credited = after_quotation(tok) if speech and _misplaced(tok, subject) else None
        if subject is None and credited is None and not (broad and tok.pos_ == "VERB"):
            continue
        start, end, text = cue_phrase(tok)
        speaker = credited or (speaker_span(subject) if subject is not None else None)  # "who" stays
        content, how = content_of(tok)
        parts = [content] if content else []
        if content is None and speech:
            parts, how = [p for p in interrupted(tok) if p], "interrupted"
        feats = verb_features(tok, subject, known)
        for part in parts or [None]:
            found.append(
                Cue(start, end, text, speaker, part, sentence_bounds(sent), speech, lemma, how, feats)
            )
    return found


_OPEN = frozenset({"ccomp", "xcomp", "dobj"})
_VERB_DEPS = _OPEN | {"prep", "dative"}  # the dependents whose labels a cue verb's features list
def _open_verb(token: Token) -> bool:
    """Any verb with a clause or an object: "backed Clinton", "wants to leave"."""
    return token.pos_ == "VERB" and any(c.dep_ in _OPEN for c in token.children)


def _lemma_table() -> dict[str, tuple[int, int]]:
    try:
        raw = resources.files("onrecord").joinpath(TABLE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return {k: (v[0], v[1]) for k, v in json.loads(raw).items()}


LEMMAS = _lemma_table()
_RATES = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7)


def verb_features(verb: Token, subject: Token | None, known: bool) -> tuple[str, ...]:
    """What the candidate model reads about a cue verb and its subject."""
    lemma = verb.lemma_.lower()
    cue, total = LEMMAS.get(lemma, (0, 0))
    rate = sum(cue / total >= r for r in _RATES) if total else -1
    deps = sorted({c.dep_ for c in verb.children if c.dep_ in _VERB_DEPS})
    that = any(g.dep_ == "mark" and g.lower_ in ("that", "whether", "if")
               for c in verb.children if c.dep_ == "ccomp" for g in c.children)
    if subject is None:
        return (f"lemma={lemma}", f"known={known}", f"rate={rate}", f"vdep={verb.dep_}",
                f"vtag={verb.tag_}", f"deps={'+'.join(deps)}", f"that={that}", "subject=none")
    return (
        f"lemma={lemma}", f"known={known}", f"speech={lemma in _SPOKEN}",
        f"rate={rate}", f"rate_known={rate}/{known}", f"vdep={verb.dep_}", f"vtag={verb.tag_}",
        f"neg={any(c.dep_ == 'neg' for c in verb.children)}", f"deps={'+'.join(deps)}",
        f"that={that}", f"sent={subject.ent_type_ or '-'}", f"spos={subject.pos_}",
        f"sdep={subject.dep_}", f"slower={subject.lower_ if subject.pos_ == 'PRON' else '-'}",
        f"shead={'self' if subject.head.i == verb.i else 'borrowed'}",
    )
