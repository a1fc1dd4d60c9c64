"""Reading one amount at a token: currency, sign, number (digits, words, fractions, vague), scale, unit."""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.extract.quantities import lexicon as lex
from onrecord.extract.quantities.tokens import Toks

# (value, low, high, kind, last token index, scaled)
Core = tuple[float | None, float | None, float | None, str, int, bool]
Scaled = tuple[int, bool, float | None, float | None, float | None]


@dataclass(frozen=True, slots=True)
class Amount:
    """One amount as read from tokens ``first``..``last`` (inclusive)."""

    first: int
    last: int
    core: int  # token index of the first number token
    value: float | None
    low: float | None
    high: float | None
    kind: str  # "digits", "words", "fraction", "vague"
    currency: str | None
    unit: str | None
    scaled: bool
    sign: str | None  # "+", "-" (explicit sign) or "minus"
    of_follows: bool = False  # a vague amount that swallowed "of" ("tens of millions of")

    @property
    def bare(self) -> bool:
        return self.currency is None and self.unit is None and not self.scaled


def read_amount(t: Toks, i: int) -> Amount | None:
    """Read an amount starting at token ``i``, or None when no number starts there."""
    cur, j = _currency(t, i)
    sign, j = _sign(t, j, after_currency=cur is not None)
    core = _core(t, j, cur is not None)
    if core is None:
        return None
    value, low, high, kind, k, scaled = core
    if sign in ("-", "minus") and value is not None:
        value = -value
    k, scaled, value, low, high = _scale(t, k, value, low, high, scaled, cur is not None, kind)
    unit, k = _unit(t, k, kind)
    if cur is None and unit is None:
        cur, k = _currency_after(t, k)
    of_follows = False
    if kind == "vague" and t.low(k + 1) == "of":
        of_follows = True
    return Amount(i, k, j, value, low, high, kind, cur, unit, scaled, sign, of_follows)


def _currency(t: Toks, i: int) -> tuple[str | None, int]:
    tok = t.get(i)
    if tok is None:
        return None, i
    if tok.text in lex.CURRENCY_SYMBOLS:
        if t.kind(i + 1) == "word" and t.low(i + 1) in lex.CURRENCY_CODES and t.glued(i, i + 1) \
                and t.kind(i + 2) == "num":
            return tok.text + t.get(i + 1).text, i + 2  # "$US113"
        return tok.text, i + 1
    if tok.kind != "word" or tok.low not in lex.CURRENCY_CODES:
        return None, i
    nxt = t.get(i + 1)
    if nxt is None:
        return None, i
    if nxt.text in lex.CURRENCY_SYMBOLS and (t.glued(i, i + 1) or (tok.text.isupper()
                                                                and len(tok.text) >= 2)):
        return tok.text + nxt.text, i + 2  # "US $58", "C$10"
    if nxt.text == "=" and tok.text == "Y" and t.glued(i, i + 1):
        return "¥", i + 2  # "Y=590 billion" (wire style for yen)
    if nxt.kind == "num" and t.glued(i, i + 1) and len(tok.text) >= 2 and tok.text.isupper():
        return tok.text, i + 1  # "USD10m", "RM79"
    return None, i


def _sign(t: Toks, j: int, after_currency: bool) -> tuple[str | None, int]:
    tok = t.get(j)
    if tok is None:
        return None, j
    if tok.low == "minus":
        k = j + 1
        if t.get(k) is not None and t.get(k).text in "-–" and t.glued(j, k):
            k += 1
        return ("minus", k) if t.kind(k) == "num" else (None, j)
    if tok.text in "+-−" and t.kind(j + 1) == "num" and t.glued(j, j + 1):
        prev = t.get(j - 1)
        spaced = prev is None or prev.end < tok.start or after_currency
        if spaced:
            return ("+" if tok.text == "+" else "-"), j + 1
    return None, j


