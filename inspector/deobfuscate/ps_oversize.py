"""PowerShell over the parse limit: literal base64 is still decoded, and executing what could
not be read is evidence in itself.

The parser sees at most `max_parse_chars` characters (`powershell.PowerShellLayer`); a bigger
script is handed here instead of being left unread. A linear scan decodes every
`FromBase64String('<literal>')` argument (gunzipped or inflated when the bytes are a gzip or
the script names a Deflate stream) into a PowerShell child, so launchers nested past the limit
unwrap layer by layer: each inner layer is smaller, and once under the limit the parser takes
over. When the script runs a string (`iex`, `Invoke-Expression`, `[ScriptBlock]::Create`,
`InvokeScript`) built by a decoder and nothing could be decoded, `unread_decode_execute` says
so: padding a launcher past the limit never reads as clean.
"""

from __future__ import annotations

import regex

from inspector.deobfuscate.common import (
    DecodeLimit,
    LayerOutput,
    b64decode_loose,
    decompress,
    technique_heuristic,
    text_of,
)
from inspector.model import ArtifactType, ErrorKind
from inspector.redact import redact_head
from inspector.stage import Heuristic, ScanContext

UNREAD_DECODE_EXECUTE = technique_heuristic(
    "powershell", "unread_decode_execute", "PowerShell decodes and executes content that could not be read", 300,
    "The script is too large to parse, runs a string (Invoke-Expression, ScriptBlock::Create) and builds it "
    "with a decoder (base64, Deflate/GZip), and no literal could be decoded: what it executes was not "
    "analysed. Hiding a launcher behind size is itself suspicious.")

# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = (UNREAD_DECODE_EXECUTE,)

_LITERAL = regex.compile(r"(?i)frombase64string\s*\(\s*['\"]([A-Za-z0-9+/=\s]{16,}+)['\"]")
_EXECUTES = regex.compile(r"(?i)(?<![\w-])(?:iex|invoke-expression)(?![\w-])|scriptblock\]::create|invokescript")
_DECODES = regex.compile(r"(?i)frombase64string|deflatestream|gzipstream|-bxor")
_DEFLATE = regex.compile(r"(?i)deflatestream")
_GZIP_MAGIC = b"\x1f\x8b"


def analyze_oversized(text: str, out: LayerOutput, ctx: ScanContext) -> None:
    """Decode the literal base64 of a script too large to parse; flag decode-and-execute of the rest."""
    timeout = ctx.regex_timeout()
    max_bytes = out.limits.max_child_bytes
    decoded = 0
    try:
        deflate = _DEFLATE.search(text, timeout=timeout) is not None
        for match in _LITERAL.finditer(text, timeout=timeout):
            script = _decode(match.group(1), deflate, max_bytes, out)
            if script is None:
                continue
            data, layers = script
            as_text = text_of(data)
            if out.child(as_text if as_text is not None else data, technique="base64", origin_kind="decoded",
                         offset=match.start(1), length=len(match.group(1)),
                         detail=f"FromBase64String literal ({'+'.join(layers)}) of a script over the parse limit: "
                                f"{redact_head(as_text or '', 60)}",
                         type_hint=ArtifactType.POWERSHELL if as_text is not None else None):
                decoded += 1
        if decoded:
            return
        executes = _EXECUTES.search(text, timeout=timeout)
        if executes is not None and _DECODES.search(text, timeout=timeout) is not None:
            out.technique(UNREAD_DECODE_EXECUTE, executes.start(), executes.end() - executes.start(),
                          text[max(0, executes.start() - 40):executes.end() + 80])
    except TimeoutError:
        out.error(ErrorKind.LIMIT_REGEX_TIMEOUT, "powershell: the scan of a script over the parse limit timed out")


def _decode(blob: str, deflate: bool, max_bytes: int, out: LayerOutput) -> tuple[bytes, list[str]] | None:
    try:
        data = b64decode_loose(blob, max_bytes)
        if not data:
            return None
        if data.startswith(_GZIP_MAGIC):
            return decompress(data, "gzip", max_bytes), ["base64", "gzip"]
        if deflate:
            try:
                return decompress(data, "deflate", max_bytes), ["base64", "deflate"]
            except ValueError:
                pass  # not every literal is the compressed one
        return data, ["base64"]
    except DecodeLimit as exc:
        out.error(ErrorKind.LIMIT_DEOBFUSCATION_SIZE, f"powershell FromBase64String literal: {exc}")
    except ValueError as exc:
        out.error(ErrorKind.DEOBFUSCATION_DECODE_FAILED, f"powershell FromBase64String literal: {exc}")
    return None
