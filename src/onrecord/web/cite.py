"""Where a citation links: the article page opened at the cited passage, marked."""

from __future__ import annotations

from urllib.parse import quote


def at_href(doc_id: str, start: int | None, end: int | None, base: str = "") -> str:
    """``/documents/DOC?at=START-END#at`` (under ``base``, a server's address, when given): the
    article page marks the passage ``START-END`` (body offsets) and scrolls to it; without offsets,
    the article's page."""
    path = f"{base.rstrip('/')}/documents/{quote(str(doc_id), safe='/')}"
    if start is None or end is None:
        return path
    return f"{path}?at={int(start)}-{int(end)}#at"
