"""Where a speaker phrase ends: the parts of a subject's phrase PolNeAR leaves out of the source.

PolNeAR marks a source with its titles, appositions and most relative clauses ("Trent Lott, who
was majority leader"), but not with what the writer adds about the moment of speaking ("Trump on
Sunday", "Marco Rubio, speaking at a rally") nor with a relative clause that reports words or
views of its own ("Barkley, who said he typically votes democratic": that clause is an
attribution of its own there). An aside opened by a dash or a bracket inside the phrase is closed
when its closing mark follows and cut off when none does (``dashed``, ``bracketed``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from onrecord.nlp.pipeline import text_of

_TIME_ENTS = frozenset({"DATE", "TIME"})
_TIME_WORDS = frozenset({"time", "moment", "week", "weekend", "day", "night", "morning", "evening", "afternoon"})
_OCCASIONS = frozenset({"past", "speech", "interview", "statement", "debate", "rally", "remark", "letter",
                        "appearance", "conference", "hearing", "post", "tweet", "email", "op-ed"})
_SPEAKING = frozenset({"speak", "write", "talk", "testify", "appear"})
_RELATIVE = frozenset({"relcl"})


def cut_at(subject: Token, is_cue: Callable[[Token], bool]) -> int | None:
    """The token index (after ``subject``) where its speaker phrase stops, None for no cut: the
    first token of a trailing time phrase, a participle of speaking, or a reporting relative
    clause hanging from the subject."""
    cuts = [_first(child) for child in subject.rights if _left_out(child, is_cue)]
    return min(cuts) if cuts else None


def _left_out(child: Token, is_cue: Callable[[Token], bool]) -> bool:
    if child.dep_ in _RELATIVE:
        return is_cue(child) or any(c.dep_ == "ccomp" for c in child.children)
    if child.dep_ == "acl" and child.tag_ in ("VBG",):
        # a participle of speaking, or any set off by a comma ("Jeb Bush, facing increasing
        # pressure in South Carolina"), but a list's "including"
        after_comma = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
        return child.lemma_.lower() in _SPEAKING or after_comma and child.lemma_.lower() != "include"
    if child.dep_ == "prep":
        objs = [c for c in child.children if c.dep_ == "pobj"]
        return bool(objs) and (objs[0].ent_type_ in _TIME_ENTS or objs[0].lemma_.lower() in _TIME_WORDS
                               or child.lower_ == "in" and objs[0].lemma_.lower() in _OCCASIONS)
    return False


def _first(child: Token) -> int:
    """The first token of ``child``'s phrase, a comma or dash right before it included."""
    start = child.left_edge.i
    doc = child.doc
    while start - 1 > child.head.i and (doc[start - 1].is_punct or doc[start - 1].is_space):
        start -= 1
    return start


def is_dash(token: Token) -> bool:
    """A dash token: an em or en dash, a double hyphen, or a hyphen with space on both sides."""
    if token.text in _DASHES:
        return True
    return token.text == "-" and bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def dashed(text: str, edges: tuple[int, int]) -> tuple[int, int]:
    """A speaker phrase with an aside opened by a dash and not closed: with the closing dash when
    it follows ("Many speakers at the service — including Muslims, Christians and Jews —", as
    PolNeAR marks it), else cut before the dash ("Mrs. Clinton -- whose husband signed …" →
    "Mrs. Clinton")."""
    start, end = edges
    inside = text[start:end]
    for dash, close in _ASIDES:
        if inside.count(dash) % 2 == 0:
            continue
        closing = close.match(text, end)
        if closing is not None:
            return start, closing.end()
        kept = inside[: inside.rfind(dash)].rstrip(" ,")
        return (start, start + len(kept)) if kept else edges
    return edges


def bracketed(text: str, edges: tuple[int, int]) -> tuple[int, int]:
    """A speaker phrase whose bracket is left open: closed when the closing bracket follows
    ("Sen. Chuck Grassley (R-Iowa)", "Sen. Bernie Sanders (I-Vt.)"), else cut before the
    bracket ("exit polls (a sizable margin" → "exit polls")."""
    start, end = edges
    inside = text[start:end]
    if inside.count("(") <= inside.count(")"):
        return edges
    close = _CLOSE.match(text, end)
    if close is not None:
        return start, close.end()
    cut = inside.rfind("(")
    while cut > 0 and inside[cut - 1].isspace():
        cut -= 1
    return (start, start + cut) if cut > 0 else edges


_CLOSE = re.compile(r"\.?\)")
_ASIDES = tuple((dash, re.compile(r"[ \t\xa0]*" + re.escape(dash.strip()) + ("(?=\\s|$)" if dash == " - " else "")))
                for dash in ("—", "–", "--", " - "))


_DASHES = frozenset({"—", "–", "--", "―"})


_WEEKDAY = re.compile(r"(?: released)? on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: (?:morning|afternoon|evening|night))?$")


def undated(doc: Doc, start: int, end: int) -> int:
    """The end of a speaker phrase without the day it ends with ("The White House on Monday",
    "a CNN/ORC poll released on Tuesday": PolNeAR leaves the day out), when a noun comes before."""
    day = _WEEKDAY.search(text_of(doc), start, end)
    if day is None or day.start() <= start:
        return end
    before = doc.char_span(start, day.start(), alignment_mode="expand")
    return day.start() if before is not None and before[-1].pos_ in ("NOUN", "PROPN") else end
