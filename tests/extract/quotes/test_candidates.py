"""Candidates drafted by the rules, on hand-built cues and parses."""

from __future__ import annotations

from onrecord.extract.quotes.marks import find_quoted


def test_quotation_closed_by_a_comma_before_its_speaker_is_what_the_verb_reports() -> None:
    from onrecord.extract.quotes.candidates import draft_for
    from onrecord.extract.quotes.cues import Cue

    text = "“The harbour will reopen soon,” the port director said on radio, reported the Gazette."
    at = text.index
    # a parse that hangs "reported the Gazette" under "said" as its clause
    cue = Cue(at("said"), at("said") + 4, "said", (at("the port"), at(" said")),
              (at("reported"), len(text) - 1), (0, len(text)), True, "say", "clause")
    draft = draft_for(text, cue, find_quoted(text), (0, len(text)))
    assert draft is not None and draft.kind == "direct"
    assert text[draft.start : draft.end] == "“The harbour will reopen soon,”"
    assert draft.feature == "say/adjacent/direct" and draft.speaker == cue.speaker
    # no comma before the speaker: the clause stays the content
    text2 = "The harbour will reopen soon. The port director said on radio that it would."
    cue2 = Cue(text2.index("said"), text2.index("said") + 4, "said",
               (text2.index("The port"), text2.index(" said")),
               (text2.index("that it"), len(text2) - 1), (29, len(text2)), True, "say", "clause")
    draft2 = draft_for(text2, cue2, find_quoted(text2), (0, len(text2)))
    assert draft2 is not None and draft2.kind == "indirect"


def test_quotation_right_after_a_speech_cue_takes_its_speaker() -> None:
    from onrecord.extract.quotes import Draft
    from onrecord.extract.quotes.candidates import from_marks

    text = "The bridge will reopen in May, the mayor said. “We are ready for every single car and every bus.”"
    at = text.index
    reported = Draft(0, at(", the mayor"), "indirect", "said", (at("the mayor"), at(" said")),
                      feature="say/inverted/indirect", cue_at=(at("said"), at("said") + 4))
    (quote,) = from_marks(text, find_quoted(text), [reported])
    assert quote.speaker == reported.speaker and quote.feature == "-/continued/direct"
    # a cue that is not a speech verb lends no speaker
    other = Draft(0, at(", the mayor"), "indirect", "built", (at("the mayor"), at(" said")),
                   feature="build/object/indirect", cue_at=(at("said"), at("said") + 4))
    (alone,) = from_marks(text, find_quoted(text), [other])
    assert alone.speaker is None and alone.feature == "-/alone/direct"


def test_candidates_of_a_hand_built_report_and_quotation(blank_nlp) -> None:
    from marked_docs import QUOTED, REPORTED, parsed_doc
    from onrecord.extract.quotes import candidates

    doc = parsed_doc(blank_nlp.vocab, REPORTED)
    (report,) = candidates(doc)
    assert (report.kind, report.feature, report.cue) == ("indirect", "say/clause/indirect", "said")
    assert doc.text[report.start : report.end] == "that the bridge would close"
    assert doc.text[slice(*report.speaker)] == "The mayor" and report.mark is None
    doc = parsed_doc(blank_nlp.vocab, QUOTED)
    (quote,) = candidates(doc)
    assert (quote.kind, quote.feature) == ("direct", "say/clause/direct")
    assert doc.text[quote.start : quote.end] == "“We will win,”"
    assert doc.text[slice(*quote.speaker)] == "she" and quote.mark is not None


# "“He stands for workers,” Anderson said, adding that Sanders is “the most honest.”"
_ADDING = """
“~ PUNCT punct 2
He PRON nsubj 2
stands VERB ccomp 8 stand
for ADP prep 2
workers~ NOUN pobj 3 worker
,~ PUNCT punct 8
” PUNCT punct 8
Anderson PROPN nsubj 8
said~ VERB ROOT 8 say
, PUNCT punct 8
adding VERB advcl 8 add
that SCONJ mark 13
Sanders PROPN nsubj 13
is AUX ccomp 10 be
“~ PUNCT punct 13
the DET det 17
most ADV advmod 17
honest~ ADJ attr 13
.~ PUNCT punct 8
” PUNCT punct 8
"""


def test_a_verb_that_borrows_the_speaker_reports_its_own_clause_not_the_quotation_before(blank_nlp) -> None:
    from marked_docs import parsed_doc
    from onrecord.extract.quotes.candidates import candidates

    doc = parsed_doc(blank_nlp.vocab, _ADDING)
    text = doc.text
    by_cue = {d.cue: d for d in candidates(doc)}
    said, adding = by_cue["said"], by_cue["adding"]
    assert text[said.start : said.end] == "“He stands for workers,”" and said.kind == "direct"
    assert text[adding.start : adding.end] == "that Sanders is “the most honest.”"
    assert adding.kind == "mixed" and text[slice(*adding.speaker)] == "Anderson"
