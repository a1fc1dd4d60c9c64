"""A CRFsuite model's tagging without CRFsuite's string input: the weights read once from the
model file into arrays, each token's features given as rows of them, the best labels by Viterbi and the marginals by forward-backward, all the paragraphs of a
document at once.

The labels are those CRFsuite's tagger gives, bit for bit: a token's label scores are the same
sums in the same order (its features' weights added one after the other, a feature the model
does not know adding nothing), and the Viterbi step is CRFsuite's (the best previous label plus
the transition, the first of equal scores kept, then the token's own scores). The marginals are
computed in another order than CRFsuite's and agree with them to about 1e-15.
``tests/extract/quotes/test_crf_scorer.py`` checks both against python-crfsuite.

The file is read here (its header, the feature table and the two string tables, CRFsuite's
"CQDB"), not through python-crfsuite's ``Tagger.info()``: that parses the model's text dump,
which writes the weights to six decimals, and fails on this model: some of its features hold a
line break (the word of a "\\n" token, "w=\\n").
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, counts, offsets
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


def _quarks(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB chunk (CRFsuite's string table) in the order of their ids."""
    chunk, _, _, _, count, backward = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB":
        raise ValueError("not a CRFsuite model: no string table")
    out = []
    for i, at in enumerate(np.frombuffer(data, "<u4", count, offset + backward).tolist()):
        quark, size = struct.unpack_from("<II", data, offset + at)
        if quark != i:
            raise ValueError("not a CRFsuite model: string ids out of order")
        start = offset + at + 8
        out.append(data[start : start + size - 1].decode("utf-8"))
    return out


class _Rows(dict):
    """A feature's row of the weights; 0 (no weights) for a feature the model does not know."""

    def __missing__(self, key: str) -> int:
        return 0


