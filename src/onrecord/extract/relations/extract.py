"""Relations of one article: frames from the parse, actors resolved, status, claimant and date."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from onrecord.extract.actors import resolve
from onrecord.extract.actors.roles import is_role_head
from onrecord.extract.events import event_date
from onrecord.extract.relations.anaphora import apposed_name, cataphor
from onrecord.extract.relations.authors import POLITICIANS, author, posted_in, speakers_body
from onrecord.extract.relations.cues import NOUNS
from onrecord.extract.relations.frames import each_party, frames
from onrecord.extract.relations.guard import not_reentrant
from onrecord.extract.relations.parse import Frame
from onrecord.extract.relations.parties import (
    antecedent,
    as_state,
    demonym_state,
    described_person,
    gpe_key,
    is_description,
    plural_before,
    plural_noun,
    state_anaphor,
    subject_above,
)
from onrecord.extract.relations.plurals import plural_pair
from onrecord.extract.relations.sides import (
    HUMAN,
    described_body,
    family_of,
    is_place,
    medium,
    named_near,
    other_person,
    own_state,
    own_thing,
    party_member,
    person_before,
    quoted_label_owner,
    reporter,
)
from onrecord.extract.relations.status import Reading, read_status
from onrecord.models import Actor, Quote, Relation, TimeExpr
from onrecord.names import ATTRIBUTE_TYPE, state_of
from onrecord.nlp.pipeline import entities

_PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_PLURAL = frozenset({"they", "them", "their"})
_FIRST_PERSON = frozenset({"i", "me", "my"})
_FIRST_PLURAL = frozenset({"we", "us", "our"})  # a side the text does not name (and "us" is never "US")
# People named by whom they stand beside: "their colleagues", "his allies" are not their owner.
ASSOCIATES = frozenset("colleague ally supporter friend rival opponent critic member family relative son "
                       "daughter wife husband brother sister father mother partner counterpart successor "
                       "predecessor adversary foe enemy nemesis challenger aide adviser advisor lawyer "
                       "attorney".split())
# Nouns whose modifier names what they are about, not who acts: "the Russia investigation".
TOPICS = frozenset("investigation inquiry probe question issue policy program programme crisis election "
                   "elections case matter scandal story report hearing meddling caucus primary poll vote".split())


def extract_relations(doc: Doc, actors: Sequence[Actor], times: Sequence[TimeExpr] = (),
                      quotes: Sequence[Quote] = (), published: str | None = None) -> tuple[Relation, ...]:
    """Every relation between two actors of the article, in text order. A frame whose source or
    target resolves to no actor is dropped, as is one that tells a habit ("does not travel abroad
    frequently")."""
    if not doc.has_annotation("DEP") or not actors:
        return ()
    by_key = {a.key: a for a in actors}
    found: list[Relation] = []
    seen: set[tuple] = set()
    for sent in doc.sents:
        for frame in (f for base in frames(sent) for f in each_party(base)):
            rel = _relation(doc, frame, actors, by_key, times, quotes, published)
            if rel is None:
                continue
            pair = (frozenset((rel.source_key, rel.target_key)) if frame.kind.symmetric
                    else (rel.source_key, rel.target_key))
            key = (rel.start, rel.type, rel.mode, pair)  # one relation per sentence, type, mode and pair
            if key not in seen:
                seen.add(key)
                found.append(rel)
    return tuple(found)


@not_reentrant
def _party(doc: Doc, tok: Token | None, actors: Sequence[Actor], by_key: dict[str, Actor],
           quotes: Sequence[Quote] = (), avoid: str | None = None) -> tuple[str | None, str | None]:
    """(actor key, mention text) of the party a token heads: a metonym or demonym gives its state's
    key; "I", "me", "my" in a quote are its speaker; a description, "it" or "they" never resolves to
    ``avoid`` (the other side); "they", "them", "their" are never one person ("demanding them to
    be responsible": a group); re-entry for the same token is nothing (``guard``)."""
    key, text = _side(doc, tok, actors, by_key, quotes, avoid)
    if key is not None and tok is not None and tok.lower_ in _THEY and by_key[key].type == "PERSON":
        return _beside(doc, tok, by_key[key], actors, by_key, quotes, avoid), text
    return key, text


def party(doc: Doc, tok: Token | None, actors: Sequence[Actor], quotes: Sequence[Quote] = (),
          avoid: str | None = None) -> tuple[str | None, str | None]:
    """(actor key, mention text) of the side a frame's token stands for, as a relation reads it."""
    return _party(doc, tok, actors, {a.key: a for a in actors}, quotes, avoid)


def _beside(doc: Doc, tok: Token, person: Actor, actors: Sequence[Actor], by_key: dict[str, Actor],
            quotes: Sequence[Quote], avoid: str | None) -> str | None:
    """"they" read as a person who is named, before it in its sentence, beside a body or state: that
    one ("an affront to Obama and the administration as they negotiate": the administration)."""
    for m in person.mentions:
        if not tok.sent.start_char <= m.start < tok.idx:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        for other in [*(c for c in head.children if c.dep_ == "conj"), *([head.head] if head.dep_ == "conj" else [])]:
            key = _party(doc, other, actors, by_key, quotes, avoid)[0]
            if key is not None and by_key[key].type != "PERSON":
                return key
    return None


_THEY = frozenset({"they", "them", "their", "theirs", "themselves"})


def _side(doc: Doc, tok: Token | None, actors: Sequence[Actor], by_key: dict[str, Actor],
          quotes: Sequence[Quote] = (), avoid: str | None = None) -> tuple[str | None, str | None]:
    if tok is None:
        return None, None
    if tok.pos_ == "PRON" and tok.lower_ in _FIRST_PLURAL:  # "our deficit" is the nation's: no side
        return (speakers_body(tok, actors, by_key, quotes) if tok.lower_ != "our" else None), tok.text
    if tok.lower_ in _FIRST_PERSON or tok.dep_ == "aux":  # an aux: a quote's own "X should ..." (frames.py)
        quote = next((q for q in quotes if q.start <= tok.idx < q.end and q.speaker_key in by_key), None)
        return (quote.speaker_key, tok.text) if quote is not None else (None, tok.text)
    tok = cataphor(tok)
    if tok.lower_ in ("who", "whom", "which"):  # "Kim, with whom he traded barbs"
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        tok = clause.head if clause is not None else tok
    tok = quoted_label_owner(tok)  # "denouncing Kerry's "possibly illegal Shadow Diplomacy"": Kerry
    found = _behind(doc, tok, actors, by_key, quotes, avoid)
    if found is not None:
        return found
    family = family_of(tok, actors)
    if family is not None:  # "called on the Obamas": the Obama the article names
        return family, tok.text
    named = apposed_name(tok)
    if named is not None and (tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and _renamed(tok, named))):
        tok = named  # "his counterpart Vladimir Putin"; a name keeps itself ("Washington, D.C.")
    associate = tok.pos_ == "NOUN" and tok.lemma_.lower() in ASSOCIATES  # "their colleagues" are not them
    kept = ("compound", "amod", "det", "nmod") if associate else ("compound", "amod", "det", "poss", "nmod")
    left = min((t.i for t in tok.subtree if t.i <= tok.i and t.dep_ in kept or t.i == tok.i), default=tok.i)
    span = doc[left : tok.i + 1]  # "Obama's lawyer": not Obama
    owner = _possessor(tok) if tok.pos_ == "NOUN" and not associate else None
    if owner is not None and not is_role_head(tok.lemma_.lower()):  # "the president's strong stance"
        return _party(doc, owner, actors, by_key, quotes, avoid)
    if tok.pos_ == "NOUN" and (tok.lemma_.lower() in NOUNS or tok.lemma_.lower() in TOPICS):
        return None, tok.text  # "support for the Iran deal", "attacks on the Russia inquiry": a topic
    key = party_member(doc, tok, actors, avoid) or described_person(doc, tok, actors, avoid) or described_body(
        doc, tok, actors, avoid)
    if key is None and _the_administration(tok):  # a US outlet's "the administration" is the US government
        key = gpe_key(actors, "United States")
    key = key or state_anaphor(doc, tok, actors, avoid)  # "the country", "the regime"
    if key is None and tok.lower_ in _PLURAL:  # "meet them": the state or people named before
        key = antecedent(doc, tok, actors, lambda t: _party(doc, t, actors, by_key, quotes, avoid)[0], avoid)
        if key is None and plural_before(doc, tok) is not None:
            return None, tok.text  # "Hispanic voters ... called on them": people no actor stands for
    if key is None:  # "The U.S. headquarters wrote a letter indicating it was withdrawing"
        key = subject_above(tok, actors, lambda t: _party(doc, t, actors, by_key, quotes, avoid)[0], avoid)
    if key is not None:
        return key, span.text
    key = _resolved(doc, tok, span, actors, by_key, avoid)
    if key is None and tok.lower_ in HUMAN:
        key = person_before(doc, actors, tok)
    if key is None:
        key = _party_word(tok, actors)
    if key is None:
        key = antecedent(doc, tok, actors, lambda t: _party(doc, t, actors, by_key, quotes, avoid)[0], avoid)
    if key is None:
        owner = None if associate else _owner_of(tok)
        return _party(doc, owner, actors, by_key, quotes) if owner is not None else (None, span.text)
    return key, span.text


