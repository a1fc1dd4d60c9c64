"""The quote extractor end to end: kinds, speakers, headline flags, the seed articles, the
choice of readers."""

from __future__ import annotations

import pytest

from onrecord.extract.quotes import extract_quotes
from onrecord.models import Actor, Entry, Mention
from onrecord.settings import Settings


def _draft(start: int, end: int, feature: str = "say/clause/indirect"):
    from onrecord.extract.quotes import Draft

    return Draft(start, end, "indirect", "said", (0, 3), None, feature)


def test_quotes_without_a_parse_keeps_long_quotations_and_never_fails(blank_nlp) -> None:
    text = "“We will keep every promise we made to the farmers,” he said. The “plan” failed."
    (q,) = extract_quotes(blank_nlp(text))
    assert q.kind == "direct" and q.speaker_key is None
    assert q.text == "We will keep every promise we made to the farmers"
    assert extract_quotes(blank_nlp("")) == ()


def _quotes(nlp, text: str, **kw):
    return extract_quotes(nlp(text), **kw)


@pytest.mark.model
def test_quotes_direct_quote_with_trailing_attribution(nlp) -> None:
    text = "“The border will stay open for trade,” Governor Ivan Petrov said on Monday."
    (q,) = _quotes(nlp, text)
    assert q.kind == "direct"
    assert q.text == "The border will stay open for trade"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Governor Ivan Petrov"
    assert q.cue == "said"


@pytest.mark.model
def test_quotes_split_quote_is_one_quote_with_its_fragments(nlp) -> None:
    text = "“We will not retreat,” the general said. “Our units hold every village on the river.”"
    (q,) = _quotes(nlp, text)
    assert q.kind == "direct" and q.act == "speech"
    assert [f.text for f in q.fragments] == ["We will not retreat", "Our units hold every village on the river."]
    assert all(text[f.start : f.end] == f.text for f in q.fragments)
    assert (q.start, q.end) == (q.fragments[0].start, q.fragments[-1].end) and text[q.start : q.end] == q.text
    assert q.speaker_mention is not None and q.speaker_mention.text == "the general"


@pytest.mark.model
def test_quotes_indirect_clause_includes_that_and_its_speaker(nlp) -> None:
    text = "The foreign minister said that the talks would resume in Geneva next month."
    (q,) = _quotes(nlp, text)
    assert q.kind == "indirect"
    assert q.text == "that the talks would resume in Geneva next month"
    assert q.speaker_mention is not None and q.speaker_mention.text == "The foreign minister"


@pytest.mark.model
def test_quotes_inverted_report_takes_the_whole_clause_before_it(nlp) -> None:
    text = "The convoy was delayed at the border, but the aid reached the city, officials said."
    (q,) = _quotes(nlp, text)
    assert q.kind == "indirect"
    assert q.text == "The convoy was delayed at the border, but the aid reached the city"
    assert q.speaker_mention is not None and q.speaker_mention.text == "officials"


@pytest.mark.model
def test_quotes_parenthetical_cue_gives_one_quote_in_two_fragments(nlp) -> None:
    text = "The new bridge, the mayor said, will open to traffic in the spring."
    (q,) = _quotes(nlp, text)
    assert [f.text for f in q.fragments] == ["The new bridge", "will open to traffic in the spring"]
    assert q.speaker_mention is not None and q.speaker_mention.text == "the mayor"


@pytest.mark.model
def test_quotes_possessive_spokesman_is_the_speaker_phrase(nlp) -> None:
    text = "The president's spokesman told reporters that no meeting had been planned."
    (q,) = _quotes(nlp, text)
    assert q.cue == "told"
    assert q.speaker_mention is not None
    assert q.speaker_mention.text == "The president's spokesman"
    assert q.text == "that no meeting had been planned"


@pytest.mark.model
def test_quotes_according_to_takes_the_rest_of_the_clause(nlp) -> None:
    text = "According to the regional governor, about 4,000 people left the town last week."
    (q,) = _quotes(nlp, text)
    assert q.cue == "according to"
    assert q.speaker_mention is not None and q.speaker_mention.text == "the regional governor"
    assert q.text.startswith("about 4,000 people left the town")


@pytest.mark.model
def test_quotes_partial_quote_inside_reported_speech_is_mixed(nlp) -> None:
    text = "Mr Lee said his country would “stand shoulder to shoulder” with its neighbour."
    (q,) = _quotes(nlp, text)
    assert q.kind == "mixed"
    assert "stand shoulder to shoulder" in q.text
    assert q.speaker_mention is not None and q.speaker_mention.text == "Mr Lee"


