"""Search matches as a page shows them: text cut into parts, the matched ones marked.

The store marks FTS5 matches with two private-use characters (``onrecord.store.fts.HIT_OPEN`` /
``HIT_CLOSE``); :func:`parts` turns such text into ``{"text", "hit"}`` parts, which the templates
escape one by one and wrap in ``<mark>`` when ``hit``. Article text is never trusted as markup.
"""

from __future__ import annotations

import re

from onrecord.store.fts import HIT_CLOSE, HIT_OPEN
from onrecord.synonyms import phrase_variants

_MARKED = re.compile(f"{HIT_OPEN}(.*?){HIT_CLOSE}", re.S)


def parts(marked: str | None) -> list[dict]:
    """``marked`` (text with matches between the hit markers) as parts; stray markers dropped."""
    out: list[dict] = []
    at = 0
    text = marked or ""
    for m in _MARKED.finditer(text):
        if m.start() > at:
            out.append({"text": text[at:m.start()], "hit": False})
        out.append({"text": m.group(1), "hit": True})
        at = m.end()
    if at < len(text):
        out.append({"text": text[at:], "hit": False})
    return [{"text": p["text"].replace(HIT_OPEN, "").replace(HIT_CLOSE, ""), "hit": p["hit"]}
            for p in out if p["text"]]


def found(text: str | None, query: str) -> list[dict]:
    """``text`` as parts with every case-insensitive occurrence of ``query`` or of one of its
    synonym variants (:func:`onrecord.synonyms.phrase_variants`) marked: how the claims search,
    a ``LIKE`` match, shows why a sentence matched."""
    body = text or ""
    needles = [v for v in phrase_variants(query.strip()) if v]
    if not needles:
        return [{"text": body, "hit": False}] if body else []
    pattern = re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)), re.I)
    return parts(pattern.sub(lambda m: HIT_OPEN + m.group() + HIT_CLOSE, body.replace(HIT_OPEN, "")
                             .replace(HIT_CLOSE, "")))
