"""One statement, one quote: the parts of a quotation split by its attribution ("'…,' he said.
'…'") joined into one ``Quote`` with its ``fragments``.

Parts belong together when they share the speaker mention and the cue and sit in one paragraph
(a quotation continued in the next paragraph stays a quote of its own, as PolNeAR annotates it).
The joined quote spans its parts (``start``/``end`` their hull, ``text`` the body between) and
lists each part in ``fragments``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from onrecord.models import Quote, Span

_BREAK = re.compile(r"\n[ \t]*\n")


Cue = tuple[int, int] | None  # where a part's own cue is (None: it continues another's)


def joined(text: str, quotes: Sequence[Quote], cues: Sequence[Cue] = ()) -> tuple[Quote, ...]:
    """``quotes`` (in text order) with each split quote's parts joined into one quote; ``cues``
    (one per quote) says where each part's own cue is: parts with cues of their own at different
    places are two statements ("Graham said that … and said that …"), as PolNeAR marks them."""
    breaks = [m.start() for m in _BREAK.finditer(text)]
    groups: dict[object, list[Quote]] = {}
    spoken: dict[object, Cue] = {}  # the cue of the statement a group is gathering
    for i, q in enumerate(quotes):
        key: object = (q.speaker_mention, q.cue, bisect.bisect(breaks, q.start)) if q.speaker_mention else i
        at = cues[i] if i < len(cues) else None
        if at is not None and spoken.get(key, at) != at:
            groups[(key, i)] = groups.pop(key)  # that statement is done; this cue starts another
        if at is not None:
            spoken[key] = at
        groups.setdefault(key, []).append(q)
    out = [one(text, group) if len(group) > 1 else group[0] for group in groups.values()]
    return tuple(sorted(out, key=lambda q: (q.start, q.end)))


def one(text: str, parts: Sequence[Quote]) -> Quote:
    """The parts of one statement as one quote: the first part's speaker and cue, "direct" when
    every part is a quotation, "mixed" when some are, the first part's attribution kind."""
    parts = sorted(parts, key=lambda q: q.start)
    kinds = {q.kind for q in parts}
    kind = parts[0].kind if len(kinds) == 1 else "mixed"
    start, end = parts[0].start, max(q.end for q in parts)
    frags = tuple(f for q in parts for f in (q.fragments or (Span(q.start, q.end, q.text),)))
    return replace(parts[0], start=start, end=end, text=text[start:end], kind=kind, fragments=frags,
                   in_headline=any(q.in_headline for q in parts))


def pieces(quote: Quote) -> tuple[Span, ...]:
    """The spans a quote's words occupy: its fragments, or the quote itself when in one piece."""
    return quote.fragments or (Span(quote.start, quote.end, quote.text),)
