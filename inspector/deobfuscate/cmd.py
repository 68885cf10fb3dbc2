"""cmd/batch deobfuscation: the script as cmd.exe would see it after expansion.

Entry point: `CmdLayer.analyze`. The script is expanded line by line and command by
command (`&`, `&&`, `||` outside quotes), the way cmd.exe's phases do, but leniently
(a `set` earlier on the same line is already visible, which is what attackers intend with
`cmd /v:on /c "set a=..&&!a!"`):

- `%var%`, `%var:~n,m%` (negative n and m too) and `%var:old=new%` with variables set in
  the script and the stock Windows ones (`%COMSPEC%`, `%ComSpec:~-16,1%`, ...);
- `!var!` delayed expansion when the script turns it on (`cmd /v`, `setlocal
  EnableDelayedExpansion`);
- caret escapes outside double quotes (`p^o^w^e^r^s^h^e^l^l`);
- `for /f "tokens=.. delims=.." %%i in ("literal") do ...` over a literal string;
- `call` re-expanding `%%var%%`;
- `cmd /c "..."` bodies, expanded in place.

The result is one normalised layer (typed cmd), and a finding per technique seen. Every
line, every variable value and the whole output are bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from inspector.stage import AnalyzerOutput, Heuristic, Payload, ScanContext
from inspector.deobfuscate.common import DeobfuscationLimits, LayerOutput, technique_heuristic
from inspector.model import Artifact, ArtifactType, ErrorKind

TECHNIQUE_HEURISTICS = {
    "caret": technique_heuristic(
        "cmd", "caret", "Caret escapes inside words", 20,
        "Carets (p^o^w^e^r^s^h^e^l^l) break up keywords; cmd.exe drops them before running the command."),
    "substring": technique_heuristic(
        "cmd", "substring", "Command spelled from variable substrings", 30,
        "%var:~n,m% picks single characters out of a variable to assemble a command."),
    "env-substring": technique_heuristic(
        "cmd", "env_substring", "Characters taken from Windows environment variables", 35,
        "Letters cut out of stock variables (%COMSPEC:~-16,1%) spell a command without writing it."),
    "splice": technique_heuristic(
        "cmd", "variable_splicing", "Command spliced from variables", 20,
        "Several variables set in the script are concatenated (%a%%b%, !a!!b!) to build the command."),
    "delayed": technique_heuristic(
        "cmd", "delayed_expansion", "Delayed expansion used to assemble a command", 15,
        "cmd /v or EnableDelayedExpansion with !var! references that build the command at run time."),
    "substitution": technique_heuristic(
        "cmd", "substitution", "Variable substitution %var:old=new%", 20,
        "Junk removed or characters swapped with %var:old=new% to reveal the command."),
    "call": technique_heuristic(
        "cmd", "call_variable", "Command run from a variable with call", 15,
        "call %var% runs a command line stored in a variable earlier, so it is never written where it runs."),
    "for-delims": technique_heuristic(
        "cmd", "for_delims", "Command hidden in a for /f token", 25,
        "for /f with tokens/delims cuts the command name out of a literal string."),
}
# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = tuple(TECHNIQUE_HEURISTICS.values())

# Values of the stock variables on a default Windows host.
WINDOWS_ENV = {
    "comspec": "C:\\Windows\\system32\\cmd.exe",
    "windir": "C:\\Windows",
    "systemroot": "C:\\Windows",
    "programdata": "C:\\ProgramData",
    "allusersprofile": "C:\\ProgramData",
    "public": "C:\\Users\\Public",
    "programfiles": "C:\\Program Files",
    "programfiles(x86)": "C:\\Program Files (x86)",
    "commonprogramfiles": "C:\\Program Files\\Common Files",
    "systemdrive": "C:",
    "os": "Windows_NT",
    "pathext": ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC",
    "processor_architecture": "AMD64",
    "psmodulepath": "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules\\",
}

_NAME = r"[A-Za-z_][\w#$.()\-]{0,63}?"
_PERCENT = regex.compile(
    r"%%|%(?P<name>" + _NAME + r")(?::~(?P<n>-?\d{1,6})(?:,(?P<m>-?\d{1,6}))?|:(?P<old>[^=%\r\n]{1,64})=(?P<new>[^%\r\n]{0,256}))?%"
)
_BANG = regex.compile(
    r"!(?P<name>" + _NAME + r")(?::~(?P<n>-?\d{1,6})(?:,(?P<m>-?\d{1,6}))?|:(?P<old>[^=!\r\n]{1,64})=(?P<new>[^!\r\n]{0,256}))?!"
)
_SET = regex.compile(r"(?i)^\s*+@?(?:call\s++)?set\s++(?!/[ap])(?:\"(?P<qname>[^=\"]{1,64})=(?P<qvalue>[^\r\n]*)\"|(?P<name>[^=\s\"]{1,64})=(?P<value>[^\r\n]*))")
_DELAYED_ON = regex.compile(r"(?i)(?:\bcmd(?:\.exe)?\b[^\r\n]{0,64}?/v(?::on)?\b|enabledelayedexpansion)")
_CMD_C = regex.compile(r"(?i)^(?P<head>\s*+(?:@?cmd(?:\.exe)?)(?:\s++/[a-z](?::\w+)?)*?\s++/[ck]\s++)\"(?P<body>.*)\"(?P<tail>\s*+)$")
_FOR = regex.compile(
    r"(?i)^\s*+for\s++/f\s++\"(?P<opts>[^\"]{0,200})\"\s++(?P<var>%%?[A-Za-z])\s++in\s*+\(\s*+\"(?P<src>[^\"]{0,4096})\"\s*+\)"
    r"\s++do\s++(?P<body>.*)$"
)
_MAX_LINE = 64 * 1024
_MAX_NESTING = 16  # cmd /c "cmd /c "..."" levels expanded in one layer
_MAX_VALUE = 64 * 1024


@dataclass
class _State:
    env: dict[str, str] = field(default_factory=dict)
    delayed: bool = False
    used: dict[str, int] = field(default_factory=dict)
    first_offset: dict[str, int] = field(default_factory=dict)
    too_deep: bool = False
    script_hits: int = 0  # variables set by the script expanded in the last command

    def mark(self, technique: str, offset: int) -> None:
        self.used[technique] = self.used.get(technique, 0) + 1
        self.first_offset.setdefault(technique, offset)


class CmdLayer:
    """Deobfuscation of cmd/batch scripts and command lines (see the module docstring)."""

    name = "deobfuscate.cmd"
    version = "1"

    def __init__(self, limits: DeobfuscationLimits | None = None) -> None:
        self.limits = limits or DeobfuscationLimits()

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type == ArtifactType.CMD

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        out = LayerOutput(payload, ctx, self.limits, "cmd")
        text = payload.text
        if not text:
            return out.finish()
        if len(text) > self.limits.max_parse_chars:
            out.error(ErrorKind.LIMIT_DEOBFUSCATION_PARSE,
                      f"cmd: {len(text)} characters is over the parse limit of {self.limits.max_parse_chars}")
            return out.finish()
        state = _State()
        try:
            state.delayed = bool(_DELAYED_ON.search(text, timeout=ctx.regex_timeout()))
            result = self._expand_script(text, state, ctx, out)
        except TimeoutError:
            out.error(ErrorKind.LIMIT_REGEX_TIMEOUT, "cmd: a pattern timed out")
            return out.finish()
        if result is None:
            return out.finish()
        if state.too_deep:
            out.error(ErrorKind.LIMIT_DEOBFUSCATION_NESTING, f"cmd: cmd /c nested deeper than {_MAX_NESTING} was not expanded")
        if state.used.get("caret", 0) < 2:
            state.used.pop("caret", None)
        if state.used.get("splice", 0) and state.delayed:
            state.mark("delayed", state.first_offset["splice"])
        for technique, count in state.used.items():
            offset = state.first_offset[technique]
            heuristic = TECHNIQUE_HEURISTICS[technique]
            for _ in range(count if count < 8 else 8):
                out.technique(heuristic, offset, None, text[offset:offset + 120])
        if result != text and state.used:
            order = ("for-delims", "env-substring", "substring", "substitution", "delayed", "splice", "call", "caret")
            technique = next(t for t in order if t in state.used)
            out.child(result, technique=technique, origin_kind="deobfuscated", offset=0, length=len(text),
                      detail=f"expanded as cmd.exe would ({', '.join(t for t in order if t in state.used)})",
                      type_hint=ArtifactType.CMD)
        return out.finish()

    def _expand_script(self, text: str, state: _State, ctx: ScanContext, out: LayerOutput) -> str | None:
        lines = text.splitlines(keepends=True)
        result: list[str] = []
        size = 0
        offset = 0
        for index, line in enumerate(lines):
            if index % 256 == 0 and ctx.time_left() <= 0:
                out.error(ErrorKind.LIMIT_DEADLINE, "cmd deobfuscation stopped at the scan deadline")
                return None
            body = line.rstrip("\r\n")
            ending = line[len(body):]
            if len(body) > _MAX_LINE:
                out.error(ErrorKind.LIMIT_DEOBFUSCATION_LINE, f"cmd: a line of {len(body)} characters was left as it is")
                expanded = body
            else:
                expanded = self._expand_line(body, state, ctx, offset)
            result.append(expanded + ending)
            size += len(expanded)
            if size > self.limits.max_child_bytes:
                out.error(ErrorKind.LIMIT_DEOBFUSCATION_SIZE, "cmd: expanded script over the size limit")
                return None
            offset += len(line)
        return "".join(result)

    def _expand_line(self, line: str, state: _State, ctx: ScanContext, offset: int, nesting: int = 0) -> str:
        # Most lines are neither `cmd /c "..."` nor `for /f "..."`: the literals each pattern
        # needs are looked for first (a regex call per line is most of a large script's cost).
        quoted = '"' in line
        wrapper = _CMD_C.match(line, timeout=ctx.regex_timeout()) if quoted and _may_hold(line, "cmd") else None
        if wrapper and nesting >= _MAX_NESTING:
            state.too_deep = True
            return line
        if wrapper:
            if regex.search(r"(?i)/v(?::on)?\b", wrapper.group("head"), timeout=ctx.regex_timeout()):
                state.delayed = True
            inner = self._expand_line(wrapper.group("body"), state, ctx, offset + wrapper.start("body"), nesting + 1)
            return f"{wrapper.group('head')}\"{inner}\"{wrapper.group('tail')}"
        loop = _FOR.match(line, timeout=ctx.regex_timeout()) if quoted and _may_hold(line, "for") else None
        if loop:
            expanded = self._for_loop(loop, state, offset)
            if expanded is not None:
                line = expanded
        pieces = _split_commands(line)
        out: list[str] = []
        for piece, separator in pieces:
            out.append(self._expand_command(piece, state, ctx, offset) + separator)
        return "".join(out)

    def _expand_command(self, command: str, state: _State, ctx: ScanContext, offset: int) -> str:
        expanded = self._percent(command, state, ctx, offset, _PERCENT)
        calls = command.lstrip().lstrip("@")[:5].lower() == "call "
        if calls and state.script_hits:
            state.mark("call", offset)
        stripped = expanded.lstrip()
        if stripped[:5].lower() == "call " and "%%" in stripped:
            expanded = self._percent(expanded.replace("%%", "%"), state, ctx, offset, _PERCENT, expand_all=True)
            if state.script_hits:
                state.mark("call", offset)
        expanded = _drop_carets(expanded, state, offset)
        if state.delayed and "!" in expanded:
            expanded = self._percent(expanded, state, ctx, offset, _BANG)
        setting = _SET.match(expanded, timeout=ctx.regex_timeout()) if _may_hold(expanded, "set") else None
        if setting:
            name = (setting.group("qname") or setting.group("name") or "").lower()
            value = setting.group("qvalue") if setting.group("qname") is not None else setting.group("value")
            if name and len(state.env) < 10_000:
                state.env[name] = (value or "")[:_MAX_VALUE]
        return expanded

    def _percent(self, text: str, state: _State, ctx: ScanContext, offset: int, pattern: regex.Pattern[str],
                 expand_all: bool = False) -> str:
        """Expand %var% (or !var!) references that build the command; a lone %DIR% stays as written.

        A reference is expanded when it has a modifier (:~n,m or :old=new), touches another known
        reference (%a%%b%), is the command word itself (%x% args), or `expand_all` is set (call).
        """
        if ("%" if pattern is _PERCENT else "!") not in text:
            state.script_hits = 0  # what the loop below leaves when nothing matches
            return text
        matches = list(pattern.finditer(text, timeout=ctx.regex_timeout()))
        known: list[str | None] = []
        for match in matches:
            value: str | None = None
            if match.group("name") is not None:  # %% is a literal percent sign (and %%i a loop variable)
                name = match.group("name").lower()
                value = state.env.get(name)
                if value is None and (match.group("n") is not None or match.group("old") is not None):
                    value = WINDOWS_ENV.get(name)
            known.append(value)
        pieces: list[str] = []
        pos = 0
        script_hits = 0
        spliced = False
        for index, match in enumerate(matches):
            value = known[index]
            if value is None:
                continue
            modified = match.group("n") is not None or match.group("old") is not None
            before = index > 0 and known[index - 1] is not None and matches[index - 1].end() == match.start()
            after = index + 1 < len(matches) and known[index + 1] is not None \
                and matches[index + 1].start() == match.end()
            command_word = text[:match.start()].strip().lower() in ("", "@", "call", "@call")
            if not (modified or before or after or command_word or expand_all):
                continue
            from_script = match.group("name").lower() in state.env
            script_hits += from_script
            if (before or after) and from_script:
                spliced = True
            if match.group("n") is not None:
                state.mark("substring" if from_script else "env-substring", offset + match.start())
                value = substring(value, int(match.group("n")), int(match.group("m")) if match.group("m") else None)
            elif match.group("old") is not None:
                state.mark("substitution", offset + match.start())
                old = match.group("old")
                value = substitute(value, old.lstrip("*"), match.group("new"), old.startswith("*"))
            pieces.append(text[pos:match.start()])
            pieces.append(value)
            pos = match.end()
        pieces.append(text[pos:])
        state.script_hits = script_hits
        if spliced:
            state.mark("splice", offset)
        return "".join(pieces)

    def _for_loop(self, loop: regex.Match[str], state: _State, offset: int) -> str | None:
        options = loop.group("opts")
        tokens_spec = regex.search(r"(?i)tokens=(\S+)", options)
        delims_match = regex.search(r"(?i)delims=(.*?)(?=\s+(?:tokens|skip|eol|usebackq)=|$)", options)
        delimiters = delims_match.group(1) if delims_match else " \t"
        wanted = _token_numbers(tokens_spec.group(1) if tokens_spec else "1")
        if wanted is None:
            return None
        parts = [p for p in regex.split("[" + regex.escape(delimiters) + "]", loop.group("src")) if p] \
            if delimiters else [loop.group("src")]
        variable = loop.group("var")
        letter = variable[-1]
        prefix = variable[:-1]
        body = loop.group("body")
        for position, number in enumerate(wanted):
            value = parts[number - 1] if 0 < number <= len(parts) else ""
            name = chr(ord(letter) + position)
            body = body.replace(prefix + name, value)
        state.mark("for-delims", offset + loop.start())
        return body


def _may_hold(text: str, word: str) -> bool:
    """False only when `text` cannot match a case-insensitive pattern that needs the ASCII `word`
    (non-ASCII text is not ruled out: case folding maps a few other letters onto ASCII ones)."""
    return not text.isascii() or word in text.lower()


def _split_commands(line: str) -> list[tuple[str, str]]:
    """Split on &, &&, || and | outside double quotes (carets escape them)."""
    if "&" not in line and "|" not in line:
        return [(line, "")]
    pieces: list[tuple[str, str]] = []
    current: list[str] = []
    quoted = False
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "^" and not quoted and i + 1 < len(line):
            current.append(line[i:i + 2])
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        if not quoted and ch in "&|":
            separator = line[i:i + 2] if line[i + 1:i + 2] == ch else ch
            pieces.append(("".join(current), separator))
            current = []
            i += len(separator)
            continue
        current.append(ch)
        i += 1
    pieces.append(("".join(current), ""))
    return pieces


def _drop_carets(text: str, state: _State, offset: int) -> str:
    if "^" not in text:
        return text
    out: list[str] = []
    quoted = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            quoted = not quoted
        if ch == "^" and not quoted and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt.isalnum():
                state.mark("caret", offset + i)
            out.append(nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def substring(value: str, start: int, length: int | None) -> str:
    size = len(value)
    begin = start if start >= 0 else max(0, size + start)
    begin = min(begin, size)
    if length is None:
        return value[begin:]
    if length >= 0:
        return value[begin:begin + length]
    end = size + length
    return value[begin:end] if end > begin else ""


def substitute(value: str, old: str, new: str, from_start: bool) -> str:
    if not old:
        return value
    if from_start:
        index = value.lower().find(old.lower())
        return new + value[index + len(old):] if index != -1 else value
    return regex.sub(regex.escape(old), lambda _: new, value, flags=regex.IGNORECASE)


def _token_numbers(spec: str) -> list[int] | None:
    numbers: list[int] = []
    for part in spec.rstrip("*").split(","):
        if not part:
            continue
        if "-" in part:
            low, _, high = part.partition("-")
            if not (low.isdigit() and high.isdigit()) or int(high) - int(low) > 31:
                return None
            numbers.extend(range(int(low), int(high) + 1))
        elif part.isdigit():
            numbers.append(int(part))
        else:
            return None
    return numbers[:32] or None
