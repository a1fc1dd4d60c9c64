"""How sure the text is of a figure: its status from the text's own cues, strongest first.

``disputed`` (denied, rejected, disputed, or a denial in the next sentence), ``unverified``
(claimed, without evidence, could not be verified, is said to), ``estimate`` (estimated,
projected, reckoned), ``attributed`` (a quote, a source in the parse, or a reporting word in the
sentence), else ``asserted``. The lemma of the figure's reporting verb counts first
(``onrecord.extract.claims`` finds it).
"""

from __future__ import annotations

import re

ESTIMATE_LEMMAS = {"estimate", "reckon", "calculate", "project", "forecast", "predict", "assess"}
UNVERIFIED_LEMMAS = {"claim", "boast", "allege", "brag"}
DENY_LEMMAS = {"deny", "reject", "dispute", "refute", "dismiss", "contest"}

_DISPUTED = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|disputed|disputes|refuted|refutes|"
    r"dismissed (?:the|that|this|those|these|it|them)\b|contested|called (?:the|that|this) "
    r"(?:claim|figure|number)s? (?:false|untrue|a lie|fake))", re.I)
# Evidence and verification remarks hold for the whole sentence ...
_UNVERIFIED = re.compile(
    r"\b(?:without (?:offering|providing|giving|presenting|citing|producing|showing) "
    r"(?:any )?(?:evidence|proof)|without evidence|(?:could|can|cannot|can't|could not)(?: not)? "
    r"(?:be )?(?:independently )?(?:verif|confirm)\w*|not (?:been )?(?:independently )?"
    r"(?:verified|confirmed)|unable to (?:independently )?(?:verify|confirm)|unverified|"
    r"unconfirmed)", re.I)
# ... while hedging verbs count only before the figure (a later "X claimed ..." is another clause;
# a reporting verb after the figure is read from the parse instead).
_UNVERIFIED_BEFORE = re.compile(
    r"\b(?:(?:is|are|was|were) said to|reportedly|allegedly|purport\w*|claimed|claiming|"
    r"claims? that|boast(?:s|ed|ing)?)\b", re.I)
_UNVERIFIED_NEXT = re.compile(
    r"\b(?:(?:could|can|cannot|can't)(?: not)? (?:be )?(?:independently )?(?:verif|confirm)\w*|"
    r"not (?:been )?(?:independently )?(?:verified|confirmed)|unable to (?:independently )?"
    r"(?:verify|confirm)|no evidence|unverified|unconfirmed)", re.I)
_ESTIMATE_BEFORE = re.compile(
    r"\b(?:estimat\w*|reckon\w*|projected|projections?|forecast\w*)\b", re.I)
_ATTRIBUTED = re.compile(
    r"\b(?:said|says|say|told|tells|according to|stated|states|announced|reported|reports|"
    r"added|wrote|noted|confirmed|citing|cited|quoted|(?:figures?|data|statistics) (?:from|by)|"
    r"(?:figures?|data|statistics|survey|study|poll|report) (?:showed|shows|found|finds))\b",
    re.I)


def status_of(sentence: str, before: str, next_text: str, lemma: str, reported: bool) -> str:
    """The strongest cue wins; ``before`` is the sentence up to the figure, ``lemma`` its reporting
    verb's ("" for none), ``reported`` whether a quote or a source in the parse carries it."""
    if lemma in DENY_LEMMAS or _DISPUTED.search(sentence) or _DISPUTED.search(next_text):
        return "disputed"
    if lemma in UNVERIFIED_LEMMAS or _UNVERIFIED.search(sentence) \
            or _UNVERIFIED_BEFORE.search(before) or _UNVERIFIED_NEXT.search(next_text):
        return "unverified"
    if lemma in ESTIMATE_LEMMAS or _ESTIMATE_BEFORE.search(before):
        return "estimate"
    if reported or _ATTRIBUTED.search(sentence):
        return "attributed"
    return "asserted"
