"""A learned reading of relations beside the rules: every cue word of a sentence with every ordered
pair of parties the sentence names, typed by a small linear model trained on the hand gold
(``scripts/train_relation_model.py`` writes ``data/relation_model.json``).

A cue word is a verb, noun or adjective whose lemma the hand lexicon holds (:mod:`.cues`) or the
model's own list of cue lemmas (the lemmas that stand in two or more gold spans of its training
articles). A party is a token that heads a name, a pronoun or a description, or a demonym (the
sides are resolved to actors by the rules' own readings, in :mod:`.combined`). A candidate (cue,
doer, other side) is described by sparse features: the cue's lemma and its lexicon type, the
dependency path from the cue to each side (at most four steps; a longer one is no candidate), the
word order, the two actors' types, negation, a modal, whether the cue is inside a quote; the model
scores every PLOVER type and ``NONE``, and the best type wins when its probability reaches the
model's threshold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np
from spacy.tokens import Span, Token

from onrecord.extract.relations.cues import ADJECTIVES, NOUNS, PARTICLES, VERBS

MODEL_FILE = "data/relation_model.json"
NONE = "NONE"
MAX_STEPS = 4
_CUE_POS = frozenset({"VERB", "NOUN", "ADJ"})
_PARTY_POS = frozenset({"PROPN", "PRON", "NOUN"})
_PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass(frozen=True, slots=True)
class Candidate:
    pred: Token  # the cue word
    source: Token
    target: Token
    source_path: str
    target_path: str


def lexicon_type(tok: Token) -> str:
    """The type the hand lexicon gives the word's lemma (with its particle), else ``-``."""
    lemma = tok.lemma_.lower()
    particle = next((c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")), None)
    cue = PARTICLES.get((lemma, particle)) if particle else None
    if cue is None:
        table = VERBS if tok.pos_ == "VERB" else NOUNS if tok.pos_ == "NOUN" else ADJECTIVES
        cue = table.get(lemma)
    return cue.type if cue is not None else "-"


def is_party_token(tok: Token) -> bool:
    """A token that may name a side: a noun phrase's head, a name inside a compound before a
    common noun ("the Trump-Kim meeting"), a demonym ("a Turkish offensive")."""
    if tok.pos_ == "ADJ":
        return tok.ent_type_ in ("NORP", "GPE")
    if tok.pos_ not in _PARTY_POS:
        return False
    if tok.dep_ == "compound":
        return tok.pos_ == "PROPN" and tok.head.pos_ == "NOUN"
    return tok.pos_ != "NOUN" or tok.ent_type_ in _PARTY_ENTS or tok.dep_ in (
        "nsubj", "nsubjpass", "dobj", "pobj", "poss", "dative", "conj", "appos", "attr")


def path(cue: Token, tok: Token) -> str | None:
    """The dependency path from ``cue`` to ``tok``: the labels climbed (``^``) then descended
    (``v``, a preposition with its word), at most ``MAX_STEPS`` steps, else ``None``."""
    up: list[Token] = [cue, *cue.ancestors][: MAX_STEPS + 1]
    down: list[Token] = [tok, *tok.ancestors][: MAX_STEPS + 1]
    ids = [t.i for t in down]
    for n, t in enumerate(up):
        if t.i in ids:
            m = ids.index(t.i)
            if n + m > MAX_STEPS:
                return None
            steps = [f"^{u.dep_}" for u in up[:n]]
            steps += [f"v{d.dep_}" + (f":{d.lower_}" if d.dep_ in ("prep", "agent") else "") for d in reversed(down[:m])]
            return "".join(steps) or "="
    return None


def candidates(sent: Span, cue_lemmas: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every (cue word, doer, other side) of the sentence whose two paths are short enough."""
    parties = [t for t in sent if is_party_token(t)]
    found: list[Candidate] = []
    for cue in sent:
        if cue.pos_ not in _CUE_POS or (lexicon_type(cue) == "-" and cue.lemma_.lower() not in cue_lemmas):
            continue
        paths = [(p, path(cue, p)) for p in parties if p is not cue]
        paths = [(p, x) for p, x in paths if x is not None]
        found += [Candidate(cue, s, t, sp, tp) for s, sp in paths for t, tp in paths if s is not t]
    return found


def features(c: Candidate, source_type: str, target_type: str, in_quote: bool) -> list[str]:
    """The sparse features of one candidate (the model holds a weight per type for each)."""
    p = c.pred
    lemma, lex, sp, tp = p.lemma_.lower(), lexicon_type(p), c.source_path, c.target_path
    order = f"{int(c.source.i < p.i)}{int(c.target.i < p.i)}{int(c.source.i < c.target.i)}"
    out = [f"l={lemma}", f"lex={lex}", f"pos={p.pos_}", f"sp={sp}", f"tp={tp}", f"sp|tp={sp}|{tp}",
           f"l|sp={lemma}|{sp}", f"l|tp={lemma}|{tp}", f"lex|sp={lex}|{sp}", f"lex|tp={lex}|{tp}",
           f"lex|sp|tp={lex}|{sp}|{tp}", f"ord={order}", f"st={source_type}", f"tt={target_type}",
           f"st|tt={source_type}|{target_type}", f"lex|tt={lex}|{target_type}", f"q={in_quote}",
           f"spos={c.source.pos_}", f"tpos={c.target.pos_}"]
    for ch in p.children:
        if ch.dep_ == "neg":
            out.append("neg")
        elif ch.dep_ == "aux" and ch.tag_ == "MD":
            out.append("md")
        elif ch.dep_ == "prt":
            out.append(f"l|prt={lemma}|{ch.lower_}")
    return out


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    bias: np.ndarray
    index: dict[str, int]  # feature -> row of ``weights``
    weights: np.ndarray  # features x classes
    threshold: float
    cue_lemmas: frozenset[str] = field(default_factory=frozenset)

    def probabilities(self, feats: list[str]) -> np.ndarray:
        rows = [self.index[f] for f in feats if f in self.index]
        scores = self.bias + self.weights[rows].sum(axis=0)
        exps = np.exp(scores - scores.max())
        return exps / exps.sum()

    def predict(self, feats: list[str]) -> tuple[str, float]:
        """The best type that is not ``NONE`` and its probability when it reaches the threshold,
        else (``NONE``, its probability)."""
        probs = self.probabilities(feats)
        none = self.classes.index(NONE)
        masked = probs.copy()
        masked[none] = -1.0
        best = int(masked.argmax())
        if probs[best] >= self.threshold:
            return self.classes[best], float(probs[best])
        return NONE, float(probs[none])

    def with_threshold(self, threshold: float) -> Model:
        return Model(self.classes, self.bias, self.index, self.weights, threshold, self.cue_lemmas)

    def to_json(self) -> dict:
        names = sorted(self.index, key=self.index.__getitem__)
        return {"classes": list(self.classes), "bias": [round(float(b), 4) for b in self.bias],
                "threshold": self.threshold, "cue_lemmas": sorted(self.cue_lemmas),
                "weights": {f: [round(float(x), 4) for x in self.weights[self.index[f]]] for f in names}}

    @staticmethod
    def from_json(data: dict) -> Model:
        names = list(data["weights"])
        weights = np.array([data["weights"][f] for f in names], dtype=float).reshape(len(names), len(data["classes"]))
        return Model(tuple(data["classes"]), np.array(data["bias"], dtype=float), {f: i for i, f in enumerate(names)},
                     weights, float(data["threshold"]), frozenset(data.get("cue_lemmas", ())))


@cache
def shipped_model() -> Model | None:
    """The model in the package's data, or ``None`` where there is none."""
    path_ = resources.files("onrecord").joinpath(MODEL_FILE)
    if not path_.is_file():
        return None
    return Model.from_json(json.loads(path_.read_text(encoding="utf-8")))
