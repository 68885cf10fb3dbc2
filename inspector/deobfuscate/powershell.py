"""PowerShell deobfuscation: constant expressions folded, strings handed to `iex` peeled.

Entry point: `PowerShellLayer.analyze`. The script is parsed with tree-sitter-powershell
and walked once in document order:

- an invocation of Invoke-Expression (by name, alias, backticked, random-cased, or computed:
  `& ($ShellId[1]+$ShellId[13]+'x')`, `$env:comspec[4,15,25]-join''`, `... | iex`), of
  `[ScriptBlock]::Create(...)` or `$ExecutionContext.InvokeCommand.InvokeScript(...)` whose
  argument evaluates to a constant string yields that string as the next layer;
- every other expression that evaluates to a constant string through an obfuscation
  technique (concatenation, `-f`, `[char]` codes, `-join`, `-replace`, reversal, `-bxor`,
  base64, Deflate/GZip streams) is replaced by its value, backticks in names are dropped
  and random case is normalised; the rewritten script is one more layer;
- `[Convert]::FromBase64String` of a constant whose bytes are not consumed by a bigger
  constant expression becomes a `decoded:base64` child (it may be a PE or an archive).

Simple assignments (`$a = 'x' + 'y'`) are tracked so later uses of `$a` are known. The
evaluator (the ps_eval package) is bounded in steps, nesting and value size; the parser only ever
sees `max_parse_chars` characters.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any

import regex
import tree_sitter
import tree_sitter_powershell
from tree_sitter import Node

from inspector.stage import AnalyzerOutput, Heuristic, Payload, ScanContext
from inspector.deobfuscate.common import (
    DeobfuscationLimits,
    LayerOutput,
    parse_until,
    technique_heuristic,
    time_is_short,
)
from inspector.deobfuscate.ps_oversize import analyze_oversized
from inspector.deobfuscate.ps_eval import (
    BACKTICK_SPECIAL,
    EvalLimit,
    Evaluator,
    NotConstant,
    ScriptBlock,
    norm_var,
    to_int,
    to_list,
    to_str,
)
from inspector.model import Artifact, ArtifactType, ErrorKind
from inspector.redact import redact_head

LANGUAGE = _LANGUAGE = tree_sitter.Language(tree_sitter_powershell.language())  # public: the command query


# `Payload.memo` key of the trees the layer parsed, by source bytes: the command extractor
# (`inspector.commands.commands_of`) reads the same text from them instead of parsing again.
TREES_MEMO_KEY = "powershell_trees"


def parse_powershell(source: bytes, deadline: float | None = None,
                     parsed: dict[bytes, tree_sitter.Tree] | None = None) -> tree_sitter.Tree:
    """The syntax tree of a PowerShell script (UTF-8 bytes); shared with the command extractor.
    Raises ValueError when the monotonic `deadline` passes first. A tree in `parsed` for the same
    bytes is returned as is; a new one is added to it."""
    tree = parsed.get(source) if parsed is not None else None
    if tree is None:
        tree = parse_until(tree_sitter.Parser(_LANGUAGE), source, deadline)
        if parsed is not None:
            parsed[source] = tree
    return tree

TECHNIQUE_HEURISTICS = {
    "invoke_expression": technique_heuristic(
        "powershell", "invoke_expression", "Invoke-Expression of a constructed string", 30,
        "A string assembled at run time is executed as code (iex / Invoke-Expression / ScriptBlock.Create)."),
    "invoke_literal": technique_heuristic(
        "powershell", "invoke_literal", "Invoke-Expression of a literal string", 10,
        "A literal string is executed as code: the code is visible, but hidden from a first parse."),
    "obfuscated_invocation": technique_heuristic(
        "powershell", "obfuscated_invocation", "Obfuscated Invoke-Expression name", 40,
        "The command that runs the code is itself spelled indirectly (computed name, automatic-variable "
        "characters, backticks or random case) so that 'iex' never appears literally."),
    "format-operator": technique_heuristic(
        "powershell", "format_operator", "String rebuilt with the -f format operator", 20,
        "Fragments reordered with format indexes (\"{1}{0}\" -f 'x','y') hide the real string."),
    "concat": technique_heuristic(
        "powershell", "concat", "String split into concatenated fragments", 5,
        "Literal fragments joined with '+' (common in benign code too; scored low)."),
    "char-codes": technique_heuristic(
        "powershell", "char_codes", "String spelled as character codes", 20,
        "[char] casts of numbers or char arrays spell out a string."),
    "join": technique_heuristic(
        "powershell", "join", "String assembled with -join", 5, "Pieces joined with -join or [string]::Join."),
    "split": technique_heuristic(
        "powershell", "split", "String split and rejoined", 5, "-split / .Split used to rebuild a string."),
    "replace": technique_heuristic(
        "powershell", "replace", "String cleaned with -replace/.Replace chains", 10,
        "Junk markers removed with -replace or .Replace to reveal the real string."),
    "reverse": technique_heuristic(
        "powershell", "reverse", "Reversed string", 30,
        "A string stored backwards and reversed at run time (negative index range, [array]::Reverse, "
        "RightToLeft regex)."),
    "bxor": technique_heuristic(
        "powershell", "bxor", "XOR-encoded data", 40, "Bytes or characters decoded with -bxor and a constant key."),
    "base64": technique_heuristic(
        "powershell", "base64", "Base64-decoded data", 20, "[Convert]::FromBase64String of a constant blob."),
    "compressed-stream": technique_heuristic(
        "powershell", "compressed_stream", "Compressed script stream", 30,
        "A Deflate/GZip stream over an embedded blob, read back as text."),
    "automatic-variable": technique_heuristic(
        "powershell", "automatic_variable", "Characters taken from automatic variables", 40,
        "Letters picked out of $ShellId, $PSHome, $env:ComSpec or preference variables to spell a command."),
    "backtick-escape": technique_heuristic(
        "powershell", "backtick", "Backtick escapes inside names", 20,
        "Meaningless backticks (I`nv`oke) break up keywords to evade string matching."),
    "random-case": technique_heuristic(
        "powershell", "random_case", "Random letter case", 15,
        "Keywords written in random case (iNvOkE-eXpReSsIoN) to evade case-sensitive matching."),
}
# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = tuple(TECHNIQUE_HEURISTICS.values())
# Order in which techniques name a layer: the most specific first.
_TECHNIQUE_ORDER = ("compressed-stream", "base64", "bxor", "char-codes", "reverse", "format-operator", "replace",
                    "automatic-variable", "split", "join", "concat", "backtick-escape", "random-case")

_IEX_NAMES = frozenset({"iex", "invoke-expression", "microsoft.powershell.utility\\invoke-expression"})
_XOR_LOOP = regex.compile(
    r"(?is)^for\s*+\(\s*+\$(?P<i>\w{1,64})\s*+=\s*+0\s*+;\s*+\$(?P=i)\s*+-lt\s*+\$(?P<a>\w{1,64})\.(?:length|count)"
    r"\s*+;\s*+\$(?P=i)\+\+\s*+\)\s*+\{\s*+\$(?P<b>\w{1,64})\[\$(?P=i)\]\s*+=\s*+\$(?P<c>\w{1,64})\[\$(?P=i)\]"
    r"\s*+-bxor\s*+(?:(?P<number>0x[0-9a-f]{1,8}|\d{1,10})|\$(?P<key>\w{1,64})"
    r"(?P<mod>\[\s*+\$(?P=i)\s*+%\s*+\$\w{1,64}\.(?:length|count)\s*+\])?)\s*+;?\s*+\}$"
)
_COMMAND_LOOKUP = regex.compile(
    r"(?i)^\(?\s*+(?:(?:gcm|get-command|gcm\.exe)\s++(?:-name\s++)?|\$executioncontext\.invokecommand\."
    r"(?:getcmdlet|getcommand|getcommandname)\(\s*+)['\"]?(?P<pattern>[\w*?\-\[\]]{1,64})['\"]?"
)
_FOLDABLE = frozenset({
    "parenthesized_expression", "additive_expression", "format_expression", "comparison_expression",
    "expression_with_unary_operator", "cast_expression", "element_access", "invokation_expression",
    "expandable_string_literal", "sub_expression", "bitwise_expression", "multiplicative_expression",
    "additive_argument_expression", "format_argument_expression", "comparison_argument_expression",
    "expandable_here_string_literal",
})
_BINARY_TYPES = frozenset({"additive_expression", "format_expression", "comparison_expression", "bitwise_expression",
                           "multiplicative_expression", "additive_argument_expression",
                           "format_argument_expression", "comparison_argument_expression"})
_NAME_TOKENS = frozenset({"command_name", "simple_name", "type_identifier", "generic_token", "command_parameter"})
# Every node type `_Walk._visit` handles; the walk calls it for these only.
_MAX_LOOPS = 10_000  # `for` loops whose variables are tracked per script
_MAX_ITERATOR_NODES = 256  # nodes of one loop iterator searched for variables
_VISITED_TYPES = _FOLDABLE | _NAME_TOKENS | {"assignment_expression", "command", "pipeline_chain",
                                            "invokation_expression", "ERROR", "for_statement"}

# Canonical spelling of names attackers randomise, so the normalised layer reads naturally.
_CANONICAL = {name.lower(): name for name in (
    "Invoke-Expression", "IEX", "New-Object", "Net.WebClient", "System.Net.WebClient", "DownloadString",
    "DownloadFile", "DownloadData", "Invoke-WebRequest", "Invoke-RestMethod", "Start-Process", "Start-BitsTransfer",
    "Set-MpPreference", "Add-MpPreference", "Invoke-Command", "Get-Process", "Stop-Process", "Remove-Item",
    "Write-Host", "Write-Output", "Out-File", "Set-Content", "Get-Content", "Add-Type", "FromBase64String",
    "Convert", "Text.Encoding", "UTF8", "Unicode", "ASCII", "GetString", "Reflection.Assembly", "Load", "Invoke",
    "ScriptBlock", "Create", "Net.Sockets.TCPClient", "GetStream", "IO.StreamReader", "ReadToEnd",
    "IO.Compression.DeflateStream", "IO.Compression.GzipStream", "IO.MemoryStream", "Decompress",
    "New-ItemProperty", "Set-ItemProperty", "Register-ScheduledTask", "New-ScheduledTaskAction", "Hidden",
    "WindowStyle", "NoProfile", "ExecutionPolicy", "Bypass", "EncodedCommand", "NonInteractive", "Command",
    "Get-WmiObject", "Get-CimInstance", "Invoke-WmiMethod", "Set-ExecutionPolicy", "ToCharArray", "Replace",
    "Join", "Split", "ForEach-Object", "Where-Object", "powershell", "cmd", "whoami", "Get-ChildItem",
)}
_WORD = regex.compile(r"[A-Za-z]{4,}")
_NAME_PARTS = regex.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")
# lower, three or more capitals, lower again (dowNLOAdString): not how names are written
_MIXED_RUN = regex.compile(r"[a-z][A-Z]{3,}[a-z]")
_FLIP = regex.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[a-z])")
_ISOLATED = regex.compile(r"(?<=[A-Z])[a-z](?=[A-Z])")


def random_cased(word: str) -> bool:
    """True for a word whose letter case flips far more often than in Pascal/camel case."""
    if word.islower() or word.isupper() or len(word) < 3:
        return False
    for token in _NAME_PARTS.findall(word):
        canonical = _CANONICAL.get(token.lower())
        if canonical is not None and token not in (canonical, token.lower(), token.upper(), token.capitalize()):
            # Foreach-Object or downloadString are how people type; two or more letters off is not.
            if sum(1 for a, b in zip(token, canonical, strict=False) if a != b) >= 2:
                return True
    for part in _WORD.findall(word):
        if part.islower() or part.isupper() or (part[0].isupper() and part[1:].islower()):
            continue
        flips = len(_FLIP.findall(part))
        if flips >= 4 and _MIXED_RUN.search(part):  # an acronym inside Pascal case flips less
            return True
        # Pascal case has humps of two or more letters (Get, By, File); random case leaves
        # single lower-case letters between capitals (iNvOkE).
        isolated = len(_ISOLATED.findall(part))
        if (flips >= max(3, len(part) // 2) and isolated >= 2) or flips >= max(4, 2 * len(part) // 3):
            return True
    return False


def canonical_case(word: str) -> str:
    return _CANONICAL.get(word.lower(), word.lower())


@dataclass
class _Replacement:
    start: int  # byte offsets in the UTF-8 source
    end: int
    text: str
    techniques: frozenset[str]
    in_call: bool = False  # part of an invocation already peeled into its own layer


@dataclass
class _Walk:
    """One document-order walk of a parsed script: children, replacements, techniques."""

    payload: Payload
    ctx: ScanContext
    limits: DeobfuscationLimits
    source: bytes
    out: LayerOutput
    evaluator: Evaluator
    replacements: list[_Replacement] = field(default_factory=list)
    consumed: list[tuple[int, int]] = field(default_factory=list)  # byte spans already peeled by an iex
    ascii: bool = True
    case_cache: dict[str, bool] = field(default_factory=dict)
    chain_tried: set[tuple[int, int, str]] = field(default_factory=set)  # operator chains already evaluated
    aliases: dict[str, str] = field(default_factory=dict)  # Set-Alias x iex
    # (start, end, variables) of `for` loops: what their iterator changes (`$i++`) is not constant
    # inside them, whatever the initialiser says.
    loop_variables: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)

    # --- offsets -----------------------------------------------------------------------

    def char_offset(self, byte_offset: int) -> int:
        if self.ascii:
            return byte_offset
        return len(self.source[:byte_offset].decode("utf-8", "replace"))

    def span(self, node: Node) -> tuple[int, int]:
        start = self.char_offset(node.start_byte)
        return start, self.char_offset(node.end_byte) - start

    def text(self, node: Node) -> str:
        return self.source[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def random_cased(self, word: str) -> bool:
        """`random_cased`, remembered per word: a script repeats its command names."""
        weird = self.case_cache.get(word)
        if weird is None:
            weird = self.case_cache[word] = random_cased(word)
        return weird

    # --- evaluation --------------------------------------------------------------------

    def value(self, node: Node) -> tuple[Any, set[str]] | None:
        try:
            return self.evaluator.evaluate(node)
        except EvalLimit as exc:
            self.out.error(ErrorKind.LIMIT_DEOBFUSCATION_EVAL, f"powershell: {exc}")
            return None
        except NotConstant:
            return None
        except (RecursionError, MemoryError, OverflowError, ValueError):
            self.out.error(ErrorKind.LIMIT_DEOBFUSCATION_EVAL, "powershell: expression too complex to evaluate")
            return None

    def note(self, techniques: set[str] | frozenset[str], node: Node, snippet: str | None = None) -> None:
        offset, length = self.span(node)
        for name in sorted(techniques):  # a set: its order differs between processes
            heuristic = TECHNIQUE_HEURISTICS.get(name)
            if heuristic is not None:
                self.out.technique(heuristic, offset, length, snippet or self.text(node)[:200])

    # --- the walk ----------------------------------------------------------------------

    def run(self, root: Node) -> None:
        # Two thirds of a parse tree are punctuation, wrappers and operator chains of one
        # operand, which `_visit` would look at and pass over; they are descended through here
        # without the call (a 40 KB script is ~20,000 nodes).
        stack: list[Node] = [root]
        visited = 0
        evaluator = self.evaluator
        max_steps = self.limits.max_eval_steps
        while stack:
            node = stack.pop()
            visited += 1
            if visited % 512 == 0 and time_is_short(self.ctx):
                self.out.error(ErrorKind.LIMIT_DEADLINE, "powershell deobfuscation stopped at the scan deadline")
                return
            if evaluator.steps > max_steps:
                self.out.error(ErrorKind.LIMIT_DEOBFUSCATION_EVAL,
                               f"powershell: more than {self.limits.max_eval_steps} evaluation steps")
                return
            kind = node.type
            if kind in _VISITED_TYPES:
                count = node.child_count
                passes = (count < 3 and kind in _BINARY_TYPES) or (kind == "pipeline_chain" and count < 2)
                if not passes and self._visit(node):
                    continue
                if count:
                    stack.extend(reversed(node.children))
            elif node.child_count:
                stack.extend(reversed(node.children))

    def _visit(self, node: Node) -> bool:
        """Handle one node; True when its subtree is done (do not descend)."""
        kind = node.type
        if kind == "assignment_expression":
            return self._assignment(node)
        if kind == "command":
            return self._command(node)
        if kind == "pipeline_chain" and node.named_child_count > 1:
            return self._piped_iex(node)
        if kind == "invokation_expression":
            if self._script_from_string(node):
                return True
        if kind in _FOLDABLE and self._fold(node):
            return True
        if kind in _NAME_TOKENS:
            self._normalise_name(node)
            return True
        if kind == "ERROR":
            self._error_backticks(node)
        if kind == "for_statement":
            self._xor_loop(node)
            self._loop_variables(node)
        return False

    def _loop_variables(self, node: Node) -> None:
        """Record the variables a `for` loop's iterator changes (`for ($i = 0; ...; $i++)`)."""
        iterator = next((c for c in node.named_children if c.type == "for_iterator"), None)
        if iterator is None or len(self.loop_variables) >= _MAX_LOOPS:
            return
        names: set[str] = set()
        stack = [iterator]
        seen = 0
        while stack and seen < _MAX_ITERATOR_NODES:
            current = stack.pop()
            seen += 1
            if current.type in ("variable", "braced_variable"):
                names.add(norm_var(self.text(current)))
            else:
                stack.extend(current.named_children)
        if names:
            self.loop_variables.append((node.start_byte, node.end_byte, frozenset(names)))

    def _loop_variant(self, node: Node, key: str) -> bool:
        return any(start <= node.start_byte and node.end_byte <= end and key in names
                   for start, end, names in self.loop_variables)

    def _xor_loop(self, node: Node) -> None:
        """`for ($i=0; $i -lt $b.Length; $i++) { $b[$i] = $b[$i] -bxor K }` over a known array,
        with K a number, a variable, or a key array indexed by `$i % $k.Length`: applied in place."""
        match = _XOR_LOOP.match(self.text(node)[:2000])
        if match is None or len({match.group(g).lower() for g in ("a", "b", "c")}) != 1:
            return  # the loop must rewrite the array it walks
        env = self.evaluator.env
        target = norm_var(match.group("a"))
        data = env.get(target)
        if not isinstance(data, bytes | list) or len(data) > self.limits.max_value_chars:
            return
        try:
            if match.group("number"):
                token = match.group("number")
                keys = [int(token, 16) if token.lower().startswith("0x") else int(token)]
            else:
                key = env.get(norm_var(match.group("key")))
                if key is None:
                    return
                keys = [to_int(key)] if isinstance(key, int) else [to_int(k) for k in to_list(key)] \
                    if isinstance(key, bytes | list) else [ord(c) for c in to_str(key)]
                if match.group("mod") is None:
                    keys = keys[:1]
            if not keys:
                return
            values = [to_int(v) for v in to_list(data)]
        except NotConstant:
            return
        decoded = [v ^ keys[i % len(keys)] for i, v in enumerate(values)]
        env[target] = bytes(v & 0xFF for v in decoded) if isinstance(data, bytes) else decoded
        self.evaluator.var_techniques.setdefault(target, set()).add("bxor")
        self.note({"bxor"}, node)

    def _error_backticks(self, node: Node) -> None:
        """Text the grammar could not parse still loses its noise backticks (one edit per tick)."""
        raw = self.source[node.start_byte:node.end_byte]
        if b"`" not in raw:
            return
        quote = 0
        for index, byte in enumerate(raw):
            if quote:
                if byte == quote:
                    quote = 0
                continue
            if byte in (0x22, 0x27):
                quote = byte
            elif byte == 0x60 and index + 1 < len(raw):
                following = chr(raw[index + 1])
                if following.isalnum() and following not in BACKTICK_SPECIAL:
                    start = node.start_byte + index
                    self.replacements.append(_Replacement(start, start + 1, "", frozenset({"backtick-escape"})))

    def _assignment(self, node: Node) -> bool:
        value_node = node.child_by_field_name("value") or node.children[-1]
        key = self.evaluator.assigned_name(node) or ""
        adds = len(node.children) > 1 and self.text(node.children[1]) == "+="
        before = self.evaluator.env.get(key, "") if adds else None
        result = self.value(node)  # evaluates the right side and records the variable
        if self.loop_variables and self._loop_variant(node, key):
            # `for ($i = 0; ...; $i++)`: 0 is only the first value; folding `'x{0}' -f $i` in the
            # body into 'x0' would be wrong (and makes a whole-script layer out of nothing).
            self.evaluator.env.pop(key, None)
        if result is None:
            self.evaluator.env.pop(key, None)  # no longer known; still look inside the right side
            return False
        key_value = self.evaluator.env.get(key)
        if adds:  # `$x += ...`: the right side is what was added, not the new whole
            grew = isinstance(before, str) and isinstance(key_value, str) and key_value.startswith(before)
            key_value = key_value[len(before):] if grew else None  # type: ignore[arg-type,index]
        _, techniques = result
        if isinstance(key_value, str) and _meaningful(techniques) and (
                not techniques <= _WEAK or _assembles_words(self.text(value_node))):
            self._replace(value_node, key_value, techniques)
        elif isinstance(key_value, bytes) and "base64" in techniques:
            self._decoded_bytes(value_node, key_value, techniques)
        elif isinstance(key_value, ScriptBlock) and key_value.node is None:
            self._peel(node, key_value.text, techniques, value_node)  # $sb = [ScriptBlock]::Create(...)
        return True

    def _command(self, node: Node) -> bool:
        name_node = node.child_by_field_name("command_name")
        if name_node is None:
            return False
        elements = node.child_by_field_name("command_elements")
        args = [c for c in elements.children if c.type not in ("command_argument_sep", "command_parameter")] \
            if elements else []
        name_techniques: set[str] = set()
        if name_node.type == "command_name":
            raw = self.text(name_node)
            name = raw.replace("`", "").lower()
            if "`" in raw:
                name_techniques.add("backtick-escape")
            if self.random_cased(raw.replace("`", "")):
                name_techniques.add("random-case")
        else:
            result = self.value(name_node)
            if result is None:
                result = self._wildcard_command(name_node)
            if result is None:
                return False
            value, techniques = result
            if isinstance(value, ScriptBlock):
                if value.node is not None:
                    return False  # `& { ... }` runs a block written in place: nothing hidden
                return self._peel(node, value.text, techniques, name_node)
            name = _as_name(value)
            name_techniques = set(techniques)
            if name in _IEX_NAMES and _meaningful(name_techniques):
                self.replacements.append(_Replacement(name_node.start_byte, name_node.end_byte, "'" + name + "'",
                                                      frozenset(name_techniques), in_call=True))
        if name in ("set-alias", "sal", "new-alias", "nal"):
            self._alias(elements)
            return False
        if name in self.aliases:
            name_techniques.add("alias")
            name = self.aliases[name]
        if name not in _IEX_NAMES:
            return False
        if not args:
            return False  # piped form: handled by the pipeline_chain
        if name_techniques or name_node.type != "command_name":
            self.out.technique(TECHNIQUE_HEURISTICS["obfuscated_invocation"], *self.span(name_node), self.text(name_node)[:200])
            self.note(name_techniques, name_node)
        if name_node.type == "command_name":
            self._normalise_name(name_node, in_call=True)
        result = self.value(args[0])
        if result is None:
            return False
        value, techniques = result
        return self._peel(node, _as_code(value), techniques, args[0])

    def _wildcard_command(self, name_node: Node) -> tuple[str, set[str]] | None:
        """`& (gcm I*e-E*)`, `& (Get-Command *ke-Exp*)`, `$ExecutionContext.InvokeCommand.GetCmdlet('Invoke-Expression')`:
        a command looked up by a pattern that only Invoke-Expression matches."""
        match = _COMMAND_LOOKUP.match(self.text(name_node)[:300])
        if match is None:
            return None
        pattern = match.group("pattern")
        if not any(fnmatch.fnmatchcase(candidate, pattern.lower()) for candidate in ("invoke-expression", "iex")):
            return None
        return "invoke-expression", {"wildcard-lookup"}

    def _alias(self, elements: Node | None) -> None:
        """`Set-Alias x iex` / `sal -Name x -Value Invoke-Expression`: later calls of x are iex."""
        if elements is None:
            return
        words: list[str] = []
        named: dict[str, str] = {}
        pending: str | None = None
        for child in elements.children:
            if child.type == "command_argument_sep":
                continue
            text = self.text(child).strip("'\"").replace("`", "").lower()
            if child.type == "command_parameter":
                pending = text.lstrip("-").rstrip(":")
                continue
            if pending is not None:
                named[pending] = text
                pending = None
            else:
                words.append(text)
        alias = named.get("name", words[0] if words else None)
        target = named.get("value", words[1] if len(words) > 1 else (words[0] if "name" in named and words else None))
        if alias and target and len(self.aliases) < 1000:
            self.aliases[alias] = target

    def _piped_iex(self, chain: Node) -> bool:
        """`<expr> | iex` (and `| & ('ie'+'x')`): the piped value is the code."""
        parts = [c for c in chain.children if c.is_named]
        last = parts[-1]
        if last.type != "command":
            return False
        name_node = last.child_by_field_name("command_name")
        if name_node is None or last.child_by_field_name("command_elements") is not None:
            return False
        name_techniques: set[str] = set()
        if name_node.type == "command_name":
            raw = self.text(name_node)
            name = raw.replace("`", "").lower()
            if "`" in raw:
                name_techniques.add("backtick-escape")
            if self.random_cased(raw.replace("`", "")):
                name_techniques.add("random-case")
        else:
            result = self.value(name_node) or self._wildcard_command(name_node)
            if result is None:
                return False
            name = _as_name(result[0])
            name_techniques = set(result[1]) | {"computed-name"}
        if name in self.aliases:
            name_techniques.add("alias")
            name = self.aliases[name]
        if name not in _IEX_NAMES:
            return False
        if name_node.type == "command_name":
            self._normalise_name(name_node, in_call=True)
        elif _meaningful(name_techniques - {"computed-name"}):
            self.replacements.append(_Replacement(name_node.start_byte, name_node.end_byte, "'" + name + "'",
                                                  frozenset(name_techniques), in_call=True))
        if name_techniques:
            self.out.technique(TECHNIQUE_HEURISTICS["obfuscated_invocation"], *self.span(name_node), self.text(name_node)[:200])
            self.note(name_techniques, name_node)
        try:
            value, techniques = self.evaluator.evaluate_prefix(chain, len(parts) - 1)
        except EvalLimit as exc:
            self.out.error(ErrorKind.LIMIT_DEOBFUSCATION_EVAL, f"powershell: {exc}")
            return False
        except (NotConstant, RecursionError, ValueError, OverflowError):
            return False
        return self._peel(chain, _as_code(value), techniques, parts[0], end_node=parts[-2])

    def _script_from_string(self, node: Node) -> bool:
        """[ScriptBlock]::Create(s), $ExecutionContext.InvokeCommand.InvokeScript/NewScriptBlock(s)."""
        text = self.text(node)[:200].replace("`", "").lower()
        if not ("scriptblock]::create" in text or "invokecommand.invokescript" in text
                or "invokecommand.newscriptblock" in text):
            return False
        arg_lists = [c for c in node.children if c.type == "argument_list"]
        if not arg_lists:
            return False
        exprs = [c for c in arg_lists[0].named_children if c.type == "argument_expression_list"]
        if not exprs or not exprs[0].named_children:
            return False
        first = exprs[0].named_children[0]
        result = self.value(first)
        if result is None:
            return False
        value, techniques = result
        return self._peel(node, _as_code(value), techniques, first)

    def _peel(self, node: Node, code: str | None, techniques: set[str] | frozenset[str], arg: Node,
              end_node: Node | None = None) -> bool:
        if code is None:
            return False
        start = arg.start_byte
        end = (end_node or arg).end_byte
        self.consumed.append((node.start_byte, node.end_byte))
        if techniques - {"subexpression"} or end_node is not None:
            # The readable layer shows the call with its argument evaluated.
            literal = "'" + code.replace("'", "''") + "'"
            self.replacements.append(_Replacement(start, end, literal, frozenset(techniques), in_call=True))
        shown = [t for t in _TECHNIQUE_ORDER if t in techniques]
        technique = shown[0] if shown else "invoke-expression"
        offset = self.char_offset(start)
        length = self.char_offset(end) - offset
        computed = bool(set(techniques) - {"subexpression"})
        self.out.technique(TECHNIQUE_HEURISTICS["invoke_expression" if computed else "invoke_literal"], offset, length,
                           self.text(node)[:200])
        self.note(set(shown), arg)
        via = ", ".join(shown) if shown else "a literal string"
        self.out.child(code, technique=technique, origin_kind="deobfuscated", offset=offset, length=length,
                       detail=f"code executed by Invoke-Expression, built with {via}: {redact_head(code, 80)}",
                       type_hint=ArtifactType.POWERSHELL)
        return True

    def _fold(self, node: Node) -> bool:
        if node.type in _BINARY_TYPES and node.child_count < 3:
            return False
        if node.type == "expression_with_unary_operator" and node.child_count < 2:
            return False
        key = (node.start_byte, node.end_byte, node.type)
        if key in self.chain_tried:
            return False
        result = self.value(node)
        if result is None and node.type in _BINARY_TYPES:
            return self._fold_prefix(node)
        if result is None:
            return False
        if node.type in _BINARY_TYPES:  # shorter chains inside were part of this evaluation
            self.chain_tried.update((link.start_byte, link.end_byte, link.type)
                                    for link in self.evaluator.spine(node))
        value, techniques = result
        if isinstance(value, bytes) and "base64" in techniques:
            self._decoded_bytes(node, value, techniques)
            return True
        if not isinstance(value, str) or not _meaningful(techniques):
            return False
        if techniques <= _WEAK and not _assembles_words(self.text(node)):
            return False  # a path joined to a name ('C:\\' + 'x') is ordinary code
        self._replace(node, value, techniques)
        return True

    def _fold_prefix(self, node: Node) -> bool:
        """A chain that is not constant as a whole: fold its constant left part once, and do not
        retry every shorter chain inside it (that would cost the square of its length)."""
        links = self.evaluator.spine(node)
        self.chain_tried.update((link.start_byte, link.end_byte, link.type) for link in links)
        try:
            prefix = self.evaluator.constant_prefix(node)
        except EvalLimit as exc:
            self.out.error(ErrorKind.LIMIT_DEOBFUSCATION_EVAL, f"powershell: {exc}")
            return False
        except (NotConstant, RecursionError, ValueError, OverflowError):
            return False
        if prefix is None:
            return False
        value, techniques, prefix_node, limit = prefix
        if limit is not None:  # the artifact's budget ran out inside the chain: fold what was found
            self.out.error(ErrorKind.LIMIT_DEOBFUSCATION_EVAL, f"powershell: {limit}")
        if not isinstance(value, str) or not _meaningful(techniques):
            return False
        if techniques <= _WEAK and not _assembles_words(self.text(prefix_node)):
            return False
        self._replace(prefix_node, value, techniques)
        # The whole chain: it was longer than one expression's share of steps, and the prefix
        # went on with further shares (`constant_prefix`); nothing inside is left to fold.
        # Otherwise descend: the right-hand operands may hold foldable pieces.
        return prefix_node is node

    def _replace(self, node: Node, value: str, techniques: set[str] | frozenset[str]) -> None:
        literal = "'" + value.replace("'", "''") + "'"
        self.replacements.append(_Replacement(node.start_byte, node.end_byte, literal, frozenset(techniques)))
        self.note(techniques, node)

    def _decoded_bytes(self, node: Node, data: bytes, techniques: set[str] | frozenset[str]) -> None:
        offset, length = self.span(node)
        self.note(techniques, node)
        self.out.child(data, technique="base64", origin_kind="decoded", offset=offset, length=length,
                       detail=f"{len(data)} bytes from [Convert]::FromBase64String", type_hint=None)

    def _normalise_name(self, node: Node, in_call: bool = False) -> None:
        raw = self.text(node)
        clean = raw
        techniques: set[str] = set()
        if "`" in raw:
            # Only when every tick is noise: `n or `t inside a name would change its meaning.
            if not any(raw[i + 1:i + 2] in BACKTICK_SPECIAL for i in range(len(raw)) if raw[i] == "`"):
                clean = raw.replace("`", "")
                techniques.add("backtick-escape")
        if self.random_cased(clean):
            if clean.lower() in _CANONICAL:
                clean = canonical_case(clean)
                techniques.add("random-case")
            elif node.type != "generic_token":
                # Names are case-insensitive; a bare argument may be data (base64, a path), so it is kept.
                clean = "-".join(canonical_case(p) if p else p for p in clean.split("-"))
                techniques.add("random-case")
        if clean != raw:
            self.replacements.append(_Replacement(node.start_byte, node.end_byte, clean, frozenset(techniques),
                                                  in_call=in_call))
            if not in_call:
                self.note(techniques, node)

    # --- the normalised layer ----------------------------------------------------------

    def normalised(self) -> tuple[str, frozenset[str]] | None:
        """The script with every fold and name fix applied (outside peeled iex calls)."""
        kept = sorted(self.replacements, key=lambda r: (r.start, -r.end))
        if not any(not r.in_call and not any(s <= r.start and r.end <= e for s, e in self.consumed)
                   for r in kept):
            return None  # nothing beyond the peeled calls, which are layers of their own
        pieces: list[bytes] = []
        pos = 0
        techniques: set[str] = set()
        for rep in kept:
            if rep.start < pos:
                continue  # nested inside an earlier replacement
            pieces.append(self.source[pos:rep.start])
            pieces.append(rep.text.encode("utf-8", "surrogatepass"))
            pos = rep.end
            techniques |= rep.techniques
        pieces.append(self.source[pos:])
        return b"".join(pieces).decode("utf-8", "replace"), frozenset(techniques)


