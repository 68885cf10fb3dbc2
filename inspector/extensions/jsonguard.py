"""Parsing hostile JSON: bounded size, bounded nesting, clear errors, never a RecursionError.

Python's json module recurses once per nesting level, so `[[[[...` ten thousand deep raises
RecursionError from inside the parser. The nesting depth is therefore measured first, with a
flat scan over the bracket characters outside strings, and the document is parsed only when it
is within `max_depth`.
"""

from __future__ import annotations

import json
from typing import Any

import regex

from inspector.extensions.request import InputError
from inspector.unpack.text import decode_text

# A JSON string literal, possessive so an unterminated string costs one linear pass.
_STRING = regex.compile(r'"(?:[^"\\]++|\\.)*+"', regex.DOTALL)
_NON_BRACKET_BYTES = bytes(b for b in range(256) if b not in b"[]{}")
_SAME_BRACKETS = bytes.maketrans(b"{}", b"[]")
_SCAN_TIMEOUT_S = 5.0


def decode_json_text(data: bytes) -> str:
    """JSON text from bytes: UTF-8 (with or without BOM) or UTF-16/32 as PowerShell saves it."""
    decoded = decode_text(data)
    if decoded is None:
        raise InputError("invalid_json", "the input is binary, not JSON text")
    return decoded.text


def text_depth(text: str, limit: int) -> int:
    """Deepest bracket nesting of a JSON text, strings excluded; stops counting past `limit`.

    No recursion and no per-character Python loop: every round deletes the innermost `[]` pairs
    (C-speed str.replace), so the number of rounds is the nesting depth. What remains at the end
    is unbalanced (`]]][[[`): each unmatched opener may nest one level more, so it is counted too.
    """
    try:
        without_strings = _STRING.sub("", text, timeout=_SCAN_TIMEOUT_S)
    except TimeoutError:
        raise InputError("too_large", "the JSON text is too large to measure in time") from None
    # UTF-8 never uses ASCII bytes inside multi-byte characters, so deleting bytes is exact.
    raw = without_strings.encode("utf-8", "surrogatepass").translate(None, _NON_BRACKET_BYTES)
    brackets = raw.translate(_SAME_BRACKETS).decode("ascii")
    depth = 0
    while brackets and depth <= limit:
        shorter = brackets.replace("[]", "")
        if len(shorter) == len(brackets):
            return depth + brackets.count("[")
        brackets = shorter
        depth += 1
    return depth


def too_deep(text: str, limit: int) -> bool:
    """Whether the JSON text nests deeper than `limit` (`text_depth`, skipped when it cannot).

    Nesting never exceeds the number of openers, so the usual small request is answered by two
    C-speed counts; the scan (a regex, which releases the GIL) runs only for bracket-heavy text.
    """
    if text.count("[") + text.count("{") <= limit:
        return False
    return text_depth(text, limit) > limit


def value_depth(value: Any, limit: int) -> int:
    """Nesting depth of an already parsed value, measured iteratively; stops early past `limit`."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def parse_json(data: bytes | str, *, max_bytes: int, max_depth: int) -> Any:
    """Parse a JSON document within limits, or raise InputError (too_large, too_deep, invalid_json)."""
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputError("too_large", f"JSON input of {size} bytes exceeds the limit of {max_bytes} bytes")
    text = decode_json_text(data) if isinstance(data, bytes) else data
    if too_deep(text, max_depth):
        raise InputError("too_deep", f"JSON nesting deeper than the limit of {max_depth} levels")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("invalid_json", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:  # e.g. integers beyond the digit limit
        raise InputError("invalid_json", f"invalid JSON: {str(exc)[:200]}") from None


def parse_json_lines(data: bytes | str, *, max_bytes: int, max_depth: int) -> list[Any] | None:
    """JSON Lines (one document per line, as Azure Monitor archives activity logs to storage):
    the documents as a list, or None when the text is not JSON Lines. Size and depth limits
    apply to the whole text as to `parse_json`."""
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputError("too_large", f"JSON input of {size} bytes exceeds the limit of {max_bytes} bytes")
    text = decode_json_text(data) if isinstance(data, bytes) else data
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    if too_deep(text, max_depth):
        raise InputError("too_deep", f"JSON nesting deeper than the limit of {max_depth} levels")
    documents: list[Any] = []
    for line in lines:
        try:
            documents.append(json.loads(line))
        except (ValueError, RecursionError):
            return None
    return documents
