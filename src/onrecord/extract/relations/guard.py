"""A guard for the party readings that call each other.

Reading a side can ask for the party of another token (a pronoun's antecedent, the subject of a
clause above), whose reading can come back to the first token: "they" whose antecedent's subject
is "they" again. A call asked for again, with the same arguments, while it is still open on the
stack would recurse without end; it resolves to nothing there (no key, the token's words).
"""

from __future__ import annotations

import functools
from collections.abc import Callable


def not_reentrant(read: Callable[..., tuple[str | None, str | None]]) -> Callable[..., tuple[str | None, str | None]]:
    """``read(doc, tok, actors, by_key, quotes=(), avoid=None)`` with re-entry for the same
    document, token and ``avoid`` answered ``(None, tok.text)``."""
    open_calls: set[tuple[int, int, str | None]] = set()

    @functools.wraps(read)
    def guarded(doc, tok, actors, by_key, quotes=(), avoid=None):
        call = (id(doc), tok.i if tok is not None else -1, avoid)
        if call in open_calls:
            return None, tok.text if tok is not None else None
        open_calls.add(call)
        try:
            return read(doc, tok, actors, by_key, quotes, avoid)
        finally:
            open_calls.discard(call)

    return guarded
