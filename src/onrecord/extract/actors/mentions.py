"""The raw mentions of actors in one article: spaCy's entities, cleaned, with the gender an
address form gives them; metonyms NER missed; and names NER missed (titled names, full names,
surnames and given names of people already found)."""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from spacy.tokens import Doc

from onrecord.extract.actors.attributes import NATIONALITY_ADJECTIVE, not_an_actor
from onrecord.names import (
    ATTRIBUTE_TYPE,
    FEMALE_ADDRESS,
    HEADLINE_VERBS,
    HONORIFICS,
    INSTITUTION_WORDS,
    MALE_ADDRESS,
    METONYMS,
    NATIONALITY,
    PERSON_TITLES,
    SCANNED_METONYMS,
    STATE_NAMES,
    clean_span,
    fold,
    given_name_gender,
    norm,
    same_person_name,
    state_of,
)

log = logging.getLogger(__name__)


ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


_SCAN_RE = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in SCANNED_METONYMS) + r")\b")


@dataclass(frozen=True, slots=True)
class RawMention:
    start: int
    end: int
    text: str
    label: str
    honor: str = ""  # "m" after Mr, "f" after Mrs/Ms/Miss, else ""
    titled: bool = False  # led by a title or address form ("Patriarch Kirill", "Mr Moore")


def raw_mentions(doc: Doc, full: str) -> list[RawMention]:
    raws: list[RawMention] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        cleaned = clean_span(ent.text, ent.start_char, ent.label_)
        why = not_an_actor(ent)
        label = ATTRIBUTE_TYPE if why == NATIONALITY_ADJECTIVE else ent.label_
        if why and label != ATTRIBUTE_TYPE:
            log.debug("not an actor: %r (%s): %s", ent.text, ent.label_, why)
            continue
        if cleaned is None:
            log.debug("dropped entity %r (%s)", ent.text, ent.label_)
            continue
        start, end, text, stripped = cleaned
        if ent.label_ == "PERSON" and _headline_junk(full, start, end):
            end = start + len(text.split()[0])
            text = full[start:end]
        titled = bool(stripped) or _title_before(full, start)
        raws.append(RawMention(start, end, text, label, _honor(full, start, stripped), titled))
    taken = Spans((r.start, r.end) for r in raws)
    for m in _SCAN_RE.finditer(full):
        if not taken.overlaps(m.start(), m.end()):
            raws.append(RawMention(m.start(), m.end(), m.group(0), METONYMS[norm(m.group(0))][1]))
    raws.sort(key=lambda r: r.start)
    return raws


_HONOR_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mister|Madam)\.?\s+$")


def _honor(text: str, start: int, stripped: tuple[str, ...]) -> str:
    """Gender an address form gives a mention, from inside the entity or just before it."""
    m = _HONOR_BEFORE.search(text[max(0, start - 9) : start])
    for word in (*stripped, m.group(1) if m else ""):
        f = fold(word).rstrip(".")
        if f in FEMALE_ADDRESS:
            return "f"
        if f in MALE_ADDRESS:
            return "m"
    return ""


_TITLE_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+)\.?\s+$")


_NAME_WORD = r"[A-Z][\w'’-]*[a-z][\w'’-]*"


_TITLED_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(sorted((t.capitalize() for t in PERSON_TITLES), key=len, reverse=True))
    + rf")\.?\s+({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})"
)


def _title_before(text: str, start: int) -> bool:
    m = _TITLE_BEFORE.search(text[max(0, start - 16) : start])
    return bool(m) and fold(m.group(1)) in HONORIFICS


def titled_names(text: str, raws: list[RawMention]) -> list[RawMention]:
    """Names NER missed right after a person's title ("Patriarch Kirill", "Mayor Sokolov").

    The name runs over capitalised words up to the first that is a headline verb, and the whole
    is dropped when a word makes it an institution or a place ("King Street") or it names a
    state, a metonym or a nationality.
    """
    taken = Spans((r.start, r.end) for r in raws)
    added = []
    for m in _TITLED_RE.finditer(text):
        if taken.overlaps(m.start(), m.end(1)):
            continue
        words = m.group(1).split()
        cut = next((i for i, w in enumerate(words) if fold(w) in HEADLINE_VERBS), len(words))
        name = " ".join(words[:cut])
        if not name or any(fold(w) in INSTITUTION_WORDS for w in words):
            continue
        cleaned = clean_span(name, m.start(1), "PERSON")
        if cleaned is None:
            continue
        start, end, name, stripped = cleaned
        if state_of(name) or norm(name) in METONYMS or not _lone_name(text, start, end):
            continue
        added.append(RawMention(start, end, name, "PERSON", _honor(text, start, stripped), True))
    return added


def _lone_name(text: str, start: int, end: int) -> bool:
    """No capitalised word glued after the name (a longer name, another name, a place)."""
    return not re.match(r"[ \t]+[A-Z]", text[end : end + 2]) and not re.match(
        r"[\w-]", text[end : end + 1]
    )


class Spans:
    """Character spans, asked whether any overlaps a range (by bisection over their starts and the
    running maximum of their ends, not one comparison per span)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.ends = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span ``(s, e)`` has ``s < end`` and ``start < e``."""
        k = bisect.bisect_left(self.starts, end)
        return k > 0 and self.ends[k - 1] > start


