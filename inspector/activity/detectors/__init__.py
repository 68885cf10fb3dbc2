"""Every activity detector, registered by name. Adding one is one module here exporting `SPEC`
(a `DetectorSpec`: name, alert types, evidence, knobs) and `DETECTOR`, its line below, its
alert types in the detection catalog (`inspector/activity/catalog.py` reads them from here)
and its test in tests/activity/detectors/."""

from __future__ import annotations

from types import ModuleType

from inspector.activity.detectors import (
    cse_unusual_deletion,
    cse_unusual_execution,
    disk_encryption,
    dsc_usage,
    failures,
    gpu_driver_usage,
    gpu_failure,
    multi_extension,
    payload,
    run_command_usage,
    vmaccess_usage,
)
from inspector.activity.detectors.base import Context, Detector, DetectorSpec, Draft, Inspected

DETECTOR_MODULES: tuple[ModuleType, ...] = (
    payload,
    failures,
    gpu_failure,
    cse_unusual_execution,
    cse_unusual_deletion,
    dsc_usage,
    run_command_usage,
    vmaccess_usage,
    gpu_driver_usage,
    disk_encryption,
    multi_extension,
)


def _registry() -> dict[str, Detector]:
    found: dict[str, Detector] = {}
    for module in DETECTOR_MODULES:
        detector: Detector = module.DETECTOR
        if detector.spec.name in found:
            raise ValueError(f"two activity detectors are named {detector.spec.name!r}")
        found[detector.spec.name] = detector
    return found


DETECTORS: dict[str, Detector] = _registry()

__all__ = ["DETECTORS", "DETECTOR_MODULES", "Context", "Detector", "DetectorSpec", "Draft", "Inspected"]