def _behind(doc: Doc, tok: Token, actors: Sequence[Actor], by_key: dict[str, Actor], quotes: Sequence[Quote],
            avoid: str | None) -> tuple[str, str] | None:
    """The party behind office holders "in" a state ("attorneys general in Nebraska": Nebraska) or
    behind a writing ("the lawsuit, which was brought by Nebraska's attorney general, accused")."""
    state = posted_in(tok)
    if state is not None:
        key, text = _party(doc, state, actors, by_key, quotes, avoid)
        if key is not None and by_key[key].type == "GPE":
            return key, text
    writer = author(tok)
    if writer is not None:
        key, text = _party(doc, writer, actors, by_key, quotes, avoid)
        if key is not None:
            return key, text
    return None


def _resolved(doc: Doc, tok: Token, span: Span, actors: Sequence[Actor], by_key: dict[str, Actor],
              avoid: str | None) -> str | None:
    """The actor a party's token or phrase names through the resolver, a metonym as its state, a
    people as its state, never ``avoid``; a description no person fits gives at most a state."""
    finds = [lambda: resolve(actors, doc, tok.idx, tok.idx + len(tok.text)),
             lambda: resolve(actors, doc, span.start_char, span.end_char)]
    if tok.pos_ == "NOUN":  # a description: its modifiers say who ("the Russian leader"), not its head alone
        finds.reverse()
    elif tok.ent_iob_ in ("B", "I"):  # a name the parse splits: "the Department of Defense"
        ent = next(e for e in entities(doc) if e[0] <= tok.i < e[1])
        finds.append(lambda: resolve(actors, doc, ent[2], ent[3]))
    if is_description(tok):
        finds = []  # no person named before fits it: at most the state its modifiers name
    for find in (*finds, lambda: _modifier_state(doc, span, actors), lambda: _state(tok, actors)):
        found = find()
        found = by_key[found].refers_to if found in by_key and by_key[found].refers_to in by_key else found
        found = as_state(by_key[found], actors) or found if found in by_key else found
        if found == avoid and tok.pos_ == "PROPN":
            break  # a name of the other side ("talks between Russia and North Korea"): no second party here
        if (found in by_key and found != avoid and by_key[found].type in _PARTY_TYPES
                and _fits_pronoun(doc, tok, by_key[found])):
            return found
    return None


