"""A tagger's reading of an article: BIO labels of quote content (``C``), source (``S``) and cue
(``Q``) per token, the runs they make and the marginals; and the ``QuoteTagger`` protocol that
the CRF tagger, the transformer tagger and the two stacked share."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc

from onrecord.extract.quotes.marks import paragraphs


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of tokens the tagger gave one label: character offsets in the document."""

    label: str
    start: int
    end: int
    first: int  # token indices, end exclusive
    last: int

MARGINS = ("B-C", "I-C")  # labels whose per-token marginal probability is kept


@dataclass(frozen=True)
class Tagging:
    """A tagged article: one label per token, the runs they make, and per token the marginal
    probability of each label in ``MARGINS`` (how sure the tagger is of an edge)."""

    labels: list[str]
    runs: list[Run]
    margins: dict[str, list[float]]
    token_starts: list[int]  # character offset of each token, for finding a span's edge tokens

    def token_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.token_starts, pos)

    def margin(self, label: str, index: int) -> float:
        values = self.margins.get(label, [])
        return values[index] if 0 <= index < len(values) else 0.0


def tagging(doc: Doc, labels: list[str], margins: dict[str, list[float]]) -> Tagging:
    return Tagging(labels, runs(doc, labels), margins, token_starts(doc))


def token_starts(doc: Doc) -> list[int]:
    """The character offset of each token (read as an array: no Token objects built)."""
    return doc.to_array("IDX").tolist() if len(doc) else []


def runs(doc: Doc, labels: Sequence[str]) -> list[Run]:
    """Maximal B/I runs of each label, as document character spans."""
    out: list[Run] = []
    open_: tuple[str, int] | None = None
    for i, tag in enumerate([*labels, "O"]):
        prefix, _, label = tag.partition("-")
        if open_ is not None and (prefix != "I" or label != open_[0]):
            first, last = open_[1], i
            out.append(Run(open_[0], doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text),
                           first, last))
            open_ = None
        if prefix == "B" or (prefix == "I" and open_ is None):
            open_ = (label, i)
    return out


def gold_labels(doc: Doc, spans: Iterable[tuple[str, int, int]]) -> list[str]:
    """BIO labels of every token for gold ``(label, start, end)`` character spans; content is
    laid first, then sources and cues over it (their words inside a content are theirs)."""
    labels = ["O"] * len(doc)
    order = {"C": 0, "S": 1, "Q": 2}
    for label, start, end in sorted(spans, key=lambda s: (order[s[0]], -(s[2] - s[1]))):
        toks = [t.i for t in doc if t.idx >= start and t.idx + len(t.text) <= end and not t.is_space]
        if not toks:
            continue
        if label == "C" and any(labels[i] != "O" for i in toks):
            continue  # a content nested in another: the outer one keeps its words
        for n, i in enumerate(toks):
            labels[i] = ("B-" if n == 0 else "I-") + label
    return labels


def token_ranges(starts: list[int], text: str) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs, from the tokens' character offsets."""
    out = []
    for s, e in paragraphs(text):
        first, end = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        if end > first:
            out.append((first, end))
    return out


class QuoteTagger(Protocol):
    """What the quote extractor asks of a tagger."""

    @property
    def accurate(self) -> bool:
        """True for the accurate tagger: its source runs are precise enough to snap speakers to."""
        ...

    def tag(self, doc: Doc) -> list[str]:
        """One BIO label per token."""
        ...

    def tag_with_margins(self, doc: Doc) -> tuple[list[str], dict[str, list[float]]]:
        """The labels, and per label the marginal probability of each token."""
        ...

    def tagging(self, doc: Doc) -> Tagging:
        """The labels with their runs and marginals."""
        ...

    def taggings(self, doc: Doc) -> tuple[Tagging, Tagging | None]:
        """The tagging, and a second reading the candidate models also use (None: none)."""
        ...
