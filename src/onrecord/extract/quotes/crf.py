"""The fast quote tagger: a linear-chain CRF (python-crfsuite) labelling which words are a
quote's content (``C``), its source (``S``) and its cue (``Q``), in BIO form, read off the parse
of each paragraph.

Features of every token: its word, lemma, tags and dependency label; the reporting verb above it
in the parse and the branch it hangs from (a token in the clausal complement of "say" is content,
one in its subject is the source); whether it sits in quotation marks; its neighbours.
``scripts/train_quote_tagger.py`` trains it on PolNeAR's train split and writes
``data/quotes/tagger.crfsuite``. The quote extractor reads its runs as evidence: how much of a
candidate the tagger calls content, whether their edges agree, and content runs no rule found.

Training reads the features as strings (``token_features``); tagging does not build them: each
token's key (``token_keys``) maps to the rows of the model's weights its features stand for,
scored by ``crf_scorer`` with python-crfsuite's labels.
"""

from __future__ import annotations

import bisect
import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
from spacy.tokens import Doc

from onrecord.extract.quotes.crf_columns import Columns
from onrecord.extract.quotes.crf_features import (
    CONTEXT,
    CONTEXT_NEIGHBOURS,
    EDGE,
    GOVERNOR,
    PLACE,
    VERB,
    WORD,
    WORD_NEIGHBOURS,
    ValueRows,
    context_values,
    governor_values,
    is_cue,
    lexical_features,
    neighbour_features,
    own_features,
    place_values,
    structural_features,
    verb_values,
    word_values,
)
from onrecord.extract.quotes.crf_scorer import FeatureRows, Scorer
from onrecord.extract.quotes.marks import find_quoted
from onrecord.extract.quotes.tagging import MARGINS, Tagging, tagging, token_ranges
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)

TAGGER_FILE = "data/quotes/tagger.crfsuite"
LABELS = ("C", "S", "Q")
_MAX_UP = 8  # how far up the parse to look for a reporting verb
# neighbours whose first four features a token also sees: ±1 (with ±2 as well the tagger finds
# content with F1 0.529 on PolNeAR dev against 0.538, at 8 more feature strings a token)
_NEIGHBOURS = (-1, 1)


def token_features(
    doc: Doc, skip_quiet: bool = False, extra: Sequence[Sequence[str]] | None = None
) -> list[tuple[int, int, list[list[str]]]]:
    """Per paragraph: (first token, end token, features of each token). With ``skip_quiet`` the
    paragraphs with no reporting word and no quotation mark are left out (the tagger finds next
    to nothing there; the build skips them, training does not). ``extra`` adds features to each
    token (another tagger's reading, ``stack_features``), the first also to its neighbours."""
    paras, keys = token_keys(doc, skip_quiet)
    out = []
    left, right = _EDGE[-1], _EDGE[1]
    for start, end in paras:
        if keys[start] is None:
            continue
        entries = [_entry(k) for k in keys[start:end]]
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


_EDGE = EDGE
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


def token_keys(doc: Doc, skip_quiet: bool = False) -> tuple[list[tuple[int, int]], list[_Key | None]]:
    """The paragraphs' token ranges, and each token's key: what its features are made of, its
    own attributes (``lexical_features``: of its word and of its context) and its place in the
    parse (``structural_features``: of the reporting word above it, the rest of its place and
    the nearest verb above it); None for the tokens of a paragraph left out (``skip_quiet``)."""
    text = text_of(doc)
    c = Columns.of(doc)
    n = len(c.words)
    inside = [False] * n
    for s, e in sorted((m.start, m.end) for m in find_quoted(text)):
        for i in range(bisect.bisect_right(c.starts, s), bisect.bisect_left(c.starts, e)):
            inside[i] = True
    reports = [cue or low == "according" for cue, low in zip(map(is_cue, c.pos, c.lemma), c.lower, strict=True)]
    paras = token_ranges(c.starts, text)
    wanted = [True] * n
    if skip_quiet:
        for start, end in paras:
            if not any(reports[i] or inside[i] for i in range(start, end)):
                wanted[start:end] = [False] * (end - start)
    return paras, _keys_of(c, inside, reports, wanted)


def _keys_of(c: Columns, inside: list[bool], reports: list[bool], wanted: list[bool]) -> list[_Key | None]:
    """Each wanted token's key: its attributes, and its place under the nearest reporting word
    above it (the root's head is the root itself). One loop over the Doc, the columns bound once."""
    head, pos, lemma, dep, left, right = c.head, c.pos, c.lemma, c.dep, c.left, c.right
    lower, tag, words, ent, punct, sent_start = c.lower, c.tag, c.words, c.ent, c.punct, c.sent_start
    out: list[_Key | None] = []
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
        branch, governed = dep[top] if top >= 0 else "-", gov >= 0
        out.append((
            (lower[i], pos[i], tag[i], lemma[i], words[i], punct[i]),
            (dep[i], in_quote, ent[i], dep[h], pos[h]),
            (lemma[gov] if governed else "-", governed, branch),
            (branch, edge, governed and i < gov, governed, min(steps, 4), in_quote, pos[gov] if governed else "-",
             sent_start[i], left[i] == i, right[i] == i),
            lemma[verb] if verb >= 0 else None,
        ))
    return out


