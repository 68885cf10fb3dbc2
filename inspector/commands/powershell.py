"""Commands of a PowerShell script, read from the syntax tree the deobfuscator parses.

Each `command` node becomes one ExtractedCommand: its name with aliases resolved (the built-in
table below and the script's own `Set-Alias`), its arguments folded by the deobfuscator's
constant evaluator (so `$RunKey` is the string it was assigned, `"a"+"b"` is `ab`), splatted
hashtables spread into `-Name value` pairs, and redirections kept as written. A .NET method
call `$o.M(a, b)` is a command too, with the program `.m` (a leading dot: never a file name),
and `$w.$a(...)` names the method `$a` holds.

`canonical_parameter` and `canonical_value` make the spellings PowerShell accepts one thing:
`-w hidden`, `-WindowStyle Hidden`, `-win h` and `-wINdowsTYLe 1` all bind WindowStyle=hidden.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

import regex
from tree_sitter import Node, Query, QueryCursor


from inspector.commands.model import (
    CODE_ARGUMENT_CHARS,
    SHELL_IMAGES,
    CharOffsets,
    Collector,
    ExtractedCommand,
    Shell,
    base_name,
    windows_image,
    windows_program,
)
from inspector.deobfuscate.powershell import LANGUAGE, parse_powershell
from inspector.deobfuscate.ps_eval import Char, EvalLimit, Evaluator, NotConstant, norm_var

# PowerShell's built-in aliases (Windows PowerShell 5.1, where curl and wget are aliases too).
ALIASES: dict[str, str] = {
    "%": "foreach-object", "?": "where-object", "ac": "add-content", "cat": "get-content", "cd": "set-location",
    "chdir": "set-location", "clc": "clear-content", "clear": "clear-host", "cls": "clear-host",
    "copy": "copy-item", "cp": "copy-item", "cpi": "copy-item", "curl": "invoke-webrequest", "del": "remove-item",
    "dir": "get-childitem", "echo": "write-output", "epal": "export-alias", "erase": "remove-item",
    "foreach": "foreach-object", "gal": "get-alias", "gc": "get-content", "gci": "get-childitem",
    "gcm": "get-command", "gi": "get-item", "gp": "get-itemproperty", "gps": "get-process", "gsv": "get-service",
    "gwmi": "get-wmiobject", "iex": "invoke-expression", "ii": "invoke-item", "ipal": "import-alias",
    "ipmo": "import-module", "irm": "invoke-restmethod", "iwmi": "invoke-wmimethod", "iwr": "invoke-webrequest",
    "kill": "stop-process", "ls": "get-childitem", "md": "mkdir", "mi": "move-item", "move": "move-item",
    "mv": "move-item", "nal": "new-alias", "ni": "new-item", "nsn": "new-pssession", "nv": "new-variable",
    "ogv": "out-gridview", "ps": "get-process", "pwd": "get-location", "rd": "remove-item", "ren": "rename-item",
    "ri": "remove-item", "rm": "remove-item", "rmdir": "remove-item", "rp": "remove-itemproperty",
    "sajb": "start-job", "sal": "set-alias", "saps": "start-process", "sc": "set-content", "select": "select-object",
    "set": "set-variable", "si": "set-item", "sl": "set-location", "sleep": "start-sleep", "sp": "set-itemproperty",
    "spps": "stop-process", "start": "start-process", "sv": "set-variable", "type": "get-content",
    "where": "where-object", "wget": "invoke-webrequest", "wmi": "get-wmiobject", "icm": "invoke-command",
    "etsn": "enter-pssession", "rcjb": "receive-job", "gjb": "get-job", "rujb": "remove-job", "ihy": "invoke-history",
    "r": "invoke-history"
}

# Parameters of powershell.exe / pwsh, by canonical (lower-case) name: the shortest prefix the
# console host accepts for each, and the extra spellings it knows.
_HOST_PARAMETERS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("encodedcommand", 1, ("ec", "enc")),
    ("executionpolicy", 2, ("ep",)),
    ("command", 1, ()),
    ("file", 1, ()),
    ("windowstyle", 1, ()),
    ("noprofile", 3, ()),
    ("noninteractive", 4, ()),
    ("nologo", 3, ()),
    ("noexit", 3, ()),
    ("sta", 3, ()),
    ("mta", 3, ()),
    ("version", 1, ()),
    ("inputformat", 2, ()),
    ("outputformat", 1, ()),
    ("configurationname", 4, ()),
    ("encodedarguments", 8, ("ea",)),
)
_HOST_SWITCHES = frozenset({"noprofile", "noninteractive", "nologo", "noexit", "sta", "mta"})
_HOSTS = frozenset({"powershell", "pwsh", "powershell_ise"})

# Parameters of the cmdlets detections ask about, with their aliases; any unique prefix binds.
_CMDLET_PARAMETERS: dict[str, dict[str, tuple[str, ...]]] = {
    "start-process": {"filepath": ("pspath", "path"), "argumentlist": ("args",), "windowstyle": (), "verb": (),
                      "workingdirectory": (), "nonewwindow": ("nnw",), "passthru": (), "wait": (),
                      "credential": ("runas",), "redirectstandardoutput": ("rso",)},
    "invoke-webrequest": {"uri": ("url",), "outfile": (), "method": (), "usebasicparsing": (), "headers": (),
                          "body": (), "useragent": (), "proxy": (), "passthru": ()},
    "invoke-restmethod": {"uri": ("url",), "outfile": (), "method": (), "usebasicparsing": (), "headers": (),
                          "body": (), "useragent": (), "proxy": (), "passthru": ()},
    "start-bitstransfer": {"source": (), "destination": (), "asynchronous": (), "displayname": ()},
    "set-itemproperty": {"path": (), "literalpath": ("pspath", "lp"), "name": ("pspropertyname",), "value": (),
                         "type": (), "force": (), "passthru": ()},
    "new-itemproperty": {"path": (), "literalpath": ("pspath", "lp"), "name": ("pspropertyname",), "value": (),
                         "propertytype": ("type",), "force": ()},
    "new-item": {"path": (), "name": (), "itemtype": ("type",), "value": ("target",), "force": ()},
    "invoke-expression": {"command": ()},
    "new-object": {"typename": (), "argumentlist": ("args",), "comobject": (), "property": ()},
}
_SWITCHES = frozenset({"usebasicparsing", "force", "passthru", "wait", "nonewwindow", "asynchronous", "recurse"})

_WINDOW_STYLES = ("normal", "hidden", "minimized", "maximized")
_DASHES = "-/\u2013\u2014\u2015"
_VARIABLE_IN_STRING = regex.compile(r"\$\{(?P<braced>[^}]{1,64})\}|\$(?P<name>[A-Za-z_][\w]{0,63}(?::[\w]{1,64})?)")
_BACKTICK = {"0": "\0", "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_MAX_ALIASES = 1000
_MAX_SPLATS = 1000
_MAX_SPLAT_ENTRIES = 64
_MAX_PARTIALS = 1000
# A parenthesised concatenation of strings and variables, `($env:TEMP + "\svchost.exe")`: its
# value is not constant, but what it spells is (the variables kept as written where unknown).
_TERM = r"(?:\"(?:[^\"`]|`.){0,512}\"|'[^']{0,512}'|\$\{[^}]{1,64}\}|\$[A-Za-z_]\w{0,63}(?::\w{1,64})?)"
_CONCATENATION = regex.compile(rf"^\(\s*(?P<terms>{_TERM}(?:\s*\+\s*{_TERM}){{1,16}})\s*\)$", regex.DOTALL)
_CONCATENATION_TERM = regex.compile(_TERM, regex.DOTALL)


def canonical_parameter(cmdlet: str, name: str) -> str:
    """The lower-case full name `name` binds to for `cmdlet` (a program as extracted).

    `name` may carry any Windows dash and a trailing `:` (`-win`, `/w`, `–WindowStyle:`). A
    name the table does not know comes back lower-cased without its dash.
    """
    written = name.lstrip(_DASHES).rstrip(":").replace("`", "").lower()
    if not written:
        return written
    program = base_name(cmdlet.lower())
    if program in _HOSTS:
        for full, shortest, extra in _HOST_PARAMETERS:
            if written in extra or (len(written) >= shortest and full.startswith(written)):
                return full
        return written
    table = _CMDLET_PARAMETERS.get(program)
    if table is None:
        return written
    matches = [full for full, aliases in table.items() if written == full or written in aliases]
    if not matches:
        matches = [full for full in table if full.startswith(written)]
    return matches[0] if len(matches) == 1 else written


def canonical_value(parameter: str, value: str) -> str:
    """A parameter value in one spelling: WindowStyle `h`/`Hidden`/`1` -> `hidden`; others lower-cased."""
    lowered = value.strip().strip("'\"").lower()
    if parameter == "windowstyle":
        if lowered.isdigit():
            number = int(lowered)
            return _WINDOW_STYLES[number] if number < len(_WINDOW_STYLES) else lowered
        found = [style for style in _WINDOW_STYLES if lowered and style.startswith(lowered)]
        return found[0] if len(found) == 1 else lowered
    return lowered


@dataclass(frozen=True)
class BoundParameters:
    """The arguments of a PowerShell command bound to canonical parameter names."""

    named: dict[str, str]        # canonical name -> canonical value ("" for a switch)
    positional: tuple[str, ...]  # arguments no parameter name took


def bind_parameters(command: ExtractedCommand) -> BoundParameters:
    """Bind a PowerShell host's or cmdlet's arguments (`-w h -nop -c ...`) to canonical names.

    For powershell.exe the value of -Command is the rest of the line, and the first argument
    that is not a parameter is that command too, as the console host reads it.
    """
    host = command.name in _HOSTS
    named: dict[str, str] = {}
    positional: list[str] = []
    arguments = command.arguments
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        index += 1
        if argument[:1] in _DASHES and len(argument) > 1 and not argument[1:2].isdigit():
            written, _, inline = argument.partition(":")
            name = canonical_parameter(command.program, written)
            if inline:
                named[name] = canonical_value(name, inline)
            elif host and name == "command":
                named[name] = " ".join(arguments[index:])
                index = len(arguments)
            elif name in _HOST_SWITCHES or name in _SWITCHES or index >= len(arguments):
                named[name] = ""
            else:
                named[name] = canonical_value(name, arguments[index]) if name in ("windowstyle", "executionpolicy") \
                    else arguments[index]
                index += 1
        elif host and "command" not in named and "file" not in named and "encodedcommand" not in named:
            named["command"] = " ".join(arguments[index - 1:])
            index = len(arguments)
        else:
            positional.append(argument)
    return BoundParameters(named=named, positional=tuple(positional))


def host_script(command: ExtractedCommand) -> str | None:
    """The PowerShell code a powershell.exe/pwsh command runs (-Command or -EncodedCommand), if any."""
    if command.name not in _HOSTS:
        return None
    named = bind_parameters(command).named
    if named.get("command"):
        return named["command"]
    encoded = named.get("encodedcommand")
    if encoded:
        try:
            return base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=False).decode("utf-16-le")
        except (binascii.Error, ValueError, UnicodeDecodeError):
            return None
    return None


def collect(text: str, collector: Collector, *, base: tuple[int, int] | None = None, depth: int = 0) -> None:
    """Add the commands of PowerShell `text` to `collector` (`base`: the outer command's span)."""
    source = text[:collector.budget.max_parse_chars].encode("utf-8", "surrogatepass")
    try:
        # Only the payload's own text is shared with its deobfuscation layer; a nested script's
        # tree is read once, here, and not kept for the payload's lifetime.
        tree = parse_powershell(source, collector.budget.deadline, collector.trees if depth == 0 else None)
    except (ValueError, RuntimeError):
        return
    _Walk(source, collector, base, depth).run(tree.root_node)


# The node types the walk handles, found by tree-sitter in C rather than by visiting every
# node from Python. A query's matches come in document order, an enclosing node before what it
# holds: the order of a depth-first walk. tree-sitter's query cursor loses nodes deeper than
# 65,535 levels (its per-match depth is 16 bits; a deep hostile nest is), so it only runs on
# subtrees of at most `_QUERY_MAX_NODES` nodes, which cannot be that deep; the nodes above them
# are walked here.
_HANDLED_TYPES = frozenset({"assignment_expression", "command", "invokation_expression"})
_HANDLED = Query(LANGUAGE, "(assignment_expression) @node (command) @node (invokation_expression) @node")
_QUERY_MAX_NODES = 60_000


def _query(node: Node) -> list[Node]:
    return [captures["node"][0] for _, captures in QueryCursor(_HANDLED).matches(node)]


def handled_nodes(root: Node) -> list[Node]:
    """The assignment, command and method-call nodes under `root` (itself included), in the order a
    depth-first walk from `root` meets them."""
    found: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.descendant_count <= _QUERY_MAX_NODES:
            found.extend(_query(node))
            continue
        if node.type in _HANDLED_TYPES:
            found.append(node)
        stack.extend(reversed(node.children))
    return found


@dataclass
class _Walk:
    source: bytes
    collector: Collector
    base: tuple[int, int] | None
    depth: int
    evaluator: Evaluator = field(init=False)
    aliases: dict[str, str] = field(default_factory=dict)
    splats: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Expandable strings that are not constant (`"$home\x"`, `"...\$item"`) as far as known: a
    # variable holding one is an argument with its known parts, never evaluated further.
    partial: dict[str, str] = field(default_factory=dict)
    offsets: CharOffsets = field(init=False)

    def __post_init__(self) -> None:
        self.offsets = CharOffsets(self.source)
        # Folding arguments needs small evaluations; a tight budget keeps nested hostile expressions cheap.
        self.evaluator = Evaluator(self.source, max_steps=50_000, max_depth=100, max_value=64 * 1024,
                                   expression_steps=5_000)

    def run(self, root: Node) -> None:
        collector = self.collector
        if collector.full():
            return
        if collector.budget.expired():
            collector.stopped = True
            return
        for visited, node in enumerate(handled_nodes(root), 1):
            if visited % 64 == 0 and collector.budget.expired():
                collector.stopped = True
                return
            kind = node.type
            if kind == "assignment_expression":
                self._assignment(node)
            elif kind == "command":
                self._command(node)
            else:
                self._method_call(node)
            # Only the handlers add commands (nested scripts' included), so only after one can
            # the collector have become full.
            if collector.full():
                return

    # --- text and offsets --------------------------------------------------------------

    def text(self, node: Node, limit: int | None = None) -> str:
        end = node.end_byte if limit is None else min(node.end_byte, node.start_byte + limit)
        return self.source[node.start_byte:end].decode("utf-8", "replace")

    def span(self, node: Node) -> tuple[int, int]:
        if self.base is not None:
            return self.base
        start = self.offsets.char(node.start_byte)
        return start, self.offsets.char(node.end_byte) - start

    # --- values ------------------------------------------------------------------------

    def constant(self, node: Node) -> Any:
        try:
            value, _ = self.evaluator.evaluate(node)
            return value
        except (NotConstant, EvalLimit, RecursionError, MemoryError, OverflowError, ValueError, TypeError):
            return None

    def fold(self, node: Node) -> str:
        """The argument as the command receives it, as far as it is statically known."""
        value = self.constant(node)
        if isinstance(value, (str, Char, int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, list) and value and all(isinstance(v, (str, int)) for v in value[:64]):
            return ",".join(str(v) for v in value[:64])
        start = self.source[node.start_byte:node.start_byte + 2]
        if start[:1] == b"$" and self.partial:
            held = self.partial.get(norm_var(self.text(node, 130)))
            if held is not None:
                return held
        if start[:1] in (b"'", b'"') or start in (b"@'", b'@"'):
            return self.fold_text(self.text(node))
        if start[:1] == b"(":
            spelled = self.concatenation(self.text(node, CODE_ARGUMENT_CHARS))
            if spelled is not None:
                return spelled
        return self.fold_text(self.text(node, CODE_ARGUMENT_CHARS))

    def concatenation(self, written: str) -> str | None:
        """What `("a" + $b + 'c')` spells: strings folded, known variables put in, unknown ones
        kept as written (`$env:TEMP\\svchost.exe`); None for any other expression."""
        try:
            match = _CONCATENATION.match(written, timeout=self.collector.regex_timeout())
            if match is None:
                return None
            terms = _CONCATENATION_TERM.findall(match.group("terms"), timeout=self.collector.regex_timeout())
        except TimeoutError:
            return None
        parts: list[str] = []
        for term in terms:
            if term[:1] == "$":
                name = norm_var(term)
                value = self.evaluator.env.get(name)
                known = str(value) if isinstance(value, (str, Char)) else None
                parts.append(known if known is not None else self.partial.get(name, term))
            else:
                parts.append(self.fold_text(term))
        return "".join(parts)

    def fold_text(self, written: str) -> str:
        """Quotes removed, backticks unescaped and known variables put into a double-quoted string."""
        if len(written) >= 2 and written[0] == "'" and written[-1] == "'":
            return written[1:-1].replace("''", "'")
        expandable = len(written) >= 2 and written[0] == '"' and written[-1] == '"'
        body = written[1:-1] if expandable else written
        if expandable and "$" in body:
            try:
                body = _VARIABLE_IN_STRING.sub(self._known_variable, body, timeout=self.collector.regex_timeout())
            except TimeoutError:
                pass  # the string as written
        return _unescape_backticks(body)

    def _known_variable(self, match: regex.Match[str]) -> str:
        name = norm_var("$" + (match.group("braced") or match.group("name")))
        value = self.evaluator.env.get(name)
        if isinstance(value, str):
            return value
        return self.partial.get(name, match.group(0))

    # --- nodes -------------------------------------------------------------------------

    def _assignment(self, node: Node) -> None:
        key = self.evaluator.assigned_name(node)
        if key is None:
            return
        value_node = node.child_by_field_name("value") or node.children[-1]
        hashtable = _hash_body(value_node)
        if hashtable is not None and len(self.splats) < _MAX_SPLATS:
            self.splats[key] = self._hash_entries(hashtable)
        self.partial.pop(key, None)
        try:
            self.evaluator.evaluate(node)  # records the value of a constant right side
        except (NotConstant, EvalLimit, RecursionError, MemoryError, OverflowError, ValueError, TypeError):
            self.evaluator.env.pop(key, None)  # no longer known: an older value must not be folded in
            written = self.text(value_node, CODE_ARGUMENT_CHARS)
            if written[:1] == '"' and len(self.partial) < _MAX_PARTIALS:
                self.partial[key] = self.fold_text(written)

    def _hash_entries(self, body: Node) -> list[tuple[str, str]]:
        entries: list[tuple[str, str]] = []
        for entry in body.named_children[:_MAX_SPLAT_ENTRIES]:
            if entry.type != "hash_entry" or entry.named_child_count < 2:
                continue
            key = self.fold_text(self.text(entry.named_children[0]))
            entries.append((key, self.fold(entry.named_children[-1])))
        return entries

    def _command(self, node: Node) -> None:
        name_node = node.child_by_field_name("command_name")
        if name_node is None:
            return
        written = self.fold(name_node) if name_node.type == "command_name_expr" else self.fold_text(self.text(name_node))
        arguments: list[str] = []
        elements = node.child_by_field_name("command_elements")
        for child in elements.children if elements is not None else ():
            kind = child.type
            if kind == "command_argument_sep":
                continue
            if kind == "command_parameter":
                arguments.append(self.text(child).replace("`", ""))
            elif kind == "redirection":
                arguments.extend(self.fold_text(self.text(part).strip()) for part in child.children
                                 if self.text(part).strip())
            elif kind == "generic_token":
                arguments.append(self.fold_text(self.text(child)))
            else:
                arguments.extend(self._argument(child))
        program = self._program(written)
        if program in ("set-alias", "new-alias"):
            self._alias(arguments)
        self.add(program, written, arguments, node)

    def _argument(self, node: Node) -> list[str]:
        written = self.text(node)
        if written.startswith("@") and not written.startswith(("@(", "@{", "@'", '@"')):
            splat = self.splats.get(norm_var("$" + written[1:]))
            if splat is not None:
                return [part for key, value in splat for part in ("-" + key, value)]
        return [self.fold(node)]

    def _program(self, written: str) -> str:
        program = windows_program(written)
        program = self.aliases.get(program, program)
        return ALIASES.get(program, program)

    def _alias(self, arguments: list[str]) -> None:
        named: dict[str, str] = {}
        words: list[str] = []
        pending: str | None = None
        for argument in arguments:
            if argument[:1] == "-":
                pending = argument[1:].rstrip(":").lower()
            elif pending is not None:
                named[pending] = argument
                pending = None
            else:
                words.append(argument)
        alias = named.get("name", words[0] if words else None)
        target = named.get("value", words[1] if len(words) > 1 else (words[0] if "name" in named and words else None))
        if alias and target and len(self.aliases) < _MAX_ALIASES:
            self.aliases[alias.lower()] = self._program(target)

    def _method_call(self, node: Node) -> None:
        member = next((c for c in node.children if c.type == "member_name"), None)
        arguments_node = next((c for c in node.children if c.type == "argument_list"), None)
        if member is None or arguments_node is None:
            return
        named = member.named_children
        # `$w.$a(...)`: the method is the name the variable holds
        name = (self.fold(named[0]) if len(named) == 1 else self.fold_text(self.text(member))).strip()
        if not name or len(name) > 128:
            return
        expressions = next((c for c in arguments_node.children if c.type == "argument_expression_list"), None)
        arguments = [self.fold(arg) for arg in (expressions.named_children if expressions is not None else ())
                     if arg.type == "argument_expression"]
        self.add("." + name.lower(), "." + name, arguments, node, method=True)

    def add(self, program: str, written: str, arguments: list[str], node: Node, *, method: bool = False) -> None:
        offset, length = self.span(node)
        cmdlet = method or _is_cmdlet(program)
        command = ExtractedCommand(
            program=program,
            arguments=tuple(arguments),
            command_line=" ".join([written, *arguments]),
            shell=Shell.POWERSHELL,
            image="" if cmdlet else windows_image(program),
            parent_image=SHELL_IMAGES[Shell.POWERSHELL],
            offset=offset,
            length=length,
        )
        self.collector.add(command, self.depth)


def _is_cmdlet(program: str) -> bool:
    """Verb-Noun names (and the few built-in functions) run inside PowerShell, not as processes."""
    if "\\" in program or "/" in program or "." in program:
        return False
    return "-" in program or program in ("mkdir", "more", "help", "prompt", "cd..", "cd\\")


def _hash_body(node: Node) -> Node | None:
    """The body of `@{...}` when an assignment's value is only a hashtable literal."""
    for _ in range(32):
        if node.type == "hash_literal_expression":
            return next((c for c in node.children if c.type == "hash_literal_body"), None)
        if node.named_child_count != 1:
            return None
        node = node.named_children[0]
    return None


def _unescape_backticks(text: str) -> str:
    if "`" not in text:
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "`" and index + 1 < len(text):
            following = text[index + 1]
            out.append(_BACKTICK.get(following, following))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


__all__ = ["ALIASES", "BoundParameters", "bind_parameters", "canonical_parameter", "canonical_value", "collect",
           "host_script"]
