"""A labelled Azure activity-log simulator and the evaluation of the activity detectors on it.

`simulator.simulate()` builds weeks of routine activity for a few subscriptions (humans and
automation with daily rhythms, pipelines, weekly maintenance), injects attack scenarios for
every history-based alert type and benign novelties, and writes the records in the shapes Azure
emits, delivered late, out of order and twice. `scoring.score()` compares alert lines with the
labels; `python -m tests.activity_sim.evaluate` runs the whole loop against
`inspector activity ingest`. See docs/activity-evaluation.md.
"""
