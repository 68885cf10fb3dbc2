"""PowerShell launch lines: `powershell -EncodedCommand <base64>` and `-Command "<script>"`.

Entry point: `PowerShellLauncherLayer.analyze`. A launch line appears in PowerShell scripts,
in Windows command lines (`cmd /c powershell -enc ...`, typed cmd) and in shell scripts
(`pwsh -e ...`), so this layer accepts all three. powershell.exe accepts any unambiguous
prefix of `-EncodedCommand` (`-e`, `-en`, `-enc`, `-enco`, ...) and the alias `-ec`, with
`-`, `/` or an en/em dash, in any case; the value is base64 of UTF-16LE text.

The inline script of `-Command` is emitted as a PowerShell child only from cmd and shell
artifacts (so it is parsed as PowerShell); it is extraction, not a technique, and makes
no finding.
"""

from __future__ import annotations

import regex

from inspector.stage import AnalyzerOutput, Heuristic, Payload, ScanContext
from inspector.deobfuscate.common import (
    DecodeLimit,
    DeobfuscationLimits,
    LayerOutput,
    b64decode_loose,
    technique_heuristic,
    text_of,
)
from inspector.model import Artifact, ArtifactType, ErrorKind
from inspector.redact import redact_head

ENCODED_COMMAND = technique_heuristic(
    "powershell", "encoded_command", "PowerShell -EncodedCommand", 30,
    "The command line hides the script as base64 UTF-16LE (-EncodedCommand or one of its prefixes).")

# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = (ENCODED_COMMAND,)

# Every unambiguous prefix of -EncodedCommand, and its -ec alias; '-', '/', en dash, em dash.
_PREFIXES = "|".join("encodedcommand"[:n] for n in range(len("encodedcommand"), 0, -1))
_ENCODED = regex.compile(
    r"(?i)(?<![\w-])[-/\u2013\u2014](?:" + _PREFIXES + r"|ec)[\"']?[ \t]+[\"']?([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])"
)
_LAUNCHER = regex.compile(r"(?i)(?:powershell|pwsh)")
_COMMAND = regex.compile(
    r"(?i)\b(?:powershell|pwsh)(?:\.exe)?[\"']?(?:[ \t]+[-/][\w:]{1,40}(?:[ \t]+(?![-/\"'])[^\s\"'&|]{1,80})?)*?"
    r"[ \t]+[-/]c(?:o(?:m(?:m(?:a(?:n(?:d)?)?)?)?)?)?[ \t]+(\"(?:[^\"\\\r\n]|\\.|\"\")*+\"|'(?:[^'\r\n]|'')*'|[^\r\n&|]+)"
)
_LOOKBACK = 400


class PowerShellLauncherLayer:
    """Decodes -EncodedCommand values and lifts -Command scripts out of command lines."""

    name = "deobfuscate.powershell_launcher"
    version = "1"

    def __init__(self, limits: DeobfuscationLimits | None = None) -> None:
        self.limits = limits or DeobfuscationLimits()

    def accepts(self, artifact: Artifact) -> bool:
        return artifact.type in (ArtifactType.POWERSHELL, ArtifactType.CMD, ArtifactType.SHELL)

    def analyze(self, payload: Payload, ctx: ScanContext) -> AnalyzerOutput:
        out = LayerOutput(payload, ctx, self.limits, "powershell")
        text = payload.text
        if not text:
            return out.finish()
        if len(text) > self.limits.max_input_chars:
            out.error(ErrorKind.LIMIT_DEOBFUSCATION_INPUT,
                      f"powershell launcher: {len(text)} characters is over {self.limits.max_input_chars}")
            return out.finish()
        try:
            self._encoded(text, out, ctx)
            if payload.type in (ArtifactType.CMD, ArtifactType.SHELL):
                self._inline(text, out, ctx)
        except TimeoutError:
            out.error(ErrorKind.LIMIT_REGEX_TIMEOUT, "powershell launcher: pattern timed out")
        return out.finish()

    def _encoded(self, text: str, out: LayerOutput, ctx: ScanContext) -> None:
        for match in _ENCODED.finditer(text, timeout=ctx.regex_timeout()):
            before = text[max(0, match.start() - _LOOKBACK):match.start()]
            if not _LAUNCHER.search(before, timeout=ctx.regex_timeout()):
                continue
            blob = match.group(1)
            try:
                data = b64decode_loose(blob, self.limits.max_child_bytes)
            except DecodeLimit as exc:
                out.error(ErrorKind.LIMIT_DEOBFUSCATION_SIZE, f"powershell -EncodedCommand: {exc}")
                continue
            if not data:
                continue
            script = _utf16(data) or text_of(data)
            if script is None:
                continue
            offset, length = match.start(1), len(blob)
            out.technique(ENCODED_COMMAND, match.start(), match.end() - match.start(),
                          text[match.start():match.start() + 120])
            out.child(script, technique="encoded-command", origin_kind="decoded", offset=offset, length=length,
                      detail=f"-EncodedCommand base64 UTF-16LE: {redact_head(script, 80)}",
                      type_hint=ArtifactType.POWERSHELL)

    def _inline(self, text: str, out: LayerOutput, ctx: ScanContext) -> None:
        for match in _COMMAND.finditer(text, timeout=ctx.regex_timeout()):
            raw = match.group(1)
            script = raw.strip()
            if len(script) >= 2 and script[0] == script[-1] and script[0] in "\"'":
                quote = script[0]
                script = script[1:-1].replace(quote * 2, quote)
            script = script.replace('\\"', '"')
            if not script.strip():
                continue
            out.child(script, technique="powershell-command", origin_kind="extracted", offset=match.start(1),
                      length=len(raw), detail=f"-Command script: {redact_head(script, 80)}",
                      type_hint=ArtifactType.POWERSHELL)


def _utf16(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    try:
        script = data.decode("utf-16-le")
    except UnicodeDecodeError:
        return None
    printable = sum(1 for ch in script[:4096] if ch.isprintable() or ch in "\r\n\t")
    return script if printable >= min(len(script), 4096) * 0.9 else None
