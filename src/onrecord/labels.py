"""Readable names for things a page lists: an article without a title, a title too long to show.

Plain string work (no spaCy, no SQL), so the link stage (story titles), the web pages and the
report name an article the same way.
"""

from __future__ import annotations

import re

ELLIPSIS = "…"
OPENING_WORDS = 8  # words of the body an untitled article is named by


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters, cut only between words (an ellipsis
    marks the cut). A first word longer than ``limit`` is cut inside, as nothing else fits."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    room = flat[: max(limit - 1, 1) + 1]
    cut = room.rfind(" ")
    head = room[:cut] if cut > 0 else room[: max(limit - 1, 1)]
    return head.rstrip(" ,;:—–-") + ELLIPSIS


def opening(body: str | None, words: int = OPENING_WORDS) -> str:
    """The first ``words`` words of an article body, with an ellipsis when there are more."""
    parts = (body or "").split()
    text = " ".join(parts[:words])
    text = re.sub(r"[\s,;:—–-]+$", "", text)
    return text + (ELLIPSIS if len(parts) > words else "")


def doc_label(title: str | None, outlet: str | None = None, published: str | None = None,
              body: str | None = None, doc_id: str = "") -> str:
    """An article's title, or for an untitled one "Outlet, date: first words…" (the id when the
    article has no text either)."""
    if title and title.strip():
        return " ".join(title.split())
    head = ", ".join(x for x in (outlet, (published or "")[:10]) if x)
    words = opening(body)
    if words:
        return f"{head}: {words}" if head else words
    return head or doc_id or "(untitled)"
