"""The plain-text cleaner: label every line, find the main run of prose, keep the article.

Lines are labelled by form first (``noise``, ``metadata``, ``liveblog``); the rest are scored
jusText-style (length, stopword density, sentence punctuation) and the densest run of prose
(maximum-sum run of line scores) is taken as the article. Headline and standfirst are the
headline-like lines just before that run.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from onrecord.clean import liveblog, metadata, noise
from onrecord.clean.language import detect, foreign_line
from onrecord.clean.lines import Line, split_lines, stop_words
from onrecord.models import Removed

log = logging.getLogger(__name__)

# Labels that mark form-recognised lines which never break the article run.
NEUTRAL = {"caption", "duplicated caption", "photo credit", "photo caption with credit", "time", "date",
           "advertisement", "video/media label", "repeated paragraph", "outlet label"}
NAV_PENALTY = -60.0  # chars of prose one navigation-like line costs the run
REPEAT_MIN_WORDS = 12
STOP_MIN = 0.2
NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\w")  # "3. Establish your target": a numbered subheading
NEAR_COPY_MIN_WORDS = 100  # only long lines: a live blog may rephrase a paragraph on purpose
NEAR_COPY_SHARE = 0.6
NO_STOPLIST = frozenset({"ja", "zh", "ko", "th"})
BYLINE_WINDOW = 6  # lines either side of the article run where a bare name is read as a byline


@dataclass(slots=True)
class Label:
    reason: str | None = None  # None: kept text; otherwise why it is removed (or "time"/"date")
    value: str | None = None  # the caption, date, time, ... read from the line


@dataclass(slots=True)
class TextResult:
    """What the line cleaner found: kept lines in order and everything read along the way."""

    lines: list[Line]
    labels: list[Label]
    language: str = "en"
    stop_min: float = 0.2  # stopword density a prose line needs (see _stop_threshold)
    title: int | None = None
    standfirst: int | None = None
    authors: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    told_outlets: list[str] = field(default_factory=list)
    published: str | None = None
    captions: list[str] = field(default_factory=list)
    leading: Removed | None = None


def clean_lines(text: str, extracted: bool = False) -> TextResult:
    """Label every line of ``text``; lines with ``reason is None`` are the article.

    ``extracted``: the text is an extractor's main text (HTML input), so every line is in the
    main run and only lines recognised by their form are removed.
    """
    lang = detect(text)[0]
    lines = split_lines(text, stop_words(lang))
    res = TextResult(lines, [Label() for _ in lines], lang)
    _leading_date(res, text)
    res.stop_min = _stop_threshold(res)
    _label_forms(res, extracted)
    if not extracted or any(label.reason == "time" for label in res.labels):
        _label_repeats(res, REPEAT_MIN_WORDS)
    if not extracted:
        start, end = _extend(res, *_main_run(res))
        _label_outside(res, start, end)
        _label_inside(res, start, end)
        _keep_introductions(res, start, end)
    _read_cues(res)
    return res


def clean_short_text(text: str) -> TextResult:
    """A short text read whole: a headline, a wire alert or a statement has no run of prose to find.

    Only lines recognised by their form (advertisement, byline, credit, ...) go, and labels of
    fewer than three words that do not end like a sentence ("Home", "Sign in").
    """
    res = clean_lines(text, extracted=True)
    for line, label in zip(res.lines, res.labels, strict=True):
        if label.reason is None and line.words < 3 and not line.sentence_like:
            label.reason = "short label"
    return res


def _stop_threshold(res: TextResult) -> float:
    """The stopword density a prose line needs: 0.2, or 0 for languages whose words are not
    space-separated tokens that a stoplist can match (Japanese, Chinese, Korean, Thai)."""
    return 0.0 if res.language in NO_STOPLIST else STOP_MIN


def _leading_date(res: TextResult, text: str) -> None:
    """A first line opening with ``date YYYY-MM-DD``: the date is read, the rest stays a line."""
    if not res.lines or not (m := metadata.LEADING_DATE.match(res.lines[0].text)):
        return
    res.published = metadata.find_date(m.group(0))
    res.leading = Removed(m.group(0).strip(), "date label")
    first = res.lines[0]
    rest = split_lines(" " * (first.start + m.end()) + text[first.start + m.end():first.end], stop_words(res.language))
    res.lines[0:1] = rest[:1]
    if not rest:  # the line held only the date label
        del res.labels[0]


def _label_forms(res: TextResult, extracted: bool) -> None:
    lines, labels = res.lines, res.labels
    for i, line in enumerate(lines):
        if labels[i].reason:
            continue
        nxt = lines[i + 1].text if i + 1 < len(lines) else None
        if nxt == line.text and line.words >= 3:
            labels[i] = Label("caption", line.text)
            labels[i + 1] = Label("duplicated caption", line.text)
            res.captions.append(line.text)
            continue
        labels[i] = _form_label(line, res, extracted)
    _orphan_dates(res)


def _orphan_dates(res: TextResult) -> None:
    """A date line not under a time line is a dateline, not a live-blog entry header."""
    for i, label in enumerate(res.labels):
        if label.reason == "date" and (i == 0 or res.labels[i - 1].reason != "time"):
            iso = label.value if label.value and not label.value.startswith("--") else None
            res.published = res.published or iso
            res.labels[i] = Label("dateline", label.value)


def _form_label(line: Line, res: TextResult, extracted: bool) -> Label:
    text = line.text
    if (t := liveblog.entry_time(text)) is not None:
        return Label("time", t)
    if (d := liveblog.entry_date(text)) is not None:
        return Label("date", d)
    if (iso := metadata.dateline(text)) is not None:
        res.published = res.published or iso
        return Label("dateline", iso)
    if bio := metadata.author_bio(text):
        res.authors.append(bio[0])
        res.outlets.append(bio[1])
        return Label("author bio", bio[0])
    if reason := noise.noise_reason(line):
        return Label(reason)
    return _caption_or_byline(line, res, extracted)


def _caption_or_byline(line: Line, res: TextResult, extracted: bool) -> Label:
    text = line.text
    if split := noise.split_suffix_credit(text):
        res.captions.append(split[0])
        return Label("photo caption with credit", split[0])
    if noise.inline_credit(text) and line.words <= 60:
        res.captions.append(text)
        return Label("photo caption with credit", text)
    if not line.sentence_like and (names := metadata.byline_authors(text, names_only=False)):
        res.authors.extend(names)
        return Label("byline", ", ".join(names))
    if not extracted and metadata.outlet_line(text):
        res.outlets.append(text)
        return Label("outlet label", text)
    if res.language == "en" and foreign_line(text, line.words, line.stopword_density):
        return Label("non-English line (CMS form or widget)")
    return Label()


def _label_repeats(res: TextResult, min_words: int) -> None:
    """Second and later copies of a paragraph go, and long lines that mostly repeat text already
    read (a page's metadata copy of the whole article). In extracted text this runs only on live
    blogs, since ordinary pages repeat list items such as recipe lines on purpose."""
    seen: set[str] = set()
    grams: set[tuple[str, ...]] = set()
    for line, label in zip(res.lines, res.labels, strict=True):
        if label.reason or line.words < min_words:
            continue
        words = re.findall(r"\w+", line.text.lower())
        key = " ".join(words)
        own = {tuple(words[k:k + 4]) for k in range(len(words) - 3)}
        if key in seen or (line.words >= NEAR_COPY_MIN_WORDS and own and len(own & grams) >= NEAR_COPY_SHARE * len(own)):
            label.reason = "repeated paragraph"
        seen.add(key)
        grams |= own


def _score(line: Line, label: Label, stop_min: float) -> float:
    if label.reason:
        return 0.0 if label.reason in NEUTRAL else NAV_PENALTY
    if line.words >= 10 and line.stopword_density >= stop_min and (line.sentence_like or line.words >= 40):
        return float(len(line.text))
    if line.words >= 6 and line.sentence_like and line.stopword_density >= stop_min * 0.75:
        return len(line.text) * 0.5
    return NAV_PENALTY


def _main_run(res: TextResult) -> tuple[int, int]:
    """The maximum-sum run of line scores, as [start, end) line indices."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, (line, label) in enumerate(zip(res.lines, res.labels, strict=True)):
        if total <= 0:
            total, start = 0.0, i
        total += _score(line, label, res.stop_min)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _extend(res: TextResult, start: int, end: int) -> tuple[int, int]:
    """Take in short sentences right after the run ("Jane Doe contributed reporting."), and the
    live-blog entry header (time, date, heading) right before it."""
    marks = ("time", "date")
    if start >= 2 and not res.labels[start - 1].reason and res.labels[start - 2].reason in marks:
        start -= 2
        while start > 0 and res.labels[start - 1].reason in marks:
            start -= 1
    while end < len(res.lines):
        line, label = res.lines[end], res.labels[end]
        if label.reason or not line.sentence_like or not 3 <= line.words <= 30:
            break
        end += 1
    return start, end


def _label_outside(res: TextResult, start: int, end: int) -> None:
    header = _header_lines(res, start)
    if header:
        res.title = header[0]
        res.standfirst = header[1] if len(header) > 1 else None
    for i in [*range(start), *range(end, len(res.lines))]:
        if res.labels[i].reason is None and i not in header:
            near = start - BYLINE_WINDOW <= i < start or end <= i < end + BYLINE_WINDOW
            res.labels[i] = _outside_label(res, res.lines[i], near)


def _outside_label(res: TextResult, line: Line, near: bool) -> Label:
    """Why a line outside the article run goes: a byline name, a teaser summary, or just outside."""
    if near and metadata.looks_like_name(line.text) and len(line.text.split()) <= 3:
        res.authors.append(line.text)
        return Label("byline", line.text)
    if noise.truncated(line):
        return Label("teaser snippet")
    return Label("outside main text")


def _header_lines(res: TextResult, start: int) -> list[int]:
    """Up to two headline-like lines just before the main run (form-labelled lines skipped)."""
    found: list[int] = []
    for i in range(start - 1, -1, -1):
        line, label = res.lines[i], res.labels[i]
        if label.reason in ("time", "date"):
            found = []  # what followed was a live-blog entry heading, not the article's header
            continue
        if label.reason or metadata.looks_like_name(line.text):
            continue
        if line.words < 3 or line.words > 60 or len(found) == 2:
            break
        found.append(i)
    found.reverse()
    if found and res.lines[found[0]].sentence_like and not _opening_headline(res, found[0]):
        return []
    return found


def _label_inside(res: TextResult, start: int, end: int) -> None:
    after_time = False
    for i in range(start, end):
        line, label = res.lines[i], res.labels[i]
        if label.reason in ("time", "date"):
            after_time = True
            continue
        if label.reason:
            continue
        if after_time:
            after_time = False  # the entry heading
            continue
        if not line.sentence_like and line.words <= 15 and not NUMBERED.match(line.text):
            label.reason = "related-article teaser" if line.words >= 3 else "short label"


def _read_cues(res: TextResult) -> None:
    for line, label in zip(res.lines, res.labels, strict=True):
        if label.reason is None and (o := metadata.told_outlet(line.text)):
            res.told_outlets.append(o)


INTRO_LABELS = ("short label", "related-article teaser")
HEADLINE_MAX_WORDS = 20


def _opening_headline(res: TextResult, i: int) -> bool:
    """The text's first line, short and set apart by a blank line, is its headline even when it
    ends with a full stop ("Judge rejects request to unseal file.")."""
    nxt = res.lines[i + 1] if i + 1 < len(res.lines) else None
    return i == 0 and res.lines[i].words <= HEADLINE_MAX_WORDS and nxt is not None and nxt.blank_before


def _keep_introductions(res: TextResult, start: int, end: int) -> None:
    """A short line in the article that ends with a colon and leads into kept text introduces
    it ("He said:", "The governor added:"): it stays, with the speaker it names."""
    for i in range(start, min(end, len(res.lines) - 1)):
        line, label = res.lines[i], res.labels[i]
        words = line.text.split()
        if (label.reason in INTRO_LABELS and line.text.endswith(":") and len(words) >= 2
                and res.labels[i + 1].reason is None and any(w[:1].islower() for w in words)):
            label.reason = None
