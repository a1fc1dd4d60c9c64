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

import bisect
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
    if token.pos_ not in ("VERB", "AUX", "NOUN"):
        return False
    lemma = token.lemma_.lower()
    return (token.pos_ != "NOUN" and lemma in CUES) or _rate(lemma) >= 4


def _governor(token: Token) -> tuple[Token | None, Token | None, int]:
    """The nearest reporting word above ``token`` (itself excluded: a verb or noun that is often
    a cue), the child of it whose branch holds the token, and how many steps up it is."""
    child, node, steps = token, token.head, 1
    while steps <= _MAX_UP and node is not child:
        if _is_cue(node) or node.lower_ == "according":
            return node, child, steps
        child, node, steps = node, node.head, steps + 1
    return None, None, 0


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
    gov, top, steps = _governor(t)
    branch = top.dep_ if top is not None else "-"
    glemma = gov.lemma_.lower() if gov is not None else "-"
    edge = "-"
    if top is not None:
        edge = "both" if top.left_edge.i == t.i == top.right_edge.i else (
            "left" if top.left_edge.i == t.i else "right" if top.right_edge.i == t.i else "in")
    verb = next((a for a in t.ancestors if a.pos_ == "VERB"), None)
    feats = [
        f"w={lower}", f"pos={t.pos_}", f"dep={t.dep_}", f"q={in_quote}",
        f"tag={t.tag_}", f"lemma={t.lemma_.lower()}", f"shape={_shape(t.text)}",
        f"ent={t.ent_type_ or '-'}", f"hdep={t.head.dep_}", f"hpos={t.head.pos_}",
        f"cue={_is_cue(t)}", f"rate={_rate(t.lemma_.lower()) if t.pos_ == 'VERB' else -2}",
        f"sstart={t.is_sent_start}", f"mark={t.text in QUOTE_CHARS}",
        f"side={'before' if gov is not None and t.i < gov.i else 'after' if gov else '-'}",
        f"branch={branch}", f"branch_side={branch}/{gov is not None and t.i < gov.i}",
        f"steps={min(steps, 4)}", f"gov={glemma}",
        f"gov_rate={_rate(glemma) if gov is not None else -2}",
        f"branch_q={branch}/{in_quote}", f"edge={edge}", f"edge_branch={edge}/{branch}",
        f"gov_branch={glemma}/{branch}", f"gov_pos={gov.pos_ if gov is not None else '-'}",
        f"verb_rate={_rate(verb.lemma_.lower()) if verb is not None else -2}",
        f"lefts={t.left_edge.i == t.i}", f"rights={t.right_edge.i == t.i}",
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


MARGINS = ("B-C", "I-C", "B-S", "I-S")  # labels whose per-token marginal probability is kept


@dataclass(frozen=True)
class Tagging:
    """A tagged article: one label per token, the runs they make, and per token the marginal
    probability of each label in ``MARGINS`` (how sure the tagger is of an edge)."""

    labels: list[str]
    runs: list[Run]
    margins: dict[str, list[float]]
    token_starts: list[int]  # character offset of each token, for finding a span's edge tokens

    def token_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.token_starts, pos)

    def margin(self, label: str, index: int) -> float:
        values = self.margins.get(label, [])
        return values[index] if 0 <= index < len(values) else 0.0


def tagging(doc: Doc, labels: list[str], margins: dict[str, list[float]]) -> Tagging:
    return Tagging(labels, runs(doc, labels), margins, [t.idx for t in doc])


@dataclass
class Tagger:
    """A trained tagger; ``tag(doc)`` returns one label per token, ``tagging(doc)`` also the
    runs and marginals."""

    model_path: str

    def __post_init__(self) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(self.model_path)
        self._labels = set(self._tagger.labels())

    def tag(self, doc: Doc) -> list[str]:
        return self.tag_with_margins(doc)[0]

    def tag_with_margins(self, doc: Doc) -> tuple[list[str], dict[str, list[float]]]:
        labels = ["O"] * len(doc)
        margins = {m: [0.0] * len(doc) for m in MARGINS}
        known = [m for m in MARGINS if m in self._labels]
        for start, _, feats in token_features(doc):
            for k, label in enumerate(self._tagger.tag(feats)):
                labels[start + k] = label
                for m in known:
                    margins[m][start + k] = round(self._tagger.marginal(m, k), 3)
        return labels, margins

    def tagging(self, doc: Doc) -> Tagging:
        return tagging(doc, *self.tag_with_margins(doc))


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
