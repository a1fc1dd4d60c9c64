"""Which stored URLs an output may turn into a link: ``http`` and ``https`` ones, nothing else.

Every output that could make a link from an article's URL (the web pages, the Markdown report,
the FollowTheMoney export) asks :func:`link_url`; a URL it refuses (``javascript:``, ``data:``,
``file:``, ``vbscript:``, a relative or malformed one) is still shown or kept as text.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https"})
# What a browser drops before reading a URL: C0 controls and spaces at either end, tabs and
# newlines anywhere (WHATWG URL parsing); a check must see the URL the way the browser will.
_ENDS = "".join(chr(c) for c in range(0x21))
_INSIDE = re.compile(r"[\t\n\r]")


def link_url(url: object) -> str | None:
    """``url`` as a link target when it is an absolute http(s) URL with a host, else None.

    The URL returned is the one a browser would follow (surrounding spaces and controls, and tabs
    and newlines inside, removed), so ``" JaVaScRiPt:alert(1)"`` and ``"java\\tscript:..."`` are
    refused like ``"javascript:alert(1)"``.
    """
    if not isinstance(url, str):
        return None
    cleaned = _INSIDE.sub("", url.strip(_ENDS))
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in cleaned):
        return None
    try:
        parts = urlsplit(cleaned)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not host:
        return None
    return cleaned
