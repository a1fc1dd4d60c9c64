"""Splitting a text into lines with offsets and the features the classifier reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"\w+")
SENTENCE_END = ".!?…"
CLOSERS = "\"'”’)]»"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of the source text, stripped, with its offsets and features."""

    index: int
    start: int
    end: int
    text: str
    words: int
    stopword_density: float
    blank_before: bool

    @property
    def sentence_like(self) -> bool:
        return ends_sentence(self.text)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (final punctuation, perhaps inside quotes)."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1]
    return bool(t) and t[-1] in SENTENCE_END


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of ``text`` with source offsets (surrounding whitespace excluded)."""
    lines: list[Line] = []
    pos = 0
    blank = True
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            blank = True
            continue
        lines.append(_line(len(lines), start, end, text[start:end], blank))
        blank = False
    return lines


def _line(index: int, start: int, end: int, text: str, blank_before: bool) -> Line:
    words = WORD.findall(text.lower())
    stop = sum(w in STOP_WORDS for w in words) / len(words) if words else 0.0
    return Line(index, start, end, text, len(words), stop, blank_before)
