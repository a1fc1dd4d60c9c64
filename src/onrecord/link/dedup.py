"""Near-duplicate documents and repeated passages, with MinHash LSH over word shingles.

Syndicated copies become one ``duplicate`` link per group of documents; passages repeated
across documents (live-blog entries re-posted, wire paragraphs) become ``duplicate`` links between
passage ids ``"{doc_id}@{start}-{end}"``. :class:`Sources` then tells the other link modules which
items come from the same independent source, so a copy never counts twice as corroboration.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from onrecord.link.common import UnionFind, earliest
from onrecord.link.records import Link
from onrecord.link.text import WORD, words
from onrecord.models import Analysis

log = logging.getLogger(__name__)

NUM_PERM = 64
SHINGLE = 5
DOC_THRESHOLD = 0.8
PASSAGE_THRESHOLD = 0.8
PASSAGE_MIN_WORDS = 25
PARAGRAPH = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Passage:
    doc: str
    start: int
    end: int

    @property
    def id(self) -> str:
        return f"{self.doc}@{self.start}-{self.end}"


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=7)  # datasketch needs a scheme and permutations
_RNG = np.random.RandomState(7)
_A = _RNG.randint(1, 1 << 32, NUM_PERM).astype(np.uint64)
_B = _RNG.randint(0, 1 << 32, NUM_PERM).astype(np.uint64)
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64(0xFFFFFFFF)


class Shingles:
    """The word 5-shingles of one text, hashed and permuted once, so that the MinHash signature
    of the whole text or of any passage is one ``min`` over a slice (vectorised)."""

    def __init__(self, text: str) -> None:
        toks = [(m.start(), m.group().lower()) for m in WORD.finditer(text)]
        self.starts = [start for start, _ in toks]
        ws = [w for _, w in toks]
        n = max(1, len(ws) - SHINGLE + 1)
        grams = (" ".join(ws[i : i + SHINGLE]).encode() for i in range(n))
        hv = np.fromiter((zlib.crc32(g) for g in grams), dtype=np.uint64, count=n)
        self.permuted = ((np.outer(hv, _A) + _B) % _PRIME) & _MASK

    def signature(self, start: int = 0, end: int | None = None) -> np.ndarray:
        """MinHash values of the shingles lying within ``[start, end)`` (character offsets)."""
        i = bisect.bisect_left(self.starts, start)
        j = len(self.starts) if end is None else bisect.bisect_left(self.starts, end)
        k = max(i + 1, j - SHINGLE + 1)
        return self.permuted[i:k].min(axis=0)


def sketch(signature: np.ndarray) -> MinHash:
    return MinHash(hashvalues=signature, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)


def minhash(text: str) -> MinHash:
    """MinHash of a text's word 5-shingles."""
    return sketch(Shingles(text).signature())


Text = tuple[str, str, tuple[tuple[int, int], ...]]
"""A document to sign: its id, its body and the spans of its passages."""
Pairs = list[tuple[str, str]]
DuplicatePairs = Callable[[Sequence[Text]], tuple[Pairs, Pairs]]
"""Finds elsewhere (e.g. on Spark) the pairs of documents and the pairs of passages that share an
LSH band and pass :func:`same_text`, from the signatures :func:`signed` gives."""


def signed(text: Text) -> tuple[np.ndarray, list[tuple[str, np.ndarray]]]:
    """The signature of a document and of each of its passages (keyed by passage id)."""
    doc, body, spans = text
    shingles = Shingles(body)
    return shingles.signature(), [(Passage(doc, s, e).id, shingles.signature(s, e)) for s, e in spans]


def band_keys(signature: np.ndarray, threshold: float) -> list[tuple[int, bytes]]:
    """The LSH buckets of a signature: one per band of the index :func:`_groups` builds."""
    ranges = _bands(threshold)
    return [(i, signature[start:end].tobytes()) for i, (start, end) in enumerate(ranges)]