class Scorer:
    """A CRFsuite (CRF1d) model's weights: ``scores`` gives each token's label scores from the
    rows of its features (``rows_of``), ``decode`` the labels and marginals of whole paragraphs."""

    def __init__(self, path: str | Path) -> None:
        data = Path(path).read_bytes()
        magic, _, kind, _, _, n_labels, n_attrs, features, labels, attrs, _, _ = _HEADER.unpack_from(data)
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"not a CRFsuite CRF1d model: {path}")
        chunk, _, count = struct.unpack_from("<4sII", data, features)
        if chunk != b"FEAT":
            raise ValueError(f"not a CRFsuite model: no features: {path}")
        table = np.frombuffer(data, _FEATURE, count, features + 12)
        self.labels: tuple[str, ...] = tuple(_quarks(data, labels))
        names = _quarks(data, attrs)
        if len(self.labels) != n_labels or len(names) != n_attrs:
            raise ValueError(f"not a CRFsuite model: counts do not match: {path}")
        # row 0 is the features the model does not know: adding it adds nothing
        self.rows = _Rows((name, i + 1) for i, name in enumerate(names))
        self.weights = np.zeros((n_attrs + 1, n_labels))
        state = table[table["type"] == _STATE]
        self.weights[state["src"].astype(np.intp) + 1, state["dst"]] = state["weight"]
        self.transitions = np.zeros((n_labels, n_labels))
        moves = table[table["type"] == _TRANSITION]
        self.transitions[moves["src"], moves["dst"]] = moves["weight"]
        # one step of the forward (left half) and of the backward recursion (right half)
        self._exp_transitions = np.zeros((2 * n_labels, 2 * n_labels))
        self._exp_transitions[:n_labels, :n_labels] = np.exp(self.transitions)
        self._exp_transitions[n_labels:, n_labels:] = np.exp(self.transitions).T

    def rows_of(self, features: Sequence[str]) -> tuple[int, ...]:
        """The row of ``weights`` of each feature (0 for one the model does not know)."""
        return tuple(map(self.rows.__getitem__, features))

    def scores(self, rows: np.ndarray) -> np.ndarray:
        """Each token's label scores ([tokens, labels]) from the rows of its features ([tokens,
        features], ``rows_of``; padded with row 0): the weights added one after the other, in
        order, as CRFsuite adds them."""
        out = np.zeros((rows.shape[0], self.weights.shape[1]))
        weights = self.weights
        for column in rows.T:
            out += weights[column]
        return out

    def decode(self, scores: np.ndarray, lengths: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """The best label (an index of ``labels``) of each token and its marginal probability of
        each label ([tokens, labels]), for the tokens' ``scores`` of consecutive paragraphs of
        ``lengths`` tokens (each a sequence of its own)."""
        n, width = scores.shape
        if n == 0:
            return np.zeros(0, dtype=np.intp), np.zeros((0, width))
        lens = np.asarray(lengths, dtype=np.intp)
        order = np.argsort(-lens, kind="stable")  # longest first: the ones still going are a prefix
        starts = (np.cumsum(lens) - lens)[order]
        lens = lens[order]
        steps = np.arange(lens[0])[:, None]
        valid = steps < lens  # [steps, paragraphs]
        forward = np.where(valid, starts + steps, n)  # index n: a padding row
        backward = np.where(valid, starts + lens - 1 - steps, n)  # each paragraph from its end
        padded = np.vstack([scores, np.zeros((1, width))])
        shifted = np.exp(padded - padded.max(1, keepdims=True))
        both = np.concatenate([shifted[forward], shifted[backward]], axis=2)
        labels, ahead, behind = self._recursions(padded[forward], both, valid.sum(1).tolist())
        best = np.empty(n, dtype=np.intp)
        best[forward[valid]] = labels[valid]
        marginals = np.empty((n, width))
        marginals[forward[valid]] = ahead[valid]
        marginals[backward[valid]] *= behind[valid]
        marginals /= marginals.sum(1, keepdims=True)
        return best, marginals

    def _recursions(
        self, scores: np.ndarray, both: np.ndarray, going: list[int]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Viterbi over ``scores`` [steps, paragraphs, labels] (the longest paragraph first,
        ``going[t]`` of them still going at step t): the best labels [steps, paragraphs]; and
        forward-backward over exp-scores ``both`` (forward, then each paragraph reversed, side by
        side [steps, paragraphs, 2 labels]): each step's forward scores, its own included, and
        backward scores, the tokens after it, each normalised per step."""
        count, width = scores.shape[1], scores.shape[2]
        trans = self.transitions
        best = np.empty_like(scores)  # the best path's score ending in each label
        best[0] = scores[0]
        back = np.zeros(scores.shape, dtype=np.intp)
        moves = np.empty((count, width, width))
        sums = np.empty_like(both)  # forward (after) and backward (before) each step's scores
        sums[0] = both[0]
        halves = sums[0].reshape(count, 2, width)
        halves /= halves.sum(2, keepdims=True)
        before = np.empty_like(both)
        before[0, :, width:] = 1.0
        step = self._exp_transitions
        steps, t = len(scores), 1
        while t < steps:  # the steps with the same paragraphs going, their rows sliced once
            k = going[t]
            u = t + 1
            while u < steps and going[u] == k:
                u += 1
            m = moves[:k]
            ahead = best[t - 1 : u, :k]
            for prev, now_best, own, back_t, sums_prev, sums_now, before_t, both_t in zip(
                    ahead[:-1, :, :, None], ahead[1:], scores[t:u, :k], back[t:u, :k],
                    sums[t - 1 : u - 1, :k], sums[t:u, :k], before[t:u, :k], both[t:u, :k], strict=True):
                np.add(prev, trans, out=m)  # [paragraph, from, to]
                m.argmax(1, out=back_t)  # the first of equal scores, as CRFsuite keeps
                np.maximum.reduce(m, axis=1, out=now_best)
                now_best += own
                np.matmul(sums_prev, step, out=before_t)
                now = np.multiply(before_t, both_t, out=sums_now).reshape(k, 2, width)
                now /= np.add.reduce(now, axis=2, keepdims=True)
            t = u
        return self._back(best, back, going), sums[:, :, :width], before[:, :, width:]

    @staticmethod
    def _back(best: np.ndarray, back: np.ndarray, going: list[int]) -> np.ndarray:
        """The best path of each paragraph ([steps, paragraphs]) from the Viterbi scores."""
        steps, count, _ = best.shape
        rows = np.arange(count)
        ends = np.repeat(np.arange(steps), -np.diff([*going, 0]))[::-1]  # each paragraph's last step
        label = best[ends, rows].argmax(1)  # the first of equal scores, as CRFsuite keeps
        path = np.empty((steps, count), dtype=np.intp)
        for t in range(steps - 1, 0, -1):
            k = going[t]
            path[t, :k] = label[:k]
            label[:k] = back[t, rows[:k], label[:k]]
        path[0] = label
        return path


class FeatureRows:
    """The rows of a model's weights that a key's features stand for (``Scorer.rows_of``),
    made once per key by ``make`` and kept as one array of ``width`` columns (padded with row
    0, which adds nothing): ``of(keys)`` gives them for a list of keys ([keys, width])."""

    def __init__(self, width: int, make: Callable[[Hashable], Sequence[int]], limit: int = 200_000) -> None:
        self.width, self._make, self._limit = width, make, limit
        self._index: dict[Hashable, int] = {}
        self._rows = np.zeros((1024, width), dtype=np.int32)

    def of(self, keys: Sequence[Hashable]) -> np.ndarray:
        index = self._index
        get = index.get
        at = [get(k, -1) for k in keys]
        if -1 in at:
            if len(index) > self._limit:  # start again: every key of this call is made anew
                index.clear()
                at = [-1] * len(keys)
            new = list(dict.fromkeys(k for k, i in zip(keys, at, strict=True) if i < 0))
            made = [tuple(self._make(k)) for k in new]
            if any(len(m) > self.width for m in made):
                raise ValueError(f"more than {self.width} features for a key")
            start = len(index)
            if start + len(new) > len(self._rows):
                grown = np.zeros((2 * (start + len(new)), self.width), dtype=np.int32)
                grown[:start] = self._rows[:start]
                self._rows = grown
            block = self._rows[start : start + len(new)]
            block[:] = 0
            sizes = set(map(len, made))
            if len(sizes) == 1:
                block[:, : sizes.pop()] = made
            else:
                for row, m in zip(block, made, strict=True):
                    row[: len(m)] = m
            index.update(zip(new, range(start, start + len(new)), strict=True))
            for j, i in enumerate(at):
                if i < 0:
                    at[j] = index[keys[j]]
        return self._rows[np.array(at, dtype=np.intp)]
