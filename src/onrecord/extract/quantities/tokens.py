"""Tokens for the quantity scanner: digits, letter runs and single symbols, with offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(
    r"\d+(?:,\d{3})+(?:\.\d+)?"  # 1,307,000 / 6,327.80
    r"|\d+(?:\.\d+)?"  # 87 / 2.5
    r"|(?<![\w.])\.\d+"  # .500
    r"|[^\W\d_]+"  # letter runs (any script)
    r"|\S"  # one symbol
)


class Tok(NamedTuple):
    """One token (a NamedTuple: articles have tens of thousands, so creation must be cheap)."""

    start: int
    end: int
    text: str
    low: str
    kind: str  # "num", "word" or "sym"


def tokenize(text: str) -> list[Tok]:
    toks = []
    append, new = toks.append, tuple.__new__  # a Tok made as ``Tok._make`` makes it, without its Python call
    for m in _TOKEN.finditer(text):
        t = m.group()
        kind = "num" if t[0].isdigit() or (t[0] == "." and len(t) > 1) else (
            "word" if t[0].isalpha() else "sym")
        start, end = m.span()
        append(new(Tok, (start, end, t, t.lower(), kind)))
    return toks


class Toks:
    """A token list with safe look-ups, so the scanner reads like the text it scans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.items = tokenize(text)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, i: int) -> Tok | None:
        return self.items[i] if 0 <= i < len(self.items) else None

    def low(self, i: int) -> str:
        tok = self.get(i)
        return tok.low if tok else ""

    def kind(self, i: int) -> str:
        tok = self.get(i)
        return tok.kind if tok else ""

    def glued(self, i: int, j: int) -> bool:
        """True when token ``i`` ends exactly where token ``j`` starts (no space between)."""
        a, b = self.get(i), self.get(j)
        return a is not None and b is not None and a.end == b.start

    def sentence_initial(self, i: int) -> bool:
        prev = self.get(i - 1)
        if prev is None:
            return True
        if prev.text in ".!?;\"“”'‘’([—–-":
            return True
        return "\n" in self.text[prev.end:self.items[i].start]
