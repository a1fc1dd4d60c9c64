"""What a figure counts when its own words do not say: readings of its clause and its document.

- A sum asked for with no purpose of its own ("we're asking for $5.6 billion") is for what the
  last demand for money named before it in the document is for ("Mr. Trump's demands for billions
  of dollars for a border wall", "his demand for wall money"): :func:`asked_purpose`.
- A sum that completes its subject ("The flight is ultimately going to be $1 million") counts
  what the subject names: :func:`copula_subject`.
- A sum with no measure after a sum of its sentence that has one is the same sum ("The flight is
  … $1 million, the official said - a media-tracking source said about $400,000 has been placed
  so far"): :func:`same_sum`.
- A count of a set joined to another by "and" ("48 states and the District of Columbia and Puerto
  Rico", "50 states and territories") counts neither set alone: :func:`compound`.
- Words that name which measure of a thing a figure is by (official, supplemental, adjusted,
  nominal, …), from its sentence before it (back to the figure before it), or, for "this metric", the last one named before its
  sentence: :func:`kinds`. Two figures are of one measure only with the same kind words.
"""

from __future__ import annotations

import re

ASKED = re.compile(r"\b(?:ask|asks|asking|asked|demand|demands|demanding|demanded|request|requests|requesting|"
                   r"requested|seek|seeks|seeking|sought)\s+(?:for\s+)?(?:about|roughly|nearly|some|more than|"
                   r"at least|up to)?\s*$", re.IGNORECASE)
DEMAND_FOR = re.compile(
    r"\bdemands?\s+for\s+(?:(?:(?:billions|millions|hundreds of millions)\s+of\s+dollars|(?:more\s+)?"
    r"(?:money|funding|funds|cash))\s+for\s+([^.;:,]+)|((?:[\w'’-]+\s+){1,2}(?:money|funding|funds)))",
    re.IGNORECASE)


def asked_purpose(before: str, document: str) -> str:
    """The purpose of the last demand for money in ``document`` when the sum is asked for, or ""."""
    if not ASKED.search(before):
        return ""
    found = list(DEMAND_FOR.finditer(document))
    if not found:
        return ""
    m = found[-1]
    return m.group(1) or m.group(2)


COPULA = re.compile(r"(?:^|[,;:—–-]\s|\b(?i:the|its|his|her|their)\s)\s*((?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)\s+"
                    r"(?:is|was|will be|would be|(?:is|was|are|were)\s+(?:\w+ly\s+)?going to be)\s+"
                    r"(?:\w+ly\s+)?(?:about|roughly|nearly|some|more than|at least|up to)?\s*$")
NOT_SUBJECTS = frozenset("it this that which what there he she they who".split())


def copula_subject(before: str) -> str:
    """The noun a sum completes ("flight" in "The flight is ultimately going to be "), or ""."""
    m = COPULA.search(re.split(r"[;:—–]|\s-\s", before)[-1])
    if not m or m.group(1).split()[0].lower() in NOT_SUBJECTS:
        return ""
    return m.group(1)


SUBJECT_OF = re.compile(r"^\s*(?:has|have|had|is|was|were|are|will)\b")


def same_sum(money: bool, head: str, after: str, prev_money: bool, prev_head: str) -> bool:
    """Whether a sum with no measure, the subject of its clause ("about $400,000 has been placed"),
    takes the measure of the sum before it in its sentence."""
    return money and prev_money and not head and bool(prev_head) and bool(SUBJECT_OF.match(after))


COMPOUND = re.compile(r"^\W*(?:[\w'’-]+\s+){0,2}?(?:and|plus)\s+(?:the\s+)?"
                      r"(?:District\b|territor|possessions\b|[A-Z][a-z]+\s+[A-Z][a-z]+)")


def compound(after: str) -> bool:
    """Whether the counted noun after the figure is joined to another set ("48 states and the
    District of Columbia")."""
    return bool(COMPOUND.match(after))


# "official" only before what it qualifies ("the official poverty rate"; not "the official said")
KIND = re.compile(r"\b(official(?=\s+(?:poverty\s+)?(?:rate|measure|metric|count|figures?|numbers?|data|tally|"
                  r"estimates?|statistics|toll))|supplemental|adjusted|unadjusted|nominal|inflation-adjusted)\b",
                  re.IGNORECASE)
POINTER = re.compile(r"\b(?:this|that|the same|the new|the other)\s+(?:metric|measure|gauge|count|method)\b",
                     re.IGNORECASE)


def kinds(clause_before: str, sentence_before: str, earlier: str) -> frozenset[str]:
    """The kind words of a figure (see the module docstring); ``kind:`` marks them."""
    found = {m.group(1).lower() for m in KIND.finditer(clause_before)}
    if not found and POINTER.search(sentence_before):
        back = list(KIND.finditer(earlier))
        if back:
            found = {back[-1].group(1).lower()}
    return frozenset("kind:" + w for w in found)
