"""Resolving a speaker or claimant span to an actor key: names, pronouns, titles, descriptions.

Unknown beats wrong: every path returns ``None`` rather than guess when the text does not tie
the span to one actor. The per-document context (sentences, mentions, subjects) is built once
and cached for the few documents most recently asked about, so calls per quote stay cheap.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from onrecord.extract.actors.roles import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    ROLE_GROUP_OF,
    is_role_head,
    role_head,
)
from onrecord.models import Actor
from onrecord.names import (
    FEMALE_ADDRESS,
    HONORIFICS,
    MALE_ADDRESS,
    fold,
    given_name_gender,
    name_parts,
    norm,
    state_of,
)
from onrecord.nlp.pipeline import text_of

log = logging.getLogger(__name__)

PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
    "they": "group",
    "them": "group",
    "their": "group",
    "it": "group",
    "its": "group",
}
GROUP_TYPES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
SPEECH_VERBS = frozenset(
    """said says say added adds told tells claimed claims warned warns insisted insists argued
    argues stated states explained explains noted notes declared declares wrote writes
    announced announces asserted asserts replied replies""".split()
)
# Descriptions whose function excludes a person already known by another function.
EXCLUSIVE_GROUPS = frozenset(
    {"leader", "spokesperson", "minister", "governor", "diplomat", "judge"}
)
_DETERMINERS = ("the ", "a ", "an ", "this ", "that ")
_LOOKBACK_SENTENCES = 3
_SALIENCE_SENTENCES = 6
_CACHE_SIZE = 8


@dataclass(frozen=True, slots=True)
class _M:
    """A mention in the resolution context."""

    start: int
    end: int
    actor: str
    subject: bool
    quoted: bool  # inside quotation marks, or in a heading: never an antecedent


@dataclass(slots=True)
class _Context:
    doc: Doc
    text: str
    parsed: bool
    actors: Sequence[Actor]
    by_key: dict[str, Actor]
    sent_starts: list[int]
    mentions: list[_M]
    pronoun_subjects: list[tuple[int, int, str]]  # (start, end, gender) of subject pronouns
    # (start, end) of subjects that describe one person without naming them ("A Kazakh expert")
    described_subjects: list[tuple[int, int]]
    starts: list[int] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)
    nationality: dict[str, str | None] = field(default_factory=dict)


_cache: list[_Context] = []


def resolve(actors: Sequence[Actor], doc: Doc, start: int, end: int) -> str | None:
    """The key of the actor that ``doc.text[start:end]`` names, or ``None`` when not knowable."""
    if not actors:
        return None
    ctx = _context(actors, doc)
    text = ctx.text[start:end].strip()
    if not text:
        return None
    kind = PRONOUNS.get(fold(text))
    if kind is not None:
        return _pronoun(ctx, start, kind, depth=0) or None
    return (
        _named(ctx, start, end)
        or _alias(ctx, text, start)
        or _description(ctx, text, start, end)
        or _state_body(ctx, text)
    )


def is_unnamed(actors: Sequence[Actor], doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc.text[start:end]`` stands for a person the text leaves unnamed: an indefinite
    description ("A Kazakh expert in Astana") or a he/she whose antecedent is one. ``resolve``
    gives None for these; a caller's fallback (the last person quoted) must not override it."""
    if not actors:
        return False
    ctx = _context(actors, doc)
    text = ctx.text[start:end].strip()
    kind = PRONOUNS.get(fold(text))
    if kind in ("m", "f"):
        return _pronoun(ctx, start, kind, depth=0) == _UNKNOWN
    return bool(text) and bool(_INDEFINITE.match(text)) and resolve(actors, doc, start, end) is None


def _context(actors: Sequence[Actor], doc: Doc) -> _Context:
    for ctx in _cache:
        if ctx.doc is doc and ctx.actors is actors:
            return ctx
    ctx = _build_context(actors, doc)
    _cache.insert(0, ctx)
    del _cache[_CACHE_SIZE:]
    return ctx