def _renamed(tok: Token, named: Token) -> bool:
    """A name's apposition names who it is only when it names a person and the name does not
    ("the Bureau, Kim Yong-chol"; not "Washington, D.C." nor "Sen. James Risch (R-Idaho)")."""
    return not tok.ent_type_ or (named.ent_type_ == "PERSON" and tok.ent_type_ != "PERSON")


def _the_administration(tok: Token) -> bool:
    """"the administration" with nothing naming whose ("the Obama administration" is Obama's)."""
    return tok.lemma_.lower() == "administration" and tok.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
        c.dep_ in ("compound", "poss", "amod", "nmod", "prep") for c in tok.children)


def _party_word(tok: Token, actors: Sequence[Actor]) -> str | None:
    """A party's adjective for its members ("his Democratic rivals"): a listed word, no state."""
    words = [tok] if tok.pos_ == "ADJ" else []
    if tok.pos_ == "NOUN" and plural_noun(tok) and (tok.lemma_.lower() in ASSOCIATES | POLITICIANS
                                                    or is_role_head(tok.lemma_.lower())):
        words = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    for a in actors:
        if a.type == ATTRIBUTE_TYPE and any(m.start == w.idx for m in a.mentions for w in words):
            return None if demonym_state(a.name, actors) else a.key
    return None


