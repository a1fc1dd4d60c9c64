"""The strings of the quote tagger's token features (``crf``), from a token's key: its own
attributes (``lexical_features``) and its place in the parse (``structural_features``), and its
first four as its neighbours see them."""

from __future__ import annotations

import functools
from collections.abc import Sequence

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


def lexical_features(lower: str, pos: str, dep: str, in_quote: bool, tag: str, lemma: str,
                     word: str, ent: str, hdep: str, hpos: str, punct: bool) -> list[str]:
    feats = [
        f"w={lower}", f"pos={pos}", f"dep={dep}", f"q={in_quote}",
        f"tag={tag}", f"lemma={lemma}", f"shape={_shape(word)}",
        f"ent={ent}", f"hdep={hdep}", f"hpos={hpos}",
        f"cue={is_cue(pos, lemma)}", f"rate={rate(lemma) if pos == 'VERB' else -2}",
        f"mark={word in QUOTE_CHARS}",
    ]
    return [*feats, f"punct={word}"] if punct else feats


def structural_features(branch: str, glemma: str, edge: str, before: bool, governed: bool,
                        steps: int, in_quote: bool, gov_pos: str, verb_lemma: str | None,
                        sent_start: bool, lefts: bool, rights: bool) -> list[str]:
    return [
        f"sstart={sent_start}",
        f"side={'before' if before else 'after' if governed else '-'}",
        f"branch={branch}", f"branch_side={branch}/{before}",
        f"steps={steps}", f"gov={glemma}",
        f"gov_rate={rate(glemma) if governed else -2}",
        f"branch_q={branch}/{in_quote}", f"edge={edge}", f"edge_branch={edge}/{branch}",
        f"gov_branch={glemma}/{branch}", f"gov_pos={gov_pos}",
        f"verb_rate={rate(verb_lemma) if verb_lemma is not None else -2}",
        f"lefts={lefts}", f"rights={rights}",
    ]


def own_features(lexical: Sequence[str], structural: Sequence[str]) -> tuple[str, ...]:
    """A token's own features, in order, from its lexical and structural ones."""
    return (*lexical[:12], structural[0], lexical[12], *structural[1:], *lexical[13:])


def neighbour_features(lexical: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A token's first four features (all lexical) as the token after it and the one before see them."""
    return tuple(f"-1:{x}" for x in lexical[:4]), tuple(f"1:{x}" for x in lexical[:4])
