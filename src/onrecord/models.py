"""Plain records passed between the per-article stages (ingest, clean, extract, store).

The link stage's cross-article records (entities, stories, links, timeline) are in
:mod:`onrecord.link.records`; the ids of extracted items are built in :mod:`onrecord.ids`.
Every record is a frozen dataclass with slots. Spans are character offsets into the clean
document ``body`` (``start``/``end``); the store maps them back to the source text with the
document's offset map (see :meth:`Document.to_source`). spaCy objects never appear here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
Act = Literal["speech", "writing", "position", "report"]  # what kind of attribution a quote is
Change = Literal["=", "~", "<", ">", "up", "down"]
Status = Literal["asserted", "attributed", "estimate", "unverified", "disputed"]
RelationStatus = Literal["reported", "alleged", "planned", "denied"]
# what a dated sentence reports: a happening, a forecast or plan ("is expected to meet Xi in
# October"), or background ("the biggest conflict in Europe since 1945"; see extract/events.py)
EventKind = Literal["happened", "expected", "background"]
LinkKind = Literal["duplicate", "same_quote", "same_event", "corroborates", "conflicts"]


@dataclass(frozen=True, slots=True)
class Problem:
    """A failure recorded as data: which input, at which stage, and why."""

    input: str
    stage: str
    reason: str
    severity: Literal["error", "note"] = "error"  # a note: the input was read, with something to know


@dataclass(frozen=True, slots=True)
class RawInput:
    """One article as read from an input, before cleaning.

    ``content`` is plain text when ``kind == "text"`` and markup when ``kind == "html"``.
    ``meta`` holds whatever the container states (JSONL fields, feed item fields, HTTP headers):
    keys among ``title``, ``outlet``, ``published``, ``url``, ``authors``.
    """

    source: str  # input path or URL; "PATH#ROWID" for a JSONL row
    input_id: str  # file name, or the JSONL row's id
    kind: Literal["text", "html"]
    content: str
    meta: dict = field(default_factory=dict, hash=False, compare=False)
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Removed:
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Entry:
    """A live-blog entry; ``start``/``end`` are offsets into the body."""

    time: str | None
    date: str | None
    heading: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    """``body[body_start:body_start+length] == source_text[source_start:source_start+length]``."""

    body_start: int
    source_start: int
    length: int


@dataclass(frozen=True, slots=True)
class Document:
    id: str  # stable: hash of source + content
    source: str
    input_id: str
    title: str | None
    standfirst: str | None
    outlet: str | None
    authors: tuple[str, ...]
    published: str | None  # YYYY-MM-DD
    language: str | None
    body: str
    source_text: str  # the text the document was read from (decoded file, JSONL text, HTML text)
    captions: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    entries: tuple[Entry, ...] = ()
    segments: tuple[Segment, ...] = ()
    url: str | None = None
    content_hash: str = ""
    published_source: str | None = None  # how the date was found: "stated", "meta", "inferred"
    not_analysed: str | None = None  # why no extractor ran on it ("language ru"); None: analysed

    def to_source(self, start: int, end: int) -> tuple[int | None, int | None]:
        """Map a body span to source offsets (``None`` when a side falls outside any segment)."""
        return _map(self.segments, start, is_end=False), _map(self.segments, end, is_end=True)


def _map(segments: tuple[Segment, ...], pos: int, is_end: bool) -> int | None:
    # Binary search over segments sorted by body_start.
    lo, hi = 0, len(segments)
    while lo < hi:
        mid = (lo + hi) // 2
        if segments[mid].body_start <= pos - (1 if is_end else 0):
            lo = mid + 1
        else:
            hi = mid
    if lo == 0:
        return None
    seg = segments[lo - 1]
    off = pos - seg.body_start
    if 0 <= off <= seg.length:
        return seg.source_start + off
    return None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    actor: str  # key of the Actor in the same document's analysis


@dataclass(frozen=True, slots=True)
class Role:
    """A title or description tied to an actor ("Putin's spokesman"), with where it was read."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor within one document: all its mentions and the names it goes by there.

    ``key`` is unique within the document. ``refers_to`` links a metonym actor ("the Kremlin",
    "Pyongyang") to the key of the state/government actor it stands for, when known.
    Cross-document merging (link stage) gives actors a global entity id.
    """

    key: str
    name: str  # canonical (longest proper name) form
    type: str  # PERSON, ORG, GPE, LOC, NORP, ...
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    roles: tuple[Role, ...] = ()
    refers_to: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None
    speaker_mention: Span | None
    speaker_key: str | None  # Actor key within the document (the link stage gives its entity)
    speaker_name: str | None
    in_headline: bool = False
    # a quote split by its attribution ("'…,' he said. '…'") is one quote: its parts, in text
    # order (start/end then span them all); () for a quote in one piece
    fragments: tuple[Span, ...] = ()
    act: Act = "speech"
    via: Span | None = None  # who relays the speaker's words ("…, Peskov told Tass")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure read from text: its value or interval, change label, unit and the thing counted."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    change: Change
    unit: str | None
    counted: str | None


@dataclass(frozen=True, slots=True)
class Claim:
    start: int  # the quantity expression
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    value: float | None
    low: float | None
    high: float | None
    change: Change
    unit: str | None
    counted: str | None
    claimant_key: str | None  # Actor key within the document; None when the outlet states it
    claimant_name: str | None
    status: Status
    aside: str = ""  # why the figure is a side detail ("ordinal", "duration", "distance",
    # "participants", "composition"; see extract/asides.py); "" for a figure of the story


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None  # TimeML value: ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-MM-DDTHH:MM)
    # or TimeML forms: YYYY-Qn, YYYY-SU (season), 199 (decade), 19 (century), PRESENT_REF, ...
    granularity: str | None  # century, decade, year, season, quarter, month, week, day, minute
    anchor: str | None  # "published", "entry", "inferred", "absolute", or None when unresolved


@dataclass(frozen=True, slots=True)
class Event:
    start: int  # the sentence
    end: int
    text: str
    date: str  # ISO value of its time expression
    actors: tuple[str, ...]  # Actor keys within the document
    kind: EventKind = "happened"


@dataclass(frozen=True, slots=True)
class Relation:
    """Who does what to whom, on the PLOVER ontology (see docs/relations.md), cited to its sentence.

    ``source_key``/``target_key`` are Actor keys within the document (a metonym such as "the
    Kremlin" resolved to the state it stands for; ``*_text`` keeps the words of the text).
    ``date`` is the calendar value of a time expression of the sentence, else the publication date
    (``date_source`` says which). ``claimant_*`` is who claims (alleged) or denies (denied) it.
    ``source_start``/``source_end`` map the sentence back to the source text.
    """

    start: int  # the sentence
    end: int
    text: str
    cue: str
    cue_start: int
    cue_end: int
    type: str  # one of PLOVER's 16 event types
    mode: str | None  # CONSULT: meet/visit/call; AID: military/economic/humanitarian
    source_key: str | None
    source_text: str | None
    target_key: str | None
    target_text: str | None
    date: str | None
    date_source: str | None  # "sentence", "published", or None
    status: RelationStatus
    claimant_key: str | None
    claimant_name: str | None
    source_start: int | None = None
    source_end: int | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the per-article stages produce for one document."""

    document: Document
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
