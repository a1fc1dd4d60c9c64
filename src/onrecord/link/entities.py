"""Cross-article entities: one entity per real-world actor, built from the per-article actors.

Blocking, never all pairs: organisations and places merge by type group and normalised name;
people are blocked by surname (and by the one-word names an article uses alone, so "Kim" finds
"Kim Jong-un"). Within a block, distinct full names join a cluster only when compatible with every
name already there ("Vladimir V. Putin" ~ "Vladimir Putin"; "Dmitri S. Peskov" ~ "Dmitry Peskov";
never "Kim Jong-un" ~ "Kim Yo-jong"). A one-word name joins a cluster only when exactly one fits.
The user's corrections (:mod:`onrecord.corrections`) apply last, in file order.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from onrecord.corrections import Corrections, Op
from onrecord.link.common import UnionFind
from onrecord.link.plausible import NameStats, Variants, set_aside_reason
from onrecord.link.records import Entity, EntityIndex, EntityRole, Member, MergedName
from onrecord.link.retype import repair_types
from onrecord.models import Actor
from onrecord.names import STATE_NAMES, TYPE_GROUP, name_parts, name_rank, norm, same_person_name

log = logging.getLogger(__name__)


def entity_id(type_: str, name: str, salt: str = "") -> str:
    """Stable id from the type group and normalised canonical name."""
    raw = f"{TYPE_GROUP.get(type_, type_)}:{norm(name)}{salt}"
    return "e-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def merge_entities(
    per_doc: Sequence[tuple[str, Sequence[Actor]]], corrections: Corrections | None = None
) -> EntityIndex:
    """Merge the actors of many documents into entities, then apply the user's corrections."""
    items = repair_types([(doc_id, a) for doc_id, actors in per_doc for a in actors])
    uf = UnionFind()
    _merge_non_persons(items, uf)
    _merge_persons(items, uf)
    clusters = uf.groups(range(len(items)))  # roots are the smallest index of each cluster
    notes = _Notes()
    _merge_variants(items, clusters, notes)
    for op in corrections.entity_ops if corrections else ():
        clusters = _apply(op, items, clusters, notes)
    return _index(items, clusters, notes)


@dataclass(slots=True)
class _Notes:
    """What the merge decided beyond the clusters, by cluster root: shown names the user gave
    (``rename``), clusters the user keeps listed (``keep``), names merged as variants and why."""

    renamed: dict[int, str] = field(default_factory=dict)
    kept: set[int] = field(default_factory=set)
    merged: dict[int, list[MergedName]] = field(default_factory=dict)

    def absorb(self, target: int, other: int) -> None:
        self.merged.setdefault(target, []).extend(self.merged.pop(other, []))
        self.renamed.pop(other, None)
        if other in self.kept:
            self.kept.add(target)


def _merge_variants(
    items: list[tuple[str, Actor]], clusters: dict[int, list[int]], notes: _Notes
) -> None:
    """Clusters whose name is a variant of another's join it (:mod:`onrecord.link.plausible`),
    rarest first; each merge is noted with its reason."""
    roots = sorted(clusters, key=lambda c: (len(clusters[c]), c))
    stats = [NameStats(_canonical(items, clusters[c]), _majority_type(items, clusters[c]),
                       sum(len(items[i][1].mentions) for i in clusters[c])) for c in roots]
    variants = Variants(stats)
    for k, c in enumerate(roots):
        found = variants.variant_of(k)
        if found is None or roots[found[0]] not in clusters or c not in clusters:
            continue
        target = roots[found[0]]
        clusters[target].extend(clusters.pop(c))
        notes.absorb(target, c)
        notes.merged.setdefault(target, []).append(
            MergedName(stats[k].name, found[1].format(stats[found[0]].name)))


def _group(a: Actor) -> str:
    return TYPE_GROUP.get(a.type, a.type)


def _name_key(a: Actor) -> str:
    key = norm(a.name)
    return norm(STATE_NAMES.get(key, key))


