"""A sentence's relation frames: each verb, event noun and adjective cue read by its own frame
(:mod:`.parse` for verbs, :mod:`.nouns` for nouns and adjectives), and the threats dangled with
a harm ("dangled the prospect of sanctions against Russia"); ``each_party`` splits a frame by
its conjoined parties."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from onrecord.extract.relations.cues import ADJECTIVES, NOUNS, PROSPECTS, REPORTING, Cue
from onrecord.extract.relations.nouns import adjective_frame, noun_frame
from onrecord.extract.relations.parse import HARMS, Frame, subject, verb_cue, verb_frame
from onrecord.extract.relations.readings import (
    fired,
    included,
    spoken_of,
    valence_cue,
    warned_party,
)
from onrecord.nlp.pipeline import columns


def frames(sent) -> list[Frame]:
    """Every relation frame of one sentence (a spaCy Span), in token order."""
    found: list[Frame] = []
    doc, pos = sent.doc, columns(sent.doc)[0]
    for i in range(sent.start, sent.end):
        if pos[i] not in _FRAMED:
            continue  # no frame of any kind
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            cue = fired(tok) or spoken_of(tok) or warned_party(tok) or verb_cue(tok, lemma)
            frame = verb_frame(tok, cue) if cue is not None else None
        elif tok.pos_ == "NOUN" and lemma in NOUNS:
            frame = noun_frame(tok, NOUNS[lemma])
        elif tok.pos_ == "NOUN" and lemma in REMARKS and (valence := _valence(tok)) is not None:
            frame = noun_frame(tok, valence)  # "made positive comments about Mr. Bloomberg"
        elif tok.pos_ == "ADJ" and lemma in ADJECTIVES:
            frame = adjective_frame(tok, ADJECTIVES[lemma])
        else:
            continue
        if frame is not None:
            found.append(frame)
            found += _dangled(frame) + _vowed(frame) + _promised_harm(frame)
        if tok.pos_ == "VERB" and lemma in REPORTING:
            found += _faulted(tok)
        if tok.pos_ == "VERB" and (lemma in REPORTING or lemma in MANDATIVE):
            found += _obliged(tok)
        if tok.pos_ == "VERB" and (tok.dep_ == "ROOT" or tok.dep_ == "conj" and tok.head.dep_ == "ROOT"):
            found += _obliged_quoted(tok)
        if tok.pos_ == "VERB" and (lemma == "hope" or tok.lower_ in _HOPED):  # the lemmatizer's "hoped": "hop"
            found += _hoped(tok)
    return found


_FRAMED = frozenset({"VERB", "AUX", "NOUN", "ADJ"})  # the parts of speech a frame is read on
_HOPED = frozenset({"hope", "hoped", "hopes", "hoping"})


def _hoped(verb: Token) -> list[Frame]:
    """Hoping aloud that a named person does something asks it of them: "said she hoped Mr. Obama
    would 'seize' the chance", "I would hope that the secretary joins"."""
    hoper = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
    hoped = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if hoper is None or hoped is None or not (hoped.ent_type_ == "PERSON" or (
            hoped.pos_ == "NOUN" and any(c.lower_ == "the" for c in hoped.children))):
        return []
    return [Frame(clause, Cue("REQUEST"), None, hoper, hoped, verb)]


# Modals that say what someone ought to do; verbs under which a bare verb does ("insisted that
# Congress appropriate the money").
OBLIGING = frozenset("should must ought".split())
MANDATIVE = frozenset("insist suggest recommend propose".split())
KNOWING = frozenset("know understand realize realise expect recognize recognise see believe think".split())
_PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _obliged(verb: Token) -> list[Frame]:
    """Saying that a named party should, must or needs to do something asks it of them: "said
    Steele must apologize", "“Chairman Steele needs to apologize,” he said", "insisting that
    Congress appropriate $5.7 billion" (the sayer's request of the clause's subject)."""
    sayer = subject(verb)[0]
    if sayer is None or any(c.dep_ == "neg" for c in verb.children):
        return []
    found = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children):
            continue
        asked = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if asked is None or not (asked.pos_ == "PROPN" or asked.ent_type_ in _PARTY_ENTS or (
                asked.pos_ == "NOUN" and any(c.lower_ == "the" for c in asked.children))):
            continue
        if clause.lemma_.lower() in KNOWING:
            continue  # "America must understand that", "Virginians should expect": no act asked
        modal = any(c.dep_ == "aux" and c.lemma_.lower() in OBLIGING for c in clause.children)
        needs = clause.lemma_.lower() == "need" and any(c.dep_ == "xcomp" for c in clause.children) and not any(
            c.dep_ == "aux" for c in clause.children)  # "the GOP will need to surmount": a forecast
        bare = verb.lemma_.lower() in MANDATIVE and clause.tag_ == "VB" and not any(
            c.dep_ in ("aux", "auxpass") for c in clause.children)
        if modal or needs or bare:
            found.append(Frame(clause, Cue("REQUEST"), None, sayer, asked, verb))
    return found


