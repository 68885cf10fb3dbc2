"""The walk of the PowerShell evaluator: tree-sitter nodes to constant values.

`Evaluator.eval` dispatches on the node type to one `_n_<type>` method (literals,
variables, casts, member access, invocations, assignments) or, for the grammar's wrapper
nodes, to the operator chains, ranges, pipelines and statement lists they hold. Values
and their conversions live in `values`, operators in `operators`, and every .NET member
the walk can meet in the tables of `dotnet`. Each step is counted against the budgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

import regex
from tree_sitter import Node

from inspector.deobfuscate.ps_eval import dotnet
from inspector.deobfuscate.ps_eval.operators import add, binary, int_range, unary
from inspector.deobfuscate.ps_eval.values import (
    AUTOMATIC_VARIABLES,
    INDEXED_AUTOMATIC,
    Char,
    EvalLimit,
    NotConstant,
    ScriptBlock,
    TooExpensive,
    TypeRef,
    norm_var,
    to_int,
    to_list,
    to_str,
)

# Node types that only wrap one meaningful child.
_WRAPPERS = frozenset({
    "pipeline_chain", "logical_expression", "bitwise_expression", "comparison_expression",
    "additive_expression", "multiplicative_expression", "format_expression", "range_expression",
    "array_literal_expression", "unary_expression", "argument_expression", "logical_argument_expression",
    "bitwise_argument_expression", "comparison_argument_expression", "additive_argument_expression",
    "multiplicative_argument_expression", "format_argument_expression", "range_argument_expression",
    "expression_with_unary_operator", "string_literal", "integer_literal", "left_assignment_expression",
    "command_name_expr", "statement_list", "script_block_body", "pipeline", "type_spec",
})

# Wrappers whose single named child may sit between punctuation (nothing to evaluate there).
_PASS_THROUGH = frozenset({"statement_list", "script_block_body", "type_spec"})

_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
# Backtick before one of these changes meaning; before anything else it is only noise.
BACKTICK_SPECIAL = frozenset("0abefnrtuv")


class ChainPrefix(NamedTuple):
    """The constant left part of an operator chain: its value, how it was built, the chain
    link it ends at, and the limit that stopped it when one did (else None)."""

    value: Any
    techniques: set[str]
    node: Node
    limit: EvalLimit | None


@dataclass
class Evaluator:
    """Evaluates expression nodes of one parsed script against a variable environment."""

    source: bytes
    max_steps: int = 200_000
    max_depth: int = 150
    max_value: int = 1024 * 1024
    regex_timeout: float = 0.1  # for -replace / -split patterns, which come from the payload
    expression_steps: int = 50_000  # one expression's share of `max_steps`
    env: dict[str, Any] = field(default_factory=dict)
    steps: int = 0
    techniques: set[str] = field(default_factory=set)
    var_techniques: dict[str, set[str]] = field(default_factory=dict)  # how each variable's value was built
    _depth: int = 0
    _ceiling: int = 1 << 62

    # --- entry points -------------------------------------------------------------------

    def evaluate(self, node: Node) -> tuple[Any, set[str]]:
        """Value of `node` and the techniques its evaluation went through."""
        saved = self.techniques
        self.techniques = set()
        self._ceiling = self.steps + self.expression_steps
        try:
            value = self.eval(node)
            return value, self.techniques
        finally:
            self.techniques = saved | self.techniques

    def text(self, node: Node) -> str:
        return self.source[node.start_byte:node.end_byte].decode("utf-8", "replace")

    # --- dispatch -----------------------------------------------------------------------

    def eval(self, node: Node) -> Any:
        self.steps += 1
        if self.steps > self.max_steps:
            raise EvalLimit(f"more than {self.max_steps} evaluation steps")
        if self.steps > self._ceiling:
            raise TooExpensive("expression over its step budget")
        node = self._unwrap(node)
        self._depth += 1
        try:
            if self._depth > self.max_depth:
                raise EvalLimit(f"expressions nested deeper than {self.max_depth}")
            value = self._dispatch(node)
        finally:
            self._depth -= 1
        self._check_size(value)
        return value

    def _unwrap(self, node: Node) -> Node:
        """Skip the single-child wrapper nodes of the grammar without using a frame each."""
        kind = node.type  # read once per node: each read of Node.type builds a new str
        while kind in _UNWRAPPABLE and node.named_child_count == 1:
            if node.child_count != 1 and kind not in _PASS_THROUGH:
                break
            child = node.named_children[0]
            child_kind = child.type
            if child_kind == "comment" or (kind in _STATEMENT_HOLDERS and child_kind in _STATEMENTS):
                break
            node = child
            kind = child_kind
            self.steps += 1
        return node

    def _check_size(self, value: Any) -> None:
        if isinstance(value, str | bytes | list) and len(value) > self.max_value:
            raise EvalLimit(f"a value grew past {self.max_value} items")

    def _named(self, node: Node) -> list[Node]:
        return [c for c in node.children if c.is_named and c.type not in ("comment",)]

    def _dispatch(self, node: Node) -> Any:
        kind = node.type
        handler = getattr(self, "_n_" + kind, None)
        if handler is not None:
            return handler(node)
        if kind in _WRAPPERS:
            children = node.children
            if kind in ("additive_expression", "multiplicative_expression", "comparison_expression",
                        "bitwise_expression", "format_expression", "logical_expression",
                        "additive_argument_expression", "multiplicative_argument_expression",
                        "comparison_argument_expression", "bitwise_argument_expression",
                        "format_argument_expression", "logical_argument_expression") and len(children) == 3:
                return self._binary_chain(node)
            if kind in ("range_expression", "range_argument_expression") and len(children) == 3:
                return self._range(children[0], children[2])
            if kind == "array_literal_expression" and len(children) > 1:
                items: list[Any] = []
                for child in self._named(node):
                    # Long lists of numbers (char codes, xor-ed bytes) are the common case: read them directly.
                    literal = self.source[child.start_byte:child.end_byte]
                    if literal.isdigit() and len(literal) < 10:
                        items.append(int(literal))
                        self.steps += 1
                    else:
                        items.append(self.eval(child))
                return items
            if kind == "expression_with_unary_operator":
                return self._unary(node)
            if kind == "pipeline":
                return self._pipeline(node)
            if kind == "pipeline_chain":
                return self._pipeline(node)
            if kind == "statement_list":
                return self._statements(node)
            named = self._named(node)
            if len(named) == 1:
                return self.eval(named[0])
        raise NotConstant(f"{kind} is not modelled")

    def _op(self, node: Node) -> str:
        return self.text(node).strip().lower()

    # --- literals -----------------------------------------------------------------------

    def _n_verbatim_string_characters(self, node: Node) -> str:
        raw = self.text(node)
        if len(raw) >= 2 and raw[0] in "'‘’" and raw[-1] in "'‘’":
            raw = raw[1:-1]
        return raw.replace("''", "'")

    def _n_verbatim_here_string_characters(self, node: Node) -> str:
        raw = self.text(node)
        body = raw[2:-2]
        return body.strip("\r\n") if body.startswith(("\n", "\r")) else body

    def _n_expandable_string_literal(self, node: Node) -> str:
        return self._expandable(node, 1, 1, '"')

    def _n_expandable_here_string_literal(self, node: Node) -> str:
        value = self._expandable(node, 2, 2, None)
        return value.strip("\r\n")

    def _expandable(self, node: Node, head: int, tail: int, quote: str | None) -> str:
        """Backtick escapes, doubled quotes and `$var`/`$(...)` parts of a double-quoted string."""
        start, end = node.start_byte + head, node.end_byte - tail
        parts: list[str] = []
        pos = start
        for child in node.children:
            if child.start_byte < start or child.end_byte > end:
                continue
            parts.append(self._unescape(self.source[pos:child.start_byte].decode("utf-8", "replace"), quote))
            if child.type == "sub_expression":
                self.techniques.add("subexpression")
            parts.append(to_str(self.eval(child)))
            pos = child.end_byte
        parts.append(self._unescape(self.source[pos:end].decode("utf-8", "replace"), quote))
        return "".join(parts)

    def _unescape(self, raw: str, quote: str | None) -> str:
        if "`" not in raw and not (quote and quote * 2 in raw):
            return raw
        out: list[str] = []
        i = 0
        while i < len(raw):
            ch = raw[i]
            if ch == "`" and i + 1 < len(raw):
                nxt = raw[i + 1]
                if nxt in _ESCAPES:
                    out.append(_ESCAPES[nxt])
                else:
                    if nxt.isalnum():
                        self.techniques.add("backtick-escape")
                    out.append(nxt)
                i += 2
                continue
            if quote and ch == quote and raw[i + 1:i + 2] == quote:
                out.append(quote)
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)

    def _n_decimal_integer_literal(self, node: Node) -> int | float:
        raw = self.text(node).lower()
        multiplier = 1
        for suffix, factor in (("kb", 1024), ("mb", 1024**2), ("gb", 1024**3)):
            if raw.endswith(suffix):
                raw, multiplier = raw[:-2], factor
        raw = raw.rstrip("ldu")
        try:
            return int(raw) * multiplier
        except ValueError:
            raise NotConstant("integer literal") from None

    def _n_hexadecimal_integer_literal(self, node: Node) -> int:
        raw = self.text(node).lower().rstrip("l")
        try:
            return int(raw, 16)
        except ValueError:
            raise NotConstant("hex literal") from None

    def _n_real_literal(self, node: Node) -> float:
        try:
            return float(self.text(node).rstrip("dD"))
        except ValueError:
            raise NotConstant("real literal") from None

    def _n_variable(self, node: Node) -> Any:
        name = norm_var(self.text(node))
        if name in self.env:
            self.techniques |= self.var_techniques.get(name, set())
            return self.env[name]
        if name in AUTOMATIC_VARIABLES:
            if name in INDEXED_AUTOMATIC:
                self.techniques.add("automatic-variable")
            return AUTOMATIC_VARIABLES[name]
        raise NotConstant(f"variable ${name} is not known")

    def _n_braced_variable(self, node: Node) -> Any:
        return self._n_variable(node)

    def _n_parenthesized_expression(self, node: Node) -> Any:
        inner = self._named(node)
        if len(inner) != 1:
            raise NotConstant("empty parentheses")
        return self.eval(inner[0])

    def _n_sub_expression(self, node: Node) -> Any:
        inner = self._named(node)
        if not inner:
            return None
        return self.eval(inner[0])

    def _n_array_expression(self, node: Node) -> Any:
        inner = self._named(node)
        if not inner:
            return []
        return to_list(self.eval(inner[0]))

    def _n_script_block_expression(self, node: Node) -> ScriptBlock:
        body = [c for c in node.children if c.type == "script_block"]
        text = self.text(node)[1:-1]
        return ScriptBlock(body[0] if body else None, text)

    def _n_type_literal(self, node: Node) -> TypeRef:
        name = self.text(node)[1:-1].replace("`", "").strip().lower()
        return TypeRef(name.removeprefix("system."))

    # --- statements and pipelines ------------------------------------------------------

    def _statements(self, node: Node) -> Any:
        outputs: list[Any] = []
        for child in self._named(node):
            if child.type == "empty_statement":
                continue
            value = self.eval(child)
            if child.type == "pipeline" and child.named_child_count == 1 \
                    and child.named_children[0].type == "assignment_expression":
                continue
            if value is not None:
                outputs.append(value)
        if not outputs:
            return None
        return outputs[0] if len(outputs) == 1 else [v for out in outputs for v in to_list(out)]

    def assigned_name(self, assignment: Node) -> str | None:
        """The variable an assignment writes (`$x = ...`, `[string]$x = ...`), or None."""
        node = assignment.children[0]
        for _ in range(64):
            if node.type in ("variable", "braced_variable"):
                return norm_var(self.text(node))
            if node.type == "cast_expression":
                node = node.children[-1]
            elif node.named_child_count == 1:
                node = node.named_children[0]
            else:
                return None
        return None

    def _n_assignment_expression(self, node: Node) -> None:
        op = self._op(node.children[1])
        value_node = node.child_by_field_name("value") or node.children[-1]
        key = self.assigned_name(node)
        if key is None:
            raise NotConstant("assignment target")
        value = self.eval(value_node)
        if op == "+=":
            value = add(self, self.env.get(key, None) if key in self.env else "", value)
        elif op != "=":
            raise NotConstant("compound assignment")
        if isinstance(value, list):
            value = list(value)
        self.env[key] = value
        self.var_techniques[key] = set(self.techniques)

    def evaluate_prefix(self, chain: Node, count: int) -> tuple[Any, set[str]]:
        """Value of the first `count` elements of a pipeline (what they pipe onwards)."""
        saved = self.techniques
        self.techniques = set()
        try:
            parts = [c for c in chain.children if c.is_named][:count]
            return self._run_parts(parts), self.techniques
        finally:
            self.techniques = saved | self.techniques

    def _pipeline(self, node: Node) -> Any:
        parts = [c for c in node.children if c.is_named]
        if not parts:
            raise NotConstant("empty pipeline")
        if len(parts) == 1 and parts[0].type != "command":
            return self.eval(parts[0])
        return self._run_parts(parts)

    def _run_parts(self, parts: list[Node]) -> Any:
        value: Any = None
        first = True
        for part in parts:
            if part.type == "command":
                value = self._command(part, value, has_input=not first)
            elif first:
                value = self.eval(part)
            else:
                raise NotConstant("pipeline element")
            first = False
        return value

    def _command(self, node: Node, piped: Any, has_input: bool) -> Any:
        name_node = node.child_by_field_name("command_name")
        elements = node.child_by_field_name("command_elements")
        if name_node is None:
            raise NotConstant("command without a name")
        name = self.text(name_node).replace("`", "").lower()
        args = [c for c in elements.children if c.type not in ("command_argument_sep",)] if elements else []
        bare_range = _BARE_RANGE.match(name)
        if bare_range and not args and not has_input:
            # The grammar reads `(1..100)` as a command named "1..100".
            return int_range(self, int(bare_range.group(1)), int(bare_range.group(2)))
        if name in ("%", "foreach-object", "foreach") and has_input:
            blocks = [a for a in args if a.type == "script_block_expression"]
            if len(blocks) != 1:
                raise NotConstant("ForEach-Object without one script block")
            return self._foreach(to_list(piped), self._n_script_block_expression(blocks[0]))
        if name in ("write-output", "echo", "write") and not has_input and args:
            return self.eval(args[0])
        if name == "new-object" and not has_input:
            return self._new_object(args)
        if name in ("out-string",) and has_input:
            return "\n".join(to_str(v) for v in to_list(piped)) + "\n"
        raise NotConstant(f"command {name} is not modelled")

    def _foreach(self, items: list[Any], block: ScriptBlock) -> Any:
        if block.node is None:
            raise NotConstant("empty block")
        if len(items) > self.max_value:
            raise EvalLimit("pipeline too long")
        fast = self._foreach_fast(items, block.text)
        if fast is not None:
            return fast
        if "$_" not in block.text and "$psitem" not in block.text.lower() and items:
            # `0..65535|%{0}` (a buffer): the block does not depend on the item, evaluate it once.
            body = block.node.child_by_field_name("script_block_body")
            once = self.eval(body) if body is not None else None
            return to_list(once) * len(items) if isinstance(once, list) else [once] * len(items)
        body = block.node.child_by_field_name("script_block_body")
        if body is None:
            raise NotConstant("empty block")
        saved = self.env.get("_", _MISSING)
        results: list[Any] = []
        try:
            for item in items:
                self.env["_"] = item
                out = self.eval(body)
                if isinstance(out, list):
                    results.extend(out)
                elif out is not None:
                    results.append(out)
        finally:
            if saved is _MISSING:
                self.env.pop("_", None)
            else:
                self.env["_"] = saved
        return results

    def _foreach_fast(self, items: list[Any], block_text: str) -> list[Any] | None:
        """`{[char]$_}`, `{$_ -bxor K}`, `{[char]($_ -bxor K)}` over many items, without a walk per item."""
        match = _SIMPLE_BLOCK.match(block_text)
        if match is None:
            return None
        key = 0
        if match.group("key"):
            token = match.group("key")
            if token.startswith("$"):
                name = norm_var(token)
                if name not in self.env:
                    raise NotConstant("unknown xor key")
                self.techniques |= self.var_techniques.get(name, set())
                key = to_int(self.env[name])
            else:
                key = int(token, 16) if token.lower().startswith("0x") else int(token)
            self.techniques.add("bxor")
        self.steps += len(items) // 4 + 1
        if self.steps > self.max_steps:
            raise EvalLimit(f"more than {self.max_steps} evaluation steps")
        numbers = [to_int(item) ^ key for item in items]
        if match.group("char"):
            self.techniques.add("char-codes")
            return [Char(chr(n & 0x10FFFF)) for n in numbers]
        return numbers

    def _new_object(self, args: list[Node]) -> Any:
        type_name = ""
        ctor: list[Any] = []
        for arg in args:
            if arg.type == "generic_token" and not type_name:
                type_name = self.text(arg).replace("`", "").lower()
            elif arg.type == "argument_list":
                ctor = self._arguments(arg)
            elif arg.type == "command_parameter":
                continue
            elif not type_name:
                type_name = to_str(self.eval(arg)).lower()
            else:
                ctor = to_list(self.eval(arg))
        return dotnet.construct(self, type_name.removeprefix("system."), ctor)

    # --- operators ---------------------------------------------------------------------

    @staticmethod
    def spine(node: Node) -> list[Node]:
        """The operator nodes of a left-leaning chain `a + b + c`, outermost first."""
        links: list[Node] = []
        current = node
        while current.type == node.type and current.child_count == 3:
            links.append(current)
            current = current.children[0]
        return links

    def constant_prefix(self, node: Node) -> ChainPrefix | None:
        """The longest constant left part of a chain (`'a'+'b'+$x` -> 'ab'), in one pass.

        A chain longer than one expression's share of steps goes on with a new share for as
        long as its left part is a string: each further link only appends text, so the whole
        run of constant links is folded here, in this layer. Stopping at the share folded one
        share's worth per layer, and a long chain then took as many layers as it has shares,
        each a full analysis of a text as long as the chain: the square of its length. The
        artifact's budget (`max_steps`) still bounds the total; when it runs out after some
        links, the part found so far is returned with the limit (`ChainPrefix.limit`).
        """
        links = self.spine(node)
        if not links:
            return None
        saved = self.techniques
        self.techniques = set()
        self._ceiling = self.steps + self.expression_steps
        try:
            try:
                head = self.eval(links[-1].children[0])
            except NotConstant:
                return None
            text = _Appended(self.max_value)
            # Where the left part was last constant: link index, the pieces then, techniques, head.
            best: tuple[int, list[str], int, set[str], Any] | None = None
            limit: EvalLimit | None = None
            for index in range(len(links) - 1, -1, -1):
                link = links[index]
                op = self._op(link.children[1])
                try:
                    try:
                        right = self.eval(link.children[2])
                    except TooExpensive:
                        if best is None or not text.continues(head):
                            break
                        self._ceiling = self.steps + self.expression_steps  # a new share for the rest
                        # TooExpensive again: one operand alone costs a whole share; stop there.
                        right = self.eval(link.children[2])
                    head = self._link(text, head, op, right)
                except EvalLimit as exc:
                    if best is None:
                        raise
                    limit = exc
                    break
                except NotConstant:
                    break
                best = (index, text.pieces, len(text.pieces), set(self.techniques), head)
            if best is None:
                return None
            index, pieces, count, techniques, best_head = best
            value = best_head + "".join(pieces[:count]) if count else best_head
            return ChainPrefix(value, techniques, links[index], limit)
        finally:
            self.techniques = saved | self.techniques

    def _link(self, text: _Appended, head: Any, op: str, right: Any) -> Any:
        """One link of an operator chain: `+` onto a string being built is kept as a piece (the
        pieces are joined once, not copied per link); any other operator applies now."""
        if op == "+" and text.continues(head):
            text.append(self, head, right)
            return head
        head = binary(self, text.joined(head), op, right)
        text.clear()
        self._check_size(head)
        return head

    def _binary_chain(self, node: Node) -> Any:
        """`a + b + c ...` is a left-leaning spine: walk it without recursing per operator."""
        spine: list[Node] = []
        current = node
        while current.type == node.type and current.child_count == 3:
            spine.append(current)
            current = current.children[0]
            if len(spine) > self.max_value:
                raise EvalLimit("operator chain too long")
        head = self.eval(current)
        text = _Appended(self.max_value)
        for link in reversed(spine):
            self.steps += 1
            if self.steps > self.max_steps:
                raise EvalLimit(f"more than {self.max_steps} evaluation steps")
            op = self._op(link.children[1])
            right = self.eval(link.children[2])
            head = self._link(text, head, op, right)
        return text.joined(head)

    def _range(self, start_node: Node, end_node: Node) -> list[int]:
        start, end = to_int(self.eval(start_node)), to_int(self.eval(end_node))
        return int_range(self, start, end)

    def _unary(self, node: Node) -> Any:
        children = node.children
        if len(children) == 1:
            return self.eval(children[0])
        apply = unary(self._op(children[0]))
        return apply(self, self.eval(children[-1]))

    def _n_cast_expression(self, node: Node) -> Any:
        type_node, operand = node.children[0], node.children[-1]
        target = self._n_type_literal(type_node).name
        value = self.eval(operand)
        return dotnet.cast(self, target, value)

    # --- element access, members and methods -------------------------------------------

    def _n_element_access(self, node: Node) -> Any:
        target = self.eval(node.children[0])
        index_nodes = [c for c in node.children[1:] if c.is_named]
        if len(index_nodes) != 1:
            raise NotConstant("index")
        index = self.eval(index_nodes[0])
        target_node = node.children[0]
        if target_node.type == "variable":
            name = norm_var(self.text(target_node))
            if name in INDEXED_AUTOMATIC and name not in self.env:
                self.techniques.add("automatic-variable")
        if isinstance(index, list):
            if any(to_int(i) < 0 for i in index) and isinstance(target, str) and len(index) > 1:
                self.techniques.add("reverse")
            return [self._index(target, to_int(i)) for i in index]
        return self._index(target, to_int(index))

    def _index(self, target: Any, index: int) -> Any:
        if isinstance(target, str):
            if -len(target) <= index < len(target):
                return Char(target[index])
            return None
        if isinstance(target, list | bytes):
            if -len(target) <= index < len(target):
                return target[index]
            return None
        raise NotConstant("indexing")

    def _n_member_access(self, node: Node) -> Any:
        target_node = node.children[0]
        member = self._member_name(node)
        if target_node.type == "type_literal":
            return dotnet.static_property(self._n_type_literal(target_node).name, member)
        target = self.eval(target_node)
        return dotnet.get_property(target, member)

    def _member_name(self, node: Node) -> str:
        names = [c for c in node.children if c.type == "member_name"]
        if not names:
            raise NotConstant("member")
        member_node = names[-1]
        inner = member_node.named_children
        if inner and inner[0].type != "simple_name":
            return to_str(self.eval(inner[0])).lower()
        return self.text(member_node).replace("`", "").strip("'\"").lower()

    def _n_invokation_expression(self, node: Node) -> Any:
        target_node = node.children[0]
        member = self._member_name(node)
        arg_nodes = [c for c in node.children if c.type == "argument_list"]
        args = self._arguments(arg_nodes[0]) if arg_nodes else []
        is_static = any(c.type == "::" for c in node.children)
        if is_static and target_node.type == "type_literal":
            call = dotnet.StaticCall(member, args, arg_nodes)
            return dotnet.static_call(self, self._n_type_literal(target_node).name, call)
        target = self.eval(target_node)
        return dotnet.call_method(self, target, member, args)

    def _arguments(self, node: Node) -> list[Any]:
        lists = [c for c in node.children if c.type == "argument_expression_list"]
        if not lists:
            return []
        return [self.eval(c) for c in lists[0].children if c.is_named]

    def reverse_variable(self, arg_nodes: list[Node]) -> None:
        """`[array]::Reverse($x)` reverses the array held in `$x` in place."""
        variables = [n for n in _walk_named(arg_nodes[0]) if n.type in ("variable", "braced_variable")]
        if len(variables) != 1:
            raise NotConstant("Reverse of an expression")
        key = norm_var(self.text(variables[0]))
        if key not in self.env:
            raise NotConstant("Reverse of an unknown variable")
        value = self.env[key]
        self.var_techniques.setdefault(key, set()).add("reverse")
        if isinstance(value, bytes):
            self.env[key] = bytes(reversed(value))
        elif isinstance(value, list):
            self.env[key] = list(reversed(value))
        else:
            raise NotConstant("Reverse of a scalar")


class _Appended:
    """The text a chain of `+` appends to a plain string, joined once at the end.

    `'a' + 'b' + ...` evaluated one `+` at a time copies the whole string at every link: the
    square of the chain's length. With a plain string on the left, `+` is concatenation with
    the right side's string form (`operators.add`), so the pieces are kept and joined once. A
    `[char]` on the left is not a plain string (`[char]65 + 1` is 66) and goes through `add`.
    """

    __slots__ = ("limit", "pieces", "length")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.pieces: list[str] = []
        self.length = 0

    def continues(self, head: Any) -> bool:
        """Whether `head` followed by the pieces so far is a plain string."""
        return bool(self.pieces) or type(head) is str

    def append(self, rt: Evaluator, head: str, right: Any) -> None:
        """`head + pieces + right`, as `operators.add` computes it for a plain string on the left."""
        piece = to_str(right)
        rt.techniques.add("concat")
        if not self.pieces:
            self.length = len(head)
        self.pieces.append(piece)
        self.length += len(piece)
        if self.length > self.limit:  # what `_check_size` says of the joined value
            raise EvalLimit(f"a value grew past {self.limit} items")

    def joined(self, head: Any) -> Any:
        if not self.pieces:
            return head
        return head + "".join(self.pieces)

    def clear(self) -> None:
        self.pieces = []  # a new list: a snapshot of the old one's length stays valid
        self.length = 0


_MISSING = object()
_SIMPLE_BLOCK = regex.compile(
    r"(?i)^\s*+(?P<char>\[char\]\s*+)?\(?\s*+\$_\s*+(?:-bxor\s*+(?P<key>0x[0-9a-f]{1,8}|\d{1,10}|\$\w{1,64}))?"
    r"\s*+\)?\s*+$"
)
_BARE_RANGE = regex.compile(r"^(-?\d{1,9})\.\.(-?\d{1,9})$")


def _walk_named(node: Node) -> list[Node]:
    """All named descendants, iteratively (trees can be very deep)."""
    found: list[Node] = []
    stack = [node]
    while stack and len(found) < 10_000:
        current = stack.pop()
        found.append(current)
        stack.extend(reversed([c for c in current.children if c.is_named]))
    return found


_UNWRAPPABLE = frozenset(t for t in _WRAPPERS if not hasattr(Evaluator, "_n_" + t))
_STATEMENT_HOLDERS = frozenset({"pipeline", "pipeline_chain", "statement_list"})
_STATEMENTS = frozenset({"command", "assignment_expression"})
