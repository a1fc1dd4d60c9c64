"""The pages read a stored figure's interval as the link pass does."""

from __future__ import annotations

import math

from onrecord.web.figures import interval


def test_an_approximation_is_no_wider_than_a_unit_of_a_round_figure_or_the_rounding_of_another():
    roughly = interval({"value": 141e6, "change": "~", "text": "roughly $141 million"})
    assert math.isclose(roughly[0], 140.5e6) and math.isclose(roughly[1], 141.5e6)
    exact = interval({"value": 139e6, "change": "=", "text": "$139 million"})
    assert exact[1] < roughly[0]  # the two sides of a conflict do not overlap on the page either
    about = interval({"value": 2800, "change": "~", "text": "about 2,800"})
    assert math.isclose(about[0], 2700) and math.isclose(about[1], 2900)
    some = interval({"value": 16, "change": "~", "text": "some 16"})
    assert some[0] > interval({"value": 15, "change": "=", "text": "15"})[1]  # "some 16" is not 15


def test_a_stored_claim_without_a_value_allows_nothing():
    low, high = interval({"value": None, "change": "=", "text": "dozens"})
    assert math.isnan(low) and math.isnan(high)
