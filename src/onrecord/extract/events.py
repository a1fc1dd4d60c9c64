"""Events: sentences that report something happening at a resolved time.

A sentence is an event when one of its time expressions has a calendar value and is attached to
a verb of that sentence ("Putin met Kim on Wednesday", "Last month, the US approved ...") rather
than merely mentioned ("the 2019 summit", "2022 was hard"). With a parsed Doc the dependency tree
decides; without one (a blank pipeline) a preposition or adverbial form of the expression does.

A statement is not an event: a time expression inside a direct quote ("Today the West is
trying ...") or attached to a verb of speech ("Peskov said on Tuesday that ...", "He made the
comments this morning"), or in a sentence that opens with a direct quote, gives none; what was
said belongs to the quotes. A chronology entry is an event whatever its verb: a line or sentence that
opens with a full date, year stated, followed by a clause ("8 December 2010 The medical board lets
him keep his licence", "12 March 2011: Police arrest three men"), as timeline articles and
live-blog recaps list them; its sentence runs on into the next when the parse ends it after the
date. A page stamp ("22 June 2010 Last updated at 05:09 GMT") is not one. Each event has a kind
(:func:`onrecord.dates.event_kind`): ``expected`` when its period starts after publication or its verb is in the
future ("is expected to meet Xi in October"), ``background`` when its period ended more than
:data:`~onrecord.dates.BACKGROUND_DAYS` (a year) before publication ("the biggest conflict in Europe since 1945"), else
``happened``. A sentence is one event, at its best date (:func:`_rank`): a happening before a
forecast before background, then the finer date, then the one nearer publication.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from onrecord.dates import event_kind, period, published_day
from onrecord.extract.times.tense import tense_from_doc
from onrecord.models import Actor, Event, Quote, TimeExpr
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)

_CALENDAR = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?|-W\d{2})?)(?:T[A-Z]{2}|-WE)?$")
_ADVERBIAL = re.compile(
    r"^(?:(?:early|late|earlier|later)\s+)?(?:last|next|this|yesterday|today|tomorrow|tonight|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\bago$|\bearlier$",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(
    r"\b(?:on|in|at|during|since|until|till|by|from|before|after|around|through|throughout)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TEMPORAL_DEPS = frozenset({"npadvmod", "advmod", "obl", "tmod", "nmod:tmod", "advcl"})
_WORDS = re.compile(r"[^\W\d_]{2,}")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019)]*|$)")
# verbs of saying: a date attached to one dates a statement, not a happening
SPEECH_VERBS = frozenset(
    "say tell claim state add note insist argue suggest predict comment remark stress estimate explain "
    "reply respond admit acknowledge speak assert contend allege deny write quote".split()
)
SPEECH_NOUNS = frozenset("comment comments remark remarks speech statement address interview".split())
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|claimed|added|noted|stated|insisted|argued|suggested|predicted|commented|"
    r"remarked|stressed|estimated|explained|replied|admitted|spoke|denied|alleged)\s+(?:[\w.]+\s+){0,3}$",
    re.IGNORECASE,
)
_OPENING_MARKS = frozenset("\u201c\"")  # a sentence that opens with a direct quote is a statement
_YEAR = re.compile(r"\b(?:1[6-9]|2\d)\d\d\b")
_HEADING_SEPARATOR = re.compile(r"[ \t]*(?:[:\u2013\u2014-][ \t]*)?(?=[A-Z\d\u201c\"])")
_STAMP = re.compile(r"(?:last\s+)?(?:updated|published|posted|modified|first\s+published)\b|\d{1,2}[:.]\d{2}\b",
                    re.IGNORECASE)
_KIND_ORDER = {"happened": 0, "expected": 1, "background": 2}
_GRAIN_ORDER = {16: 0, 10: 0, 8: 1, 7: 2, 4: 3}  # minute, day, week, month, year (by value length)


def event_date(value: str | None) -> str | None:
    """The calendar part of a TimeML value ("2023-09-12TMO" -> "2023-09-12"); None for others."""
    m = _CALENDAR.match(value or "")
    return m.group(1) if m else None


def extract_events(
    doc: Doc, times: Sequence[TimeExpr], actors: Sequence[Actor] = (), published: str | None = None,
    quotes: Sequence[Quote] = (),
) -> tuple[Event, ...]:
    """One event per sentence, at its best date, in text order; statements give none (see above).
    ``published`` (the article's date) decides forecasts and background; ``quotes`` are the
    article's quotes, whose direct ones hold statements."""
    text = text_of(doc)
    pub = published_day(published)
    quoted = _quoted_spans(quotes)
    best: dict[int, tuple[tuple[int, int, int], Event]] = {}
    for time in times:
        date = event_date(time.value)
        entry = _chronology_entry(doc, text, time, quoted) if date else None
        bounds = entry or (_sentence(doc, time.start, time.end) if date else None)
        if date is None or bounds is None or (entry is None and _no_happening(doc, text, time, bounds[0], quoted)):
            continue
        future = doc.has_annotation("DEP") and tense_from_doc(doc, time.start, time.end) == "future"
        start, end = bounds
        event = Event(start, end, text[start:end], date, _actor_keys(actors, start, end),
                      event_kind(date, pub, future))
        rank = _rank(event, pub)
        if start not in best or rank < best[start][0]:
            best[start] = (rank, event)
    return tuple(sorted((e for _, e in best.values()), key=lambda e: (e.start, e.date)))


def _rank(event: Event, published: dt.date | None) -> tuple[int, int, int]:
    """Sort key of a sentence's candidate dates: kind, then granularity, then distance to publication."""
    span = period(event.date)
    distance = abs((span[0] - published).days) if span and published else 0
    return _KIND_ORDER[event.kind], _GRAIN_ORDER.get(len(event.date), 4), distance


def _quoted_spans(quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """The passages of the direct quotes (each fragment of a split quote)."""
    out: list[tuple[int, int]] = []
    for q in quotes:
        if q.kind == "direct":
            out += [(f.start, f.end) for f in q.fragments] or [(q.start, q.end)]
    return out


def _no_happening(doc: Doc, text: str, time: TimeExpr, sentence_start: int, quoted) -> bool:
    """True when the expression does not date a happening: it is not attached to a verb, it is
    inside quotation marks or a direct quote, the sentence opens with a quote ("“…,” Putin said,
    predicting …"), or the verb it dates is one of saying."""
    if any(s <= time.start < e for s, e in quoted) or _inside_marks(text[sentence_start : time.start]):
        return True
    if text[sentence_start : sentence_start + 1] in _OPENING_MARKS:
        return True
    if not doc.has_annotation("DEP"):
        return not _attached_plain(text, time) or bool(_SAID_BEFORE.search(text[max(0, time.start - 40) : time.start]))
    verb = _anchor(doc, time)
    return verb is None or _speech(verb)


def _chronology_entry(doc: Doc, text: str, time: TimeExpr, quoted) -> tuple[int, int] | None:
    """The bounds of a chronology entry the expression heads (see the module), else None."""
    if len(time.value or "") < 10 or not _YEAR.search(time.text) or any(s <= time.start < e for s, e in quoted):
        return None
    line_start = text.rfind("\n", 0, time.start) + 1
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else None
    opens = not text[line_start : time.start].strip() or (sent is not None and sent.start_char >= time.start - 1)
    rest = _HEADING_SEPARATOR.match(text, time.end)
    if not opens or rest is None or _STAMP.match(text, rest.end()):
        return None
    line_end = text.find("\n", time.end)
    line_end = len(text) if line_end < 0 else line_end
    end = sent.end_char if sent is not None else time.end
    if sent is not None and len(_WORDS.findall(text[rest.end() : end])) < 2 and end < line_end:
        following = doc.char_span(end, line_end, alignment_mode="expand")
        end = following[0].sent.end_char if following is not None and len(following) else end
    if sent is None:
        m = _SENTENCE.match(text, rest.end())
        end = m.end() if m else line_end
    start, end = _strip(text, time.start, min(end, line_end))
    return (start, end) if len(_WORDS.findall(text[rest.end() : end])) >= 2 else None


def _inside_marks(before: str) -> bool:
    """Quotation marks opened and not closed in ``before`` (the sentence up to the expression)."""
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _speech(verb: Token) -> bool:
    """A verb of saying, or one whose object is what was said ("made the comments")."""
    if verb.lemma_.lower() in SPEECH_VERBS:
        return True
    return any(c.dep_ == "dobj" and c.lower_ in SPEECH_NOUNS for c in verb.children)


def _sentence(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The sentence around [start, end), cut to its line (headings and datelines end there)."""
    text = text_of(doc)
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        left, right = span[0].sent.start_char, span[0].sent.end_char
    else:
        m = next((m for m in _SENTENCE.finditer(text) if m.start() <= start < m.end()), None)
        if m is None:
            return None
        left, right = m.start(), m.end()
    left = max(left, text.rfind("\n", 0, start) + 1)
    line_end = text.find("\n", end)
    right = min(right, line_end) if line_end >= 0 else right
    left, right = _strip(text, left, right)
    outside = text[left:start] + text[end:right]
    return (left, right) if len(_WORDS.findall(outside)) >= 2 else None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _anchor(doc: Doc, time: TimeExpr) -> Token | None:
    """The verb the expression dates: as an adverbial, as the object of a preposition that
    modifies it, or as a fronted phrase on the sentence root; None when it modifies no verb."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    head = root.head
    if root.dep_ in _TEMPORAL_DEPS and head.pos_ in ("VERB", "AUX") and head not in span:
        return head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    if root.dep_ in ("advmod", "npadvmod") and head.dep_ == "prep":  # "earlier this year", "in July"
        return head.head if head.head.pos_ in ("VERB", "AUX") else None
    return root.head if _hangs_off_clause_root(span) else None


def _hangs_off_clause_root(span: Span) -> bool:
    """A fronted time phrase ("Last month, the US approved ...") attached to the sentence root."""
    root = span.root
    return root.head.dep_ == "ROOT" and root.head.pos_ in ("VERB", "AUX") and root.dep_ not in (
        "nsubj", "nsubjpass", "dobj", "attr", "compound", "amod", "nmod", "poss", "appos"
    )  # fmt: skip


def _attached_plain(text: str, time: TimeExpr) -> bool:
    """Without a parse: an adverbial form, or a preposition right before the expression."""
    if _ADVERBIAL.search(time.text):
        return True
    return bool(_PREPOSITION.search(text[max(0, time.start - 20) : time.start]))


def _actor_keys(actors: Sequence[Actor], start: int, end: int) -> tuple[str, ...]:
    found: list[tuple[int, str]] = []
    for actor in actors:
        first = min((m.start for m in actor.mentions if start <= m.start and m.end <= end), default=None)
        if first is not None:
            found.append((first, actor.key))
    return tuple(key for _, key in sorted(found))
