"""Candidate quotes drafted by the rules: from the reporting cues of the parse (and colons), from
quotation marks a dash credits, and from quotations no cue claimed (a split quote's second half,
a continued paragraph). ``candidates(doc)`` gathers them, with the tagger's candidates and other
edges of each (:mod:`onrecord.extract.quotes.variants`) when asked.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from onrecord.extract.quotes.cues import BELIEF, SPEECH, Cue, cues_in
from onrecord.extract.quotes.draft import (
    MIN_QUOTE_WORDS,
    TERMINATOR,
    Draft,
    overlap,
    paragraph_index,
    word_count,
)
from onrecord.extract.quotes.marks import QUOTE_CHARS, Marked, find_quoted, paragraphs
from onrecord.extract.quotes.reports import colon_speaker, inner_colons, report_cues
from onrecord.extract.quotes.tagging import Tagging
from onrecord.extract.quotes.variants import from_runs, variants
from onrecord.models import QuoteKind
from onrecord.nlp.pipeline import text_of

MAX_GAP = 80  # characters allowed between a quotation and its cue outside the marks
_SPEECH = SPEECH | BELIEF


def candidates(
    doc: Doc, broad: bool = False, tagged: Tagging | None = None,
    second: Tagging | None = None,
) -> list[Draft]:
    """Every candidate quote before the learned filter (used for training it); ``broad`` adds
    every verb with a subject and a complement as a cue (for the learned model), and other
    edges for each; the tagger's content runs (``tagged``) add the stretches no other candidate
    covers, and a second tagging's content runs (``second``: the accurate tagger's transformer
    under its stacked CRF) add edges of their own."""
    runs = tagged.runs if tagged is not None else None
    text = text_of(doc)
    marks = [m for m in find_quoted(text) if word_count(text, m) > 0]
    drafts = from_cues(doc, marks, broad)
    drafts += dash_credits(text, marks, drafts)
    drafts += from_marks(text, marks, drafts)
    if runs:
        drafts += from_runs(doc, runs, marks, drafts)
    if broad:
        drafts += variants(doc, drafts, runs or (), second.runs if second is not None else ())
    drafts.sort(key=lambda d: (d.start, d.end))
    return drafts


def from_cues(doc: Doc, marks: list[Marked], broad: bool = False) -> list[Draft]:
    drafts: list[Draft] = []
    seen: set[tuple[int, int]] = set()
    paras = paragraphs(text_of(doc))
    colons = [c for c in (colon_speaker(text_of(doc), p) for p in paras) if c]
    colons += [c for p in paras for c in inner_colons(text_of(doc), p)]
    sents = list(doc.sents) if doc.has_annotation("DEP") else []  # no parse: marks and colons
    for cue in [*colons, *(c for sent in sents for c in report_cues(sent, broad) + cues_in(sent, broad))]:
        para = paras[paragraph_index(paras, cue.cue_start)]
        draft = draft_for(text_of(doc), cue, marks, para)
        if draft is None or (draft.start, draft.end) in seen:
            continue
        seen.add((draft.start, draft.end))
        drafts.append(draft)
    return drafts


def draft_for(text: str, cue: Cue, marks: list[Marked], para: tuple[int, int]) -> Draft | None:
    if any(m.closed and m.start <= cue.cue_start < m.end for m in marks):
        return None  # the quoted person's own words ("we called up 300,000 people")
    content = _clip(cue.content, cue, para) if cue.content else None
    if content is not None and cue.how in ("clause", "inverted"):
        content = _inverted(text, content, cue, para)
    if content is not None and cue.speech and content[0] > cue.cue_end and "shead=borrowed" not in cue.features:
        # "“…,” the expert said on TV, reported the Post": a quotation closed by a comma right
        # before the speaker is what the verb reports, whatever the parse hung after it (not
        # for a verb that borrows the speaker: "“…,” Anderson said, adding that …" adds its own)
        mark = _adjacent_mark(text, cue, marks)
        if mark is not None and mark.end <= cue.cue_start and re.search(r"[,—–-]\W*$", text[mark.start : mark.end]):
            return _draft(cue, mark.start, mark.end, "direct", "adjacent", mark)
    if content is None:
        mark = _adjacent_mark(text, cue, marks) if cue.speech else None
        if mark is None:
            return None
        return _draft(cue, mark.start, mark.end, "direct", "adjacent", mark)
    content = _touching(text, content, marks)
    # a cue inside an unclosed quotation (a missing mark) never claims that quotation
    outside = [m for m in marks if not m.start <= cue.cue_start < m.end]
    inside = [m for m in outside if min(m.end, content[1]) > max(m.start, content[0])]  # overlap > 0, inline
    for m in inside:
        if m.start <= content[0] + 2 and m.end >= content[1] - 2 or _only_marks(text, content, m):
            return _draft(cue, m.start, m.end, "direct", cue.how, m)
    if inside:
        start = min(content[0], *(m.start for m in inside))
        end = max(content[1], *(m.end for m in inside))
        return _draft(cue, start, end, "mixed", cue.how)
    return _draft(cue, content[0], content[1], "indirect", cue.how)


def _draft(
    cue: Cue, start: int, end: int, kind: QuoteKind, how: str, mark: Marked | None = None
) -> Draft:
    feature = f"{cue.lemma}/{how}/{kind}"
    return Draft(start, end, kind, cue.cue_text, cue.speaker, mark, feature, cue.features,
                  (cue.cue_start, cue.cue_end))


def _inverted(
    text: str, content: tuple[int, int], cue: Cue, para: tuple[int, int]
) -> tuple[int, int]:
    """In an inverted report ("..., the source added.") everything before the attribution in
    its sentence is the content, though the parse often keeps only the last clause."""
    first = min(s for s, _ in filter(None, (cue.speaker, (cue.cue_start, cue.cue_end))))
    if content[1] > first or not re.fullmatch(r"[\s,”’\"'—–-]*", text[content[1] : first]):
        return content
    start = max(cue.sentence[0], para[0])
    while start < content[0] and text[start].isspace():
        start += 1
    return (start, content[1]) if start < content[0] else content


def _touching(text: str, content: tuple[int, int], marks: list[Marked]) -> tuple[int, int]:
    """Extend the content over a quotation that starts right where it ends (a bad parse often
    leaves the quoted words of "... focusing on “he said this”" outside the clause)."""
    start, end = content
    for m in marks:
        gap = text[end : m.start]
        if end <= m.start and not gap.strip() and "\n" not in gap:
            end = m.end
    return start, end


def _only_marks(text: str, content: tuple[int, int], m: Marked) -> bool:
    """True when the content is the quotation with nothing but punctuation around it."""
    outside = text[content[0] : m.start] + text[m.end : content[1]]
    return m.start < content[1] and m.end > content[0] and not re.search(r"\w", outside)


def _clip(content: tuple[int, int], cue: Cue, para: tuple[int, int]) -> tuple[int, int] | None:
    """Keep the content within the cue's paragraph and off the cue and the speaker phrase (a bad
    parse can swallow them)."""
    start, end = max(content[0], para[0]), min(content[1], para[1])
    for s, e in filter(None, (cue.speaker, (cue.cue_start, cue.cue_end))):
        if start < e and s < end:
            left, right = (start, s), (e, end)
            start, end = left if left[1] - left[0] >= right[1] - right[0] else right
    return (start, end) if end - start > 2 else None


def _adjacent_mark(text: str, cue: Cue, marks: list[Marked]) -> Marked | None:
    """A quotation right before the cue ("…,” she said) or right after it (she said: “…”)."""
    around = [c for c in (cue.speaker, (cue.cue_start, cue.cue_end)) if c]
    first, last = min(s for s, _ in around), max(e for _, e in around)
    for m in marks:
        if m.end <= first and first - m.end <= MAX_GAP and _clean_gap(text[m.end : first]):
            return m
        if m.start >= last and m.start - last <= MAX_GAP and _clean_gap(text[last : m.start]):
            return m
    return None


def _clean_gap(gap: str) -> bool:
    return not TERMINATOR.search(gap + " ") and "\n" not in gap and not any(
        ch in QUOTE_CHARS for ch in gap.replace("’s", "").replace("'s", "")
    )

_CREDIT = re.compile(r"[ \t]*[―—–][ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})")


def dash_credits(text: str, marks: list[Marked], drafts: list[Draft]) -> list[Draft]:
    """A quotation credited with a dash after it: “…” ― Jane Doe."""
    claimed = [(d.start, d.end) for d in drafts]
    out = []
    for m in marks:
        credit = _CREDIT.match(text, m.end)
        if credit is None or any(overlap((m.start, m.end), c) > 0 for c in claimed):
            continue
        dash = credit.group(0).strip()[0]
        out.append(Draft(m.start, m.end, "direct", dash, credit.span(1), m, "-/dash/direct"))
    return out


def from_marks(text: str, marks: list[Marked], drafts: list[Draft]) -> list[Draft]:
    """Quotations no cue claimed: a split quote's second half, a continued paragraph, or alone."""
    claimed = [(d.start, d.end) for d in drafts]
    paras = paragraphs(text)
    out: list[Draft] = []
    for m in marks:
        if any(min(m.end, e) > max(m.start, s) for s, e in claimed):  # overlap > 0, inline
            continue
        if word_count(text, m) < MIN_QUOTE_WORDS:
            continue  # scare quotes, titles, nicknames
        before = _cued_before(text, m, drafts + out) or _previous_quote(m, drafts + out, paras)
        if before is not None and before.speaker is not None:
            out.append(
                Draft(m.start, m.end, "direct", before.cue, before.speaker, m, "-/continued/direct")
            )
        elif word_count(text, m) >= 2 * MIN_QUOTE_WORDS:
            out.append(Draft(m.start, m.end, "direct", None, None, m, "-/alone/direct"))
    return out

_CLEAN_GAP = re.compile(r"[\s.,:;—–-]*")


def _cued_before(text: str, m: Marked, drafts: list[Draft]) -> Draft | None:
    """The speech cue whose sentence runs up to this quotation with nothing but punctuation (or a
    paragraph break) between: "Kall said: “…”", "…, Schiff said. “…”" (the cue's own content was
    another clause)."""
    best = None
    for d in drafts:
        if d.speaker is None or d.cue_at is None or d.feature.split("/", 1)[0] not in _SPEECH:
            continue
        end = max(d.speaker[1], d.cue_at[1])
        if end <= m.start and d.end <= m.start and _CLEAN_GAP.fullmatch(text, end, m.start):
            if best is None or end > max(best.speaker[1], best.cue_at[1]):
                best = d
    return best


def _previous_quote(m: Marked, drafts: list[Draft], paras: list[tuple[int, int]]) -> Draft | None:
    """The quote this one continues: earlier in its paragraph, or in the paragraph before when
    this one opens its paragraph."""
    here = paragraph_index(paras, m.start)
    earlier = [d for d in drafts if d.end <= m.start]
    direct = [d for d in earlier if d.kind == "direct"]
    if direct:
        last = max(direct, key=lambda d: d.end)
        where = paragraph_index(paras, last.start)
        if where == here or (where == here - 1 and m.opens_paragraph):
            return last
    # a quotation after someone's reported words in its paragraph goes on with them ("Issa said
    # the interactions 'represent …,' even if …. 'It is abundantly clear …'")
    spoken = [d for d in earlier if d.speaker is not None and d.cue_at is not None
              and d.feature.split("/", 1)[0] in _SPEECH and paragraph_index(paras, d.start) == here]
    if spoken:
        return max(spoken, key=lambda d: d.end)
    # a paragraph that opens with a quotation continues the previous paragraph's speaker, also when
    # that paragraph reported their words rather than quoting them
    if earlier and m.opens_paragraph:
        last = max(earlier, key=lambda d: d.end)
        if paragraph_index(paras, last.start) == here - 1 and last.speaker is not None:
            return last
    return None


def continued_speakers(text: str, drafts: list[Draft]) -> list[Draft]:
    """A kept quotation with no speaker (a tagger's reading that claimed it before the marks'
    rules could) goes on with the quote it continues, as an unclaimed quotation does ("'…,' said
    Baron. '…'": one statement, joined with its first part)."""
    marks = find_quoted(text)
    out = list(drafts)
    for i, d in enumerate(drafts):
        if d.speaker is not None or d.kind != "direct":
            continue
        m = next((m for m in marks if m.start <= d.start and d.end <= m.end and _edges_only(text, m, d)), None)
        if m is None:
            continue
        before = _cued_before(text, m, out)
        if before is not None and before.speaker is not None:
            out[i] = Draft(d.start, d.end, "direct", before.cue, before.speaker, m, "-/continued/direct",
                           d.features, before.cue_at)
    return out


def _edges_only(text: str, m: Marked, d: Draft) -> bool:
    """The draft is the whole quotation, but for marks, spaces and punctuation at its edges."""
    return all(not ch.isalnum() for ch in text[m.start : d.start] + text[d.end : m.end])
