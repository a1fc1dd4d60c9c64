"""Small readings the relation frames lean on where the parse goes astray or says a relation
indirectly: a dateline taken for a subject, a cue verb parsed as a modifier, an infinitive parsed
as an adverbial clause, "calling for X to do", the verb governing an event noun and its owner or
by-phrase, and the word lists those readings use."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extract.actors.roles import is_role_head

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "obj", "dative", "iobj"})


# What questioning someone's ... puts in doubt: "questioned Ms. Griffin's sanity".
QUALITIES = frozenset("sanity judgment judgement integrity motive motives competence honesty patriotism "
                      "loyalty fitness credibility character truthfulness".split())


def asked_infinitive(verb: Token, child: Token) -> bool:
    """An infinitive parsed as an adverbial clause after the one asked ("encouraged President Obama
    on Sunday to listen to Pelosi")."""
    return child.dep_ == "advcl" and child.i > verb.i and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in child.children) and not any(
        g.dep_ in ("mark", "nsubj") for g in child.children) and any(
        c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON") and c.i < child.i for c in verb.children)



LETTING = frozenset({"allow", "let", "permit"})
# People a participle can tell the doing of: "lawmakers demanding his ouster".
PEOPLE = frozenset("lawmaker legislator senator member official leader critic protester protestor "
                    "activist democrat republican".split())
# What calling someone "a ..." praises them as.
WARM_NAMES = frozenset("supporter friend ally champion hero patriot partner".split())
SELVES = frozenset({"himself", "herself", "themselves", "itself", "ourselves", "myself"})


def verb_read_as_modifier(verb: Token) -> Token | None:
    """A sentence with no verb of its own whose cue the parse made a modifier between two names
    ("President Trump assailed Democrats": "assailed" an amod of the root "Democrats"): the name
    before it, the doer."""
    head = verb.head
    if verb.dep_ != "amod" or head.dep_ != "ROOT" or head.pos_ != "PROPN" or verb.i == 0 or verb.i > head.i:
        return None
    before = verb.doc[verb.i - 1]
    return before if before.dep_ == "compound" and before.head == head and before.pos_ == "PROPN" else None


def for_clause(verb: Token) -> Token | None:
    """The infinitive "for X to do" a verb takes ("calling for the Justice Department to release it")."""
    return next((c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.i > verb.i
                 and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
                 and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, not a dateline parsed as one ("DES MOINES – Hillary Clinton on
    Sunday urged": Clinton)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if len(subjects) > 1:
        doc = verb.doc
        kept = [c for c in subjects if not (c.right_edge.text in _DASHES or (
            c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].text in _DASHES))]
        subjects = kept or subjects
    return subjects[0] if subjects else None


_DASHES = frozenset({"–", "—", "--"})


def governing_verb(noun: Token) -> Token | None:
    """The verb whose object (or object's prepositional object) the noun is: "dangled the prospect
    of sanctions" gives "dangled"."""
    tok = noun
    for _ in range(3):
        if tok.dep_ in OBJECTS and tok.head.pos_ == "VERB":
            return tok.head
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            tok = tok.head.head
            if tok.pos_ in ("VERB", "ADJ"):  # "travelled to Moscow for talks with Karzai"
                return tok
            continue
        break
    return None


def event_owner(noun: Token) -> Token | None:
    """The possessor, proper-noun compound or demonym of an event noun ("Shoigu's visit", "the
    Turkish invasion")."""
    return next((c for c in noun.children if (c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON", "NOUN"))
                 or (c.dep_ == "compound" and c.pos_ == "PROPN")
                 or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))), None)


def by_phrase(noun: Token, prep: str) -> Token | None:
    """The doer of an event noun given with "by" or "from" ("a visit by Shoigu", "an invitation from
    Boehner")."""
    by = next((c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == prep), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def let_one(purpose: Token) -> Token | None:
    """Whom refusing to allow, let or permit rejects: "refused to allow Mr. Obama to negotiate it"."""
    if purpose.lemma_.lower() not in LETTING:
        return None
    return next((c for c in purpose.children if c.dep_ == "dobj"), None) or next(
        (g for c in purpose.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"), None)


def for_clause_subject(verb: Token) -> Token | None:
    """X in "calling for X to do"."""
    clause = for_clause(verb)
    return next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None


def participle_doer(verb: Token) -> bool:
    """An -ing participle on plural people, whose doers they are ("lawmakers demanding his ouster"),
    or on a named party or an office holder ("with Democrats accusing Trump ... and the president
    accusing the opposition party")."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return False
    if noun.pos_ == "PROPN" and noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return noun.pos_ == "NOUN" and (noun.tag_ == "NNS" and noun.lemma_.lower() in PEOPLE or (
        noun.tag_ == "NN" and is_role_head(noun.lemma_.lower())))
