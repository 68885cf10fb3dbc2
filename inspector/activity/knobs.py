"""Detector knobs from the settings (`INSPECTOR_ACTIVITY_DETECTOR_KNOBS`): validated against each
detector's declared `Knobs`, so a misspelt detector or knob, a wrong type or a window past what
the history keeps stops start-up with a message naming it instead of being ignored."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from inspector.activity.detectors import DETECTORS
from inspector.activity.history import RECENT_HORIZON
from inspector.config import ENV_PREFIX, ConfigError

SETTING = ENV_PREFIX + "ACTIVITY_DETECTOR_KNOBS"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_S = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def knob_table() -> dict[str, dict[str, Any]]:
    """Every detector's knobs with their defaults (for docs and `--help`-like listings)."""
    return {name: {f.name: getattr(d.spec.knobs, f.name) for f in dataclasses.fields(d.spec.knobs)}
            for name, d in DETECTORS.items()}


def resolve_knobs(overrides: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Detector name -> its Knobs with the overrides applied (only detectors that have overrides)."""
    resolved: dict[str, Any] = {}
    for name, values in overrides.items():
        detector = DETECTORS.get(name)
        if detector is None:
            raise ConfigError(f"invalid setting {SETTING}: no activity detector is named {name!r} "
                              f"(known: {', '.join(sorted(DETECTORS))})")
        defaults = detector.spec.knobs
        fields = {f.name: f for f in dataclasses.fields(defaults)}
        changes: dict[str, Any] = {}
        for knob, raw in values.items():
            if knob not in fields:
                known = ", ".join(fields) or "none"
                raise ConfigError(f"invalid setting {SETTING}: detector {name!r} has no knob {knob!r} "
                                  f"(its knobs: {known})")
            changes[knob] = _convert(f"{name}.{knob}", getattr(defaults, knob), raw)
        resolved[name] = dataclasses.replace(defaults, **changes)
    return resolved


def _convert(where: str, default: Any, raw: Any) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"invalid setting {SETTING}: {where} must be {expected}, got {raw!r}")

    if isinstance(default, timedelta):
        if isinstance(raw, bool):
            raise bad("a duration")
        if isinstance(raw, int | float):
            seconds = float(raw)
        else:
            match = _DURATION.match(str(raw))
            if match is None:
                raise bad("a duration in seconds or as 30m, 2h, 1d")
            seconds = float(match[1]) * _UNIT_S[match[2]]
        value = timedelta(seconds=seconds)
        if value <= timedelta(0) or value > RECENT_HORIZON:
            # The history keeps one day of operations: a longer window would silently count less.
            raise bad(f"a duration above 0 and at most {int(RECENT_HORIZON.total_seconds())} seconds (1d)")
        return value
    if isinstance(default, bool):
        raise bad("a boolean")  # no boolean knob exists today
    if isinstance(default, int):
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
            raise bad("a whole number of at least 1")
        return raw
    if isinstance(default, float):
        if isinstance(raw, bool) or not isinstance(raw, int | float) or raw <= 0:
            raise bad("a number above 0")
        return float(raw)
    raise bad(f"of type {type(default).__name__}")
