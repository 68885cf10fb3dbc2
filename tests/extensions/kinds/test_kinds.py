"""Every extension kind is described by its own module in inspector/extensions/kinds/, found by
name, and every table about kinds is built from those modules: a module dropped in that folder
is a fully wired kind."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from inspector.detections import DETECTIONS
from inspector.extensions import InputKind
from inspector.extensions.kind import KindAlerts, KindDeclaration
from inspector.extensions.kinds import (
    INPUT_KINDS,
    KIND_MODULES,
    KINDS,
    KindConflict,
    KindRegistry,
    discover_kind_modules,
)
from inspector.extensions.plan import ExtensionKind, InspectionPlan
from inspector.scoring import ALERT_TYPES
from tests.extensions.samples import plan, resource
from tests.test_architecture import imports_of, is_module, modules


KINDS_FOLDER = Path(__file__).resolve().parents[3] / "inspector" / "extensions" / "kinds"


def test_every_module_in_the_kinds_folder_is_a_registered_kind() -> None:
    in_folder = sorted(p.stem for p in KINDS_FOLDER.glob("*.py") if not p.name.startswith("_"))
    assert [m.__name__.rsplit(".", 1)[-1] for m in KIND_MODULES] == in_folder
    assert [m.KIND for m in KIND_MODULES] == list(KINDS.declarations)


def test_every_extension_kind_is_declared_by_exactly_one_kind_module() -> None:
    declared = [kind for module in KIND_MODULES for kind in module.KIND.kinds]
    assert len(declared) == len(set(declared)) == len(KINDS.kinds)
    assert set(declared) == set(KINDS.kinds) and not set(declared) & INPUT_KINDS
    assert all(KINDS.knows(kind) for kind in (*declared, *INPUT_KINDS))


@pytest.fixture
def kinds_package(tmp_path: Path) -> Iterator[str]:
    """A throwaway kinds package on sys.path: two modules, one of them a kind nobody else knows."""
    package = tmp_path / "throwaway_kinds"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "fallback.py").write_text(textwrap.dedent('''
        from inspector.extensions.kind import KindDeclaration
        from inspector.extensions.plan import ExtensionKind

        OTHER = ExtensionKind("other_extension")
        KIND = KindDeclaration(kinds=(OTHER,), handler=lambda ext, b: None, fallback=OTHER)
    '''))
    (package / "backup_agent.py").write_text(textwrap.dedent('''
        from inspector.extensions.kind import KindAlerts, KindDeclaration
        from inspector.extensions.plan import ExtensionKind

        BACKUP_AGENT = ExtensionKind("backup_agent")
        KIND = KindDeclaration(
            kinds=(BACKUP_AGENT,),
            extensions=((("contoso.backup", "agent"), BACKUP_AGENT),),
            handler=lambda ext, b: None,
            alerts=KindAlerts(script="VM_CustomScriptExtensionSuspiciousPayload"),
        )
    '''))
    sys.path.insert(0, str(tmp_path))
    try:
        yield package.name
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n.split(".")[0] == package.name]:
            del sys.modules[name]


def test_a_new_module_in_a_kinds_package_is_picked_up_by_its_name_alone(kinds_package: str) -> None:
    modules = discover_kind_modules(kinds_package)
    assert [m.__name__ for m in modules] == [f"{kinds_package}.backup_agent", f"{kinds_package}.fallback"]
    registry = KindRegistry.of_modules(modules)
    assert registry.identify("Contoso.Backup", "Agent") == "backup_agent"
    assert registry.identify("Contoso.Backup", "Other") == "other_extension" == registry.fallback
    assert registry.alerts("backup_agent").script == "VM_CustomScriptExtensionSuspiciousPayload"
    assert registry.knows("backup_agent") and not registry.knows("gpu_driver")


def test_a_module_in_a_kinds_package_that_declares_no_kind_is_refused(kinds_package: str,
                                                                     tmp_path: Path) -> None:
    (tmp_path / kinds_package / "helpers.py").write_text("SHARED = 1\n")
    with pytest.raises(KindConflict, match="helpers"):
        discover_kind_modules(kinds_package)


def test_a_kind_is_a_name_not_a_member_of_a_fixed_list() -> None:
    assert ExtensionKind("backup_agent") == "backup_agent"
    assert InspectionPlan(kind="backup_agent").kind == "backup_agent"
    assert InspectionPlan(kind="dsc").model_dump(mode="json")["kind"] == "dsc"
    for bad in ("", "Backup", "backup-agent", "_x", "a" * 65, "dsc\n"):
        with pytest.raises(ValueError):
            ExtensionKind(bad)
        with pytest.raises(ValueError):  # pydantic's ValidationError is a ValueError
            InspectionPlan(kind=bad)


@pytest.mark.parametrize("module", KIND_MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_a_kind_module_is_fully_wired(module: Any) -> None:
    declaration: KindDeclaration = module.KIND
    for (publisher, ext_type), kind in declaration.extensions:
        assert KINDS.identify(publisher.upper(), f" {ext_type} ") == kind
        assert KINDS.handler(kind) is declaration.handler is not None
        body = resource({"publisher": publisher, "type": ext_type, "typeHandlerVersion": "1.0", "settings": {}})
        assert plan(body).kind == kind
    for check in declaration.checks:
        assert DETECTIONS[check.id] is check
        assert check.id.startswith("structure.")
        assert check.alert is None or check.alert in ALERT_TYPES
    assert all(name in ALERT_TYPES for name in declaration.alerts.names())
    for kind in declaration.kinds:
        assert KINDS.declaration(kind) is declaration


def test_an_unknown_publisher_and_type_fall_back_to_the_unrecognised_kind() -> None:
    assert KINDS.identify("Contoso.Tools", "Backdoor") == "unrecognised_extension" == KINDS.fallback
    assert KINDS.identify(None, None) == "unrecognised_extension"
    assert KINDS.alerts("script") == KindAlerts()


def test_run_command_is_recognised_by_its_body_not_by_a_pair() -> None:
    declaration = KINDS.declaration("run_command")
    assert declaration is not None and declaration.handler is None and declaration.extensions == ()
    assert plan({"commandId": "EnableAdminAccount"}, InputKind.RUN_COMMAND).findings[0].id == (
        "structure.run_command.enable_admin_account")


def test_two_modules_claiming_one_kind_or_one_pair_are_refused() -> None:
    gpu = KINDS.declaration("gpu_driver")
    fallback = KINDS.declaration("unrecognised_extension")
    assert gpu is not None and fallback is not None
    with pytest.raises(KindConflict):
        KindRegistry([gpu, gpu, fallback])
    gpu_pair = gpu.extensions[0][0]
    dsc = ExtensionKind("dsc")
    twin = KindDeclaration(kinds=(dsc,), extensions=((gpu_pair, dsc),))
    with pytest.raises(KindConflict):
        KindRegistry([gpu, twin, fallback])
    with pytest.raises(KindConflict):
        KindRegistry([gpu])  # nothing for unknown pairs to fall back to
    with pytest.raises(KindConflict):
        KindRegistry([gpu, fallback, KindDeclaration(kinds=(dsc,), fallback=dsc)])  # two fallbacks


def test_a_registry_is_built_from_the_declarations_it_is_given() -> None:
    gpu = KINDS.declaration("gpu_driver")
    fallback = KINDS.declaration("unrecognised_extension")
    assert gpu is not None and fallback is not None
    small = KindRegistry([gpu, fallback])
    assert small.identify("Microsoft.HpcCompute", "NvidiaGpuDriverLinux") == "gpu_driver"
    assert small.identify("Microsoft.Compute", "CustomScriptExtension") == "unrecognised_extension"
    assert small.checks == gpu.checks


def test_every_kind_module_and_every_check_is_documented() -> None:
    text = (Path(__file__).resolve().parents[3] / "docs" / "extensions.md").read_text(encoding="utf-8")
    assert all(f"`{module.__name__.rsplit('.', 1)[-1]}.py`" in text for module in KIND_MODULES)
    assert [c.id for c in KINDS.checks if f"`{c.id}`" not in text] == []


def test_the_modules_of_the_extensions_package_import_each_other_without_a_cycle() -> None:
    # plan.py names no kind: the kind modules import it, and nothing they import comes back to them.
    graph: dict[str, set[str]] = {}
    for importer, path, tree in modules():
        if importer.startswith("inspector.extensions"):
            for imported in imports_of(importer, path, tree):
                target = imported.target
                while not is_module(target):
                    target = target.rsplit(".", 1)[0]
                if target.startswith("inspector.extensions") and target != importer:
                    graph.setdefault(importer, set()).add(target)
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        assert module not in visiting, " -> ".join([*visiting[visiting.index(module):], module])
        if module in done:
            return
        visiting.append(module)
        for target in sorted(graph.get(module, ())):
            visit(target)
        visiting.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)
    plan_imports = graph.get("inspector.extensions.plan", set())
    assert not any(target.startswith("inspector.extensions.kinds") for target in plan_imports)
