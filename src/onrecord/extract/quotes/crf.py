"""The fast quote tagger: a linear-chain CRF (python-crfsuite) labelling which words are a
quote's content (``C``), its source (``S``) and its cue (``Q``), in BIO form, read off the parse
of each paragraph.

Features of every token: its word, lemma, tags and dependency label; the reporting verb above it
in the parse and the branch it hangs from (a token in the clausal complement of "say" is content,
one in its subject is the source); whether it sits in quotation marks; its neighbours.
``scripts/train_quote_tagger.py`` trains it on PolNeAR's train split and writes
``data/quotes/tagger.crfsuite``. The quote extractor reads its runs as evidence: how much of a
candidate the tagger calls content, whether their edges agree, and content runs no rule found.
"""

from __future__ import annotations

import bisect
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
import pycrfsuite
from spacy.tokens import Doc

from onrecord.extract.quotes.cues import CUES, LEMMAS
from onrecord.extract.quotes.marks import QUOTE_CHARS, find_quoted
from onrecord.extract.quotes.tagging import MARGINS, Tagging, tagging, token_ranges
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)

TAGGER_FILE = "data/quotes/tagger.crfsuite"
LABELS = ("C", "S", "Q")
_RATES = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7)
_MAX_UP = 8  # how far up the parse to look for a reporting verb
# neighbours whose first four features a token also sees: ±1 (with ±2 as well the tagger finds
# content with F1 0.529 on PolNeAR dev against 0.538, at 8 more feature strings a token)
_NEIGHBOURS = (-1, 1)


@functools.lru_cache(maxsize=4096)
def _rate(lemma: str) -> int:
    cue, total = LEMMAS.get(lemma, (0, 0))
    return sum(cue / total >= r for r in _RATES) if total else -1


@functools.lru_cache(maxsize=8192)
def _is_cue(pos: str, lemma: str) -> bool:
    """A word that often reports: a cue verb, or a verb or noun often a cue in training."""
    if pos not in ("VERB", "AUX", "NOUN"):
        return False
    return (pos != "NOUN" and lemma in CUES) or _rate(lemma) >= 4


@functools.lru_cache(maxsize=8192)
def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word[:1].isupper():
        return "X" if word.isupper() and len(word) > 1 else "Xx"
    if word[:1].islower():
        return "x"
    return word[:1]


def token_features(
    doc: Doc, skip_quiet: bool = False, extra: Sequence[Sequence[str]] | None = None
) -> list[tuple[int, int, list[list[str]]]]:
    """Per paragraph: (first token, end token, features of each token). With ``skip_quiet`` the
    paragraphs with no reporting word and no quotation mark are left out (the tagger finds next
    to nothing there; the build skips them, training does not). ``extra`` adds features to each
    token (another tagger's reading, ``stack_features``), the first also to its neighbours."""
    paras, base = _base_features(doc, text_of(doc), skip_quiet)
    out = []
    left, right = _EDGE[-1], _EDGE[1]
    for start, end in paras:
        if base[start] is None:
            continue
        entries = base[start:end]
        if extra is None:
            # each entry carries what its token shows the token after it and the one before it
            before = [left, *(e[1] for e in entries[:-1])]
            after = [*(e[2] for e in entries[1:]), right]
            out.append((start, end, [[*e[0], *b, *a] for e, b, a in zip(entries, before, after, strict=True)]))
            continue
        own = [e[0] for e in entries]
        shown = {k: [_shown(k, own[j - start], extra[j][0]) for j in range(start, end)] for k in _NEIGHBOURS}
        feats = []
        for i in range(start, end):
            f = list(own[i - start])
            for k in _NEIGHBOURS:
                j = i + k
                f += shown[k][j - start] if start <= j < end else _EDGE[k]
            f += extra[i]
            feats.append(f)
        out.append((start, end, feats))
    return out


_EDGE = {k: (f"{k}:edge",) for k in _NEIGHBOURS}
_SHOWN: dict[tuple, tuple[str, ...]] = {}  # a token's features as its neighbour sees them, built once


def _shown(k: int, own: Sequence[str], extra: str | None) -> tuple[str, ...]:
    """The features a token at offset ``k`` from another gives it: its first four, and the first
    of ``extra`` (another tagger's label) when there is one, prefixed with the offset."""
    key = (k, *own[:4], extra)
    got = _SHOWN.get(key)
    if got is None:
        if len(_SHOWN) > 500_000:
            _SHOWN.clear()
        got = _SHOWN[key] = tuple(f"{k}:{x}" for x in (*own[:4], *(() if extra is None else (extra,))))
    return got


