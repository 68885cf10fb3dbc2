"""The activity stream's limits and history settings, built once from `Settings`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from inspector.config import Settings


@dataclass(frozen=True)
class ActivityLimits:
    max_record_bytes: int = 1024 * 1024
    max_batch_records: int = 10_000_000
    reorder: timedelta = timedelta(hours=1)
    # A stream's reorder buffer, per subscription: a flood inside one reorder window must not grow
    # the stored held records (and the rewrite of them each batch) without bound.
    max_held_records: int = 10_000
    max_lateness: timedelta = timedelta(days=2)
    retention: timedelta = timedelta(days=90)
    lookback: timedelta = timedelta(days=14)
    learning: timedelta = timedelta(days=7)
    inspect_bodies: bool = True
    # Detector name -> its knobs (the detector's own Knobs dataclass); a detector not named here
    # uses its declared defaults. Built and validated by `inspector.activity.knobs`.
    knobs: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> ActivityLimits:
        """The limits of the settings; ConfigError naming the setting for a bad detector knob."""
        from inspector.activity.knobs import resolve_knobs  # the detectors read these limits

        return cls(
            max_record_bytes=settings.activity_max_record_bytes,
            max_batch_records=settings.activity_max_batch_records,
            reorder=timedelta(seconds=settings.activity_reorder_s),
            max_held_records=settings.activity_max_held_records,
            max_lateness=timedelta(seconds=settings.activity_max_lateness_s),
            retention=timedelta(days=settings.activity_retention_days),
            lookback=timedelta(days=settings.activity_lookback_days),
            learning=timedelta(days=settings.activity_learning_days),
            inspect_bodies=settings.activity_inspect_bodies,
            knobs=resolve_knobs(settings.activity_detector_knobs),
        )
