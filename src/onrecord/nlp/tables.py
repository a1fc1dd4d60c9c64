"""spaCy's attribute ruler and rule lemmatizer run over the Doc's arrays, with the stock results.

The stock ``attribute_ruler`` runs a ``Matcher`` of its 179 patterns over every token and sets the
attributes of each match through a ``Span``; the stock ``lemmatizer`` makes a ``Token`` for every
token to look its lemma up. Together they are about a fifth of the English pipeline's time, though
the patterns are nearly all one-token tests of the tag, the lower-case form, the dependency label
or whitespace, and a rule lemma depends only on the word, its POS and its morphology.

:class:`AttributeTable` compiles the stock ruler's patterns into column tests over
``Doc.to_array`` (fixed-length patterns of literal, ``IN``, ``NOT_IN`` and ``REGEX`` values; anything else,
such as an ``OP``, keeps the stock component), matches every pattern against the attributes as
they were before any is applied, as the stock ruler does, then applies the patterns' attributes in
the stock order (the pattern's index, so that later rules win) and writes them back with
``Doc.from_array``. :class:`LemmaTable` keeps the stock lemmatizer and its tables (its word lists
as sets, which it only tests for membership) and calls it once per distinct (word, POS,
morphology), writing the lemmas back in one array. ``tests/nlp`` compares
both with the stock components token by token on real text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
OUTPUTS = (POS, TAG, DEP, LEMMA, MORPH)


class Unsupported(ValueError):
    """A pattern the table cannot compile: the stock component is kept."""


@dataclass(frozen=True)
class _Test:
    column: int
    values: frozenset[int] | None = None  # the hashes (or 0/1) accepted
    regex: re.Pattern | None = None  # on the string of the column (LOWER)
    negate: bool = False  # NOT_IN: the values refused


@dataclass(frozen=True)
class _Rule:
    patterns: tuple[tuple[tuple[_Test, ...], ...], ...]  # each pattern: one test tuple per token
    index: int  # the token of the match that gets the attributes
    attrs: tuple[tuple[int, int], ...]  # (attribute id, value) in the stock order


class AttributeTable:
    """The stock attribute ruler's patterns as array tests (see the module docstring)."""

    def __init__(self, vocab, name: str = "attribute_ruler") -> None:
        self.vocab = vocab
        self.name = name
        self.rules: tuple[_Rule, ...] = ()

    def compile(self, ruler) -> AttributeTable:
        """Take the patterns of a stock ``AttributeRuler``; :class:`Unsupported` when one is beyond
        what the table tests."""
        rules = []
        for i, entry in enumerate(ruler.patterns):
            patterns = tuple(self._pattern(p) for p in entry["patterns"])
            index = entry.get("index", 0)
            if any(not -len(p) <= index < len(p) for p in patterns):
                raise Unsupported(f"index {index} outside a pattern of rule {i}")
            attrs = ruler.attrs[i]
            if any(key not in OUTPUTS for key in attrs):
                raise Unsupported(f"rule {i} sets {sorted(attrs)}")
            rules.append(_Rule(patterns, index, tuple(attrs.items())))
        self.rules = tuple(rules)
        return self

    def _pattern(self, tokens: list[dict]) -> tuple[tuple[_Test, ...], ...]:
        if not tokens:
            raise Unsupported("empty pattern")
        return tuple(tuple(self._test(key, value) for key, value in spec.items()) for spec in tokens)

    def _test(self, key: str, value) -> _Test:
        column = COLUMNS.get(key.upper())
        if column is None:
            raise Unsupported(f"pattern key {key}")
        if isinstance(value, dict):
            if set(value) in ({"IN"}, {"NOT_IN"}):
                (op, listed), = value.items()
                return _Test(column, frozenset(self._code(column, v) for v in listed), negate=op == "NOT_IN")
            if set(value) == {"REGEX"} and column in (TAG, LOWER, DEP):
                return _Test(column, regex=re.compile(value["REGEX"]))
            raise Unsupported(f"pattern value {value}")
        return _Test(column, frozenset({self._code(column, value)}))

    def _code(self, column: int, value) -> int:
        if column == IS_SPACE:
            if not isinstance(value, bool):
                raise Unsupported(f"IS_SPACE {value!r}")
            return int(value)
        if not isinstance(value, str):
            raise Unsupported(f"pattern value {value!r}")
        return self.vocab.strings[value] if column != LOWER else self.vocab.strings[value.lower()]

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n or not self.rules:
            return doc
        columns = [TAG, LOWER, DEP, IS_SPACE]
        seen = doc.to_array(columns)
        by_column = {c: seen[:, k] for k, c in enumerate(columns)}
        out = doc.to_array(list(OUTPUTS))
        slot = {attr: k for k, attr in enumerate(OUTPUTS)}
        passes: dict[_Test, np.ndarray] = {}  # each test once per Doc
        for rule in self.rules:  # matched on ``seen``, applied to ``out`` in order: later rules win
            hit = None
            for pattern in rule.patterns:
                found = self._matches(doc, pattern, by_column, n, rule.index, passes)
                hit = found if hit is None else hit | found
            if hit is not None and hit.any():
                for attr, value in rule.attrs:
                    out[hit, slot[attr]] = value
        for value in np.unique(out[:, slot[MORPH]]):
            if value:  # from_array looks each morphology up by its string
                self.vocab.morphology.add(self.vocab.strings[int(value)])
        doc.from_array(list(OUTPUTS), out)
        return doc

    def _matches(self, doc: Doc, pattern, by_column, n: int, index: int, passes) -> np.ndarray:
        """The tokens that get the attributes: ``index`` within every match of ``pattern``."""
        length = len(pattern)
        if length == 1:
            hit = np.ones(n, dtype=bool)
            for test in pattern[0]:
                hit &= self._passes(doc, test, by_column, passes)
            return hit
        if length > n:
            return np.zeros(n, dtype=bool)
        starts = np.ones(n - length + 1, dtype=bool)
        for offset, tests in enumerate(pattern):
            for test in tests:
                starts &= self._passes(doc, test, by_column, passes)[offset:offset + n - length + 1]
        hit = np.zeros(n, dtype=bool)
        hit[np.flatnonzero(starts) + (index if index >= 0 else length + index)] = True
        return hit

    def _passes(self, doc: Doc, test: _Test, by_column, passes) -> np.ndarray:
        known = passes.get(test)
        if known is not None:
            return known
        column = by_column[test.column]
        if test.regex is None:
            if len(test.values) == 1:
                (value,) = test.values
                known = (column != value) if test.negate else (column == value)
            else:
                values = np.fromiter(test.values, dtype=np.uint64, count=len(test.values))
                known = np.isin(column, values, invert=test.negate)
        else:
            strings = self.vocab.strings
            ok = [int(k) for k in np.unique(column) if test.regex.search(strings[int(k)])]
            known = np.isin(column, np.array(ok, dtype=np.uint64))
        passes[test] = known
        return known

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class LemmaTable:
    """The stock rule lemmatizer, asked once per distinct (word, POS, morphology)."""

    def __init__(self, lemmatizer) -> None:
        self.stock = lemmatizer
        self.name = lemmatizer.name
        self.memo: dict[tuple[int, int, int], int] = {}
        # The stock rule lemmatizer only asks ``form in index`` of its word lists (up to 57,528
        # words for nouns): as sets, the same answers without a scan per candidate form.
        if lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for key in list(index.keys()):
                index[key] = frozenset(index[key])

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        stock = self.stock
        if not stock._validated:
            return stock(doc)
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        strings = doc.vocab.strings
        memo = self.memo
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not stock.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            lemma = memo.get(key)
            if lemma is None:
                lemma = strings.add(stock.lemmatize(doc[i])[0])
                if pos:  # an empty POS warns each time in the stock component: not kept
                    memo[key] = lemma
            lemmas.append(lemma)
        doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64).reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("onrecord_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.vocab, name)


@Language.factory("onrecord_lemma_table")
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable(_PENDING.pop())


_PENDING: list = []  # the stock lemmatizer handed to the factory by :func:`use_tables`


def use_tables(nlp: Language) -> Language:
    """Swap the stock attribute ruler and rule lemmatizer of ``nlp`` for the tables, where they
    are there and the table compiles (otherwise the stock component stays)."""
    if "attribute_ruler" in nlp.pipe_names:
        stock = nlp.get_pipe("attribute_ruler")
        try:
            table = AttributeTable(nlp.vocab).compile(stock)
        except Unsupported:
            table = None
        if table is not None:
            nlp.replace_pipe("attribute_ruler", "onrecord_attribute_table").rules = table.rules
    if "lemmatizer" in nlp.pipe_names:
        stock = nlp.get_pipe("lemmatizer")
        if getattr(stock, "mode", None) == "rule" and not isinstance(stock, LemmaTable):
            _PENDING.append(stock)
            nlp.replace_pipe("lemmatizer", "onrecord_lemma_table")
    return nlp
