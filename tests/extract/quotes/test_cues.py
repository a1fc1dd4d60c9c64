"""Reporting cues read off the parse: speakers, broad mode, hand-built parses."""

from __future__ import annotations

import pytest


def _cues(nlp, text: str, broad: bool = False):
    from onrecord.extract.quotes.cues import cues_in
    from onrecord.extract.quotes.reports import report_cues

    doc = nlp(text)
    return doc.text, [c for sent in doc.sents for c in report_cues(sent, broad) + cues_in(sent, broad)]


@pytest.mark.model
def test_quote_cues_speaker_keeps_relative_clause_as_polnear_marks_sources(nlp) -> None:
    text, cues = _cues(nlp, "Tom Lee, who led the party for a decade, said that the vote was fair.")
    (cue,) = [c for c in cues if c.lemma == "say"]
    assert text[slice(*cue.speaker)] == "Tom Lee, who led the party for a decade"


@pytest.mark.model
def test_quote_cues_speaker_drops_dateline_and_keeps_closing_bracket(nlp) -> None:
    text, cues = _cues(nlp, "WASHINGTON — Sen. Chuck Grassley (R-Iowa) said Tuesday that the Senate would wait.")
    (cue,) = [c for c in cues if c.lemma == "say"]
    assert text[slice(*cue.speaker)] == "Sen. Chuck Grassley (R-Iowa)"


@pytest.mark.model
def test_quote_cues_broad_mode_adds_unknown_verbs_with_an_object(nlp) -> None:
    sentence = "The governor juggled three budget proposals on Monday."
    assert not [c for c in _cues(nlp, sentence)[1] if c.lemma == "juggle"]
    text, cues = _cues(nlp, sentence, broad=True)
    (cue,) = [c for c in cues if c.lemma == "juggle"]
    assert text[slice(*cue.speaker)] == "The governor"
    assert "known=False" in cue.features


@pytest.mark.model
def test_quote_cues_broad_mode_reads_noun_cue_with_owner_and_that_clause(nlp) -> None:
    text, cues = _cues(nlp, "Trump's claim that the election was rigged drew sharp criticism.", True)
    (cue,) = [c for c in cues if c.how == "noun"]
    assert cue.lemma == "claim"
    assert text[slice(*cue.speaker)] == "Trump's"  # PolNeAR keeps the possessive (171 of 282 in train)
    assert text[slice(*cue.content)] == "that the election was rigged"


@pytest.mark.model
def test_quote_cues_broad_mode_keeps_subjectless_verb_without_a_speaker(nlp) -> None:
    text, cues = _cues(nlp, "Blames the media for the loss of the election.", True)
    (cue,) = [c for c in cues if c.lemma == "blame"]
    assert cue.speaker is None and "subject=none" in cue.features
    assert text[slice(*cue.content)] == "the media for the loss of the election"


def _misparsed_credit():
    """A hand-built parse of “…,” NAME, APPOSITION, said on “SHOW.” in which the parser took the
    show's name inside the second quotation for the subject of "said" (as the small model does)."""
    from spacy.tokens import Doc

    from onrecord.nlp.pipeline import blank

    words = ["“", "We", "are", "ready", ",", "”", "Ana", "Ruiz", ",", "a", "party", "aide", ",",
             "said", "on", "“", "Radio", "North", ".", "”"]
    spaces = [False, True, True, False, False, True, True, False, True, True, True, False, True,
              True, True, False, True, False, False, False]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN",
           "NOUN", "PUNCT", "VERB", "ADP", "PUNCT", "PROPN", "PROPN", "PUNCT", "PUNCT"]
    heads = [2, 2, 13, 2, 2, 13, 7, 3, 7, 11, 11, 7, 13, 13, 13, 13, 17, 13, 13, 13]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "compound", "appos", "punct", "det",
            "compound", "appos", "punct", "ROOT", "prep", "punct", "compound", "nsubj", "punct", "punct"]
    return Doc(blank().vocab, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps,
               lemmas=["say" if w == "said" else w.lower() for w in words], sent_starts=[True] + [False] * 19)


def test_quote_cues_speaker_after_a_quotation_when_the_parse_puts_the_subject_elsewhere() -> None:
    from onrecord.extract.quotes.cues import after_quotation, cues_in

    doc = _misparsed_credit()
    said = doc[13]
    assert doc.text[slice(*after_quotation(said))] == "Ana Ruiz, a party aide"
    (cue,) = [c for c in cues_in(doc[:]) if c.lemma == "say"]
    assert doc.text[slice(*cue.speaker)] == "Ana Ruiz, a party aide"
    # no quotation closed by a comma before the phrase: nothing to credit
    assert after_quotation(doc[2]) is None


