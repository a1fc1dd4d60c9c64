"""Actors of one article: people, organisations, places and groups, with all the names they go by.

``extract_actors(doc)`` reads spaCy's entities, cleans them, votes on their type, merges the
mentions that name the same actor ("Kim Jong-un", "Kim", "Mr Kim", "North Korea's Kim"), ties
titles and descriptions to people as roles, and links metonyms ("the Kremlin", "Pyongyang") to
the state they stand for. ``resolve`` (in :mod:`onrecord.extract.actors.resolve`) maps a speaker or
claimant span to an actor key.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from onrecord.extract.actors.mentions import (
    RawMention,
    add_missed_full_names,
    add_missed_single_names,
    add_missed_surnames,
    raw_mentions,
    titled_names,
)
from onrecord.extract.actors.retype import split_pairs, vote_types
from onrecord.extract.actors.roles import roles_for
from onrecord.models import Actor, Mention, Role
from onrecord.names import (
    METONYMS,
    STATE_NAMES,
    TYPE_GROUP,
    given_name_gender,
    name_parts,
    name_rank,
    norm,
    same_person_name,
)
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)


def extract_actors(doc: Doc) -> tuple[Actor, ...]:
    """The actors of ``doc``, in order of first mention; offsets are char offsets into ``doc.text``."""
    text = text_of(doc)  # spaCy rebuilds it from the tokens on every access: read it once
    raws = raw_mentions(doc, text)
    raws = vote_types(split_pairs(raws + titled_names(text, raws)))
    raws = add_missed_full_names(doc, text, raws)
    raws = add_missed_surnames(text, raws)
    raws = add_missed_single_names(text, raws)
    groups = _person_clusters([r for r in raws if r.label == "PERSON"])
    groups += _other_clusters([r for r in raws if r.label != "PERSON"])
    groups.sort(key=lambda g: min(r.start for r in g))
    person_tokens = _person_tokens(doc, raws)
    actors = [_build(doc, text, g, person_tokens) for g in groups]
    actors = _unique_keys(actors)
    return tuple(_link_metonyms(actors))


def _person_clusters(raws: list[RawMention]) -> list[list[RawMention]]:
    """Full names first (variants merged), then single names joined to the matching full name."""
    full = [r for r in raws if len(r.text.split()) >= 2]
    full.sort(key=lambda r: (-name_rank(r.text)[0], -name_rank(r.text)[1], r.start))
    clusters: list[list[RawMention]] = []
    for r in full:
        parts = name_parts(r.text)
        home = next(
            (c for c in clusters if any(same_person_name(parts, name_parts(x.text)) for x in c)),
            None,
        )
        if home is None:
            clusters.append([r])
        else:
            home.append(r)
    singles: dict[str, list[RawMention]] = {}
    for r in (r for r in raws if len(r.text.split()) < 2):
        home = _single_home(r, clusters)
        if home is None:
            singles.setdefault(norm(r.text), []).append(r)
        else:
            home.append(r)
    return clusters + list(singles.values())


NEAR = 200  # characters: about one sentence of news prose


def _single_home(r: RawMention, clusters: list[list[RawMention]]) -> list[RawMention] | None:
    """The cluster a one-word name belongs to: its first or last part. When several fit, the one
    whose full name was written in the last :data:`NEAR` characters before it ("his father, Kim
    Jong-il ... Kim"), else the one whose full name the article writes most (its main "Kim"),
    then the one named last before it, then the first named."""
    key = norm(r.text)
    found = [c for c in clusters if any(_has_part(x.text, key) for x in c) and _same_gender(r, c)]
    if len(found) <= 1:
        return found[0] if found else None
    near = [c for c in found if any(r.start - NEAR <= x.start < r.start and _full(x) for x in c)]
    if near:
        return max(near, key=lambda c: max(x.start for x in c if x.start < r.start and _full(x)))

    def rank(c: list[RawMention]) -> tuple[int, int, int]:
        before = [x.start for x in c if _full(x) and x.start < r.start]
        return sum(_full(x) for x in c), max(before, default=-1), -min(x.start for x in c)

    return max(found, key=rank)


def _full(r: RawMention) -> bool:
    return len(r.text.split()) >= 2


def _same_gender(r: RawMention, cluster: list[RawMention]) -> bool:
    """ "Mrs Clinton" does not join "Bill Clinton"."""
    if not r.honor:
        return True
    given = {given_name_gender(x.text.split()[0]) for x in cluster if len(x.text.split()) >= 2}
    honors = {x.honor for x in cluster}
    return not ({"m", "f"} - {r.honor}) & (given | honors)


def _has_part(text: str, key: str) -> bool:
    if len(text.split()) < 2:
        return False
    parts, words = name_parts(text), text.split()
    return key in (parts[0], parts[-1], norm(words[0]), norm(words[-1]))


def _other_clusters(raws: list[RawMention]) -> list[list[RawMention]]:
    by_key: dict[tuple[str, str], list[RawMention]] = {}
    for r in raws:
        by_key.setdefault((TYPE_GROUP[r.label], _group_key(r)), []).append(r)
    return _merge_acronyms(by_key)


def _group_key(r: RawMention) -> str:
    key = norm(r.text)
    if key in STATE_NAMES:
        return norm(STATE_NAMES[key])
    if r.label == "NORP" and key.endswith("s") and len(key) > 4:
        return key[:-1]
    return key


def _merge_acronyms(by_key: dict[tuple[str, str], list[RawMention]]) -> list[list[RawMention]]:
    """ "UNSC" joins "United Nations Security Council" when both are organisations here."""
    initials = {}
    for group, key in by_key:
        words = [w for w in key.split() if w not in ("of", "the", "and", "for", "on")]
        if group == "ORG" and len(words) >= 2:
            initials["".join(w[0] for w in words)] = (group, key)
    for group, key in list(by_key):
        target = initials.get(key)
        if group == "ORG" and " " not in key and target and target != (group, key):
            by_key[target].extend(by_key.pop((group, key)))
    return list(by_key.values())


def _person_tokens(doc: Doc, raws: list[RawMention]) -> frozenset[int]:
    idx: set[int] = set()
    for r in raws:
        if r.label == "PERSON":
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is not None:
                idx.update(range(span.start, span.end))
    return frozenset(idx)


def _build(doc: Doc, text: str, members: list[RawMention], person_tokens: frozenset[int]) -> Actor:
    members = sorted(members, key=lambda r: r.start)
    counts = Counter(r.text for r in members)
    label = Counter(r.label for r in members).most_common(1)[0][0]
    name = _canonical(members, counts, label)
    aliases = tuple(dict.fromkeys(r.text for r in members))
    mentions = tuple(Mention(r.start, r.end, r.text, "") for r in members)
    roles: tuple[Role, ...] = ()
    if label == "PERSON":
        roles = _roles(doc, text, members, person_tokens)
    return Actor(key="", name=name, type=label, aliases=aliases, mentions=mentions, roles=roles)


def _canonical(members: list[RawMention], counts: Counter[str], label: str) -> str:
    state = STATE_NAMES.get(norm(members[0].text))
    if label != "PERSON" and state:
        return state
    first = {}
    for r in members:
        first.setdefault(r.text, r.start)
    return max(counts, key=lambda t: (name_rank(t), counts[t], -first[t]))


def _roles(
    doc: Doc, text: str, members: list[RawMention], person_tokens: frozenset[int]
) -> tuple[Role, ...]:
    seen: dict[tuple[int, int], Role] = {}
    for r in members:
        for s, e in roles_for(doc, r.start, r.end, person_tokens):
            seen.setdefault((s, e), Role(text[s:e], s, e))
    return tuple(sorted(seen.values(), key=lambda x: x.start))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-") or "x"


def _unique_keys(actors: list[Actor]) -> list[Actor]:
    used: Counter[str] = Counter()
    out = []
    for a in actors:
        base = f"{a.type.lower()}:{_slug(a.name)}"
        used[base] += 1
        key = base if used[base] == 1 else f"{base}-{used[base]}"
        mentions = tuple(Mention(m.start, m.end, m.text, key) for m in a.mentions)
        out.append(_replace(a, key=key, mentions=mentions))
    return out


def _replace(a: Actor, **changes: object) -> Actor:
    return dataclasses.replace(a, **changes)  # type: ignore[arg-type]


def _link_metonyms(actors: list[Actor]) -> list[Actor]:
    """Metonyms point to their state's actor; a state never mentioned by name is added without mentions."""
    states = {
        a.name: a.key
        for a in actors
        if a.type in ("GPE", "ORG") and a.name in set(STATE_NAMES.values())
    }
    out = list(actors)
    for i, a in enumerate(actors):
        target = METONYMS.get(norm(a.name))
        if target is None:
            continue
        state = target[0]
        if state not in states:
            key = f"gpe:{_slug(state)}"
            out.append(Actor(key=key, name=state, type="GPE", aliases=(), mentions=()))
            states[state] = key
        out[i] = _replace(a, refers_to=states[state])
    return out


def by_key(actors: Sequence[Actor]) -> dict[str, Actor]:
    """Index actors by key."""
    return {a.key: a for a in actors}
