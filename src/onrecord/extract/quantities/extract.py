"""Quantities in news text: value or interval, change label, unit and the thing counted.

``extract_quantities(text, doc=None)`` scans the text with a small tokenizer of its own (so it
works without a model), reads each amount (``parse``), joins ranges ("1,000-1,500",
"between 3,000 and 15,000", "from $10 to $15 billion"), drops dates, times, years, ordinals and
identifiers ("F-16", "Covid-19", "Section 427", "iPhone 11"), and labels the change from the
words before it. Conventions follow the NewsQuant benchmark:

* ``value`` is the single figure; for ranges and vague amounts it is None and ``low``/``high``
  hold the interval ("tens of millions" -> 10,000,000-100,000,000). "dozens" is read as 12, as
  NewsQuant writes it. Percentages keep the number (47.6 for "47.6%"); money is scaled ("$57m" ->
  57,000,000); fractions are numbers ("two-thirds" -> 0.667).
* ``change``: ``~`` approximate, ``<``/``>`` bounds, ``up``/``down`` after a change verb or an
  explicit sign, ``=`` otherwise.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from spacy.tokens import Doc, Token

from onrecord.extract.quantities import lexicon as lex
from onrecord.extract.quantities.filters import excluded, year_like, year_number
from onrecord.extract.quantities.parse import Amount, read_amount
from onrecord.extract.quantities.tokens import Tok, Toks
from onrecord.models import Quantity

log = logging.getLogger(__name__)


def extract_quantities(text: str, doc: Doc | None = None) -> list[Quantity]:
    """Every quantity in ``text`` (offsets into it); ``doc`` (same text) sharpens ``counted``."""
    t = Toks(text)
    out: list[Quantity] = []
    i = 0
    while i < len(t):
        a = read_amount(t, i) if _may_start(t.items[i]) else None
        if a is None:
            i += 1
            continue
        q, nxt = _assemble(t, a)
        if q is not None:
            q = _inherit_change(t, q, a, out[-1] if out else None)
            out.append(_with_counted(q, t, nxt, doc))
        i = max(nxt, i + 1)
    return out


_START_WORDS = (set(lex.UNITS_WORDS) | set(lex.VAGUE_PLURALS) | lex.CURRENCY_CODES
                | {"a", "dozens", "scores", "tens", "half", "minus"})


_START_SYMBOLS = set(lex.CURRENCY_SYMBOLS) | {"+", "-", "−"}


def _may_start(tok: Tok) -> bool:
    """Cheap pre-check: only these tokens can open an amount."""
    if tok.kind == "num":
        return True
    return tok.low in _START_WORDS if tok.kind == "word" else tok.text in _START_SYMBOLS


def _assemble(t: Toks, a: Amount) -> tuple[Quantity | None, int]:
    """Turn amount ``a`` (plus a range partner) into a Quantity; return the next token index."""
    if excluded(t, a):
        return None, a.last + 1
    b, joined_last = _range_partner(t, a)
    if b is not None:
        a = _borrow_scale(a, b)
        if year_like(t, a, b, joined_last):
            return None, joined_last + 1
        return _make(t, a, b, joined_last), joined_last + 1
    if year_like(t, a, None, a.last):
        return None, a.last + 1
    return _make(t, a, None, a.last), a.last + 1


def _make(t: Toks, a: Amount, b: Amount | None, last: int) -> Quantity:
    start, end = t.get(_first_word(t, a, b)).start, t.get(last).end
    change = _change(t, a)
    unit = a.unit or a.currency or (b.unit or b.currency if b else None)
    if b is None:
        value, low, high = a.value, a.low, a.high
    else:
        value, low, high = None, a.value, b.value
        if change in ("<", ">"):
            change = "="
    return Quantity(start, end, t.text[start:end], value, low, high, change, unit, None)


def _first_word(t: Toks, a: Amount, b: Amount | None) -> int:
    """The expression as written starts at its modifier: "up to 120,000", "between 3 and 5"."""
    if b is not None and t.low(a.first - 1) == "between" and t.low(a.last + 1) == "and":
        return a.first - 1
    mod, before = _modifier(t, a.first)
    return before if mod else a.first


def _inherit_change(t: Toks, q: Quantity, a: Amount, prev: Quantity | None) -> Quantity:
    """A conversion in brackets keeps the bound or change of the figure it converts:
    'more than 7.5 million crowns (US $1.1 million)' -> both '>'."""
    if prev is None or q.change != "=" or prev.change not in ("<", ">", "up", "down"):
        return q
    if t.low(a.first - 1) != "(" or t.text[prev.end:q.start].strip() != "(":
        return q
    return replace(q, change=prev.change)


def _range_partner(t: Toks, a: Amount) -> tuple[Amount | None, int]:
    if a.value is None or a.kind == "vague":
        return None, a.last
    k = a.last + 1
    sep = t.get(k)
    if sep is None:
        return None, a.last
    if sep.text in "-–" and t.low(k + 1) == "to" and t.low(k + 2) in ("-", "–") \
            and t.glued(k, k + 1) and t.glued(k + 1, k + 2):
        b = read_amount(t, k + 3)  # "18-to-21"
        if b is not None and b.kind == "digits" and a.kind == "digits":
            return b, b.last
    if sep.text in "-–" and not _spaced_sign(t, k):
        b = read_amount(t, k + 1)
        if b is not None and b.sign is None and b.kind == "digits" and a.kind == "digits":
            return b, b.last
    if sep.low == "to" or (sep.low == "and" and t.low(a.first - 1) == "between"):
        b = read_amount(t, k + 1)
        if b is not None and b.value is not None and _compatible(t, a, b):
            return b, b.last
    if sep.low == "or" and a.bare and a.kind == "words":
        b = read_amount(t, k + 1)
        if b is not None and b.kind == "words" and b.value and a.value < b.value:
            return b, b.last
    if sep.low == "or" and a.bare and a.kind == "digits" and t.kind(k + 1) == "num":
        b = read_amount(t, k + 1)
        if b is not None and b.value is not None and a.value < b.value and b.unit:
            return b, b.last
    return None, a.last


def _spaced_sign(t: Toks, k: int) -> bool:
    """A minus written as a sign (" -1.3%"), not as a range dash ("5-10", "5 - 10")."""
    before, after = t.get(k - 1), t.get(k + 1)
    return before is not None and after is not None and before.end < t.get(k).start \
        and t.get(k).end == after.start


def _compatible(t: Toks, a: Amount, b: Amount) -> bool:
    if _change_word(t, a) and not a.bare:
        return False  # "rose 6.5% to 164p", "increased by $43.6bn to $419.2bn"
    if a.kind == "fraction" or b.kind == "fraction":
        return False
    if year_number(t, a) and not year_number(t, b):
        return False  # "in 2008 to 29 mpg"
    unit_a = a.unit or a.currency
    unit_b = b.unit or b.currency
    if unit_a is None:
        return True
    return unit_b is None or _same_unit(unit_a, unit_b)


def _same_unit(x: str, y: str) -> bool:
    x, y = x.lower().strip("s"), y.lower().strip("s")
    return x == y or x.replace(" ", "") in y.replace(" ", "") or y in x


def _borrow_scale(a: Amount, b: Amount) -> Amount:
    """'$10 to $15 billion': the first figure takes the second's scale when it has none."""
    if a.scaled or not b.scaled or a.value is None or b.value is None:
        return a
    for factor in (1e12, 1e9, 1e6, 1e3):
        if b.value >= factor and abs(a.value) < 1000 and a.value * factor <= b.value * 10:
            return replace(a, value=a.value * factor, scaled=True)
    return a


