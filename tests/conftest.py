"""Shared test configuration."""

from hypothesis import settings

# Property tests draw the same examples on every run and every machine, so a
# green CI run is repeatable (a new counter-example shows up when the code or
# the test changes, not at random on a workshop morning).
settings.register_profile("course", derandomize=True, deadline=None)
settings.load_profile("course")
