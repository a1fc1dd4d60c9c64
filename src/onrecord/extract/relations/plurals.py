"""The plural party of a symmetric cue ("their meeting", "the two leaders met", "both countries
agreed", "speak to each other"): the last two actors of its kind named before it."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from onrecord.extract.actors.roles import ROLE_GROUP_OF, is_role_head
from onrecord.extract.relations.parties import PLURAL_PRONOUNS, as_state, sentence_index, ties
from onrecord.models import Actor

_STATE_NOUNS = frozenset("country countries nation nations state states government governments side sides "
                         "neighbor neighbors neighbour neighbours ally allies power powers capital capitals".split())
_PERSON_NOUNS = frozenset("man men woman women leader leaders president presidents minister ministers "
                          "billionaire billionaires politician politicians official officials".split())
_PLURAL_PEOPLE = frozenset({"men", "women", "leaders"})
_TWO_BACK = 5  # sentences a side that says "two" or "both" looks back: it tells a pair named before


def plural_pair(doc: Doc, tok: Token, actors: Sequence[Actor]) -> tuple[str, str] | None:
    """The two parties a plural side of a symmetric cue stands for ("their meeting", "the two
    leaders", "both countries", "the two", "each other"): the last two actors of its kind named
    before it, in its sentence, else in the sentence before, else in the one before that; a side
    that says "two" or "both" looks back up to five sentences (a spokeswoman quoted for a few
    sentences, then "the two leaders had discussed a meeting": the two named before her)."""
    kind = _plural_kind(tok)
    if kind is None:
        return None
    sents = sentence_index(doc, tok)
    here = sents(tok.idx)
    office = ROLE_GROUP_OF.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
    two = tok.lower_ in ("two", "both") or any(c.lower_ in ("two", "both") for c in tok.children)
    for back in range(_TWO_BACK + 1) if two else (0, 1, 2):
        seen: list[tuple[int, str]] = []
        for a in actors:
            key = as_state(a, actors) or a.refers_to or a.key
            target = next((b for b in actors if b.key == key), a)
            if target.type not in kind or (office is not None and _other_office(doc, a, actors, office)):
                continue
            starts = [m.start for m in a.mentions if m.start < tok.idx and here - back <= sents(m.start) <= here]
            if starts:
                seen.append((max(starts), key))
        seen.sort(reverse=True)
        keys = list(dict.fromkeys(k for _, k in seen))
        if len(keys) >= 2:
            return keys[1], keys[0]
    return None


def _other_office(doc: Doc, actor: Actor, actors: Sequence[Actor], office: str) -> bool:
    """The article gives the person titles and none of ``office``'s kind: "the two leaders" are not
    the Kremlin's spokesman who tells of them."""
    titles = ties(doc, actor, actors)[1]
    return bool(titles) and not any(ROLE_GROUP_OF.get(t) == office for t in titles)


_PEOPLE = frozenset({"PERSON", "ORG"})  # the tagger reads some people as organisations


def _plural_kind(tok: Token) -> frozenset[str] | None:
    low = tok.lower_
    if low in PLURAL_PRONOUNS or (low == "other" and any(c.lower_ == "each" for c in tok.children)):
        return _PEOPLE
    if low == "another" and any(c.lower_ == "one" for c in tok.children):
        return _PEOPLE
    if low in ("two", "both") and tok.pos_ in ("NUM", "PRON", "DET"):
        return _PEOPLE  # "the two played together", "both agreed"
    if low in _STATE_NOUNS and tok.pos_ == "NOUN" and any(c.lower_ in ("two", "both") for c in tok.children):
        return frozenset({"GPE"})
    if tok.pos_ == "NOUN" and low in _PLURAL_PEOPLE and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return frozenset({"PERSON"})  # "the men began sparring publicly"
    if tok.pos_ != "NOUN" or not any(c.lower_ in ("two", "both") for c in tok.children):
        return None
    if low in _PERSON_NOUNS or is_role_head(tok.lemma_.lower()):
        return frozenset({"PERSON"})
    return None