def _change(t: Toks, a: Amount) -> str:
    if a.sign in ("+", "-"):
        return "up" if a.sign == "+" else "down"
    mod, before = _modifier(t, a.first)
    if mod in ("<", ">"):
        return mod  # "climbed more than 3%": the bound is what the text commits to
    return _change_word(t, a, before) or mod or "="


def _modifier(t: Toks, first: int) -> tuple[str | None, int]:
    """The bound/approximation phrase right before token ``first`` and where it starts."""
    i = first - 1
    if t.low(i) in ("-", "–") and t.glued(i - 1, i) and t.low(i - 1) == "sub":
        return "<", i - 1
    for size in (3, 2, 1):
        words = tuple(t.low(k) for k in range(first - size, first))
        if first - size < 0:
            continue
        for label, table in (("~", lex.APPROX), ("<", lex.LESS), (">", lex.MORE)):
            if words in table:
                return label, first - size
    return None, first


def _change_word(t: Toks, a: Amount, before: int | None = None) -> str | None:
    i = (a.first if before is None else before) - 1
    for _ in range(4):
        w = t.low(i)
        if w in lex.UP_VERBS or w in lex.DOWN_VERBS:
            if w in ("up", "down") and _phrasal(t, i):
                return None
            if w in lex.OBJECT_VERBS and (a.bare or a.kind == "words") and not _points(t, a):
                return None
            return "up" if w in lex.UP_VERBS else "down"
        if w not in lex.CHANGE_FILLERS:
            return None
        i -= 1
    return None


