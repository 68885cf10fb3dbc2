"""sh/bash deobfuscation: encoded payloads piped into a shell, escapes, splicing, ${IFS}.

Entry point: `ShellLayer.analyze`. Two kinds of output:

- decoded layers, one child each: `echo <b64> | base64 -d [| gunzip|bzip2 -d|xz -d] | sh`
  (also `--decode`, `-D`, `<<<` here-strings, `eval "$(...)"`, `bash -c "$(...)"`),
  `printf`/`echo -e` strings of hex or octal escapes, `$'\\x..'` given to eval/`sh -c`,
  `echo <hex> | xxd -r -p`, `echo '<reversed>' | rev`, and a command rebuilt from the elements
  of a literal array (`a=($'\\x63' u ...)`, `eval "${a[0]}${a[1]}..."`, also `sh -c`, `$(...)`);
- one normalised layer with in-place substitutions: `${IFS}` tricks become spaces, spliced
  variables (`a=cu;b=rl;$a$b`) are expanded, other `$'..'` strings are decoded.

Patterns are bounded (possessive where they repeat) and run with the scan's regex timeout;
decoders are bounded in output size.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from inspector.stage import AnalyzerOutput, Heuristic, Payload, ScanContext
from inspector.deobfuscate.common import (
    DecodeLimit,
    DeobfuscationLimits,
    LayerOutput,
    b64decode_loose,
    decompress,
    hex_decode,
    technique_heuristic,
    text_of,
)
from inspector.deobfuscate.shell_words import resolve_glob, unescape_ansi_c
from inspector.model import Artifact, ArtifactType, ErrorKind
from inspector.redact import redact_head

TECHNIQUE_HEURISTICS = {
    "base64": technique_heuristic(
        "shell", "base64_exec", "Base64 payload decoded and run by a shell", 40,
        "A base64 blob is decoded (base64 -d / --decode) and piped or passed to sh, bash or eval."),
    "base64-decode": technique_heuristic(
        "shell", "base64_decode", "Base64 blob decoded in the script", 15,
        "A base64 blob embedded in the script is decoded with base64 -d."),
    "compressed": technique_heuristic(
        "shell", "compressed", "Compressed payload inflated in a pipeline", 20,
        "A gzip/bzip2/xz stream is inflated inline (gunzip, zcat, bzip2 -d) before it is used."),
    "escape": technique_heuristic(
        "shell", "escaped_string", "Command spelled with hex/octal escapes", 30,
        "printf/echo -e or $'...' strings made of \\x.. or octal escapes hide the command text."),
    "xxd": technique_heuristic(
        "shell", "xxd_hex", "Hex payload decoded with xxd -r -p", 30, "A hex dump is turned back into text with xxd."),
    "rev": technique_heuristic(
        "shell", "reversed", "Reversed command run through rev", 30, "A reversed string is turned around with rev."),
    "splice": technique_heuristic(
        "shell", "variable_splicing", "Command spliced from variables", 20,
        "Short variables are concatenated to build a command ($a$b) so it never appears whole."),
    "array": technique_heuristic(
        "shell", "char_array", "Command rebuilt from an indexed array", 40,
        "Elements of a literal array are picked by number (${a[3]}${a[0]}...) to spell a command or path, "
        "the way shell obfuscation frameworks hide words."),
    "glob": technique_heuristic(
        "shell", "glob_path", "Program or file named by a wildcard path", 40,
        "A path made of ? and * wildcards (/???/??n/???n?f) names a standard program or file without writing it."),
    "brace": technique_heuristic(
        "shell", "brace_command", "Command written as a brace expansion", 40,
        "{cmd,arg} brace expansion spells a command and its arguments without spaces."),
    "ifs": technique_heuristic(
        "shell", "ifs", "${IFS} used instead of spaces", 30,
        "The field separator variable replaces spaces, a filter-evasion trick."),
}
# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = tuple(TECHNIQUE_HEURISTICS.values())

_SHELLS = r"(?:sudo\s++)?(?:/usr)?(?:/bin/)?(?:ba|da|z|k)?sh\b|eval\b|source\b|\.\s"
_B64 = r"[A-Za-z0-9+/]{8,}+={0,2}+"
_DECODE_FLAG = r"(?:-[a-zA-Z]*[dD][a-zA-Z]*|--decode)"
_INFLATE = (r"(?:gunzip|zcat|gzip\s++-[a-z]*d[a-z]*|bunzip2|bzcat|bzip2\s++-[a-z]*d[a-z]*|"
            r"unxz|xzcat|xz\s++-[a-z]*d[a-z]*)(?:\s++-[a-z]++)*+")
_BASE64_PIPE = regex.compile(
    r"(?:echo|printf)(?:\s++-[neE]++)*+\s++(?:(['\"])%s\1\s++)?(['\"]?)(?P<blob>" + _B64 + r")\2"
    r"\s*+\|\s*+base64\s++" + _DECODE_FLAG + r"(?P<inflate>(?:\s*+\|\s*+" + _INFLATE + r")*+)"
    r"(?P<run>\s*+\|\s*+(?:" + _SHELLS + r"))?"
)
_BASE64_HERE = regex.compile(
    r"base64\s++" + _DECODE_FLAG + r"\s*+<<<\s*+(['\"]?)(?P<blob>" + _B64 + r")\1"
    r"(?P<inflate>(?:\s*+\|\s*+" + _INFLATE + r")*+)(?P<run>\s*+\|\s*+(?:" + _SHELLS + r"))?"
)
_WRAPPED_RUN = regex.compile(r"(?:eval|(?:ba|da|z)?sh\s++-c)\s++[\"']?\$\(\s*+$")
_ESCAPED = r"(?:\\x[0-9a-fA-F]{1,2}|\\[0-7]{1,3})"
_PRINTF = regex.compile(
    r"(?:printf|echo\s++-[a-zA-Z]*e[a-zA-Z]*)\s++(['\"])(?P<body>(?:" + _ESCAPED + r"|[^'\"\\\n]|\\[^x0-7])*+)\1"
)
_ANSI_C = regex.compile(r"\$'(?P<body>(?:\\.|[^'\\])*+)'")
_ANSI_RUN = regex.compile(r"(?:eval|(?:ba|da|z)?sh\s++-c)\s++$")
_XXD = regex.compile(
    r"echo\s++(['\"]?)(?P<hex>[0-9a-fA-F]{8,}+)\1\s*+\|\s*+xxd\s++(?:-r\s++-p|-p\s++-r|-rp|-pr|-r\s++-ps|-ps\s++-r)\b"
    r"(?P<run>\s*+\|\s*+(?:" + _SHELLS + r"))?"
)
_REV = regex.compile(
    r"echo\s++(?P<quoted>'(?:[^']|'\\'')*+'|\"(?:[^\"\\]|\\.)*+\"|[^\s|;&]++)\s*+\|\s*+rev\b"
    r"(?P<run>\s*+\|\s*+(?:" + _SHELLS + r"))?"
)
_IFS = regex.compile(r"\$\{IFS(?:%[^}]{0,8}|:0:1)?\}|\$IFS(?:\$\d|\b)")
# An assignment is found from its '=' (a cheap scan) and checked around it: a scan for the
# name pattern itself would be slow on long words such as a base64 blob.
_NAME_BEFORE = regex.compile(r"(?:^|(?<=[\s;&|(]))(?:export\s++|local\s++)?(?P<name>[A-Za-z_]\w{0,63})$")
_VALUE_AFTER = regex.compile(
    r"(?P<value>(?:'[^']*+'|\"[^\"$`\\]*+\"|\\.|[^\s;&|'\"$`()<>\\])*+)(?=[\s;&|)]|$)"
)
_MAX_ASSIGNMENTS = 10_000
# Elements of a literal array: bare, '...', "..." (no expansion) and $'...' (ANSI-C escapes, which
# frameworks use so that every element is one escaped character); a `$` elsewhere is an expansion.
_ANSI_C_WORD = r"\$'(?:\\[^\n]|[^'\\\n])*+'"
_ARRAY = regex.compile(r"(?:^|(?<=[\s;&|(]))(?P<name>[A-Za-z_]\w{0,63})=\("
                       r"(?P<items>(?:" + _ANSI_C_WORD + r"|[^()$`\n]){0,65536}+)\)")
_ARRAY_ITEM = regex.compile(r"(?:" + _ANSI_C_WORD + r"|'[^']*+'|\"[^\"\\$`]*+\"|[^\s'\"$])++")
_ARRAY_REF = regex.compile(r"\$\{(?P<name>[A-Za-z_]\w{0,63})\[(?P<index>\d{1,7})\]\}")
_ARRAY_REF_TEXT = r"\$\{[A-Za-z_]\w{0,63}\[\d{1,7}\]\}"
# The command that runs spelled from array elements: `eval "${a[1]}${a[0]}..."`, `sh -c "..."`,
# `$(...)` or backticks; literal characters may sit between the references.
_ARRAY_RUN_TEXT = r"(?:" + _ARRAY_REF_TEXT + r"|[^\"'$`\\\n;&|()])*+"
_ARRAY_RUN = regex.compile(
    r"(?:eval|(?:sudo\s++)?(?:/usr)?(?:/bin/)?(?:ba|da|z|k)?sh\s++-c)\s++(?P<q>[\"']?+)(?P<cmd>" + _ARRAY_RUN_TEXT +
    r")(?P=q)|\$\((?P<sub>" + _ARRAY_RUN_TEXT + r")\)|`(?P<tick>" + _ARRAY_RUN_TEXT + r")`"
)
_COMMAND_WORD = regex.compile(r"^(?:[A-Za-z_][\w.-]{0,63}|/[\w./-]{1,255})$")
_GLOB_PATH = regex.compile(r"(?<![\w/$.*?\]])/(?:[\w.?*-]{1,64}+/){0,8}+[\w.?*-]{1,64}+(?![\w/])")
_BRACE_COMMAND = regex.compile(
    r"(?m)(?:^|[;&|(`\"']|\$\()[ \t]*+(?P<brace>\{(?P<body>[\w./-]{1,64}+(?:,[^{},\s;&|]{0,256}+){1,64}+)\})")
_VARREF = regex.compile(r"\$\{(?P<a>[A-Za-z_]\w{0,63})\}|\$(?P<b>[A-Za-z_]\w{0,63})")


@dataclass
class _Edit:
    start: int
    end: int
    text: str


class ShellLayer:
    """Deobfuscation of sh/bash scripts (see the module docstring)."""

    name = "deobfuscate.shell"
    version = "1"

    def __init__(self, limits: DeobfuscationLimits | None = None) -> None:
        self.limits = limits or DeobfuscationLimits()

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type == ArtifactType.SHELL

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        out = LayerOutput(payload, ctx, self.limits, "shell")
        text = payload.text
        if not text:
            return out.finish()
        if len(text) > self.limits.max_input_chars:
            out.error(ErrorKind.LIMIT_DEOBFUSCATION_INPUT, f"shell: {len(text)} characters is over {self.limits.max_input_chars}")
            return out.finish()
        edits: list[_Edit] = []
        for step in (self._base64, self._printf, self._xxd, self._rev, self._ansi_c, self._ifs, self._splice,
                     self._arrays, self._globs, self._braces):
            if ctx.time_left() <= 0:
                out.error(ErrorKind.LIMIT_DEADLINE, "shell deobfuscation stopped at the scan deadline")
                break
            try:
                step(text, out, ctx, edits)
            except TimeoutError:
                out.error(ErrorKind.LIMIT_REGEX_TIMEOUT, f"shell: {step.__name__.strip('_')} pattern timed out")
        if edits:
            self._normalised(text, edits, out)
        return out.finish()

    # --- decoded layers ----------------------------------------------------------------

    def _base64(self, text: str, out: LayerOutput, ctx: ScanContext, edits: list[_Edit]) -> None:
        for pattern in (_BASE64_PIPE, _BASE64_HERE):
            for match in pattern.finditer(text, timeout=ctx.regex_timeout()):
                try:
                    data = b64decode_loose(match.group("blob"), self.limits.max_child_bytes)
                except DecodeLimit as exc:
                    out.error(ErrorKind.LIMIT_DEOBFUSCATION_SIZE, f"shell base64: {exc}")
                    continue
                if not data:
                    continue
                technique = "base64"
                inflate = match.group("inflate") or ""
                if inflate.strip():
                    method = "bzip2" if ("bz" in inflate or "bunzip" in inflate) else \
                        "xz" if "xz" in inflate else "gzip"
                    try:
                        data = decompress(data, method, self.limits.max_child_bytes)
                    except DecodeLimit as exc:
                        out.error(ErrorKind.LIMIT_DEOBFUSCATION_SIZE, f"shell {method}: {exc}")
                        continue
                    except ValueError:
                        continue
                    technique = f"base64-{method}"
                    out.technique(TECHNIQUE_HEURISTICS["compressed"], match.start(), match.end() - match.start(), match.group(0)[:200])
                runs = _runs(match, text, ctx)
                out.technique(TECHNIQUE_HEURISTICS["base64" if runs else "base64-decode"], match.start(), match.end() - match.start(),
                              match.group(0)[:200])
                self._decoded(out, data, technique, match.start("blob"), len(match.group("blob")),
                              "base64 -d" + (f" | {inflate.strip(' |')}" if inflate.strip() else ""), runs)

    def _printf(self, text: str, out: LayerOutput, ctx: ScanContext, edits: list[_Edit]) -> None:
        for match in _PRINTF.finditer(text, timeout=ctx.regex_timeout()):
            body = match.group("body")
            if len(regex.findall(_ESCAPED, body, timeout=ctx.regex_timeout())) < 4:
                continue
            decoded = _unescape(body, ansi_c=False)
            if decoded is None:
                continue
            out.technique(TECHNIQUE_HEURISTICS["escape"], match.start(), match.end() - match.start(), match.group(0)[:200])
            self._decoded(out, decoded, "printf-escape", match.start("body"), len(body), "printf/echo -e escapes", True)

    def _xxd(self, text: str, out: LayerOutput, ctx: ScanContext, edits: list[_Edit]) -> None:
        for match in _XXD.finditer(text, timeout=ctx.regex_timeout()):
            try:
                data = hex_decode(match.group("hex"), self.limits.max_child_bytes)
            except DecodeLimit as exc:
                out.error(ErrorKind.LIMIT_DEOBFUSCATION_SIZE, f"shell xxd: {exc}")
                continue
            if not data:
                continue
            out.technique(TECHNIQUE_HEURISTICS["xxd"], match.start(), match.end() - match.start(), match.group(0)[:200])
            self._decoded(out, data, "xxd-hex", match.start("hex"), len(match.group("hex")), "xxd -r -p",
                          _runs(match, text, ctx))

    def _rev(self, text: str, out: LayerOutput, ctx: ScanContext, edits: list[_Edit]) -> None:
        for match in _REV.finditer(text, timeout=ctx.regex_timeout()):
            value = _shell_word(match.group("quoted"))
            if len(value) < 4:
                continue
            out.technique(TECHNIQUE_HEURISTICS["rev"], match.start(), match.end() - match.start(), match.group(0)[:200])
            self._decoded(out, value[::-1].encode(), "rev", match.start("quoted"), len(match.group("quoted")),
                          "echo | rev", True)

    def _ansi_c(self, text: str, out: LayerOutput, ctx: ScanContext, edits: list[_Edit]) -> None:
        for match in _ANSI_C.finditer(text, timeout=ctx.regex_timeout()):
            body = match.group("body")
            if len(regex.findall(_ESCAPED, body, timeout=ctx.regex_timeout())) < 2:
                continue
            decoded = _unescape(body, ansi_c=True)
            if decoded is None:
                continue
            out.technique(TECHNIQUE_HEURISTICS["escape"], match.start(), match.end() - match.start(), match.group(0)[:200])
            before = text[max(0, match.start() - 20):match.start()]
            if _ANSI_RUN.search(before, timeout=ctx.regex_timeout()):
                self._decoded(out, decoded, "ansi-c-quoting", match.start(), match.end() - match.start(),
                              "$'...' escapes", True)
            else:
                literal = decoded.decode("utf-8", "replace")
                edits.append(_Edit(match.start(), match.end(), _sh_quote(literal)))

    # --- in-place substitutions ----------------------------------------------------------

    def _ifs(self, text: str, out: LayerOutput, ctx: ScanContext, edits: list[_Edit]) -> None:
        found = 0
        for match in _IFS.finditer(text, timeout=ctx.regex_timeout()):
            edits.append(_Edit(match.start(), match.end(), " "))
            if not found:
                out.technique(TECHNIQUE_HEURISTICS["ifs"], match.start(), match.end() - match.start(),
                              text[max(0, match.start() - 20):match.end() + 20])
            found += 1
            if found > 100_000:
                break

    def _splice(self, text: str, out: LayerOutput, ctx: ScanContext, edits: list[_Edit]) -> None:
        """Expand variables assigned a constant once a reference splices two pieces together."""
        values: dict[str, list[tuple[int, str]]] = {}
        for name, end, value in _assignments(text, ctx):
            values.setdefault(name, []).append((end, value))
        if not values:
            return
        pending: list[_Edit] = []
        refs = [r for r in _VARREF.finditer(text, timeout=ctx.regex_timeout()) if (r.group("a") or r.group("b")) in values]
        ends = {name: [end for end, _ in history] for name, history in values.items()}
        for index, ref in enumerate(refs[:100_000]):
            if index % 1024 == 0 and ctx.time_left() <= 0:
                out.error(ErrorKind.LIMIT_DEADLINE, "shell deobfuscation stopped at the scan deadline")
                return
            name = ref.group("a") or ref.group("b")
            history = values.get(name)
            if not history:
                continue
            latest = bisect_right(ends[name], ref.start()) - 1  # the last assignment before this use
            if latest < 0:
                continue
            # Only references glued to another known one are splicing ($a$b); a lone $DIR stays.
            neighbour = (index + 1 < len(refs) and refs[index + 1].start() == ref.end()) or \
                        (index > 0 and refs[index - 1].end() == ref.start())
            if neighbour:
                pending.append(_Edit(ref.start(), ref.end(), history[latest][1]))
        if pending:
            out.technique(TECHNIQUE_HEURISTICS["splice"], pending[0].start, pending[-1].end - pending[0].start,
                          text[pending[0].start:pending[0].start + 120])
            edits.extend(pending)

    def _arrays(self, text: str, out: LayerOutput, ctx: ScanContext, edits: list[_Edit]) -> None:
        """`a=(c u r l)` then `${a[0]}${a[1]}...`: each indexed reference becomes the element.

        A command that runs (`eval`, `sh -c`, `$(...)`, backticks) spelled wholly from references
        becomes a decoded layer of its own; other references are replaced in the normalised layer.
        """
        arrays: dict[str, list[str]] = {}
        for match in _ARRAY.finditer(text, timeout=ctx.regex_timeout()):
            if len(arrays) >= _MAX_ASSIGNMENTS:
                break
            words = _ARRAY_ITEM.findall(match.group("items"), timeout=ctx.regex_timeout())
            if len(words) > self.limits.max_array_items:
                out.error(ErrorKind.LIMIT_DEOBFUSCATION_SIZE,
                          f"shell array: {len(words)} elements, only the first {self.limits.max_array_items} kept")
            arrays[match.group("name")] = [_shell_word(w) for w in words[:self.limits.max_array_items]]
        if not arrays:
            return
        pending: list[_Edit] = []
        run_spans: list[tuple[int, int]] = []
        for run in _ARRAY_RUN.finditer(text, timeout=ctx.regex_timeout()):
            group = next(g for g in ("cmd", "sub", "tick") if run.group(g) is not None)
            rebuilt = self._rebuild(run.group(group), arrays, out, ctx)
            if rebuilt is None:
                continue
            out.technique(TECHNIQUE_HEURISTICS["array"], run.start(), run.end() - run.start(), run.group(0)[:120])
            self._decoded(out, rebuilt.encode("utf-8", "surrogatepass"), "char-array", run.start(group),
                          len(run.group(group)), "array elements", True)
            run_spans.append((run.start(group), run.end(group)))
        for ref in _ARRAY_REF.finditer(text, timeout=ctx.regex_timeout()):
            if any(start <= ref.start() < end for start, end in run_spans):
                continue  # already given as a decoded layer
            items = arrays.get(ref.group("name"))
            index = int(ref.group("index"))
            if items is not None and index < len(items):
                pending.append(_Edit(ref.start(), ref.end(), items[index]))
                if len(pending) >= 100_000:
                    break
        if len(pending) >= 2:  # one lookup is ordinary code; a word spelled from several is the trick
            out.technique(TECHNIQUE_HEURISTICS["array"], pending[0].start, pending[-1].end - pending[0].start,
                          text[pending[0].start:pending[0].start + 120])
            edits.extend(pending)

    def _rebuild(self, spelled: str, arrays: dict[str, list[str]], out: LayerOutput, ctx: ScanContext) -> str | None:
        """The text of `spelled` with every `${a[N]}` replaced; None unless it uses two or more
        references that all resolve, or when the text would pass the decoded-layer size limit."""
        pieces: list[str] = []
        size = 0
        position = 0
        references = 0
        for ref in _ARRAY_REF.finditer(spelled, timeout=ctx.regex_timeout()):
            items = arrays.get(ref.group("name"))
            index = int(ref.group("index"))
            if items is None or index >= len(items):
                return None  # an element we do not know: the rebuilt command would be a guess
            pieces.append(spelled[position:ref.start()])
            pieces.append(items[index])
            size += ref.start() - position + len(items[index])
            position = ref.end()
            references += 1
            if size > self.limits.max_child_bytes:
                out.error(ErrorKind.LIMIT_DEOBFUSCATION_SIZE,
                          f"shell array: rebuilt command over {self.limits.max_child_bytes} characters")
                return None
        if references < 2:
            return None
        pieces.append(spelled[position:])
        return "".join(pieces)

    def _globs(self, text: str, out: LayerOutput, ctx: ScanContext, edits: list[_Edit]) -> None:
        """`/???/??n/???n?f` -> `/usr/bin/printf`, against a fixed list of standard names."""
        found = 0
        for match in _GLOB_PATH.finditer(text, timeout=ctx.regex_timeout()):
            path = match.group(0)
            if path.count("?") < 2:
                continue
            resolved = resolve_glob(path)
            if resolved is None:
                continue
            if not found:
                out.technique(TECHNIQUE_HEURISTICS["glob"], match.start(), len(path), path)
            edits.append(_Edit(match.start(), match.end(), resolved))
            found += 1
            if found >= 100_000:
                break

    def _braces(self, text: str, out: LayerOutput, ctx: ScanContext, edits: list[_Edit]) -> None:
        """`{curl,-s,http://x}` at a command's place -> `curl -s http://x`."""
        found = 0
        for match in _BRACE_COMMAND.finditer(text, timeout=ctx.regex_timeout()):
            words = match.group("body").split(",")
            if not _COMMAND_WORD.match(words[0]):
                continue
            if not found:
                out.technique(TECHNIQUE_HEURISTICS["brace"], match.start("brace"), len(match.group("brace")),
                              match.group("brace"))
            edits.append(_Edit(match.start("brace"), match.end("brace"), " ".join(words)))
            found += 1
            if found >= 100_000:
                break

    def _normalised(self, text: str, edits: list[_Edit], out: LayerOutput) -> None:
        pieces: list[str] = []
        pos = 0
        size = 0
        for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
            if edit.start < pos:
                continue
            pieces.append(text[pos:edit.start])
            pieces.append(edit.text)
            size += edit.start - pos + len(edit.text)
            pos = edit.end
            if size > self.limits.max_child_bytes:
                out.error(ErrorKind.LIMIT_DEOBFUSCATION_SIZE, "shell: normalised layer over the size limit")
                return
        pieces.append(text[pos:])
        result = "".join(pieces)
        out.child(result, technique="normalised", origin_kind="deobfuscated", offset=0, length=len(text),
                  detail="${IFS}, spliced variables, indexed arrays, glob paths, brace commands and $'...' strings "
                  "expanded", type_hint=ArtifactType.SHELL)

    def _decoded(self, out: LayerOutput, data: bytes, technique: str, offset: int, length: int, how: str,
                 runs: bool) -> None:
        decoded = text_of(data)
        if decoded is not None:
            out.child(decoded, technique=technique, origin_kind="decoded", offset=offset, length=length,
                      detail=f"{how}: {redact_head(decoded, 80)}", type_hint=ArtifactType.SHELL if runs else None)
        else:
            out.child(data, technique=technique, origin_kind="decoded", offset=offset, length=length,
                      detail=f"{how}: {len(data)} bytes", type_hint=None)