def test_quote_cues_read_speaker_and_clause_off_a_hand_built_parse(blank_nlp) -> None:
    from marked_docs import REPORTED, parsed_doc
    from onrecord.extract.quotes.cues import cues_in

    doc = parsed_doc(blank_nlp.vocab, REPORTED)
    (cue,) = cues_in(doc[:])
    assert (cue.lemma, cue.cue_text, cue.how, cue.speech) == ("say", "said", "clause", True)
    assert doc.text[slice(*cue.speaker)] == "The mayor"
    assert doc.text[slice(*cue.content)] == "that the bridge would close"
    assert "that=True" in cue.features and "sdep=nsubj" in cue.features


# "Even some allies said that the plan failed."
_EVEN = """
Even ADV advmod 2 even
some DET det 2
allies NOUN nsubj 3 ally
said VERB ROOT 3 say
that SCONJ mark 7
the DET det 6
plan NOUN nsubj 7
failed~ VERB ccomp 3 fail
. PUNCT punct 3
"""

# "Sen. Bernie Sanders (I-Vt.) said that the plan failed.": the parse hangs ".)" from the verb
_OPEN_BRACKET = """
Sen. PROPN compound 2
Bernie PROPN compound 2
Sanders PROPN nsubj 7
(~ PUNCT punct 2
I-Vt~ PROPN appos 2
.~ PUNCT punct 7
) PUNCT punct 7
said VERB ROOT 7 say
that SCONJ mark 11
the DET det 10
plan NOUN nsubj 11
failed~ VERB ccomp 7 fail
. PUNCT punct 7
"""


def test_quote_cues_speaker_leaves_out_a_leading_even(blank_nlp) -> None:
    from marked_docs import parsed_doc
    from onrecord.extract.quotes.cues import cues_in

    doc = parsed_doc(blank_nlp.vocab, _EVEN)
    (cue,) = [c for c in cues_in(doc[:]) if c.lemma == "say"]
    assert doc.text[slice(*cue.speaker)] == "some allies"


def test_quote_cues_speaker_closes_a_bracket_the_parse_left_open(blank_nlp) -> None:
    from marked_docs import parsed_doc
    from onrecord.extract.quotes.cues import cues_in

    doc = parsed_doc(blank_nlp.vocab, _OPEN_BRACKET)
    (cue,) = [c for c in cues_in(doc[:]) if c.lemma == "say"]
    assert doc.text[slice(*cue.speaker)] == "Sen. Bernie Sanders (I-Vt.)"


def test_quote_cues_bracketed_cuts_a_bracket_that_never_closes() -> None:
    from onrecord.extract.quotes.mentions import bracketed

    text = "Exit polls (a sizable margin, most voters) showed it."
    assert text[slice(*bracketed(text, (0, 28)))] == "Exit polls"
    assert text[slice(*bracketed(text, (0, 42)))] == text[:42]  # balanced: unchanged
    text = "Sen. Chuck Grassley (R-Iowa) said so."
    assert text[slice(*bracketed(text, (0, 27)))] == "Sen. Chuck Grassley (R-Iowa)"


# "Many speakers — including Jews — said that the plan failed.": the closing dash hangs from the verb
_DASHED_ASIDE = """
Many ADJ amod 1
speakers NOUN nsubj 6 speaker
— PUNCT punct 1
including VERB prep 1 include
Jews PROPN pobj 3
— PUNCT punct 6
said VERB ROOT 6 say
that SCONJ mark 10
the DET det 9
plan NOUN nsubj 10
failed~ VERB ccomp 6 fail
. PUNCT punct 6
"""

# "CLEVELAND - Donald Trump said that the plan failed."
_HYPHEN_DATELINE = """
CLEVELAND PROPN compound 3
- PUNCT punct 3
Donald PROPN compound 3
Trump PROPN nsubj 4
said VERB ROOT 4 say
that SCONJ mark 8
the DET det 7
plan NOUN nsubj 8
failed~ VERB ccomp 4 fail
. PUNCT punct 4
"""


def test_quote_cues_speaker_closes_a_dashed_aside(blank_nlp) -> None:
    from marked_docs import parsed_doc
    from onrecord.extract.quotes.cues import cues_in

    doc = parsed_doc(blank_nlp.vocab, _DASHED_ASIDE)
    (cue,) = [c for c in cues_in(doc[:]) if c.lemma == "say"]
    assert doc.text[slice(*cue.speaker)] == "Many speakers — including Jews —"


def test_quote_cues_speaker_drops_a_dateline_before_a_spaced_hyphen(blank_nlp) -> None:
    from marked_docs import parsed_doc
    from onrecord.extract.quotes.cues import cues_in

    doc = parsed_doc(blank_nlp.vocab, _HYPHEN_DATELINE)
    (cue,) = [c for c in cues_in(doc[:]) if c.lemma == "say"]
    assert doc.text[slice(*cue.speaker)] == "Donald Trump"


