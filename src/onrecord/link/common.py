"""What every link module needs: documents in publication order, entities, union-find."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from onrecord.ids import doc_of
from onrecord.models import Analysis

EntityMap = Mapping[tuple[str, str], str]


class UnionFind:
    """Disjoint sets over hashable items; the root of a set is its smallest-ranked member."""

    def __init__(self, rank: Mapping[str, object] | None = None) -> None:
        self.parent: dict[str, str] = {}
        self.rank = rank or {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if self._key(rb) < self._key(ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        return ra

    def _key(self, x: str) -> tuple:
        return (self.rank.get(x, ""), x)

    def groups(self, items: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for x in items:
            out.setdefault(self.find(x), []).append(x)
        return out


def published_order(analyses: Sequence[Analysis]) -> dict[str, tuple[str, int]]:
    """Sort key per document: publication date (undated last), then input order."""
    return {
        a.document.id: (a.document.published or "9999-99-99", i) for i, a in enumerate(analyses)
    }


def day_number(value: str | None) -> int | None:
    """The day of an ISO date (its first ten characters) as a number, to count days between two
    dates; ``None`` when there is no date."""
    try:
        return dt.date.fromisoformat((value or "")[:10]).toordinal()
    except ValueError:
        return None


def earliest(items: Iterable[str], order: Mapping[str, tuple[str, int]]) -> str:
    """The item (``doc_id`` or ``doc_id/x3``) from the earliest-published document."""
    return min(items, key=lambda item: (order.get(doc_of(item), ("9999", 0)), item))


class Entities:
    """Global entity of an actor: the merged id when given, else its normalised name."""

    def __init__(self, analyses: Sequence[Analysis], entity_of: EntityMap | None) -> None:
        self.entity_of = entity_of or {}
        self.names: dict[tuple[str, str], str] = {}
        self.refers: dict[tuple[str, str], str] = {}
        for a in analyses:
            for actor in a.actors:
                self.names[(a.document.id, actor.key)] = actor.name
                if actor.refers_to:
                    self.refers[(a.document.id, actor.key)] = actor.refers_to

    def of(self, doc_id: str, key: str | None) -> str | None:
        if key is None:
            return None
        target = (doc_id, self.refers.get((doc_id, key), key))
        if target in self.entity_of:
            return self.entity_of[target]
        if (doc_id, key) in self.entity_of:
            return self.entity_of[(doc_id, key)]
        name = self.names.get(target) or self.names.get((doc_id, key)) or key
        return "name:" + " ".join(name.lower().split())

    def of_all(self, doc_id: str, keys: Iterable[str]) -> set[str]:
        return {e for k in keys if (e := self.of(doc_id, k))}
