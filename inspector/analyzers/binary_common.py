"""Helpers the binary analyzers (PE, ELF, embedded images, type mismatch) share.

Kept apart so each analyzer file holds only its own logic: bounded entropy, the file name an
artifact claims through its URL or origin, executable-magic checks and the per-analyzer limits
read from Settings.
"""

from __future__ import annotations

import math
import posixpath
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import regex

from inspector.config import setting_default
from inspector.model import Artifact
from inspector.redact import redact_head

if TYPE_CHECKING:
    from inspector.config import Settings

# Largest e_lfanew we accept when deciding that bytes start a PE image: real linkers put the
# PE header within the first few hundred bytes; a bound keeps "MZ" noise from matching.
MAX_E_LFANEW = 0x4000


@dataclass(frozen=True)
class BinaryLimits:
    """Bounds for the binary analyzers; every one is a Settings field (see `from_settings`)."""

    entropy_sample_bytes: int = setting_default("binary_entropy_sample_bytes")
    max_sections: int = setting_default("pe_max_sections")
    max_imports: int = setting_default("pe_max_imports")
    max_exports: int = setting_default("pe_max_exports")
    max_resources: int = setting_default("pe_max_resources")
    max_children: int = setting_default("binary_max_children")
    max_child_bytes: int = setting_default("max_artifact_bytes")
    max_metadata_bytes: int = setting_default("pe_max_metadata_bytes")
    max_string_scan_bytes: int = setting_default("elf_max_string_scan_bytes")
    max_notable_strings: int = setting_default("elf_max_notable_strings")
    max_embedded_blob_chars: int = setting_default("embedded_max_blob_chars")
    max_embedded_blobs: int = setting_default("embedded_max_blobs")

    @classmethod
    def from_settings(cls, settings: Settings) -> BinaryLimits:
        return cls(
            entropy_sample_bytes=settings.binary_entropy_sample_bytes,
            max_sections=settings.pe_max_sections,
            max_imports=settings.pe_max_imports,
            max_exports=settings.pe_max_exports,
            max_resources=settings.pe_max_resources,
            max_children=settings.binary_max_children,
            max_child_bytes=settings.max_artifact_bytes,
            max_metadata_bytes=settings.pe_max_metadata_bytes,
            max_string_scan_bytes=settings.elf_max_string_scan_bytes,
            max_notable_strings=settings.elf_max_notable_strings,
            max_embedded_blob_chars=settings.embedded_max_blob_chars,
            max_embedded_blobs=settings.embedded_max_blobs,
        )