@pytest.mark.model
def test_quotes_scare_quotes_and_titles_are_not_quotes(nlp) -> None:
    text = "The so-called “peace plan” was debated alongside the “Freedom Act” in parliament."
    assert _quotes(nlp, text) == ()


@pytest.mark.model
def test_quotes_dash_credit_after_a_quotation_names_the_speaker(nlp) -> None:
    text = "“The harbour must reopen before the winter storms arrive.” ― Lena Berg"
    (q,) = _quotes(nlp, text)
    assert q.kind == "direct"
    assert q.speaker_mention is not None and q.speaker_mention.text == "Lena Berg"


@pytest.mark.model
def test_quotes_transcript_line_speaker_before_colon(nlp) -> None:
    text = ("The interview was recorded on Monday.\n\n"
            "HOST: Will the minister attend the summit in Oslo next week?\n\n"
            "MINISTER: I will attend the summit.")
    q = next(q for q in _quotes(nlp, text) if q.text.startswith("Will"))
    assert q.cue == ":"
    assert q.speaker_mention is not None and q.speaker_mention.text == "HOST"
    assert q.text.startswith("Will the minister attend")


@pytest.mark.model
def test_quotes_unattributed_paragraph_continues_previous_speaker(nlp) -> None:
    text = (
        "“Our farmers need the new port,” the mayor said.\n\n"
        "“Without it the harvest will rot in the fields before anyone can sell it.”"
    )
    quotes = _quotes(nlp, text)
    assert len(quotes) == 2
    assert quotes[1].speaker_mention == quotes[0].speaker_mention


@pytest.mark.model
def test_quotes_unbalanced_marks_do_not_fail_the_article(nlp) -> None:
    text = "The envoy said “the deal is close\n\nThe minister told reporters that talks had stalled."
    quotes = _quotes(nlp, text)
    assert any(q.text.startswith("that talks had stalled") for q in quotes)


@pytest.mark.model
def test_quotes_headline_quotes_are_flagged(nlp) -> None:
    text = "Minister says the army will win\n\nThe minister said the army would win the war soon."
    quotes = _quotes(nlp, text, headline_end=31)
    assert [q.in_headline for q in quotes] == [True, False]


@pytest.mark.model
def test_quotes_live_blog_entry_heading_quotes_are_flagged(nlp) -> None:
    text = "Intro text here.\n\nGovernor says the roads will reopen\n\nMore details followed today."
    start = text.index("Governor")
    entry = Entry("10:00", None, "Governor says the roads will reopen", start, len(text))
    quotes = _quotes(nlp, text, entries=[entry])
    assert quotes and quotes[0].in_headline


@pytest.mark.model
def test_quotes_pronoun_speaker_falls_back_to_last_person_quoted(nlp) -> None:
    text = (
        "“The shipments will arrive by rail,” Anna Volkova said.\n\n"
        "“We expect the first train within a week,” she added."
    )
    doc = nlp(text)
    start = text.index("Anna Volkova")
    actor = Actor(
        "anna-volkova", "Anna Volkova", "PERSON", ("Anna Volkova",),
        (Mention(start, start + 12, "Anna Volkova", "anna-volkova"),),
    )
    quotes = extract_quotes(doc, [actor])
    assert [q.speaker_name for q in quotes] == ["Anna Volkova", "Anna Volkova"]
    assert quotes[1].speaker_mention is not None and quotes[1].speaker_mention.text == "she"


@pytest.mark.model
@pytest.mark.datasets


@pytest.mark.parametrize(
    ("seed", "words", "speaker"),
    [
        ("000_", "lay the groundwork", "Oleg Kozhemyako"),
        ("000_", "good prospects for co-operation", "Oleg Kozhemyako"),
        ("000_", "We carried out a partial mobilisation", "Vladimir Putin"),
        ("000_", "It will just prolong the conflict", "Vladimir Putin"),
        ("002_", "The interests of our two countries", "Dmitry Peskov"),
    ],
)


def test_quotes_seed_speakers_resolve_to_full_names(nlp, seeds, seed, words, speaker) -> None:
    from onrecord.extract.actors import extract_actors

    path = next(seeds.glob(f"{seed}*.txt"))
    doc = nlp(path.read_text(encoding="utf-8"))
    quotes = extract_quotes(doc, extract_actors(doc))
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote containing {words!r}"
    assert {q.speaker_name for q in hits} == {speaker}


