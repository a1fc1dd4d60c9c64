"""Splitting a text into lines with offsets and the features the classifier reads."""

from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

log = logging.getLogger(__name__)

WORD = re.compile(r"\w+")
SENTENCE_END = ".!?…。！？"
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_CHARS_PER_WORD = 2  # scripts written without spaces: count two characters as one word
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


@functools.lru_cache(maxsize=32)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stopword list for ``lang`` (ISO 639-1); English when spaCy has none for it.

    spaCy ships lists for some of the languages the detector names only, so the list is looked up
    before it is imported: a list that exists but fails to import raises.
    """
    package = f"spacy.lang.{lang}"
    if importlib.util.find_spec(package) is None or importlib.util.find_spec(f"{package}.stop_words") is None:
        log.debug("no stopword list for %r; using English", lang)
        return frozenset(STOP_WORDS)
    module = importlib.import_module(f"{package}.stop_words")
    return frozenset(w.lower() for w in module.STOP_WORDS)


def split_lines(text: str, stops: frozenset[str] = frozenset(STOP_WORDS)) -> list[Line]:
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
        lines.append(_line(len(lines), start, end, text[start:end], blank, stops))
        blank = False
    return lines


def _line(index: int, start: int, end: int, text: str, blank_before: bool, stops: frozenset[str]) -> Line:
    words = WORD.findall(text.lower())
    stop = sum(w in stops for w in words) / len(words) if words else 0.0
    cjk = len(CJK.findall(text))
    count = len(words) if not cjk else sum(not CJK.search(w) for w in words) + cjk // CJK_CHARS_PER_WORD
    return Line(index, start, end, text, count, stop, blank_before)