def _merge_non_persons(items: list[tuple[str, Actor]], uf: UnionFind) -> None:
    first: dict[tuple[str, str], int] = {}
    for i, (_, a) in enumerate(items):
        if a.type == "PERSON":
            continue
        key = (_group(a), _name_key(a))
        if key in first:
            uf.union(first[key], i)
        else:
            first[key] = i


def _merge_persons(items: list[tuple[str, Actor]], uf: UnionFind) -> None:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, (_, a) in enumerate(items):
        if a.type == "PERSON":
            for key in _block_keys(a):
                blocks[key].append(i)
    for key, members in blocks.items():
        _merge_block(key, members, items, uf)


def _block_keys(a: Actor) -> set[str]:
    words = a.name.split()
    keys = {norm(words[-1]), norm(words[0])} if len(words) >= 2 else {norm(a.name)}
    keys |= {norm(x) for x in a.aliases if len(x.split()) == 1}
    return keys


def _merge_block(
    key: str, members: list[int], items: list[tuple[str, Actor]], uf: UnionFind
) -> None:
    by_name: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in members:
        by_name[tuple(name_parts(items[i][1].name))].append(i)
    for same in by_name.values():
        for i in same[1:]:
            uf.union(same[0], i)
    full = sorted(
        (n for n in by_name if len(items[by_name[n][0]][1].name.split()) >= 2),
        key=lambda n: (-name_rank(" ".join(n))[0], -len(n), n),
    )
    clusters: list[list[tuple[str, ...]]] = []
    for n in full:
        fits = [c for c in clusters if all(same_person_name(list(n), list(x)) for x in c)]
        home = fits[0] if len(fits) == 1 else None
        if home is None:
            clusters.append([n])
        else:
            home.append(n)
            uf.union(by_name[home[0]][0], by_name[n][0])
    for n in by_name:
        if n in full:
            continue
        fits = [c for c in clusters if any(_uses_alone(items, by_name[x], key) for x in c)]
        if len(fits) == 1 and n == tuple(name_parts(key)):
            uf.union(by_name[fits[0][0]][0], by_name[n][0])


def _uses_alone(items: list[tuple[str, Actor]], idx: list[int], key: str) -> bool:
    """Whether an actor with a full name can be called by the one word ``key`` alone."""
    for i in idx:
        a = items[i][1]
        words = a.name.split()
        if key in (norm(words[0]), norm(words[-1])) or key in {norm(x) for x in a.aliases}:
            return True
    return False


# --- corrections ------------------------------------------------------------------------------


def _apply(
    op: Op, items: list[tuple[str, Actor]], clusters: dict[int, list[int]], notes: _Notes
) -> dict[int, list[int]]:
    renamed = notes.renamed
    if op.op == "merge":
        found = sorted({c for name in op.names for c in _find(name, items, clusters, renamed)})
        if len(found) >= 2:
            target = found[0]
            for c in found[1:]:
                clusters[target].extend(clusters.pop(c))
                notes.absorb(target, c)
    elif op.op == "split":
        _split(op, items, clusters, notes)
    elif op.op == "rename":
        for c in _find(op.name or "", items, clusters, renamed):
            renamed[c] = op.to or ""
    elif op.op == "keep":
        notes.kept.update(_find(op.name or "", items, clusters, renamed))
    elif op.op == "ignore":
        for c in _find(op.name or "", items, clusters, renamed):
            clusters.pop(c)
            renamed.pop(c, None)
    return clusters


def _find(
    name: str,
    items: list[tuple[str, Actor]],
    clusters: dict[int, list[int]],
    renamed: dict[int, str],
) -> list[int]:
    """Clusters whose shown name is ``name``; failing that, clusters that use it as an alias."""
    key = norm(name)
    by_name = [
        c for c, m in clusters.items() if norm(renamed.get(c) or _canonical(items, m)) == key
    ]
    if by_name:
        return by_name
    found = [
        c
        for c, m in clusters.items()
        if any(key in {norm(items[i][1].name), *(norm(x) for x in items[i][1].aliases)} for i in m)
    ]
    if not found:
        log.warning("correction names %r, which matches no entity", name)
    return found


