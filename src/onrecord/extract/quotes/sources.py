"""Speakers the actors stage does not name: a relative "who" stands for the noun it hangs from,
groups and institutions speak as themselves ("US officials", "analysts", "state media"), and a
medium that carries someone's words is the relay (``via``), not the speaker.

- ``antecedent(doc, mention)``: for a mention "who"/"which"/"that" (the subject of a relative
  clause), the span of the noun phrase the clause belongs to ("Putin, who told a conference" →
  "Putin"); for a dateline the parse made the subject ("AMHERST, N.H. — Gov. Rick Perry of
  Texas on Tuesday said"), the phrase after its dash ("Gov. Rick Perry of Texas"); None
  otherwise.
- ``coordinated(doc, mention)``: the mention joins two or more ("Trump and his right-wing
  allies", "Republicans and Democrats"): a group, never one of its members.
- ``group_name(doc, mention)``: the speaker as written, for a plural, institutional or
  coordinated subject the actors stage leaves unresolved ("US officials", "Pro-Kremlin
  analysts", "the radio station" → "radio station", "Backers of the policy", "Trump and his
  right-wing allies"); None for pronouns and for an unnamed single person.
- ``relay(doc, draft)``: the medium a speech verb's words went to ("Peskov told Tass", "said on
  state television"), as a body span, or None.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from onrecord.extract.quotes.draft import Draft
from onrecord.extract.quotes.mentions import is_dash
from onrecord.models import Span
from onrecord.nlp.pipeline import heads, text_of

_RELATIVE = frozenset({"who", "which", "that"})
_DETERMINER = re.compile(r"^(?:the|a|an|some|many|several|most|other)\s+", re.I)
_INDEFINITE = re.compile(r"^(?:a|an|one|another)\s", re.I)
GROUP_HEADS = frozenset(
    """officials analysts experts critics observers sources diplomats lawmakers legislators
    officers commanders leaders authorities media agency government ministry department office
    house kremlin administration police military army forces intelligence campaign party
    committee council court parliament congress senate spokespeople residents witnesses voters
    activists protesters scientists researchers economists investigators prosecutors journalists
    reporters aides advisers advisors allies supporters opponents democrats republicans station
    network newspaper television radio institute organization organisation group coalition union
    company firm bank board cabinet embassy mission delegation""".split()
)
MEDIA_WORDS = frozenset(
    """tass ria interfax kcna xinhua yonhap reuters ap afp bbc cnn fox abc cbs nbc msnbc npr pbs
    media television tv radio agency newspaper paper channel network broadcaster station outlet
    website magazine""".split()
)
_FOCUS = re.compile(r"^(?:even|also|only|both)\s+", re.I)
_REFLEXIVE = re.compile(r"\s+(?:himself|herself|themselves|itself)$", re.I)
_APART = re.compile(r"[,(—–]| -- ")
_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?")
_OBJECTS = frozenset({"dobj", "dative", "iobj", "pobj", "npadvmod"})  # who was told, not who told
_TO_SOMEONE = frozenset({"tell", "ask", "inform", "remind", "assure", "urge", "warn", "thank"})
_QUANTITIES = frozenset("hundreds thousands dozens scores millions many some most all several".split())
_NO_AGENT = frozenset("images footage pictures photos videos conditions comments remarks words".split())
_WORDS_OF = frozenset("comment remark word statement testimony speech".split())
_SPEECH_TO = frozenset({"tell", "say", "speak", "give"})


def antecedent(doc: Doc, mention: Span) -> Span | None:
    """The noun phrase a relative pronoun speaker stands for, as a body span; for "Rice's
    comments" (words standing for their author), the author; for a dateline, the subject after
    its dash."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    if (dated := after_dateline(doc, mention)) is not None:
        return dated
    head = head_noun(span)
    if head is not None and head.lemma_.lower() in _WORDS_OF:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            words = [t for t in owner.subtree if t.dep_ != "case" and not t.is_punct]
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            return Span(start, end, text_of(doc)[start:end]) if end > start else None
    if mention.text.strip().lower() not in _RELATIVE or len(span) != 1:
        return None
    verb = span[0].head
    if verb.dep_ != "relcl" or verb.head.i == verb.i:
        return None
    noun = verb.head
    left = noun.left_edge
    while left.i < noun.i and left.is_punct:
        left = doc[left.i + 1]
    if noun.tag_ in ("NNS", "NNPS") and left.lower_ in ("a", "an"):
        # "a promised immigration vote enraged liberals, who": no "a" goes with a plural, the
        # parse hung another phrase off the noun; the noun starts after its last verb
        verbs = [t.i for t in doc[left.i : noun.i] if t.tag_.startswith("VB")]
        left = doc[verbs[-1] + 1] if verbs else noun
    start, end = left.idx, noun.idx + len(noun.text)
    return Span(start, end, text_of(doc)[start:end])


