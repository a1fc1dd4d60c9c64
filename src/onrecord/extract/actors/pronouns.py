"""Pronouns: "he"/"she" take the latest fitting subject (a mention, a pronoun resolved in turn,
a description of a person) in their sentence or the few before; "they"/"it" the latest group
subject. A pronoun whose antecedent is a person the text leaves unnamed is ``UNKNOWN``."""

from __future__ import annotations

from onrecord.extract.actors.context import (
    Context,
    ContextMention,
    fits_kind,
    in_spans,
    is_quoted,
    mentions_between,
    sentence_bounds,
    sentence_of,
)
from onrecord.extract.actors.descriptions import description_actor
from onrecord.extract.actors.named import alias_actor, named_actor
from onrecord.extract.actors.roles import (
    FEMALE_NOUNS,
    MALE_NOUNS,
)
from onrecord.names import (
    fold,
)

_LOOKBACK_SENTENCES = 3


# A pronoun whose antecedent is a person the text does not name: stop looking, it is unknown.
UNKNOWN = ""


def pronoun_actor(ctx: Context, start: int, kind: str, depth: int) -> str | None:
    """The actor a pronoun stands for; ``UNKNOWN`` when it stands for a person left unnamed."""
    si = sentence_of(ctx, start)
    lo, _ = sentence_bounds(ctx, si)
    current = [m for m in mentions_between(ctx, lo, start) if not m.quoted]
    if kind == "group":
        return _group_pronoun(ctx, si, current)
    found = [m for m in current if m.subject and fits_kind(ctx, m.actor, kind)]
    described = [d for d in _described_between(ctx, lo, start) if _described_fits(ctx, d, kind)]
    if described and (not found or described[-1][0] > found[-1].start):
        hit = _described_actor(ctx, described[-1], kind)
        if hit is not None:
            return hit
    if found:
        return found[-1].actor
    nearest = next((m.actor for m in reversed(current) if fits_kind(ctx, m.actor, kind)), None)
    if nearest is not None:
        return nearest
    budget, back = _LOOKBACK_SENTENCES, 0
    while budget > 0 and back < 4 * _LOOKBACK_SENTENCES:
        back += 1
        if si - back < 0 or in_spans(ctx.headings, ctx.sent_starts[si - back]):
            break
        if _all_quoted(ctx, si - back):
            continue  # a quotation running over several sentences does not use up the look-back
        budget -= 1
        hit = _subject_in(ctx, si - back, kind, depth)
        if hit is not None:
            return hit
        if nearest is None:
            s_lo, s_hi = sentence_bounds(ctx, si - back)
            nearest = next(
                (
                    m.actor
                    for m in reversed(mentions_between(ctx, s_lo, s_hi))
                    if not m.quoted and fits_kind(ctx, m.actor, kind)
                ),
                None,
            )
    return nearest


def _all_quoted(ctx: Context, si: int) -> bool:
    lo, hi = sentence_bounds(ctx, si)
    body = ctx.text[lo:hi].rstrip()
    if len(body) < 3:
        return False
    return is_quoted(ctx.text, lo + 1) and is_quoted(ctx.text, lo + len(body) - 2)


def _subject_in(ctx: Context, si: int, kind: str, depth: int) -> str | None:
    """The first subject of sentence ``si`` that fits: a mention, a pronoun resolved in turn, or a
    description of a person (``UNKNOWN`` when it names nobody: "A Kazakh expert told ...")."""
    lo, hi = sentence_bounds(ctx, si)
    cands: list[tuple[int, str | None, tuple[int, int] | None]] = [
        (m.start, m.actor, None)
        for m in mentions_between(ctx, lo, hi)
        if m.subject and not m.quoted and fits_kind(ctx, m.actor, kind)
    ]
    for d in _described_between(ctx, lo, hi):
        if _described_fits(ctx, d, kind):
            cands.append((d[0], None, d))
    if depth < 3:
        for s, _e, g in ctx.pronoun_subjects:
            if lo <= s < hi and g == kind and not is_quoted(ctx.text, s):
                cands.append((s, None, None))
    for s, actor, described in sorted(cands, key=lambda c: c[0]):
        if described is not None:
            actor = _described_actor(ctx, described, kind)
        elif actor is None:
            actor = pronoun_actor(ctx, s, kind, depth + 1)
        if actor is not None:
            return actor
    return None


def _described_between(ctx: Context, lo: int, hi: int) -> list[tuple[int, int]]:
    return [
        d
        for d in ctx.described_subjects
        if lo <= d[0] < hi and not is_quoted(ctx.text, d[0]) and not _mention_at(ctx, d)
    ]


def _mention_at(ctx: Context, span: tuple[int, int]) -> bool:
    """The described subject ends with a name ("The Kremlin spokesman Dmitry Peskov")."""
    return any(m.end == span[1] for m in mentions_between(ctx, span[0], span[1]))


def _described_fits(ctx: Context, span: tuple[int, int], kind: str) -> bool:
    words = {fold(w) for w in ctx.text[span[0] : span[1]].split()}
    gender = "f" if words & FEMALE_NOUNS else "m" if words & MALE_NOUNS else ""
    return gender in ("", kind)


def _described_actor(ctx: Context, span: tuple[int, int], kind: str) -> str | None:
    """The person a described subject is: an actor that fits, ``UNKNOWN`` when the description
    names nobody the text knows, None when it resolves to someone the pronoun cannot be."""
    s, e = span
    text = ctx.text[s:e]
    key = named_actor(ctx, s, e) or alias_actor(ctx, text, s) or description_actor(ctx, text, s, e)
    if key is None:
        return UNKNOWN
    return key if fits_kind(ctx, key, kind) else None


def _group_pronoun(ctx: Context, si: int, current: list[ContextMention]) -> str | None:
    """ "they"/"it": the latest subject in this or the previous sentence, if it is a group."""
    subjects = [m for m in current if m.subject]
    if not subjects and si > 0:
        lo, hi = sentence_bounds(ctx, si - 1)
        subjects = [m for m in mentions_between(ctx, lo, hi) if m.subject and not m.quoted]
    if not subjects:
        return None
    last = subjects[-1].actor
    return last if fits_kind(ctx, last, "group") else None