def _split(
    op: Op, items: list[tuple[str, Actor]], clusters: dict[int, list[int]], notes: _Notes
) -> None:
    alias = norm(op.alias) if op.alias else None
    docs = set(op.docs)
    for c in _find(op.name or "", items, clusters, notes.renamed):
        moved = [
            i
            for i in clusters[c]
            if items[i][0] in docs
            or (
                alias and alias in {norm(items[i][1].name), *(norm(x) for x in items[i][1].aliases)}
            )
        ]
        if moved and len(moved) < len(clusters[c]):
            clusters[c] = [i for i in clusters[c] if i not in moved]
            clusters[min(moved)] = moved
            names = {norm(items[i][1].name) for i in moved}
            if c in notes.merged:
                notes.merged[c] = [m for m in notes.merged[c] if norm(m.name) not in names]


# --- building the index -----------------------------------------------------------------------


def _canonical(items: list[tuple[str, Actor]], members: list[int]) -> str:
    counts = Counter(items[i][1].name for i in members)

    def key(n: str) -> tuple:
        full, parts = name_rank(n)
        # fullest name first; among equally full names the one most articles use, then without initials
        return full, counts[n], full - parts, n

    return max(counts, key=key)


def _index(items: list[tuple[str, Actor]], clusters: dict[int, list[int]], notes: _Notes) -> EntityIndex:
    ids = _ids(items, clusters)
    entity_of = {(items[i][0], items[i][1].key): ids[c] for c, m in clusters.items() for i in m}
    entities = tuple(_entity(items, members, ids[c], notes.renamed.get(c), entity_of)
                     for c, members in sorted(clusters.items()))
    known = frozenset(norm(x) for e in entities for x in (e.name, *e.aliases))
    return EntityIndex(tuple(_judged(e, c, notes, known) for c, e in zip(sorted(clusters), entities, strict=True)),
                       entity_of)


def _judged(e: Entity, root: int, notes: _Notes, known: frozenset[str]) -> Entity:
    """The entity with the variants merged into it and, unless the user keeps it, why it is set aside."""
    reason = None if root in notes.kept or root in notes.renamed else set_aside_reason(e.name, e.type, known)
    merged = tuple(notes.merged.get(root, ()))
    return replace(e, set_aside=reason, merged=merged) if reason or merged else e


def _ids(items: list[tuple[str, Actor]], clusters: dict[int, list[int]]) -> dict[int, str]:
    """Ids from type and canonical name; a clash (a split) is salted with its first member."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    order = sorted(
        clusters,
        key=lambda c: (-len(clusters[c]), min((items[i][0], items[i][1].key) for i in clusters[c])),
    )
    for c in order:
        members = clusters[c]
        a = items[members[0]][1]
        eid = entity_id(_majority_type(items, members), _canonical(items, members))
        if eid in used:
            doc, key = min((items[i][0], items[i][1].key) for i in members)
            eid = entity_id(a.type, _canonical(items, members), f"#{doc}/{key}")
        used.add(eid)
        ids[c] = eid
    return ids


def _majority_type(items: list[tuple[str, Actor]], members: list[int]) -> str:
    return Counter(items[i][1].type for i in members).most_common(1)[0][0]


def _entity(
    items: list[tuple[str, Actor]],
    members: list[int],
    eid: str,
    rename: str | None,
    entity_of: dict[Member, str],
) -> Entity:
    actors = [(items[i][0], items[i][1]) for i in members]
    aliases = Counter(x for _, a in actors for x in (a.name, *a.aliases))
    refers = Counter(entity_of.get((doc, a.refers_to)) for doc, a in actors if a.refers_to)
    refers.pop(None, None)
    return Entity(
        id=eid,
        name=rename or _canonical(items, members),
        type=_majority_type(items, members),
        aliases=tuple(sorted(aliases, key=lambda x: (-aliases[x], x))),
        roles=tuple(
            sorted(
                {EntityRole(r.text, doc, r.start, r.end) for doc, a in actors for r in a.roles},
                key=lambda r: (r.doc, r.start, r.end, r.text),
            )
        ),
        refers_to=refers.most_common(1)[0][0] if refers else None,
        members=tuple(sorted((doc, a.key) for doc, a in actors)),
        mention_count=sum(len(a.mentions) for _, a in actors),
    )
