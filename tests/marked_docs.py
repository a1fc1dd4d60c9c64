"""Docs with hand-set entities for the actor tests: entities written "[Vladimir Putin|PERSON]"."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from onrecord.extract.actors import resolve
from onrecord.models import Actor, Claim, Mention

MARK = re.compile(r"\[([^\]|]+)\|([A-Z]+)\]")


def marked_doc(nlp, marked: str) -> Doc:
    """A Doc from text where entities are written "[Vladimir Putin|PERSON]"."""
    text, spans, pos = "", [], 0
    for m in MARK.finditer(marked):
        text += marked[pos : m.start()]
        spans.append((len(text), len(text) + len(m.group(1)), m.group(2)))
        text += m.group(1)
        pos = m.end()
    text += marked[pos:]
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, e, label=label) for s, e, label in spans]
    return doc


def named(actors: tuple[Actor, ...], name: str) -> Actor:
    return next(a for a in actors if a.name == name)


def key_at(doc: Doc, actors: tuple[Actor, ...], span: str, nth: int = 0) -> str | None:
    starts = [m.start() for m in re.finditer(rf"\b{re.escape(span)}\b", doc.text)]
    start = starts[nth]
    return resolve(actors, doc, start, start + len(span))


def name_of(actors: tuple[Actor, ...], key: str | None) -> str | None:
    return next((a.name for a in actors if a.key == key), None)


def claim_at(claims: tuple[Claim, ...], text: str, figure: str) -> Claim:
    """The one claim that overlaps the first occurrence of ``figure`` in ``text``."""
    at = text.index(figure)
    (hit,) = [c for c in claims if c.start < at + len(figure) and at < c.end]
    return hit


def person(text: str, name: str, key: str) -> Actor:
    """A PERSON actor with one mention: the first occurrence of ``name`` in ``text``."""
    start = text.index(name)
    return Actor(key, name, "PERSON", (name,), (Mention(start, start + len(name), name, key),))


def parsed_doc(vocab, rows: str, ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A Doc with a hand-set parse, one token a line: ``word pos dep head [lemma]`` (``head``: the
    index of the head token; a token whose next one follows without a space ends with ``~``);
    sentences start at each ROOT's first token; ``ents`` are (first, end, label) token ranges."""
    words, spaces, pos, deps, heads, lemmas = [], [], [], [], [], []
    for line in rows.strip().splitlines():
        word, tag, dep, head, *lemma = line.split()
        glued = word.endswith("~") and len(word) > 1
        words.append(word[:-1] if glued else word)
        spaces.append(not glued)
        pos.append(tag)
        deps.append(dep)
        heads.append(int(head))
        lemmas.append(lemma[0] if lemma else words[-1].lower())
    spaces[-1] = False
    roots = [i for i, d in enumerate(deps) if d == "ROOT"]
    firsts = {0} | {min(j for j in range(len(words)) if _root_of(heads, j) == r) for r in roots}
    doc = Doc(vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads, lemmas=lemmas,
              sent_starts=[i in firsts for i in range(len(words))])
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def parsed_relations(vocab, rows: str, ents: tuple[tuple[int, int, str], ...] = (),
                     published: str = "2024-10-01") -> list[tuple]:
    """(type, mode, source name, target name, status) of each relation of a hand-parsed Doc
    (``parsed_doc``), its actors extracted from ``ents``."""
    from onrecord.extract.actors import extract_actors
    from onrecord.extract.relations import extract_relations

    doc = parsed_doc(vocab, rows, ents)
    actors = extract_actors(doc)
    names = {a.key: a.name for a in actors}
    return [(r.type, r.mode, names.get(r.source_key), names.get(r.target_key), r.status)
            for r in extract_relations(doc, actors, (), (), published)]


def _root_of(heads: list[int], i: int) -> int:
    while heads[i] != i:
        i = heads[i]
    return i


# "The mayor said that the bridge would close."
REPORTED = """
The DET det 1
mayor NOUN nsubj 2
said VERB ROOT 2 say
that SCONJ mark 7
the DET det 5
bridge NOUN nsubj 7
would AUX aux 7
close~ VERB ccomp 2
. PUNCT punct 2
"""

# "“We will win,” she said."
QUOTED = """
“~ PUNCT punct 7
We PRON nsubj 3 we
will AUX aux 3
win~ VERB ccomp 7
,~ PUNCT punct 7
” PUNCT punct 7
she PRON nsubj 7
said~ VERB ROOT 7 say
. PUNCT punct 7
"""

# "Ana Ruiz arrived. She said the plan failed." (Ana Ruiz: tokens 0-2)
NAMED_THEN_SHE = """
Ana PROPN compound 1
Ruiz PROPN nsubj 2
arrived~ VERB ROOT 2 arrive
. PUNCT punct 2
She PRON nsubj 5 she
said VERB ROOT 5 say
the DET det 7
plan NOUN nsubj 8
failed~ VERB ccomp 5 fail
. PUNCT punct 5
"""

# "Ana Ruiz left. A local expert arrived. She said the plan failed." (Ana Ruiz: tokens 0-2)
EXPERT_THEN_SHE = """
Ana PROPN compound 1
Ruiz PROPN nsubj 2
left~ VERB ROOT 2 leave
. PUNCT punct 2
A DET det 6
local ADJ amod 6
expert NOUN nsubj 7
arrived~ VERB ROOT 7 arrive
. PUNCT punct 7
She PRON nsubj 10 she
said VERB ROOT 10 say
the DET det 12
plan NOUN nsubj 13
failed~ VERB ccomp 10 fail
. PUNCT punct 10
"""