def _entry(key: _Key) -> _Entry:
    """The features of a token's key: its own, and its first four as the token after it and the
    one before see them (prefixed -1: and 1:), remembered."""
    entry = _FEATURES.get(key)
    if entry is not None:
        return entry
    (lower, pos, tag, lemma, word, punct), (dep, in_quote, ent, hdep, hpos), (glemma, governed, branch), place, verb = key
    branch, edge, before, governed, steps, in_quote, gov_pos, sent_start, lefts, rights = place
    lexical = (lower, pos, dep, in_quote, tag, lemma, word, ent, hdep, hpos, punct)
    where = (branch, glemma, edge, before, governed, steps, in_quote, gov_pos, verb, sent_start, lefts, rights)
    got = _LEXICAL.get(lexical)
    if got is None:
        feats = lexical_features(*lexical)
        got = _LEXICAL[lexical] = (feats, *neighbour_features(feats))
    feats, before, after = got
    structural = _STRUCTURAL.get(where)
    if structural is None:
        structural = _STRUCTURAL[where] = structural_features(*where)
    if len(_FEATURES) > 500_000:
        _FEATURES.clear()
    if len(_LEXICAL) > 500_000:
        _LEXICAL.clear()
    if len(_STRUCTURAL) > 500_000:
        _STRUCTURAL.clear()
    entry = _FEATURES[key] = (own_features(feats, structural), before, after)
    return entry


# a token's attributes: of its word, of its context, of the reporting word above it, of the
# rest of its place in the parse, and the nearest verb's lemma above it
_Key = tuple[tuple, tuple, tuple, tuple, str | None]
_Entry = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_FEATURES: dict[_Key, _Entry] = {}  # a token's own features and as its neighbours see them, built once
_LEXICAL: dict[tuple, tuple[list[str], tuple[str, ...], tuple[str, ...]]] = {}  # of a token's own attributes, built once
_STRUCTURAL: dict[tuple, list[str]] = {}  # features of its place in the parse, built once


