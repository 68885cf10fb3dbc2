"""Settings for the whole suite: property tests are reproducible and never timed."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# The same examples on every run, so that a run fails only when the code changed; no time limit
# per example and no check that generating data is fast, since a loaded machine breaks either.
# Tests that bound time say so themselves, with bounds a loaded machine cannot break (tests/timing.py).
settings.register_profile("suite", derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")
