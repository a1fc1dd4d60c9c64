"""Tense of the clause around a time expression: "past", "future" or None (unknown).

Decides whether "on Wednesday" or "in July" looks back or ahead from the reference date. The
text heuristic takes the cue word nearest the expression within its sentence; with a parsed Doc,
the verb governing the expression decides first.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

_FUTURE = frozenset(
    "will wo 'll shall going expected expects expect plans plan planned scheduled due upcoming "
    "intends intend aims aim set next tomorrow hopes hope would".split()
)
_PAST = frozenset(
    "said was were had has have did told ago last yesterday earlier announced began ended came went "
    "met made took gave sent saw held won lost left fell rose paid sold bought agreed".split()
)
_WORD = re.compile(r"[A-Za-z']+")
_SENTENCE_END = re.compile(r"[.!?\n]\s")


def tense_from_text(text: str, start: int, end: int) -> str | None:
    """The tense of the cue word nearest [start, end) within its sentence."""
    left = _sentence_start(text, start)
    right = _sentence_end(text, end)
    best: tuple[int, str] | None = None
    previous: list[str] = []
    for m in _WORD.finditer(text, left, right):
        word = m.group(0).lower()
        after_aux = bool(_AUX.intersection(previous[-2:]))
        previous.append(word)
        if start <= m.start() < end:
            continue
        cue = _cue(word)
        if cue is None or (cue == "past" and after_aux and word not in _PAST_AUX):
            continue  # a participle after "will be", "to be", "has": its auxiliary decides
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


_AUX = frozenset("be been being is are was were will has have had to 'll shall would".split())
_PAST_AUX = frozenset("was were had has have".split())


def _cue(word: str) -> str | None:
    if word in _FUTURE:
        return "future"
    if word in _PAST or (len(word) > 4 and word.endswith("ed")):
        return "past"
    return None


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - 400)
    last = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        last = m.end()
    return last


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos, pos + 400)
    return m.start() + 1 if m else min(len(text), pos + 400)


def tense_from_doc(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the verb that governs the expression in a parsed Doc (None if unclear)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("TAG") or not doc.has_annotation("DEP"):
        return None
    verb = _governing_verb(span)
    return _verb_tense(verb) if verb is not None else None


def _governing_verb(span: Span) -> Token | None:
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            return token
        if token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "'ll", "wo", "shall") for a in auxes) or verb.lower_ == "going":
        return "future"
    if any(a.lower_ == "to" for a in auxes):  # "plans to meet" looks ahead; "went to meet" does not
        head = verb.head
        if head.lemma_ in _AHEAD or head.lower_ in _FUTURE:
            return "future"
        return _verb_tense(head, depth + 1) if head is not verb and depth < 3 else None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    return None


_AHEAD = frozenset("plan expect intend hope aim schedule want seek prepare propose set due".split())
