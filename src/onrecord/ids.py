"""Ids of the items extracted from one document: ``"{doc_id}/{kind}{index}"``.

``kind`` is ``q`` (quote), ``c`` (claim), ``e`` (event) or ``t`` (time expression) or ``r``
(relation); ``index`` is the
item's position in its document's analysis. The store writes these ids, the link stage builds its
links from them and the user's corrections name them, so they are built and read here only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

ItemKind = Literal["q", "c", "e", "t", "r"]
ITEM_KINDS: tuple[ItemKind, ...] = ("q", "c", "e", "t", "r")


@dataclass(frozen=True, slots=True)
class ItemRef:
    """What an item id names: the document, the kind of item and its index there."""

    doc_id: str
    kind: ItemKind
    index: int


def item_id(doc_id: str, kind: ItemKind, index: int) -> str:
    """The id of item ``index`` of ``kind`` in a document: ``item_id("d1", "q", 3) == "d1/q3"``."""
    return f"{doc_id}/{kind}{index}"


def parse_item_id(item: str) -> ItemRef | None:
    """The parts of an item id, or ``None`` when ``item`` is not one (a document or passage id)."""
    doc_id, sep, tail = item.rpartition("/")
    kind, number = tail[:1], tail[1:]
    if not sep or kind not in ITEM_KINDS or not number.isdecimal():
        return None
    return ItemRef(doc_id, cast(ItemKind, kind), int(number))


def doc_of(item: str) -> str:
    """The document id of an item id (a document id stands for itself)."""
    ref = parse_item_id(item)
    return ref.doc_id if ref else item
