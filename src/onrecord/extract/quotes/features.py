"""What the learned candidate models read about each candidate: its cue and how it was found,
the shape of its content and edges, how it sits among the other candidates, and how far the
tagger agrees with it."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.extract.quotes.draft import Draft, trim
from onrecord.extract.quotes.marks import QUOTE_CHARS
from onrecord.extract.quotes.tagging import Tagging


def all_features(
    text: str,
    drafts: list[Draft],
    tagged: Tagging | None = None,
    second: Tagging | None = None,
) -> list[tuple[str, ...]]:
    """The model's features of each candidate, with how it sits among the others: overlapped
    by a candidate of a known cue, holding another candidate's cue, sharing its span; and, with
    the tagger's output (``tagged``), how far the tagger agrees with it; the same again, prefixed
    "2", for a second reading (``second``: the accurate tagger's transformer before its CRF)."""
    out = []
    arranged = _Tagged.of(tagged) if tagged is not None else None
    arranged2 = _Tagged.of(second) if second is not None else None
    ordered = sorted(drafts, key=lambda o: o.start)
    starts = [o.start for o in ordered]
    for d in drafts:
        # candidates starting before this one ends and ending after it starts
        before = ordered[: bisect.bisect_left(starts, d.end)]
        others = [o for o in before if o is not d and o.end > d.start and d.end > o.start]
        known = any("known=True" in o.features or not o.features for o in others)
        same = any((o.start, o.end) == (d.start, d.end) for o in others)
        wider = any(o.start <= d.start and o.end >= d.end and o.end - o.start > d.end - d.start
                    for o in others)
        inside = any(d.start <= o.start and o.end <= d.end and (o.start, o.end) != (d.start, d.end)
                     for o in others)
        context = (f"n_over={min(len(others), 3)}", f"over_known={known}", f"wider={wider}",
                   f"same={same}", f"inside={inside}", f"wider_how={wider}/{d.feature.rsplit('/', 2)[1]}")
        agree = _tagger_features(text, d, arranged) if arranged is not None else ()
        if arranged2 is not None:
            agree = (*agree, *("2" + f for f in _tagger_features(text, d, arranged2)))
        out.append((*draft_features(text, d), *context, *agree))
    return out


def coverage_step(span: tuple[int, int], runs: Sequence[tuple[int, int]]) -> int:
    """How much of ``span`` the runs cover, in five steps (0: none ... 4: nearly all)."""
    lo, hi = span
    size = hi - lo
    if size <= 0:
        return 0
    covered = sum(min(hi, e) - max(lo, s) for s, e in runs if s < hi and e > lo) / size
    return 0 if covered == 0 else 1 if covered < 0.34 else 2 if covered < 0.67 else 3 if covered < 0.95 else 4


@dataclass(frozen=True, slots=True)
class _Runs:
    """The runs of one label in text order, with their starts and ends for bisecting (a
    tagger's runs of one label never overlap; ``ordered`` is False for runs that do)."""

    spans: list[tuple[int, int]]
    starts: list[int]
    ends: list[int]
    ordered: bool

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> _Runs:
        starts, ends = [s for s, _ in spans], [e for _, e in spans]
        ordered = all(e <= s for e, s in zip(ends[:-1], starts[1:], strict=True)) and all(s < e for s, e in spans)
        return cls(spans, starts, ends, ordered)

    def over(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The runs that may overlap ``lo``-``hi``, in text order (all of them when not ordered)."""
        if not self.ordered:
            return self.spans
        return self.spans[bisect.bisect_right(self.ends, lo) : bisect.bisect_left(self.starts, hi)]

    def near(self, edges: list[int], at: int) -> bool:
        """Whether one of ``edges`` (``starts`` or ``ends``) lies within one character of ``at``."""
        if not self.ordered:
            return any(abs(x - at) <= 1 for x in edges)
        k = bisect.bisect_left(edges, at - 1)
        return k < len(edges) and edges[k] <= at + 1

    def step(self, span: tuple[int, int]) -> int:
        return coverage_step(span, self.over(*span))


@dataclass(frozen=True, slots=True)
class _Tagged:
    """The tagger's output arranged for the candidate features: runs by label, and running sums
    of the content marginals (the mean over a candidate in constant time)."""

    tagging: Tagging
    runs: dict[str, _Runs]
    content_sums: list[float]

    @classmethod
    def of(cls, tagging: Tagging) -> _Tagged:
        runs: dict[str, list[tuple[int, int]]] = {"C": [], "S": [], "Q": []}
        for r in tagging.runs:
            runs.setdefault(r.label, []).append((r.start, r.end))
        sums = [0.0]
        for b, i in zip(tagging.margins.get("B-C", []), tagging.margins.get("I-C", []), strict=True):
            sums.append(sums[-1] + b + i)
        return cls(tagging, {k: _Runs.of(v) for k, v in runs.items()}, sums)


def _tagger_features(text: str, d: Draft, tagged: _Tagged) -> tuple[str, ...]:
    """How the tagger sits on a candidate: share of it tagged content, edges shared, its speaker
    tagged as a source and its cue as a cue, and how sure the tagger is that a content begins
    and ends at the candidate's edges."""
    tg = tagged.tagging
    how = d.feature.rsplit("/", 2)[1]
    content = tagged.runs["C"]
    start, end = trim(text, d.start, d.end, True)
    share = content.step((start, end))
    starts = content.near(content.starts, start)
    ends = content.near(content.ends, end)
    spk = tagged.runs["S"].step(d.speaker) if d.speaker else -1
    cue = tagged.runs["Q"].step(d.cue_at) if d.cue_at else -1
    first, after = tg.token_at(start), tg.token_at(end)
    opens = _step(tg.margin("B-C", first))
    closes = _step(1.0 - tg.margin("I-C", after))
    sums = tagged.content_sums
    last = min(after, len(sums) - 1)
    within = _step((sums[last] - sums[first]) / (last - first)) if last > first else 0
    margins = (f"m_open={opens}", f"m_close={closes}", f"m_in={within}",
               f"m_edges={opens}/{closes}", f"m_all={opens}/{closes}/{within}")
    return (f"t_share={share}", f"t_share_how={share}/{how}", f"t_edges={starts}/{ends}",
            f"t_edges_share={starts}/{ends}/{share}", f"t_spk={spk}", f"t_cue={cue}",
            f"t_spk_cue={spk}/{cue}", f"t_share_spk={share}/{spk}", *margins)


def _step(p: float) -> int:
    """A probability in five steps."""
    return min(4, int(p * 5))


def draft_features(text: str, draft: Draft) -> tuple[str, ...]:
    """What the learned model reads about one candidate: its cue's features, how it was found,
    its kind, and the shape of its content."""
    lemma, how, kind = draft.feature.rsplit("/", 2)
    content = text[draft.start : draft.end]
    words = len(content.split())
    size = next((i for i, n in enumerate((3, 6, 10, 20, 40)) if words <= n), 5)
    first = content.split(maxsplit=1)[0].lower().strip(QUOTE_CHARS) if words else "-"
    return (
        *draft.features, f"key={draft.feature}", f"how={how}", f"kind={kind}",
        f"lemma_how={lemma}/{how}", f"how_kind={how}/{kind}", f"size={size}", f"size_how={size}/{how}",
        f"first={first if first in _OPENERS else 'other'}", f"speaker={draft.speaker is not None}",
        *(f"{f}|{how}" for f in draft.features if f.startswith(("rate=", "sent=", "deps=", "known="))),
        *_edge_features(text, draft.start, draft.end),
    )


def _edge_features(text: str, start: int, end: int) -> tuple[str, ...]:
    """What sits just outside and just inside a candidate's edges: the annotators' boundaries
    follow these ("said that ...", "..., who ...", "... -- an aside --")."""
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    inside = text[start:end].split()
    prev = before[-1].lower().strip(QUOTE_CHARS) if before else "^"
    nxt = after[0].lower().strip(QUOTE_CHARS) if after else "$"
    last = inside[-1] if inside else ""
    return (
        f"prev={prev if prev in _EDGE_WORDS else _word_class(prev)}",
        f"next={nxt if nxt in _EDGE_WORDS else _word_class(nxt)}",
        f"after_char={text[end : end + 1] if end < len(text) and not text[end].isalnum() else 'w'}",
        f"last_char={last[-1:] if last and not last[-1:].isalnum() else 'w'}",
        f"last={last.lower() if last.lower() in _EDGE_WORDS else _word_class(last)}",
    )


def _word_class(word: str) -> str:
    if not word:
        return "-"
    if word[-1] in ",.;:!?":
        return "p" + word[-1]
    return "W" if word[:1].isupper() else "w" if word[:1].isalpha() else "o"

_EDGE_WORDS = frozenset(
    """that to said says say told according as of for about on in with by and but or which who
    whose when while although because if whether -- — – ( ) : ; , the a an his her their its is
    was were are be been said, says, added, he she they it we i""".split()
)

_OPENERS = frozenset({"that", "to", "the", "a", "it", "he", "she", "they", "we", "i", "there",
                      "if", "whether", "what", "how", "why", "for", "his", "her", "their"})
