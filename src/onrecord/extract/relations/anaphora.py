"""A relation's side read from the clause it sits in, before any look-back: the name apposed to
it; for a pronoun in a clause that opens the sentence, the main clause's named subject; for the
subject of a reported clause, the reporter."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extract.actors.roles import is_role_head
from onrecord.extract.relations.cues import DENIAL, REPORTING

_PERSONAL = frozenset({"he", "she", "it", "they"})
# Pronouns deeper in an opening participial clause: "Retaliating for sanctions placed on it by the
# West, Russia ...", "Speaking to his supporters, Trump said".
_INNER = frozenset({"it", "its", "him", "his", "her", "them", "their"})


def cataphor(tok: Token) -> Token:
    """A pronoun subject of a clause that opens the sentence stands for the main clause's named
    subject ("As he prepared to travel, Mr. Trump responded"; "Even as it released Fowle, North
    Korea pushed back"), as does a pronoun inside an opening clause that has no subject of its
    own, not that clause's object ("Retaliating for sanctions placed on it by the West, Russia
    announced"); the subject of a reported clause is the reporter ("Trump insists he'll coerce
    Mexico")."""
    if tok.pos_ != "PRON":
        return tok
    if tok.dep_ != "nsubj" or tok.lower_ not in _PERSONAL:
        return _in_opening_clause(tok) if tok.lower_ in _INNER else tok
    clause, main_verb = tok.head, tok.head.head
    main = next((c for c in main_verb.children if c.dep_ == "nsubj"), None)
    if main is not None and main.lower_ == tok.lower_ and main.i < tok.i and clause.dep_ == "ccomp" \
            and main_verb.lemma_.lower() in REPORTING | DENIAL:
        return main  # "he told Hugh Hewitt he met Zarif": the teller, not the one told
    if main is None or main.pos_ == "PRON" or main.i == tok.i:
        return tok
    if clause.dep_ == "advcl" and clause.i < main_verb.i and main.i > tok.i and main.pos_ == "PROPN":
        return main
    if clause.dep_ == "ccomp" and main_verb.lemma_.lower() in REPORTING | DENIAL and main.i < tok.i:
        return main
    return tok


def _in_opening_clause(tok: Token) -> Token:
    clause = next((a for a in tok.ancestors if a.dep_ == "advcl"), None)
    if clause is None or tok.head is clause and tok.dep_ in ("dobj", "nsubjpass"):
        return tok  # "Meeting him, Trump said": the clause's object is someone else
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children):
        return tok  # a clause with its own subject ("As Kim met him, ...") says nothing of who
    main = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if main is None or main.pos_ != "PROPN" or not clause.i < main.i or not tok.i < main.i:
        return tok
    return main


def apposed_name(tok: Token) -> Token | None:
    """The name in apposition to a noun ("his counterpart Vladimir Putin"), also where the parse
    hangs it on the noun's "of" phrase ("the commander of the Reconnaissance General Bureau, Kim
    Yong-chol": Kim, not the bureau)."""
    named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None or tok.pos_ != "NOUN":
        return named
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if owner is None or owner.ent_type_ == "PERSON":
        return None
    return next((c for c in owner.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"),
                None)


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def held_as(person: Token) -> list[str]:
    """Roles the person holds "as" in the verb they do ("Schiff said as chairman") or in the
    infinitive they are called on to do ("calling on Schiff to resign as its chairman"): the role
    nouns, lower case."""
    verbs = []
    if person.dep_ in _SUBJECTS:
        verbs.append(person.head)
    elif person.dep_ in ("dobj", "pobj"):
        verb = person.head.head if person.dep_ == "pobj" and person.head.dep_ == "prep" else person.head
        if verb.pos_ in ("VERB", "AUX"):
            verbs += [c for c in verb.children if c.dep_ == "xcomp" or c.dep_ == "advcl" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]  # the one called on does the infinitive
    found = []
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "as":
                continue
            role = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if role is not None and role.pos_ in ("NOUN", "PROPN") and is_role_head(role.lemma_.lower()):
                found.append(role.lower_)
    return found
