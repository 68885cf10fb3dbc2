"""Activity detectors are found by module name: a new detector is one module plus its test."""

from __future__ import annotations

import pkgutil
import sys
from pathlib import Path

import pytest

import inspector.activity.detectors as detectors_package
from inspector.activity.detectors import DETECTOR_MODULES, DETECTORS, discover_detector_modules


def test_every_module_exporting_a_detector_is_registered_under_its_spec_name() -> None:
    names = sorted(info.name for info in pkgutil.iter_modules(detectors_package.__path__))
    exporting = [n for n in names if hasattr(__import__(f"inspector.activity.detectors.{n}", fromlist=["x"]), "DETECTOR")]
    assert [m.__name__.rsplit(".", 1)[1] for m in DETECTOR_MODULES] == exporting
    assert sorted(DETECTORS) == sorted(m.SPEC.name for m in DETECTOR_MODULES)
    assert all(DETECTORS[m.SPEC.name] is m.DETECTOR for m in DETECTOR_MODULES)


def test_shared_code_without_a_detector_is_not_a_detector() -> None:
    registered = {m.__name__.rsplit(".", 1)[1] for m in DETECTOR_MODULES}
    assert "base" not in registered and "usage" not in registered


def test_a_new_module_in_a_detector_package_is_picked_up_by_its_name_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "extra_detectors"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "helpers.py").write_text("SHARED = 1\n")
    (package / "first_use.py").write_text(
        "from inspector.activity.detectors.run_command_usage import SPEC, DETECTOR\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        found = discover_detector_modules("extra_detectors")
    finally:
        for name in [n for n in sys.modules if n.startswith("extra_detectors")]:
            del sys.modules[name]
    assert [m.__name__ for m in found] == ["extra_detectors.first_use"]
