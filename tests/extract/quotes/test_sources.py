"""Speakers the actors stage does not name: relative pronouns, groups, relays, inverted
attributions; and a split quote as one quote."""

from __future__ import annotations

from dataclasses import replace

import pytest

from marked_docs import parsed_doc
from onrecord.extract.actors import extract_actors
from onrecord.extract.quotes import extract_quotes
from onrecord.extract.quotes.draft import Draft
from onrecord.extract.quotes.sources import borrowed, group_name, relayed
from onrecord.extract.quotes.statements import joined
from onrecord.models import Quote, Span
from onrecord.nlp.pipeline import blank


def _quotes(nlp, text: str):
    return extract_quotes(nlp(text))


@pytest.mark.model
def test_a_group_speaks_under_its_own_name(nlp) -> None:
    (q,) = _quotes(nlp, "US officials said that the talks had stalled over the weekend.")
    assert q.speaker_key is None and q.speaker_name == "US officials"


@pytest.mark.model
def test_a_single_unnamed_person_gets_no_name(nlp) -> None:
    (q,) = _quotes(nlp, "A Kazakh expert told the newspaper that the country had avoided the bloc.")
    assert q.speaker_name is None


@pytest.mark.model
def test_the_medium_a_speaker_told_is_the_relay(nlp) -> None:
    (q,) = _quotes(nlp, "Dmitry Peskov told Tass that the talks would start on Monday.")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Dmitry Peskov"
    assert q.via is not None and q.via.text == "Tass"


@pytest.mark.model
def test_according_to_a_medium_that_a_person_said_is_the_persons_quote_via_the_medium(nlp) -> None:
    (q,) = _quotes(nlp, "According to Tass, Dmitry Peskov said that the two leaders would meet in Vladivostok.")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Dmitry Peskov"
    assert q.via is not None and q.via.text == "Tass"
    assert q.text.startswith("that the two leaders") and q.act == "speech"


def test_parts_with_one_speaker_and_cue_in_a_paragraph_join_and_others_do_not() -> None:
    text = "“We stay,” he said. “We fight.”\n\n“We win.”"
    he = Span(11, 13, "he")
    parts = [Quote(1, 8, "We stay", "direct", "said", he, None, None),
             Quote(21, 29, "We fight", "direct", "said", he, None, None),
             Quote(34, 41, "We win", "direct", "said", he, None, None)]
    one, other = joined(text, parts)
    assert [f.text for f in one.fragments] == ["We stay", "We fight"]
    assert (one.start, one.end, one.text) == (1, 29, text[1:29]) and other.fragments == ()


def test_parts_with_cues_of_their_own_at_different_places_are_two_statements() -> None:
    text = "Graham said that Carson is decent, and said that Trump melted down."
    graham = Span(0, 6, "Graham")
    parts = [Quote(12, 33, "that Carson is decent", "indirect", "said", graham, None, None),
             Quote(44, 66, "that Trump melted down", "indirect", "said", graham, None, None)]
    assert len(joined(text, parts, [(7, 11), (39, 43)])) == 2
    assert len(joined(text, parts, [(7, 11), None])) == 1  # the second goes on with the first's cue


@pytest.mark.model
def test_the_name_in_a_trailing_attribution_beats_the_nearest_name(nlp) -> None:
    text = ("Mr. Kim praised the talks with his host on Wednesday.\n\n"
            "“There are certain restrictions on what we can discuss with Mr. Kim,” Mr. Putin said.")
    quote = next(q for q in _quotes(nlp, text) if q.kind == "direct")
    assert quote.speaker_mention is not None and quote.speaker_mention.text == "Mr. Putin"


@pytest.mark.model
def test_the_person_after_an_inverted_speech_verb_is_the_speaker(nlp) -> None:
    text = "Her comments, said Josh Earnest, the White House press secretary, are consistent with policy."
    (q,) = _quotes(nlp, text)
    assert q.speaker_mention is not None and q.speaker_mention.text == "Josh Earnest"


@pytest.mark.model
def test_a_dateline_is_never_the_speaker(nlp) -> None:
    doc = nlp("AMHERST, N.H. — Gov. Rick Perry of Texas on Tuesday said he would back the policy.")
    actors = extract_actors(doc)
    (q,) = extract_quotes(doc, actors)
    assert q.speaker_name == "Rick Perry"


@pytest.mark.model
def test_a_coordinated_speaker_is_the_group_as_written(nlp) -> None:
    doc = nlp("Donald Trump and his right-wing allies have used the emails to raise the issue, "
              "and Republicans and Democrats said the policy had failed.")
    actors = extract_actors(doc)
    names = {q.speaker_name for q in extract_quotes(doc, actors)}
    assert "Republicans and Democrats" in names and "Donald Trump" not in names


@pytest.mark.model
def test_a_group_keeps_its_of_phrase(nlp) -> None:
    (q,) = _quotes(nlp, "Backers of the policy say it allows officials to focus resources on criminals.")
    assert q.speaker_key is None and q.speaker_name == "Backers of the policy"



