"""Counted nouns that name the same thing, shared by the link pass (measures) and the searches.

Plain strings (no spaCy, no SQL): ``onrecord.link.measure`` reads each set as its first word when
it compares figures, and the claims and quotes searches match any word of a set for another
(``troops`` finds "soldiers", "servicemen" and "personnel").
"""

from __future__ import annotations

import re

# Each set names one thing; only sets that news writing uses interchangeably for one count.
SYNONYMS = (
    # members of armed forces: outlets alternate these words within one article for one contingent
    # ("3,000 North Korean soldiers" ... "15,000 troops"). "volunteers", "recruits" and "fighters"
    # stay apart: they also count civilians, new enlistments or irregulars.
    "soldiers troops servicemen servicemembers servicewomen personnel troopers conscripts",
    # a death toll counts people: "150 deaths" is "150 people" (the word itself names the event)
    "people deaths fatalities dead persons",
    # military aircraft counted by airframe
    "aircraft jets planes warplanes",
    # arrests at a border: "border apprehensions" is the agencies' word for them
    "arrests apprehensions",
    # bills in a legislature: "some 16 House-passed measures" are the "15 bills" the Senate ignores
    "bills measures",
    # a campaign's paid air time: an ad "flight" is the airtime bought for it
    "airtime flight",
)

_SINGULAR = {"servicemen": "serviceman", "servicewomen": "servicewoman", "people": "person",
             "persons": "person"}


def _forms(word: str) -> tuple[str, ...]:
    """A set word and its singular ("soldiers", "soldier")."""
    one = _SINGULAR.get(word) or (word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    return tuple(dict.fromkeys((word, one)))


_GROUP = {form: ws for ws in SYNONYMS for w in ws.split() for form in _forms(w)}


def alternatives(word: str) -> tuple[str, ...]:
    """Every form of every word that names what ``word`` names, ``word`` itself first
    (``troops`` → troops, soldiers, soldier, troop, ...); ``(word,)`` when it is in no set."""
    group = _GROUP.get(word.lower())
    if group is None:
        return (word,)
    return tuple(dict.fromkeys((word.lower(), *(f for w in group.split() for f in _forms(w)))))


WORD = re.compile(r"[A-Za-z]+")


def phrase_variants(text: str) -> list[str]:
    """``text`` with its first synonym word replaced by each of its alternatives, ``text`` first
    ("North Korean troops" → "North Korean troops", "North Korean soldiers", ...)."""
    for m in WORD.finditer(text):
        alts = alternatives(m.group())
        if len(alts) > 1:
            return list(dict.fromkeys([text, *(text[: m.start()] + a + text[m.end():] for a in alts)]))
    return [text]


def fts_query(text: str) -> str:
    """A search text as an FTS5 query in which each synonym word matches its alternatives
    (``troops sent`` → ``(troops OR soldiers OR ...) sent``). Text holding FTS5 syntax (quotes,
    operators, parentheses, ``*``, ``:``) is returned unchanged."""
    if re.search(r'["()*:^+-]|\b(?:AND|OR|NOT|NEAR)\b', text):
        return text
    out = []
    for word in text.split():
        alts = alternatives(word) if WORD.fullmatch(word) else (word,)
        out.append(word if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    return " ".join(out)


def same_as(word: str) -> list[str]:
    """The other words of ``word``'s set, as the set writes them ("troops" → soldiers,
    servicemen, servicemembers, ...): what a page says a search also matched."""
    group = _GROUP.get(word.lower())
    if group is None:
        return []
    own = set(_forms(word.lower()))
    return [w for w in group.split() if not own & set(_forms(w))]
