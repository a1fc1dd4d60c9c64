"""The pages read a stored figure's interval as the link pass does."""

from __future__ import annotations

import math

from onrecord.web.figures import interval


def test_a_rounded_approximation_is_no_wider_than_a_unit_of_its_last_digit():
    roughly = interval({"value": 141e6, "change": "~", "text": "roughly $141 million"})
    assert math.isclose(roughly[0], 140e6) and math.isclose(roughly[1], 142e6)
    exact = interval({"value": 139e6, "change": "=", "text": "$139 million"})
    assert exact[1] < roughly[0]  # the two sides of a conflict do not overlap on the page either


def test_a_stored_claim_without_a_value_allows_nothing():
    low, high = interval({"value": None, "change": "=", "text": "dozens"})
    assert math.isnan(low) and math.isnan(high)
