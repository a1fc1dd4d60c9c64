"""The attribution kind of each candidate, on hand-built Docs (no parser): speech, writing,
position and report, and actions that are no statement at all."""

from __future__ import annotations

import pytest

from marked_docs import parsed_doc
from onrecord.extract.quotes import candidates
from onrecord.extract.quotes.acts import act_of


def _clause(verb: str, lemma: str) -> str:
    """ "Putin VERB that talks would resume." """
    return f"""
Putin PROPN nsubj 1
{verb} VERB ROOT 1 {lemma}
that SCONJ mark 5
talks NOUN nsubj 5 talk
would AUX aux 5
resume~ VERB ccomp 1
. PUNCT punct 1
"""


# "According to Tass, talks resumed." / "According to Ana Ruiz, talks resumed."
ACCORDING = """
According VERB prep 5 accord
to ADP prep 0
Tass~ PROPN pobj 1
, PUNCT punct 5
talks NOUN nsubj 5 talk
resumed~ VERB ROOT 5 resume
. PUNCT punct 5
"""

# "Putin welcomed the leader of North Korea."
WELCOMED = """
Putin PROPN nsubj 1
welcomed VERB ROOT 1 welcome
the DET det 3
leader NOUN dobj 1
of ADP prep 3
North PROPN compound 6
Korea~ PROPN pobj 4
. PUNCT punct 1
"""

# "Kim declined to reveal the route."
DECLINED = """
Kim PROPN nsubj 1
declined VERB ROOT 1 decline
to PART aux 3
reveal VERB xcomp 1
the DET det 5
route~ NOUN dobj 3
. PUNCT punct 1
"""


def _acts(doc, broad: bool = True) -> set:
    """The kinds of the candidates with a cue: every verb with a complement when ``broad``."""
    return {act_of(doc, d) for d in candidates(doc, broad=broad) if d.cue_at is not None}


@pytest.mark.parametrize(("verb", "lemma", "act"), [
    ("said", "say", "speech"), ("told", "tell", "speech"), ("added", "add", "speech"),
    ("wrote", "write", "writing"), ("posted", "post", "writing"),
    ("believes", "believe", "position"), ("hopes", "hope", "position"), ("warned", "warn", "position"),
    ("found", "find", "report"),
])
def test_the_cue_verb_gives_the_attribution_kind(nlp, verb: str, lemma: str, act: str) -> None:
    doc = parsed_doc(nlp.vocab, _clause(verb, lemma), ((0, 1, "PERSON"),))
    assert _acts(doc) == {act}


def test_according_to_a_medium_is_a_report_and_to_a_person_speech(nlp) -> None:
    assert _acts(parsed_doc(nlp.vocab, ACCORDING, ((2, 3, "ORG"),)), broad=False) == {"report"}
    person = parsed_doc(nlp.vocab, ACCORDING.replace("Tass~", "Ruiz~"), ((2, 3, "PERSON"),))
    assert _acts(person, broad=False) == {"speech"}


def test_actions_are_no_statements(nlp) -> None:
    assert _acts(parsed_doc(nlp.vocab, WELCOMED, ((0, 1, "PERSON"), (5, 7, "GPE")))) == {None}
    assert None in _acts(parsed_doc(nlp.vocab, DECLINED, ((0, 1, "PERSON"),)))