def add_missed_full_names(doc: Doc, text: str, raws: list[RawMention]) -> list[RawMention]:
    """A person known by one name whose full name the text writes where NER missed it.

    "Mr Moore ... The head of MI6 Richard Moore": "Richard Moore" becomes a mention when the word
    before the surname is a given name (a proper noun for the tagger, or in the given-name lists
    when the Doc is not tagged), and only one such full name is written.
    """
    people = [r for r in raws if r.label == "PERSON"]
    long_parts = {p for r in people if len(r.text.split()) >= 2 for p in long_name_parts(r.text)}
    singles = {r.text for r in people if " " not in r.text and len(r.text) >= 3}
    tagged = doc.has_annotation("TAG")
    taken = Spans((r.start, r.end) for r in raws)
    added = []
    for name in sorted(singles):
        if norm(name) in long_parts or state_of(name) or norm(name) in METONYMS:
            continue
        found = []
        pattern = rf"(?<![\w-])([A-Z][a-z][\w'’-]*)[ \t]+{re.escape(name)}(?![\w-])"
        for m in re.finditer(pattern, text):
            if taken.overlaps(m.start(), m.end()):
                continue
            if _given_name(doc, tagged, m.group(1), m.start(1), m.end(1)):
                found.append(m)
        if len({m.group(1) for m in found}) != 1:
            continue  # none, or two given names with one surname: not knowable which is meant
        for m in found:
            added.append(
                RawMention(m.start(), m.end(), m.group(0), "PERSON", _honor(text, m.start(), ()))
            )
    return sorted(raws + added, key=lambda r: r.start)


def _given_name(doc: Doc, tagged: bool, word: str, start: int, end: int) -> bool:
    f = fold(word)
    if f in HONORIFICS or f in HEADLINE_VERBS or f in INSTITUTION_WORDS or state_of(word):
        return False
    if norm(word) in METONYMS:
        return False
    if given_name_gender(word):
        return True
    if not tagged:
        return False
    span = doc.char_span(start, end)
    return span is not None and len(span) == 1 and span[0].pos_ == "PROPN"


def add_missed_single_names(text: str, raws: list[RawMention]) -> list[RawMention]:
    """Repeats NER missed of a person known by one name only ("Kirill, one of ... said").

    Only for a name NER tagged as a person twice, or once after a title or address form; never
    for a word of someone's full name ("Kim": whose?) or a name with another capitalised word
    glued to it ("Kirill Dmitriev" is someone else).
    """
    people = [r for r in raws if r.label == "PERSON"]
    long_parts = {p for r in people if len(r.text.split()) >= 2 for p in long_name_parts(r.text)}
    others = {norm(r.text) for r in raws if r.label != "PERSON"}
    counts = Counter(r.text for r in people if " " not in r.text)
    titled = {r.text for r in people if r.titled}
    taken = Spans((r.start, r.end) for r in raws)
    added = []
    for name, n in counts.items():
        key = norm(name)
        if len(name) < 3 or "." in name or key in long_parts or key in others:
            continue
        if key in STATE_NAMES or key in METONYMS or key in NATIONALITY:
            continue
        if n < 2 and name not in titled:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if taken.overlaps(m.start(), m.end()):
                continue
            before = re.search(r"([A-Z][\w'’.-]*)[ \t]+$", text[max(0, m.start() - 20) : m.start()])
            if before and fold(before.group(1)).rstrip(".") not in HONORIFICS:
                continue
            if not _lone_name(text, m.start(), m.end()):
                continue
            added.append(RawMention(m.start(), m.end(), name, "PERSON", _honor(text, m.start(), ())))
    return sorted(raws + added, key=lambda r: r.start)


def add_missed_surnames(text: str, raws: list[RawMention]) -> list[RawMention]:
    """Mentions NER missed of a person's surname ("Pulikovsky wrote"), when only one person has it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for r in raws:
        words = r.text.split()
        if r.label == "PERSON" and len(words) >= 2 and len(words[-1]) >= 3 and "." not in words[-1]:
            owners[words[-1]].add(norm(r.text))
    taken = Spans((r.start, r.end) for r in raws)
    added = []
    for surname, full in owners.items():
        names = [n.split() for n in full]
        if any(not same_person_name(x, y) for x in names for y in names):
            continue  # two people share the surname: a bare surname is ambiguous
        if norm(surname) in STATE_NAMES or norm(surname) in METONYMS:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            if not taken.overlaps(m.start(), m.end()):
                added.append(
                    RawMention(m.start(), m.end(), surname, "PERSON", _honor(text, m.start(), ()))
                )
    return sorted(raws + added, key=lambda r: r.start)


def _headline_junk(text: str, start: int, end: int) -> bool:
    """A long "name" in a Title Case headline that the text never repeats ("Putin Discuss Ties")."""
    name = text[start:end]
    if len(name.split()) < 3 or text.count(name) > 1:
        return False
    line = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]
    words = [w for w in line.split() if w[0].isalpha()]
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def long_name_parts(text: str) -> list[str]:
    words = text.split()
    return [norm(words[0]), norm(words[-1])] if len(words) >= 2 else []
