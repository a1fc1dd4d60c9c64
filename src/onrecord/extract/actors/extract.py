"""Actors of one article: people, organisations, places and groups, with all the names they go by.

``extract_actors(doc)`` reads spaCy's entities, cleans them, votes on their type, merges the
mentions that name the same actor ("Kim Jong-un", "Kim", "Mr Kim", "North Korea's Kim"), ties
titles and descriptions to people as roles, and links metonyms ("the Kremlin", "Pyongyang") to
the state they stand for. ``resolve`` (in :mod:`onrecord.extract.actors.resolve`) maps a speaker or
claimant span to an actor key.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from onrecord.extract.actors.roles import roles_for
from onrecord.models import Actor, Mention, Role
from onrecord.names import (
    FEMALE_ADDRESS,
    HEADLINE_VERBS,
    HONORIFICS,
    INSTITUTION_WORDS,
    MALE_ADDRESS,
    METONYMS,
    NATIONALITY,
    PERSON_TITLES,
    SCANNED_METONYMS,
    STATE_BODIES,
    STATE_NAMES,
    TYPE_GROUP,
    clean_span,
    fold,
    given_name_gender,
    name_parts,
    name_rank,
    norm,
    same_person_name,
    state_of,
)
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_SCAN_RE = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in SCANNED_METONYMS) + r")\b")


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    text: str
    label: str
    honor: str = ""  # "m" after Mr, "f" after Mrs/Ms/Miss, else ""
    titled: bool = False  # led by a title or address form ("Patriarch Kirill", "Mr Moore")


def extract_actors(doc: Doc) -> tuple[Actor, ...]:
    """The actors of ``doc``, in order of first mention; offsets are char offsets into ``doc.text``."""
    text = text_of(doc)  # spaCy rebuilds it from the tokens on every access: read it once
    raws = _raw_mentions(doc, text)
    raws = _vote_types(raws + _titled_names(text, raws))
    raws = _add_missed_full_names(doc, text, raws)
    raws = _add_missed_surnames(text, raws)
    raws = _add_missed_single_names(text, raws)
    groups = _person_clusters([r for r in raws if r.label == "PERSON"])
    groups += _other_clusters([r for r in raws if r.label != "PERSON"])
    groups.sort(key=lambda g: min(r.start for r in g))
    person_tokens = _person_tokens(doc, raws)
    actors = [_build(doc, text, g, person_tokens) for g in groups]
    actors = _unique_keys(actors)
    return tuple(_link_metonyms(actors))


def _raw_mentions(doc: Doc, full: str) -> list[_Raw]:
    raws: list[_Raw] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        cleaned = clean_span(ent.text, ent.start_char, ent.label_)
        if cleaned is None:
            log.debug("dropped entity %r (%s)", ent.text, ent.label_)
            continue
        start, end, text, stripped = cleaned
        if ent.label_ == "PERSON" and _headline_junk(full, start, end):
            end = start + len(text.split()[0])
            text = full[start:end]
        titled = bool(stripped) or _title_before(full, start)
        raws.append(_Raw(start, end, text, ent.label_, _honor(full, start, stripped), titled))
    taken = [(r.start, r.end) for r in raws]
    for m in _SCAN_RE.finditer(full):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            raws.append(_Raw(m.start(), m.end(), m.group(0), METONYMS[norm(m.group(0))][1]))
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


def _titled_names(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Names NER missed right after a person's title ("Patriarch Kirill", "Mayor Sokolov").

    The name runs over capitalised words up to the first that is a headline verb, and the whole
    is dropped when a word makes it an institution or a place ("King Street") or it names a
    state, a metonym or a nationality.
    """
    taken = [(r.start, r.end) for r in raws]
    added = []
    for m in _TITLED_RE.finditer(text):
        if any(s < m.end(1) and m.start() < e for s, e in taken):
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
        added.append(_Raw(start, end, name, "PERSON", _honor(text, start, stripped), True))
    return added