_WIRE = re.compile(r"\((?:AFP|AP|UPI|Reuters)\)$")
_DATELINE_DASH = re.compile(r"[ \t\xa0]*(?:—|–|―|--|-(?= ))[ \t\xa0]*")


def after_dateline(doc: Doc, mention: Span) -> Span | None:
    """For a mention that is a dateline (a place in capitals opening a paragraph, then a dash:
    "AMHERST, N.H. —", "WASHINGTON ―", or a wire's "New York (AFP) –"), the phrase after the dash up to its verb, a comma, a
    bracket or a date ("Gov. Rick Perry of Texas on Tuesday said" → "Gov. Rick Perry of Texas");
    None for any other mention. A dateline is never the speaker."""
    text = text_of(doc)
    first = mention.text.split()[0].strip(",.") if mention.text.strip() else ""
    wire = _WIRE.search(mention.text) is not None  # "New York (AFP) –": a wire's dateline
    if (len(first) < 3 or not first.isupper()) and not wire or text[:mention.start].rstrip(" \t\xa0")[-1:] not in ("", "\n"):
        return None
    dash = _DATELINE_DASH.match(text, mention.end)
    if dash is None or dash.end() == mention.end:
        return None
    after = doc.char_span(dash.end(), min(len(text), dash.end() + 200), alignment_mode="expand")
    words = []
    for tok in after if after is not None else ():
        if tok.pos_ in ("VERB", "AUX") or tok.is_punct or tok.is_space or tok.ent_type_ in ("DATE", "TIME"):
            break
        words.append(tok)
    while words and words[-1].pos_ == "ADP":  # "… of Texas on Tuesday": the "on" goes with the date
        words.pop()
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return Span(start, end, text[start:end])


