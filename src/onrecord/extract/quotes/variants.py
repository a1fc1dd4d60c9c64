"""Candidates the cue rules do not draft: other edges of a reported candidate (without a leading
"that", cut before a trailing aside, the tagger's content runs over it) and the tagger's content
runs that no candidate covers."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from onrecord.extract.quotes.cues import is_cue_verb
from onrecord.extract.quotes.draft import (
    MIN_QUOTE_WORDS,
    TERMINATOR,
    Draft,
    paragraph_index,
    word_count,
)
from onrecord.extract.quotes.marks import Marked, paragraphs
from onrecord.extract.quotes.tagging import Run
from onrecord.models import QuoteKind
from onrecord.nlp.pipeline import text_of

# other edges of a candidate
VARIANTS = frozenset({"nolead", "notail", "snap", "snapstart", "snapend", "snap2", "snapstart2", "snapend2"})

_LEADS = re.compile(r"(?:that|to)\s+", re.I)

_TAILS = re.compile(r",\s+(?:which|who|whose|where|when|although|though|while|but|according)\b|\s+--\s|\s+[—–]\s|\s+\(")


def variants(doc: Doc, drafts: list[Draft], runs: Sequence[Run],
              second: Sequence[Run] = ()) -> list[Draft]:
    """Other edges for each reported (not quoted) candidate, for the exactness model to choose
    from: without a leading "that"/"to", cut before a trailing relative clause, aside or
    bracket, and the edges of the tagger's content runs that overlap it (then those of the
    second tagging's, named apart: "snap2"...)."""
    text = text_of(doc)
    seen = {(d.start, d.end) for d in drafts}
    out: list[Draft] = []

    def add(d: Draft, start: int, end: int, how: str) -> None:
        while end > start and text[end - 1] in " ,;:":
            end -= 1
        if end - start > 2 and (start, end) not in seen:
            seen.add((start, end))
            lemma, _, kind = d.feature.rsplit("/", 2)
            out.append(replace(d, start=start, end=end, feature=f"{lemma}/{how}/{kind}"))

    def snaps(d: Draft, content: list[tuple[int, int]], ends: list[int], suffix: str) -> None:
        for k in range(bisect.bisect_right(ends, d.start), len(content)):
            r_start, r_end = content[k]
            if r_start >= d.end:
                break
            add(d, r_start, r_end, "snap" + suffix)
            add(d, r_start, d.end, "snapstart" + suffix)
            add(d, d.start, r_end, "snapend" + suffix)

    content = sorted((r.start, r.end) for r in runs if r.label == "C")  # maximal runs: disjoint
    content2 = sorted((r.start, r.end) for r in second if r.label == "C")
    ends, ends2 = [e for _, e in content], [e for _, e in content2]
    for d in drafts:
        if d.kind == "direct" or d.feature.split("/")[1] == "tagger":
            continue
        lead = _LEADS.match(text, d.start, d.end)
        if lead:
            add(d, lead.end(), d.end, "nolead")
        tail = _TAILS.search(text, d.start, d.end)
        if tail and tail.start() - d.start > 8:
            add(d, d.start, tail.start(), "notail")
        for cut in second_cues(doc, d):
            add(d, d.start, cut, "notail")
        snaps(d, content, ends, "")
        snaps(d, content2, ends2, "2")
    return out


_SECOND = frozenset({"conj", "advcl"})


def second_cues(doc: Doc, d: Draft) -> list[int]:
    """Where a reported content runs into a reporting verb of its own, coordinated or a
    participle ("he respects Clinton and calls her …", "that a database would …, saying it's
    …"): the offset before its conjunction or comma, so that the verb's own reading can stand
    beside the first one's."""
    span = doc.char_span(d.start, d.end, alignment_mode="contract")
    if span is None or len(span) < 4:
        return []
    cuts = []
    for tok in span[3:]:
        if tok.dep_ not in _SECOND or not is_cue_verb(tok) or not span.start <= tok.head.i < tok.i:
            continue
        left = min(tok.left_edge.i, tok.i)
        while left - 1 > span.start + 1 and (doc[left - 1].dep_ == "cc" or doc[left - 1].is_punct):
            left -= 1
        if left > span.start + 2:
            cuts.append(doc[left].idx)
    return cuts


def from_runs(
    doc: Doc, runs: Sequence[Run], marks: list[Marked], drafts: list[Draft]
) -> list[Draft]:
    """Content runs of the tagger that no candidate covers by half, with the source run nearest
    to them in their paragraph as the speaker (none when a sentence ends between them) and the cue
    run nearest them as the cue; a run with no speaker whose only quoted words are a title or scare
    quote is left out."""
    text = text_of(doc)
    paras = paragraphs(text)
    out = []
    for run in runs:
        if run.label != "C" or len(text[run.start : run.end].split()) < 2:
            continue
        size = run.end - run.start
        if any(max(0, min(d.end, run.end) - max(d.start, run.start)) * 2 >= size for d in drafts):  # overlap, inline
            continue
        para = paras[paragraph_index(paras, run.start)]
        near = [r for r in runs if r.label in ("S", "Q") and para[0] <= r.start < para[1]]
        speaker = _nearest([r for r in near if r.label == "S"], run)
        if speaker is not None and TERMINATOR.search(
            text, min(speaker.end, run.end), max(speaker.start, run.start)
        ):
            speaker = None  # a source run in another sentence is not this content's speaker
        cue = _nearest([r for r in near if r.label == "Q"], run)
        kind: QuoteKind = "indirect"
        quoted = []
        for m in marks:
            if m.start <= run.start and run.end <= m.end:
                kind = "direct"
                quoted.append(m)
            elif run.start <= m.start < run.end:
                kind = "mixed"
                quoted.append(m)
        if speaker is None and quoted and all(word_count(text, m) < MIN_QUOTE_WORDS for m in quoted):
            continue  # a title or scare quote nobody is said to say ("debated alongside the “X Act”")
        out.append(Draft(
            run.start, run.end, kind, text[cue.start : cue.end] if cue else None,
            (speaker.start, speaker.end) if speaker else None, None, f"-/tagger/{kind}",
            (f"tagger_speaker={speaker is not None}", f"tagger_cue={cue is not None}"),
            (cue.start, cue.end) if cue else None,
        ))
    return out


def _nearest(runs: list[Run], to: Run) -> Run | None:
    def gap(r: Run) -> int:
        return max(r.start - to.end, to.start - r.end, 0)

    return min(runs, key=gap) if runs else None
