"""Events: sentences that report something happening at a resolved time.

A sentence is an event when one of its time expressions has a calendar value and is attached to
a verb of that sentence ("Putin met Kim on Wednesday", "Last month, the US approved ...") rather
than merely mentioned ("the 2019 summit", "2022 was hard"). With a parsed Doc the dependency tree
decides; without one (a blank pipeline) a preposition or adverbial form of the expression does.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from onrecord.models import Actor, Event, TimeExpr
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


def event_date(value: str | None) -> str | None:
    """The calendar part of a TimeML value ("2023-09-12TMO" -> "2023-09-12"); None for others."""
    m = _CALENDAR.match(value or "")
    return m.group(1) if m else None


def extract_events(
    doc: Doc, times: Sequence[TimeExpr], actors: Sequence[Actor] = ()
) -> tuple[Event, ...]:
    """One event per sentence and distinct date its verbs are anchored to, in text order."""
    parsed = doc.has_annotation("DEP")
    events: dict[tuple[int, str], Event] = {}
    for time in times:
        date = event_date(time.value)
        if date is None:
            continue
        bounds = _sentence(doc, time.start, time.end)
        if bounds is None:
            continue
        attached = _attached_parsed(doc, time) if parsed else _attached_plain(text_of(doc), time)
        if not attached or (bounds[0], date) in events:
            continue
        start, end = bounds
        keys = _actor_keys(actors, start, end)
        events[(start, date)] = Event(start, end, text_of(doc)[start:end], date, keys)
    return tuple(sorted(events.values(), key=lambda e: (e.start, e.date)))


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


def _attached_parsed(doc: Doc, time: TimeExpr) -> bool:
    """The expression modifies a verb: as an adverbial, or as the object of a preposition that does."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ in _TEMPORAL_DEPS and head.pos_ in ("VERB", "AUX") and head not in span:
        return True
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return True
    if root.dep_ in ("advmod", "npadvmod") and head.dep_ == "prep":  # "earlier this year", "in July"
        return head.head.pos_ in ("VERB", "AUX")
    return _hangs_off_clause_root(span)


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
