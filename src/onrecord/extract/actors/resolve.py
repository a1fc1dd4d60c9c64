"""Resolving a speaker or claimant span to an actor key: names, pronouns, titles, descriptions.

Unknown beats wrong: every path returns ``None`` rather than guess when the text does not tie
the span to one actor. The per-document context (sentences, mentions, subjects) is built once
and cached (:mod:`onrecord.extract.actors.context`), so calls per quote stay cheap.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from onrecord.extract.actors.context import PRONOUNS, Context, context_for
from onrecord.extract.actors.descriptions import (
    INDEFINITE,
    description_actor,
    organisation_actor,
    state_body_actor,
)
from onrecord.extract.actors.named import alias_actor, named_actor
from onrecord.extract.actors.pronouns import UNKNOWN, pronoun_actor
from onrecord.models import Actor
from onrecord.names import ATTRIBUTE_TYPE, fold


def resolve(actors: Sequence[Actor], doc: Doc, start: int, end: int) -> str | None:
    """The key of the actor that ``doc.text[start:end]`` names, or ``None`` when not knowable."""
    if not actors:
        return None
    ctx = context_for(actors, doc)
    found = ctx.resolved.get((start, end), _UNSEEN)
    if found is _UNSEEN:  # the same span is looked up by the quotes, the claims and the relations
        found = ctx.resolved[start, end] = _resolve(ctx, actors, start, end)
    return found  # type: ignore[return-value]


_UNSEEN = object()


def _resolve(ctx: Context, actors: Sequence[Actor], start: int, end: int) -> str | None:
    text = ctx.text[start:end].strip()
    if not text:
        return None
    kind = PRONOUNS.get(fold(text))
    if kind is not None:
        return pronoun_actor(ctx, start, kind, depth=0) or None
    found = (
        named_actor(ctx, start, end)
        or alias_actor(ctx, text, start)
        or description_actor(ctx, text, start, end)
        or state_body_actor(ctx, text)
        or organisation_actor(ctx, text, start)
    )
    return None if found in _attributes(actors) else found


def _attributes(actors: Sequence[Actor]) -> set[str]:
    """Keys of the nationality adjectives: they say whose ("Ukrainian commanders"), never who."""
    return {a.key for a in actors if a.type == ATTRIBUTE_TYPE}


def is_unnamed(actors: Sequence[Actor], doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc.text[start:end]`` stands for a person the text leaves unnamed: an indefinite
    description ("A Kazakh expert in Astana") or a he/she whose antecedent is one. ``resolve``
    gives None for these; a caller's fallback (the last person quoted) must not override it."""
    if not actors:
        return False
    ctx = context_for(actors, doc)
    text = ctx.text[start:end].strip()
    kind = PRONOUNS.get(fold(text))
    if kind in ("m", "f"):
        return pronoun_actor(ctx, start, kind, depth=0) == UNKNOWN
    return bool(text) and bool(INDEFINITE.match(text)) and resolve(actors, doc, start, end) is None
