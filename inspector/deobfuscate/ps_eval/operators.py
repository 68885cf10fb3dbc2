"""PowerShell's operators over constant values, one table entry per operator spelling.

`binary` and `unary` look the operator up and apply it to values the evaluator has
already computed; each records the obfuscation technique it stands for (`-f` is
"format-operator", `-bxor` is "bxor", ...) on the runtime, and keeps every result
within the runtime's value bound. Regex-based operators (-replace, -split) run with the
runtime's regex timeout, since their patterns come from the payload.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import regex

from inspector.deobfuscate.ps_eval.values import (
    Char,
    EvalLimit,
    NotConstant,
    Runtime,
    to_int,
    to_list,
    to_str,
)

BinaryOperator = Callable[[Runtime, Any, Any], Any]
UnaryOperator = Callable[[Runtime, Any], Any]


def add(rt: Runtime, left: Any, right: Any) -> Any:
    """`+`: array append, string concatenation, or numeric addition, decided by the left side."""
    if isinstance(left, list):
        return left + to_list(right)
    if isinstance(left, bytes):
        return list(left) + to_list(right)
    if isinstance(left, str):
        if isinstance(left, Char) and isinstance(right, int | float) and not isinstance(right, bool):
            return ord(left) + right
        rt.techniques.add("concat")
        return left + to_str(right)
    if isinstance(left, int | float) and not isinstance(left, bool):
        return left + to_int(right)
    raise NotConstant("addition")


def format_string(rt: Runtime, template: Any, args: Any) -> str:
    """`"{1}{0}" -f 'a','b'`: .NET composite formatting (indexes and alignment; format specs ignored)."""
    fmt = to_str(template)
    values = to_list(args)
    rt.techniques.add("format-operator")
    out: list[str] = []
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "{":
            if fmt[i + 1:i + 2] == "{":
                out.append("{")
                i += 2
                continue
            close = fmt.find("}", i)
            if close == -1:
                raise NotConstant("bad format string")
            spec = fmt[i + 1:close]
            index_text, _, rest = spec.partition(",") if "," in spec else spec.partition(":")
            try:
                index = int(index_text.strip())
            except ValueError:
                raise NotConstant("bad format item") from None
            if index >= len(values):
                raise NotConstant("format index out of range")
            item = to_str(values[index])
            if "," in spec:
                width_text = rest.split(":", 1)[0]
                try:
                    width = int(width_text)
                except ValueError:
                    width = 0
                item = item.rjust(width) if width > 0 else item.ljust(-width)
            out.append(item)
            i = close + 1
            continue
        if ch == "}" and fmt[i + 1:i + 2] == "}":
            out.append("}")
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def replace(rt: Runtime, left: Any, right: Any, case_sensitive: bool) -> Any:
    """`-replace pattern, replacement` (also [regex]::Replace), over a string or each item of an array."""
    pair = to_list(right)
    if not pair or len(pair) > 2:
        raise NotConstant("-replace arguments")
    pattern = to_str(pair[0])
    replacement = to_str(pair[1]) if len(pair) == 2 else ""
    rt.techniques.add("replace")
    flags = 0 if case_sensitive else regex.IGNORECASE
    try:
        compiled = regex.compile(pattern, flags)
    except regex.error:
        raise NotConstant("pattern .NET only") from None
    template = dotnet_replacement(replacement)
    timeout = rt.regex_timeout

    def one(value: Any) -> str:
        try:
            replaced: str = compiled.sub(lambda m: m.expand(template), to_str(value), timeout=timeout)
            return replaced
        except TimeoutError:
            raise EvalLimit("-replace timed out") from None
        except (regex.error, IndexError):
            raise NotConstant("replacement") from None

    if isinstance(left, list):
        return [one(v) for v in left]
    return one(left)


def split(rt: Runtime, left: Any, right: Any) -> list[str]:
    """`-split pattern` (case-insensitive, like PowerShell's)."""
    parts = to_list(right)
    pattern = to_str(parts[0]) if parts else r"\s+"
    try:
        result = regex.split(pattern, to_str(left), flags=regex.IGNORECASE, timeout=rt.regex_timeout)
    except (regex.error, TimeoutError):
        raise NotConstant("-split") from None
    rt.techniques.add("split")
    return [r for r in result if r is not None]


def int_range(rt: Runtime, start: int, end: int) -> list[int]:
    """`start..end`, counting down when end < start."""
    if abs(end - start) + 1 > rt.max_value:
        raise EvalLimit("range too large")
    step = 1 if end >= start else -1
    return list(range(start, end + step, step))


def dotnet_replacement(replacement: str) -> str:
    """.NET replacement syntax ($1, ${name}, $$) to a `regex` expand template."""
    out: list[str] = []
    i = 0
    while i < len(replacement):
        ch = replacement[i]
        if ch == "\\":
            out.append("\\\\")
        elif ch == "$" and i + 1 < len(replacement):
            nxt = replacement[i + 1]
            if nxt == "$":
                out.append("$")
                i += 2
                continue
            if nxt.isdigit():
                j = i + 1
                while j < len(replacement) and replacement[j].isdigit():
                    j += 1
                out.append("\\g<" + replacement[i + 1:j] + ">")
                i = j
                continue
            if nxt == "{":
                close = replacement.find("}", i)
                if close != -1:
                    out.append("\\g<" + replacement[i + 2:close] + ">")
                    i = close + 1
                    continue
            out.append("$")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _join(rt: Runtime, left: Any, right: Any) -> str:
    rt.techniques.add("join")
    return to_str(right).join(to_str(v) for v in to_list(left))


def _bxor(rt: Runtime, left: Any, right: Any) -> int:
    a, b = to_int(left), to_int(right)
    rt.techniques.add("bxor")
    return a ^ b


def _band(rt: Runtime, left: Any, right: Any) -> int:
    a, b = to_int(left), to_int(right)
    return a & b


def _bor(rt: Runtime, left: Any, right: Any) -> int:
    a, b = to_int(left), to_int(right)
    return a | b


def _multiply(rt: Runtime, left: Any, right: Any) -> Any:
    """A string times a count repeats it (bounded); anything else multiplies as numbers."""
    if isinstance(left, str) and not isinstance(left, Char):
        count = to_int(right)
        if count < 0 or len(left) * count > rt.max_value:
            raise EvalLimit("string repetition too large")
        return left * count
    return to_int(left) * to_int(right)


def _subtract(rt: Runtime, left: Any, right: Any) -> int:
    return to_int(left) - to_int(right)


def _shift_left(rt: Runtime, left: Any, right: Any) -> int:
    return to_int(left) << min(to_int(right), 64)


def _shift_right(rt: Runtime, left: Any, right: Any) -> int:
    return to_int(left) >> to_int(right)


def _modulo(rt: Runtime, left: Any, right: Any) -> int:
    divisor = to_int(right)
    if divisor == 0:
        raise NotConstant("modulo by zero")
    return to_int(left) % divisor


def _replace_ignoring_case(rt: Runtime, left: Any, right: Any) -> Any:
    return replace(rt, left, right, case_sensitive=False)


def _replace_matching_case(rt: Runtime, left: Any, right: Any) -> Any:
    return replace(rt, left, right, case_sensitive=True)


BINARY_OPERATORS: dict[str, BinaryOperator] = {
    "+": add,
    "-f": format_string,
    "-join": _join, "-ijoin": _join, "-cjoin": _join,
    "-replace": _replace_ignoring_case, "-ireplace": _replace_ignoring_case,
    "-creplace": _replace_matching_case,
    "-split": split, "-isplit": split, "-csplit": split,
    "-bxor": _bxor, "-band": _band, "-bor": _bor,
    "*": _multiply,
    "-": _subtract,
    "-shl": _shift_left, "-shr": _shift_right,
    "%": _modulo,
}


def binary(rt: Runtime, left: Any, op: str, right: Any) -> Any:
    """`left op right` for an operator spelled in lower case (`-f`, `-creplace`, `+`, ...)."""
    apply = BINARY_OPERATORS.get(op)
    if apply is None:
        raise NotConstant(f"operator {op}")
    return apply(rt, left, right)


def _unary_join(rt: Runtime, operand: Any) -> str:
    rt.techniques.add("join")
    return "".join(to_str(v) for v in to_list(operand))


def _unary_split(rt: Runtime, operand: Any) -> list[str]:
    return [p for p in to_str(operand).split() if p]


def _negate(rt: Runtime, operand: Any) -> int | float:
    return -to_int(operand) if not isinstance(operand, float) else -operand


def _identity(rt: Runtime, operand: Any) -> Any:
    return operand


def _not(rt: Runtime, operand: Any) -> bool:
    return not operand


def _bitwise_not(rt: Runtime, operand: Any) -> int:
    return ~to_int(operand)


def _one_item_array(rt: Runtime, operand: Any) -> list[Any]:
    return [operand]


UNARY_OPERATORS: dict[str, UnaryOperator] = {
    "-join": _unary_join,
    "-split": _unary_split,
    "-": _negate,
    "+": _identity,
    "-not": _not, "!": _not,
    "-bnot": _bitwise_not,
    ",": _one_item_array,
}


def unary(op: str) -> UnaryOperator:
    """The unary operator spelled `op` (looked up before its operand is evaluated)."""
    apply = UNARY_OPERATORS.get(op)
    if apply is None:
        raise NotConstant(f"unary {op}")
    return apply
