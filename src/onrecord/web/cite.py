"""Where a citation links: the article page opened at the cited passage, marked."""

from __future__ import annotations

import re
from urllib.parse import quote


def at_href(doc_id: str, start: int | None, end: int | None, base: str = "") -> str:
    """``/documents/DOC?at=START-END#at`` (under ``base``, a server's address, when given): the
    article page marks the passage ``START-END`` (body offsets) and scrolls to it; without offsets,
    the article's page."""
    path = f"{base.rstrip('/')}/documents/{quote(str(doc_id), safe='/')}"
    if start is None or end is None:
        return path
    return f"{path}?at={int(start)}-{int(end)}#at"


_END = re.compile(r"[.!?][\"”’')\]]*(?=\s)|\n")
SENTENCE_CAP = 600  # characters of context a quote's sentence may span at most


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence(s) that hold ``body[start:end]``: from the end of the sentence
    before ``start`` to the end of the one holding ``end`` (at most :data:`SENTENCE_CAP`
    characters either side)."""
    start, end = max(0, start), min(len(body), max(start, end))
    lo = max(0, start - SENTENCE_CAP)
    before = [m.end() for m in _END.finditer(body, lo, start)]
    a = before[-1] if before else lo
    # a quote ending on its own full stop ("...meant.") ends the sentence there
    after = _END.search(body, max(start, end - 2), min(len(body), end + SENTENCE_CAP))
    b = after.end() if after else min(len(body), end + SENTENCE_CAP)
    while a < start and body[a].isspace():
        a += 1
    return a, max(b, end)


def in_sentence(body: str, start: int, end: int) -> dict:
    """A statement in its sentence: ``{"start", "end", "before", "statement", "after"}`` (the
    sentence's bounds and its text around the statement), for a page or report to quote."""
    a, b = sentence_around(body, start, end)
    return {"start": a, "end": b, "before": body[a:start], "statement": body[start:end], "after": body[end:b]}
