"""Who said what: direct, indirect and mixed quotes with their speakers.

``extract_quotes`` combines two readings of the text. Quotation marks give the direct quotes
(``quote_marks``); the dependency parse gives the reporting cues, their speakers and reported
clauses (``quote_cues``). A cue whose clause is a quotation makes a direct quote, a clause with a
quoted fragment inside makes a mixed one, any other clause an indirect one. Quotations with no cue
of their own take the speaker of the quote before them in the paragraph ("'…,' he said. '…'") or,
when they open a paragraph, of the previous paragraph's last quote. Short quoted phrases with no
cue (scare quotes, titles, nicknames) are not quotes.
"""

from __future__ import annotations

import bisect
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from spacy.tokens import Doc

from onrecord.extract.quotes import crf as quote_tagger
from onrecord.extract.quotes import model as quote_model
from onrecord.extract.quotes import transformer as quote_transformer
from onrecord.extract.quotes.cues import BELIEF, SPEECH, Cue, colon_speaker, cues_in
from onrecord.extract.quotes.marks import QUOTE_CHARS, Marked, find_quoted, paragraphs
from onrecord.extract.quotes.transformer import StackedTagger, TransformerTagger
from onrecord.models import Actor, Entry, Quote, QuoteKind, Span
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)

PRECISION_TABLE = "data/quotes/candidate_precision.json"
MIN_SEEN = 8  # candidates of a kind seen fewer times in training are kept
MIN_PRECISION = 0.5  # kinds whose training precision falls below this are dropped

MIN_QUOTE_WORDS = 4  # quoted stretches shorter than this need a cue to count as quotes
MAX_GAP = 80  # characters allowed between a quotation and its cue outside the marks
_PRONOUNS = frozenset({"he", "she", "him", "her"})  # may fall back to the last person quoted
_TERMINATOR = re.compile(r"[.!?]\s")
_SPEECH = SPEECH | BELIEF


@dataclass(frozen=True, slots=True)
class _Draft:
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    speaker: tuple[int, int] | None
    mark: Marked | None = None
    feature: str = ""  # "lemma/how/kind": the key of the learned precision table
    features: tuple[str, ...] = ()  # the cue's features for the learned model
    cue_at: tuple[int, int] | None = None  # the cue's offsets, when it has some


def extract_quotes(
    doc: Doc,
    actors: Sequence[Actor] = (),
    headline_end: int = 0,
    entries: Sequence[Entry] = (),
) -> tuple[Quote, ...]:
    """The quotes of ``doc`` (built from a document body), in text order.

    With the learned candidate model installed (``quote_model``), a broad set of candidates is
    scored by it; without it, the rules' candidates pass the learned precision filter."""
    tagger, model, exact = _learned()
    if model is None:
        drafts = [d for d in candidates(doc) if _likely(d)]
    else:
        text = text_of(doc)
        parsed = doc.has_annotation("DEP")
        tagged = second = None
        if isinstance(tagger, StackedTagger) and parsed:
            tagged, second = tagger.taggings(doc)
        elif tagger is not None and parsed:
            tagged = tagger.tagging(doc)
        found = candidates(doc, broad=True, tagged=tagged, second=second)
        feats = all_features(text, found, tagged, second)
        # of the candidates kept, overlapping ones are readings of one quote: the one kept is
        # the likeliest attribution with the likeliest edges (the exactness model's choice)
        scored = []
        for d, f in zip(found, feats, strict=True):
            p = model.probability(f)
            if p >= model.threshold:
                scored.append((p * exact.probability(f) if exact is not None else p, d))
        drafts = _suppress(scored)
        if tagged is not None:
            drafts = _tagged_speakers(text, drafts, tagged, snap=_accurate(tagger))
    return _finish(doc, drafts, actors, headline_end, entries)


def _learned() -> tuple[quote_tagger.Tagger | TransformerTagger | StackedTagger | None,
                        quote_model.QuoteModel | None, quote_model.QuoteModel | None]:
    """The tagger and the two candidate models trained on its output: the accurate (transformer)
    tagger's when it is asked for (``ONRECORD_QUOTES_TAGGER=minilm``) and installed, else the
    CRF's."""
    if quote_tagger.wanted() == "minilm":
        accurate = quote_transformer.load()
        if accurate is not None:
            return (accurate, quote_model.load_model(quote_model.MINILM_FILE),
                    quote_model.load_model(quote_model.MINILM_EXACT_FILE))
    return (quote_tagger.load_tagger(), quote_model.load_model(),
            quote_model.load_model(quote_model.EXACT_FILE))


