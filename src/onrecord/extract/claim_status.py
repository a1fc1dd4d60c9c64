"""How sure the text is of a figure: its status from the text's own cues, strongest first.

``disputed`` (denied, rejected, disputed, or a denial in the next sentence; with a parse, only a
denial of this figure: see ``denied``), ``unverified``
(claimed, without evidence, could not be verified, is said to; a next sentence doubting where the
figure came from), ``estimate`` (estimated, projected, reckoned; "$1.1 million is the estimated
cost"), ``attributed`` (a quote, a source in the parse, or a reporting word in the
sentence), else ``asserted``. The lemma of the figure's reporting verb counts first
(``onrecord.extract.claims`` finds it).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from onrecord.extract.claim_acts import adds_it, one_dash, past_tag
from onrecord.nlp.pipeline import columns, text_of

ESTIMATE_LEMMAS = {"estimate", "reckon", "calculate", "project", "forecast", "predict", "assess"}
UNVERIFIED_LEMMAS = {"claim", "boast", "allege", "brag"}
DENY_LEMMAS = {"deny", "reject", "dispute", "refute", "dismiss", "contest"}

_DISPUTED = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|disputed|disputes|refuted|refutes|"
    r"dismissed (?:the|that|this|those|these|it|them)\b|contested|called (?:the|that|this) "
    r"(?:claim|figure|number)s? (?:false|untrue|a lie|fake))", re.I)
# Evidence and verification remarks hold for the whole sentence ...
_NOT_VERIFIED = (
    r"(?:could|can|cannot|can't)(?: not)? (?:be )?(?:independently )?(?:verif|confirm)\w*|"
    r"not (?:been )?(?:independently )?(?:verified|confirmed)|unable to (?:independently )?"
    r"(?:verify|confirm)|unverified|unconfirmed")
_UNVERIFIED = re.compile(
    r"\b(?:without (?:offering|providing|giving|presenting|citing|producing|showing) "
    rf"(?:any )?(?:evidence|proof)|without evidence|{_NOT_VERIFIED})", re.I)
# ... while hedging verbs count only before the figure (a later "X claimed ..." is another clause;
# a reporting verb after the figure is read from the parse instead).
_UNVERIFIED_BEFORE = re.compile(
    r"\b(?:(?:is|are|was|were) said to|reportedly|allegedly|purport\w*|claimed|claiming|"
    r"claims? that|boast(?:s|ed|ing)?)\b", re.I)
_UNVERIFIED_NEXT = re.compile(rf"\b(?:{_NOT_VERIFIED}|no evidence)", re.I)  # in the next sentence
_ESTIMATE_BEFORE = re.compile(
    r"\b(?:estimat\w*|reckon\w*|projected|projections?|forecast\w*|predict(?:s|ed|ing|ions?)?)\b", re.I)
# The figure's own estimating word ("the country's estimated 11 million") says what it is; a hedge
# of the clause around it ("The principles reportedly will cover how many of ...") does not.
_OWN_ESTIMATE = re.compile(r"\b(?:an )?estimated\s+(?:[$£€]\s?)?\d[\d,.]*(?:\s+(?:million|billion|trillion|thousand))?$",
                           re.I)
# ... and after it when the figure is the subject of the estimate ("$1.1 million is the estimated cost").
_ESTIMATE_AFTER = re.compile(
    r"^\W*(?:is|was|are|were|would be|will be)\s+(?:the|an?|its|their)\s+(?:\w+\s+)?"
    r"(?:estimated|projected|forecast)\b", re.I)
# The next sentence doubts where one figure came from ("It was unclear where Mr. Bush got the
# figure."): the figure the sentence ends with (plural: every figure of the sentence).
_SOURCE_UNCLEAR = re.compile(
    r"\b(?:unclear|not clear|did not say|didn't say|would not say|wouldn't say) (?:where|how) .{0,60}?"
    r"\b(?:got|get|obtained|found|arrived at|came up with|derived|calculated|reached) "
    r"(?:the|that|this|those|these|his|her|its|their) (figures?|numbers?|estimates?|statistics?|claims?)\b",
    re.I)
_ATTRIBUTED = re.compile(
    r"\b(?:said|says|say|told|tells|according to|stated|states|announced|reported|reports|"
    r"added|wrote|noted|confirmed|citing|cited|quoted|(?:figures?|data|statistics) (?:from|by)|"
    r"(?:figures?|data|statistics|survey|study|poll|report) (?:showed|shows|found|finds))\b",
    re.I)


# What a denial names when it denies a figure given before it: "Russia rejected the figure",
# "a number the opposition rejected", "BP disputed that number" (not "Democrats rejected the plan").
FIGURE_NOUNS = {"figure", "number", "claim", "estimate", "count", "toll", "tally", "total", "report",
                "allegation", "assertion", "statistic", "account", "accusation", "assessment"}
# ... and, in the figure's own sentence, a word that stands for the clause: "..., which Israel denied".
_CLAUSE_WORDS = {"which", "it", "this", "that"}
# How a clause of its own hangs on a denying verb ("Democrats rejected the plan, and a Senate
# version failed to get the 60 votes"): the denial is not of what that clause says.
OTHER_CLAUSE = {"conj", "advcl", "parataxis"}


def denied(fig: Span, sentence: Span, next_sentence: Span | None) -> bool:
    """A denial of this figure in the parse: a denying verb above the figure ("Israel denied that
    500 people had died", "denied reports that it sent 200 warships"), or one whose object is the
    figure's statement: a noun of figures in this or the next sentence ("a figure the Kremlin
    denied", "Russia rejected the figure as propaganda"), or a word for the clause in this one
    ("..., which Israel denied"). A denial of something else ("Democrats rejected the plan") or in
    another clause does not make the figure disputed."""
    below, own = fig.root, set()
    for anc in fig.root.ancestors:
        if _denies(anc) and not not_denial_of(anc, below):
            return True
        if _denies(anc):
            own.add(anc.i)  # the figure is the denier's own words ("disputed a report as ... - six months")
        below = anc
    return any(_denies(t) and t.i not in own and _denies_statement(t, t.sent == fig.sent) for t in sentence) or (
        next_sentence is not None and any(_denies(t) and _denies_statement(t, False) for t in next_sentence))


def not_denial_of(verb: Token, below: Token) -> bool:
    """The denying verb above the figure does not deny it: the figure's clause hangs on it as a
    clause of its own, or as a phrase of circumstance or description ("During the four days of
    hearings, ... did not dispute his credentials", "disputed a report as a distortion of his
    service - six months ..."), or the verb is negated ("did not dispute")."""
    return below.dep_ in OTHER_CLAUSE or below.dep_ == "prep" or any(c.dep_ == "neg" for c in verb.children)


def _denies(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in DENY_LEMMAS


def _denies_statement(verb: Token, same: bool) -> bool:
    words = FIGURE_NOUNS | (_CLAUSE_WORDS if same else set())
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "relcl":
        objects.append(verb.head)  # "a figure the Kremlin denied", "a number the opposition rejected"
    return any(o.lemma_.lower() in words or o.lower_ in words for o in objects)


def status_of(sentence: str, before: str, next_text: str, lemma: str, reported: bool,
              disputed: bool | None = None, cues: str | None = None) -> str:
    """The strongest cue wins; ``before`` is the sentence up to the figure, ``lemma`` its reporting
    verb's ("" for none), ``reported`` whether a quote or a source in the parse carries it;
    ``disputed`` the parse's reading of a denial (``denied``), None without a parse (then the
    denial words of the sentence and the next one count); ``cues`` the sentence where reporting
    words are read (with a parse: less the verbs of other clauses, ``reporting_words``)."""
    if disputed is None:
        disputed = bool(_DISPUTED.search(sentence) or _DISPUTED.search(next_text))
    if lemma in DENY_LEMMAS or disputed:
        return "disputed"
    after = sentence[len(before):]
    own_estimate = _OWN_ESTIMATE.search(before) is not None  # "the country's estimated 11 million"
    if lemma in UNVERIFIED_LEMMAS or _UNVERIFIED.search(sentence) \
            or (_UNVERIFIED_BEFORE.search(before) and not own_estimate) or _UNVERIFIED_NEXT.search(next_text) \
            or _source_unclear(next_text, after):
        return "unverified"
    if lemma in ESTIMATE_LEMMAS or _estimate_before(before) or _ESTIMATE_AFTER.search(after):
        return "estimate"
    if reported or _ATTRIBUTED.search(sentence if cues is None else cues):
        return "attributed"
    return "asserted"


def _estimate_before(before: str) -> bool:
    """A word of estimating before the figure, not across a single dash ("under the projections
    ..., a deficit of $631 billion in 2025—hardly smaller than the $666 billion deficit in ..."),
    nor a noun of estimating with its own figure ("an earlier estimate of 148,000")."""
    found = [m for m in _ESTIMATE_BEFORE.finditer(before) if not _own_figure(before[m.end():])]
    return bool(found) and not one_dash(before[found[-1].end():])


# "an earlier estimate of 148,000, and the figure for October was lowered to 138,000": the
# estimate is of its own figure, not of the figures after it.
_OF_FIGURE = re.compile(r"\s+of\s+(?:about |around |roughly |nearly )?[$£€]?\d[\d,.]*(?:\s+(?:million|billion|trillion))?")


def _own_figure(rest: str) -> bool:
    m = _OF_FIGURE.match(rest)
    return m is not None and m.end() < len(rest.rstrip())


def _source_unclear(next_text: str, after: str) -> bool:
    """The next sentence doubts the source of this figure: of the last figure of the sentence for
    "the figure", of every figure for "the figures"."""
    m = _SOURCE_UNCLEAR.search(next_text)
    return m is not None and (m.group(1).lower().endswith("s") or not re.search(r"\d", after))


# A reporting word that is also a plural noun ("the 10 Democrats ... in states that Mr. Trump won",
# "the United States"); "reports" only as an object ("filed ... finance reports"): the tagger
# reads the verb as a noun too ("the paper reports, ...").
NOUN_FORMS = {"states"}


def reporting_words(fig: Span, sentence: Span) -> str:
    """The sentence with the verbs of other clauses blanked out: "Democrats rejected the plan even
    before Trump announced it, and ... failed to get the 60 votes" does not report the 60. A verb
    counts when it is above the figure or tags the whole sentence (root, parataxis), and not when
    the figure describes its speaker ("the 47-page indictment says"); nothing beyond a semicolon
    counts."""
    above = {t.i for t in fig.root.ancestors}
    doc = sentence.doc
    text = text_of(doc)[sentence.start_char : sentence.end_char]
    pos, lower = columns(doc)
    for tok in (doc[i] for i in range(sentence.start, sentence.end)
                if pos[i] == "VERB" or lower[i] in NOUN_FORMS or lower[i] == "reports"):
        if tok.pos_ == "VERB" and (describes_speaker(fig, tok) or asked_about(fig.root, tok) or confirms_office(tok)
                                   or adds_it(tok, fig.root) or past_tag(tok, fig.root)
                                   or times_to(fig.root, tok) or in_medium(fig.root, tok) or in_circumstance(fig.root, tok)
                                   or tok.i not in above and tok.dep_ not in (
                "ROOT", "parataxis") and not (fig.start <= tok.i < fig.end)):
            at = tok.idx - sentence.start_char
            text = text[:at] + " " * len(tok.text) + text[at + len(tok.text):]
        elif tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in NOUN_FORMS or tok.lower_ == "reports" and tok.dep_ in (
                "dobj", "pobj")):  # "filed erroneous campaign finance reports": a noun, no report
            at = tok.idx - sentence.start_char  # "in states that Mr. Trump won": a noun, no report
            text = text[:at] + " " * len(tok.text) + text[at + len(tok.text):]
    at = fig.start_char - sentence.start_char  # a clause of its own after a semicolon reports nothing here
    left, right = text.rfind(";", 0, at), text.find(";", at)
    if left >= 0:
        text = " " * (left + 1) + text[left + 1:]
    if right >= 0:
        text = text[:right] + " " * (len(text) - right)
    return text


HEDGE_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly"}


def hedge_words(fig: Span, sentence: Span, end: int) -> str:
    """The sentence up to the figure's end (``end``), with a hedging adverb blanked where it
    modifies another phrase than the figure's clause: "The ad, reportedly to air in Miami, ..., is
    costing Secure America $1 million" does not hedge the cost."""
    above = {t.i for t in fig.root.ancestors} | {t.i for t in fig}
    doc = sentence.doc
    text = text_of(doc)[sentence.start_char : sentence.end_char][:end - sentence.start_char]
    lower = columns(doc)[1]
    for tok in (doc[i] for i in range(sentence.start, sentence.end) if lower[i] in HEDGE_ADVERBS):
        if tok.idx < end and tok.head.i not in above and tok.head.dep_ != "ROOT":
            at = tok.idx - sentence.start_char
            text = text[:at] + " " * len(tok.text) + text[at + len(tok.text):]
    return text


# Subordinators of a clause of circumstance: "Schiff told The Post after Barr's four-page summary
# was released" (when he said it, not what he said).
CIRCUMSTANCE_MARKS = {"after", "before", "when", "while", "since", "until", "once", "although", "though"}
def circumstance(below: Token, tok: Token) -> bool:
    """The figure at ``tok`` sits in a clause of time or concession, ``below``, that hangs on the
    reporting verb; not in a "that" clause the parse hangs inside it ("Farenthold said after the
    reports broke that he would repay the $84,000": what he said)."""
    if below.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in below.children):
        return False
    path = [a for a in (tok, *tok.ancestors) if a.i != below.i and below.i in {x.i for x in a.ancestors}]
    return not any(a.dep_ == "ccomp" and any(c.lower_ == "that" and c.dep_ == "mark" for c in a.children) for a in path)


def in_circumstance(tok: Token, verb: Token) -> bool:
    """The figure at ``tok`` sits in a clause of time or concession on ``verb``."""
    below = next((a for a in (tok, *tok.ancestors) if a.head.i == verb.i and a.i != verb.i), None)
    return below is not None and circumstance(below, tok)


VERDICT_WORDS = {"guilty", "liable", "responsible", "innocent", "competent", "incompetent"}


def confirms_office(verb: Token) -> bool:
    """"Scalia was confirmed 98-0", "the Senate confirmed Gorsuch": a confirmation in office, of a
    person, not a report that confirms something; nor does a verdict report the figures of the
    charge ("A jury found Lee guilty in 1999 of the three murders")."""
    if verb.lemma_.lower() == "find":
        return any(c.lower_ in VERDICT_WORDS for c in verb.children)
    return verb.lemma_.lower() == "confirm" and any(
        c.dep_ in ("nsubjpass", "dobj") and c.ent_type_ == "PERSON" for c in verb.children)


def _on_topic(tok: Token, verb: Token) -> bool:
    """"Trudeau insisted on gender equality for his cabinet, naming women for half of the roles": a
    verb of saying with an "on" phrase of its topic and no content clause reports nothing else of
    the sentence ("insisted on Tuesday that ..." still reports its clause)."""
    topics = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and any(
        o.dep_ == "pobj" and o.pos_ == "NOUN" and not o.ent_type_ for o in c.children)]
    return bool(topics) and not any(c.dep_ == "ccomp" for c in verb.children) and not any(
        t.left_edge.i <= tok.i <= t.right_edge.i for t in topics)  # "insisted on $5 billion": a demand