# Techniques common in ordinary code: they count only when they assemble several literals.
_WEAK = frozenset({"concat", "join", "split", "subexpression"})


_WORD_SPLIT = regex.compile(r"""[A-Za-z0-9]['"]\s*+\+\s*+['"][A-Za-z0-9]""")


def _assembles_words(source: str) -> bool:
    """Concatenation counts as obfuscation when it cuts through words ('Down'+'loadFile') or
    glues four or more literals; joining a path to a name is ordinary code."""
    if source.count("'") + source.count('"') >= 8:
        return True
    return _WORD_SPLIT.search(source[:4096], timeout=0.05) is not None


def _meaningful(techniques: set[str] | frozenset[str]) -> bool:
    return bool(set(techniques) - {"subexpression"})


def _as_name(value: Any) -> str:
    """A computed command name, lower case ('' when the value has no string form)."""
    try:
        return to_str(value).strip().lower()
    except NotConstant:
        return ""


def _as_code(value: Any) -> str | None:
    if isinstance(value, ScriptBlock):
        return value.text
    try:
        text = to_str(value)
    except NotConstant:
        return None
    return text if text.strip() else None


class PowerShellLayer:
    """Deobfuscation of PowerShell scripts (see the module docstring)."""

    name = "deobfuscate.powershell"
    version = "1"

    def __init__(self, limits: DeobfuscationLimits | None = None) -> None:
        self.limits = limits or DeobfuscationLimits()

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type == ArtifactType.POWERSHELL

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        out = LayerOutput(payload, ctx, self.limits, "powershell")
        text = payload.text
        if not text:
            return out.finish()
        if len(text) > self.limits.max_parse_chars:
            out.error(ErrorKind.LIMIT_DEOBFUSCATION_PARSE,
                      f"powershell: {len(text)} characters is over the parse limit of {self.limits.max_parse_chars}; "
                      "literal base64 decoded by a scan, nothing evaluated")
            analyze_oversized(text, out, ctx)
            return out.finish()
        source = text.encode("utf-8", "surrogatepass")
        try:
            tree = parse_powershell(source, parsed=payload.memo.setdefault(TREES_MEMO_KEY, {}))
        except (ValueError, RuntimeError) as exc:
            out.error(ErrorKind.DEOBFUSCATION_PARSE_FAILED, f"powershell: {type(exc).__name__}")
            return out.finish()
        evaluator = Evaluator(source, max_steps=self.limits.max_eval_steps, max_depth=self.limits.max_eval_depth,
                              max_value=self.limits.max_value_chars, regex_timeout=ctx.regex_timeout())
        walk = _Walk(payload, ctx, self.limits, source, out, evaluator, ascii=len(source) == len(text))
        walk.run(tree.root_node)
        folded = walk.normalised()
        if folded is not None:
            folded_text, techniques = folded
            shown = [t for t in _TECHNIQUE_ORDER if t in techniques]
            technique = shown[0] if shown else "normalised"
            out.child(folded_text, technique=technique, origin_kind="deobfuscated", offset=0, length=len(text),
                      detail=f"constant expressions evaluated ({', '.join(shown)})",
                      type_hint=ArtifactType.POWERSHELL)
        return out.finish()

