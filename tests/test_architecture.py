"""The package structure holds: no import cycle between packages, no reaching into another
package's private names, no module too long to read.

The imports of every module under inspector/ are read with `ast` (nothing is imported), lazy
imports inside functions and `TYPE_CHECKING` imports included: they are dependencies too. A
unit is a package directly under inspector/ (inspector.store, inspector.api, ...) or a
top-level module (inspector.model, inspector.pipeline, ...).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "inspector"
MAX_MODULE_LINES = 800

@dataclass(frozen=True)
class Import:
    importer: str  # dotted module name
    target: str  # dotted module (or module.name) imported
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit_of(module: str) -> str:
    """`inspector.store.keys` -> `inspector.store`; `inspector.model` -> `inspector.model`."""
    return ".".join(module.split(".")[:2])


@cache
def is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def modules() -> Iterator[tuple[str, Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield module_name(path), path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def resolve_relative(importer: str, path: Path, node: ast.ImportFrom) -> str:
    package = importer.split(".") if path.name == "__init__.py" else importer.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(importer: str, path: Path, tree: ast.Module) -> Iterator[Import]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "inspector":
                    yield Import(importer, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            source = resolve_relative(importer, path, node) if node.level else (node.module or "")
            if source.split(".")[0] != "inspector":
                continue
            for alias in node.names:
                name = f"{source}.{alias.name}"
                yield Import(importer, name if is_module(name) else source, node.lineno)


def package_edges() -> dict[tuple[str, str], list[Import]]:
    edges: dict[tuple[str, str], list[Import]] = defaultdict(list)
    for importer, path, tree in modules():
        for imp in imports_of(importer, path, tree):
            here, there = unit_of(importer), unit_of(imp.target)
            if here != there:
                edges[(here, there)].append(imp)
    return edges


def strongly_connected(edges: dict[tuple[str, str], list[Import]]) -> list[frozenset[str]]:
    """Tarjan's algorithm, iteratively: the groups of units that import each other in a circle."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[frozenset[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            advanced = False
            for succ in successors:
                if succ not in index:
                    index[succ] = low[succ] = len(index)
                    stack.append(succ)
                    on_stack.add(succ)
                    work.append((succ, iter(sorted(graph[succ]))))
                    advanced = True
                    break
                if succ in on_stack:
                    low[node] = min(low[node], index[succ])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(frozenset(group))
    return groups


def describe_cycle(group: frozenset[str], edges: dict[tuple[str, str], list[Import]]) -> str:
    lines = [" <-> ".join(sorted(group))]
    for (a, b), found in sorted(edges.items()):
        if a in group and b in group:
            first = found[0]
            more = f" and {len(found) - 1} more" if len(found) > 1 else ""
            lines.append(f"    {a} -> {b}: {first.importer} imports {first.target} (line {first.line}){more}")
    return "\n".join(lines)


def module_aliases(tree: ast.Module) -> dict[str, str]:
    """Local names bound to inspector modules: `import inspector.x.y as m`, `from inspector.x import y`."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "inspector":  # `import inspector.x` binds the name `inspector`
                    bound[alias.asname or "inspector"] = alias.name if alias.asname else "inspector"
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "inspector":
            for alias in node.names:
                if is_module(f"{node.module}.{alias.name}"):
                    bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return bound


def dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return f"{inner}.{node.attr}" if inner is not None else None
    return None


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_reaches() -> list[tuple[str, str, int]]:
    """(module, private name it takes from another package, line)."""
    found: list[tuple[str, str, int]] = []
    for importer, path, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("inspector"):
                source = node.module or ""
                for alias in node.names:
                    if is_private(alias.name) and unit_of(source) != unit_of(importer):
                        found.append((importer, f"{source}.{alias.name}", node.lineno))
        aliases = module_aliases(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not is_private(node.attr):
                continue
            owner = dotted(node.value)
            if owner is None:
                continue
            head, _, rest = owner.partition(".")
            module = aliases.get(head)
            if module is None:
                continue
            target = f"{module}.{rest}" if rest else module
            if is_module(target) and unit_of(target) != unit_of(importer):
                found.append((importer, f"{target}.{node.attr}", node.lineno))
    return found


def long_modules() -> dict[str, int]:
    sizes = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            sizes[path.relative_to(ROOT).as_posix()] = lines
    return sizes


# ------------------------------------------------------------------------------------ tests


def test_the_walk_sees_every_package_and_their_imports() -> None:
    names = {name for name, _, _ in modules()}
    assert {"inspector.store.keys", "inspector.service.state", "inspector.api.routes", "inspector.model"} <= names
    edges = package_edges()
    assert ("inspector.api", "inspector.service") in edges and ("inspector.ui", "inspector.service") in edges


def test_packages_do_not_import_each_other_in_a_circle() -> None:
    edges = package_edges()
    cycles = strongly_connected(edges)
    found = [describe_cycle(group, edges) for group in cycles]
    assert not found, "import cycles between packages:\n" + "\n".join(found)


def test_no_module_takes_a_private_name_from_another_package() -> None:
    found = private_reaches()
    reaches = [f"{m} uses {name} (line {line})" for m, name, line in found]
    assert not reaches, "private names used across packages:\n" + "\n".join(reaches)


def test_no_module_is_longer_than_the_limit() -> None:
    sizes = long_modules()
    too_long = [f"{path}: {n} lines" for path, n in sizes.items()]
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines:\n" + "\n".join(too_long)