def _assignments(text: str, ctx: ScanContext) -> list[tuple[str, int, str]]:
    """(name, end offset, value) of `name=value` words with a constant value, in order."""
    found: list[tuple[str, int, str]] = []
    position = text.find("=")
    while position != -1 and len(found) < _MAX_ASSIGNMENTS:
        head = _NAME_BEFORE.search(text, max(0, position - 72), position, timeout=ctx.regex_timeout())
        if head is not None:
            value = _VALUE_AFTER.match(text, position + 1, min(len(text), position + 1 + 65536),
                                       timeout=ctx.regex_timeout())
            if value is not None:
                found.append((head.group("name"), value.end(), _shell_word(value.group("value"))))
        position = text.find("=", position + 1)
    return found


def _runs(match: regex.Match[str], text: str, ctx: ScanContext) -> bool:
    """Whether the decoded text is run: piped into a shell, or inside `eval "$(...)"` / `sh -c "$(...)"`."""
    if match.group("run"):
        return True
    return bool(_WRAPPED_RUN.search(text[max(0, match.start() - 40):match.start()], timeout=ctx.regex_timeout()))


def _unescape(body: str, *, ansi_c: bool) -> bytes | None:
    """Bytes of a printf / $'...' string: \\xHH, \\NNN (octal), \\n and friends."""
    simple = {"n": b"\n", "t": b"\t", "r": b"\r", "a": b"\a", "b": b"\b", "e": b"\x1b", "E": b"\x1b",
              "f": b"\f", "v": b"\v", "\\": b"\\", "'": b"'", '"': b'"', "?": b"?"}
    out = bytearray()
    i = 0
    while i < len(body):
        ch = body[i]
        if ch != "\\" or i + 1 >= len(body):
            out += ch.encode("utf-8")
            i += 1
            continue
        nxt = body[i + 1]
        if nxt == "x":
            digits = regex.match(r"[0-9a-fA-F]{1,2}", body[i + 2:i + 4])
            if not digits:
                out += b"\\x"
                i += 2
                continue
            out.append(int(digits.group(0), 16))
            i += 2 + len(digits.group(0))
            continue
        if nxt in "01234567":
            # printf takes \NNN and \0NNN; $'...' takes \NNN
            start = i + 1
            if not ansi_c and nxt == "0" and body[i + 2:i + 3].isdigit():
                start = i + 2
            digits = regex.match(r"[0-7]{1,3}", body[start:start + 3])
            assert digits is not None
            out.append(int(digits.group(0), 8) & 0xFF)
            i = start + len(digits.group(0))
            continue
        if nxt in simple:
            out += simple[nxt]
            i += 2
            continue
        out += ("\\" + nxt).encode("utf-8")
        i += 2
    return bytes(out)


