"""Quantities: values, intervals, change labels, units and what is not a quantity."""

from __future__ import annotations

import pytest

from onrecord.extract.quantities import Quantity, extract_quantities


def _one(text: str) -> Quantity:
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


def _values(text: str) -> list[tuple[float | None, float | None, float | None, str]]:
    return [(q.value, q.low, q.high, q.change) for q in extract_quantities(text)]


def test_quantities_separators_and_decimals_are_read():
    q = _one("The shipment weighed 1,307,000.5 kg on arrival.")
    assert q.value == pytest.approx(1_307_000.5)
    assert q.unit == "kg"


@pytest.mark.parametrize(("text", "value"), [
    ("The fund lost $57m in a week.", 57e6),
    ("Ministers pledged £2bn for the railways.", 2e9),
    ("The app now has 1.3m users.", 1.3e6),
    ("Sales reached 2.5 million units.", 2.5e6),
    ("It costs 25k to build.", 25e3),
    ("They raised USD10m from investors.", 10e6),
])


def test_quantities_scale_words_and_abbreviations_multiply(text, value):
    assert _one(text).value == pytest.approx(value)


def test_quantities_money_keeps_the_currency_as_unit():
    q = _one("The tickets cost $6 each.")
    assert (q.value, q.unit) == (6.0, "$")


def test_quantities_number_words_are_read():
    assert _one("There were two hundred guests at the wedding.").value == 200
    assert _one("Nine days later the river flooded.").value == 9


def test_quantities_hyphen_range_gives_low_and_high():
    q = _one("Between talks, 1,000-1,500 people arrive every day.")
    assert (q.value, q.low, q.high) == (None, 1000, 1500)


def test_quantities_between_and_range_is_joined():
    q = _one("Estimates put the crowd at between 3,000 and 15,000 people.")
    assert (q.low, q.high) == (3000, 15000)


def test_quantities_range_borrows_the_scale_of_its_second_figure():
    q = _one("The bids ranged from $10 to $15 billion.")
    assert (q.low, q.high) == (10e9, 15e9)


def test_quantities_change_then_level_are_two_quantities():
    assert _values("Shares rose 6.5% to 164p.") == [(6.5, None, None, "up"), (164.0, None, None, "=")]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("The state holds tens of millions of shells.", 1e7, 1e8),
    ("Hundreds of thousands fled the city.", 1e5, 1e6),
    ("Thousands of workers went on strike.", 1e3, 1e4),
])


def test_quantities_vague_amounts_become_intervals(text, low, high):
    q = _one(text)
    assert (q.value, q.low, q.high) == (None, low, high)


def test_quantities_fraction_of_a_scale_word():
    q = _one("Officials said a quarter of a million men had enlisted.")
    assert q.value == 250_000


def test_quantities_half_a_scale_word_is_half_of_it():
    assert _one("Half a million people marched on Saturday.").value == 500_000


def test_quantities_vulgar_fraction_adds_to_the_number():
    assert _one("The board is 3½ metres wide.").value == 3.5


def test_quantities_written_fractions_are_numbers():
    assert _one("Nearly two-thirds of voters agreed.").value == pytest.approx(2 / 3)
    assert _one("Half the flats have been sold.").value == 0.5


@pytest.mark.parametrize(("text", "change"), [
    ("The bridge is about 35 miles long.", "~"),
    ("Some 300 residents were evacuated.", "~"),
    ("A grant worth up to $8 million was offered.", "<"),
    ("The car stops in fewer than 3.5 seconds.", "<"),
    ("The site has more than 2.2 billion users.", ">"),
    ("At least 40 people were hurt.", ">"),
    ("Exports dropped 7% last month.", "down"),
    ("The index rose by 2 percent on Friday.", "up"),
    ("Dow +0.2% at noon.", "up"),
])


def test_quantities_modifiers_and_change_verbs_set_the_change(text, change):
    assert _one(text).change == change


def test_quantities_losing_people_is_a_count_not_a_fall():
    assert _one("The army lost 71,500 soldiers in the offensive.").change == "="


def test_quantities_particle_up_is_not_a_rise():
    assert _one("We called up 300,000 reservists.").change == "="


def test_quantities_bracketed_conversion_keeps_the_bound():
    found = extract_quantities("Deposits of more than 7.5 million crowns (US $1.1 million) pay a fee.")
    assert [q.change for q in found] == [">", ">"]


@pytest.mark.parametrize("text", [
    "The F-16 jets arrived in Covid-19 times.",
    "The talks were held in 2019 and again in 2021.",
    "Tickets are in Section 427 of the stadium.",
    "The meeting starts at 11:30 on Monday.",
    "She died on September 8 in the capital.",
    "It was their 10th straight win.",
    "The S&P 500 closed higher.",
    "The storm was a category 4 hurricane.",
    "The log was stamped 2019-09-01T10:38 by the server.",
])


def test_quantities_identifiers_dates_times_and_ordinals_are_not_quantities(text):
    assert extract_quantities(text) == []


def test_quantities_pronoun_one_is_not_a_number():
    assert extract_quantities("Do not reuse the same one across accounts.") == []


def test_quantities_hyphenated_number_word_adjectives_are_skipped():
    assert extract_quantities("It has a six-speed gearbox.") == []