def test_quote_cues_dashed_cuts_an_aside_that_never_closes() -> None:
    from onrecord.extract.quotes.mentions import dashed

    text = "Mrs. Clinton -- whose husband signed the law, said so."
    assert text[slice(*dashed(text, (0, text.index(", said"))))] == "Mrs. Clinton"
    text = "Aides—and some donors—said so."
    assert text[slice(*dashed(text, (0, text.index("—said"))))] == "Aides—and some donors—"
    text = "Officials - and some donors - said so."
    assert text[slice(*dashed(text, (0, text.index(" - said"))))] == "Officials - and some donors -"
    text = "Sen. Chuck Grassley (R-Iowa) said so."  # a hyphen inside a word is no dash
    assert dashed(text, (0, 28)) == (0, 28)


# "In a new CNN poll, Clinton led Trump by ten points."
_IN_A_POLL = """
In ADP prep 7 in
a DET det 4
new ADJ amod 4
CNN PROPN compound 4
poll~ NOUN pobj 0 poll
, PUNCT punct 7
Clinton PROPN nsubj 7
led VERB ROOT 7 lead
Trump PROPN dobj 7
by ADP prep 7
ten NUM nummod 11
points~ NOUN pobj 9 point
. PUNCT punct 7
"""

# "Aides say that Cruz led in a new poll."
_SAID_IN_A_POLL = """
Aides NOUN nsubj 1 aide
say VERB ROOT 1
that SCONJ mark 4
Cruz PROPN nsubj 4
led VERB ccomp 1 lead
in ADP prep 4
a DET det 8
new ADJ amod 8
poll~ NOUN pobj 5 poll
. PUNCT punct 1
"""


def test_quote_cues_in_a_poll_reads_the_poll_as_the_source_of_its_clause(blank_nlp) -> None:
    from marked_docs import parsed_doc
    from onrecord.extract.quotes.cues import cues_in
    from onrecord.extract.quotes.reports import report_cues

    doc = parsed_doc(blank_nlp.vocab, _IN_A_POLL)
    (cue,) = report_cues(doc[:]) + cues_in(doc[:])
    assert (cue.lemma, cue.cue_text, cue.how) == ("poll", "In", "clause")
    assert doc.text[slice(*cue.speaker)] == "a new CNN poll"
    assert doc.text[slice(*cue.content)] == "Clinton led Trump by ten points"


def test_quote_cues_in_a_poll_inside_someones_report_stays_theirs(blank_nlp) -> None:
    from marked_docs import parsed_doc
    from onrecord.extract.quotes.cues import cues_in
    from onrecord.extract.quotes.reports import report_cues

    doc = parsed_doc(blank_nlp.vocab, _SAID_IN_A_POLL)
    assert [c.lemma for c in report_cues(doc[:]) + cues_in(doc[:])] == ["say"]


# "Cruz says he respects Clinton and adds that she is smart.": the parse hangs "adds" under
# "respects", inside the clause "says" reports
_STRAY_CONJUNCT = """
Cruz PROPN nsubj 1
says VERB ROOT 1 say
he PRON nsubj 3
respects VERB ccomp 1 respect
Clinton PROPN dobj 3
and CCONJ cc 3
adds VERB conj 3 add
that SCONJ mark 9
she PRON nsubj 9
is AUX ccomp 6 be
smart~ ADJ acomp 9
. PUNCT punct 1
"""


def test_quote_cues_a_cue_verb_hung_inside_anothers_clause_takes_that_cues_speaker(blank_nlp) -> None:
    from marked_docs import parsed_doc
    from onrecord.extract.quotes.cues import cues_in, stray_conjunct

    doc = parsed_doc(blank_nlp.vocab, _STRAY_CONJUNCT)
    assert stray_conjunct(doc[6]) == doc[1] and stray_conjunct(doc[3]) is None
    (cue,) = [c for c in cues_in(doc[:]) if c.lemma == "add"]
    assert doc.text[slice(*cue.speaker)] == "Cruz"  # not "he", the subject of "respects"
    assert doc.text[slice(*cue.content)] == "that she is smart"


# "The candidate repeated his promise to repeal the law."
_HIS_PROMISE = """
The DET det 1
candidate NOUN nsubj 2
repeated VERB ROOT 2 repeat
his PRON poss 4 his
promise NOUN dobj 2
to PART aux 6
repeal VERB acl 4
the DET det 8
law~ NOUN dobj 6
. PUNCT punct 2
"""


