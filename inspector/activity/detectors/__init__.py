"""Every activity detector, found by its module's name.

A detector is one module here exporting `SPEC` (a `DetectorSpec`: name, alert types, evidence,
knobs) and `DETECTOR`, plus its test in tests/activity/detectors/. The modules are discovered
with `pkgutil` when this package is imported, in name order, so no list elsewhere names a
detector: the detection catalog (`inspector/activity/catalog.py`), the knob settings and the
engine read `DETECTOR_MODULES` / `DETECTORS`. Modules without `DETECTOR` (`base`, `usage`) are
code the detectors share.
"""

from __future__ import annotations

from types import ModuleType

from inspector.stage import modules_of
from inspector.activity.detectors.base import Context, Detector, DetectorSpec, Draft, Inspected


def discover_detector_modules(package: str = __name__) -> tuple[ModuleType, ...]:
    """Every module of `package` that exports `DETECTOR`, in name order."""
    return tuple(module for module in modules_of(package) if hasattr(module, "DETECTOR"))


def _registry(modules: tuple[ModuleType, ...]) -> dict[str, Detector]:
    found: dict[str, Detector] = {}
    for module in modules:
        detector: Detector = module.DETECTOR
        if getattr(module, "SPEC", None) is not getattr(detector, "spec", None):
            raise ValueError(f"{module.__name__}: DETECTOR's spec must be the module's SPEC")
        if detector.spec.name in found:
            raise ValueError(f"two activity detectors are named {detector.spec.name!r}")
        found[detector.spec.name] = detector
    return found


DETECTOR_MODULES: tuple[ModuleType, ...] = discover_detector_modules()
DETECTORS: dict[str, Detector] = _registry(DETECTOR_MODULES)

__all__ = ["DETECTORS", "DETECTOR_MODULES", "Context", "Detector", "DetectorSpec", "Draft", "Inspected",
           "discover_detector_modules"]