@functools.cache
def _bands(threshold: float) -> tuple[tuple[int, int], ...]:
    return tuple(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


def same_text(a: np.ndarray, b: np.ndarray, threshold: float) -> bool:
    """The duplicate decision for two signatures in one bucket (estimated Jaccard ≥ threshold)."""
    return sketch(a).jaccard(sketch(b)) >= threshold


def _groups(keys: Sequence[str], signatures: Iterable[np.ndarray], threshold: float) -> UnionFind:
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sketches: dict[str, MinHash] = {}
    uf = UnionFind()
    for key, signature in zip(keys, signatures, strict=True):
        m = sketch(signature)
        for other in lsh.query(m):
            if same_text(signature, sketches[other].hashvalues, threshold):
                uf.union(key, other)
        lsh.insert(key, m)
        sketches[key] = m
    return uf


def _joined(pairs: Iterable[tuple[str, str]]) -> UnionFind:
    uf = UnionFind()
    for a, b in pairs:
        uf.union(a, b)
    return uf


def _passages(a: Analysis) -> list[Passage]:
    body = a.document.body
    spans = [(e.start, e.end) for e in a.document.entries]
    if not spans:
        pos = 0
        for m in PARAGRAPH.finditer(body + "\n"):
            spans.append((pos, m.start()))
            pos = m.end()
    return [
        Passage(a.document.id, s, e)
        for s, e in spans
        if len(words(body[s:e])) >= PASSAGE_MIN_WORDS
    ]


def text_of(a: Analysis) -> Text:
    """What :func:`signed` signs of an analysis: its document's id, body and passages."""
    return a.document.id, a.document.body, tuple((p.start, p.end) for p in _passages(a))


class Presigned:
    """Documents signed ahead of the link pass: the build signs each analysis as it stores it,
    while the workers still parse the next ones, so that the serial link pass does not.
    :func:`find_duplicates` takes the text and signatures made for the very analysis objects it
    links (an analysis is frozen: the same object, the same text) and signs the others itself."""

    def __init__(self) -> None:
        self._by_doc: dict[str, tuple[Analysis, Text, tuple[np.ndarray, list[tuple[str, np.ndarray]]]]] = {}

    def add(self, a: Analysis) -> None:
        text = text_of(a)
        self._by_doc[a.document.id] = (a, text, signed(text))

    def get(self, a: Analysis) -> tuple[Text, tuple[np.ndarray, list[tuple[str, np.ndarray]]]] | None:
        entry = self._by_doc.get(a.document.id)
        return (entry[1], entry[2]) if entry is not None and entry[0] is a else None


class Sources:
    """Independent-source keys: one per duplicate group of documents or repeated passage."""

    def __init__(self, doc_root: Mapping[str, str], passages: Mapping[str, list[tuple[int, int, str]]]):
        self.doc_root = doc_root
        self.passages = passages

    def of(self, doc_id: str, offset: int | None = None) -> str:
        if offset is not None:
            for start, end, group in self.passages.get(doc_id, ()):
                if start <= offset < end:
                    return group
        return self.doc_root.get(doc_id, doc_id)


def find_duplicates(
    analyses: Sequence[Analysis], order: Mapping[str, tuple[str, int]], pairs: DuplicatePairs | None = None,
    presigned: Presigned | None = None,
) -> tuple[list[Link], Sources]:
    """Duplicate links between documents and between repeated passages, and the source keys;
    ``pairs`` finds the candidate pairs elsewhere (``onrecord.spark.link``) instead of local indexes;
    ``presigned``: the texts and signatures of some analyses, made already (the same as made here)."""
    ids = [a.document.id for a in analyses]
    ahead = [presigned.get(a) if presigned is not None and pairs is None else None for a in analyses]
    texts = [text_of(a) if made is None else made[0] for a, made in zip(analyses, ahead, strict=True)]
    passages = {Passage(doc, s, e).id: Passage(doc, s, e) for doc, _, spans in texts for s, e in spans}
    if pairs is None:
        doc_sigs, passage_sigs = _signatures(texts, [None if made is None else made[1] for made in ahead])
        docs = _groups(ids, doc_sigs, DOC_THRESHOLD)
        repeated = _groups(list(passages), passage_sigs, PASSAGE_THRESHOLD)
    else:
        doc_pairs, passage_pairs = pairs(texts)
        docs, repeated = _joined(doc_pairs), _joined(passage_pairs)
    links, doc_root = [], {}
    for members in docs.groups(ids).values():
        first = earliest(members, order)
        for m in members:
            doc_root[m] = first
        if len(members) > 1:
            note = f"{len(members)} near-identical documents (syndicated or re-posted copies)"
            links.append(Link("duplicate", tuple(sorted(members, key=order.get)), note, first))
    passage_links, sources = _passage_duplicates(passages, repeated, doc_root, order)
    log.info("duplicates: %d document groups, %d passage groups", len(links), len(passage_links))
    return links + passage_links, Sources(doc_root, sources)


def _signatures(texts: Sequence[Text], made: Sequence | None = None) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Signatures of every document and of its passages, one document's shingles at a time;
    ``made``: for each text, its :func:`signed` made already, or None."""
    docs, passages = [], []
    for text, ahead in zip(texts, made or [None] * len(texts), strict=True):
        doc, parts = signed(text) if ahead is None else ahead
        docs.append(doc)
        passages.extend(sig for _, sig in parts)
    return docs, passages


def _passage_duplicates(by_id: Mapping[str, Passage], uf: UnionFind, doc_root, order):
    links: list[Link] = []
    passages: dict[str, list[tuple[int, int, str]]] = {}
    for members in uf.groups(by_id).values():
        roots = {doc_root[by_id[m].doc] for m in members}
        if len(roots) < 2:
            continue
        first = min(members, key=lambda m: (order[by_id[m].doc], m))
        for m in members:
            p = by_id[m]
            passages.setdefault(p.doc, []).append((p.start, p.end, "passage:" + first))
        items = tuple(sorted(members, key=lambda m: (order[by_id[m].doc], m)))
        links.append(Link("duplicate", items, f"passage repeated in {len(roots)} documents", first))
    return links, passages
