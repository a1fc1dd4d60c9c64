"""Numeric claims: claimant from quotes, reporting verbs and 'according to'; status from cues."""

from __future__ import annotations

import pytest

from onrecord.extract.claims import extract_claims
from onrecord.models import Actor, Claim, Mention, Quote


def _claims(nlp, text: str) -> tuple[Claim, ...]:
    from onrecord.extract.actors import extract_actors
    from onrecord.extract.quotes.extract import extract_quotes

    doc = nlp(text)
    actors = extract_actors(doc)
    return extract_claims(doc, actors, extract_quotes(doc, actors))


def _claim(nlp, text: str, figure: str) -> Claim:
    at = text.index(figure)
    hits = [c for c in _claims(nlp, text) if c.start < at + len(figure) and at < c.end]
    assert len(hits) == 1, hits
    return hits[0]


def test_claims_without_parse_are_outlet_assertions(blank_nlp):
    doc = blank_nlp("The convoy carried 120 tonnes of medicine. It arrived on Monday.")
    (claim,) = extract_claims(doc)
    assert (claim.text, claim.value, claim.unit) == ("120 tonnes", 120.0, "tonnes")
    assert (claim.claimant_key, claim.status) == (None, "asserted")
    assert doc.text[claim.sentence_start:claim.sentence_end].startswith("The convoy")
    assert claim.sentence_end <= doc.text.index("It arrived")


def test_claims_noun_claims_is_not_an_unverified_cue(blank_nlp):
    (claim,) = extract_claims(blank_nlp("Jobless claims rose by 12,000 last week."))
    assert (claim.status, claim.change) == ("asserted", "up")


def test_claims_reportedly_without_parse_is_unverified(blank_nlp):
    (claim,) = extract_claims(blank_nlp("The regime reportedly holds 300 prisoners."))
    assert (claim.claimant_key, claim.status) == (None, "unverified")


def test_claims_figure_inside_quote_takes_the_quote_speaker(blank_nlp):
    text = "“We sent 40 trucks,” the minister said."
    doc = blank_nlp(text)
    actor = Actor("person:ana", "Ana Ruiz", "PERSON", ("Ana Ruiz",), (Mention(0, 0, "", "person:ana"),))
    quote = Quote(1, 19, text[1:19], "direct", "said", None, "person:ana", "Ana Ruiz")
    (claim,) = extract_claims(doc, [actor], [quote])
    assert (claim.claimant_key, claim.claimant_name, claim.status) == ("person:ana", "Ana Ruiz", "attributed")


@pytest.mark.model
def test_claims_subject_of_said_is_the_claimant(nlp):
    c = _claim(nlp, "Angela Merkel said on Monday that Germany would take in 10,000 refugees.", "10,000")
    assert (c.claimant_name, c.status) == ("Angela Merkel", "attributed")


@pytest.mark.model
def test_claims_according_to_names_the_claimant(nlp):
    c = _claim(nlp, "About 4,000 people were detained, according to Amnesty International.", "4,000")
    assert (c.claimant_name, c.status, c.change) == ("Amnesty International", "attributed", "~")


@pytest.mark.model
def test_claims_estimated_is_an_estimate(nlp):
    c = _claim(nlp, "The World Bank estimates that rebuilding will cost $411 billion.", "$411 billion")
    assert (c.claimant_name, c.status, c.value) == ("World Bank", "estimate", 411e9)


@pytest.mark.model
def test_claims_claimed_without_evidence_is_unverified(nlp):
    text = "Donald Trump claimed, without offering evidence, that 3 million people voted illegally."
    c = _claim(nlp, text, "3 million")
    assert (c.claimant_name, c.status) == ("Donald Trump", "unverified")


@pytest.mark.model
def test_claims_verification_cue_in_next_sentence_makes_it_unverified(nlp):
    text = "Vladimir Putin said 270,000 people had enlisted. The claim could not be verified."
    c = _claim(nlp, text, "270,000")
    assert (c.claimant_name, c.status) == ("Vladimir Putin", "unverified")


