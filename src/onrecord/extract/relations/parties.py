"""Parties the actor resolver leaves open or places wrongly, read for a relation's two sides.

* a description of a person ("the Russian leader", "the Republican presidential candidate", "the
  U.S. leader"): the person named before it whose titles and state fit it, the nearest first;
* a demonym the state lexicon lacks ("Venezuelan officials", "the Iranians"): the article's
  state whose name it shares ("Venezuela", "Iran");
* "it" / "they" standing for a state or body: the subject of the clause above ("The American
  headquarters ... indicating it was withdrawing"), else the state or body named last before it;
* "the country", "the nation", "the regime": the state named last before it.

The plural parties of a symmetric cue ("their meeting", "the two leaders") are in :mod:`.plurals`.

Each looks only at the actors' mentions and the tokens around one party: no per-token work.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from onrecord.extract.actors.roles import ROLE_GROUP_OF, is_role_head, role_head
from onrecord.extract.relations.anaphora import held_as
from onrecord.extract.relations.countries import is_country
from onrecord.models import Actor
from onrecord.names import ATTRIBUTE_TYPE, fold, norm, state_of

_DEFINITE = frozenset({"the", "this", "that"})
_CONTENDERS = frozenset({"nominee", "frontrunner", "challenger", "incumbent", "contender", "sheriff", "speaker", "mogul", "comedian", "actress", "actor"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dame", "lord", "lady"})
# Titles one person holds at a time: "the president" is someone the article calls a president.
_EXCLUSIVE = frozenset({"leader", "spokesperson", "minister", "governor", "diplomat", "judge"})
_WINDOW = 20  # sentences a description looks back
_NAMED = frozenset({"NORP", "GPE", "ORG", "PERSON"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_STATE_PRONOUNS = frozenset({"it", "its"}) | PLURAL_PRONOUNS
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "conj", "acl", "relcl"})


def gpe_key(actors: Sequence[Actor], state: str | None) -> str | None:
    """The key of the article's actor for a state, by its canonical name."""
    if state is None:
        return None
    return next((a.key for a in actors if a.type == "GPE" and a.refers_to is None and norm(a.name) == norm(state)),
                None)


def demonym_state(word: str, actors: Sequence[Actor]) -> str | None:
    """The state a demonym points to: the lexicon's, else the article's one-word state whose name
    it shares ("Venezuelan", "Iranians", "Mexican", "Afghan": Venezuela, Iran, Mexico, Afghanistan)."""
    state = state_of(word)
    if state is not None or not word[:1].isupper():
        return state
    w = norm(word)
    for a in actors:
        if a.type != "GPE" or a.refers_to is not None:
            continue
        n = norm(a.name)
        if " " in n or n == w or len(n) < 4:
            continue
        common = next((i for i, (x, y) in enumerate(zip(w, n, strict=False)) if x != y), min(len(w), len(n)))
        if common >= max(4, min(len(w), len(n)) - 2):
            return a.name
    return None


def phrase_state(words: Sequence[str], actors: Sequence[Actor]) -> str | None:
    """The state two adjacent words or one word name ("North Korean", "U.S.", "Russia's")."""
    words = [w.removesuffix("'s").removesuffix("’s").strip(",.;:") for w in words]
    for i in range(len(words) - 1):
        state = state_of(f"{words[i]} {words[i + 1]}")
        if state:
            return state
    for w in words:
        if w:
            state = state_of(w) or state_of(w.replace(".", "")) or demonym_state(w, actors)
            if state:
                return state
    return None


def as_state(actor: Actor, actors: Sequence[Actor]) -> str | None:
    """A people named by its demonym ("the Iranians") stands for its state's actor when the article
    names that state."""
    if actor.type not in ("NORP", ATTRIBUTE_TYPE):
        return None
    return gpe_key(actors, demonym_state(actor.name, actors) or demonym_state(actor.name.rstrip("s"), actors))


def described_person(doc: Doc, tok: Token, actors: Sequence[Actor], avoid: str | None = None) -> str | None:
    """The person a definite, singular description stands for ("the Russian leader", "the
    Republican presidential candidate"): among the people named in the last sentences before it,
    not ``avoid`` (the relation's other side) nor anyone the rest of its sentence names, the one
    whose state fits the description's (a person tied to another state never does) and whose titles
    share its head, the nearest first."""
    if not is_description(tok):
        return None
    modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i]
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    words = [t.text for m in modifiers for t in m.subtree]
    words += [t.text for t in of.subtree][1:] if of is not None else []
    nat = phrase_state(words, actors)
    narrowing = {fold(c.text) for c in modifiers if c.dep_ == "compound" and c.pos_ == "NOUN"}
    head = tok.lemma_.lower()
    group = None if head == "counterpart" else ROLE_GROUP_OF.get(head)  # a counterpart holds any office
    sents = sentence_index(doc, tok)
    later = {a.key for a in actors for m in a.mentions if tok.idx < m.start < tok.sent.end_char}
    best: tuple[float, int, str] | None = None
    for a in actors:
        if a.type != "PERSON" or a.key in (avoid, *later):
            continue
        before = [m for m in a.mentions if m.start < tok.idx and sents(m.start) >= sents(tok.idx) - _WINDOW]
        if not before or byline(doc, a):
            continue
        states, titles, known = ties(doc, a, actors)
        if not narrowing <= known:
            continue  # "the inspector general" is someone the article calls an inspector
        if nat is not None and nat not in states:
            continue  # "the Russian leader" is someone the article ties to Russia (else: the state itself)
        score = 3.0 if nat is not None and nat in states else (-1.0 if nat is None and states else 0.0)
        if head in titles:
            score += 2.0
        elif group is not None and any(ROLE_GROUP_OF.get(t) == group for t in titles):
            score += 1.0
        elif group in _EXCLUSIVE and (titles or len(a.mentions) < 3):
            continue  # "the president" is someone called a president (no vice president), or a main person
        elif group in _EXCLUSIVE:
            score -= 1.0
        last = max(m.start for m in before)
        score += min(1.0, 0.2 * len(before)) - 0.1 * (sents(tok.idx) - sents(last))
        if best is None or (score, last) > best[:2]:
            best = (score, last, a.key)
    return best[2] if best is not None else None