def _build_context(actors: Sequence[Actor], doc: Doc) -> _Context:
    parsed = doc.has_annotation("DEP")
    text = text_of(doc)  # built from the tokens on every access: read once
    headings = _headings(text)
    # A heading is a sentence of its own, whatever the parser made of it.
    cuts = [p for s, e in headings for p in (s, e + 1) if p < len(text)]
    sent_starts = sorted(set(_sentence_starts(doc) + cuts))
    mentions = sorted(
        (
            _M(
                m.start,
                m.end,
                a.key,
                _is_subject(doc, m.start, m.end, parsed),
                _quoted(text, m.start) or _in(headings, m.start),
            )
            for a in actors
            for m in a.mentions
        ),
        key=lambda m: m.start,
    )
    pron = []
    for tok in doc:
        g = PRONOUNS.get(tok.lower_)
        if (
            g
            and tok.lower_ in ("he", "she", "they", "it")
            and _is_subject(doc, tok.idx, tok.idx + len(tok), parsed)
        ):
            pron.append((tok.idx, tok.idx + len(tok), g))
    ctx = _Context(
        doc,
        text,
        parsed,
        actors,
        {a.key: a for a in actors},
        sent_starts,
        mentions,
        pron,
        _described_subjects(doc) if parsed else [],
        [m.start for m in mentions],
        headings,
    )
    for a in actors:
        ctx.gender[a.key] = _gender(text, a)
    return ctx


def _described_subjects(doc: Doc) -> list[tuple[int, int]]:
    """Subjects that are a singular description of a person ("A Kazakh expert in Astana told",
    "The Russian leader said", "one of Putin's aides told"), as (start, end) of the noun phrase
    up to its head."""
    out = []
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.pos_ == "NOUN" and tok.tag_ != "NNS" and is_role_head(tok.text):
            out.append((tok.left_edge.idx, tok.idx + len(tok)))
        elif tok.lower_ == "one" and any(
            c.lower_ == "of" and any(is_role_head(g.text) for g in c.subtree) for c in tok.children
        ):
            last = tok.right_edge
            out.append((tok.left_edge.idx, last.idx + len(last)))
    return out


def _headings(text: str) -> list[tuple[int, int]]:
    """Lines that read as headings or datelines: short, without closing punctuation."""
    out, pos = [], 0
    for line in text.split("\n"):
        bare = line.strip()
        if bare and len(bare.split()) <= 16 and bare[-1] not in '.!?:”"’)':
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, len(spans) + 10**12)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _sentence_starts(doc: Doc) -> list[int]:
    if doc.has_annotation("SENT_START"):
        return [s.start_char for s in doc.sents]
    starts, new = [0], False
    for tok in doc:
        if new and not tok.is_space:
            starts.append(tok.idx)
            new = False
        if tok.text in (".", "!", "?") or "\n" in tok.text:
            new = True
    return starts


