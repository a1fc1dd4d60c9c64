"""Names and reasons made safe for one-line printing, and the ``Problem`` records built from them.

File names, JSONL row ids, feed item ids and URLs come from the outside world: a newline in one
would start a new line in a printed list of problems, a terminal control sequence would act on the
terminal, and an undecodable byte in a file name (a surrogate escape) cannot be printed at all.
Every name and reason that ingest and clean put in a record goes through :func:`printable`.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from onrecord.models import Problem

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Categories escaped: controls (C0, DEL, C1), surrogates, line and paragraph separators.
_ESCAPED_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}
# Bidirectional overrides and isolates reorder how the rest of a line is displayed.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters, separators and bidi overrides written as ``\\n``-style escapes.

    Printable text (any script, emoji included) is kept as it is, so the result reads as the name.
    """
    if text.isprintable():  # fast path: nothing to escape (spaces are printable, other Z* are not)
        return text
    return "".join(
        _escape(c) if c in _BIDI or unicodedata.category(c) in _ESCAPED_CATEGORIES else c for c in text
    )


def problem(input: str, stage: str, reason: str, severity: Literal["error", "note"] = "error") -> Problem:
    """A ``Problem`` whose input name and reason each print as one line."""
    return Problem(printable(input), stage, printable(reason), severity)
