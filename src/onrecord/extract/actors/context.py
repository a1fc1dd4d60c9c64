"""The per-document context the resolver reads: sentences, headings, the actors' mentions (which
are subjects, which are quoted), subject pronouns and subjects that describe a person.

It is built once per document and cached for the few documents most recently asked about, so
resolving each quote's speaker stays cheap.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token

from onrecord.extract.actors.roles import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    is_role_head,
)
from onrecord.models import Actor
from onrecord.names import (
    FEMALE_ADDRESS,
    MALE_ADDRESS,
    fold,
    given_name_gender,
)
from onrecord.nlp.pipeline import text_of

PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
    "they": "group",
    "them": "group",
    "their": "group",
    "it": "group",
    "its": "group",
}


GROUP_TYPES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


SPEECH_VERBS = frozenset(
    """said says say added adds told tells claimed claims warned warns insisted insists argued
    argues stated states explained explains noted notes declared declares wrote writes
    announced announces asserted asserts replied replies""".split()
)


_CACHE_SIZE = 8


@dataclass(frozen=True, slots=True)
class ContextMention:
    """A mention in the resolution context."""

    start: int
    end: int
    actor: str
    subject: bool
    quoted: bool  # inside quotation marks, or in a heading: never an antecedent


@dataclass(slots=True)
class Context:
    doc: Doc
    text: str
    parsed: bool
    actors: Sequence[Actor]
    by_key: dict[str, Actor]
    sent_starts: list[int]
    mentions: list[ContextMention]
    pronoun_subjects: list[tuple[int, int, str]]  # (start, end, gender) of subject pronouns
    # (start, end) of subjects that describe one person without naming them ("A Kazakh expert")
    described_subjects: list[tuple[int, int]]
    starts: list[int] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)
    nationality: dict[str, str | None] = field(default_factory=dict)
    # per actor, in order: its key, its normalised names and (people) the first and last name
    # parts; filled on first use by ``named.alias_keys``
    alias_keys: list[tuple[str, frozenset[str], tuple[str, ...]]] = field(default_factory=list)
    # what ``resolve`` gave for a span (start, end), remembered
    resolved: dict[tuple[int, int], str | None] = field(default_factory=dict)


_cache: list[Context] = []


def context_for(actors: Sequence[Actor], doc: Doc) -> Context:
    for ctx in _cache:
        if ctx.doc is doc and ctx.actors is actors:
            return ctx
    ctx = _build_context(actors, doc)
    _cache.insert(0, ctx)
    del _cache[_CACHE_SIZE:]
    return ctx


def _build_context(actors: Sequence[Actor], doc: Doc) -> Context:
    parsed = doc.has_annotation("DEP")
    text = text_of(doc)  # built from the tokens on every access: read once
    headings = _headings(text)
    # A heading is a sentence of its own, whatever the parser made of it.
    cuts = [p for s, e in headings for p in (s, e + 1) if p < len(text)]
    sent_starts = sorted(set(_sentence_starts(doc) + cuts))
    mentions = sorted(
        (
            ContextMention(
                m.start,
                m.end,
                a.key,
                _is_subject(doc, m.start, m.end, parsed),
                is_quoted(text, m.start) or in_spans(headings, m.start),
            )
            for a in actors
            for m in a.mentions
        ),
        key=lambda m: m.start,
    )
    pron = []
    for tok in _tokens_where(doc, LOWER, _SUBJECT_PRONOUNS):
        if _is_subject(doc, tok.idx, tok.idx + len(tok), parsed):
            pron.append((tok.idx, tok.idx + len(tok), PRONOUNS[tok.lower_]))
    ctx = Context(
        doc,
        text,
        parsed,
        actors,
        {a.key: a for a in actors},
        sent_starts,
        mentions,
        pron,
        _described_subjects(doc) if parsed else [],
        [m.start for m in mentions],
        headings,
    )
    for a in actors:
        ctx.gender[a.key] = _gender(text, a)
    return ctx


def _described_subjects(doc: Doc) -> list[tuple[int, int]]:
    """Subjects that are a singular description of a person ("A Kazakh expert in Astana told",
    "The Russian leader said", "one of Putin's aides told"), as (start, end) of the noun phrase
    up to its head."""
    out = []
    for tok in _tokens_where(doc, DEP, ("nsubj", "nsubjpass")):
        if tok.pos_ == "NOUN" and tok.tag_ != "NNS" and is_role_head(tok.text):
            out.append((tok.left_edge.idx, tok.idx + len(tok)))
        elif tok.lower_ == "one" and any(
            c.lower_ == "of" and any(is_role_head(g.text) for g in c.subtree) for c in tok.children
        ):
            last = tok.right_edge
            out.append((tok.left_edge.idx, last.idx + len(last)))
    return out


_SUBJECT_PRONOUNS = ("he", "she", "they", "it")


def _tokens_where(doc: Doc, attr: int, values: Sequence[str]) -> Iterator[Token]:
    """The tokens of ``doc`` whose ``attr`` (``LOWER``, ``DEP``) is one of ``values``, in order:
    read from the Doc's array, so that no Token object is made for the others."""
    if not len(doc):
        return
    ids = doc.to_array(attr)
    wanted = numpy.array([doc.vocab.strings[v] for v in values], dtype=ids.dtype)
    for i in numpy.flatnonzero(numpy.isin(ids, wanted)):
        yield doc[int(i)]


