"""Roles: titles and descriptions the text ties to a person's mention.

Three surface patterns, which work with the tagger and degrade gracefully on a blank Doc:

* a title before the name: "Primorye region governor Oleg Kozhemyako", "President Vladimir Putin";
* an appositive after it: "Dmitry Peskov, Putin's spokesman, said";
* an appositive before it: "The Kremlin spokesman, Dmitri S. Peskov, said".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.names import ADDRESS_FORMS, fold

# Nouns that name a function or description of a person (the heads of roles).
ROLE_GROUPS: dict[str, tuple[str, ...]] = {
    "leader": (
        "president",
        "leader",
        "dictator",
        "autocrat",
        "despot",
        "tyrant",
        "strongman",
        "ruler",
        "premier",
        "chancellor",
        "king",
        "queen",
        "monarch",
        "emperor",
        "head of state",
        "prime minister",
        "supremo",
    ),
    "spokesperson": (
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "press secretary",
        "mouthpiece",
        "representative",
    ),
    "expert": (
        "expert",
        "analyst",
        "commentator",
        "observer",
        "specialist",
        "scholar",
        "researcher",
        "academic",
        "professor",
        "fellow",
        "strategist",
        "economist",
        "historian",
        "scientist",
    ),
    "minister": ("minister", "secretary", "commissioner"),
    "officer": ("officer", "official", "agent", "spy", "operative", "sheriff"),
    "military": (
        "general",
        "commander",
        "colonel",
        "admiral",
        "marshal",
        "chief of staff",
        "captain",
        "lieutenant",
        "major",
        "sergeant",
        "soldier",
        "veteran",
    ),
    "diplomat": ("ambassador", "envoy", "diplomat", "emissary", "negotiator", "counterpart"),
    "governor": (
        "governor",
        "mayor",
        "head",
        "chief",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "boss",
        "executive",
        "ceo",
        "founder",
        "manager",
    ),
    "journalist": (
        "journalist",
        "reporter",
        "correspondent",
        "editor",
        "presenter",
        "host",
        "anchor",
        "blogger",
        "columnist",
        "propagandist",
    ),
    "politician": (
        "politician",
        "lawmaker",
        "senator",
        "congressman",
        "congresswoman",
        "mp",
        "deputy",
        "legislator",
        "member",
        "statesman",
        "candidate",
        "nominee",
        "hopeful",
        "front-runner",
        "frontrunner",
        "opponent",
        "critic",
        "dissident",
        "activist",
        "adviser",
        "advisor",
        "aide",
    ),
    "judge": ("judge", "justice", "magistrate"),
    "lawyer": ("lawyer", "prosecutor", "attorney", "barrister", "solicitor", "counsel"),
}
ROLE_GROUP_OF: dict[str, str] = {w: g for g, ws in ROLE_GROUPS.items() for w in ws}
# Other nouns that describe a person but say little about the function.
PERSON_NOUNS = frozenset(
    """man woman person figure citizen resident national native ally friend rival patriarch
    pope cleric priest bishop businessman businesswoman tycoon oligarch billionaire""".split()
)
FEMALE_NOUNS = frozenset(
    "spokeswoman chairwoman congresswoman queen princess wife mother "
    "daughter sister actress businesswoman woman".split()
)
MALE_NOUNS = frozenset(
    "spokesman chairman congressman king prince husband father son brother "
    "actor businessman man".split()
)

_DETERMINERS = frozenset("the a an this that these those".split())
_STOP_LEFT = frozenset(
    """said says say told tells added and or but by with as at in on to from for of alongside
    than while when where who whom which that after before during against between about
    according according met meet meets meeting welcomed""".split()
)
_CLAUSE_START = frozenset("who whom which whose that where when and or but said says told".split())
_MAX_ROLE_TOKENS = 8


def is_role_head(word: str) -> bool:
    """A word (or two-word title) that can head a role or a description of a person."""
    w = fold(word).rstrip(".")
    return w in ROLE_GROUP_OF or w in PERSON_NOUNS


def roles_for(
    doc: Doc, start: int, end: int, person_tokens: frozenset[int]
) -> list[tuple[int, int]]:
    """Char spans of the roles tied to the person mention ``doc.text[start:end]``.

    ``person_tokens`` are the token indices covered by any person mention (a role never
    contains another person's name, except as a possessive: "Putin's spokesman").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    found = [
        _title_before(doc, span.start, person_tokens),
        _appositive_after(doc, span.end, person_tokens),
        _appositive_before(doc, span.start, span.end, person_tokens),
    ]
    return [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in found if b > a]


def _is_punct(tok: Token) -> bool:
    return tok.is_punct or not any(c.isalnum() for c in tok.text)


def _is_verbal(tok: Token) -> bool:
    if tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ", "NUM", "ADV"):
        return True
    return fold(tok.text) in _STOP_LEFT


def _titleish(tok: Token) -> bool:
    """The token right before a name can be a title: a common noun or a known title word."""
    if fold(tok.text) in ADDRESS_FORMS or fold(tok.text).rstrip(".") in ADDRESS_FORMS:
        return False
    return is_role_head(tok.text) and tok.pos_ not in ("VERB", "AUX")


