"""Numbers that are not quantities: dates, times, years, ordinals, identifiers ("F-16",
"Covid-19", "Section 427", "iPhone 11"), numbers in links and number words that are not
numbers ("one of them")."""

from __future__ import annotations

import re

from onrecord.extract.quantities import lexicon as lex
from onrecord.extract.quantities.parse import Amount, hyphen_unit
from onrecord.extract.quantities.tokens import Toks

_ERA = re.compile(r"\b(?:A\.D\.|AD|B\.C\.|BC|BCE|CE)\s*$")


_ERA_AFTER = re.compile(r"\s*(?:A\.D\.|AD|B\.C\.|BC|BCE|CE)\b")


_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?!\d)|\d{1,2}/\d{1,2}/\d{2,4}(?!\d)")


_TIME_AFTER = re.compile(r"\s*(?:[ap]\.\s?m\b|[ap]m\b|(?:gmt|bst|edt|est|pdt|pst|utc|cet)\b)", re.I)


def excluded(t: Toks, a: Amount) -> bool:
    if a.kind == "words":
        return _bad_number_word(t, a)
    if a.kind != "digits" or a.currency:
        return False
    return (_in_link(t, a) or _identifier(t, a) or _time_or_date(t, a) or _ordinal(t, a) or _after_name(t, a)
            or t.low(a.core - 1) in lex.ID_NOUNS or t.low(a.core - 1) == "#")


def _identifier(t: Toks, a: Amount) -> bool:
    c = a.core if a.sign is None else a.first
    prev = t.get(c - 1)
    if prev is None:
        return False
    if prev.kind == "word" and t.glued(c - 1, c):
        return True  # "G70", "mk5"
    if prev.text in "-–" and t.glued(c - 1, c) and t.kind(c - 2) in ("word", "num") \
            and t.glued(c - 2, c - 1):
        return t.low(c - 2) not in ("sub", "minus", "mid", "over", "under")  # "F-16", "Covid-19"
    if a.unit is None and t.low(a.last + 1) in ("-", "–") and t.glued(a.last, a.last + 1) \
            and t.kind(a.last + 2) == "word" and t.glued(a.last + 1, a.last + 2) \
            and t.low(a.last + 2) != "to" and not hyphen_unit(t.get(a.last + 2).text):
        return True  # "2-chlorobenzylidene", "3-D"
    return a.unit is not None and t.kind(a.last + 1) == "num" and t.glued(a.last, a.last + 1)


def _in_link(t: Toks, a: Amount) -> bool:
    """A number inside a URL, e-mail address or handle ('https://abc.ws/2LsODNu')."""
    at = t.get(a.core).start
    left = t.text.rfind(" ", 0, at) + 1
    right = t.text.find(" ", at)
    chunk = t.text[left:right if right >= 0 else len(t.text)]
    return "://" in chunk or "www." in chunk or "@" in chunk


def _time_or_date(t: Toks, a: Amount) -> bool:
    c = a.core
    if _ISO_DATE.match(t.text, t.get(c).start):
        return True
    if t.low(c + 1) in (":", ".") and t.kind(c + 2) == "num" and t.glued(c + 1, c + 2) \
            and t.glued(c, c + 1) and t.low(c + 1) == ":":
        return True
    if t.low(c - 1) == ":" and t.kind(c - 2) == "num" and t.glued(c - 1, c):
        return True
    if _TIME_AFTER.match(t.text, t.get(c).end):
        return True
    if _ERA.search(t.text, max(0, t.get(c).start - 6), t.get(c).start) \
            or _ERA_AFTER.match(t.text, t.get(c).end):
        return True
    prev = c - 2 if t.low(c - 1) == "." else c - 1
    nxt = c + 2 if t.low(c + 1) == "," else c + 1
    return _month(t, prev) or (_month(t, c + 1) or _month(t, nxt) and not a.unit)


def _month(t: Toks, i: int) -> bool:
    tok = t.get(i)
    return tok is not None and tok.low in lex.MONTHS and tok.text[0].isupper() \
        and not (tok.low == "may" and tok.text == "May" and t.sentence_initial(i))


def _ordinal(t: Toks, a: Amount) -> bool:
    nxt = t.get(a.core + 1)
    return nxt is not None and t.glued(a.core, a.core + 1) and nxt.low in lex.ORDINAL_SUFFIXES


def _after_name(t: Toks, a: Amount) -> bool:
    """'Section 427', 'Game 7', 'S&P 500', 'iPhone 11': a bare number after a capitalised name."""
    if not a.bare or a.sign or "%" in (a.unit or ""):
        return False
    i = a.core - 1
    if t.low(i) == "&" or (t.get(i) is not None and t.get(i).text == "&"):
        return True
    prev = t.get(i)
    if prev is None or prev.kind != "word" or prev.low in lex.NOT_NAME_WORDS:
        return False
    if not any(ch.isupper() for ch in prev.text):
        return False
    return not (t.sentence_initial(i) and prev.text[1:].islower())


def _bad_number_word(t: Toks, a: Amount) -> bool:
    nxt = t.get(a.last + 1)
    if nxt is not None and nxt.text == "-" and t.glued(a.last, a.last + 1) \
            and t.kind(a.last + 2) == "word" and t.low(a.last + 2) not in lex.FRACTIONS.keys() | lex.COUNTED_HYPHEN:
        return True  # "six-speed", "three-year"; not "seven-count" (an indictment's seven counts)
    if a.first == a.last and t.low(a.first) == "one":
        return _pronoun_one(t, a.first)
    return False


def _pronoun_one(t: Toks, i: int) -> bool:
    before, after = t.low(i - 1), t.get(i + 1)
    if before in lex.ONE_BLOCKERS_BEFORE:
        return True
    if after is None or after.kind != "word":
        return True
    return after.low in lex.ONE_BLOCKERS_AFTER


def year_like(t: Toks, a: Amount, b: Amount | None, last: int) -> bool:
    parts = [a] if b is None else [a, b]
    if not all(year_number(t, p) for p in parts):
        return False
    nxt = t.get(last + 1)
    plural = nxt is not None and nxt.kind == "word" and nxt.text.islower() \
        and nxt.low.endswith("s") and nxt.low not in lex.STOPWORDS | {"was", "has", "is", "as"}
    return not plural


def year_number(t: Toks, p: Amount) -> bool:
    text = t.get(p.core).text
    if not (p.bare and p.sign is None and p.kind == "digits" and text.isdigit() and len(text) == 4):
        return False
    if 1600 <= int(text) <= 2100:
        return True
    return 1000 <= int(text) <= 2300 and t.low(p.first - 1) in lex.YEAR_PREPOSITIONS
