"""Near-duplicate documents and repeated passages, with MinHash LSH over word shingles.

Syndicated copies become one ``duplicate`` link per group of documents; passages repeated
across documents (live-blog entries re-posted, wire paragraphs) become ``duplicate`` links between
passage ids ``"{doc_id}@{start}-{end}"``. :class:`Sources` then tells the other link modules which
items come from the same independent source, so a copy never counts twice as corroboration.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from onrecord.link.common import UnionFind, earliest
from onrecord.link.records import Link
from onrecord.link.text import words
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


_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=7)  # permutations drawn once, shared by all sketches


def minhash(text: str) -> MinHash:
    """MinHash of a text's word 5-shingles."""
    toks = words(text)
    grams = {" ".join(toks[i : i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=7, hashfunc=zlib.crc32, permutations=_TEMPLATE.permutations,
                scheme=_TEMPLATE.scheme)
    m.update_batch([g.encode() for g in grams])
    return m


def _groups(keys: Sequence[str], texts: Sequence[str], threshold: float) -> UnionFind:
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sketches: dict[str, MinHash] = {}
    uf = UnionFind()
    for key, text in zip(keys, texts, strict=True):
        m = minhash(text)
        for other in lsh.query(m):
            if m.jaccard(sketches[other]) >= threshold:
                uf.union(key, other)
        lsh.insert(key, m)
        sketches[key] = m
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
    analyses: Sequence[Analysis], order: Mapping[str, tuple[str, int]]
) -> tuple[list[Link], Sources]:
    """Duplicate links between documents and between repeated passages, and the source keys."""
    ids = [a.document.id for a in analyses]
    docs = _groups(ids, [a.document.body for a in analyses], DOC_THRESHOLD)
    links, doc_root = [], {}
    for members in docs.groups(ids).values():
        first = earliest(members, order)
        for m in members:
            doc_root[m] = first
        if len(members) > 1:
            note = f"{len(members)} near-identical documents (syndicated or re-posted copies)"
            links.append(Link("duplicate", tuple(sorted(members, key=order.get)), note, first))
    passage_links, passages = _passage_duplicates(analyses, doc_root, order)
    log.info("duplicates: %d document groups, %d passage groups", len(links), len(passage_links))
    return links + passage_links, Sources(doc_root, passages)


def _passage_duplicates(analyses, doc_root, order):
    ps = [p for a in analyses for p in _passages(a)]
    by_id = {p.id: p for p in ps}
    bodies = {a.document.id: a.document.body for a in analyses}
    uf = _groups([p.id for p in ps], [bodies[p.doc][p.start : p.end] for p in ps], PASSAGE_THRESHOLD)
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
