"""Quotes: quotation marks per paragraph, cues from the parse, speakers, and the seed articles."""

from __future__ import annotations

import pytest

from onrecord.extract.quotes.extract import extract_quotes
from onrecord.extract.quotes.marks import find_quoted, paragraphs
from onrecord.models import Actor, Entry, Mention


def _quoted(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_quoted(text)]


# --- quotation marks (no model) -------------------------------------------------------------


def test_quote_marks_paragraphs_split_on_blank_lines() -> None:
    text = "One.\n\n  Two.\n \nThree."
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]


def test_quote_marks_open_quote_continues_into_next_paragraph() -> None:
    text = "“We will hold the line.\n\n“And we will rebuild the bridge,” she said."
    assert _quoted(text) == ["“We will hold the line.\n\n“And we will rebuild the bridge,”"]


def test_quote_marks_unbalanced_mark_runs_to_paragraph_end_only() -> None:
    text = "The minister said “we are ready\n\nLater, the talks resumed."
    assert _quoted(text) == ["“we are ready"]


def test_quote_marks_apostrophes_and_possessives_are_not_quotes() -> None:
    text = "The players' union backed Moscow's plan, and it's 'final' now."
    assert _quoted(text) == ["'final'"]


def test_quote_marks_guillemets_and_single_curly_marks_are_found() -> None:
    text = "He called it «a new era» and ‘a turning point for us’."
    assert _quoted(text) == ["«a new era»", "‘a turning point for us’"]


def test_quote_marks_doubled_apostrophes_are_quotation_marks() -> None:
    text = "''It is a stone of memory,'' the curator said, and ''I had to step back.''"
    assert _quoted(text) == ["''It is a stone of memory,''", "''I had to step back.''"]


def test_quote_marks_closing_curly_mark_opening_a_paragraph_opens_a_quote() -> None:
    text = "”The harbour must reopen now.” ― Lena Berg"
    assert _quoted(text) == ["”The harbour must reopen now.”"]


def test_quotes_without_a_parse_keeps_long_quotations_and_never_fails(blank_nlp) -> None:
    text = "“We will keep every promise we made to the farmers,” he said. The “plan” failed."
    (q,) = extract_quotes(blank_nlp(text))
    assert q.kind == "direct" and q.speaker is None
    assert q.text == "We will keep every promise we made to the farmers"
    assert extract_quotes(blank_nlp("")) == ()


# --- extraction (spaCy model) ----------------------------------------------------------------


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
def test_quotes_split_quote_parts_share_one_speaker(nlp) -> None:
    text = "“We will not retreat,” the general said. “Our units hold every village on the river.”"
    quotes = _quotes(nlp, text)
    assert [q.kind for q in quotes] == ["direct", "direct"]
    assert quotes[0].speaker_mention == quotes[1].speaker_mention
    assert quotes[1].text.startswith("Our units hold")


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
def test_quotes_parenthetical_cue_splits_the_report_in_two_parts(nlp) -> None:
    text = "The new bridge, the mayor said, will open to traffic in the spring."
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == ["The new bridge", "will open to traffic in the spring"]
    assert quotes[0].speaker_mention == quotes[1].speaker_mention
    assert quotes[0].speaker_mention is not None and quotes[0].speaker_mention.text == "the mayor"


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


# --- seeds ------------------------------------------------------------------------------------


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


# --- speaker spans, broad candidates and the learned model ---------------------------------


def _cues(nlp, text: str, broad: bool = False):
    from onrecord.extract.quotes.cues import cues_in

    doc = nlp(text)
    return doc.text, [c for sent in doc.sents for c in cues_in(sent, broad)]


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


def test_quote_model_keeps_candidates_at_or_above_threshold() -> None:
    from onrecord.extract.quotes.model import QuoteModel, from_json

    model = QuoteModel({"lemma=say": 2.0, "how=object": -3.0}, 0.0, 0.5)
    assert model.keep(["lemma=say"]) and not model.keep(["how=object"])
    assert model.probability([]) == 0.5 and model.keep([])  # unseen features weigh nothing
    assert from_json(model.to_json()) == model


def test_quote_model_switched_off_by_environment(monkeypatch) -> None:
    from onrecord.extract.quotes import model as quote_model

    monkeypatch.setenv(quote_model.SWITCH, "off")
    quote_model.load_model.cache_clear()
    try:
        assert quote_model.load_model() is None
    finally:
        quote_model.load_model.cache_clear()


def test_quote_model_is_installed_with_the_package() -> None:
    from onrecord.extract.quotes.model import load_model

    model = load_model()
    assert model is not None and 0.0 < model.threshold < 1.0
    # a candidate the tagger calls content all through is likelier than one it never tags
    assert model.weights["t_share=4"] > model.weights["t_share=0"]


def test_exactness_model_prefers_edges_the_tagger_is_sure_of() -> None:
    from onrecord.extract.quotes.model import EXACT_FILE, load_model

    exact = load_model(EXACT_FILE)
    assert exact is not None
    assert exact.weights["m_edges=4/4"] > exact.weights["m_edges=0/0"]


