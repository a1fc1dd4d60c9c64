"""Entities the parse shows are words about an actor, not actors: a nationality adjective
("North Korean soldiers", "a Kazakh expert"), a capitalised common noun ("a ... Bill"), a word of
a person's title ("Russian Defense Minister Sergei Shoigu"), a misspelt weekday or month read as
a name ("On Wednedsay, though, he said").

A nationality that names a group in its own right ("the Russians said", "North Koreans") stays an
actor (NORP). A nationality adjective becomes an attribute: its mentions form an actor of type
``NATIONALITY`` (:data:`onrecord.names.ATTRIBUTE_TYPE`), which events and stories still read
("Russian officials" ties a sentence to the other Russian ones) but which the link stage sets
aside from every actor list; a person's title keeps it as words ("North Korean leader"). The
other two kinds are dropped. Without a parse (a Doc with no dependency labels) nothing is.
"""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.names import NATIONALITY, PERSON_TITLES, norm

MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
NOUNS = frozenset({"NOUN", "PROPN"})
DETERMINERS = frozenset({"a", "an", "this", "that"})  # not "the": "the Houthis", "the Taliban"
NATIONALITY_ADJECTIVE = "a nationality adjective"


def not_an_actor(ent: Span) -> str | None:
    """Why spaCy's entity ``ent`` is not an actor mention, or None when it is one."""
    root = ent.root
    if not root.dep_:
        return None
    if _modifier(ent) and (ent.label_ == "NORP" or norm(ent.text) in NATIONALITY):
        return NATIONALITY_ADJECTIVE
    if ent.label_ == "PERSON" and len(ent) == 1 and (
        any(c.dep_ == "det" and c.lower_ in DETERMINERS for c in root.children)
        or _glued_appos(ent) or _common_phrase_head(ent)
    ):
        return "a capitalised common noun"
    if ent.label_ == "PERSON" and len(ent) == 1 and misspelt_date_word(ent.text):
        return "a misspelt weekday or month"
    if ent.label_ == "ORG" and _title_word(ent):
        return "a word of a person's title"
    return None


def _modifier(ent: Span) -> bool:
    """The entity modifies a noun outside it (an adjective or a noun used as one), alone or as a
    later conjunct ("the Russian and Ukrainian leaders"), or opens a hyphenated adjective
    ("Soviet-led", "Swedish-made")."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text in ("-", "‐", "‑") and not doc[ent.end - 1].whitespace_:
        return True
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.head.i in range(ent.start, ent.end) or root.head.pos_ not in NOUNS:
        return False
    return root.dep_ in MODIFIER_DEPS or root.pos_ == "ADJ"


# weekdays and the months whose near misses are not given names (not April, May, June, August:
# "Augusta")
_DATE_WORDS = tuple("""monday tuesday wednesday thursday friday saturday sunday january february
    march july september october november december""".split())


def misspelt_date_word(word: str) -> bool:
    """A weekday or month with one letter wrong, missing, added or two swapped ("Wednedsay",
    "Thrusday", "Febuary"); the word itself is not one (spaCy tags those DATE)."""
    w = word.lower()
    return len(w) >= 6 and w not in _DATE_WORDS and any(_one_edit(w, d) for d in _DATE_WORDS)


def _one_edit(a: str, b: str) -> bool:
    """``a`` is ``b`` with one substitution, insertion, deletion or swap of neighbours."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _common_phrase_head(ent: Span) -> bool:
    """Heads an indefinite phrase with a common-noun modifier ("a ... “military assistance” Bill"):
    a name is not modified that way ("a spokesman, Peskov" is apposition; "former leader
    Gorbachev" has no "a")."""
    root = ent.root
    modified = any(c.dep_ in ("nmod", "amod") and c.pos_ in ("NOUN", "ADJ") and c.is_lower
                   for c in root.children)
    return modified and any(t.dep_ == "det" and t.lower_ in ("a", "an") for left in root.lefts for t in left.subtree)


def _glued_appos(ent: Span) -> bool:
    """In apposition to a common noun with no comma between ("a ... “assistance” Bill"): a person
    in apposition is set off by commas ("a spokesman, Peskov,"), a title before a name is its
    compound, not its head ("spokesman Peskov")."""
    root = ent.root
    head = root.head
    if root.dep_ != "appos" or head.pos_ != "NOUN" or head.i >= root.i:
        return False
    return not any(t.text in (",", "(", "–", "—") for t in ent.doc[head.i + 1 : root.i])


def _title_word(ent: Span) -> bool:
    """A one-word ORG right before a person's title and a person's name ("Defense Minister X")."""
    doc = ent.doc
    if len(ent) != 1 or ent.end + 1 >= len(doc):
        return False
    title, after = doc[ent.end], doc[ent.end + 1]
    return title.lower_ in PERSON_TITLES | {"minister", "secretary"} and after.ent_type_ == "PERSON"