def _tagged_speakers(
    text: str, drafts: list[_Draft], tagged: quote_tagger.Tagging, snap: bool
) -> list[_Draft]:
    """Speakers read off the tagger's source runs: a quote with no speaker takes the source run
    nearest to it in its sentence, and (``snap``, for the accurate tagger) a speaker mention that
    overlaps exactly one source run takes the run's edges, one that overlaps none the nearest run
    in the quote's sentence (the same run for every part of a split quote). On PolNeAR dev, speaker
    exact F1: CRF 0.715 -> 0.723 (snapping too: 0.721); accurate tagger (session 4's weights)
    0.727 -> 0.742 with the fill and snap; the move to the nearest run (session 5): 0.747 -> 0.752
    on dev."""
    sources = [(r.start, r.end) for r in tagged.runs if r.label == "S"]
    if not sources:
        return drafts

    def nearest(d: _Draft) -> tuple[int, int] | None:
        near = [s for s in sources
                if not _overlap(s, (d.start, d.end))
                and not _TERMINATOR.search(text, min(s[1], d.end), max(s[0], d.start))]
        return min(near, key=lambda s: max(s[0] - d.end, d.start - s[1], 0)) if near else None

    moved: dict[tuple[int, int], tuple[int, int]] = {}
    out = []
    for d in drafts:
        speaker = d.speaker
        if speaker is not None and snap:
            over = [s for s in sources if _overlap(s, speaker)]
            if len(over) == 1:
                speaker = over[0]
            elif not over:
                speaker = moved.get(speaker) or nearest(d) or speaker
                moved[d.speaker] = speaker
        elif speaker is None:
            speaker = nearest(d)
        out.append(d if speaker == d.speaker else replace(d, speaker=speaker))
    return out


def setup() -> str:
    """Which readers the extractor uses now: "minilm" or "crf" (the tagger, with the candidate
    models trained on its output), "models" (candidate models, no tagger) or "rules"."""
    tagger, model, _ = _learned()
    if model is None:
        return "rules"
    if tagger is None:
        return "models"
    return "minilm" if _accurate(tagger) else "crf"


def readers() -> str:
    """The tagger a build in this environment reads quotes with, named without loading it:
    "minilm" (the accurate tagger: asked for and installed), "crf" (the default) or "off". The
    ledger keeps it per input, so a build in another mode analyses the articles again."""
    wanted = quote_tagger.wanted()
    if wanted == "minilm" and not quote_transformer.available():
        return "crf"
    return wanted


def _accurate(tagger: object) -> bool:
    return isinstance(tagger, TransformerTagger | StackedTagger)


def _suppress(scored: list[tuple[float, _Draft]]) -> list[_Draft]:
    """Keep the better-scored of candidates that overlap: attributions in news text almost never
    overlap (12 of 2,192 in PolNeAR dev), so overlapping candidates are readings of one."""
    kept: list[_Draft] = []
    for _, d in sorted(scored, key=lambda pd: -pd[0]):
        if not any(_overlap((d.start, d.end), (k.start, k.end)) for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: (d.start, d.end))



def candidates(
    doc: Doc, broad: bool = False, tagged: quote_tagger.Tagging | None = None,
    second: quote_tagger.Tagging | None = None,
) -> list[_Draft]:
    """Every candidate quote before the learned filter (used for training it); ``broad`` adds
    every verb with a subject and a complement as a cue (for the learned model), and other
    edges for each; the tagger's content runs (``tagged``) add the stretches no other candidate
    covers, and a second tagging's content runs (``second``: the accurate tagger's transformer
    under its stacked CRF) add edges of their own."""
    runs = tagged.runs if tagged is not None else None
    text = text_of(doc)
    marks = [m for m in find_quoted(text) if _words(text, m) > 0]
    drafts = _from_cues(doc, marks, broad)
    drafts += _dash_credits(text, marks, drafts)
    drafts += _from_marks(text, marks, drafts)
    if runs:
        drafts += _from_runs(doc, runs, marks, drafts)
    if broad:
        drafts += _variants(doc, drafts, runs or (), second.runs if second is not None else ())
    drafts.sort(key=lambda d: (d.start, d.end))
    return drafts


# other edges of a candidate
VARIANTS = frozenset({"nolead", "notail", "snap", "snapstart", "snapend", "snap2", "snapstart2", "snapend2"})
_LEADS = re.compile(r"(?:that|to)\s+", re.I)
_TAILS = re.compile(r",\s+(?:which|who|whose|where|when|although|though|while|but|according)\b|\s+--\s|\s+[—–]\s|\s+\(")