def plural_noun(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or (tok.lower_ != tok.lemma_.lower() and tok.lower_.endswith("s"))


def byline(doc: Doc, actor: Actor) -> bool:
    """Every mention of the person sits in a line of a few words (a byline, a credit)."""
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span.sent) > len(span) + 3:
            return False
    return True


def is_description(tok: Token) -> bool:
    """A definite, singular description of a person ("the Russian leader"), not named beside it."""
    lemma = tok.lemma_.lower()
    if lemma == "counterpart" and tok.pos_ == "NOUN" and not plural_noun(tok) and any(
            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in tok.children):
        return not any(c.dep_ == "appos" for c in tok.children)  # "his Israeli counterpart": Israel's leader
    if tok.pos_ != "NOUN" or plural_noun(tok) or not (is_role_head(lemma) or lemma in _CONTENDERS):
        return False
    if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and (c.dep_ == "appos" or c.ent_type_ == "PERSON")
           for c in tok.children):
        return False  # "his counterpart Vladimir Putin", "the Trump campaign": named
    if any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
        return True
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)  # "North Korea's dictator"
    return owner is not None and owner.ent_type_ == "GPE"


def home_states(doc: Doc, actor: Actor, actors: Sequence[Actor]) -> set[str]:
    """The states a person's roles and the words just before its mentions name ("North Korean
    leader Kim Jong Un", "Kim Jong Un, the leader of North Korea"); not the clauses beside it
    ("Richardson, a governor who has negotiated with North Korea")."""
    if actor.type != "PERSON":
        return set()
    states = {phrase_state(r.text.split(), actors) for r in actor.roles}
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            states.add(phrase_state([t.text for t in span.root.subtree if t.i < span.start], actors))
    return {s for s in states if s}


def ties(doc: Doc, actor: Actor, actors: Sequence[Actor]) -> tuple[set[str], set[str], set[str]]:
    """The states and title heads the article ties to a person: its roles ("Russian President"),
    the words before its mentions ("Russian President Vladimir Putin") and its appositions."""
    memo = _cached(doc, actors)["ties"]
    if actor.key not in memo:
        memo[actor.key] = _readties(doc, actor, actors)
    return memo[actor.key]


def _readties(doc: Doc, actor: Actor, actors: Sequence[Actor]) -> tuple[set[str], set[str], set[str]]:
    states: set[str] = set()
    titles: set[str] = set()
    words = {fold(w) for r in actor.roles for w in r.text.split()}
    for r in actor.roles:
        state = phrase_state(r.text.split(), actors)
        states |= {state} if state else set()
        titles |= _titles(r.text.split())
    for m in actor.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        near = [t for t in root.subtree if t.i < span.start] + [t for c in root.children if c.dep_ == "appos"
                                                                 for t in c.subtree]
        state = phrase_state([t.text for t in near], actors)
        states |= {state} if state else set()
        titles |= _titles([t.text for t in near if t.i < span.start])
        titles |= {h for c in root.children if c.dep_ == "appos" for h in _titles([t.text for t in c.subtree])}
        roles = held_as(root)  # the role held "as": "calling on Schiff to resign as its chairman"
        titles |= {h for r in roles for h in _titles([r])}
        words |= {fold(t.text) for t in near} | set(roles)
    return states, titles, words


def _titles(words: list[str]) -> set[str]:
    """The title a mention's words give ("Russian President": president; "Vice President": vice
    president, no president)."""
    words = [w for w in words if w not in ("'s", "’s", "'", "’")]  # "Russia 's Vladimir Putin": no title "s"
    head = role_head(" ".join(words)) if words else None
    if head is None or len(head) < 3 or not head.replace(" ", "").isalpha() or state_of(head):
        return set()  # "Russia's Vladimir Putin": no title "s" nor "russia"
    folded = {fold(w).rstrip(".") for w in words}
    if head in _HONORIFICS:
        return set()
    return {f"vice {head}"} if folded & {"vice", "deputy"} else {head}