def _draft(start: int, end: int, feature: str = "say/clause/indirect"):
    from onrecord.extract.quotes.extract import _Draft

    return _Draft(start, end, "indirect", "said", (0, 3), None, feature)


def _plain(text: str):
    """A tokenised doc with no parse: enough for the variants that read the text only."""
    import spacy

    return spacy.blank("en")(text)


def test_suppress_keeps_the_best_scored_of_overlapping_readings() -> None:
    from onrecord.extract.quotes.extract import _suppress

    wide, narrow, apart = _draft(10, 60), _draft(15, 40), _draft(70, 90)
    kept = _suppress([(0.4, wide), (0.7, narrow), (0.2, apart)])
    assert kept == [narrow, apart]  # text order, the wide reading gone
    assert _suppress([(0.9, wide), (0.7, narrow)]) == [wide]


def test_variants_offer_edges_without_that_and_without_a_trailing_clause() -> None:
    from onrecord.extract.quotes.crf import Run
    from onrecord.extract.quotes.extract import _variants

    text = "Ames said that the bridge would close, which surprised the town council."
    start = text.index("that")
    d = _draft(start, len(text) - 1)
    spans = {text[v.start : v.end]: v.feature for v in _variants(_plain(text), [d], ())}
    assert spans["the bridge would close, which surprised the town council"] == "say/nolead/indirect"
    assert spans["that the bridge would close"] == "say/notail/indirect"
    run = Run("C", text.index("the bridge"), text.index(","), 0, 0)
    spans = {text[v.start : v.end]: v.feature for v in _variants(_plain(text), [d], [run])}
    assert spans["the bridge would close"] == "say/snap/indirect"
    assert all(v.speaker == d.speaker and v.cue == d.cue for v in _variants(_plain(text), [d], [run]))


def test_direct_quotes_get_no_variants() -> None:
    from onrecord.extract.quotes.extract import _Draft, _variants

    text = '"The bridge will close, which is bad," Ames said.'
    d = _Draft(0, text.index(" Ames"), "direct", "said", (0, 3), None, "say/adjacent/direct")
    assert _variants(_plain(text), [d], ()) == []


@pytest.mark.model
def test_quotes_model_keeps_a_plain_indirect_report_and_its_speaker(nlp) -> None:
    text = "The minister said that the talks would resume on Monday in Geneva."
    (q,) = _quotes(nlp, text)
    assert q.text == "that the talks would resume on Monday in Geneva"
    assert q.speaker_mention is not None and q.speaker_mention.text == "The minister"


@pytest.mark.model
def test_quote_cues_broad_mode_keeps_subjectless_verb_without_a_speaker(nlp) -> None:
    text, cues = _cues(nlp, "Blames the media for the loss of the election.", True)
    (cue,) = [c for c in cues if c.lemma == "blame"]
    assert cue.speaker is None and "subject=none" in cue.features
    assert text[slice(*cue.content)] == "the media for the loss of the election"


@pytest.mark.model
def test_quotes_paragraph_of_quotation_continues_a_reported_speaker(nlp) -> None:
    from onrecord.extract.actors import extract_actors

    text = ("Admiral Jane Porter told reporters that the fleet would stay in port until the storm passed.\n\n"
            "“We will not put our sailors at risk for a schedule. The ships can wait a few days.”")
    doc = nlp(text)
    quotes = extract_quotes(doc, extract_actors(doc))
    second = [q for q in quotes if q.text.startswith("We will not")]
    assert second and second[0].speaker_name == "Jane Porter"


def test_tagger_content_runs_no_candidate_covers_become_candidates() -> None:
    from onrecord.extract.quotes.crf import Run
    from onrecord.extract.quotes.extract import _from_runs

    text = "Ames reckons the bridge will close soon. Officials said the road is open."
    doc = _plain(text)
    at = text.index
    runs = [
        Run("S", 0, 4, 0, 1), Run("Q", at("reckons"), at("reckons") + 7, 1, 2),
        Run("C", at("the bridge"), at(". Officials"), 2, 7),
        Run("C", at("the road"), len(text) - 1, 0, 0),
    ]
    covered = _draft(at("the road"), len(text) - 1)
    (new,) = _from_runs(doc, runs, [], [covered])
    assert text[new.start : new.end] == "the bridge will close soon"
    assert new.speaker == (0, 4) and new.cue == "reckons" and new.kind == "indirect"
    assert new.feature == "-/tagger/indirect"


def test_share_counts_how_much_of_a_span_runs_cover() -> None:
    from onrecord.extract.quotes.extract import _share

    assert _share((0, 100), []) == 0
    assert _share((0, 100), [(0, 20)]) == 1
    assert _share((0, 100), [(0, 50)]) == 2
    assert _share((0, 100), [(0, 40), (60, 100)]) == 3
    assert _share((0, 100), [(-5, 120)]) == 4


