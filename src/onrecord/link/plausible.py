"""Entities that are not plausible actors, and names that are variants of another entity's.

Both decisions work on names alone (no spaCy) and are shown to the user with their reason:

* :func:`set_aside_reason`: a headline fragment ("Inside Kim", "Putin-Kim"), a person's name with a
  state's acronym in it ("Rotten US"), a nationality adjective the parse did not catch. The entity
  stays in the ledger (its quotes keep their speaker) but leaves the actor lists; the
  ``keep`` correction lists it again.
* :func:`variant_of`: a name that is another entity's name with a nationality word dropped
  ("Orthodox Church" → Russian Orthodox Church), its initials ("WPK" → Workers' Party of Korea), a
  one-letter misspelling of a much more frequent name ("Pyongynang" → Pyongyang), or a place that
  NER typed an organisation and the corpus also names as a place. The ``split`` correction with
  the name as ``alias`` undoes the merge.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.names import ATTRIBUTE_TYPE, NATIONALITY, STATE_NAMES, norm

HEADLINE_WORDS = frozenset(
    "inside behind why how what when where who meet watch live exclusive analysis opinion explainer "
    "after before".split()
)
PLACES = frozenset({"GPE", "LOC"})
GROUP_TYPES = frozenset({"NORP", ATTRIBUTE_TYPE})
JOINERS = frozenset({"of", "the", "and", "for", "on", "in"})
MIN_TYPO_LENGTH = 7  # shorter names differ by one letter too often ("Iran", "Iraq")
TYPO_RATIO = 3  # the misspelling is this many times rarer than the name it spells


@dataclass(frozen=True, slots=True)
class NameStats:
    """What the rules read about one cluster: its shown name, type and number of mentions."""

    name: str
    type: str
    mentions: int


def set_aside_reason(name: str, type_: str, names: frozenset[str]) -> str | None:
    """Why an entity named ``name`` is not a plausible actor, or None; ``names`` are the
    normalised names and aliases of every entity (for two names glued with a hyphen)."""
    words = name.split()
    if type_ == ATTRIBUTE_TYPE:
        return "a nationality adjective: it says whose, not who"
    if len(words) >= 2 and norm(words[0]) in HEADLINE_WORDS:
        return f"a headline fragment (“{words[0]} …”)"
    if type_ == "PERSON" and any(w.isupper() and norm(w) in STATE_NAMES for w in words):
        return "a person's name with a state's name in it"
    parts = [p for p in re.split(r"[-‐‑]", name) if p]
    if len(words) == 1 and len(parts) == 2 and all(norm(p) in names for p in parts) and parts[1][0].isupper():
        return f"two actors' names joined ({parts[0]}, {parts[1]})"
    if type_ not in ("NORP", ATTRIBUTE_TYPE) and norm(name) in NATIONALITY and not name.endswith("s"):
        return "a nationality adjective"
    return None


class Variants:
    """The names of every cluster, indexed so that each rule looks up its candidates (no pairs)."""

    def __init__(self, stats: Sequence[NameStats]) -> None:
        self.stats = stats
        self.by_suffix: dict[str, list[int]] = defaultdict(list)
        self.by_initials: dict[str, list[int]] = defaultdict(list)
        self.places: dict[str, list[int]] = defaultdict(list)
        self.by_deletion: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(stats):
            key = norm(s.name)
            words = key.split()
            if s.type == "ORG" and len(words) >= 2:
                self.by_initials[_letters(s.name)].append(i)
                for n in (1, 2):
                    if " ".join(words[:n]) in NATIONALITY or " ".join(words[:n]) in STATE_NAMES:
                        self.by_suffix[" ".join(words[n:])].append(i)
            if s.type in PLACES:
                self.places[key].append(i)
            if len(words) == 1 and len(key) >= MIN_TYPO_LENGTH - 1:
                for v in {key, *_deletions(key)}:
                    self.by_deletion[v].append(i)

    def variant_of(self, i: int) -> tuple[int, str] | None:
        """The cluster that cluster ``i`` is a variant of, with the reason, or None when no single
        one fits."""
        me = self.stats[i]
        key = norm(me.name)
        if me.type == "ORG":
            for found, reason in (
                (self.by_suffix.get(key, []), "the name of {} without its nationality"),
                (self.by_initials.get(me.name, []) if _acronym(me.name) else [], "the initials of {}"),
                (self.places.get(key, []), "the name of the place {}, typed an organisation here"),
            ):
                found = [j for j in found if j != i]
                if found:
                    return (found[0], reason) if len(found) == 1 else None
        if len(key) < MIN_TYPO_LENGTH or " " in key:
            return None
        near = {j for v in {key, *_deletions(key)} for j in self.by_deletion.get(v, [])} - {i}
        found = [j for j in sorted(near) if self._spells(me, self.stats[j])]
        return (found[0], "a misspelling of {}") if len(found) == 1 else None

    @staticmethod
    def _spells(me: NameStats, other: NameStats) -> bool:
        """A misspelling keeps the first letter and the last two ("Pyongynang", "Louisisana"); a
        different ending is another word ("Germans" / "Germany", "Politics" / "Politico"), and
        groups are not misspelt places ("Hondurans")."""
        a, b = norm(me.name), norm(other.name)
        return (other.mentions >= TYPO_RATIO * max(me.mentions, 1) and a[:1] == b[:1] and a[-2:] == b[-2:]
                and not {me.type, other.type} & GROUP_TYPES and _one_edit(a, b) and not _inflection(a, b))


def _acronym(name: str) -> bool:
    """Three to six capitals: two-letter ones name too many things ("AG", "IG")."""
    return 3 <= len(name) <= 6 and name.isupper() and name.isalpha()


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def _letters(name: str) -> str:
    """First letters of the name's words, joining words ("of", "the") left out."""
    words = re.findall(r"\w+", name.replace("’", "'").replace("'s", ""))
    return "".join(w[0] for w in words if w.lower() not in JOINERS).upper()


def _inflection(a: str, b: str) -> bool:
    """ "Russian" / "Russians", "Georgia" / "Georgian": one word plus an ending, not a typo."""
    short, long_ = sorted((norm(a), norm(b)), key=len)
    return long_.startswith(short) and long_[len(short):] in ("s", "n", "an", "'s")


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one inserted, deleted or replaced letter (not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]
