"""A candidate quote as the extractor drafts it, and the small measures the drafting shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.extract.quotes.marks import QUOTE_CHARS, Marked
from onrecord.models import QuoteKind

MIN_QUOTE_WORDS = 4  # quoted stretches shorter than this need a cue to count as quotes
TERMINATOR = re.compile(r"[.!?]\s")


@dataclass(frozen=True, slots=True)
class Draft:
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    speaker: tuple[int, int] | None
    mark: Marked | None = None
    feature: str = ""  # "lemma/how/kind": the key of the learned precision table
    features: tuple[str, ...] = ()  # the cue's features for the learned model
    cue_at: tuple[int, int] | None = None  # the cue's offsets, when it has some


def word_count(text: str, m: Marked) -> int:
    return len(re.findall(r"\w+", text[m.start : m.end]))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def paragraph_index(paras: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(paras):
        if s <= pos < e or pos < s:
            return i
    return len(paras) - 1


def trim(text: str, start: int, end: int, strip_marks: bool) -> tuple[int, int]:
    """Drop surrounding whitespace (and, for a direct quote, its marks and trailing comma)."""
    junk = " \t\n" + (QUOTE_CHARS + ",:" if strip_marks else "")
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    return start, end