def _points(t: Toks, a: Amount) -> bool:
    return t.low(a.last + 1) in ("points", "point", "pts")


def _phrasal(t: Toks, i: int) -> bool:
    """'called up 300,000', 'signed up 270,000': up/down as a particle, not a change."""
    prev = t.low(i - 1)
    if prev in lex.PARTICLE_VERBS:
        return True
    return prev.endswith("ed") and prev not in ("edged", "closed", "ended", "finished", "traded")


def _with_counted(q: Quantity, t: Toks, nxt: int, doc: Doc | None) -> Quantity:
    if doc is None:
        return replace(q, counted=_counted_from_text(t, nxt))
    head = _counted_head(q, doc)
    if head is None:
        return q
    return replace(q, counted=_noun_phrase(head, head.i), unit=q.unit or head.lower_)


def _counted_from_text(t: Toks, k: int) -> str | None:
    if t.low(k) == "of":
        k += 1
        while t.low(k) in ("the", "a", "an", "its", "their", "his", "her", "our"):
            k += 1
    words: list[str] = []
    while len(words) < 2:
        tok = t.get(k)
        if tok is None or tok.kind != "word" or tok.low in lex.STOPWORDS:
            break
        words.append(tok.text)
        k += 1
    return " ".join(words) or None


# Verbs of a level reached: "border apprehensions have fallen ... to 400,000" counts apprehensions.
LEVEL_LEMMAS = frozenset("fall rise drop climb grow increase decrease decline jump shrink swell reach".split())


def _counted_head(q: Quantity, doc: Doc) -> Token | None:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    head = span[-1].head
    if head.i >= span.end and head.pos_ in ("NOUN", "PROPN"):
        return head
    return _noun_after(doc[span.end]) or _subject_reaching(span.root)


def _subject_reaching(tok: Token) -> Token | None:
    """The subject of a verb of change whose "to" phrase (or object, for "reach") is the figure."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "to" else tok.head if tok.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in LEVEL_LEMMAS:
        return None
    if tok.dep_ == "dobj" and verb.lemma_.lower() != "reach":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def _noun_after(tok: Token) -> Token | None:
    """The noun a figure counts when the parse does not hang the figure on it directly."""
    while tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
        tok = tok.head
    if tok.lower_ == "of":
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        tok = objs[0] if objs else tok
    return tok if tok.pos_ in ("NOUN", "PROPN") else None


def _noun_phrase(head: Token, after: int) -> str:
    """The head noun with its adjective/compound modifiers and a following participle."""
    left = [w for w in head.lefts if w.dep_ in ("amod", "compound", "nmod")
            and not w.like_num and w.pos_ != "NUM"]
    start = min([head.i, *[w.left_edge.i for w in left if not w.left_edge.like_num]])
    end = head.i + 1
    for right in head.rights:
        if right.dep_ == "acl" and right.tag_ == "VBN" and right.i == end:
            end = right.i + 1
    return head.doc[start:end].text