def test_suppress_keeps_the_best_scored_of_overlapping_readings() -> None:
    from onrecord.extract.quotes.extract import suppress

    wide, narrow, apart = _draft(10, 60), _draft(15, 40), _draft(70, 90)
    kept = suppress([(0.4, wide), (0.7, narrow), (0.2, apart)])
    assert kept == [narrow, apart]  # text order, the wide reading gone
    assert suppress([(0.9, wide), (0.7, narrow)]) == [wide]


@pytest.mark.model
def test_quotes_model_keeps_a_plain_indirect_report_and_its_speaker(nlp) -> None:
    text = "The minister said that the talks would resume on Monday in Geneva."
    (q,) = _quotes(nlp, text)
    assert q.text == "that the talks would resume on Monday in Geneva"
    assert q.speaker_mention is not None and q.speaker_mention.text == "The minister"


@pytest.mark.model
def test_quotes_paragraph_of_quotation_continues_a_reported_speaker(nlp) -> None:
    from onrecord.extract.actors import extract_actors

    text = ("Admiral Jane Porter told reporters that the fleet would stay in port until the storm passed.\n\n"
            "“We will not put our sailors at risk for a schedule. The ships can wait a few days.”")
    doc = nlp(text)
    quotes = extract_quotes(doc, extract_actors(doc))
    second = [q for q in quotes if q.text.startswith("We will not")]
    assert second and second[0].speaker_name == "Jane Porter"


@pytest.mark.parametrize("settings", [Settings(), Settings(tagger=False), Settings(models=False)])
def test_quotes_of_a_hand_built_parse_with_every_reader(blank_nlp, settings: Settings) -> None:
    from marked_docs import QUOTED, REPORTED, parsed_doc

    (report,) = extract_quotes(parsed_doc(blank_nlp.vocab, REPORTED), settings=settings)
    assert (report.kind, report.text, report.cue) == ("indirect", "that the bridge would close", "said")
    assert report.speaker_mention is not None and report.speaker_mention.text == "The mayor"
    assert report.speaker_key is None  # no actors given
    (quote,) = extract_quotes(parsed_doc(blank_nlp.vocab, QUOTED), settings=settings)
    assert (quote.kind, quote.text) == ("direct", "We will win")


def test_quote_speakers_resolve_through_the_actors_on_a_hand_built_parse(blank_nlp) -> None:
    from marked_docs import EXPERT_THEN_SHE, NAMED_THEN_SHE, parsed_doc
    from onrecord.extract.actors import extract_actors

    doc = parsed_doc(blank_nlp.vocab, NAMED_THEN_SHE, ((0, 2, "PERSON"),))
    (quote,) = extract_quotes(doc, extract_actors(doc))
    assert (quote.speaker_mention.text, quote.speaker_name) == ("She", "Ana Ruiz")
    # "she" after an unnamed expert: not the last person named
    doc = parsed_doc(blank_nlp.vocab, EXPERT_THEN_SHE, ((0, 2, "PERSON"),))
    (quote,) = extract_quotes(doc, extract_actors(doc))
    assert quote.speaker_mention.text == "She" and quote.speaker_key is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("-Ivan Petrov said the bridge would reopen in May.", "Ivan Petrov"),
        ("Petrov, Ivanova and Marsh all said the bridge would reopen in May.", "Petrov, Ivanova and Marsh"),
        ("Just 30 percent of the farmers said the bridge would reopen in May.", "30 percent of the farmers"),
        ("In the survey, 42% said the bridge would reopen in May.", "42%"),
        ("Ivan Petrov, facing pressure from the farmers, said the bridge would reopen in May.", "Ivan Petrov"),
    ],
)
def test_quotes_speaker_edges_as_polnear_marks_them(nlp, text: str, speaker: str) -> None:
    """A glued dash, a floating quantifier, a focus word and a participle set off by a comma
    stay out of the speaker phrase; a percent sign stays in."""
    (q,) = _quotes(nlp, text)
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker


@pytest.mark.model
def test_quotes_placeholder_it_and_interview_labels_are_no_speakers(nlp) -> None:
    for text in ("It is clear that the bridge will reopen in May.",
                 "Q: Will the bridge reopen?\n\nA: I believe the bridge will reopen in May."):
        assert all(q.speaker_mention is None or q.speaker_mention.text not in ("It", "A", "Q")
                   for q in _quotes(nlp, text))