def _obliged_quoted(clause: Token) -> list[Frame]:
    """A quote's own sentence saying that a named party should or must do something asks it of
    them, the quote's speaker asking ("“The Attorney General should swiftly prepare a declassified
    version,” Warner said in a statement"): the modal stands for the speaker (extract.py's sides)."""
    modal = next((c for c in clause.children if c.dep_ == "aux" and c.lemma_.lower() in OBLIGING), None)
    asked = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if modal is None or asked is None or clause.lemma_.lower() in KNOWING or not (
            asked.pos_ == "PROPN" or asked.ent_type_ in _PARTY_ENTS or (
                asked.pos_ == "NOUN" and any(c.lower_ == "the" for c in asked.children))):
        return []
    return [Frame(clause, Cue("REQUEST"), None, modal, asked, clause)]


# What one says someone is, when it is a fault: "said Clinton was 'extremely careless'".
FAULTS = frozenset("careless reckless dishonest corrupt incompetent unfit irresponsible racist crooked "
                   "unqualified disgraceful hypocritical deceitful untrustworthy liar fraud disgrace hypocrite "
                   "bigot traitor failure incompetence unhinged dangerous "
                   # what one says of someone's words or acts: "said Steele's comments were inaccurate"
                   "inaccurate untrue false wrong misleading baseless unacceptable outrageous offensive "
                   "shameful appalling inappropriate absurd ridiculous despicable deplorable reprehensible "
                   "disgusting insulting unfair unjust ignorant foolish incapable".split())


def _faulted(verb: Token) -> list[Frame]:
    """A clause said of someone, or of their words or acts, that names a fault accuses them: "Comey
    said Clinton was 'extremely careless'", "said Steele's comments were 'wildly inaccurate'" (the
    sayer's accusation of the clause's named subject or of its owner)."""
    sayer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
    if sayer is None or clause is None or any(c.dep_ == "neg" for c in clause.children):
        return []
    said = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    what = next((c for c in clause.children if c.dep_ in ("acomp", "attr")), None)
    if said is not None and said.pos_ == "NOUN":  # "Clinton's use of personal email was hypocritical": hers
        said = next((c for c in said.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if said is None or what is None or said.pos_ != "PROPN" or what.lemma_.lower() not in FAULTS:
        return []
    return [Frame(what, Cue("ACCUSE"), None, sayer, said, verb)]


# Words said about someone: kind ones support, harsh ones accuse ("made positive comments about").
REMARKS = frozenset("comment remark word statement assessment review".split())
_WARM = frozenset("positive kind warm glowing flattering favorable favourable complimentary laudatory "
                  "approving supportive admiring".split())
_HARSH = frozenset("negative critical harsh disparaging derogatory disdainful nasty insulting scathing "
                   "withering hostile unflattering dismissive caustic sharp".split())
_ABOUT = frozenset("about on toward towards regarding of".split())


def _valence(noun) -> Cue | None:
    return valence_cue({c.lower_ for c in noun.children if c.dep_ == "amod"}, _WARM, _HARSH, _ABOUT)


# "dangled the prospect of sanctions against Russia", "raised the possibility of strikes": a threat.
DANGLING = frozenset("dangle raise float brandish wave".split())


def _dangled(frame: Frame) -> list[Frame]:
    noun = frame.cue
    if frame.kind.type not in HARMS or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return []
    prospect = noun.head.head
    verb = prospect.head
    if prospect.lemma_.lower() not in PROSPECTS or prospect.dep_ != "dobj" or verb.lemma_.lower() not in DANGLING:
        return []
    return [Frame(verb, Cue("THREATEN"), None, frame.source, frame.target, verb)]


# "vowed to punish Russia", "promised to destroy ISIS": a harm sworn to is also a threat.
VOWS = frozenset("vow pledge promise swear".split())


def _vowed(frame: Frame) -> list[Frame]:
    verb = frame.verb
    if frame.kind.type not in HARMS or verb.pos_ != "VERB" or verb.dep_ != "xcomp" \
            or verb.head.lemma_.lower() not in VOWS or frame.source is None or frame.target is None:
        return []
    return [Frame(verb.head, Cue("THREATEN"), None, frame.source, frame.target, verb.head)]


_FIRST = frozenset({"we", "i"})
_WILL = frozenset({"will", "'ll", "shall", "would"})


def _promised_harm(frame: Frame) -> list[Frame]:
    """A harm a speaker says "we" or "I" will do is a threat too ("we are going to put sanctions
    on Iraq", "we will charge them sanctions")."""
    verb, source = frame.verb, frame.source
    if frame.kind.type not in HARMS or source is None or source.lower_ not in _FIRST or frame.target is None:
        return []
    going = verb.dep_ == "xcomp" and verb.head.lower_ == "going"
    if not going and not any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children):
        return []
    return [Frame(verb, Cue("THREATEN"), None, source, frame.target, verb)]


def each_party(frame: Frame) -> list[Frame]:
    """One frame per conjoined party: "urged Britain, France and Germany" is three requests,
    "Russia and China condemned" two; the pair of a symmetric cue ("Putin and Kim met") stays one."""
    paired = frame.target is not None and frame.target.dep_ == "conj" and frame.target.head is frame.source
    sources = [frame.source] if paired else _demonyms(frame.source) or _group_of(frame.source) or included(
        frame.source) or _conjuncts(frame.source)
    targets = _demonyms(frame.target) or _group_of(frame.target) or included(frame.target) or _conjuncts(
        _named_in(frame.target))
    if frame.kind.type in _VERBAL and len(targets) == 1:
        targets = _examples(targets[0]) or targets
    if len(sources) == 1 and len(targets) == 1:
        return [frame]
    return [dataclasses.replace(frame, source=s, target=t) for s in sources for t in targets if s is None or s is not t]


_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_VERBAL = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


def _examples(tok: Token | None) -> list[Token]:
    """Whose the things are that a topic lists "such as" ("complaining about a variety of issues,
    such as Mattis' performance and McCain's vote"): Mattis and McCain, when each is named as the
    owner (not "programs such as Social Security": things, no one's)."""
    if tok is None or tok.pos_ != "NOUN":
        return []
    such = next((t for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "as" and t.i - tok.i <= 6
                 and any(c.lower_ == "such" for c in t.children)), None)
    first = next((c for c in such.children if c.dep_ == "pobj"), None) if such is not None else None
    if first is None:
        return []
    owners = []
    for item in [first, *(c for c in first.children if c.dep_ == "conj")]:
        owner = next((c for c in item.children if c.dep_ in ("poss", "nmod") and c.pos_ == "PROPN"), None)
        if owner is None:
            return []
        owners.append(owner)
    return owners


def _named_in(tok: Token | None) -> Token | None:
    """A plural noun named in apposition stands for the names: "the Republican leaders of the House
    and Senate – Speaker John A. Boehner and Senator Mitch McConnell" are Boehner and McConnell."""
    if tok is None or tok.pos_ != "NOUN" or not (tok.tag_ == "NNS" or tok.lower_ != tok.lemma_.lower()):
        return tok
    return next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), tok)


