"""Speakers for cues whose subject the parse misplaces: a verb with no subject of its own takes
the subject of the verb it hangs from ("He paused, then added"), a participle after a message is
its sender's ("He sent an e-mail … saying"), a verb after "prompted" its object's.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from onrecord.extract.quotes.cues import speaker_span
from onrecord.extract.quotes.draft import Draft

_PROMPTS = frozenset("prompt lead push spur cause inspire move force encourage drive".split())
CLAIMS = frozenset("claim allegation charge accusation assertion suggestion criticism complaint".split())
MESSAGES = frozenset("e-mail email letter statement memo note message tweet post video release".split())


def doer(doc: Doc, draft: Draft) -> Draft | None:
    """The draft with the speaker its cue's own grammar names, where the verb's subject is not
    it: a participle after a message, or after whom it went to, is the sender's ("He sent an
    e-mail to RNC members saying …": his); a verb after "prompted" is its object's ("Mr.
    Steele's comments prompted William Kristol … to call for …": Kristol's). None otherwise.
    (A participle after any other noun, as that noun's — "Republicans decrying them" — lowered
    PolNeAR dev speaker F1 by 0.002 and is left out.)"""
    if draft.cue_at is None:
        return None
    cue = doc.char_span(*draft.cue_at, alignment_mode="expand")
    claim = next((t for t in cue or () if t.pos_ == "NOUN" and t.lemma_.lower() in CLAIMS), None)
    if claim is not None and not any(c.dep_ == "poss" for c in claim.children):
        # "The White House disputed Republican claims that …": the claims are the Republicans'
        owner = next((c for c in claim.children if c.dep_ in ("amod", "compound") and c.i < claim.i
                      and c.ent_type_ in ("NORP", "ORG", "PERSON")), None)
        if owner is not None and (owner.idx, owner.idx + len(owner.text)) != draft.speaker:
            return replace(draft, speaker=(owner.idx, owner.idx + len(owner.text)))
    verbs = [t for t in cue or () if t.pos_ == "VERB"]
    if not verbs:
        return None
    verb = verbs[-1]
    who = None
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        told = noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.pos_ == "VERB"
        if noun.lemma_.lower() in MESSAGES or told:  # the message, or whom it went to: the sender's
            sender = noun.head.head if told else noun.head if noun.dep_ == "dobj" else None
            who = next((c for c in sender.children if c.dep_ == "nsubj"), None) if sender is not None else None
    elif verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PROMPTS:
        who = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if who is None or draft.start <= who.idx < draft.end or who.pos_ == "PRON" and who.lower_ not in ("he", "she", "they"):
        return None
    words = [t for t in who.subtree if t.i <= who.i]
    words = words[next((k for k in range(len(words) - 1, -1, -1) if words[k].is_punct), -1) + 1 :]
    span = (words[0].idx, who.idx + len(who.text))
    return replace(draft, speaker=span) if span != draft.speaker else None


_CLIMB = frozenset({"conj", "dep", "advcl", "pcomp", "prep", "npadvmod"})


def implied_subject(doc: Doc, draft: Draft) -> Draft | None:
    """A draft with no speaker whose cue verb has no subject of its own but hangs (as a second
    verb, or inside an adverbial phrase) from a verb that has one: "He paused, then added: '…'",
    "A day after telling reporters that …, Congressman Anthony Weiner broke his silence": the
    draft with that subject as its speaker; None otherwise (and for "asked": a question put to
    someone)."""
    if draft.speaker is not None or draft.cue_at is None:
        return None
    cue = doc.char_span(*draft.cue_at, alignment_mode="expand")
    verbs = [t for t in cue or () if t.pos_ == "VERB"]
    if not verbs or verbs[-1].lemma_.lower() == "ask":
        return None
    tok = verbs[-1]
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in tok.children):
        return None
    for _ in range(4):
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                continue
            if draft.start <= subject.idx < draft.end:
                return None  # the subject is inside the quote: not who said it
            span = speaker_span(subject)
            return replace(draft, speaker=span) if span is not None else None
    return None