def _variants(doc: Doc, drafts: list[_Draft], runs: Sequence[quote_tagger.Run],
              second: Sequence[quote_tagger.Run] = ()) -> list[_Draft]:
    """Other edges for each reported (not quoted) candidate, for the exactness model to choose
    from: without a leading "that"/"to", cut before a trailing relative clause, aside or
    bracket, and the edges of the tagger's content runs that overlap it (then those of the
    second tagging's, named apart: "snap2"...)."""
    text = text_of(doc)
    seen = {(d.start, d.end) for d in drafts}
    out: list[_Draft] = []

    def add(d: _Draft, start: int, end: int, how: str) -> None:
        while end > start and text[end - 1] in " ,;:":
            end -= 1
        if end - start > 2 and (start, end) not in seen:
            seen.add((start, end))
            lemma, _, kind = d.feature.rsplit("/", 2)
            out.append(replace(d, start=start, end=end, feature=f"{lemma}/{how}/{kind}"))

    def snaps(d: _Draft, content: list[tuple[int, int]], ends: list[int], suffix: str) -> None:
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
        snaps(d, content, ends, "")
        snaps(d, content2, ends2, "2")
    return out


def _from_runs(
    doc: Doc, runs: Sequence[quote_tagger.Run], marks: list[Marked], drafts: list[_Draft]
) -> list[_Draft]:
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
        if any(_overlap((d.start, d.end), (run.start, run.end)) * 2 >= size for d in drafts):
            continue
        para = paras[_paragraph_index(paras, run.start)]
        near = [r for r in runs if r.label in ("S", "Q") and para[0] <= r.start < para[1]]
        speaker = _nearest([r for r in near if r.label == "S"], run)
        if speaker is not None and _TERMINATOR.search(
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
        if speaker is None and quoted and all(_words(text, m) < MIN_QUOTE_WORDS for m in quoted):
            continue  # a title or scare quote nobody is said to say ("debated alongside the “X Act”")
        out.append(_Draft(
            run.start, run.end, kind, text[cue.start : cue.end] if cue else None,
            (speaker.start, speaker.end) if speaker else None, None, f"-/tagger/{kind}",
            (f"tagger_speaker={speaker is not None}", f"tagger_cue={cue is not None}"),
            (cue.start, cue.end) if cue else None,
        ))
    return out


def _nearest(runs: list[quote_tagger.Run], to: quote_tagger.Run) -> quote_tagger.Run | None:
    def gap(r: quote_tagger.Run) -> int:
        return max(r.start - to.end, to.start - r.end, 0)

    return min(runs, key=gap) if runs else None


def _likely(draft: _Draft) -> bool:
    """False for a kind of candidate that was rarely a gold attribution in training."""
    hits, total = PRECISION.get(draft.feature, (0, 0))
    return total < MIN_SEEN or hits / total >= MIN_PRECISION


def _load_precision() -> dict[str, tuple[int, int]]:
    try:
        raw = resources.files("onrecord").joinpath(PRECISION_TABLE).read_text(encoding="utf-8")
    except FileNotFoundError:
        log.warning("learned precision table missing; keeping every candidate quote")
        return {}
    return {k: (v[0], v[1]) for k, v in json.loads(raw).items()}


def _words(text: str, m: Marked) -> int:
    return len(re.findall(r"\w+", text[m.start : m.end]))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def all_features(
    text: str,
    drafts: list[_Draft],
    tagged: quote_tagger.Tagging | None = None,
    second: quote_tagger.Tagging | None = None,
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


def _share(span: tuple[int, int], runs: Sequence[tuple[int, int]]) -> int:
    """How much of ``span`` the runs cover, in five steps (0: none ... 4: nearly all)."""
    lo, hi = span
    size = hi - lo
    if size <= 0:
        return 0
    covered = sum(min(hi, e) - max(lo, s) for s, e in runs if s < hi and e > lo) / size
    return 0 if covered == 0 else 1 if covered < 0.34 else 2 if covered < 0.67 else 3 if covered < 0.95 else 4


@dataclass(frozen=True, slots=True)
class _Tagged:
    """The tagger's output arranged for the candidate features: runs by label, and running sums
    of the content marginals (the mean over a candidate in constant time)."""

    tagging: quote_tagger.Tagging
    runs: dict[str, list[tuple[int, int]]]
    content_sums: list[float]

    @classmethod
    def of(cls, tagging: quote_tagger.Tagging) -> _Tagged:
        runs: dict[str, list[tuple[int, int]]] = {"C": [], "S": [], "Q": []}
        for r in tagging.runs:
            runs.setdefault(r.label, []).append((r.start, r.end))
        sums = [0.0]
        for b, i in zip(tagging.margins.get("B-C", []), tagging.margins.get("I-C", []), strict=True):
            sums.append(sums[-1] + b + i)
        return cls(tagging, runs, sums)


def _tagger_features(text: str, d: _Draft, tagged: _Tagged) -> tuple[str, ...]:
    """How the tagger sits on a candidate: share of it tagged content, edges shared, its speaker
    tagged as a source and its cue as a cue, and how sure the tagger is that a content begins
    and ends at the candidate's edges."""
    tg = tagged.tagging
    how = d.feature.rsplit("/", 2)[1]
    content = tagged.runs["C"]
    start, end = _trim(text, d.start, d.end, True)
    share = _share((start, end), content)
    starts = any(abs(s - start) <= 1 for s, _ in content)
    ends = any(abs(e - end) <= 1 for _, e in content)
    spk = _share(d.speaker, tagged.runs["S"]) if d.speaker else -1
    cue = _share(d.cue_at, tagged.runs["Q"]) if d.cue_at else -1
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


def draft_features(text: str, draft: _Draft) -> tuple[str, ...]:
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


def _from_cues(doc: Doc, marks: list[Marked], broad: bool = False) -> list[_Draft]:
    drafts: list[_Draft] = []
    seen: set[tuple[int, int]] = set()
    paras = paragraphs(text_of(doc))
    colons = [c for c in (colon_speaker(text_of(doc), p) for p in paras) if c]
    sents = list(doc.sents) if doc.has_annotation("DEP") else []  # no parse: marks and colons
    for cue in [*colons, *(c for sent in sents for c in cues_in(sent, broad))]:
        para = paras[_paragraph_index(paras, cue.cue_start)]
        draft = _draft_for(text_of(doc), cue, marks, para)
        if draft is None or (draft.start, draft.end) in seen:
            continue
        seen.add((draft.start, draft.end))
        drafts.append(draft)
    return drafts


def _draft_for(text: str, cue: Cue, marks: list[Marked], para: tuple[int, int]) -> _Draft | None:
    if any(m.closed and m.start <= cue.cue_start < m.end for m in marks):
        return None  # the quoted person's own words ("we called up 300,000 people")
    content = _clip(cue.content, cue, para) if cue.content else None
    if content is not None and cue.how in ("clause", "inverted"):
        content = _inverted(text, content, cue, para)
    if content is not None and cue.speech and content[0] > cue.cue_end:
        # "“…,” the expert said on TV, reported the Post": a quotation closed by a comma right
        # before the speaker is what the verb reports, whatever the parse hung after it
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
    inside = [m for m in outside if _overlap((m.start, m.end), content) > 0]
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
) -> _Draft:
    feature = f"{cue.lemma}/{how}/{kind}"
    return _Draft(start, end, kind, cue.cue_text, cue.speaker, mark, feature, cue.features,
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
    return not _TERMINATOR.search(gap + " ") and "\n" not in gap and not any(
        ch in QUOTE_CHARS for ch in gap.replace("’s", "").replace("'s", "")
    )


_CREDIT = re.compile(r"[ \t]*[―—–][ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})")


def _dash_credits(text: str, marks: list[Marked], drafts: list[_Draft]) -> list[_Draft]:
    """A quotation credited with a dash after it: “…” ― Jane Doe."""
    claimed = [(d.start, d.end) for d in drafts]
    out = []
    for m in marks:
        credit = _CREDIT.match(text, m.end)
        if credit is None or any(_overlap((m.start, m.end), c) > 0 for c in claimed):
            continue
        dash = credit.group(0).strip()[0]
        out.append(_Draft(m.start, m.end, "direct", dash, credit.span(1), m, "-/dash/direct"))
    return out


def _from_marks(text: str, marks: list[Marked], drafts: list[_Draft]) -> list[_Draft]:
    """Quotations no cue claimed: a split quote's second half, a continued paragraph, or alone."""
    claimed = [(d.start, d.end) for d in drafts]
    paras = paragraphs(text)
    out: list[_Draft] = []
    for m in marks:
        if any(_overlap((m.start, m.end), c) > 0 for c in claimed):
            continue
        if _words(text, m) < MIN_QUOTE_WORDS:
            continue  # scare quotes, titles, nicknames
        before = _cued_before(text, m, drafts + out) or _previous_quote(m, drafts + out, paras)
        if before is not None and before.speaker is not None:
            out.append(
                _Draft(m.start, m.end, "direct", before.cue, before.speaker, m, "-/continued/direct")
            )
        elif _words(text, m) >= 2 * MIN_QUOTE_WORDS:
            out.append(_Draft(m.start, m.end, "direct", None, None, m, "-/alone/direct"))
    return out


_CLEAN_GAP = re.compile(r"[\s.,:;—–-]*")


def _cued_before(text: str, m: Marked, drafts: list[_Draft]) -> _Draft | None:
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


def _paragraph_index(paras: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(paras):
        if s <= pos < e or pos < s:
            return i
    return len(paras) - 1


def _previous_quote(m: Marked, drafts: list[_Draft], paras: list[tuple[int, int]]) -> _Draft | None:
    """The quote this one continues: earlier in its paragraph, or in the paragraph before when
    this one opens its paragraph."""
    here = _paragraph_index(paras, m.start)
    earlier = [d for d in drafts if d.end <= m.start]
    direct = [d for d in earlier if d.kind == "direct"]
    if direct:
        last = max(direct, key=lambda d: d.end)
        where = _paragraph_index(paras, last.start)
        if where == here or (where == here - 1 and m.opens_paragraph):
            return last
    # a paragraph that opens with a quotation continues the previous paragraph's speaker, also when
    # that paragraph reported their words rather than quoting them
    if earlier and m.opens_paragraph:
        last = max(earlier, key=lambda d: d.end)
        if _paragraph_index(paras, last.start) == here - 1 and last.speaker is not None:
            return last
    return None


def _finish(
    doc: Doc,
    drafts: list[_Draft],
    actors: Sequence[Actor],
    headline_end: int,
    entries: Sequence[Entry],
) -> tuple[Quote, ...]:
    text = text_of(doc)
    by_key = {a.key: a for a in actors}
    heads = _heading_ranges(text, entries)
    last_person: str | None = None
    quotes: list[Quote] = []
    for d in drafts:
        start, end = _trim(text, d.start, d.end, d.kind == "direct")
        if end <= start:
            continue
        mention = Span(d.speaker[0], d.speaker[1], text[d.speaker[0] : d.speaker[1]]) if d.speaker else None
        key = _speaker_key(actors, doc, mention, last_person)
        actor = by_key.get(key) if key else None
        if actor is not None and actor.type == "PERSON":
            last_person = actor.key
        in_head = start < headline_end or any(s <= start < e for s, e in heads)
        quotes.append(
            Quote(start, end, text[start:end], d.kind, d.cue, mention, key,
                  actor.name if actor else None, in_head)
        )
    return tuple(quotes)


def _trim(text: str, start: int, end: int, strip_marks: bool) -> tuple[int, int]:
    """Drop surrounding whitespace (and, for a direct quote, its marks and trailing comma)."""
    junk = " \t\n" + (QUOTE_CHARS + ",:" if strip_marks else "")
    while start < end and text[start] in junk:
        start += 1
    while end > start and text[end - 1] in junk:
        end -= 1
    return start, end


def _heading_ranges(text: str, entries: Sequence[Entry]) -> list[tuple[int, int]]:
    ranges = []
    for entry in entries:
        if not entry.heading:
            continue
        at = text.find(entry.heading, entry.start, entry.end)
        if at >= 0:
            ranges.append((at, at + len(entry.heading)))
    return ranges


def _speaker_key(
    actors: Sequence[Actor], doc: Doc, mention: Span | None, last_person: str | None
) -> str | None:
    """The actor key for the speaker phrase; a bare pronoun the actors helper cannot place falls
    back to the last person quoted."""
    if mention is None:
        return None
    key = _resolve(actors, doc, mention.start, mention.end)
    if key is None and mention.text.lower() in _PRONOUNS and not _unnamed(actors, doc, mention):
        return last_person
    return key


def _unnamed(actors: Sequence[Actor], doc: Doc, mention: Span) -> bool:
    """True when the mention stands for someone the text leaves unnamed ("A Kazakh expert ...
    he said"): the last person quoted is then not a fallback."""
    try:
        from onrecord.extract.actors import is_unnamed
    except ImportError:
        return False
    try:
        return is_unnamed(actors, doc, mention.start, mention.end)
    except Exception:  # another stage's code
        log.exception("checking the speaker at %d-%d failed", mention.start, mention.end)
        return False


def _resolve(actors: Sequence[Actor], doc: Doc, start: int, end: int) -> str | None:
    if not actors:
        return None
    try:
        from onrecord.extract.actors import resolve
    except ImportError:
        log.debug("onrecord.extract.actors is not available; speakers stay unresolved")
        return None
    try:
        return resolve(actors, doc, start, end)
    except Exception:  # the resolver is another stage's code: a failure there is not ours to fail
        log.exception("resolving the speaker at %d-%d failed", start, end)
        return None


PRECISION: dict[str, tuple[int, int]] = _load_precision()