def _is_subject(doc: Doc, start: int, end: int, parsed: bool) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if parsed:
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass"):
            return True
        if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
            return True
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if nxt is not None and (
        nxt.lower_ in SPEECH_VERBS or nxt.lower_ in ("has", "had", "was", "is", "will")
    ):
        return True
    return prev is not None and prev.lower_ in SPEECH_VERBS


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside quotation marks opened in the same paragraph."""
    para = text[text.rfind("\n", 0, pos) + 1 : pos]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1


def _gender(text: str, actor: Actor) -> str:
    if actor.type != "PERSON":
        return ""
    for m in actor.mentions:
        hit = re.search(r"\b([A-Z][a-z]{1,5})\.?\s+$", text[max(0, m.start - 8) : m.start])
        word = fold(hit.group(1)) if hit else ""
        if word in MALE_ADDRESS:
            return "m"
        if word in FEMALE_ADDRESS:
            return "f"
    words = {fold(w) for r in actor.roles for w in r.text.split()}
    if words & FEMALE_NOUNS:
        return "f"
    if words & MALE_NOUNS:
        return "m"
    return given_name_gender(actor.name.split()[0]) if " " in actor.name else ""


def _sentence_of(ctx: _Context, pos: int) -> int:
    return max(0, bisect.bisect_right(ctx.sent_starts, pos) - 1)


def _sentence_bounds(ctx: _Context, i: int) -> tuple[int, int]:
    end = ctx.sent_starts[i + 1] if i + 1 < len(ctx.sent_starts) else len(ctx.text)
    return ctx.sent_starts[i], end


def _mentions_between(ctx: _Context, lo: int, hi: int) -> list[_M]:
    i = bisect.bisect_left(ctx.starts, lo)
    out = []
    while i < len(ctx.mentions) and ctx.mentions[i].start < hi:
        out.append(ctx.mentions[i])
        i += 1
    return out


def _fits(ctx: _Context, key: str, kind: str) -> bool:
    actor = ctx.by_key[key]
    if kind == "group":
        return actor.type in GROUP_TYPES
    return actor.type == "PERSON" and ctx.gender.get(key, "") in ("", kind)


# --- pronouns ---------------------------------------------------------------------------------


# A pronoun whose antecedent is a person the text does not name: stop looking, it is unknown.
_UNKNOWN = ""


def _pronoun(ctx: _Context, start: int, kind: str, depth: int) -> str | None:
    """The actor a pronoun stands for; ``_UNKNOWN`` when it stands for a person left unnamed."""
    si = _sentence_of(ctx, start)
    lo, _ = _sentence_bounds(ctx, si)
    current = [m for m in _mentions_between(ctx, lo, start) if not m.quoted]
    if kind == "group":
        return _group_pronoun(ctx, si, current)
    found = [m for m in current if m.subject and _fits(ctx, m.actor, kind)]
    described = [d for d in _described_between(ctx, lo, start) if _described_fits(ctx, d, kind)]
    if described and (not found or described[-1][0] > found[-1].start):
        hit = _described_actor(ctx, described[-1], kind)
        if hit is not None:
            return hit
    if found:
        return found[-1].actor
    nearest = next((m.actor for m in reversed(current) if _fits(ctx, m.actor, kind)), None)
    if nearest is not None:
        return nearest
    budget, back = _LOOKBACK_SENTENCES, 0
    while budget > 0 and back < 4 * _LOOKBACK_SENTENCES:
        back += 1
        if si - back < 0 or _in(ctx.headings, ctx.sent_starts[si - back]):
            break
        if _all_quoted(ctx, si - back):
            continue  # a quotation running over several sentences does not use up the look-back
        budget -= 1
        hit = _subject_in(ctx, si - back, kind, depth)
        if hit is not None:
            return hit
        if nearest is None:
            s_lo, s_hi = _sentence_bounds(ctx, si - back)
            nearest = next(
                (
                    m.actor
                    for m in reversed(_mentions_between(ctx, s_lo, s_hi))
                    if not m.quoted and _fits(ctx, m.actor, kind)
                ),
                None,
            )
    return nearest


def _all_quoted(ctx: _Context, si: int) -> bool:
    lo, hi = _sentence_bounds(ctx, si)
    body = ctx.text[lo:hi].rstrip()
    if len(body) < 3:
        return False
    return _quoted(ctx.text, lo + 1) and _quoted(ctx.text, lo + len(body) - 2)


def _subject_in(ctx: _Context, si: int, kind: str, depth: int) -> str | None:
    """The first subject of sentence ``si`` that fits: a mention, a pronoun resolved in turn, or a
    description of a person (``_UNKNOWN`` when it names nobody: "A Kazakh expert told ...")."""
    lo, hi = _sentence_bounds(ctx, si)
    cands: list[tuple[int, str | None, tuple[int, int] | None]] = [
        (m.start, m.actor, None)
        for m in _mentions_between(ctx, lo, hi)
        if m.subject and not m.quoted and _fits(ctx, m.actor, kind)
    ]
    for d in _described_between(ctx, lo, hi):
        if _described_fits(ctx, d, kind):
            cands.append((d[0], None, d))
    if depth < 3:
        for s, _e, g in ctx.pronoun_subjects:
            if lo <= s < hi and g == kind and not _quoted(ctx.text, s):
                cands.append((s, None, None))
    for s, actor, described in sorted(cands, key=lambda c: c[0]):
        if described is not None:
            actor = _described_actor(ctx, described, kind)
        elif actor is None:
            actor = _pronoun(ctx, s, kind, depth + 1)
        if actor is not None:
            return actor
    return None


def _described_between(ctx: _Context, lo: int, hi: int) -> list[tuple[int, int]]:
    return [
        d
        for d in ctx.described_subjects
        if lo <= d[0] < hi and not _quoted(ctx.text, d[0]) and not _mention_at(ctx, d)
    ]


def _mention_at(ctx: _Context, span: tuple[int, int]) -> bool:
    """The described subject ends with a name ("The Kremlin spokesman Dmitry Peskov")."""
    return any(m.end == span[1] for m in _mentions_between(ctx, span[0], span[1]))


def _described_fits(ctx: _Context, span: tuple[int, int], kind: str) -> bool:
    words = {fold(w) for w in ctx.text[span[0] : span[1]].split()}
    gender = "f" if words & FEMALE_NOUNS else "m" if words & MALE_NOUNS else ""
    return gender in ("", kind)


def _described_actor(ctx: _Context, span: tuple[int, int], kind: str) -> str | None:
    """The person a described subject is: an actor that fits, ``_UNKNOWN`` when the description
    names nobody the text knows, None when it resolves to someone the pronoun cannot be."""
    s, e = span
    text = ctx.text[s:e]
    key = _named(ctx, s, e) or _alias(ctx, text, s) or _description(ctx, text, s, e)
    if key is None:
        return _UNKNOWN
    return key if _fits(ctx, key, kind) else None


def _group_pronoun(ctx: _Context, si: int, current: list[_M]) -> str | None:
    """ "they"/"it": the latest subject in this or the previous sentence, if it is a group."""
    subjects = [m for m in current if m.subject]
    if not subjects and si > 0:
        lo, hi = _sentence_bounds(ctx, si - 1)
        subjects = [m for m in _mentions_between(ctx, lo, hi) if m.subject and not m.quoted]
    if not subjects:
        return None
    last = subjects[-1].actor
    return last if _fits(ctx, last, "group") else None


# --- names ------------------------------------------------------------------------------------


def _named(ctx: _Context, start: int, end: int) -> str | None:
    """A mention that ends the span ("Mr Putin") or a person's name opening it ("Peskov, his aide").

    A mention inside a description ("the Russian leader", "Putin's spokesman") is not the actor.
    """
    text = ctx.text
    inside = _mentions_between(ctx, max(0, start - 60), end)
    root = _root_start(ctx, start, end)
    for m in inside:
        if m.start <= end and abs(m.end - end) <= 2 and m.end > start:
            if _after_preposition(text[start : m.start]):
                continue  # "a spokesman for Putin" is not Putin
            if root is None or m.start <= root < m.end:  # "a visit to Pyongyang" is not Pyongyang
                return m.actor
    for m in inside:
        possessive = text[m.end : m.end + 2] in ("'s", "’s")
        opens = m.start == start or (start < m.start and _titles_only(text[start : m.start]))
        if opens and not possessive and ctx.by_key[m.actor].type == "PERSON":
            return m.actor
    return _organisation_modifier(ctx, inside, start, end, root)


def _titles_only(words: str) -> bool:
    """Whether the words before a name are only its titles ("Colonel General", "Patriarch")."""
    return all(fold(w).rstrip(".") in HONORIFICS or is_role_head(w) for w in words.split())


# "the KCNA news agency", "the Tass agency": an organisation named as the modifier of its own kind.
ORG_HEADS = frozenset(
    "agency network broadcaster channel newspaper paper outlet service ministry company firm group "
    "bank office committee council party union".split()
)


def _organisation_modifier(ctx: _Context, inside, start: int, end: int, root: int | None) -> str | None:
    if root is None:
        return None
    head = ctx.text[root:end].split()
    if not head or head[0].lower().strip(".,") not in ORG_HEADS:
        return None
    for m in inside:
        if start <= m.start and m.end <= root and ctx.by_key[m.actor].type == "ORG":
            return m.actor
    return None


def _root_start(ctx: _Context, start: int, end: int) -> int | None:
    """Char offset of the span's syntactic head, when the Doc is parsed."""
    if not ctx.parsed:
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root.idx if span is not None and len(span) else None