def _core(t: Toks, j: int, has_currency: bool) -> Core | None:
    tok = t.get(j)
    if tok is None:
        return None
    if tok.kind == "num":
        return _digits(t, j)
    if tok.kind != "word":
        return None
    return _fraction_words(t, j) or _half(t, j) or _vague(t, j) or _number_words(t, j)


def _digits(t: Toks, j: int) -> Core | None:
    tok = t.get(j)
    value = float(tok.text.replace(",", ""))
    k = j
    nxt = t.get(j + 1)
    if nxt and nxt.text in "/⁄" and t.glued(j, j + 1) and t.kind(j + 2) == "num" \
            and t.glued(j + 1, j + 2):
        den = float(t.get(j + 2).text.replace(",", ""))
        if den > value > 0 and "." not in tok.text and den <= 1000:
            return value / den, None, None, "fraction", j + 2, False
    if nxt and nxt.text in "×x" and t.low(j + 2) == "10" and t.get(j + 3) is not None:
        exp_sign = -1 if t.get(j + 3).text in "-−" else 1
        e = j + 4 if t.get(j + 3).text in "-−+^" else j + 3
        if t.kind(e) == "num":
            return value * 10 ** (exp_sign * float(t.get(e).text)), None, None, "digits", e, False
    if nxt and nxt.text in lex.VULGAR_FRACTIONS and t.glued(j, j + 1):
        return value + lex.VULGAR_FRACTIONS[nxt.text], None, None, "digits", j + 1, False
    return value, None, None, "digits", k, False


def _number_words(t: Toks, j: int) -> Core | None:
    total, current, k, seen = 0.0, 0.0, j, False
    last = None
    if t.low(j) == "a" and t.low(j + 1) in (*lex.SCALE_WORDS, "dozen"):
        current, seen, last, k = 1.0, False, j, j + 1
    while True:
        w = t.low(k)
        if t.kind(k) != "word":
            break
        if w in lex.UNITS_WORDS:
            current += lex.UNITS_WORDS[w]
        elif w == "dozen" and (seen or last is not None):
            current = (current or 1) * 12
        elif w == "hundred" and (seen or last is not None):
            current = (current or 1) * 100
        elif w in lex.SCALE_WORDS and w != "hundred" and (seen or last is not None):
            total += (current or 1) * lex.SCALE_WORDS[w]
            current = 0.0
        elif w == "-" or (w == "and" and seen and t.low(k + 1) in lex.UNITS_WORDS):
            k += 1
            continue
        else:
            break
        seen, last = True, k
        if t.get(k + 1) is not None and t.get(k + 1).text == "-" and t.glued(k, k + 1) \
                and t.low(k + 2) in lex.UNITS_WORDS:
            k += 2
            continue
        k += 1
    if not seen or last is None:
        return None
    half = _and_a_half(t, k) if not total and current < 100 else None
    if half is not None:
        return current + 0.5, None, None, "words", half, False
    return total + current, None, None, "words", last, t.low(last) in lex.SCALE_WORDS


def _and_a_half(t: Toks, k: int) -> int | None:
    """The index of "half" when "and a half" follows the number words at ``k`` ("two and a half
    months", "two-and-a-half"), else None."""
    for word in ("and", "a", "half"):
        if t.low(k) == "-":
            k += 1
        if t.low(k) != word:
            return None
        k += 1
    return k - 1


def _fraction_words(t: Toks, j: int) -> Core | None:
    w = t.low(j)
    num = 1 if w in ("a", "one") else lex.UNITS_WORDS.get(w)
    k = j + 1
    if t.get(k) is not None and t.get(k).text == "-":
        k += 1
    den = lex.FRACTIONS.get(t.low(k))
    if num is None or den is None or t.low(k + 1) != "of":
        return None
    value = num / den
    if t.low(k + 2) == "a" and t.low(k + 3) in lex.SCALE_WORDS:
        return value * lex.SCALE_WORDS[t.low(k + 3)], None, None, "fraction", k + 3, True
    return value, None, None, "fraction", k, False


