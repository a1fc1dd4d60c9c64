"""Whose side an actor is on, from the roles the articles give it (onrecord.web.sides)."""

from __future__ import annotations

from onrecord.web.sides import side_of, state_in


def test_state_in_reads_names_demonyms_and_metonyms() -> None:
    assert state_in("leader of North Korea") == "North Korea"
    assert state_in("North Korean dictator") == "North Korea"
    assert state_in("Russian defence minister") == "Russia"
    assert state_in("Kremlin spokesman") == "Russia"
    assert state_in("Ukraine's president") == "Ukraine"
    assert state_in("President") is None and state_in("") is None


def test_side_of_needs_a_majority_of_the_roles_that_name_a_state() -> None:
    roles = [{"text": "leader of North Korea"}, {"text": "North Korean dictator"}, {"text": "President"}]
    assert side_of(roles) == ("North Korea", "leader of North Korea")
    assert side_of([{"text": "Russian envoy"}, {"text": "Ukrainian-born"}]) is None  # one each: no side
    assert side_of([{"text": "spokesman"}]) is None and side_of([]) is None
