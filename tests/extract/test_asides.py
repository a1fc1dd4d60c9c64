"""Side details of a story ("other figures"): ranks, durations, placing distances, speeds, the
article's own participants and what an object consists of; plain text, no model."""

from __future__ import annotations

import pytest

from onrecord.extract.asides import aside
from onrecord.extract.quantities import extract_quantities


def _aside(sentence: str, figure: str) -> str:
    (q,) = [q for q in extract_quantities(sentence) if q.text == figure]
    return aside(q, sentence[:q.start], sentence[q.end:])


@pytest.mark.parametrize(("sentence", "figure", "why"), [
    ("North Korea is one of the few countries willing to supply Russia.", "one", "ordinal"),
    ("The talks lasted roughly two hours in total.", "roughly two hours", "duration"),
    ("The 19-month war goes on.", "19-month", "duration"),
    ("Vladivostok lies some 130km (80 miles) from the border.", "some 130km", "distance"),
    ("Vladivostok lies some 130km (80 miles) from the border.", "80 miles", "distance"),
    ("The train travels at a top speed of around 45kph.", "around 45kph", "distance"),
    ("The two leaders met at the cosmodrome.", "two", "participants"),
    ("The train is said to consist of 21 carriages.", "21", "composition"),
])
def test_asides_name_why_a_figure_is_a_side_detail(sentence: str, figure: str, why: str) -> None:
    assert _aside(sentence, figure) == why


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The package is enough to build just 55 miles of barrier.", "55 miles"),  # a length, not a place
    ("US officials said 3,000 North Korean soldiers were training in Russia.", "3,000"),
    ("Police said at least two priests were banned.", "at least two"),  # no definite word: not known participants
    ("Trump faces four separate criminal cases.", "four"),
    ("It will cost two billion dollars.", "two billion dollars"),
])
def test_asides_keep_the_figures_of_the_story(sentence: str, figure: str) -> None:
    assert _aside(sentence, figure) == ""


def test_asides_a_definite_count_of_victims_is_a_figure_not_the_parties() -> None:
    assert _aside("Officials briefed lawmakers on the four Americans killed in Benghazi.", "four") == ""
    assert _aside("Our two countries are close.", "two") == "participants"
