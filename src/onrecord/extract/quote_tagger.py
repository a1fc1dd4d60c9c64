"""A learned token tagger for attributions: which words are a quote's content (``C``), its
source (``S``) and its cue (``Q``), in BIO form, read off the parse of each paragraph.

A linear-chain CRF (python-crfsuite) over features of every token: its word, lemma, tags and
dependency label; the reporting verb above it in the parse and the branch it hangs from (a token in
the clausal complement of "say" is content, one in its subject is the source); whether it sits in
quotation marks; its neighbours. ``scripts/train_quote_tagger.py`` trains it on PolNeAR's train
split and writes ``data/quotes/tagger.crfsuite``. The quote extractor reads its runs as evidence:
how much of a candidate the tagger calls content, whether their edges agree, and content runs no
rule found.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Token

from onrecord.extract.quote_cues import CUES, LEMMAS
from onrecord.extract.quote_marks import QUOTE_CHARS, find_quoted, paragraphs
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)

TAGGER_FILE = "data/quotes/tagger.crfsuite"
SWITCH = "ONRECORD_QUOTES_TAGGER"  # "off": no tagger (comparisons)
LABELS = ("C", "S", "Q")
_RATES = (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7)
_MAX_UP = 8  # how far up the parse to look for a reporting verb


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of tokens the tagger gave one label: character offsets in the document."""

    label: str
    start: int
    end: int
    first: int  # token indices, end exclusive
    last: int


def _rate(lemma: str) -> int:
    cue, total = LEMMAS.get(lemma, (0, 0))
    return sum(cue / total >= r for r in _RATES) if total else -1


def _is_cue(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in CUES


def _governor(token: Token) -> tuple[Token | None, str, int]:
    """The nearest reporting verb above ``token`` (itself excluded), the dependency label of the
    branch the token hangs from, and how many steps up it is."""
    child, node, steps = token, token.head, 1
    while steps <= _MAX_UP and node is not child:
        if _is_cue(node) or node.lower_ == "according":
            return node, child.dep_, steps
        child, node, steps = node, node.head, steps + 1
    return None, "-", 0


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word[:1].isupper():
        return "X" if word.isupper() and len(word) > 1 else "Xx"
    if word[:1].islower():
        return "x"
    return word[:1]


def token_features(doc: Doc) -> list[tuple[int, int, list[list[str]]]]:
    """Per paragraph: (first token, end token, features of each token)."""
    text = text_of(doc)
    quoted = [(m.start, m.end) for m in find_quoted(text)]
    tokens = list(doc)
    inside = [False] * len(tokens)
    for i, t in enumerate(tokens):
        inside[i] = any(s < t.idx < e for s, e in quoted)
    base = [_base(t, inside[t.i]) for t in tokens]
    out = []
    for start, end in _paragraph_tokens(doc, text):
        feats = []
        for i in range(start, end):
            f = list(base[i])
            for k in (-2, -1, 1, 2):
                j = i + k
                if start <= j < end:
                    f += [f"{k}:{x}" for x in base[j][:4]]
                else:
                    f.append(f"{k}:edge")
            feats.append(f)
        out.append((start, end, feats))
    return out


def _base(t: Token, in_quote: bool) -> list[str]:
    """A token's own features; the first four are copied onto its neighbours."""
    lower = t.lower_
    gov, branch, steps = _governor(t)
    feats = [
        f"w={lower}", f"pos={t.pos_}", f"dep={t.dep_}", f"q={in_quote}",
        f"tag={t.tag_}", f"lemma={t.lemma_.lower()}", f"shape={_shape(t.text)}",
        f"ent={t.ent_type_ or '-'}", f"hdep={t.head.dep_}", f"hpos={t.head.pos_}",
        f"cue={_is_cue(t)}", f"rate={_rate(t.lemma_.lower()) if t.pos_ == 'VERB' else -2}",
        f"sstart={t.is_sent_start}", f"mark={t.text in QUOTE_CHARS}",
        f"side={'before' if gov is not None and t.i < gov.i else 'after' if gov else '-'}",
        f"branch={branch}", f"branch_side={branch}/{gov is not None and t.i < gov.i}",
        f"steps={min(steps, 4)}", f"gov={gov.lemma_.lower() if gov is not None else '-'}",
        f"gov_rate={_rate(gov.lemma_.lower()) if gov is not None else -2}",
        f"branch_q={branch}/{in_quote}",
    ]
    if t.is_punct:
        feats.append(f"punct={t.text}")
    return feats


def _paragraph_tokens(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs."""
    out = []
    tokens = list(doc)
    j = 0
    for s, e in paragraphs(text):
        while j < len(tokens) and tokens[j].idx < s:
            j += 1
        first = j
        while j < len(tokens) and tokens[j].idx < e:
            j += 1
        if j > first:
            out.append((first, j))
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


@dataclass
class Tagger:
    """A trained tagger; ``tag(doc)`` returns one label per token."""

    model_path: str

    def __post_init__(self) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(self.model_path)

    def tag(self, doc: Doc) -> list[str]:
        labels = ["O"] * len(doc)
        for start, _, feats in token_features(doc):
            for k, label in enumerate(self._tagger.tag(feats)):
                labels[start + k] = label
        return labels


@functools.lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    """The installed tagger (opened once per process), or None when it is not installed,
    python-crfsuite is missing, or it is switched off with ``ONRECORD_QUOTES_TAGGER=off``."""
    if os.environ.get(SWITCH, "").lower() in ("off", "0", "no"):
        return None
    try:
        path = resources.files("onrecord").joinpath(TAGGER_FILE)
        if not path.is_file():
            log.info("no quote tagger installed")
            return None
        return Tagger(str(path))
    except ImportError:
        log.warning("python-crfsuite is not installed; the quote tagger is off")
        return None
