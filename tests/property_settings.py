"""Hypothesis settings shared by the property-based suites: reproducible and quick enough for CI.

``derandomize=True`` draws the same examples on every run (a failure in CI fails the same way on a
laptop); no deadline, since the first call of a test pays for imports and model loading.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

PROPERTY = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOW_PROPERTY = settings(PROPERTY, max_examples=40)  # for inputs that go through an HTML extractor