def _half(t: Toks, j: int) -> Core | None:
    """'half the condos', 'almost half of which', a bounded half ending its clause ('dwindled by
    more than half.') (not 'the first half', 'half-time')."""
    h = j + 1 if t.low(j) == "a" else j  # "more than a half-dozen": the bound reaches the article
    if t.low(h) == "half" and t.low(h + 1) == "-" and t.low(h + 2) in lex.HALF_OF and t.glued(h, h + 1) \
            and t.glued(h + 1, h + 2):
        return lex.HALF_OF[t.low(h + 2)], None, None, "words", h + 2, False  # "a half-dozen", "half-century"
    if t.low(j) != "half" or t.low(j - 1) in lex.HALF_BLOCKERS:
        return None
    if t.low(j - 1) == "than" and t.low(j - 2) in ("more", "less") and t.low(j + 1) in ("", ".", ",", ";"):
        return 0.5, None, None, "fraction", j, False
    if t.low(j + 1) not in lex.HALF_FOLLOWERS or t.glued(j, j + 1):
        return None
    if t.low(j + 1) == "a" and t.low(j + 2) in lex.SCALE_WORDS:
        return 0.5 * lex.SCALE_WORDS[t.low(j + 2)], None, None, "fraction", j + 2, True
    return 0.5, None, None, "fraction", j, False


def _vague(t: Toks, j: int) -> Core | None:
    w = t.low(j)
    if w == "dozens":
        return 12.0, None, None, "vague", j, False  # NewsQuant writes "dozens" as 12
    if w == "scores" and t.low(j + 1) == "of" and t.low(j - 1) not in lex.SCORES_BLOCKERS:
        return None, 40.0, 400.0, "vague", j, True  # "scores of others injured": many twenties
    if w in ("tens", "hundreds") and t.low(j + 1) == "of" and t.low(j + 2) in lex.VAGUE_PLURALS:
        base = (10 if w == "tens" else 100) * lex.VAGUE_PLURALS[t.low(j + 2)]
        return None, base, base * 10, "vague", j + 2, True
    if w in lex.VAGUE_PLURALS and t.low(j - 1) not in lex.UNITS_WORDS:
        base = lex.VAGUE_PLURALS[w]
        return None, base, base * 10, "vague", j, True
    return None


_CLOSING_QUOTES = {"”", "’", '"', "'"}


def _scale(t: Toks, k: int, value: float | None, low: float | None, high: float | None,
           scaled: bool, has_currency: bool, kind: str) -> Scaled:
    if kind not in ("digits",):
        return k, scaled, value, low, high
    nxt = t.get(k + 1)
    if nxt is not None and nxt.text in _CLOSING_QUOTES and has_currency and t.glued(k, k + 1) \
            and t.low(k + 2) in lex.SCALE_WORDS:
        k, nxt = k + 1, t.get(k + 2)  # a quote closed inside the amount: “... $5.6” billion
    if nxt is None or nxt.kind != "word":
        return k, scaled, value, low, high
    factor = None
    if nxt.low in lex.SCALE_WORDS:
        factor = lex.SCALE_WORDS[nxt.low]
        if t.low(k + 2) in lex.SCALE_WORDS and lex.SCALE_WORDS[t.low(k + 2)] > factor:
            factor *= lex.SCALE_WORDS[t.low(k + 2)]
            k += 1
    elif nxt.low in lex.SCALE_ABBREV and t.glued(k, k + 1):
        if nxt.low == "m" and not has_currency and not _m_is_million(t, k + 2):
            return k, scaled, value, low, high
        factor = lex.SCALE_ABBREV[nxt.low]
    if factor is None:
        return k, scaled, value, low, high
    return k + 1, True, value * factor, low, high