_PREPOSITIONS = frozenset("of for to by from at in with on about against".split())


def _after_preposition(before: str) -> bool:
    words = [fold(w) for w in before.split() if fold(w) not in ("the", "a", "an")]
    return bool(words) and words[-1] in _PREPOSITIONS


def _alias(ctx: _Context, text: str, start: int) -> str | None:
    """A name the span repeats, with honorifics dropped; the latest actor named so if several.

    Failing the whole span, a trailing name ("The head of MI6 Richard Moore" -> "Richard Moore"),
    unless a preposition ties it to the head ("a spokesman for Putin" is not Putin) or it is the
    end of a longer name ("courting of Kim Jong-un" does not name "Jong-un").
    """
    words = text.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in HONORIFICS | {"the"}:
        words = words[1:]
    found = _alias_key(ctx, norm(" ".join(words)), start)
    at = ctx.text.find(text, start)
    offsets = [at + m.start() for m in re.finditer(r"\S+", text)] if at >= 0 else []
    for n in range(min(4, len(words) - 1), 0, -1):
        if found:
            break
        tail = words[-n:]
        if offsets and _inside_mention(ctx, offsets[-n]):
            continue
        if all(w[:1].isupper() for w in tail) and not _after_preposition(" ".join(words[:-n])):
            found = _alias_key(ctx, norm(" ".join(tail)), start)
    return found