def _title_before(doc: Doc, first: int, person_tokens: frozenset[int]) -> tuple[int, int]:
    i = first - 1
    while i >= 0 and fold(doc[i].text).rstrip(".") in ADDRESS_FORMS:
        i -= 1
    end = i + 1
    if i < 0 or not _titleish(doc[i]):
        return 0, 0
    while i - 1 >= 0 and not doc[i].is_sent_start and end - (i - 1) <= _MAX_ROLE_TOKENS:
        if not _extends_left(doc, i - 1, person_tokens):
            break
        i -= 1
    while i < end and (fold(doc[i].text) in _DETERMINERS or doc[i].text in ("'s", "’s")):
        i += 1
    return i, end


def _extends_left(doc: Doc, i: int, person_tokens: frozenset[int]) -> bool:
    tok = doc[i]
    if tok.text in ("'s", "’s"):
        return True
    if _is_punct(tok) or _is_verbal(tok) or fold(tok.text) in _DETERMINERS:
        return False
    if i in person_tokens:
        return i + 1 < len(doc) and (doc[i + 1].text in ("'s", "’s") or i + 1 in person_tokens)
    return True


def _appositive_after(doc: Doc, after: int, person_tokens: frozenset[int]) -> tuple[int, int]:
    if after >= len(doc) - 1 or doc[after].text != ",":
        return 0, 0
    i = after + 1
    if fold(doc[i].text) in _CLAUSE_START or doc[i].pos_ in ("VERB", "AUX", "PRON", "NUM"):
        return 0, 0
    j = i
    while j < len(doc) and j - i < _MAX_ROLE_TOKENS and not _ends_apposition(doc[j]):
        if j in person_tokens and not (j + 1 < len(doc) and doc[j + 1].text in ("'s", "’s")):
            if j + 1 in person_tokens:
                j += 1
                continue
            return 0, 0
        j += 1
    if j >= len(doc) or j == i or not _closes_apposition(doc[j]):
        return 0, 0
    return _trim_role(doc, i, j)


def _ends_apposition(tok: Token) -> bool:
    return (
        _is_punct(tok)
        or tok.is_sent_start
        or fold(tok.text) in _CLAUSE_START
        or tok.pos_ in ("VERB", "AUX")
    )


def _closes_apposition(tok: Token) -> bool:
    return tok.text in (",", ".", ";", ")", "–", "—") or fold(tok.text) in (
        "said",
        "says",
        "told",
        "added",
    )


def _appositive_before(
    doc: Doc, first: int, after: int, person_tokens: frozenset[int]
) -> tuple[int, int]:
    if first < 2 or doc[first - 1].text != ",":
        return 0, 0
    if after < len(doc) and not _closes_apposition(doc[after]):
        return 0, 0
    end = first - 1
    i = end
    while i - 1 >= 0 and end - (i - 1) <= _MAX_ROLE_TOKENS and not doc[i].is_sent_start:
        tok = doc[i - 1]
        if _is_punct(tok) or (tok.pos_ in ("VERB", "AUX") or fold(tok.text) in _CLAUSE_START):
            break
        if i - 1 in person_tokens and not (doc[i].text in ("'s", "’s") or i in person_tokens):
            return 0, 0
        i -= 1
    has_det = fold(doc[i].text) in _DETERMINERS or any(t.text in ("'s", "’s") for t in doc[i:end])
    if not has_det:
        return 0, 0
    return _trim_role(doc, i, end)


def _trim_role(doc: Doc, i: int, j: int) -> tuple[int, int]:
    while i < j and fold(doc[i].text) in _DETERMINERS:
        i += 1
    if i >= j or not any(_head_like(doc[k]) for k in range(i, j)):
        return 0, 0
    return i, j


def _head_like(tok: Token) -> bool:
    return is_role_head(tok.text)


_HEAD_STOPS = frozenset(
    """of who which that whose in at for since from with by to on about after during under over
    than against into between among like""".split()
)


def role_head(text: str) -> str | None:
    """The head noun of a role or description ("Russia's leader of 23 years" -> "leader").

    A title before a possessive belongs to the possessor, not to the head: "President Putin's
    courting of Kim" is headed by "courting", not by "president".
    """
    words = [fold(w).strip('.,;:"“”') for w in text.split()]
    words = [w for w in words if w.strip("'’")]
    cut = next((i for i, w in enumerate(words) if i and w in _HEAD_STOPS), len(words))
    words = words[:cut]
    owner = max((i for i, w in enumerate(words) if w.endswith(("'s", "'"))), default=-1)
    if 0 <= owner < len(words) - 1:
        words = words[owner + 1 :]
    words = [w.strip("'’") for w in words]
    for k in range(len(words) - 1, -1, -1):
        two = " ".join(words[k - 1 : k + 1]) if k else ""
        if two in ROLE_GROUP_OF:
            return two
        if words[k] in ROLE_GROUP_OF or words[k] in PERSON_NOUNS:
            return words[k]
    return words[-1] if words else None