def _m_is_million(t: Toks, after: int) -> bool:
    nxt = t.get(after)
    if nxt is None or nxt.kind != "word":
        return False
    return nxt.low == "of" or (nxt.low not in lex.STOPWORDS and nxt.low not in {
        "long", "high", "wide", "tall", "deep", "away", "across", "race", "sprint", "freestyle",
        "above", "below", "hurdles", "relay", "and", "or", "per", "a"})


_UNIT_PHRASES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in lex.UNIT_PHRASES:
    _UNIT_PHRASES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


def _unit(t: Toks, k: int, kind: str) -> tuple[str | None, int]:
    nxt = t.get(k + 1)
    if nxt is None:
        return None, k
    if nxt.text == "%" or nxt.text == "٪":
        return "%", k + 1
    for phrase in lex.PERCENT_PHRASES:
        if _match(t, k + 1, phrase):
            return "%" if phrase[0] in ("per", "percent", "pc", "pct") else " ".join(phrase), k + len(phrase)
    if kind == "digits" and nxt.text in "-–" and t.glued(k, k + 1) and t.kind(k + 2) == "word" \
            and t.glued(k + 1, k + 2) and hyphen_unit(t.get(k + 2).text):
        return t.get(k + 2).low, k + 2  # "6.1-inch", "2,900-year-old"
    if kind == "words" and nxt.text in "-–" and t.glued(k, k + 1) and t.glued(k + 1, k + 2) \
            and t.low(k + 2) in lex.COUNTED_HYPHEN and t.low(k + 2) in lex.UNIT_WORDS | {"point"}:
        return t.low(k + 2), k + 2  # "five-minute", "two-year"
    best = None
    for phrase in _UNIT_PHRASES_BY_FIRST.get(nxt.low, ()):
        if (best is None or len(phrase) > len(best)) and _match(t, k + 1, phrase):
            best = phrase
    if best:
        return " ".join(best), k + len(best)
    if nxt.kind == "word" and (nxt.low in lex.UNIT_WORDS or nxt.text in lex.CURRENCY_SYMBOLS):
        if len(nxt.text) > 1 or t.glued(k, k + 1) or nxt.text.isupper():
            return nxt.text, k + 1
    if nxt.kind == "word" and t.glued(k, k + 1) and len(nxt.text) <= 5 and kind == "digits":
        return nxt.text, k + 1  # "2.14degF", "5G"
    if nxt.text == "°":
        after = t.get(k + 2)
        if after is not None and after.low in ("c", "f") and t.glued(k + 1, k + 2):
            return "°" + after.text, k + 2
        return "°", k + 1
    return None, k


def hyphen_unit(word: str) -> bool:
    """'6.1-inch', '19-month', '16-year-old' yes; '2-chlorobenzylidene', '3-D', '18-to-21' no."""
    low = word.lower()
    if low in ("to", "and", "or", "by"):
        return False
    return low in lex.UNIT_WORDS or (word.islower() and len(word) <= 10)


def _currency_after(t: Toks, k: int) -> tuple[str | None, int]:
    nxt = t.get(k + 1)
    if nxt is None:
        return None, k
    if nxt.text in lex.CURRENCY_SYMBOLS:
        return nxt.text, k + 1  # "1,200€"
    if nxt.kind == "word" and nxt.low in lex.CURRENCY_WORDS:
        if nxt.low == "p" and not t.glued(k, k + 1) and t.low(k + 2) not in ("at", "to", ""):
            return None, k
        return nxt.text, k + 1
    if nxt.kind == "word" and nxt.text[:1].isupper() and t.low(k + 2) in lex.CURRENCY_WORDS:
        return f"{nxt.text} {t.get(k + 2).text}", k + 2  # "7.5 million Danish crowns"
    return None, k


def _match(t: Toks, k: int, phrase: tuple[str, ...]) -> bool:
    return all(t.low(k + n) == w for n, w in enumerate(phrase))
