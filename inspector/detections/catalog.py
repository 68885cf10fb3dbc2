"""The catalog type: every detection by id, and the alert types each one may feed.

An entry is the `Heuristic` its module declares (id, title, explanation, score, cap, ATT&CK
ids, source, alert feed). A catalog is built once from a list of modules and never changes;
a ruleset's YARA rules are added by building a new catalog (`with_rules`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import MappingProxyType, ModuleType

from inspector.extensions.kinds import KindRegistry
from inspector.model import DetectionSource, Finding
from inspector.stage import Feed, Heuristic


class DuplicateDetection(ValueError):
    """Two different declarations share one id: findings with that id would be ambiguous."""


class Catalog:
    """Detections by id, in declaration order."""

    def __init__(self, entries: Iterable[Heuristic]) -> None:
        by_id: dict[str, Heuristic] = {}
        for entry in entries:
            known = by_id.get(entry.id)
            if known is None:
                by_id[entry.id] = entry
            elif known != entry:  # the same declaration listed twice is one entry
                raise DuplicateDetection(f"detection id {entry.id!r} is declared twice, differently")
        self._by_id = MappingProxyType(by_id)

    @classmethod
    def of_modules(cls, modules: Iterable[ModuleType]) -> Catalog:
        """The entries each module lists in its `DETECTIONS`."""
        return cls(entry for module in modules for entry in module.DETECTIONS)

    def with_rules(self, rules: Iterable[Heuristic]) -> Catalog:
        """This catalog plus a ruleset's entries; an id already declared keeps its declaration
        (an operator's rule may reuse an id, its findings are declared either way)."""
        merged = dict(self._by_id)
        for entry in rules:
            merged.setdefault(entry.id, entry)
        return Catalog(merged.values())

    def get(self, detection_id: str) -> Heuristic | None:
        return self._by_id.get(detection_id)

    def __getitem__(self, detection_id: str) -> Heuristic:
        return self._by_id[detection_id]

    def __contains__(self, detection_id: object) -> bool:
        return detection_id in self._by_id

    def __iter__(self) -> Iterator[Heuristic]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def by_source(self, source: DetectionSource) -> tuple[Heuristic, ...]:
        return tuple(entry for entry in self if entry.source is source)

    def undeclared(self, findings: Iterable[Finding]) -> list[str]:
        """Ids of findings no entry declares, sorted: each one is a programming error."""
        return sorted({finding.id for finding in findings if finding.id not in self._by_id})


def alert_types(entry: Heuristic, kinds: KindRegistry) -> tuple[str, ...]:
    """Every alert type the entry's findings may feed, under any extension kind.

    Every finding adds to the score, so every entry may feed the failure alerts as well.
    """
    declared = [k.alerts for k in kinds.declarations]
    feed = entry.feeds
    if feed is Feed.CONTEXT:
        own = [entry.alert]
    elif feed is Feed.DELETION:
        own = [a.deletion for a in declared]
    elif feed is Feed.PAYLOAD:
        own = [name for a in declared for name in (a.command, a.script)]
    elif feed is Feed.URL:
        own = [name for a in declared for name in (a.entry_point, a.fetched)]
    else:
        own = []
    failures = [a.failure for a in declared]
    return tuple(dict.fromkeys(name for name in (*own, *failures) if name is not None))