def _inside_mention(ctx: _Context, pos: int) -> bool:
    """Whether ``pos`` lies inside a mention that starts before it."""
    return any(m.start < pos < m.end for m in _mentions_between(ctx, max(0, pos - 80), pos))


def _alias_key(ctx: _Context, key: str, start: int) -> str | None:
    if not key:
        return None
    found = []
    for a in ctx.actors:
        names = {norm(n) for n in (a.name, *a.aliases)}
        parts = name_parts(a.name) if a.type == "PERSON" else []
        if key in names or (len(parts) >= 2 and key in (parts[0], parts[-1])):
            found.append(a.key)
    return _latest(ctx, found, start)


def _latest(ctx: _Context, keys: list[str], start: int) -> str | None:
    if len(keys) <= 1:
        return keys[0] if keys else None
    before = [m for m in ctx.mentions if m.actor in keys and m.start < start]
    return before[-1].actor if before else None


# --- descriptions -----------------------------------------------------------------------------


# "A Kazakh expert", "one of Putin's aides", "another official": a person the text leaves unnamed.
_INDEFINITE = re.compile(r"^(?:a|an|one|another|some)\s", re.I)


def _description(ctx: _Context, text: str, start: int, end: int) -> str | None:
    if _INDEFINITE.match(text):
        return None  # introduces someone new: not knowable, whoever was named before
    desc = _strip_determiner(text)
    head = role_head(desc)
    if head is None or not is_role_head(head) or _plural(desc, head):
        return None  # not a person ("the ministry"), or a group ("US officials", "experts")
    owner = _possessor(ctx, desc, start)
    exact = [a.key for a in ctx.actors if any(norm(r.text) == norm(desc) for r in a.roles)]
    exact = [k for k in exact if k != owner]
    if exact:
        return _latest(ctx, exact, start) or exact[0]
    nat = _description_state(desc)
    skip = {owner} | _other_gender(ctx, desc) | _named_after(ctx, start, end)
    forward = desc == text.strip()  # no determiner: headline style ("..., says US expert")
    return _by_role(ctx, desc, head, nat, start, end, skip, forward) or _salient(
        ctx, desc, head, nat, start, skip
    )