def stack_features(labels: Sequence[str], margins: dict[str, list[float]]) -> list[tuple[str, ...]]:
    """Another tagger's reading of each token as CRF features: its label, and its probability of
    content, a content's start, a source and a cue, in tenths."""

    def tenth(*names: str) -> Sequence[int]:
        cols = [margins[n] for n in names]
        return [min(9, int(sum(v) * 10)) for v in zip(*cols, strict=True)]

    content, opens = tenth("B-C", "I-C"), tenth("B-C")
    source, cue = tenth("B-S", "I-S"), tenth("B-Q", "I-Q")
    return [
        (f"x={lab}", f"xc={c}", f"xb={b}", f"xs={s}", f"xq={q}", f"xcl={c}/{lab}")
        for lab, c, b, s, q in zip(labels, content, opens, source, cue, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class _Columns:
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
    def of(cls, doc: Doc) -> _Columns:
        if not len(doc):
            return cls(*([] for _ in range(13)))
        orth, lower, pos, dep, lemma, tag, ent, punct, idx = doc.to_array(_ARRAY_ATTRS).T.tolist()
        sent, head = doc.to_array(_SIGNED_ATTRS).astype(np.int64).T.tolist()  # may be negative
        names = _namer(doc)
        left, right = [], []
        for t in doc:  # the subtrees' edges are not array attributes
            left.append(t.left_edge.i)
            right.append(t.right_edge.i)
        return cls(
            names(orth), names(lower), names(pos), names(dep), [s.lower() for s in names(lemma)],
            names(tag), [s or "-" for s in names(ent)], [v == 1 for v in punct],
            [_SENT_START[v] for v in sent], [i + h for i, h in enumerate(head)], left, right, idx,
        )


# the token attributes ``_Columns`` reads from ``Doc.to_array`` (hashes, flags and offsets)
_ARRAY_ATTRS = ["ORTH", "LOWER", "POS", "DEP", "LEMMA", "TAG", "ENT_TYPE", "IS_PUNCT", "IDX"]
_SIGNED_ATTRS = ["SENT_START", "HEAD"]
_SENT_START = {1: True, -1: False, 0: None}  # as ``Token.is_sent_start`` reads the array's values


def _namer(doc: Doc) -> Callable[[list[int]], list[str]]:
    """The strings of a list of hashes in ``doc``'s vocabulary, remembered per vocabulary."""
    strings = doc.vocab.strings
    known = _NAMES.get(id(strings))
    if known is None or known[0] is not strings:
        known = _NAMES[id(strings)] = (strings, {})
    names = known[1]

    def of(hashes: list[int]) -> list[str]:
        for h in set(hashes).difference(names):
            names[h] = strings[h]
        return list(map(names.__getitem__, hashes))

    return of


_NAMES: dict[int, tuple[object, dict[int, str]]] = {}


def _base_features(
    doc: Doc, text: str, skip_quiet: bool = False
) -> tuple[list[tuple[int, int]], list[_Entry | None]]:
    """The paragraphs' token ranges, and each token's own features with the first four as its
    neighbours see them (``_features_of``); None for the tokens of a paragraph left out
    (``skip_quiet``)."""
    c = _Columns.of(doc)
    n = len(c.words)
    inside = [False] * n
    for s, e in sorted((m.start, m.end) for m in find_quoted(text)):
        for i in range(bisect.bisect_right(c.starts, s), bisect.bisect_left(c.starts, e)):
            inside[i] = True
    reports = [cue or low == "according" for cue, low in zip(map(_is_cue, c.pos, c.lemma), c.lower, strict=True)]
    paras = token_ranges(c.starts, text)
    wanted = [True] * n
    if skip_quiet:
        for start, end in paras:
            if not any(reports[i] or inside[i] for i in range(start, end)):
                wanted[start:end] = [False] * (end - start)
    return paras, _features_of(c, inside, reports, wanted)


def _features_of(c: _Columns, inside: list[bool], reports: list[bool], wanted: list[bool]) -> list[_Entry | None]:
    """Each wanted token's own features: its attributes, and its place under the nearest
    reporting word above it (the root's head is the root itself); with its first four as its
    neighbours see them (prefixed -1: for the token after it, 1: for the one before). One loop
    over the Doc, the columns bound once."""
    head, pos, lemma, dep, left, right = c.head, c.pos, c.lemma, c.dep, c.left, c.right
    lower, tag, words, ent, punct, sent_start = c.lower, c.tag, c.words, c.ent, c.punct, c.sent_start
    known = _FEATURES.get
    out: list[_Entry | None] = []
    for i, want in enumerate(wanted):
        if not want:
            out.append(None)
            continue
        gov = top = -1
        steps = 0
        child, node, up = i, head[i], 1
        while up <= _MAX_UP:
            if reports[node]:
                gov, top, steps = node, child, up
                break
            child, node, up = node, head[node], up + 1
        verb, j = -1, i
        while head[j] != j:
            j = head[j]
            if pos[j] == "VERB":
                verb = j
                break
        edge = "-"
        if top >= 0:
            edge = "both" if left[top] == i == right[top] else (
                "left" if left[top] == i else "right" if right[top] == i else "in")
        in_quote, h = inside[i], head[i]
        # the token's own attributes (``_lexical_features``), then its place (``_structural_features``)
        key = (lower[i], pos[i], dep[i], in_quote, tag[i], lemma[i], words[i], ent[i], dep[h], pos[h], punct[i],
               dep[top] if top >= 0 else "-", lemma[gov] if gov >= 0 else "-", edge, gov >= 0 and i < gov,
               gov >= 0, min(steps, 4), in_quote, pos[gov] if gov >= 0 else "-",
               lemma[verb] if verb >= 0 else None, sent_start[i], left[i] == i, right[i] == i)
        got = known(key)
        if got is None:
            got = _entry(key)
        out.append(got)
    return out


def _entry(key: tuple) -> _Entry:
    """The features of a token's key (``_features_of``), remembered."""
    lexical, where = key[:11], key[11:]
    got = _LEXICAL.get(lexical)
    if got is None:
        feats = _lexical_features(*lexical)
        # its first four (all lexical) as the token after it and the one before see them
        got = _LEXICAL[lexical] = (feats, tuple(f"-1:{x}" for x in feats[:4]), tuple(f"1:{x}" for x in feats[:4]))
    feats, before, after = got
    structural = _STRUCTURAL.get(where)
    if structural is None:
        structural = _STRUCTURAL[where] = _structural_features(*where)
    if len(_FEATURES) > 500_000:
        _FEATURES.clear()
    own = (*feats[:12], structural[0], feats[12], *structural[1:], *feats[13:])
    entry = _FEATURES[key] = (own, before, after)
    return entry


_Entry = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_FEATURES: dict[tuple, _Entry] = {}  # a token's own features and as its neighbours see them, built once
_LEXICAL: dict[tuple, tuple[list[str], tuple[str, ...], tuple[str, ...]]] = {}  # of a token's own attributes, built once
_STRUCTURAL: dict[tuple, list[str]] = {}  # features of its place in the parse, built once


def _lexical_features(lower: str, pos: str, dep: str, in_quote: bool, tag: str, lemma: str,
                      word: str, ent: str, hdep: str, hpos: str, punct: bool) -> list[str]:
    if len(_LEXICAL) > 500_000:
        _LEXICAL.clear()
    feats = [
        f"w={lower}", f"pos={pos}", f"dep={dep}", f"q={in_quote}",
        f"tag={tag}", f"lemma={lemma}", f"shape={_shape(word)}",
        f"ent={ent}", f"hdep={hdep}", f"hpos={hpos}",
        f"cue={_is_cue(pos, lemma)}", f"rate={_rate(lemma) if pos == 'VERB' else -2}",
        f"mark={word in QUOTE_CHARS}",
    ]
    return [*feats, f"punct={word}"] if punct else feats


def _structural_features(branch: str, glemma: str, edge: str, before: bool, governed: bool,
                         steps: int, in_quote: bool, gov_pos: str, verb_lemma: str | None,
                         sent_start: bool, lefts: bool, rights: bool) -> list[str]:
    if len(_STRUCTURAL) > 500_000:
        _STRUCTURAL.clear()
    return [
        f"sstart={sent_start}",
        f"side={'before' if before else 'after' if governed else '-'}",
        f"branch={branch}", f"branch_side={branch}/{before}",
        f"steps={steps}", f"gov={glemma}",
        f"gov_rate={_rate(glemma) if governed else -2}",
        f"branch_q={branch}/{in_quote}", f"edge={edge}", f"edge_branch={edge}/{branch}",
        f"gov_branch={glemma}/{branch}", f"gov_pos={gov_pos}",
        f"verb_rate={_rate(verb_lemma) if verb_lemma is not None else -2}",
        f"lefts={lefts}", f"rights={rights}",
    ]


@dataclass
class Tagger:
    """A trained CRF tagger (a ``QuoteTagger``); ``tag(doc)`` returns one label per token,
    ``tagging(doc)`` also the runs and marginals."""

    model_path: str
    accurate = False

    def __post_init__(self) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(self.model_path)
        self._labels = set(self._tagger.labels())

    def tag(self, doc: Doc) -> list[str]:
        return self.tag_with_margins(doc)[0]

    def tag_with_margins(
        self, doc: Doc, extra: Sequence[Sequence[str]] | None = None
    ) -> tuple[list[str], dict[str, list[float]]]:
        labels = ["O"] * len(doc)
        margins = {m: [0.0] * len(doc) for m in MARGINS}
        known = [m for m in MARGINS if m in self._labels]
        tag, marginal = self._tagger.tag, self._tagger.marginal
        for start, _, feats in token_features(doc, skip_quiet=True, extra=extra):
            labels[start : start + len(feats)] = tag(feats)
            n = len(feats)
            for m in known:
                margins[m][start : start + n] = [marginal(m, k) for k in range(n)]
        return labels, margins

    def tagging(self, doc: Doc) -> Tagging:
        return tagging(doc, *self.tag_with_margins(doc))

    def taggings(self, doc: Doc) -> tuple[Tagging, Tagging | None]:
        return self.tagging(doc), None


@functools.lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    """The installed tagger (opened once per process), or None when it is not installed."""
    path = resources.files("onrecord").joinpath(TAGGER_FILE)
    if not path.is_file():
        log.info("no quote tagger installed")
        return None
    return Tagger(str(path))