def coordinated(doc: Doc, mention: Span) -> bool:
    """The mention's head noun has a conjunct inside it, joined by "and" ("Trump and his
    right-wing allies", "Mr. Issa and all seven Republicans on the committee")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    head = head_noun(span) if span is not None else None
    if head is None or head.pos_ == "PRON":
        return False
    return (any(c.dep_ == "conj" and span.start <= c.i < span.end and c.pos_ in ("NOUN", "PROPN")
                for c in head.children)
            and any(c.dep_ == "cc" and c.lower_ in ("and", "&") for c in head.children))


def core(mention: Span) -> Span:
    """The mention without a focus word before it or a reflexive after it ("even Steele himself"
    → "Steele"), for resolving it."""
    text = mention.text
    lead = _FOCUS.match(text)
    start = lead.end() if lead else 0
    tail = _REFLEXIVE.search(text, start)
    end = tail.start() if tail else len(text)
    if (start, end) == (0, len(text)) or end <= start:
        return mention
    return Span(mention.start + start, mention.start + end, text[start:end])


def person_inside(doc: Doc, mention: Span) -> Span | None:
    """The first person named in a speaker phrase before any comma, dash or bracket
    ("Republican Sen. Lindsey Graham, R-S.C." → "Lindsey Graham")."""
    if coordinated(doc, mention):
        return None  # a group: not its first member
    cut = _APART.search(mention.text)
    end = mention.start + cut.start() if cut else mention.end
    span = doc.char_span(mention.start, end, alignment_mode="contract")
    for tok in span if span is not None else ():
        if tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON":
            j = tok.i + 1
            while j < span.end and doc[j].ent_iob_ == "I":
                j += 1
            name = doc[tok.i : j]
            return Span(name.start_char, name.end_char, name.text)
    return None


def after_cue(doc: Doc, draft: Draft) -> Span | None:
    """A person named right after the speech verb of an inverted attribution ("Her comments, said
    Josh Earnest, the White House press secretary, are …"): the speaker, whatever the parse
    made the verb's subject."""
    cue = doc.char_span(*draft.cue_at, alignment_mode="expand") if draft.cue_at is not None else None
    if cue is None or not len(cue):
        return None
    i = cue.end
    if i < len(doc) and doc[i].ent_type_ != "PERSON" and _TITLE.fullmatch(doc[i].text):
        i += 1  # "said Sen. Graham"
    if i >= len(doc) or doc[i].ent_iob_ != "B" or doc[i].ent_type_ != "PERSON":
        return None
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    name = doc[i:j]
    text = text_of(doc)
    heard = name.root.dep_ in _OBJECTS or name.root.head.lemma_.lower() in _TO_SOMEONE
    if heard or text[name.end_char : name.end_char + 1] not in (",", "."):
        return None
    return Span(name.start_char, name.end_char, name.text)


def group_name(doc: Doc, mention: Span) -> str | None:
    """The name a group or institution speaks under, as written; None for a pronoun or a single
    unnamed person ("a Kazakh expert")."""
    text = mention.text.strip()
    if not text or _INDEFINITE.match(text):
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    head = head_noun(span)
    if head is not None and head.lower_ in _QUANTITIES:  # "hundreds of priests": the priests
        head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
    if head is None or head.pos_ == "PRON" or head.lower_ in _NO_AGENT:
        return None
    conjuncts = [t.i for c in head.children if c.dep_ == "conj" and span.start <= c.i < span.end
                 for t in c.subtree if t.i < span.end]
    if conjuncts and coordinated(doc, mention):
        end = doc[max(conjuncts)].idx + len(doc[max(conjuncts)].text)
    else:
        plural = head.tag_ in ("NNS", "NNPS")
        institution = head.lower_ in GROUP_HEADS or head.ent_type_ in ("ORG", "NORP", "GPE")
        if not (plural or institution) or head.ent_type_ == "PERSON":
            return None
        end = _with_of(head, span.end)
    words = text_of(doc)[span.start_char : end]
    words = _DETERMINER.sub("", words.strip())
    return words[:1].upper() + words[1:] if words else None


def _with_of(head: Token, limit: int) -> int:
    """The end of a group's name: its head noun, with an "of" phrase after it inside the mention
    ("Backers of the policy", "Members of the committee"), and for a plural, a participle or
    relative clause right after it that says which ("people briefed on the matter", "Democrats
    who voted to reopen the government")."""
    end = head.idx + len(head.text)
    for child in head.rights:
        restrictive = head.tag_ in ("NNS", "NNPS") and narrows(child)
        if (child.dep_ == "prep" and child.lower_ == "of" or restrictive) and child.left_edge.i == head.i + 1:
            words = [t for t in child.subtree if t.i < limit]
            if words and all(t.i == words[0].i + k for k, t in enumerate(words)):
                end = words[-1].idx + len(words[-1].text)
    return end


def narrows(child: Token) -> bool:
    """A modifier after a plural's head that says which of them: a participle ("briefed on the
    matter"), a relative clause ("who voted yes") or an adjective phrase ("familiar with the
    talks"); not a gerund ("bashing Schumer") or an apposition."""
    if child.dep_ in ("acl", "relcl"):
        return child.tag_ != "VBG"
    return child.dep_ == "amod" and any(g.dep_ == "prep" for g in child.children)


def relay(doc: Doc, draft: Draft) -> Span | None:
    """The medium a speech verb's words went to: the object of "told" or the object of "on"/"to"
    after "said", when it is a medium ("Tass", "state television")."""
    if draft.cue_at is None:
        return None
    cue = doc.char_span(*draft.cue_at, alignment_mode="expand")
    verbs = [t for t in cue or () if t.pos_ in ("VERB", "AUX")]
    if not verbs or verbs[-1].lemma_.lower() not in _SPEECH_TO:
        return None
    verb = verbs[-1]
    heard = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    heard += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "to")
              for g in c.children if g.dep_ == "pobj"]
    for noun in heard:
        if _medium(noun):
            words = [t for t in noun.subtree if t.i <= noun.i or t.dep_ == "compound"]
            start, end = words[0].idx, noun.idx + len(noun.text)
            return Span(start, end, text_of(doc)[start:end])
    return None


def _medium(noun: Token) -> bool:
    words = {t.lower_ for t in noun.subtree if t.i <= noun.i}
    return bool(words & MEDIA_WORDS) or (noun.ent_type_ == "ORG" and noun.lower_ in MEDIA_WORDS)