def describes_speaker(fig: Span, verb: Token) -> bool:
    """The figure sits in the subject of the verb: it describes the speaker, the verb does not
    report it ("“...,” the 47-page indictment says"); or in an apposition on a name before the
    verb ("Rep. Bobby Scott, one of the nine lawmakers to vote against it, said ...")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= fig.root.i <= c.right_edge.i
               for c in verb.children) or (fig.root.i < verb.i and any(
                   a.dep_ == "appos" and a.head.pos_ == "PROPN" for a in (fig.root, *fig.root.ancestors)))


# Documents whose issuer is the source of what they say ("an analysis from", "a statement by").
DOCUMENT_NOUNS = {"analysis", "statement", "release", "report", "study", "survey", "estimate", "review",
                  "filing", "letter", "assessment", "calculation", "tally", "count", "memo", "document"}


# Verbs whose object is the audience told, not what is told: "Clinton told about 600 supporters".
AUDIENCE_LEMMAS = {"tell", "inform", "brief", "assure", "remind", "address"}


def in_medium(tok: Token, verb: Token) -> bool:
    """The figure sits in the "in" phrase naming the document a report is made in ("In a letter
    signed by the 42 members of the Republican caucus, ..., the Republicans informed ..."): it
    describes the document, the verb does not report it; not when it sits in the document's
    content clause ("wrote in a recent report that the amount ... increased from 2,763 pounds").
    Nor does a verb of telling report the figure that counts its audience, its object ("Clinton
    told about 600 supporters at the Iowa State Fairgrounds")."""
    head = tok.head if tok.dep_ in ("nummod", "quantmod", "compound") else tok
    if verb.lemma_.lower() in AUDIENCE_LEMMAS and head.head.i == verb.i and head.dep_ in ("dobj", "dative"):
        return True
    if _on_topic(tok, verb):
        return True
    below = tok
    for t in (tok, *tok.ancestors):
        if t.i == verb.i:
            return False
        if t.dep_ == "pobj" and t.lemma_.lower() in DOCUMENT_NOUNS and t.head.lower_ == "in" \
                and t.head.dep_ == "prep" and t.i != tok.i:
            return not (below.dep_ in ("acl", "relcl", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in below.children))
        below = t
    return False


TIME_MARKS = {"after", "before", "since", "until"}


def times_to(tok: Token, verb: Token) -> bool:
    """The figure measures the time to the clause of ``verb`` ("less than 48 hours after it was
    first announced"): a time, not what the verb reports."""
    below = next((t for t in (tok, *tok.ancestors) if t.head.i == verb.i and t.i != verb.i), None)
    return below is not None and below.dep_ == "npadvmod" and any(
        c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in verb.children)


def asked_about(tok: Token, verb: Token) -> bool:
    """The figure sits in the question put to the speaker of ``verb`` ("Asked about the 63
    Democrats who voted for Ryan, Pelosi said ..."): the outlet's words, not the speaker's."""
    return any(t.head.i == verb.i and t.dep_ == "advcl" and t.lemma_.lower() == "ask" and t.tag_ == "VBN"
               for t in (tok, *tok.ancestors))