def _lone_name(text: str, start: int, end: int) -> bool:
    """No capitalised word glued after the name (a longer name, another name, a place)."""
    return not re.match(r"[ \t]+[A-Z]", text[end : end + 2]) and not re.match(
        r"[\w-]", text[end : end + 1]
    )


def _add_missed_full_names(doc: Doc, text: str, raws: list[_Raw]) -> list[_Raw]:
    """A person known by one name whose full name the text writes where NER missed it.

    "Mr Moore ... The head of MI6 Richard Moore": "Richard Moore" becomes a mention when the word
    before the surname is a given name (a proper noun for the tagger, or in the given-name lists
    when the Doc is not tagged), and only one such full name is written.
    """
    people = [r for r in raws if r.label == "PERSON"]
    long_parts = {p for r in people if len(r.text.split()) >= 2 for p in _long_name_parts(r.text)}
    singles = {r.text for r in people if " " not in r.text and len(r.text) >= 3}
    tagged = doc.has_annotation("TAG")
    taken = [(r.start, r.end) for r in raws]
    added = []
    for name in sorted(singles):
        if norm(name) in long_parts or state_of(name) or norm(name) in METONYMS:
            continue
        found = []
        pattern = rf"(?<![\w-])([A-Z][a-z][\w'’-]*)[ \t]+{re.escape(name)}(?![\w-])"
        for m in re.finditer(pattern, text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if _given_name(doc, tagged, m.group(1), m.start(1), m.end(1)):
                found.append(m)
        if len({m.group(1) for m in found}) != 1:
            continue  # none, or two given names with one surname: not knowable which is meant
        for m in found:
            added.append(
                _Raw(m.start(), m.end(), m.group(0), "PERSON", _honor(text, m.start(), ()))
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


def _add_missed_single_names(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Repeats NER missed of a person known by one name only ("Kirill, one of ... said").

    Only for a name NER tagged as a person twice, or once after a title or address form; never
    for a word of someone's full name ("Kim": whose?) or a name with another capitalised word
    glued to it ("Kirill Dmitriev" is someone else).
    """
    people = [r for r in raws if r.label == "PERSON"]
    long_parts = {p for r in people if len(r.text.split()) >= 2 for p in _long_name_parts(r.text)}
    others = {norm(r.text) for r in raws if r.label != "PERSON"}
    counts = Counter(r.text for r in people if " " not in r.text)
    titled = {r.text for r in people if r.titled}
    taken = sorted((r.start, r.end) for r in raws)
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
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            before = re.search(r"([A-Z][\w'’.-]*)[ \t]+$", text[max(0, m.start() - 20) : m.start()])
            if before and fold(before.group(1)).rstrip(".") not in HONORIFICS:
                continue
            if not _lone_name(text, m.start(), m.end()):
                continue
            added.append(_Raw(m.start(), m.end(), name, "PERSON", _honor(text, m.start(), ())))
    return sorted(raws + added, key=lambda r: r.start)


def _add_missed_surnames(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Mentions NER missed of a person's surname ("Pulikovsky wrote"), when only one person has it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for r in raws:
        words = r.text.split()
        if r.label == "PERSON" and len(words) >= 2 and len(words[-1]) >= 3 and "." not in words[-1]:
            owners[words[-1]].add(norm(r.text))
    taken = sorted((r.start, r.end) for r in raws)
    added = []
    for surname, full in owners.items():
        names = [n.split() for n in full]
        if any(not same_person_name(x, y) for x in names for y in names):
            continue  # two people share the surname: a bare surname is ambiguous
        if norm(surname) in STATE_NAMES or norm(surname) in METONYMS:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                added.append(
                    _Raw(m.start(), m.end(), surname, "PERSON", _honor(text, m.start(), ()))
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


def _vote_types(raws: list[_Raw]) -> list[_Raw]:
    """One type per name: known states and metonyms win, else the majority label."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for r in raws:
        votes[norm(r.text)][TYPE_GROUP[r.label]] += 1
    person_parts = {p for r in raws if r.label == "PERSON" for p in _long_name_parts(r.text)}
    out = []
    for r in raws:
        key = norm(r.text)
        label = _voted_label(r, key, votes[key], person_parts)
        out.append(r if label == r.label else dataclasses.replace(r, label=label))
    return out


def _long_name_parts(text: str) -> list[str]:
    words = text.split()
    return [norm(words[0]), norm(words[-1])] if len(words) >= 2 else []


_TIE_ORDER = ("GPE", "ORG", "NORP", "PERSON")


def _voted_label(r: _Raw, key: str, votes: Counter[str], person_parts: set[str]) -> str:
    if key in METONYMS:
        return METONYMS[key][1]
    if key in STATE_NAMES:
        return "ORG" if STATE_NAMES[key] in STATE_BODIES else "GPE"
    if key in NATIONALITY:
        return "NORP"
    if key in person_parts and " " not in key:
        return "PERSON"
    n = max(votes.values())
    if votes[TYPE_GROUP[r.label]] == n and n > sum(votes.values()) - n:
        return r.label
    top = min(
        (g for g, c in votes.items() if c == n),
        key=lambda g: _TIE_ORDER.index(g) if g in _TIE_ORDER else 9,
    )
    return r.label if TYPE_GROUP[r.label] == top else top


def _person_clusters(raws: list[_Raw]) -> list[list[_Raw]]:
    """Full names first (variants merged), then single names joined to the matching full name."""
    full = [r for r in raws if len(r.text.split()) >= 2]
    full.sort(key=lambda r: (-name_rank(r.text)[0], -name_rank(r.text)[1], r.start))
    clusters: list[list[_Raw]] = []
    for r in full:
        parts = name_parts(r.text)
        home = next(
            (c for c in clusters if any(same_person_name(parts, name_parts(x.text)) for x in c)),
            None,
        )
        if home is None:
            clusters.append([r])
        else:
            home.append(r)
    singles: dict[str, list[_Raw]] = {}
    for r in (r for r in raws if len(r.text.split()) < 2):
        home = _single_home(r, clusters)
        if home is None:
            singles.setdefault(norm(r.text), []).append(r)
        else:
            home.append(r)
    return clusters + list(singles.values())


def _single_home(r: _Raw, clusters: list[list[_Raw]]) -> list[_Raw] | None:
    """The cluster a one-word name belongs to: its first or last part; the nearest if several."""
    key = norm(r.text)
    found = [c for c in clusters if any(_has_part(x.text, key) for x in c) and _same_gender(r, c)]
    if len(found) <= 1:
        return found[0] if found else None
    before = [c for c in found if any(x.start < r.start for x in c)]
    if before:
        return max(before, key=lambda c: max(x.start for x in c if x.start < r.start))
    return min(found, key=lambda c: min(x.start for x in c))


def _same_gender(r: _Raw, cluster: list[_Raw]) -> bool:
    """ "Mrs Clinton" does not join "Bill Clinton"."""
    if not r.honor:
        return True
    given = {given_name_gender(x.text.split()[0]) for x in cluster if len(x.text.split()) >= 2}
    honors = {x.honor for x in cluster}
    return not ({"m", "f"} - {r.honor}) & (given | honors)


def _has_part(text: str, key: str) -> bool:
    if len(text.split()) < 2:
        return False
    parts, words = name_parts(text), text.split()
    return key in (parts[0], parts[-1], norm(words[0]), norm(words[-1]))


def _other_clusters(raws: list[_Raw]) -> list[list[_Raw]]:
    by_key: dict[tuple[str, str], list[_Raw]] = {}
    for r in raws:
        by_key.setdefault((TYPE_GROUP[r.label], _group_key(r)), []).append(r)
    return _merge_acronyms(by_key)


def _group_key(r: _Raw) -> str:
    key = norm(r.text)
    if key in STATE_NAMES:
        return norm(STATE_NAMES[key])
    if r.label == "NORP" and key.endswith("s") and len(key) > 4:
        return key[:-1]
    return key


def _merge_acronyms(by_key: dict[tuple[str, str], list[_Raw]]) -> list[list[_Raw]]:
    """ "UNSC" joins "United Nations Security Council" when both are organisations here."""
    initials = {}
    for group, key in by_key:
        words = [w for w in key.split() if w not in ("of", "the", "and", "for", "on")]
        if group == "ORG" and len(words) >= 2:
            initials["".join(w[0] for w in words)] = (group, key)
    for group, key in list(by_key):
        target = initials.get(key)
        if group == "ORG" and " " not in key and target and target != (group, key):
            by_key[target].extend(by_key.pop((group, key)))
    return list(by_key.values())


def _person_tokens(doc: Doc, raws: list[_Raw]) -> frozenset[int]:
    idx: set[int] = set()
    for r in raws:
        if r.label == "PERSON":
            span = doc.char_span(r.start, r.end, alignment_mode="expand")
            if span is not None:
                idx.update(range(span.start, span.end))
    return frozenset(idx)


def _build(doc: Doc, text: str, members: list[_Raw], person_tokens: frozenset[int]) -> Actor:
    members = sorted(members, key=lambda r: r.start)
    counts = Counter(r.text for r in members)
    label = Counter(r.label for r in members).most_common(1)[0][0]
    name = _canonical(members, counts, label)
    aliases = tuple(dict.fromkeys(r.text for r in members))
    mentions = tuple(Mention(r.start, r.end, r.text, "") for r in members)
    roles: tuple[Role, ...] = ()
    if label == "PERSON":
        roles = _roles(doc, text, members, person_tokens)
    return Actor(key="", name=name, type=label, aliases=aliases, mentions=mentions, roles=roles)


def _canonical(members: list[_Raw], counts: Counter[str], label: str) -> str:
    state = STATE_NAMES.get(norm(members[0].text))
    if label != "PERSON" and state:
        return state
    first = {}
    for r in members:
        first.setdefault(r.text, r.start)
    return max(counts, key=lambda t: (name_rank(t), counts[t], -first[t]))


def _roles(
    doc: Doc, text: str, members: list[_Raw], person_tokens: frozenset[int]
) -> tuple[Role, ...]:
    seen: dict[tuple[int, int], Role] = {}
    for r in members:
        for s, e in roles_for(doc, r.start, r.end, person_tokens):
            seen.setdefault((s, e), Role(text[s:e], s, e))
    return tuple(sorted(seen.values(), key=lambda x: x.start))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-") or "x"


def _unique_keys(actors: list[Actor]) -> list[Actor]:
    used: Counter[str] = Counter()
    out = []
    for a in actors:
        base = f"{a.type.lower()}:{_slug(a.name)}"
        used[base] += 1
        key = base if used[base] == 1 else f"{base}-{used[base]}"
        mentions = tuple(Mention(m.start, m.end, m.text, key) for m in a.mentions)
        out.append(_replace(a, key=key, mentions=mentions))
    return out


def _replace(a: Actor, **changes: object) -> Actor:
    return dataclasses.replace(a, **changes)  # type: ignore[arg-type]


def _link_metonyms(actors: list[Actor]) -> list[Actor]:
    """Metonyms point to their state's actor; a state never mentioned by name is added without mentions."""
    states = {
        a.name: a.key
        for a in actors
        if a.type in ("GPE", "ORG") and a.name in set(STATE_NAMES.values())
    }
    out = list(actors)
    for i, a in enumerate(actors):
        target = METONYMS.get(norm(a.name))
        if target is None:
            continue
        state = target[0]
        if state not in states:
            key = f"gpe:{_slug(state)}"
            out.append(Actor(key=key, name=state, type="GPE", aliases=(), mentions=()))
            states[state] = key
        out[i] = _replace(a, refers_to=states[state])
    return out


def by_key(actors: Sequence[Actor]) -> dict[str, Actor]:
    """Index actors by key."""
    return {a.key: a for a in actors}
