"""The token attributes the quote tagger's features read (``crf``), as plain lists read from
the Doc's arrays."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from onrecord.nlp.pipeline import namer


@dataclass(frozen=True, slots=True)
class Columns:
    """The token attributes the features read, as plain lists (spaCy builds a Token object at
    every access, so they are read from ``Doc.to_array`` but for the subtrees' edges)."""

    words: list[str]
    lower: list[str]
    pos: list[str]
    dep: list[str]
    lemma: list[str]
    tag: list[str]
    ent: list[str]
    punct: list[bool]
    sent_start: list[bool]
    head: list[int]
    left: list[int]
    right: list[int]
    starts: list[int]

    @classmethod
    def of(cls, doc: Doc) -> Columns:
        if not len(doc):
            return cls(*([] for _ in range(13)))
        orth, lower, pos, dep, lemma, tag, ent, punct, idx = doc.to_array(_ARRAY_ATTRS).T.tolist()
        sent, head = doc.to_array(_SIGNED_ATTRS).astype(np.int64).T.tolist()  # may be negative
        names = namer(doc)
        left, right = [], []
        for t in doc:  # the subtrees' edges are not array attributes
            left.append(t.left_edge.i)
            right.append(t.right_edge.i)
        return cls(
            names(orth), names(lower), names(pos), names(dep), list(map(str.lower, names(lemma))),
            names(tag), [s or "-" for s in names(ent)], [v == 1 for v in punct],
            [_SENT_START[v] for v in sent], [i + h for i, h in enumerate(head)], left, right, idx,
        )


# the token attributes ``Columns`` reads from ``Doc.to_array`` (hashes, flags and offsets)
_ARRAY_ATTRS = ["ORTH", "LOWER", "POS", "DEP", "LEMMA", "TAG", "ENT_TYPE", "IS_PUNCT", "IDX"]
_SIGNED_ATTRS = ["SENT_START", "HEAD"]
_SENT_START = {1: True, -1: False, 0: None}  # as ``Token.is_sent_start`` reads the array's values