def test_quantities_digit_hyphen_unit_is_a_measure():
    q = _one("It has a 6.1-inch screen.")
    assert (q.value, q.unit) == (6.1, "inch")


def test_quantities_year_range_with_counted_noun_is_a_quantity():
    q = _one("The firm will make 1000 to 2000 hires this year.")
    assert (q.low, q.high) == (1000, 2000)


def test_quantities_offsets_point_at_the_figure():
    text = "Officials said up to 120,000 soldiers had died."
    q = _one(text)
    assert text[q.start:q.end] == q.text == "up to 120,000"
    assert q.counted == "soldiers"


@pytest.mark.model
def test_quantities_counted_keeps_a_following_participle_and_unit_is_the_head(nlp):
    text = "The report said up to 120,000 Russian soldiers killed in action were buried there."
    (q,) = extract_quantities(text, nlp(text))
    assert (q.text, q.counted, q.unit) == ("up to 120,000", "Russian soldiers killed", "soldiers")


@pytest.mark.model
def test_quantities_counted_uses_the_parse_when_given(nlp):
    text = "Officials estimated that up to 120,000 Russian soldiers had been killed."
    q = _one(text)
    parsed = extract_quantities(text, nlp(text))[0]
    assert parsed.value == q.value
    assert parsed.counted == "Russian soldiers"


# --- the seed articles -----------------------------------------------------------------------

SEED_EXPECTATIONS = [
    # (seed file prefix, sentence fragment, expected (value, low, high, change) in order)
    ("000", "up to 120,000 Russian soldiers had died", [(120000, None, None, "<")]),
    ("000", "with 1,000-1,500 people coming every day", [(None, 1000, 1500, "=")]),
    ("000", "some 70,000 Ukrainian troops", [(70000, None, None, "~")]),
    ("002", "possess tens of millions of artillery shells", [(None, 1e7, 1e8, "=")]),
    ("002", "about 2.5 million shells a year", [(2.5e6, None, None, "~")]),
    ("002", "more than a quarter of a million Russian men", [(250000, None, None, ">")]),
    ("002", "fired about 12 million artillery shells", [(12e6, None, None, "~")]),
    ("004", "has nearly 1.3 million active personnel", [(1.3e6, None, None, "~")]),
]


@pytest.mark.parametrize(("prefix", "fragment", "expected"), SEED_EXPECTATIONS)
def test_quantities_seed_figures_are_found_with_value_and_change(seeds, prefix, fragment, expected):
    path = next(seeds.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    at = text.find(fragment)
    assert at >= 0, f"{fragment!r} not in {path.name}"
    found = [q for q in extract_quantities(text) if at <= q.start < at + len(fragment)]
    assert [(q.value, q.low, q.high, q.change) for q in found] == expected


# "Border apprehensions have fallen to 400,000 in recent years."
FALLEN_TO = """
Border NOUN compound 1
apprehensions NOUN nsubj 3 apprehension
have AUX aux 3
fallen VERB ROOT 3 fall
to ADP prep 3
400,000 NUM pobj 4
in ADP prep 3
recent ADJ amod 8
years~ NOUN pobj 6 year
. PUNCT punct 3
"""


def test_quantities_level_reached_counts_the_subject_of_the_change(blank_nlp):
    from marked_docs import parsed_doc

    doc = parsed_doc(blank_nlp.vocab, FALLEN_TO)
    (q,) = extract_quantities(doc.text, doc)
    assert (q.text, q.counted, q.change) == ("400,000", "Border apprehensions", "=")


def test_scale_after_a_quote_closed_inside_the_amount() -> None:
    (q,) = extract_quantities("“We’re asking for $5.6” billion, he said.")
    assert (q.text, q.value, q.unit) == ("$5.6” billion", 5.6e9, "$")
    (plain,) = extract_quantities("It cost “$5” and more.")
    assert (plain.text, plain.value) == ("$5", 5.0)


def test_number_words_before_a_hyphen_count_lengths_and_spans_of_time() -> None:
    found = {q.text: (q.value, q.unit) for q in extract_quantities(
        "his five-minute remarks, a four-page summary, a nearly two-year probe, a six-speed gearbox")}
    assert found == {"five-minute": (5.0, "minute"), "four": (4.0, None), "nearly two-year": (2.0, "year")}


def test_and_a_half_after_number_words_and_scores_of() -> None:
    (q,) = extract_quantities("conclusions at least two-and-a-half months ago")
    assert (q.text, q.value, q.change) == ("at least two-and-a-half months", 2.5, ">")
    (s,) = extract_quantities("scores of others injured")
    assert (s.low, s.high) == (40.0, 400.0)
    assert extract_quantities("the scores of the tests") == []


def test_number_words_before_a_hyphen_count_terms() -> None:
    (q,) = extract_quantities("the seven-term congressman")
    assert (q.text, q.value) == ("seven", 7.0)


def test_half_before_a_hyphen_and_dozen_or_century() -> None:
    (q,) = extract_quantities("more than a half-dozen Democrats")
    assert (q.text, q.value, q.change) == ("more than a half-dozen", 6.0, ">")
    (c,) = extract_quantities("the NAACP's half-century of failure")
    assert (c.text, c.value) == ("half-century", 50.0)
    assert extract_quantities("a half-time show") == []
