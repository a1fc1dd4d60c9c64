"""What the ledger holds for an article, a quote, a claim and an entity, read back as records.

Each record is built from its row by column name (never by position). Beside the fields of the
extraction records in :mod:`onrecord.models`, stored items carry their id, their article, their
offsets in the source text, the entity the link pass tied them to and the user's "wrong" mark.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from onrecord.models import Document


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """A span of an article: offsets in the clean body and in the source text, and its words."""

    start: int | None
    end: int | None
    source_start: int | None
    source_end: int | None
    text: str | None

    @classmethod
    def from_row(cls, r: Mapping[str, Any]) -> SourceSpan:
        return cls(start=r.get("start"), end=r.get("end"), source_start=r.get("source_start"),
                   source_end=r.get("source_end"), text=r.get("text"))


@dataclass(frozen=True, slots=True)
class StoredMention:
    """One mention of an actor in an article."""

    doc_id: str
    span: SourceSpan

    @classmethod
    def from_row(cls, r: Mapping[str, Any]) -> StoredMention:
        return cls(doc_id=r["doc_id"], span=SourceSpan.from_row(r))


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """A quote as stored; ``speaker`` is the entity id, ``speaker_actor`` the actor key in the article."""

    id: str
    doc_id: str
    span: SourceSpan
    kind: str
    cue: str | None
    speaker: str | None
    speaker_actor: str | None
    speaker_name: str | None
    speaker_mention: SourceSpan | None
    in_headline: bool
    wrong: bool
    fragments: tuple[SourceSpan, ...] = ()  # the parts of a quote split by its attribution
    act: str = "speech"  # speech, writing, position, report
    via: SourceSpan | None = None  # who relays the speaker's words

    @classmethod
    def from_row(cls, r: Mapping[str, Any]) -> StoredQuote:
        mention, via = r["speaker_mention"], r.get("via")
        return cls(id=r["id"], doc_id=r["doc_id"], span=SourceSpan.from_row(r), kind=r["kind"], cue=r["cue"],
                   speaker=r["speaker"], speaker_actor=r["speaker_actor"], speaker_name=r["speaker_name"],
                   speaker_mention=SourceSpan.from_row(mention) if mention else None,
                   in_headline=bool(r["in_headline"]), wrong=bool(r["wrong"]),
                   fragments=tuple(SourceSpan.from_row(f) for f in r.get("fragments") or ()),
                   act=r.get("act") or "speech", via=SourceSpan.from_row(via) if via else None)


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as stored; ``claimant`` is the entity id, ``claimant_actor`` the actor key in the article."""

    id: str
    doc_id: str
    span: SourceSpan
    sentence: str
    sentence_start: int | None
    sentence_end: int | None
    counted: str | None
    value: float | None
    low: float | None
    high: float | None
    change: str
    unit: str | None
    status: str
    claimant: str | None
    claimant_actor: str | None
    claimant_name: str | None
    measure: str | None  # the key the link pass compared it under (the id of its group's first figure)
    wrong: bool
    aside: str = ""  # why the figure is a side detail; "" for a figure of the story

    @classmethod
    def from_row(cls, r: Mapping[str, Any]) -> StoredClaim:
        return cls(id=r["id"], doc_id=r["doc_id"], span=SourceSpan.from_row(r), sentence=r["sentence"],
                   sentence_start=r["sentence_start"], sentence_end=r["sentence_end"], value=r["value"],
                   low=r["low"], high=r["high"], change=r["change"], unit=r["unit"], counted=r["counted"],
                   claimant=r["claimant"], claimant_actor=r["claimant_actor"], claimant_name=r["claimant_name"],
                   status=r["status"], measure=r["measure"], wrong=bool(r["wrong"]),
                   aside=r["aside"] or "")


@dataclass(frozen=True, slots=True)
class StoredEntity:
    """An actor as stored: a merged entity, or one article's actor the link pass left unmerged
    (then ``doc_id``/``key`` say which, and ``id`` is None)."""

    id: str | None
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[dict[str, Any], ...]
    refers_to: str | None
    doc_count: int
    mention_count: int
    doc_id: str | None = None
    key: str | None = None

    @classmethod
    def from_row(cls, r: Mapping[str, Any]) -> StoredEntity:
        """From a row of ``entities`` or of ``actors``."""
        return cls(id=r.get("entity_id", r.get("id")), name=r["name"], type=r["type"],
                   aliases=tuple(r["aliases"] or ()), roles=tuple(r["roles"] or ()), refers_to=r["refers_to"],
                   doc_count=r.get("doc_count", 1), mention_count=r.get("mention_count", 0),
                   doc_id=r.get("doc_id"), key=r.get("key"))


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """An article as stored: the clean document and when it was added to the ledger."""

    document: Document
    added_at: str