def entropy(data: bytes, sample_bytes: int = 64 * 1024) -> float:
    """Shannon entropy in bits per byte (0..8), rounded to 3 decimals.

    Regions larger than `sample_bytes` are measured on 64 evenly spaced chunks, so a 50 MB
    section costs the same as a small one; the estimate is within a few hundredths for the
    uniform regions that matter here (packed or encrypted data).
    """
    size = len(data)
    if size == 0:
        return 0.0
    if size > sample_bytes > 0:
        chunks = 64
        chunk = max(1, sample_bytes // chunks)
        stride = size // chunks
        view = memoryview(data)
        data = b"".join(bytes(view[i * stride : i * stride + chunk]) for i in range(chunks))
        size = len(data)
    counts = Counter(data)
    result = -sum((n / size) * math.log2(n / size) for n in counts.values())
    return round(result + 0.0, 3)


def is_pe_at(data: bytes, offset: int = 0) -> bool:
    """True when an MZ header at `offset` points at a `PE\\0\\0` signature inside `data`."""
    if data[offset : offset + 2] != b"MZ" or len(data) < offset + 0x40:
        return False
    e_lfanew = int.from_bytes(data[offset + 0x3C : offset + 0x40], "little")
    if not 0x40 <= e_lfanew <= MAX_E_LFANEW:
        return False
    start = offset + e_lfanew
    return data[start : start + 4] == b"PE\x00\x00"


def is_elf_at(data: bytes, offset: int = 0) -> bool:
    """True when an ELF identification (magic, class 1/2, data 1/2, version 1) starts at `offset`."""
    ident = data[offset : offset + 7]
    return len(ident) == 7 and ident[:4] == b"\x7fELF" and ident[4] in (1, 2) and ident[5] in (1, 2) and ident[6] == 1


def claimed_file_name(artifact: Artifact) -> str | None:
    """The file name the artifact's URL (or, failing that, its origin) gives it, lower-cased.

    `https://x/y/update.txt?sv=...` -> `update.txt`; origin `zip:tools/a.png` -> `a.png`.
    Returns None when neither carries a name with an extension-like dot.
    """
    for candidate in (_name_from_url(artifact.url), _name_from_origin(artifact.origin)):
        if candidate and "." in candidate.strip("."):
            return candidate.lower()
    return None


def _name_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    name = posixpath.basename(unquote(path))
    return name[:255] or None


def _name_from_origin(origin: str) -> str | None:
    # Origins are field paths (`protectedSettings.fileUris[0]`), archive members
    # (`zip:dir/file.exe`) or decoding steps (`decoded:base64`); only the last segment after a
    # slash or colon can be a file name, and field paths are not.
    tail = origin.replace("\\", "/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    if not tail or "[" in tail or tail.startswith(("settings.", "protectedSettings.", "properties.")):
        return None
    return tail[:255]


def file_extension(name: str) -> str:
    """The last extension of a file name, with its dot, lower-cased (`""` when none)."""
    _, ext = posixpath.splitext(name.lower())
    return ext


# --- notable strings in executables ---------------------------------------------------------

@dataclass(frozen=True)
class _StringRule:
    category: str
    pattern: regex.Pattern[bytes]
    # The pattern can only match where one of these occurs; when none does (nearly always),
    # the regex is not run at all. Empty: always run.
    literals: tuple[bytes, ...] = ()
    # Run on a lower-cased copy (same offsets) instead of a slow case-insensitive pattern.
    lowered: bool = False


_POOLS = (b"supportxmr", b"minexmr", b"nanopool", b"moneroocean", b"2miners", b"f2pool", b"hashvault", b"c3pool",
          b"xmrpool", b"herominers", b"nicehash", b"unmineable", b"monerohash", b"dwarfpool", b"minergate")
# Every pool name contains one of these, so five literal searches stand in for fifteen.
_POOL_ANCHORS = (b"xmr", b"pool", b"monero", b"mine", b"hash")
# Rules over the raw image (ASCII strings as linkers store them). Bounded: quantifiers have
# upper limits, the scanned prefix is capped by the caller, every search has a timeout.
NOTABLE_RULES: tuple[_StringRule, ...] = (
    _StringRule("miner", regex.compile(rb"stratum\+(?:tcp|ssl|tls)://[\x21-\x7e]{3,200}"), (b"stratum+",), lowered=True),
    _StringRule("miner", regex.compile(rb"(?:" + b"|".join(_POOLS) + rb")\.(?:com|net|org|io|pro|eu|stream)(?::\d{1,5})?"),
                _POOL_ANCHORS, lowered=True),
    _StringRule("miner", regex.compile(rb"--donate-level[= ]\d{1,3}"), (b"--donate-level",)),
    _StringRule("miner", regex.compile(rb"(?<![a-z0-9])xmrig(?![a-z0-9])"), (b"xmrig",), lowered=True),
    _StringRule("miner", regex.compile(rb"cryptonight(?:/[a-z0-9]{1,8})?|randomx"), (b"cryptonight", b"randomx"),
                lowered=True),
    # Monero primary (4...) and integrated addresses are 95/106 base58 characters; a real one
    # mixes letters and digits, which the lookaheads require (so "4444..." is not a wallet).
    _StringRule("wallet", regex.compile(
        rb"(?<![0-9A-Za-z])4[0-9AB](?=[1-9A-HJ-NP-Za-km-z]{0,92}[A-HJ-NP-Za-km-z])(?=[1-9A-HJ-NP-Za-km-z]{0,92}[1-9])"
        rb"[1-9A-HJ-NP-Za-km-z]{93}(?:[1-9A-HJ-NP-Za-km-z]{11})?(?![0-9A-Za-z])")),
    _StringRule("wallet", regex.compile(rb"(?<![0-9A-Za-z])bc1[02-9ac-hj-np-z]{38,58}(?![0-9A-Za-z])"), (b"bc1",)),
    _StringRule("reverse_shell", regex.compile(rb"/dev/(?:tcp|udp)/[0-9A-Za-z.\-]{1,64}/\d{1,5}"),
                (b"/dev/tcp/", b"/dev/udp/")),
    _StringRule("reverse_shell", regex.compile(rb"(?<![A-Za-z0-9])nc(?:at)? (?:-[a-z]{1,4} ){0,3}-e /bin/(?:ba)?sh"),
                (b"-e /bin/",)),
    _StringRule("preload_hijack", regex.compile(rb"/etc/ld\.so\.preload"), (b"/etc/ld.so.preload",)),
)


def notable_strings(data: bytes, *, max_bytes: int, max_strings: int, timeout: float) -> dict[str, list[str]]:
    """Distinct matches per category in the first `max_bytes` of `data`, each at most 120 chars
    and redacted (a stratum URL may carry the pool password).

    A category whose search times out is reported with what it found so far; the caller treats
    a timeout as "not found" rather than failing the analysis.
    """
    view = data[:max_bytes]
    lowered: bytes | None = None
    found: dict[str, list[str]] = {}
    for rule in NOTABLE_RULES:
        if rule.lowered and lowered is None:
            lowered = view.lower()  # bytes.lower() keeps every offset
        haystack = lowered if rule.lowered and lowered is not None else view
        if rule.literals and not any(literal in haystack for literal in rule.literals):
            continue
        values = found.setdefault(rule.category, [])
        try:
            for match in rule.pattern.finditer(haystack, timeout=timeout):
                # Miner command lines carry pool passwords and tokens; they must not reach the verdict.
                matched = view[match.start() : match.end()].decode("ascii", "replace")
                text = redact_head(matched, 120)
                if text not in values:
                    values.append(text)
                if len(values) >= max_strings:
                    break
        except TimeoutError:
            pass
    return {category: values[:max_strings] for category, values in found.items() if values}
