"""Which part of a speaker phrase names the speaker: the name that ends it ("Indivisible
co-founder Ezra Levin"), the part before a clause that names someone else ("the congressman who
represents … Queens"), an institution a person's name only qualifies ("the Obama
administration"), a group narrowed by a clause ("people briefed on the matter"), an
organisation's full written name ("Democracy for America") and a document's author ("the report,
by White House Counsel Robert Bauer").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extract.quotes.sources import GROUP_HEADS, head_noun, narrows
from onrecord.models import Span
from onrecord.nlp.pipeline import text_of

_CUTS = frozenset({",", "(", "—", "–", "--", ";"})


def final_name(doc: Doc, mention: Span) -> Span | None:
    """The name that ends a speaker phrase (before any comma or bracket), which English makes its
    head: a person after a title or an owner ("Indivisible co-founder Ezra Levin" → Ezra Levin),
    or a name after a possessive ("Twitter's Adam Sharp" → Adam Sharp, "Breitbart's
    BigGovernment.com" → BigGovernment.com); None when the phrase is that name alone or ends
    otherwise."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    part = []
    for tok in span:
        if tok.text in _CUTS or tok.is_space:
            break
        part.append(tok)
    if len(part) < 2:
        return None
    last = part[-1]
    if last.ent_type_ == "PERSON":
        first = len(part) - 1
        while first > 0 and part[first].ent_iob_ == "I" and part[first - 1].ent_type_ == "PERSON":
            first -= 1
        name = part[first:]
    else:
        owner = [k for k, t in enumerate(part) if t.dep_ == "case" and t.lower_ in ("'s", "’s")]
        name = part[owner[-1] + 1 :] if owner else []
        if not name or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
            return None
    if name[0].i == part[0].i:
        return None
    start, end = name[0].idx, name[-1].idx + len(name[-1].text)
    return Span(start, end, text_of(doc)[start:end])


def before_clause(doc: Doc, mention: Span) -> tuple[Span, Span] | None:
    """A speaker phrase with a relative or participle clause ("the congressman who represents
    parts of Brooklyn and Queens", "Democracy for America, the committee founded by Howard
    Dean"), split into the part before the first such clause and the clause: a name inside the
    clause is not the speaker. None without one."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    clauses = [t.left_edge.i for t in span if t.dep_ in ("relcl", "acl") and span.start <= t.head.i < span.end
               and t.left_edge.i > span.start]
    if not clauses:
        return None
    cut = min(clauses)
    words = [t for t in doc[span.start : cut] if not (t.is_punct or t.is_space)]
    if not words:
        return None
    text = text_of(doc)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    tail = doc[cut].idx
    return Span(start, end, text[start:end]), Span(tail, mention.end, text[tail : mention.end])


def institution_of(doc: Doc, mention: Span) -> bool:
    """The phrase names an institution or group after a person who only qualifies it ("the Obama
    administration", "the Trump campaign"): the body speaks, not the person."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = head_noun(span) if span is not None else None
    return (head is not None and head.pos_ == "NOUN" and head.lower_ in GROUP_HEADS
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children))


DOCUMENTS = frozenset("report memo memorandum letter study review analysis audit".split())


def author_of(doc: Doc, mention: Span) -> Span | None:
    """The person a document speaker was written by: "the report, by White House Counsel Robert
    Bauer, concluded" → Robert Bauer, and a later "the report" → the author of the last report
    the article credited with a "by" before it; None for any other phrase."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = head_noun(span) if span is not None else None
    if head is None or head.pos_ != "NOUN" or head.lemma_.lower() not in DOCUMENTS:
        return None
    if _by_person(head) is None and not any(c.lower_ == "the" and c.dep_ == "det" for c in head.children):
        return None  # "a report": another one
    for tok in [head, *(t for t in reversed(doc[: head.i]) if t.lemma_.lower() == head.lemma_.lower())]:
        if (name := _by_person(tok)) is not None:
            return Span(name.start_char, name.end_char, name.text)
    return None


def _by_person(noun: Token):
    """The person named in a "by" phrase of a noun ("the report, by … Robert Bauer"), also where
    the parse hung the phrase from the verb the noun is the subject of."""
    preps = list(noun.children)
    if noun.dep_ == "nsubj" and noun.head.i > noun.i:
        preps += [c for c in noun.head.children if noun.i < c.i < noun.head.i]
    for prep in preps:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            people = [t for t in prep.subtree if t.ent_type_ == "PERSON"]
            if people:
                ent = next(e for e in noun.doc.ents if e.start <= people[0].i < e.end)
                return ent
    return None


def written_name(doc: Doc, mention: Span) -> str | None:
    """An organisation's name as written with its "for"/"of" part ("Democracy for America",
    "Americans for Prosperity"), when its head is a name; None otherwise."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = head_noun(span) if span is not None else None
    if head is None or head.pos_ != "PROPN":
        return None
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("for", "of") and c.i == head.i + 1), None)
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ != "PROPN" or obj.i >= span.end:
        return None
    first = min([head.i, *(c.i for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")])
    last = max([obj.i, *(c.i for c in obj.rights if c.dep_ == "compound")])
    return doc[first : last + 1].text


def restricted(doc: Doc, mention: Span) -> bool:
    """The mention is a plural group narrowed by a participle or relative clause right after its
    head ("Democrats who voted to reopen the government"): some of the group, not the group."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = head_noun(span) if span is not None else None
    return (head is not None and head.tag_ in ("NNS", "NNPS")
            and any(narrows(c) and c.left_edge.i == head.i + 1 and c.i < span.end for c in head.rights))