def _shell_word(word: str) -> str:
    """The value of one shell word made of quoted and bare parts ('a'\\''b' -> a'b)."""
    result: list[str] = []
    i = 0
    while i < len(word):
        ch = word[i]
        if ch == "'":
            end = word.find("'", i + 1)
            end = len(word) if end == -1 else end
            result.append(word[i + 1:end])
            i = end + 1
        elif ch == '"':
            j = i + 1
            while j < len(word) and word[j] != '"':
                if word[j] == "\\" and j + 1 < len(word) and word[j + 1] in '"\\$`':
                    result.append(word[j + 1])
                    j += 2
                    continue
                result.append(word[j])
                j += 1
            i = j + 1
        elif ch == "$" and word.startswith("'", i + 1):
            end = _ansi_c_end(word, i + 2)
            result.append(unescape_ansi_c(word[i + 2:end]))
            i = end + 1
        elif ch == "\\" and i + 1 < len(word):
            result.append(word[i + 1])
            i += 2
        else:
            result.append(ch)
            i += 1
    return "".join(result)


def _ansi_c_end(word: str, start: int) -> int:
    """Index of the quote closing a `$'...'` body that starts at `start` (a backslash escapes it)."""
    i = start
    while i < len(word) and word[i] != "'":
        i += 2 if word[i] == "\\" else 1
    return min(i, len(word))


def _sh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"