def _possessor(tok: Token) -> Token | None:
    """The owner of a noun, also through its compound: "Clinton's White House run" is Clinton's."""
    for t in (tok, *(c for c in tok.children if c.dep_ == "compound")):
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    return None


def _fits_pronoun(doc: Doc, tok: Token, actor: Actor) -> bool:
    """He, she, him, her stand for a person, never for an organisation, a place or a medium the
    tagger read as a person ("Fox, also on Twitter, as he called on Trump": not Twitter)."""
    if tok.lower_ not in HUMAN:
        return True
    return actor.type == "PERSON" and not medium(doc, actor) and not reporter(doc, actor) and named_near(
        doc, tok, actor)


def _owner_of(tok: Token) -> Token | None:
    """Whose a thing is, when the thing names no one: "Trump's idea", "the dictatorship of Maduro"."""
    if tok.pos_ != "NOUN":
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _state(tok: Token, actors: Sequence[Actor]) -> str | None:
    """A demonym standing alone for a state the article names ("the Turkish invasion": Turkey)."""
    return gpe_key(actors, demonym_state(tok.text, actors) if tok.pos_ in ("ADJ", "PROPN", "NOUN") else None)


def _modifier_state(doc: Doc, span, actors: Sequence[Actor]) -> str | None:
    """A group named by its state ("US intelligence", "Russian forces"): the article's state actor
    its compound or demonym stands for."""
    modifiers = [t for t in span[:-1] if t.dep_ in ("compound", "amod", "poss")]
    if not modifiers or span[-1].lemma_.lower() in TOPICS:
        return None  # "the Russia investigation" is about Russia, not by it
    first, last = modifiers[0], modifiers[-1]
    words = doc[first.i : last.i + 1]
    for part in [words] + [doc[t.i : t.i + 1] for t in modifiers]:
        key = resolve(actors, doc, part.start_char, part.end_char)
        state = None if key else state_of(part.text) or demonym_state(part.text, actors)
        if state is not None:
            key = gpe_key(actors, state)
        if key is not None:
            return key
    return None


