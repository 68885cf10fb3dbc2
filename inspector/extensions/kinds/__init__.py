"""The extension kinds: every module in this package is one kind, found by its name.

Each module here exports `KIND` (a `kind.KindDeclaration`): the kind names it declares, the
(publisher, type) pairs that identify them, its handler, its structural checks and its alert
types. The modules are discovered with `pkgutil` when this package is imported, so a new kind
is one new module here (and its test): no list, enum or table elsewhere names it. Every table
about kinds (`KINDS`, the structural checks in the detection catalog, the alert types per kind)
is built from the discovered modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType, ModuleType

from inspector.extensions.kind import Handler, KindAlerts, KindDeclaration
from inspector.extensions.plan import INPUT_KINDS, ExtensionKind
from inspector.stage import Heuristic, modules_of

_NO_ALERTS = KindAlerts()


class KindConflict(ValueError):
    """Two kind modules claim one kind or one (publisher, type) pair, or a module is not a kind."""


def discover_kind_modules(package: str = __name__) -> tuple[ModuleType, ...]:
    """Every module of `package` (not its subpackages, not `_private` ones), in name order.

    The order is also the order of the kinds' rows in the detection reference and of context
    alerts that two kinds would raise together.
    """
    modules = modules_of(package)
    for module in modules:
        if not isinstance(getattr(module, "KIND", None), KindDeclaration):
            raise KindConflict(f"{module.__name__} is in a kinds package but its KIND is no KindDeclaration")
    return modules


class KindRegistry:
    """The kinds declared by a list of kind modules, and the tables derived from them."""

    def __init__(self, declarations: Iterable[KindDeclaration]) -> None:
        self.declarations = tuple(declarations)
        by_kind: dict[ExtensionKind, KindDeclaration] = {}
        extensions: dict[tuple[str, str], ExtensionKind] = {}
        fallbacks = [d.fallback for d in self.declarations if d.fallback is not None]
        for declaration in self.declarations:
            if declaration.fallback is not None and declaration.fallback not in declaration.kinds:
                raise KindConflict(f"fallback {declaration.fallback} is not a kind its module declares")
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
        if len(fallbacks) != 1:
            raise KindConflict(f"exactly one module must declare the kind unknown extensions fall back to, "
                               f"not {len(fallbacks)}")
        self.fallback: ExtensionKind = fallbacks[0]
        self._by_kind = MappingProxyType(by_kind)
        self.known_extensions: Mapping[tuple[str, str], ExtensionKind] = MappingProxyType(extensions)

    @classmethod
    def of_modules(cls, modules: Iterable[ModuleType]) -> KindRegistry:
        return cls(module.KIND for module in modules)

    def identify(self, publisher: str | None, ext_type: str | None) -> ExtensionKind:
        key = ((publisher or "").strip().casefold(), (ext_type or "").strip().casefold())
        return self.known_extensions.get(key, self.fallback)

    def knows(self, name: str) -> bool:
        """A kind some module declares, or one of the input kinds (script, file, url)."""
        return name in self._by_kind or name in INPUT_KINDS

    def declaration(self, kind: str) -> KindDeclaration | None:
        return self._by_kind.get(kind)  # type: ignore[call-overload]  # a str key finds its ExtensionKind

    def handler(self, kind: str) -> Handler | None:
        declaration = self.declaration(kind)
        return declaration.handler if declaration is not None else None

    def alerts(self, kind: str) -> KindAlerts:
        declaration = self.declaration(kind)
        return declaration.alerts if declaration is not None else _NO_ALERTS

    @property
    def kinds(self) -> tuple[ExtensionKind, ...]:
        return tuple(self._by_kind)

    @property
    def checks(self) -> tuple[Heuristic, ...]:
        return tuple(check for declaration in self.declarations for check in declaration.checks)


KIND_MODULES: tuple[ModuleType, ...] = discover_kind_modules()
KINDS = KindRegistry.of_modules(KIND_MODULES)
# The structural checks of every kind, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = KINDS.checks