def _headings(text: str) -> list[tuple[int, int]]:
    """Lines that read as headings or datelines: short, without closing punctuation."""
    out, pos = [], 0
    for line in text.split("\n"):
        bare = line.strip()
        if bare and len(bare.split()) <= 16 and bare[-1] not in '.!?:”"’)':
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, len(spans) + 10**12)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _sentence_starts(doc: Doc) -> list[int]:
    if doc.has_annotation("SENT_START"):
        return [s.start_char for s in doc.sents]
    starts, new = [0], False
    for tok in doc:
        if new and not tok.is_space:
            starts.append(tok.idx)
            new = False
        if tok.text in (".", "!", "?") or "\n" in tok.text:
            new = True
    return starts


def _is_subject(doc: Doc, start: int, end: int, parsed: bool) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if parsed:
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass"):
            return True
        if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
            return True
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if nxt is not None and (
        nxt.lower_ in SPEECH_VERBS or nxt.lower_ in ("has", "had", "was", "is", "will")
    ):
        return True
    return prev is not None and prev.lower_ in SPEECH_VERBS


def is_quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside quotation marks opened in the same paragraph."""
    para = text[text.rfind("\n", 0, pos) + 1 : pos]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1


def _gender(text: str, actor: Actor) -> str:
    if actor.type != "PERSON":
        return ""
    for m in actor.mentions:
        hit = re.search(r"\b([A-Z][a-z]{1,5})\.?\s+$", text[max(0, m.start - 8) : m.start])
        word = fold(hit.group(1)) if hit else ""
        if word in MALE_ADDRESS:
            return "m"
        if word in FEMALE_ADDRESS:
            return "f"
    words = {fold(w) for r in actor.roles for w in r.text.split()}
    if words & FEMALE_NOUNS:
        return "f"
    if words & MALE_NOUNS:
        return "m"
    return given_name_gender(actor.name.split()[0]) if " " in actor.name else ""


def sentence_of(ctx: Context, pos: int) -> int:
    return max(0, bisect.bisect_right(ctx.sent_starts, pos) - 1)


def sentence_bounds(ctx: Context, i: int) -> tuple[int, int]:
    end = ctx.sent_starts[i + 1] if i + 1 < len(ctx.sent_starts) else len(ctx.text)
    return ctx.sent_starts[i], end


def mentions_between(ctx: Context, lo: int, hi: int) -> list[ContextMention]:
    i = bisect.bisect_left(ctx.starts, lo)
    out = []
    while i < len(ctx.mentions) and ctx.mentions[i].start < hi:
        out.append(ctx.mentions[i])
        i += 1
    return out


def fits_kind(ctx: Context, key: str, kind: str) -> bool:
    actor = ctx.by_key[key]
    if kind == "group":
        return actor.type in GROUP_TYPES
    return actor.type == "PERSON" and ctx.gender.get(key, "") in ("", kind)