def _relation(doc: Doc, frame: Frame, actors: Sequence[Actor], by_key: dict[str, Actor],
              times: Sequence[TimeExpr], quotes: Sequence[Quote], published: str | None) -> Relation | None:
    source_key, source_text = _party(doc, frame.source, actors, by_key, quotes)
    if own_thing(frame):
        return None  # "the regime called its nuclear program a sword": its own, no one else's
    target_key, target_text = _party(doc, frame.target, actors, by_key, quotes, source_key)
    if target_key is not None and target_key == source_key and frame.target.lower_ in ("him", "her"):
        target_key = other_person(doc, actors, frame.target.idx, source_key)
    if target_key is not None and (source_key is None or source_key == target_key):
        source_key, source_text = _party(doc, frame.source, actors, by_key, quotes, target_key)
    if frame.kind.symmetric and (target_key is None or source_key is None):
        plural = next((t for t in (frame.target, frame.source) if t is not None and plural_pair(doc, t, actors)), None)
        if plural is not None:  # "their meeting", "the two leaders met", "speak to each other"
            (source_key, target_key), source_text = plural_pair(doc, plural, actors), plural.text
            target_text = source_text
    if source_key is None or target_key is None or source_key == target_key:
        return None
    if own_state(doc, by_key[source_key], by_key[target_key], actors):
        return None  # "Kim Jong Un invited Moon to North Korea": Kim acts on no one in his own state
    if frame.kind.mode == "visit" and by_key[target_key].type in ("FAC", "LOC"):
        return None  # "went to the Capitol": a building or a region, no one visited
    if frame.kind.type == "CONSULT" and is_place(by_key[source_key]):
        return None  # "visiting Komsomolsk and Vladivostok": a city visits no one; a capital speaks for its state
    reading = read_status(frame.verb, quotes, frame.light, frame.cue)
    if reading.status == "habitual":
        return None
    type_ = frame.kind.type
    if frame.cue.lemma_.lower() == "attack" and by_key[target_key].type == "PERSON":
        type_ = "ACCUSE"  # "an attack on Trump" in politics is words
    if frame.cue.lemma_.lower() in ("oppose", "opposition") and frame.target.pos_ in ("PROPN", "PRON") \
            and by_key[target_key].type == "PERSON":
        type_ = "ACCUSE"  # opposing a person is disapproval; opposing his plan rejects it
    claimant_key, claimant_name = _claimant(doc, reading, actors, by_key)
    sent = frame.cue.sent
    date, date_source = _date(frame, sent, times, published)
    status = reading.status
    if status == "planned" and date_source == "sentence" and _before(date, published):
        status = "reported"  # "In 2001 he took a train trip to Moscow to meet Putin": done by now
    cue = frame.cue
    text = sent.text.rstrip()  # trailing line breaks may fall outside every source segment
    return Relation(sent.start_char, sent.start_char + len(text), text, cue.text, cue.idx, cue.idx + len(cue.text),
                    type_, frame.mode, source_key, source_text, target_key, target_text, date,
                    date_source, status, claimant_key, claimant_name)


def _before(date: str | None, published: str | None) -> bool:
    """``date`` (a year, month or day) ends before the publication year: past by the time of writing."""
    if not date or not published or not date[:4].isdigit() or not published[:4].isdigit():
        return False
    return int(date[:4]) < int(published[:4])


def _claimant(doc: Doc, reading: Reading, actors: Sequence[Actor], by_key: dict[str, Actor]
              ) -> tuple[str | None, str | None]:
    if reading.quote is not None:
        return reading.quote.speaker_key, reading.quote.speaker_name
    if reading.claimant is None:
        return None, None
    key, text = _party(doc, reading.claimant, actors, by_key)
    return key, (by_key[key].name if key in by_key else text)


def _date(frame: Frame, sent, times: Sequence[TimeExpr], published: str | None) -> tuple[str | None, str | None]:
    """The calendar value of a time expression in the cue's own clause (not in a clause under it:
    "blamed Obama on Wednesday for striking a deal in 2015" is Wednesday), else in the clauses
    above it, else in the sentence, else the publication date."""
    inside = [t for t in times if sent.start_char <= t.start and t.end <= sent.end_char and event_date(t.value)]
    if inside:
        tok = frame.verb
        for _ in range(6):
            clause = _own_clause(tok)
            own = [t for t in inside if any(t.start <= i < t.end for i in clause)]
            if own:
                return event_date(own[0].value), "sentence"
            if tok.head is tok:
                break
            tok = tok.head
        return event_date(inside[0].value), "sentence"
    if published:
        return published, "published"
    return None, None


_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "pcomp", "acl", "relcl", "conj", "parataxis"})


def _own_clause(verb: Token) -> set[int]:
    """Character offsets of the words of the verb's clause, without the clauses under it."""
    words: set[int] = set()
    stack = [verb]
    while stack:
        tok = stack.pop()
        words.add(tok.idx)
        stack += [c for c in tok.children if c.dep_ not in _CLAUSES]
    return words