@dataclass
class Tagger:
    """A trained CRF tagger (a ``QuoteTagger``); ``tag(doc)`` returns one label per token,
    ``tagging(doc)`` also the runs and marginals. It reads python-crfsuite's model file with its
    own scorer (``crf_scorer``: python-crfsuite's labels, without its string input): each token's
    features are rows of the model's weights, remembered per part of its key (``token_keys``:
    of its word, its context, the reporting word above it, the rest of its place in the parse,
    the verb above it), each part far more often seen before than the whole key."""

    model_path: str
    accurate = False

    def __post_init__(self) -> None:
        self._scorer = Scorer(self.model_path)
        self._margins = [(m, self._scorer.labels.index(m)) for m in MARGINS if m in self._scorer.labels]
        # per part of a key, the rows of: its word's features (9, padded), and the first two as
        # the token after it and the one before see them (2 and 2); its context's (5, 2 and 2);
        # of its place in the parse: the reporting word above it (3), the rest (11), the verb
        # above it (1); of another tagger's reading, the first as the token after and before see
        # it, then all of it
        self._values = ValueRows(self._scorer.rows)
        self._word = FeatureRows(13, self._new_word)
        self._context = FeatureRows(9, self._new_context)
        self._governor = FeatureRows(3, self._new_governor)
        self._place = FeatureRows(11, self._new_place)
        self._verb = FeatureRows(1, self._new_verb)
        self._extra = FeatureRows(8, self._new_extra)
        self._edges = [np.array([*self._scorer.rows_of(EDGE[k]), 0, 0, 0, 0]) for k in (-1, 1)]

    def tag(self, doc: Doc) -> list[str]:
        return self.tag_with_margins(doc)[0]

    def tag_with_margins(
        self, doc: Doc, extra: Sequence[Sequence[str]] | None = None
    ) -> tuple[list[str], dict[str, list[float]]]:
        labels = ["O"] * len(doc)
        margins = {m: [0.0] * len(doc) for m in MARGINS}
        paras, keys = token_keys(doc, skip_quiet=True)
        paras = [(s, e) for s, e in paras if keys[s] is not None]
        if not paras:
            return labels, margins
        tokens = [i for s, e in paras for i in range(s, e)]
        rows = self._rows([keys[i] for i in tokens], [e - s for s, e in paras],
                          None if extra is None else [tuple(extra[i]) for i in tokens])
        scorer = self._scorer
        best, marginals = scorer.decode(scorer.scores(rows), [e - s for s, e in paras])
        names = [scorer.labels[i] for i in best.tolist()]
        columns = {m: marginals[:, j].tolist() for m, j in self._margins}
        at = 0
        for start, end in paras:
            labels[start:end] = names[at : at + end - start]
            for m, column in columns.items():
                margins[m][start:end] = column[at : at + end - start]
            at += end - start
        return labels, margins

    def _rows(self, keys: list[_Key], lengths: list[int], extra: list[tuple[str, ...]] | None) -> np.ndarray:
        """The model's rows of each token's features, in ``token_features``' order ([tokens,
        features]; row 0, which adds nothing, where a token has fewer)."""
        words, contexts, governors, places, verbs = zip(*keys, strict=True)
        # the rows of a key's lexical features ([tokens, 22]: its own 14, padded, then them as
        # the token after it and the one before see them, 4 and 4) and of its place (15)
        lex = np.hstack([self._word.of(words), self._context.of(contexts)])[:, _LEXICAL_COLUMNS]
        where = np.hstack([self._place.of(places), self._governor.of(governors), self._verb.of(verbs)])
        where = where[:, _STRUCTURAL_COLUMNS]
        ends = np.cumsum(lengths)
        width = 4 if extra is None else 5
        before, after = np.zeros((len(keys), width), np.int32), np.zeros((len(keys), width), np.int32)
        before[1:, :4], after[:-1, :4] = lex[:-1, 14:18], lex[1:, 18:22]
        parts = [lex[:, :12], where[:, :1], lex[:, 12:13], where[:, 1:], lex[:, 13:14], before, after]
        if extra is not None:
            x = self._extra.of(extra)
            before[1:, 4], after[:-1, 4] = x[:-1, 0], x[1:, 1]
            parts.append(x[:, 2:])
        before[ends - np.asarray(lengths)] = self._edges[0][:width]
        after[ends - 1] = self._edges[1][:width]
        return np.hstack(parts)

    def _new_word(self, key: tuple) -> tuple[int, ...]:
        values = word_values(*key)
        own = self._values.of(WORD, values)
        return (*own, *(0,) * (9 - len(own)), *self._values.of(WORD_NEIGHBOURS, values[:2] * 2))

    def _new_context(self, key: tuple) -> tuple[int, ...]:
        values = context_values(*key)
        return (*self._values.of(CONTEXT, values), *self._values.of(CONTEXT_NEIGHBOURS, values[:2] * 2))

    def _new_governor(self, key: tuple) -> tuple[int, ...]:
        return tuple(self._values.of(GOVERNOR, governor_values(*key)))

    def _new_place(self, key: tuple) -> tuple[int, ...]:
        return tuple(self._values.of(PLACE, place_values(*key)))

    def _new_verb(self, key: str | None) -> tuple[int, ...]:
        return tuple(self._values.of(VERB, verb_values(key)))

    def _new_extra(self, key: tuple[str, ...]) -> tuple[int, ...]:
        return self._scorer.rows_of((f"-1:{key[0]}", f"1:{key[0]}", *key))

    def tagging(self, doc: Doc) -> Tagging:
        return tagging(doc, *self.tag_with_margins(doc))

    def taggings(self, doc: Doc) -> tuple[Tagging, Tagging | None]:
        return self.tagging(doc), None


# where each column of ``LEXICAL`` and ``NEIGHBOURS`` is in the word's rows and the context's,
# side by side (``Tagger._rows``): word 0-8 (``WORD``), 9-12 (``WORD_NEIGHBOURS``), context 13-17
# (``CONTEXT``), 18-21 (``CONTEXT_NEIGHBOURS``)
_LEXICAL_COLUMNS = np.array([0, 1, 13, 14, 2, 3, 4, 15, 16, 17, 5, 6, 7, 8, 9, 10, 18, 19, 11, 12, 20, 21])
# where each column of ``STRUCTURAL`` is in the rows of the place, the governor and the verb, side
# by side: place 0-10 (``PLACE``), governor 11-13 (``GOVERNOR``), verb 14 (``VERB``)
_STRUCTURAL_COLUMNS = np.array([0, 1, 2, 3, 4, 11, 12, 5, 6, 7, 13, 8, 14, 9, 10])


@functools.lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    """The installed tagger (opened once per process), or None when it is not installed."""
    path = resources.files("onrecord").joinpath(TAGGER_FILE)
    if not path.is_file():
        log.info("no quote tagger installed")
        return None
    return Tagger(str(path))