@pytest.mark.model
def test_claims_denial_by_another_party_is_disputed(nlp):
    text = "Hezbollah said it had fired 150 rockets at the base, which Israel denied."
    assert _claim(nlp, text, "150").status == "disputed"


@pytest.mark.model
def test_claims_the_denier_is_not_the_claimant(nlp):
    c = _claim(nlp, "Israel denied that 500 people had died in the blast.", "500")
    assert (c.claimant_key, c.status) == (None, "disputed")


@pytest.mark.model
def test_claims_is_said_to_has_no_claimant_and_is_unverified(nlp):
    c = _claim(nlp, "The state is said to possess tens of millions of shells.", "tens of millions")
    assert (c.claimant_key, c.status, c.low, c.high) == (None, "unverified", 1e7, 1e8)


@pytest.mark.model
def test_claims_quote_pronoun_speaker_resolves_to_last_person(nlp):
    text = "Jens Stoltenberg spoke in Vilnius. “Allies have trained 30,000 troops,” he said."
    c = _claim(nlp, text, "30,000")
    assert (c.claimant_name, c.status) == ("Jens Stoltenberg", "attributed")


@pytest.mark.model
def test_claims_plain_statement_is_asserted_by_the_outlet(nlp):
    c = _claim(nlp, "More than 2,500 protesters were killed when the uprising was crushed.", "2,500")
    assert (c.claimant_key, c.status, c.change) == (None, "asserted", ">")


@pytest.mark.model
def test_claims_officials_of_a_country_are_claimed_by_that_country_in_their_own_words(nlp):
    text = "US officials estimated last month that up to 20,000 drones had been shipped."
    c = _claim(nlp, text, "20,000")
    assert (c.claimant_key, c.claimant_name, c.status, c.change) == ("gpe:united-states", "US officials", "estimate", "<")


@pytest.mark.model
def test_claims_figure_in_an_aside_is_not_given_to_the_main_reporter(nlp):
    text = ("The US has warned Pyongyang not to sell arms to Vladimir Putin, who spoke in a port "
            "about 150km from the border.")
    assert _claim(nlp, text, "150km").claimant_key is None


def test_claims_relative_clause_names_who_gave_the_figure(nlp):
    from onrecord.extract.actors import extract_actors

    text = ("About 40,000 workers joined the strike, the union leader Dana Whitlock said, fewer than "
            "the 55,000 that the port minister Elena Sorvik gave on Monday.")
    doc = nlp(text)
    actors = extract_actors(doc)
    by_text = {c.text: c for c in extract_claims(doc, actors, ())}
    assert by_text["55,000"].claimant_name == "Elena Sorvik"
    assert by_text["About 40,000"].claimant_name == "Dana Whitlock"


@pytest.mark.model
def test_claims_reporting_verb_tagged_as_a_noun_still_names_the_claimant(nlp):
    text = ("US intelligence estimates that Russian forces are training up to 3,000 North Korean soldiers, "
            "although Volodymyr Zelensky, Ukraine's president, has claimed the final contingent could be "
            "as large as 15,000 troops.")
    us = _claim(nlp, text, "up to 3,000")
    assert (us.claimant_key, us.claimant_name, us.status) == ("gpe:united-states", "US intelligence", "estimate")
    zelensky = _claim(nlp, text, "15,000")
    assert zelensky.claimant_name == "Volodymyr Zelensky" and zelensky.status == "unverified"


@pytest.mark.model
def test_claims_figure_in_a_promise_belongs_to_who_made_the_promise(nlp):
    text = ("Vladimir Putin spoke on Tuesday. He praised Donald Trump's promise to end the war in Ukraine "
            "within 24 hours if he is elected president next year.")
    claim = _claim(nlp, text, "24 hours")
    assert claim.claimant_name == "Donald Trump" and claim.aside == "duration"