_CACHE: dict[str, object] = {"doc": None, "actors": None, "starts": [], "ties": {}}


def _cached(doc: Doc, actors: Sequence[Actor] | None = None) -> dict:
    """Per-document memo (sentence starts, each person's ties), dropped when another Doc or
    another actor list comes."""
    if _CACHE["doc"] is not doc or (actors is not None and _CACHE["actors"] is not actors):
        _CACHE.update(doc=doc, actors=actors, starts=[s.start_char for s in doc.sents], ties={})
    return _CACHE


def sentence_index(doc: Doc, tok: Token):
    starts = _cached(doc)["starts"]

    def index(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    return index


def subject_above(tok: Token, actors: Sequence[Actor], party, avoid: str | None = None) -> str | None:
    """The state or body an "it" / "they" subject stands for by the clause above it: the named
    subject of the nearest governing clause that has one ("The American headquarters ... wrote a
    letter indicating it was withdrawing": the headquarters' state)."""
    if tok.lower_ not in _STATE_PRONOUNS or tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    for _ in range(4):
        if verb.dep_ not in _CLAUSES or verb.head is verb:
            break
        verb = verb.head
        if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "nsubj", "pobj"):
            verb = verb.head  # "a letter indicating it ...": the letter's writer
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"), None)
        if subj is not None:
            key = party(subj)
            kind = next((a.type for a in actors if a.key == key), None)
            return key if key is not None and key != avoid and kind in ("GPE", "ORG") else None
    return None


def plural_before(doc: Doc, tok: Token) -> Token | None:
    """The nearest plural noun or conjoined pair before a plural pronoun, in its sentence or the
    one before."""
    start = tok.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for t in reversed(doc[start : tok.i]):
        plural = (t.tag_ == "NNS" or (t.tag_ == "NNPS" and t.ent_type_ == "NORP")  # not "the United Nations"
                  or (t.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "conj" for c in t.children)))
        if plural and (t.ent_type_ in _NAMED or any(c.dep_ in ("amod", "compound") and c.ent_type_ in _NAMED
                                                      for c in t.children)):
            return t  # "Hispanic voters", "the Iranians", "Trump and Putin"
    return None


def antecedent(doc: Doc, tok: Token, actors: Sequence[Actor], party, avoid: str | None = None) -> str | None:
    """The state or body "it" / "they" stands for: the named subject of a clause above it
    ("The American headquarters ... had written a letter indicating it was withdrawing"), else
    the state or body named last before it in its sentence or the one before. ``party`` resolves
    a token to an actor key (the caller's)."""
    if tok.lower_ not in _STATE_PRONOUNS or tok.pos_ != "PRON":
        return None
    if tok.lower_ == "it" and tok.dep_ not in ("nsubj", "nsubjpass"):
        return None  # "called it a heartbreaking day": a thing
    if tok.lower_ in PLURAL_PRONOUNS:
        group = plural_before(doc, tok)
        if group is not None:  # "Hispanic voters ... called on them": the voters, whoever they are
            key = party(group)
            return key if key != avoid else None
    key = subject_above(tok, actors, party, avoid)
    if key is not None:
        return key
    sents = sentence_index(doc, tok)
    here = sents(tok.idx)
    best: tuple[int, int, str] | None = None
    by_key = {a.key: a for a in actors}
    for a in actors:
        key = as_state(a, actors) or (a.refers_to if a.refers_to in by_key else a.key)
        if key == avoid or by_key[key].type not in ("GPE", "ORG"):
            continue
        if tok.lower_ in ("it", "its") and a.type == "NORP":
            continue
        rank = 1 if tok.lower_ in PLURAL_PRONOUNS and by_key[key].type == "GPE" else 0  # "they": a state first
        for m in a.mentions:
            if m.start < tok.idx and here - 1 <= sents(m.start) and (best is None or (rank, m.start) > best[:2]):
                best = (rank, m.start, key)
    return best[2] if best is not None else None


_STATE_ANAPHORS = frozenset({"country", "nation", "regime"})


def state_anaphor(doc: Doc, tok: Token, actors: Sequence[Actor], avoid: str | None = None) -> str | None:
    """The state "the country", "the nation" or "the regime" stands for: the state named last
    before it in its sentence or the three before, not ``avoid`` ("North Korea ... the regime")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _STATE_ANAPHORS or tok.tag_ == "NNS" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
            c.dep_ in ("compound", "poss", "amod", "nmod", "prep", "appos") for c in tok.children):
        return None
    sents = sentence_index(doc, tok)
    here = sents(tok.idx)
    best: tuple[int, str] | None = None
    states = {a.key for a in actors if a.type == "GPE" and a.refers_to is None and is_country(a.name)}
    for a in actors:
        key = as_state(a, actors) or next((k for k in (a.refers_to, a.key) if k in states), None)
        if key is None or key == avoid:
            continue
        for m in a.mentions:
            if m.start < tok.idx and here - 3 <= sents(m.start) and (best is None or m.start > best[0]):
                best = (m.start, key)
    return best[1] if best is not None else None
