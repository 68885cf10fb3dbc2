"""JSON documents from callers (API bodies, documents pasted in the console), parsed within limits.

Depth is measured before parsing (by the extension reader's guard); the number of values and
the length of strings and keys are checked on the parsed value. Anything over a limit is a
400 problem naming what was too big.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inspector.extensions.jsonguard import parse_json as guarded_parse_json
from inspector.extensions.request import InputError
from inspector.service.problems import (
    FIELD_TOO_LARGE,
    INVALID_JSON,
    JSON_TOO_DEEP,
    JSON_TOO_LARGE,
    ProblemError,
)


@dataclass(frozen=True)
class JsonLimits:
    max_depth: int
    max_nodes: int
    max_string_chars: int


def parse_json(raw: bytes, limits: JsonLimits) -> Any:
    """Parse a JSON body (UTF-8, RFC 8259) within the limits, or raise a 400 problem.

    Nesting is measured before parsing by the extension reader's guard; value count and string
    length are checked on the parsed value.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(INVALID_JSON, f"the body is not UTF-8 (byte {exc.start})") from None
    try:
        value = guarded_parse_json(text, max_bytes=len(raw), max_depth=limits.max_depth)
    except InputError as exc:
        kind = {"too_deep": JSON_TOO_DEEP, "too_large": JSON_TOO_LARGE}.get(exc.kind, INVALID_JSON)
        raise ProblemError(kind, exc.detail) from None
    check_json_shape(value, limits)
    return value


def check_json_shape(value: Any, limits: JsonLimits) -> None:
    """Walk a parsed JSON value iteratively, enforcing the value count and string sizes."""
    stack: list[tuple[Any, str]] = [(value, "$")]
    nodes = 0
    while stack:
        item, path = stack.pop()
        nodes += 1
        if nodes > limits.max_nodes:
            raise ProblemError(JSON_TOO_LARGE, f"the body has more than {limits.max_nodes} values")
        if isinstance(item, str):
            _check_unicode(item, path)
            if len(item) > limits.max_string_chars:
                raise ProblemError(
                    FIELD_TOO_LARGE,
                    f"the string at {path} has {len(item)} characters; the limit is {limits.max_string_chars}",
                )
        elif isinstance(item, dict):
            for key, child in item.items():
                if len(key) > limits.max_string_chars:
                    raise ProblemError(FIELD_TOO_LARGE, f"a key under {path} is longer than {limits.max_string_chars} characters")
                _check_unicode(key, f"a key under {path}")
                stack.append((child, f"{path}.{key[:64]}"))
        elif isinstance(item, list):
            stack.extend((child, f"{path}[{index}]") for index, child in enumerate(item))


def _check_unicode(text: str, where: str) -> None:
    """A `\\ud800`-style escape that is not half of a pair is valid JSON but no Unicode text
    (I-JSON, RFC 7493, forbids it): nothing downstream could encode it, so it is refused here."""
    if text.isascii():  # (a flag of the string: the common case costs nothing)
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProblemError(
            INVALID_JSON, f"the string at {where} holds a lone surrogate (character {exc.start}): not Unicode text",
        ) from None