def test_quote_cues_noun_cue_owned_by_a_pronoun_under_a_cue_verb_is_the_subjects(blank_nlp) -> None:
    from marked_docs import parsed_doc
    from onrecord.extract.quotes.reports import noun_cues

    doc = parsed_doc(blank_nlp.vocab, _HIS_PROMISE)
    (cue,) = noun_cues(doc[:])
    assert doc.text[slice(*cue.speaker)] == "The candidate"
    assert doc.text[slice(*cue.content)] == "to repeal the law"
    # under a verb that reports nothing, the owner stays the source
    doc = parsed_doc(blank_nlp.vocab, _HIS_PROMISE.replace("repeated VERB ROOT 2 repeat", "faced VERB ROOT 2 face"))
    (cue,) = noun_cues(doc[:])
    assert doc.text[slice(*cue.speaker)] == "his"


def test_a_name_and_colon_inside_a_paragraph_credits_the_quotation_after_it() -> None:
    from onrecord.extract.quotes.reports import inner_colons

    text = "POLLS NOT WRONG, JUST EARLY - Mark Blumenthal and Jon Cohen: “The polls just ended too early.” [538.]"
    (cue,) = inner_colons(text, (0, len(text)))
    assert text[cue.speaker[0] : cue.speaker[1]] == "Mark Blumenthal and Jon Cohen"
    assert text[cue.content[0] : cue.content[1]] == "“The polls just ended too early.”"
    said = "He added, with a reference to Gen. David Petraeus: “That is why I supported it.”"
    assert inner_colons(said, (0, len(said))) == []  # no dash before the name


def test_an_interviews_q_and_a_labels_are_no_colon_speakers() -> None:
    from onrecord.extract.quotes.reports import colon_speaker

    assert colon_speaker("Q: You said the middle class is still getting crushed.", (0, 55)) is None
    assert colon_speaker("A: I think his conclusory comment is correct.", (0, 45)) is None
    cue = colon_speaker("PENCE: Well, look at the record here.", (0, 37))
    assert cue is not None and cue.speaker == (0, 5)


def test_a_speaker_phrase_ends_before_the_day_it_ends_with_after_a_noun() -> None:
    from spacy.tokens import Doc

    from onrecord.extract.quotes.mentions import undated
    from onrecord.nlp.pipeline import blank

    words = ["The", "White", "House", "on", "Monday", "urged", "calm", ",", "and", "people", "waking",
             "up", "on", "Tuesday", "said", "so", "."]
    pos = ["DET", "PROPN", "PROPN", "ADP", "PROPN", "VERB", "NOUN", "PUNCT", "CCONJ", "NOUN", "VERB",
           "ADP", "ADP", "PROPN", "VERB", "ADV", "PUNCT"]
    doc = Doc(blank().vocab, words=words, spaces=[w not in (",", ".") and i + 1 < len(words) and words[i + 1] not in (",", ".")
                                                  for i, w in enumerate(words)], pos=pos)
    text = doc.text
    house = text.index(" urged")
    assert text[: undated(doc, 0, house)] == "The White House"
    waking = text.index("people")
    end = text.index(" said")
    assert undated(doc, waking, end) == end  # "people waking up on Tuesday": no noun before the day


def test_a_reporting_participle_the_parse_hangs_inside_a_cues_clause_is_that_cues_speakers() -> None:
    from spacy.tokens import Doc

    from onrecord.extract.quotes.cues import stray_participle, subject_of
    from onrecord.nlp.pipeline import blank

    # "Trump insisted that he expanded the party , claiming that he is responsible ."
    words = ["Trump", "insisted", "that", "he", "expanded", "the", "party", ",", "claiming", "that", "he",
             "is", "responsible", "."]
    heads = [1, 1, 4, 4, 1, 6, 4, 4, 4, 11, 11, 8, 11, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "det", "dobj", "punct", "advcl", "mark", "nsubj",
            "ccomp", "acomp", "punct"]
    pos = ["PROPN", "VERB", "SCONJ", "PRON", "VERB", "DET", "NOUN", "PUNCT", "VERB", "SCONJ", "PRON",
           "AUX", "ADJ", "PUNCT"]
    tags = ["NNP", "VBD", "IN", "PRP", "VBD", "DT", "NN", ",", "VBG", "IN", "PRP", "VBZ", "JJ", "."]
    lemmas = ["Trump", "insist", "that", "he", "expand", "the", "party", ",", "claim", "that", "he", "be",
              "responsible", "."]
    doc = Doc(blank().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
              spaces=[words[i + 1] not in (",", ".") if i + 1 < len(words) else False for i in range(len(words))])
    claiming = doc[8]
    assert stray_participle(claiming).i == 1
    assert subject_of(claiming).text == "Trump"
    assert stray_participle(doc[4]) is None  # "expanded" is no participle