# "WASHINGTON ― President Donald Trump on Tuesday renewed his attack, and said an aide should be jailed."
SECOND_VERB = """
WASHINGTON PROPN nsubj 1
― PUNCT ROOT 1
President PROPN compound 4
Donald PROPN compound 4
Trump PROPN dobj 1
on ADP prep 7
Tuesday PROPN pobj 5
renewed VERB ccomp 1 renew
his PRON poss 9
attack~ NOUN dobj 7
, PUNCT punct 7
and CCONJ cc 7
said VERB conj 7 say
an DET det 14
aide NOUN nsubjpass 17
should AUX aux 17
be AUX auxpass 17
jailed~ VERB ccomp 12 jail
. PUNCT punct 1
"""


def test_a_second_verb_with_no_subject_in_the_parse_takes_the_name_opening_the_clause() -> None:
    doc = parsed_doc(blank().vocab, SECOND_VERB, ((3, 5, "PERSON"), (6, 7, "DATE")))
    said, content = doc[12], doc[13:18]
    draft = Draft(content.start_char, content.end_char, "indirect", "said", None, feature="say/clause/indirect",
                  cue_at=(said.idx, said.idx + len(said.text)))
    lent = borrowed(doc, draft)
    assert lent is not None and doc.text[lent.speaker[0] : lent.speaker[1]] == "President Donald Trump"
    carried = relayed(doc, draft)
    assert carried is not None and carried[0].speaker == lent.speaker
    assert borrowed(doc, replace(draft, speaker=(0, 10))) is None  # a speaker of its own stays
    subject = parsed_doc(blank().vocab, SECOND_VERB.replace("Trump PROPN dobj 1", "Trump PROPN nsubj 7"),
                         ((3, 5, "PERSON"), (6, 7, "DATE")))
    assert borrowed(subject, draft) is None  # the cue rules borrow a first verb's subject themselves


def test_a_coordinated_quantity_whose_of_phrase_has_no_conjunct_gets_no_group_name() -> None:
    # "Hundreds of workers and around 150 boats": the conjunct hangs off "Hundreds", the group
    # noun is "workers", which has none
    doc = parsed_doc(blank().vocab, """
        Hundreds NOUN nsubj 7
        of ADP prep 0
        workers NOUN pobj 1
        and CCONJ cc 0
        around ADV advmod 5
        150 NUM nummod 6
        boats NOUN conj 0
        set VERB ROOT 7
        out~ ADP prt 7
        . PUNCT punct 7
    """)
    words = "Hundreds of workers and around 150 boats"
    assert group_name(doc, Span(0, len(words), words)) is None


def _speakers(nlp, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    return {q.text: q.speaker_name for q in extract_quotes(doc, extract_actors(doc))}


@pytest.mark.model
def test_a_verb_with_no_subject_of_its_own_takes_the_subject_it_hangs_from(nlp) -> None:
    said = _speakers(nlp, "A day after telling reporters that he would not resign, Senator John Walsh broke his "
                          "silence on Wednesday.\n\nMr. Walsh spoke for an hour. He paused, then added: “But I don’t "
                          "know that. And I don’t want that to be the headline.”")
    assert said["that he would not resign"] == "John Walsh"
    assert said["But I don’t know that. And I don’t want that to be the headline."] == "John Walsh"


@pytest.mark.model
def test_a_group_narrowed_by_a_clause_keeps_it(nlp) -> None:
    said = _speakers(nlp, "People briefed on the matter said the offer had been withdrawn.")
    assert set(said.values()) == {"People briefed on the matter"}


@pytest.mark.model
def test_a_report_speaks_for_the_author_its_by_phrase_names(nlp) -> None:
    said = _speakers(nlp, "But the report, by White House Counsel Robert Bauer, concluded that the allegations "
                          "rest on factual errors.\n\nThe report said that no paid position was offered.")
    assert set(said.values()) == {"Robert Bauer"}


@pytest.mark.model
def test_the_name_ending_a_speaker_phrase_is_the_speaker(nlp) -> None:
    said = _speakers(nlp, "“This deal was morally reprehensible and political malpractice,” said Indivisible "
                          "co-founder Ezra Levin.")
    assert set(said.values()) == {"Ezra Levin"}


@pytest.mark.model
def test_an_institution_a_person_qualifies_speaks_as_itself(nlp) -> None:
    said = _speakers(nlp, "President Barack Obama met Joe Sestak in May. The Obama administration said in a report "
                          "that no improper offer was made.")
    assert "Obama administration" in said.values() and "Barack Obama" not in said.values()


@pytest.mark.model
def test_the_object_of_prompted_is_who_calls(nlp) -> None:
    said = _speakers(nlp, "Mr. Steele’s comments prompted William Kristol, editor of the Weekly Standard, to call "
                          "for Mr. Steele’s resignation as party leader.")
    assert set(said.values()) == {"William Kristol"}


@pytest.mark.model
def test_claims_a_group_qualifies_are_the_groups(nlp) -> None:
    said = _speakers(nlp, "Republicans in Congress asked for the records. The White House disputed Republican "
                          "claims that the conversations might be illegal or improper.")
    assert said["that the conversations might be illegal or improper"] == "Republicans"
