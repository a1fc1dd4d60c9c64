"""Finding quoted stretches of text by their quotation marks, paragraph by paragraph.

Newspapers leave a quote open at the end of a paragraph when it continues in the next one, and
the next paragraph then opens with a fresh mark. Unbalanced marks are settled within the
paragraph: a stray closer is ignored, an opener left open runs to the paragraph end. Nothing here
ever fails an article.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

PAIRS = {"“": "”", "”": "”", "«": "»", '"': '"', "‘": "’", "'": "'", "„": "“", "‹": "›"}
QUOTE_CHARS = "“”«»\"‘’„‹›'"
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted stretch: ``start``/``end`` include the marks; ``closed`` is False when it ran open."""

    start: int
    end: int
    closed: bool
    opens_paragraph: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs (separated by blank lines), whitespace trimmed."""
    out: list[tuple[int, int]] = []
    pos = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        if match:
            pos = match.end()
    return out


def _is_single_opener(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if re.match(r"\d\d(?:s\b|\W)", text[i + 1 : i + 4]):
        return False  # an elided year: the '80s, class of '16
    return (before.isspace() or before in "([—–-") and (after.isalnum() or after in "…")


def _is_single_closer(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalpha() and after.isalpha():
        return False  # an apostrophe inside a word
    if before in "sS" and after.isspace():
        return False  # a plural possessive ("the players' union") is the likelier reading
    return not before.isspace() and (after.isspace() or after in ".,;:!?)—–-" or after == "")


# the characters ``_scan_paragraph`` can open a quote at: every other one is stepped over
_OPENERS = re.compile("[“«„‹\"”‘']")


def _scan_paragraph(text: str, start: int, end: int) -> list[Marked]:
    found: list[Marked] = []
    i = start
    while i < end:
        at = _OPENERS.search(text, i, end)
        if at is None:
            break
        i = at.start()
        ch = text[i]
        if text.startswith("''", i) and _doubled_opens(text, i, start):
            close = _doubled_close(text, i + 2, end)
            found.append(
                Marked(i, close if close else end, close is not None, text[start:i].strip() == "")
            )
            i = close if close else end
            continue
        if ch in "“«„‹" or (ch in '"”' and _straight_opens(text, i, start)) or (
            ch in "‘'" and _is_single_opener(text, i)
        ):
            close = _find_close(text, i, end)
            found.append(
                Marked(i, close if close else end, close is not None, text[start:i].strip() == "")
            )
            i = close if close else end
            continue
        i += 1
    return found


def _doubled_opens(text: str, i: int, para_start: int) -> bool:
    """Two apostrophes as an opening mark (the archive style ''like this'')."""
    before = text[i - 1] if i > para_start else " "
    after = text[i + 2] if i + 2 < len(text) else " "
    return (before.isspace() or before in "([—–-") and not after.isspace() and after != "'"


def _doubled_close(text: str, j: int, end: int) -> int | None:
    while j < end - 1:
        if text.startswith("''", j) and not text[j - 1].isspace():
            return j + 2
        j += 1
    return None


def _straight_opens(text: str, i: int, para_start: int) -> bool:
    """A straight double mark opens when a word follows; a closing curly one only when it
    starts the paragraph (a typesetting slip: ”Mr. Trump embodies ...”)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "”":
        return i == para_start and after.isalnum()
    return not after.isspace()


# closers that typesetting slips put after an opener ("work-related”, “Mostly False.“)
_ALSO_CLOSES = {'"': "”", "“": '"“'}


def _closes_here(text: str, j: int) -> bool:
    """A double mark in closing position: after a non-space, before a space, punctuation or the end."""
    after = text[j + 1] if j + 1 < len(text) else " "
    return not text[j - 1].isspace() and (after.isspace() or after in ".,;:!?)—–-…")


def _find_close(text: str, i: int, end: int) -> int | None:
    closer = PAIRS[text[i]]
    other = _ALSO_CLOSES.get(text[i])
    stops = _STOPS.get(text[i])
    if stops is None:  # the characters the loop below can stop at: every other one is stepped over
        chars = closer + (other or "") + ("“" if closer == '"' else "")
        stops = _STOPS[text[i]] = re.compile("[" + re.escape(chars) + "]")
    j = i + 1
    while j < end:
        at = stops.search(text, j, end)
        if at is None:
            break
        j = at.start()
        ch = text[j]
        if ch == closer and (closer not in "’'" or _is_single_closer(text, j)):
            return j + 1
        if other and ch in other and _closes_here(text, j):
            return j + 1
        if closer == '"' and ch == "“":
            return None  # mixed mark styles: treat the straight one as open to paragraph end
        j += 1
    return None


_STOPS: dict[str, re.Pattern[str]] = {}  # per opening mark, the characters _find_close stops at


def find_quoted(text: str) -> list[Marked]:
    """Quoted stretches of ``text``; a quote left open that continues in the next paragraph is
    joined with it (the stretch then spans the paragraph break)."""
    spans: list[Marked] = []
    for p_start, p_end in paragraphs(text):
        spans.extend(_scan_paragraph(text, p_start, p_end))
    return _join_continued(spans, text)


def _join_continued(spans: list[Marked], text: str) -> list[Marked]:
    out: list[Marked] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.closed
            and span.opens_paragraph
            and not text[prev.end : span.start].strip()
        ):
            out[-1] = Marked(prev.start, span.end, span.closed, prev.opens_paragraph)
        else:
            out.append(span)
    return out
