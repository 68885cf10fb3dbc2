"""Commands of a sh/bash script, read from a tree-sitter-bash syntax tree.

Every simple command (in a list, a pipeline, a subshell, a `$(...)`, a loop or a function)
is one ExtractedCommand. Its words are folded as the shell would expand what is statically
known: quotes removed, backslashes unescaped, `$NAME`/`${NAME}` replaced by the literal a
plain `NAME=value` assignment gave earlier in the script. Redirections follow the arguments
as written (`2>`, `/dev/null`). A here-document fed to a shell (`bash <<EOF`) is a script of
its own and its commands are extracted too.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field

import tree_sitter
import tree_sitter_bash
from tree_sitter import Node

from inspector.commands.model import (
    CODE_ARGUMENT_CHARS,
    SHELL_IMAGES,
    CharOffsets,
    Collector,
    ExtractedCommand,
    Shell,
    base_name,
    unix_image,
)
from inspector.deobfuscate.common import parse_until
from inspector.deobfuscate.shell_words import has_glob, printf_output, resolve_glob, unescape_ansi_c, unescape_echo_e

_LANGUAGE = tree_sitter.Language(tree_sitter_bash.language())

SHELL_NAMES = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash", "busybox sh"})
# Built into the shell: no process of their own.
BUILTINS = frozenset({
    "cd", "export", "source", ".", "eval", "exec", "exit", "set", "unset", "local", "read", "return", "shift",
    "trap", "alias", "unalias", "declare", "typeset", "readonly", "wait", "ulimit", "umask", "hash", "type",
    "builtin", "command", "let", "pushd", "popd", "shopt", ":",
})
_MAX_VARIABLES = 10_000
_MAX_ARRAY_ITEMS = 4096
_MAX_LOOP_VALUES = 256
_MAX_SUBSTITUTION_NESTING = 4
_MAX_VALUE_CHARS = 64 * 1024
_DOUBLE_QUOTE_ESCAPES = frozenset('"\\$`')


def parse_shell(source: bytes, deadline: float | None = None) -> tree_sitter.Tree:
    """The syntax tree of a sh/bash script (UTF-8 bytes); ValueError when `deadline` passes first."""
    return parse_until(tree_sitter.Parser(_LANGUAGE), source, deadline)


def collect(text: str, collector: Collector, *, base: tuple[int, int] | None = None, depth: int = 0,
            variables: dict[str, str] | None = None) -> None:
    """Add the commands of shell `text` to `collector` (`base`: the outer command's span;
    `variables`: the values the enclosing script had assigned, for a here-document it feeds)."""
    source = text[:collector.budget.max_parse_chars].encode("utf-8", "surrogatepass")
    try:
        tree = parse_shell(source, collector.budget.deadline)
    except (ValueError, RuntimeError):
        return
    _Walk(source, collector, base, depth, dict(variables or {})).run(tree.root_node)


@dataclass
class _Walk:
    source: bytes
    collector: Collector
    base: tuple[int, int] | None
    depth: int
    variables: dict[str, str] = field(default_factory=dict)
    arrays: dict[str, list[str]] = field(default_factory=dict)
    done: set[int] = field(default_factory=set)  # assignment nodes already applied by a loop
    outputs: dict[int, str | None] = field(default_factory=dict)  # `$(...)` node id -> its static output
    evaluating: int = 0  # `$(...)` folded inside one another right now
    redirects: dict[int, list[str]] = field(default_factory=dict)  # command node id -> its redirections
    heredocs: dict[int, str] = field(default_factory=dict)  # command node id -> the here-document it reads
    offsets: CharOffsets = field(init=False)

    def __post_init__(self) -> None:
        self.offsets = CharOffsets(self.source)

    def run(self, root: Node) -> None:
        stack: list[Node] = [root]
        visited = 0
        while stack and not self.collector.full():
            node = stack.pop()
            visited += 1
            if visited % 256 == 1 and self.collector.budget.expired():
                self.collector.stopped = True
                return
            kind = node.type
            if kind == "for_statement":
                self._literal_loop(node)
            if kind == "variable_assignment":
                self._assignment(node)
            elif kind == "redirected_statement":
                self._redirected(node)
            elif kind == "command":
                self._command(node)
            if node.child_count:
                stack.extend(reversed(node.children))

    def text(self, node: Node, limit: int | None = None) -> str:
        end = node.end_byte if limit is None else min(node.end_byte, node.start_byte + limit)
        return self.source[node.start_byte:end].decode("utf-8", "replace")

    def span(self, node: Node) -> tuple[int, int]:
        if self.base is not None:
            return self.base
        start = self.offsets.char(node.start_byte)
        return start, self.offsets.char(node.end_byte) - start

    # --- words -------------------------------------------------------------------------

    def fold(self, node: Node) -> str:
        """A word as the command receives it, as far as it is statically known."""
        kind = node.type
        if kind == "word":
            return _unescape_word(self.text(node))
        if kind == "raw_string":
            return self.text(node)[1:-1]
        if kind == "string":
            return "".join(self._string_part(part) for part in node.children[1:-1])
        if kind == "concatenation":
            return "".join(self.fold(part) for part in node.children)
        if kind in ("simple_expansion", "expansion"):
            return self._expansion(node)
        if kind == "ansi_c_string":
            return unescape_ansi_c(self.text(node)[2:-1])
        if kind == "command_substitution":
            value = self._substitution(node)
            if value is not None:
                return value
        return self.text(node, CODE_ARGUMENT_CHARS)

    def _substitution(self, node: Node) -> str | None:
        """The output of `$(printf ...)`, `$(echo -e ...)` or `$(echo ... | rev)`, when it is static
        (computed once per node: nested substitutions are folded again at every level)."""
        if node.id in self.outputs:
            return self.outputs[node.id]
        if node.end_byte - node.start_byte > CODE_ARGUMENT_CHARS:
            self.outputs[node.id] = None
            return None
        if self.evaluating >= _MAX_SUBSTITUTION_NESTING:
            return None
        self.outputs[node.id] = None  # while it is being computed
        self.evaluating += 1
        try:
            value = self._evaluate_substitution(node)
        finally:
            self.evaluating -= 1
        if len(self.outputs) < _MAX_VARIABLES:
            self.outputs[node.id] = value
        return value

    def _evaluate_substitution(self, node: Node) -> str | None:
        inner = [c for c in node.named_children if c.type in ("command", "pipeline")]
        if len(inner) != 1:
            return None
        stages = [inner[0]] if inner[0].type == "command" else [c for c in inner[0].named_children]
        if not stages or any(s.type != "command" for s in stages) or len(stages) > 4:
            return None
        value = self._static_output(stages[0])
        for stage in stages[1:]:
            if value is None:
                return None
            arguments = [self.fold(a) for a in stage.children_by_field_name("argument")]
            value = _filter(self._name_of(stage), arguments, value)
        return value.rstrip("\n") if value is not None else None

    def _name_of(self, command: Node) -> str:
        name = command.child_by_field_name("name")
        return base_name(self.fold(name.named_children[0])) if name is not None and name.named_children else ""

    def _static_output(self, command: Node) -> str | None:
        name = self._name_of(command)
        arguments = [self.fold(a) for a in command.children_by_field_name("argument")]
        if any("$" in a or "`" in a for a in arguments):
            return None
        if name == "printf" and arguments:
            return printf_output(arguments[0], arguments[1:])
        if name == "echo":
            flags = ""
            while arguments and arguments[0][:1] == "-" and set(arguments[0][1:]) <= set("neE") and arguments[0] != "-":
                flags += arguments.pop(0)[1:]
            text = " ".join(arguments)
            return (unescape_echo_e(text) if "e" in flags else text) + ("" if "n" in flags else "\n")
        return None

    def _literal_loop(self, node: Node) -> None:
        """`for x in a b c; do s=$s$x; done`: the assignments in the body run once per literal value,
        so a command assembled in a loop is known when it runs."""
        variable = node.child_by_field_name("variable")
        body = node.child_by_field_name("body")
        values = node.children_by_field_name("value")
        if variable is None or body is None or not values or len(values) > _MAX_LOOP_VALUES:
            return
        if any(v.type not in ("word", "string", "raw_string", "number") for v in values):
            return
        assignments = [c for c in body.named_children if c.type == "variable_assignment"]
        if not assignments:
            return
        name = self.text(variable)
        for assignment in assignments:
            target = assignment.child_by_field_name("name")
            if target is not None:
                self.variables.setdefault(self.text(target), "")  # an accumulator starts empty
        for value in values:
            self.variables[name] = self.fold(value)
            for assignment in assignments:
                self._assignment(assignment, force=True)
        self.done.update(a.id for a in assignments)

    def _string_part(self, node: Node) -> str:
        if node.type == "string_content":
            return _unescape_double_quoted(self.text(node))
        if node.type in ("simple_expansion", "expansion"):
            return self._expansion(node)
        if node.type == "command_substitution":
            value = self._substitution(node)
            if value is not None:
                return value
        return self.text(node, CODE_ARGUMENT_CHARS)

    def _expansion(self, node: Node) -> str:
        written = self.text(node, CODE_ARGUMENT_CHARS)
        subscript = next((c for c in node.named_children if c.type == "subscript"), None)
        if subscript is not None and node.named_child_count == 1:
            return self._element(subscript, written)
        names = [c for c in node.children if c.type == "variable_name"]
        # `${X:-default}`, `${X#prefix}` and the like are not plain references: kept as written.
        plain = len(names) == 1 and node.named_child_count == 1
        if plain:
            value = self.variables.get(self.text(names[0]))
            if value is not None:
                return value
        return written

    def _element(self, subscript: Node, written: str) -> str:
        """`${a[2]}`, `${a[@]}`, `${a[*]}` of an array assigned from literals."""
        name_node = subscript.child_by_field_name("name")
        index_node = subscript.child_by_field_name("index")
        items = self.arrays.get(self.text(name_node)) if name_node is not None else None
        if items is None or index_node is None:
            return written
        index = self.text(index_node)
        if index in ("@", "*"):
            return " ".join(items)
        if index.isdigit() and int(index) < len(items):
            return items[int(index)]
        return written

    # --- statements --------------------------------------------------------------------

    def _assignment(self, node: Node, force: bool = False) -> None:
        if node.id in self.done and not force:
            return
        parent = node.parent
        if parent is not None and parent.type == "command":
            return  # `X=1 cmd`: set for that command only
        name_node = node.child_by_field_name("name")
        value_node = node.child_by_field_name("value")
        if name_node is None:
            return
        name = self.text(name_node)
        if value_node is not None and value_node.type == "array":
            items = [self.fold(item) for item in value_node.named_children[:_MAX_ARRAY_ITEMS]]
            if name in self.arrays or len(self.arrays) < _MAX_VARIABLES:
                self.arrays[name] = [i[:_MAX_VALUE_CHARS] for i in items]
            self.variables.pop(name, None)
            return
        value = self.fold(value_node) if value_node is not None else ""
        if value_node is not None and value_node.type in ("command_substitution", "arithmetic_expansion") \
                and value == self.text(value_node, CODE_ARGUMENT_CHARS):
            self.variables.pop(name, None)
        elif len(value) <= _MAX_VALUE_CHARS and (name in self.variables or len(self.variables) < _MAX_VARIABLES):
            self.variables[name] = value

    def _redirected(self, node: Node) -> None:
        body = node.child_by_field_name("body")
        if body is None:
            return
        target = body
        if body.type == "pipeline":
            commands = [c for c in body.named_children if c.type == "command"]
            target = commands[-1] if commands else body
        if target.type != "command":
            return
        tokens: list[str] = []
        for redirect in node.children_by_field_name("redirect"):
            tokens.extend(self._redirect_tokens(redirect))
            if redirect.type == "heredoc_redirect":
                heredoc = next((c for c in redirect.children if c.type == "heredoc_body"), None)
                if heredoc is not None:
                    self.heredocs[target.id] = self.text(heredoc)
        self.redirects[target.id] = tokens

    def _redirect_tokens(self, redirect: Node) -> list[str]:
        tokens: list[str] = []
        for part in redirect.children:
            if part.type in ("heredoc_body", "heredoc_end"):
                continue
            if part.type in ("file_redirect", "herestring_redirect"):
                tokens.extend(self._redirect_tokens(part))
            elif part.type in ("word", "string", "raw_string", "concatenation", "simple_expansion", "expansion"):
                tokens.append(self.fold(part))
            else:
                tokens.append(self.text(part))
        # `2` `>` `/dev/null` reads as `2>` `/dev/null`
        if len(tokens) >= 2 and tokens[0].isdigit() and tokens[1].startswith((">", "<")):
            tokens[:2] = [tokens[0] + tokens[1]]
        return tokens

    def _command(self, node: Node) -> None:
        name_node = node.child_by_field_name("name")
        if name_node is None or name_node.named_child_count == 0:
            return
        written = self.fold(name_node.named_children[0])
        if not written:
            return
        if has_glob(written):
            written = resolve_glob(written) or written
        arguments = [self.fold(argument) for argument in node.children_by_field_name("argument")]
        arguments = [(resolve_glob(a) or a) if a.startswith("/") and has_glob(a) else a for a in arguments]
        arguments.extend(self.redirects.pop(node.id, ()))
        offset, length = self.span(node)
        self.collector.add(ExtractedCommand(
            program=written,
            arguments=tuple(arguments),
            command_line=" ".join([written, *arguments]),
            shell=Shell.SHELL,
            image="" if written in BUILTINS else unix_image(written),
            parent_image=SHELL_IMAGES[Shell.SHELL],
            offset=offset,
            length=length,
        ), self.depth)
        heredoc = self.heredocs.pop(node.id, None)
        if heredoc is not None and base_name(written) in SHELL_NAMES and "-c" not in arguments \
                and self.depth < self.collector.budget.max_nesting:
            collect(heredoc, self.collector, base=(offset, length), depth=self.depth + 1, variables=self.variables)


def _filter(name: str, arguments: list[str], value: str) -> str | None:
    """What a text filter in a static `$(...)` pipeline makes of its input (None: not a known one)."""
    if name == "rev":
        return "\n".join(line[::-1] for line in value.split("\n"))
    if name in ("base64", "base32") and any(a in ("-d", "--decode", "-D") for a in arguments):
        try:
            decoded = (base64.b64decode if name == "base64" else base64.b32decode)("".join(value.split()))
        except (binascii.Error, ValueError):
            return None
        return decoded.decode("utf-8", "replace")
    if name == "tr" and len(arguments) == 2 and len(arguments[0]) == len(arguments[1]):
        return value.translate(str.maketrans(arguments[0], arguments[1]))
    return None


def _unescape_word(text: str) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            if text[index + 1] != "\n":  # a backslash-newline joins lines
                out.append(text[index + 1])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _unescape_double_quoted(text: str) -> str:
    if "\\" not in text:
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in _DOUBLE_QUOTE_ESCAPES:
            out.append(text[index + 1])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


# Commands that run the command in their arguments, with the options that take a value.
_WRAPPERS: dict[str, frozenset[str]] = {
    "sudo": frozenset({"-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U"}),
    "nohup": frozenset(), "exec": frozenset({"-a"}), "nice": frozenset({"-n"}), "setsid": frozenset(),
    "env": frozenset({"-u", "-C", "-S"}), "timeout": frozenset({"-s", "-k"}), "time": frozenset(),
    "stdbuf": frozenset({"-i", "-o", "-e"}), "chroot": frozenset(),
}


def wrapped_command(command: ExtractedCommand) -> ExtractedCommand | None:
    """The command a wrapper runs (`sudo -u x cmd ...`, `nohup cmd`, `env A=1 cmd`, `timeout 5 cmd`)."""
    name = base_name(command.program)
    options = _WRAPPERS.get(name)
    if options is None or command.shell is not Shell.SHELL:
        return None
    arguments = command.arguments
    index = 0
    needs_operand = name in ("timeout", "chroot")  # the duration / the new root come first
    while index < len(arguments):
        argument = arguments[index]
        if argument.startswith("-") and argument != "-":
            index += 2 if argument in options else 1
        elif name == "env" and "=" in argument:
            index += 1
        elif needs_operand:
            needs_operand = False
            index += 1
        else:
            break
    rest = list(arguments[index:])
    if not rest or rest[0] in (">", ">>", "<", "&"):
        return None
    program, inner = rest[0], tuple(rest[1:])
    return ExtractedCommand(
        program=program, arguments=inner, command_line=" ".join([program, *inner]), shell=Shell.SHELL,
        image="" if program in BUILTINS else unix_image(program), parent_image=command.parent_image,
        offset=command.offset, length=command.length,
    )


def shell_script(command: ExtractedCommand) -> str | None:
    """The script a `sh -c '...'` / `bash -lc '...'` / `su -l user -c '...'` command runs, if any."""
    arguments = command.arguments
    if base_name(command.program) == "su":
        for index, argument in enumerate(arguments[:-1]):
            if argument in ("-c", "--command"):
                return arguments[index + 1]
        return None
    if base_name(command.program) not in SHELL_NAMES:
        return None
    for index, argument in enumerate(arguments[:-1]):
        if argument.startswith("-") and not argument.startswith("--") and "c" in argument[1:]:
            return arguments[index + 1]
        if not argument.startswith("-"):
            return None
    return None


__all__ = ["BUILTINS", "SHELL_NAMES", "collect", "parse_shell", "shell_script", "wrapped_command"]
