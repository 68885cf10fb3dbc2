"""The extension kinds, built from the list of kind modules: every table about kinds comes from here.

Each module in `KIND_MODULES` exports `KIND` (a `kind.KindDeclaration`): its `ExtensionKind`
values, the (publisher, type) pairs that identify it, its handler, its structural checks and
its alert types. A new kind is one new module, one line below (and its value in `ExtensionKind`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType, ModuleType

from inspector.extensions import custom_script, disk_encryption, dsc, gpu, run_command, unrecognised, vmaccess
from inspector.extensions.kind import Handler, KindAlerts, KindDeclaration
from inspector.extensions.plan import ExtensionKind
from inspector.stage import Heuristic

# The order is also the order in which context alerts appear in a verdict.
KIND_MODULES: tuple[ModuleType, ...] = (
    vmaccess, gpu, disk_encryption, run_command, dsc, custom_script, unrecognised,
)
# Kinds of input that are not extensions: a script, a file or a URL given directly.
INPUT_KINDS = frozenset({ExtensionKind.SCRIPT, ExtensionKind.FILE, ExtensionKind.URL})
_NO_ALERTS = KindAlerts()


class KindConflict(ValueError):
    """Two kind modules claim the same kind or the same (publisher, type) pair."""


class KindRegistry:
    """The kinds declared by a list of kind modules, and the tables derived from them."""

    def __init__(self, declarations: Iterable[KindDeclaration]) -> None:
        self.declarations = tuple(declarations)
        by_kind: dict[ExtensionKind, KindDeclaration] = {}
        extensions: dict[tuple[str, str], ExtensionKind] = {}
        for declaration in self.declarations:
            for kind in declaration.kinds:
                if kind in by_kind or kind in INPUT_KINDS:
                    raise KindConflict(f"kind {kind} is declared twice")
                by_kind[kind] = declaration
            for pair, kind in declaration.extensions:
                if kind not in declaration.kinds:
                    raise KindConflict(f"{pair} names kind {kind}, which its module does not declare")
                if pair in extensions or pair != (pair[0].casefold(), pair[1].casefold()):
                    raise KindConflict(f"publisher and type {pair} declared twice or not casefolded")
                extensions[pair] = kind
        if ExtensionKind.UNRECOGNISED not in by_kind:
            raise KindConflict("no module declares the kind unknown extensions fall back to")
        self._by_kind = MappingProxyType(by_kind)
        self.known_extensions: Mapping[tuple[str, str], ExtensionKind] = MappingProxyType(extensions)

    @classmethod
    def of_modules(cls, modules: Iterable[ModuleType]) -> KindRegistry:
        return cls(module.KIND for module in modules)

    def identify(self, publisher: str | None, ext_type: str | None) -> ExtensionKind:
        key = ((publisher or "").strip().casefold(), (ext_type or "").strip().casefold())
        return self.known_extensions.get(key, ExtensionKind.UNRECOGNISED)

    def declaration(self, kind: ExtensionKind) -> KindDeclaration | None:
        return self._by_kind.get(kind)

    def handler(self, kind: ExtensionKind) -> Handler | None:
        declaration = self._by_kind.get(kind)
        return declaration.handler if declaration is not None else None

    def alerts(self, kind: ExtensionKind) -> KindAlerts:
        declaration = self._by_kind.get(kind)
        return declaration.alerts if declaration is not None else _NO_ALERTS

    @property
    def kinds(self) -> tuple[ExtensionKind, ...]:
        return tuple(self._by_kind)

    @property
    def checks(self) -> tuple[Heuristic, ...]:
        return tuple(check for declaration in self.declarations for check in declaration.checks)


KINDS = KindRegistry.of_modules(KIND_MODULES)
# The structural checks of every kind, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = KINDS.checks
