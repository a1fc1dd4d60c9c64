"""Spans that name an actor: a mention ending the span or a person's name opening it, an
organisation named as the modifier of its own kind, an alias (a surname, an acronym)."""

from __future__ import annotations

import re

from onrecord.extract.actors.context import (
    Context,
    mentions_between,
)
from onrecord.extract.actors.roles import (
    is_role_head,
)
from onrecord.names import (
    HONORIFICS,
    fold,
    name_parts,
    norm,
)


def named_actor(ctx: Context, start: int, end: int) -> str | None:
    """A mention that ends the span ("Mr Putin") or a person's name opening it ("Peskov, his aide").

    A mention inside a description ("the Russian leader", "Putin's spokesman") is not the actor.
    """
    text = ctx.text
    inside = mentions_between(ctx, max(0, start - 60), end)
    root = _root_start(ctx, start, end)
    for m in inside:
        if m.start <= end and abs(m.end - end) <= 2 and m.end > start:
            if _after_preposition(text[start : m.start]):
                continue  # "a spokesman for Putin" is not Putin
            if root is None or m.start <= root < m.end:  # "a visit to Pyongyang" is not Pyongyang
                return m.actor
    for m in inside:
        possessive = text[m.end : m.end + 2] in ("'s", "’s")
        opens = m.start == start or (start < m.start and _titles_only(text[start : m.start]))
        if opens and not possessive and ctx.by_key[m.actor].type == "PERSON":
            return m.actor
    return _organisation_modifier(ctx, inside, start, end, root)


def _titles_only(words: str) -> bool:
    """Whether the words before a name are only its titles ("Colonel General", "Patriarch")."""
    return all(fold(w).rstrip(".") in HONORIFICS or is_role_head(w) for w in words.split())


# "the KCNA news agency", "the Tass agency": an organisation named as the modifier of its own kind.
ORG_HEADS = frozenset(
    "agency network broadcaster channel newspaper paper outlet service ministry company firm group "
    "bank office committee council party union".split()
)


def _organisation_modifier(ctx: Context, inside, start: int, end: int, root: int | None) -> str | None:
    if root is None:
        return None
    head = ctx.text[root:end].split()
    if not head or head[0].lower().strip(".,") not in ORG_HEADS:
        return None
    for m in inside:
        if start <= m.start and m.end <= root and ctx.by_key[m.actor].type == "ORG":
            return m.actor
    return None


def _root_start(ctx: Context, start: int, end: int) -> int | None:
    """Char offset of the span's syntactic head, when the Doc is parsed."""
    if not ctx.parsed:
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root.idx if span is not None and len(span) else None


_PREPOSITIONS = frozenset("of for to by from at in with on about against".split())


def _after_preposition(before: str) -> bool:
    words = [fold(w) for w in before.split() if fold(w) not in ("the", "a", "an")]
    return bool(words) and words[-1] in _PREPOSITIONS


def alias_actor(ctx: Context, text: str, start: int) -> str | None:
    """A name the span repeats, with honorifics dropped; the latest actor named so if several.

    Failing the whole span, a trailing name ("The head of MI6 Richard Moore" -> "Richard Moore"),
    unless a preposition ties it to the head ("a spokesman for Putin" is not Putin) or it is the
    end of a longer name ("courting of Kim Jong-un" does not name "Jong-un").
    """
    words = text.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in HONORIFICS | {"the"}:
        words = words[1:]
    found = _alias_key(ctx, norm(" ".join(words)), start)
    at = ctx.text.find(text, start)
    offsets = [at + m.start() for m in re.finditer(r"\S+", text)] if at >= 0 else []
    for n in range(min(4, len(words) - 1), 0, -1):
        if found:
            break
        tail = words[-n:]
        if offsets and _inside_mention(ctx, offsets[-n]):
            continue
        if all(w[:1].isupper() for w in tail) and not _after_preposition(" ".join(words[:-n])):
            found = _alias_key(ctx, norm(" ".join(tail)), start)
    return found


def _inside_mention(ctx: Context, pos: int) -> bool:
    """Whether ``pos`` lies inside a mention that starts before it."""
    return any(m.start < pos < m.end for m in mentions_between(ctx, max(0, pos - 80), pos))


def _alias_key(ctx: Context, key: str, start: int) -> str | None:
    if not key:
        return None
    found = [actor for actor, names, parts in alias_keys(ctx) if key in names or key in parts]
    return latest_of(ctx, found, start)


def alias_keys(ctx: Context) -> list[tuple[str, frozenset[str], tuple[str, ...]]]:
    """Per actor of the context: its key, its normalised names and, for a person of two name
    parts or more, the first and the last (computed once per document)."""
    if not ctx.alias_keys and ctx.actors:
        for a in ctx.actors:
            parts = name_parts(a.name) if a.type == "PERSON" else []
            ends = (parts[0], parts[-1]) if len(parts) >= 2 else ()
            ctx.alias_keys.append((a.key, frozenset(norm(n) for n in (a.name, *a.aliases)), ends))
    return ctx.alias_keys


def latest_of(ctx: Context, keys: list[str], start: int) -> str | None:
    if len(keys) <= 1:
        return keys[0] if keys else None
    before = [m for m in ctx.mentions if m.actor in keys and m.start < start]
    return before[-1].actor if before else None