def _demonyms(tok: Token | None) -> list[Token]:
    """Conjoined demonyms on one noun name one party each: "bombed Iranian and Syrian military
    forces" strikes Iran and Syria (each demonym stands for its state)."""
    if tok is None or tok.pos_ != "NOUN":
        return []
    first = next((c for c in tok.children if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")), None)
    if first is None:
        return []
    more = [c for c in first.children if c.dep_ == "conj" and c.ent_type_ in ("NORP", "GPE")]
    return [first, *more] if more else []


_GROUP_BACK = 2  # sentences before a "they" in which its conjoined subjects may be named


def _group_of(tok: Token | None) -> list[Token]:
    """"They" / "them" after conjoined named subjects ("Nebraska and Oklahoma said ... They also
    criticized Colorado"): each of those names, the last such subject in its sentence before it or
    the two before (an unnamed plural subject between, "Some sheriffs say", is passed over)."""
    if tok is None or tok.pos_ != "PRON" or tok.lower_ not in ("they", "them"):
        return []
    doc, sent = tok.doc, tok.sent
    start = sent.start
    for _ in range(_GROUP_BACK):
        start = doc[start - 1].sent.start if start > 0 else start
    for t in reversed(doc[start : tok.i]):
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        group = _conjuncts(t)
        if len(group) > 1 and all(g.ent_type_ in _NAMED for g in group):
            return group
    return []


def _conjuncts(tok: Token | None) -> list[Token | None]:
    if tok is None:
        return [None]
    found, stack = [], [tok]
    while stack and len(found) < 8:
        t = stack.pop(0)
        found.append(t)
        stack += [c for c in t.children if c.dep_ == "conj" and (c.pos_ == "PROPN" or c.ent_type_ in _NAMED or any(
            a.dep_ == "appos" and a.ent_type_ in _NAMED for a in c.children))]  # "and Oklahoma's attorney
        # general, Scott Pruitt": a role named in apposition
    return found
