"""Cutting a long body into windows of whole paragraphs, so each spaCy Doc stays bounded.

A window ends after a paragraph break (a line break, with the blank lines that follow it) and holds
at most ``cap`` characters. A paragraph longer than ``cap`` is cut after the last sentence end
(``. ``, ``? ``, ``! ``, a closing quote after one) before the cap, else after the last space,
else at the cap itself. The windows tile the text: each starts where the previous one ends.

>>> windows("one.\\n\\ntwo.\\n\\nthree.", cap=8)
[(0, 6), (6, 12), (12, 18)]
>>> windows("short", cap=100)
[(0, 5)]
"""

from __future__ import annotations

import re

_PARAGRAPH_END = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def windows(text: str, cap: int) -> list[tuple[int, int]]:
    """(start, end) of each window of ``text``: whole paragraphs, at most ``cap`` characters each."""
    if cap < 1:
        raise ValueError("the window cap must be at least 1 character")
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > cap:
        end = _last_break(text, start, start + cap)
        out.append((start, end))
        start = end
    if start < len(text) or not out:
        out.append((start, len(text)))
    return out


def _last_break(text: str, start: int, limit: int) -> int:
    """The end of the last paragraph, else sentence, else word, that ends after ``start`` and by ``limit``."""
    for pattern in (_PARAGRAPH_END, _SENTENCE_END, _SPACE):
        end = _last_match_end(pattern, text, start, limit)
        if end is not None:
            return end
    return limit


def _last_match_end(pattern: re.Pattern[str], text: str, start: int, limit: int) -> int | None:
    best = None
    for match in pattern.finditer(text, start, limit):
        if match.end() > start:
            best = match.end()
    return best
