"""The strings of the quote tagger's token features (``crf``), from a token's key: its own
attributes (``lexical_features``) and its place in the parse (``structural_features``), and its
first four as its neighbours see them."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from onrecord.extract.quotes.cues import CUES, LEMMAS
from onrecord.extract.quotes.marks import QUOTE_CHARS

_RATES = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7)
EDGE = {k: (f"{k}:edge",) for k in (-1, 1)}  # what a paragraph's first and last tokens see beyond it


@functools.lru_cache(maxsize=4096)
def rate(lemma: str) -> int:
    cue, total = LEMMAS.get(lemma, (0, 0))
    return sum(cue / total >= r for r in _RATES) if total else -1


@functools.lru_cache(maxsize=8192)
def is_cue(pos: str, lemma: str) -> bool:
    """A word that often reports: a cue verb, or a verb or noun often a cue in training."""
    if pos not in ("VERB", "AUX", "NOUN"):
        return False
    return (pos != "NOUN" and lemma in CUES) or rate(lemma) >= 4


@functools.lru_cache(maxsize=8192)
def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word[:1].isupper():
        return "X" if word.isupper() and len(word) > 1 else "Xx"
    if word[:1].islower():
        return "x"
    return word[:1]


LEXICAL = ("w", "pos", "dep", "q", "tag", "lemma", "shape", "ent", "hdep", "hpos", "cue", "rate", "mark", "punct")
STRUCTURAL = ("sstart", "side", "branch", "branch_side", "steps", "gov", "gov_rate", "branch_q", "edge",
              "edge_branch", "gov_branch", "gov_pos", "verb_rate", "lefts", "rights")
# the first four lexical features as the token after a token and the one before see them
NEIGHBOURS = tuple(f"{k}:{name}" for k in (-1, 1) for name in LEXICAL[:4])


# a token's lexical features in two parts, each remembered on its own by the tagger: of its word
# (the same for every use of it) and of its context; in ``LEXICAL``'s order, ``lexical_values``
WORD = ("w", "pos", "tag", "lemma", "shape", "cue", "rate", "mark", "punct")
CONTEXT = ("dep", "q", "ent", "hdep", "hpos")
# their first four as the token after a token and the one before see them (in ``NEIGHBOURS``)
WORD_NEIGHBOURS = ("-1:w", "-1:pos", "1:w", "1:pos")
CONTEXT_NEIGHBOURS = ("-1:dep", "-1:q", "1:dep", "1:q")
# the features of a token's place in the parse in three parts: of the reporting word above it,
# of the nearest verb above it and of the rest; in ``STRUCTURAL``'s order, ``structural_values``
PLACE = ("sstart", "side", "branch", "branch_side", "steps", "branch_q", "edge", "edge_branch", "gov_pos",
         "lefts", "rights")
GOVERNOR = ("gov", "gov_rate", "gov_branch")
VERB = ("verb_rate",)


def word_values(lower: str, pos: str, tag: str, lemma: str, word: str, punct: bool) -> tuple:
    """The values of the lexical features of a token's word, named by ``WORD`` (``punct`` only
    for punctuation)."""
    values = (lower, pos, tag, lemma, _shape(word), is_cue(pos, lemma), rate(lemma) if pos == "VERB" else -2,
              word in QUOTE_CHARS)
    return (*values, word) if punct else values


def context_values(dep: str, in_quote: bool, ent: str, hdep: str, hpos: str) -> tuple:
    """The values of the lexical features of a token's context, named by ``CONTEXT``."""
    return dep, in_quote, ent, hdep, hpos


def lexical_values(lower: str, pos: str, dep: str, in_quote: bool, tag: str, lemma: str,
                   word: str, ent: str, hdep: str, hpos: str, punct: bool) -> tuple:
    """The values of a token's lexical features, named by ``LEXICAL`` (``punct`` only for punctuation)."""
    w = word_values(lower, pos, tag, lemma, word, punct)
    return (w[0], w[1], dep, in_quote, w[2], w[3], w[4], ent, hdep, hpos, w[5], w[6], w[7], *w[8:])


def place_values(branch: str, edge: str, before: bool, governed: bool, steps: int, in_quote: bool,
                 gov_pos: str, sent_start: bool, lefts: bool, rights: bool) -> tuple:
    """The values of the features of a token's place in the parse named by ``PLACE`` (a pair of
    values is written joined by "/")."""
    return (sent_start, "before" if before else "after" if governed else "-", branch, (branch, before),
            steps, (branch, in_quote), edge, (edge, branch), gov_pos, lefts, rights)


def governor_values(glemma: str, governed: bool, branch: str) -> tuple:
    """The values of the features of the reporting word above a token, named by ``GOVERNOR``."""
    return glemma, rate(glemma) if governed else -2, (glemma, branch)


def verb_values(verb_lemma: str | None) -> tuple:
    """The value of the feature of the nearest verb above a token, named by ``VERB``."""
    return (rate(verb_lemma) if verb_lemma is not None else -2,)


def structural_values(branch: str, glemma: str, edge: str, before: bool, governed: bool,
                      steps: int, in_quote: bool, gov_pos: str, verb_lemma: str | None,
                      sent_start: bool, lefts: bool, rights: bool) -> tuple:
    """The values of the features of a token's place in the parse, named by ``STRUCTURAL`` (a
    pair of values is written joined by "/")."""
    p = place_values(branch, edge, before, governed, steps, in_quote, gov_pos, sent_start, lefts, rights)
    g, (v,) = governor_values(glemma, governed, branch), verb_values(verb_lemma)
    return (*p[:5], g[0], g[1], *p[5:8], g[2], p[8], v, p[9], p[10])


def feature(name: str, value: object) -> str:
    """The feature string of a named value ("w=said", "branch_side=ccomp/False")."""
    return f"{name}={'/'.join(map(str, value)) if isinstance(value, tuple) else value}"


def lexical_features(*key: object) -> list[str]:
    """A token's lexical features from its lexical key (``lexical_values``' arguments)."""
    return list(map(feature, LEXICAL, lexical_values(*key)))


def structural_features(*key: object) -> list[str]:
    """The features of a token's place in the parse from its structural key (``structural_values``' arguments)."""
    return list(map(feature, STRUCTURAL, structural_values(*key)))


class ValueRows:
    """The rows of a model's weights (``rows``: feature -> row, 0 for an unknown one) of named
    values, remembered per name and value: no string is built for a value seen before."""

    def __init__(self, rows: Mapping[str, int]) -> None:
        self._rows = rows
        self._tables: dict[tuple[str, ...], list[dict[object, int]]] = {}  # per list of names

    def of(self, names: tuple[str, ...], values: Sequence[object]) -> list[int]:
        tables = self._tables.get(names)
        if tables is None:
            tables = self._tables[names] = [{} for _ in names]
        out = [t.get(v) for t, v in zip(tables, values, strict=False)]
        if None in out:
            for i, (name, table, value) in enumerate(zip(names, tables, values, strict=False)):
                if out[i] is None:
                    if len(table) > 500_000:
                        table.clear()
                    out[i] = table[value] = self._rows[feature(name, value)]
        return out


def own_features(lexical: Sequence[str], structural: Sequence[str]) -> tuple[str, ...]:
    """A token's own features, in order, from its lexical and structural ones."""
    return (*lexical[:12], structural[0], lexical[12], *structural[1:], *lexical[13:])


def neighbour_features(lexical: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A token's first four features (all lexical) as the token after it and the one before see them."""
    return tuple(f"-1:{x}" for x in lexical[:4]), tuple(f"1:{x}" for x in lexical[:4])
