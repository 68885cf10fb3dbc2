"""A static evaluator for the constant part of PowerShell expressions, over tree-sitter nodes.

Obfuscated PowerShell builds its real code out of constants: literals joined with `+`,
reordered with `-f`, spelled as `[char]` codes, reversed, `-replace`d, xor-ed with a key,
base64- and deflate-encoded. This evaluator computes such expressions *without running
anything*: it knows literals, a handful of operators, string/array methods, a few .NET
static helpers (Convert, Text.Encoding, compression streams) and the automatic variables
attackers index into (`$ShellId[1]`). Anything else is `NotConstant`, so the caller keeps
the source text as it was.

Every evaluation is bounded by a step budget, a nesting depth and a value size, so a
hostile expression cannot make it slow or large (it raises `EvalLimit`).

Modules: `values` (the value model and its conversions), `operators` (PowerShell's
operators, by spelling), `dotnet` (the modelled .NET members, by type and member) and
`evaluator` (the walk over the syntax tree).
"""

from __future__ import annotations

from inspector.deobfuscate.ps_eval.evaluator import BACKTICK_SPECIAL, Evaluator
from inspector.deobfuscate.ps_eval.values import (
    AUTOMATIC_VARIABLES,
    Char,
    Encoding,
    EvalLimit,
    NotConstant,
    Reader,
    ScriptBlock,
    Stream,
    TooExpensive,
    TypeRef,
    norm_var,
    to_int,
    to_list,
    to_str,
)

__all__ = [
    "AUTOMATIC_VARIABLES", "BACKTICK_SPECIAL", "Char", "Encoding", "EvalLimit", "Evaluator", "NotConstant",
    "Reader", "ScriptBlock", "Stream", "TooExpensive", "TypeRef", "norm_var", "to_int", "to_list", "to_str",
]
