"""Case-insensitive access to request fields, with the path of every value kept.

Public templates spell the same key many ways (`ModulesUrl`, `modulesUrl`, `Modulesurl`), so
every lookup ignores case. A `Field` remembers two paths: `origin` (canonical, for people and
for the plan: `protectedSettings.commandToExecute`) and `keys` (the request's own spelling, to
find the same value again in the redacted copy).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

Key = str | int


def join(origin: str, name: str | int) -> str:
    """`settings` + `fileUris` -> `settings.fileUris`; `script` + 3 -> `script[3]`."""
    if isinstance(name, int):
        return f"{origin}[{name}]"
    return f"{origin}.{name}" if origin else name


@dataclass(frozen=True)
class Field:
    origin: str
    keys: tuple[Key, ...]
    value: Any

    def child(self, name: str | int, key: Key, value: Any) -> Field:
        return Field(join(self.origin, name), (*self.keys, key), value)

    def items(self) -> Iterator[Field]:
        """Children of an object (named as in the request) or an array (by index)."""
        if isinstance(self.value, Mapping):
            for key, value in self.value.items():
                yield self.child(str(key), key, value)
        elif isinstance(self.value, list):
            for index, value in enumerate(self.value):
                yield self.child(index, index, value)

    def find_all(self, *names: str) -> list[Field]:
        """Every member whose key equals one of `names` ignoring case; origin uses the first name
        unless the request spells the same key twice, then the request's spelling."""
        if not isinstance(self.value, Mapping):
            return []
        wanted = {name.casefold() for name in names}
        found = [(key, value) for key, value in self.value.items() if isinstance(key, str) and key.casefold() in wanted]
        canonical = names[0]
        out: list[Field] = []
        for index, (key, value) in enumerate(found):
            out.append(self.child(canonical if index == 0 else key, key, value))
        return out

    def find(self, *names: str) -> Field | None:
        found = self.find_all(*names)
        return found[0] if found else None

    def get(self, *names: str) -> Any:
        """The value of the first matching member, or None."""
        found = self.find(*names)
        return None if found is None else found.value

    def is_object(self) -> bool:
        return isinstance(self.value, Mapping)


def as_text(value: Any) -> str | None:
    """A string, or a number written as one (tolerated: its meaning is clear). None otherwise."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def as_flag(value: Any) -> bool:
    """JSON true, or the strings/numbers templates use for it ("true", "True", 1)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, str):
        return value.strip().casefold() in {"true", "yes", "1", "on"}
    return False


def is_present(value: Any) -> bool:
    """Set to something: not null, not an empty string, not an empty object or array."""
    if value is None:
        return False
    if isinstance(value, (str, list, dict)):
        return bool(value.strip() if isinstance(value, str) else value)
    return True