def _named_after(ctx: _Context, start: int, end: int) -> set[str | None]:
    """People the rest of the sentence names ("The US officer says President Putin's courting"):
    someone talked about by name is not the one described, unless named in apposition right
    after the description ("The Russian president, Vladimir Putin")."""
    _, hi = _sentence_bounds(ctx, _sentence_of(ctx, start))
    return {
        m.actor
        for m in _mentions_between(ctx, end, hi)
        if ctx.by_key[m.actor].type == "PERSON"
        and not re.fullmatch(r"[\s,(]*", ctx.text[end : m.start])
    }


# Bodies of a state's government: "the French foreign ministry" speaks for France.
STATE_BODY_HEADS = frozenset(
    "ministry government administration cabinet embassy consulate presidency authorities".split()
)


def _state_body(ctx: _Context, text: str) -> str | None:
    """A state's government body named by its nationality ("the French foreign ministry",
    "Russia's defence ministry") -> the state's actor, when the article has one."""
    if _INDEFINITE.match(text):
        return None
    desc = _strip_determiner(text)
    head = role_head(desc)
    if head not in STATE_BODY_HEADS:
        return None
    state = _description_state(desc)
    keys = [
        a.key
        for a in ctx.actors
        if state and a.name == state and a.type in ("GPE", "ORG") and a.refers_to is None
    ]
    return keys[0] if len(keys) == 1 else None


def _other_gender(ctx: _Context, desc: str) -> set[str | None]:
    """People a gendered description ("the businessman", "the spokeswoman") cannot be."""
    words = {fold(w) for w in desc.split()}
    gender = "f" if words & FEMALE_NOUNS else "m" if words & MALE_NOUNS else ""
    return {k for k, g in ctx.gender.items() if gender and g and g != gender}


def _plural(desc: str, head: str) -> bool:
    words = [fold(w) for w in desc.split()]
    return any(w in (head + "s", head + "es", "men", "women", "people") for w in words)


def _strip_determiner(text: str) -> str:
    low = text.lower()
    for d in _DETERMINERS:
        if low.startswith(d):
            return text[len(d) :].strip()
    return text.strip()


def _possessor(ctx: _Context, desc: str, start: int) -> str | None:
    m = re.match(r"^(.+?)['’]s\s", desc)
    return _alias(ctx, m.group(1), start) if m else None


def _description_state(desc: str) -> str | None:
    words = [w.strip(",.;:") for w in desc.split()]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            state = state_of(" ".join(words[i : i + n]))
            if state:
                return state
    return None


def _actor_state(ctx: _Context, actor: Actor) -> str | None:
    if actor.key in ctx.nationality:
        return ctx.nationality[actor.key]
    state = None
    for r in actor.roles:
        owner = re.match(r"^(.+?)['’]s\s", r.text)  # "India's prime minister"
        state = state or _description_state(r.text) or (owner and _place_state(ctx, owner[1]))
    text = ctx.text
    for m in actor.mentions:
        if state:
            break
        after = re.match(
            r"\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", text[m.end : m.end + 40]
        )
        before = re.search(
            r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)['’]s\s+$", text[max(0, m.start - 40) : m.start]
        )
        state = (
            (after and _place_state(ctx, after.group(1)))
            or (before and _place_state(ctx, before.group(1)))
            or None
        )
    ctx.nationality[actor.key] = state
    return state


def _place_state(ctx: _Context, name: str) -> str | None:
    """The state a place name stands for: a known state or metonym, else a place the article's
    NER calls a GPE ("India", outside the lexicon), by its canonical name."""
    state = state_of(name)
    if state:
        return state
    key = norm(name)
    for a in ctx.actors:
        if a.type == "GPE" and key in {norm(n) for n in (a.name, *a.aliases)}:
            target = ctx.by_key.get(a.refers_to) if a.refers_to else None
            return target.name if target else a.name
    return None


def _compatible_state(ctx: _Context, actor: Actor, nat: str | None) -> bool:
    if nat is None:
        return True
    own = _actor_state(ctx, actor)
    return own is None or own == nat


