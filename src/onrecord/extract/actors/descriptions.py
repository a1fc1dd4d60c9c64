"""Descriptions that stand for an actor: "the Russian leader", "the French foreign ministry",
"Putin's spokesman"; an organisation's ("the company", "the site", "the article": the
organisation the sentence or the one before it names); an indefinite one ("A Kazakh expert")
names nobody."""

from __future__ import annotations

import bisect
import re

from onrecord.extract.actors.context import (
    Context,
    in_spans,
    mentions_between,
    sentence_bounds,
    sentence_of,
)
from onrecord.extract.actors.named import alias_actor, latest_of
from onrecord.extract.actors.roles import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    ROLE_GROUP_OF,
    is_role_head,
    role_head,
)
from onrecord.models import Actor
from onrecord.names import (
    fold,
    norm,
    state_of,
)

# Descriptions whose function excludes a person already known by another function.
EXCLUSIVE_GROUPS = frozenset(
    {"leader", "spokesperson", "minister", "governor", "diplomat", "judge"}
)
_DETERMINERS = ("the ", "a ", "an ", "this ", "that ")
_SALIENCE_SENTENCES = 6


# "A Kazakh expert", "one of Putin's aides", "another official": a person the text leaves unnamed.
INDEFINITE = re.compile(r"^(?:a|an|one|another|some)\s", re.I)


def description_actor(ctx: Context, text: str, start: int, end: int) -> str | None:
    if INDEFINITE.match(text):
        return None  # introduces someone new: not knowable, whoever was named before
    desc = _strip_determiner(text)
    head = role_head(desc)
    if head is None or not is_role_head(head) or _plural(desc, head):
        return None  # not a person ("the ministry"), or a group ("US officials", "experts")
    owner = _possessor(ctx, desc, start)
    exact = [a.key for a in ctx.actors if any(norm(r.text) == norm(desc) for r in a.roles)]
    exact = [k for k in exact if k != owner]
    if exact:
        return latest_of(ctx, exact, start) or exact[0]
    nat = _description_state(desc)
    skip = {owner} | _other_gender(ctx, desc) | _named_after(ctx, start, end)
    forward = desc == text.strip()  # no determiner: headline style ("..., says US expert")
    return _by_role(ctx, desc, head, nat, start, end, skip, forward) or _salient(
        ctx, desc, head, nat, start, skip
    )


def _named_after(ctx: Context, start: int, end: int) -> set[str | None]:
    """People the rest of the sentence names ("The US officer says President Putin's courting"):
    someone talked about by name is not the one described, unless named in apposition right
    after the description ("The Russian president, Vladimir Putin")."""
    _, hi = sentence_bounds(ctx, sentence_of(ctx, start))
    return {
        m.actor
        for m in mentions_between(ctx, end, hi)
        if ctx.by_key[m.actor].type == "PERSON"
        and not re.fullmatch(r"[\s,(]*", ctx.text[end : m.start])
    }


# Nouns for an organisation, or for what a medium publishes, that stand for the one organisation
# named just before: "Yahoo was hacked, and the company said", "an article in The Daily Caller … The article said".
ORGANISATION_NOUNS = frozenset(
    "company firm site website newspaper paper publication magazine network channel outlet article story".split()
)


def organisation_actor(ctx: Context, text: str, start: int) -> str | None:
    """The organisation a definite description of one stands for ("the company" → Yahoo): the
    one named, outside quotation marks, in the description's sentence or the one before; None
    when none is or several are (unknown beats wrong)."""
    words = text.strip().split()
    if not 2 <= len(words) <= 3 or fold(words[0]) != "the" or fold(words[-1]) not in ORGANISATION_NOUNS:
        return None
    if any(w[:1].isupper() for w in words[1:]):
        return None  # a name ("the Washington Post"), not a description
    lo = sentence_bounds(ctx, max(0, sentence_of(ctx, start) - 1))[0]
    named = [m for m in mentions_between(ctx, lo, start)
             if not m.quoted and m.end <= start and ctx.by_key[m.actor].type == "ORG"]
    return named[0].actor if len({m.actor for m in named}) == 1 else None


# Bodies of a state's government: "the French foreign ministry" speaks for France.
STATE_BODY_HEADS = frozenset(
    "ministry government administration cabinet embassy consulate presidency authorities".split()
)


def state_body_actor(ctx: Context, text: str) -> str | None:
    """A state's government body named by its nationality ("the French foreign ministry",
    "Russia's defence ministry") -> the state's actor, when the article has one."""
    if INDEFINITE.match(text):
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


def _other_gender(ctx: Context, desc: str) -> set[str | None]:
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


def _possessor(ctx: Context, desc: str, start: int) -> str | None:
    m = re.match(r"^(.+?)['’]s\s", desc)
    return alias_actor(ctx, m.group(1), start) if m else None


def _description_state(desc: str) -> str | None:
    words = [w.strip(",.;:") for w in desc.split()]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            state = state_of(" ".join(words[i : i + n]))
            if state:
                return state
    return None


def _actor_state(ctx: Context, actor: Actor) -> str | None:
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


def _place_state(ctx: Context, name: str) -> str | None:
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


def _compatible_state(ctx: Context, actor: Actor, nat: str | None) -> bool:
    if nat is None:
        return True
    own = _actor_state(ctx, actor)
    return own is None or own == nat


def _by_role(
    ctx: Context,
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
    forward = forward or in_spans(ctx.headings, start)
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
    ctx: Context, desc: str, head: str, nat: str | None, start: int, skip: set[str | None]
) -> str | None:
    """The most salient person of the last few sentences that the description can fit; a
    heading (a live-blog entry) closes the window, as for pronouns."""
    si = sentence_of(ctx, start)
    lo = max(ctx.sent_starts[max(0, si - _SALIENCE_SENTENCES)], _heading_end_before(ctx, start))
    group = ROLE_GROUP_OF.get(head)
    scores: dict[str, float] = {}
    for m in mentions_between(ctx, lo, start):
        actor = ctx.by_key[m.actor]
        if actor.type != "PERSON" or m.quoted or m.actor in skip:
            continue
        distance = si - sentence_of(ctx, m.start)
        scores[m.actor] = scores.get(m.actor, 0.0) + (2.0 if m.subject else 1.0) / (1 + distance)
    fits = [
        (score, key)
        for key, score in scores.items()
        if _compatible_state(ctx, ctx.by_key[key], nat)
        and _role_allows(ctx.by_key[key], group, _specific_modifiers(desc, head))
    ]
    return max(fits)[1] if fits else None


def _heading_end_before(ctx: Context, pos: int) -> int:
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