def test_quotation_closed_by_a_comma_before_its_speaker_is_what_the_verb_reports() -> None:
    from onrecord.extract.quotes.cues import Cue
    from onrecord.extract.quotes.extract import _draft_for
    from onrecord.extract.quotes.marks import find_quoted

    text = "“The harbour will reopen soon,” the port director said on radio, reported the Gazette."
    at = text.index
    # a parse that hangs "reported the Gazette" under "said" as its clause
    cue = Cue(at("said"), at("said") + 4, "said", (at("the port"), at(" said")),
              (at("reported"), len(text) - 1), (0, len(text)), True, "say", "clause")
    draft = _draft_for(text, cue, find_quoted(text), (0, len(text)))
    assert draft is not None and draft.kind == "direct"
    assert text[draft.start : draft.end] == "“The harbour will reopen soon,”"
    assert draft.feature == "say/adjacent/direct" and draft.speaker == cue.speaker
    # no comma before the speaker: the clause stays the content
    text2 = "The harbour will reopen soon. The port director said on radio that it would."
    cue2 = Cue(text2.index("said"), text2.index("said") + 4, "said",
               (text2.index("The port"), text2.index(" said")),
               (text2.index("that it"), len(text2) - 1), (29, len(text2)), True, "say", "clause")
    draft2 = _draft_for(text2, cue2, find_quoted(text2), (0, len(text2)))
    assert draft2 is not None and draft2.kind == "indirect"


def test_quote_marks_straight_opener_closed_by_a_curly_mark() -> None:
    text = 'The "tax-exempt” status and her “private letters” were both questioned.'
    assert _quoted(text) == ['"tax-exempt”', "“private letters”"]


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


def test_quote_marks_opening_curly_mark_in_closing_position_closes() -> None:
    text = "The fact-checkers rated it “Half True.“ Then the debate moved on."
    assert _quoted(text) == ["“Half True.“"]


def test_quote_marks_elided_years_are_not_quotes() -> None:
    text = "In the '90s, she said, the class of '08 called it 'a lost decade' for the town."
    assert _quoted(text) == ["'a lost decade'"]


def test_quotation_right_after_a_speech_cue_takes_its_speaker() -> None:
    from onrecord.extract.quotes.extract import _Draft, _from_marks
    from onrecord.extract.quotes.marks import find_quoted

    text = "The bridge will reopen in May, the mayor said. “We are ready for every single car and every bus.”"
    at = text.index
    reported = _Draft(0, at(", the mayor"), "indirect", "said", (at("the mayor"), at(" said")),
                      feature="say/inverted/indirect", cue_at=(at("said"), at("said") + 4))
    (quote,) = _from_marks(text, find_quoted(text), [reported])
    assert quote.speaker == reported.speaker and quote.feature == "-/continued/direct"
    # a cue that is not a speech verb lends no speaker
    other = _Draft(0, at(", the mayor"), "indirect", "built", (at("the mayor"), at(" said")),
                   feature="build/object/indirect", cue_at=(at("said"), at("said") + 4))
    (alone,) = _from_marks(text, find_quoted(text), [other])
    assert alone.speaker is None and alone.feature == "-/alone/direct"


# --- speakers from the tagger's source runs ------------------------------------------------------


def _tagged_with_sources(*spans: tuple[int, int]):
    from onrecord.extract.quotes.crf import Run, Tagging

    return Tagging([], [Run("S", s, e, 0, 0) for s, e in spans], {}, [])


def test_a_quote_with_no_speaker_takes_the_source_run_of_its_sentence() -> None:
    from onrecord.extract.quotes.extract import _Draft, _tagged_speakers

    text = "Ames spoke. The council's chair, Lee, argued the plan was dead."
    at = text.index
    quote = _Draft(at("the plan"), at(".", at("dead")), "indirect", "argued", None)
    other_sentence = (0, 4)  # "Ames": a sentence end lies between
    chair = (at("The council's"), at(", Lee"))
    [out] = _tagged_speakers(text, [quote], _tagged_with_sources(other_sentence, chair), snap=False)
    assert out.speaker == chair
    [alone] = _tagged_speakers(text, [quote], _tagged_with_sources(other_sentence), snap=False)
    assert alone.speaker is None


def test_snapping_takes_the_edges_of_the_one_overlapping_source_run() -> None:
    from onrecord.extract.quotes.extract import _Draft, _tagged_speakers

    text = "Lee, the chair, said the plan was dead."
    at = text.index
    quote = _Draft(at("the plan"), at(".", at("dead")), "indirect", "said", (0, at(", the chair")))
    run = (0, at(", said"))  # "Lee, the chair"
    [kept] = _tagged_speakers(text, [quote], _tagged_with_sources(run), snap=False)
    assert kept.speaker == (0, 3)
    [snapped] = _tagged_speakers(text, [quote], _tagged_with_sources(run), snap=True)
    assert snapped.speaker == run
    two = _tagged_speakers(text, [quote], _tagged_with_sources((0, 2), (1, 3)), snap=True)
    assert two[0].speaker == (0, 3)  # two overlapping runs: no choice made
