"""Every extension kind is described by its own module, and every table about kinds is built from
the list of those modules: a kind declared in the list is fully wired."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from inspector.detections import DETECTIONS
from inspector.extensions import InputKind
from inspector.extensions.kind import KindAlerts, KindDeclaration
from inspector.extensions.kinds import INPUT_KINDS, KIND_MODULES, KINDS, KindConflict, KindRegistry
from inspector.extensions.plan import ExtensionKind
from inspector.scoring import ALERT_TYPES
from tests.extensions.samples import plan, resource


def test_every_extension_kind_is_declared_by_exactly_one_kind_module() -> None:
    declared = [kind for module in KIND_MODULES for kind in module.KIND.kinds]
    assert len(declared) == len(set(declared))
    assert set(declared) == set(ExtensionKind) - INPUT_KINDS


@pytest.mark.parametrize("module", KIND_MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_a_kind_module_in_the_list_is_fully_wired(module: Any) -> None:
    declaration: KindDeclaration = module.KIND
    for (publisher, ext_type), kind in declaration.extensions:
        assert KINDS.identify(publisher.upper(), f" {ext_type} ") is kind
        assert KINDS.handler(kind) is declaration.handler is not None
        body = resource({"publisher": publisher, "type": ext_type, "typeHandlerVersion": "1.0", "settings": {}})
        assert plan(body).kind is kind
    for check in declaration.checks:
        assert DETECTIONS[check.id] is check
        assert check.id.startswith("structure.")
        assert check.alert is None or check.alert in ALERT_TYPES
    assert all(name in ALERT_TYPES for name in declaration.alerts.names())
    for kind in declaration.kinds:
        assert KINDS.declaration(kind) is declaration


def test_an_unknown_publisher_and_type_fall_back_to_the_unrecognised_kind() -> None:
    assert KINDS.identify("Contoso.Tools", "Backdoor") is ExtensionKind.UNRECOGNISED
    assert KINDS.identify(None, None) is ExtensionKind.UNRECOGNISED
    assert KINDS.alerts(ExtensionKind.SCRIPT) == KindAlerts()


def test_run_command_is_recognised_by_its_body_not_by_a_pair() -> None:
    declaration = KINDS.declaration(ExtensionKind.RUN_COMMAND)
    assert declaration is not None and declaration.handler is None and declaration.extensions == ()
    assert plan({"commandId": "EnableAdminAccount"}, InputKind.RUN_COMMAND).findings[0].id == (
        "structure.run_command.enable_admin_account")


def test_two_modules_claiming_one_kind_or_one_pair_are_refused() -> None:
    gpu = KINDS.declaration(ExtensionKind.GPU_DRIVER)
    fallback = KINDS.declaration(ExtensionKind.UNRECOGNISED)
    assert gpu is not None and fallback is not None
    with pytest.raises(KindConflict):
        KindRegistry([gpu, gpu, fallback])
    gpu_pair = gpu.extensions[0][0]
    twin = KindDeclaration(kinds=(ExtensionKind.DSC,), extensions=((gpu_pair, ExtensionKind.DSC),))
    with pytest.raises(KindConflict):
        KindRegistry([gpu, twin, fallback])
    with pytest.raises(KindConflict):
        KindRegistry([gpu])  # nothing for unknown pairs to fall back to


def test_a_registry_is_built_from_the_declarations_it_is_given() -> None:
    gpu = KINDS.declaration(ExtensionKind.GPU_DRIVER)
    fallback = KINDS.declaration(ExtensionKind.UNRECOGNISED)
    assert gpu is not None and fallback is not None
    small = KindRegistry([gpu, fallback])
    assert small.identify("Microsoft.HpcCompute", "NvidiaGpuDriverLinux") is ExtensionKind.GPU_DRIVER
    assert small.identify("Microsoft.Compute", "CustomScriptExtension") is ExtensionKind.UNRECOGNISED
    assert small.checks == gpu.checks


def test_every_kind_module_and_every_check_is_documented() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "extensions.md").read_text(encoding="utf-8")
    assert all(f"`{module.__name__.rsplit('.', 1)[-1]}.py`" in text for module in KIND_MODULES)
    assert [c.id for c in KINDS.checks if f"`{c.id}`" not in text] == []