def _by_role(
    ctx: _Context,
    desc: str,
    head: str,
    nat: str | None,
    start: int,
    end: int,
    skip: set[str | None],
    forward: bool = False,
) -> str | None:
    """The person holding a role with the same head (or one of its kind), best modifier overlap.

    A definite description ("the Russian expert") points back: the person must be named before
    its end. One without a determiner in a headline ("..., says Russian expert") may point forward.
    """
    group = ROLE_GROUP_OF.get(head)
    words = {fold(w) for w in desc.split()} - {head}
    specific = _specific_modifiers(desc, head)
    forward = forward or _in(ctx.headings, start)
    best: tuple[float, int, str] | None = None
    for a in ctx.actors:
        if a.type != "PERSON" or a.key in skip or not _compatible_state(ctx, a, nat):
            continue
        for r in a.roles:
            rh = role_head(r.text)
            if rh != head and (group is None or ROLE_GROUP_OF.get(rh or "") != group):
                continue
            if rh != head and not specific <= {fold(w) for w in r.text.split()}:
                continue  # "the band leader" is not the president
            score = (2.0 if rh == head else 1.0) + len(
                words & {fold(w) for w in r.text.split()}
            ) * 0.5
            last = max((m.start for m in a.mentions if m.start < start), default=-1)
            if not forward and not any(m.start < end for m in a.mentions):
                continue  # named only later
            if best is None or (score, last) > best[:2]:
                best = (score, last, a.key)
    return best[2] if best else None


GENERIC_MODIFIERS = frozenset(
    """former top senior junior current new then longtime veteran chief deputy acting outgoing
    incoming late elderly young old main leading prominent powerful influential controversial
    embattled beleaguered country's nation's state's city's""".split()
)


def _specific_modifiers(desc: str, head: str) -> set[str]:
    """Lower-case words before the head that narrow it ("band" leader, "party" leader)."""
    words = [w.strip(",.;:") for w in desc.split()]
    out = set()
    for w in words:
        f = fold(w)
        if f == head or f.startswith(head.split()[0]):
            break
        if w[:1].islower() and f not in GENERIC_MODIFIERS and not state_of(w):
            out.add(f)
    return out


def _salient(
    ctx: _Context, desc: str, head: str, nat: str | None, start: int, skip: set[str | None]
) -> str | None:
    """The most salient person of the last few sentences that the description can fit; a
    heading (a live-blog entry) closes the window, as for pronouns."""
    si = _sentence_of(ctx, start)
    lo = max(ctx.sent_starts[max(0, si - _SALIENCE_SENTENCES)], _heading_end_before(ctx, start))
    group = ROLE_GROUP_OF.get(head)
    scores: dict[str, float] = {}
    for m in _mentions_between(ctx, lo, start):
        actor = ctx.by_key[m.actor]
        if actor.type != "PERSON" or m.quoted or m.actor in skip:
            continue
        distance = si - _sentence_of(ctx, m.start)
        scores[m.actor] = scores.get(m.actor, 0.0) + (2.0 if m.subject else 1.0) / (1 + distance)
    fits = [
        (score, key)
        for key, score in scores.items()
        if _compatible_state(ctx, ctx.by_key[key], nat)
        and _role_allows(ctx.by_key[key], group, _specific_modifiers(desc, head))
    ]
    return max(fits)[1] if fits else None


def _heading_end_before(ctx: _Context, pos: int) -> int:
    """End of the last heading that ends at or before ``pos`` (0 when none)."""
    i = bisect.bisect_right(ctx.headings, (pos, pos)) - 1
    while i >= 0 and ctx.headings[i][1] > pos:
        i -= 1
    return ctx.headings[i][1] if i >= 0 else 0


def _role_allows(actor: Actor, group: str | None, specific: set[str]) -> bool:
    """An exclusive function ("the leader", "the spokesman", "the governor") needs a role of its
    kind on the person, with the description's narrowing words; other descriptions fit anyone."""
    if group not in EXCLUSIVE_GROUPS:
        return True
    for r in actor.roles:
        if ROLE_GROUP_OF.get(role_head(r.text) or "") == group:
            if specific <= {fold(w) for w in r.text.split()}:
                return True
    return False
