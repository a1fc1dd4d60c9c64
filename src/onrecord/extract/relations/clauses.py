"""Small readings of a verb's clause that the frames of :mod:`.parse` use: a thing named in
quotation marks, whom "called on X to" or "urged that X do" asks, whom an accusation said as a
clause accuses, the party a traded good comes from, a name the parse split, who can be freed,
whether a phrase names a party, what a verb does to a thing (no relation), what "call" names
when the parse takes it for an adverbial noun, whom a call for someone's act asks and whom a
threat's condition falls on."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extract.relations.cues import MODE_WORDS, NOUNS, Cue

PARTIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


QUOTE_MARKS = frozenset('"“”‘’\'')


def named_thing(verb: Token) -> bool:
    """"called Netanyahu's speech 'a tawdry stunt'", "called Israel's description 'ridiculous'": a
    thing called something in quotation marks is named, not phoned (whatever the parse made of
    the quoted words)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN" or obj.ent_type_:
        return False
    after = verb.doc[obj.i + 1 : min(len(verb.doc), verb.right_edge.i + 1, obj.right_edge.i + 12)]
    return any(t.text in QUOTE_MARKS for t in after)


SPEAKERS = frozenset({"i", "we", "it", "this", "that", "there", "they"})  # "complained that it was unfair"


# Whom a release frees: "released two detained Americans", "freed the prisoners".
CAPTIVES = frozenset("prisoner hostage detainee captive citizen national american journalist reporter "
                     "soldier man woman student tourist missionary worker sailor pilot dissident activist "
                     "person people crew".split())


def appealed(verb: Token) -> Token | None:
    """Whom "called on X to", "appealed to X to", "pleaded with X to" asks: X does the infinitive."""
    if verb.lemma_.lower() not in ("call", "appeal", "plead", "prevail", "rely", "count"):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to", "with")
                 and c.i > verb.i), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def asked_in_clause(verb: Token) -> Token | None:
    """Whom "urged that X do" asks: the clause's subject (not "asked if")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and not any(
        g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)), None)
    return next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None


def accused(verb: Token) -> Token | None:
    """Whom an accusation said as a clause accuses: the clause's named subject ("'He incites
    violence,' Clinton charged"; not "complained that it was unfair")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    said = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    return said if said is not None and said.pos_ in ("PROPN", "PRON") and said.lower_ not in SPEAKERS else None


GOODS = frozenset("import imports export exports product products good goods".split())


def traded_with(obj: Token) -> Token | None:
    """The party a banned, cut or taxed trade comes from or goes to, deep in the object: "the
    import of some food from the United States", "$200 billion worth of Chinese imports"."""
    for tok in obj.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("from", "to") and tok.ent_type_ in PARTIES:
            return tok
        if tok.dep_ in ("amod", "compound") and tok.ent_type_ in ("NORP", "GPE") and tok.head.lemma_.lower() in GOODS:
            return tok
    return None


def named_inside(obj: Token) -> bool:
    """A common-noun object joined by a hyphen to a person's name: a hyphenated name the parse
    split ("Moon Jae-in": "in" the object, "Moon Jae" its compound)."""
    return obj.pos_ == "NOUN" and obj.lemma_.lower() not in NOUNS and any(
        c.dep_ == "compound" and c.ent_type_ == "PERSON" and c.i == obj.i - 2 and obj.nbor(-1).text == "-"
        for c in obj.children)


def names_someone(tok: Token) -> bool:
    """Whether a noun phrase names a party: a name, a pronoun, or a noun with a named modifier."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return False
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_:
        return True
    return any(c.dep_ in ("compound", "amod", "poss") and (c.ent_type_ or c.pos_ == "PROPN") for c in tok.children)


# Giving verbs that aid only when what they give is material ("sent troops", not "sent an e-mail").
GENERIC_GIVING = frozenset({"give", "send", "provide", "offer", "deliver"})


# Armed forces: sent "into" a place they intervene there ("sent troops into Kosovo"), they aid no one.
FORCES = frozenset({"troop", "troops", "tank", "tanks", "force", "forces", "soldier", "soldiers", "army",
                    "armies", "unit", "units", "division", "divisions", "battalion", "battalions"})


def no_event(verb: Token, cue: Cue, obj: Token | None, target: Token | None, mode: str | None) -> bool:
    """What a verb does to a thing is no relation."""
    if cue.type == "AID" and verb.lemma_.lower() in GENERIC_GIVING and mode is None \
            and (obj is None or obj.lemma_.lower() not in NOUNS) and not _material(verb, obj):
        return True  # "sent an e-mail to RNC members", "gave Obama an opportunity", "a letter delivered to"
    if cue.type == "AID" and obj is not None and obj.lemma_.lower() in FORCES and target is not None \
            and target.dep_ == "pobj" and target.head.lower_ == "into":
        return True  # "sent tanks into Czechoslovakia": forces sent into a country aid no one there
    if cue.type == "THREATEN" and obj is not None and obj.pos_ == "NOUN" and not names_someone(obj) \
            and obj.lemma_.lower() not in NOUNS:
        return True  # "threaten the retirement savings of Americans" endangers, threatens no one
    if cue.type == "CONCEDE" and verb.lemma_.lower() in ("release", "free") and obj is not None \
            and obj.pos_ == "NOUN" and not obj.ent_type_ and obj.lemma_.lower() not in CAPTIVES:
        return True  # "released a batch of Abedin's emails": a thing let out, no one freed
    return verb.lemma_.lower() == "demonstrate" and obj is not None  # "demonstrated animosity": no protest


_MATERIAL = frozenset().union(*MODE_WORDS.values())


def _material(verb: Token, recipient: Token | None) -> bool:
    """What a giving verb gives, besides a recipient read as its object, is material or aid: "provided
    Ukraine with Javelin missiles", "gives Israel $3.8 billion in military aid"."""
    things = [c for c in verb.children if c is not recipient and c.dep_ == "dobj"]
    things += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    return any(t.lower_ in _MATERIAL or (t.lemma_.lower() in NOUNS and NOUNS[t.lemma_.lower()].type == "AID")
               for thing in things for t in thing.subtree)


def called_for(verb: Token) -> Token | None:
    """Whom a call for someone's act asks: "to call for Mr. Steele's resignation" (the owner of
    the act called for)."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    act = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if act is None or act.pos_ != "NOUN":
        return None
    return next((c for c in act.children if c.dep_ == "poss"), None)


def conditioned(verb: Token) -> Token | None:
    """Whom a threat's condition falls on: the named subject of its "unless" / "if" clause, on the
    threat, on what it threatens to do or on the verb the threat is the complement of."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "xcomp"), *([verb.head] if verb.dep_ == "xcomp" else [])]
    for head in heads:  # the parse may hang the condition on "began" in "began threatening to ... unless"
        for clause in (c for c in head.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in clause.children):
                subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if subj is not None and names_someone(subj):
                    return subj
    return None


def named_adverbially(verb: Token) -> Token | None:
    """What "call" names when the parse takes it for an adverbial noun of the verb or of the name
    given: "called Steele's comments 'unacceptable'" (comments/npadvmod under "unacceptable"),
    someone's words or acts (a noun with an owner)."""
    for head in (verb, *(c for c in verb.children if c.dep_ == "oprd")):  # or on the name it is given
        for noun in (c for c in head.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN" and c.i < head.i):
            if any(g.dep_ == "poss" for g in noun.children):
                return noun
            owner = next((c for c in head.children if c.dep_ == "poss" and c.right_edge.i + 1 == noun.i), None)
            if owner is not None:  # the parse hangs the owner beside it: "Steele's comments"
                return owner
    return None