def head_noun(span) -> Token | None:
    """The head noun of a speaker phrase, before any apposition or relative clause."""
    up = heads(span.doc)
    first = next((i for i in range(span.start, span.end) if not span.start <= up[i] < span.end or up[i] == i), None)
    head = span.doc[first] if first is not None else None
    return head if head is not None and head.pos_ in ("NOUN", "PROPN", "PRON") else None


def relayed(doc: Doc, draft: Draft) -> tuple[Draft, Span | None] | None:
    """A report that carries someone else's words: "according to Tass, Peskov said that …" and
    "state media quoted Kim as saying …" give Peskov's and Kim's quote with Tass and state media
    as the relay; a second verb with no speaker of its own takes the phrase the sentence opens
    with (``borrowed``), with its relay; None for any other draft."""
    if draft.speaker is None and (lent := borrowed(doc, draft)) is not None:
        return lent, relay(doc, lent)
    if draft.speaker is None or draft.cue_at is None:
        return None
    cue = doc.char_span(*draft.cue_at, alignment_mode="expand")
    lemma = cue[-1].lemma_.lower() if cue is not None and len(cue) else ""
    found = None
    if lemma == "to" and draft.cue == "according to":
        body = doc.char_span(draft.start, draft.end, alignment_mode="expand")
        found = next((_said(t) for t in body or () if _said(t) is not None), None)
    elif lemma == "quote":
        verb = cue[-1]
        who = next((c for c in verb.children if c.dep_ == "dobj"), None)
        saying = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                       for g in c.children if g.lemma_ == "say"), None)
        if who is not None and saying is not None:
            found = _report_of(who, saying)
    if found is None:
        return None
    (s_start, s_end), (c_start, c_end), cue_text, lemma = found
    via = Span(draft.speaker[0], draft.speaker[1], text_of(doc)[draft.speaker[0] : draft.speaker[1]])
    return replace(draft, start=c_start, end=c_end, speaker=(s_start, s_end), cue=cue_text,
                   feature=f"{lemma}/relayed/{draft.kind}"), via


def borrowed(doc: Doc, draft: Draft) -> Draft | None:
    """A draft with no speaker whose cue is the second of two coordinated verbs, the first with
    no subject in the parse either ("WASHINGTON ― President Donald Trump on Tuesday renewed his
    attack …, and said …", where the parse hangs the name off the dash): the draft with the
    noun phrase that opens the first verb's clause (after a dateline dash, before a date or a
    verb) as its speaker; None otherwise."""
    if draft.speaker is not None or draft.cue_at is None:
        return None
    cue = doc.char_span(*draft.cue_at, alignment_mode="expand")
    verbs = [t for t in cue or () if t.pos_ == "VERB"]
    if not verbs or verbs[-1].dep_ != "conj" or verbs[-1].head.pos_ != "VERB":
        return None
    first = verbs[-1].head
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in first.children):
        return None
    sent = first.sent
    opening = sent.start
    for tok in doc[sent.start : first.i]:
        if is_dash(tok):
            opening = tok.i + 1  # a dateline: the clause opens after its dash
    words = []
    for tok in doc[opening : first.i]:
        if tok.pos_ in ("VERB", "AUX", "PRON") or tok.is_punct or tok.is_space or tok.ent_type_ in ("DATE", "TIME"):
            break
        words.append(tok)
    while words and words[-1].pos_ in ("ADP", "ADV", "DET"):
        words.pop()
    if not words or not any(t.pos_ == "PROPN" or t.ent_type_ for t in words):
        return None  # only a name or an organisation opens a clause as its doer
    return replace(draft, speaker=(words[0].idx, words[-1].idx + len(words[-1].text)))


def _said(verb: Token):
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("say", "tell", "add", "announce"):
        return None
    who = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if who is None or who.ent_type_ != "PERSON" and not any(t.ent_type_ == "PERSON" for t in who.subtree):
        return None
    return _report_of(who, verb)


def _report_of(who: Token, verb: Token):
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    words = list(clause.subtree)
    first = words[0]
    who_words = [t for t in who.subtree if t.dep_ not in ("punct",)]
    return ((who_words[0].idx, who_words[-1].idx + len(who_words[-1].text)),
            (first.idx, words[-1].idx + len(words[-1].text)), verb.text, verb.lemma_.lower())
