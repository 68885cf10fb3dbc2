"""Secret removal for everything that leaves the process: logs, responses, snippets, URLs.

Payload text is attacker-controlled and may be huge, so every pattern here is bounded and
runs with a timeout; on timeout the text is replaced whole rather than risk leaking.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import regex

REDACTED = "[REDACTED]"

# Query parameters that carry SAS signatures, tokens or keys.
SECRET_QUERY_KEYS = frozenset(
    {"sig", "sv", "se", "sp", "st", "spr", "srt", "ss", "skoid", "sktid", "skt", "ske", "sks", "skv",
     "token", "access_token", "code", "key", "api_key", "apikey", "password", "secret", "client_secret"}
)

_TEXT_PATTERNS: list[regex.Pattern[str]] = [
    # SAS query strings inside text: keep the parameter name, drop its value.
    regex.compile(r"(?i)(?<=[?&](?:sig|se|sv|sp|st|spr|srt|ss|skoid|sktid|ske|skv)=)[^&\s\"'<>]{1,2048}"),
    # Bearer tokens and JWTs.
    regex.compile(r"(?i)(?<=bearer\s{1,8})[A-Za-z0-9\-._~+/]{8,4096}=*"),
    regex.compile(r"eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{0,4096}"),
    # Storage account keys (88 base64 chars ending in ==) and connection strings.
    regex.compile(r"(?i)(?<=AccountKey=)[A-Za-z0-9+/=]{20,200}"),
    regex.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])"),
    # key=value / key: value secrets in command lines and configs.
    regex.compile(
        r"(?i)(?<=\b(?:password|passwd|pwd|secret|client_?secret|storageAccountKey|accountkey|passphrase|"
        r"runAsPassword|AADClientSecret)[\"']?\s{0,4}[=:]\s{0,4}[\"']?)[^\s\"'&;,]{1,512}"
    ),
]


def redact_text(text: str, timeout: float = 0.5) -> str:
    """Remove secrets from free text (snippets, log fields, error details)."""
    if not text:
        return text
    try:
        for pattern in _TEXT_PATTERNS:
            text = pattern.sub(REDACTED, text, timeout=timeout)
    except TimeoutError:
        return REDACTED
    return text


def redact_url(url: str) -> str:
    """Drop credentials in the userinfo part and the values of secret query parameters."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return redact_text(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = REDACTED + "@" + netloc.rsplit("@", 1)[1]
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(k, REDACTED if k.lower() in SECRET_QUERY_KEYS else v) for k, v in pairs], safe="[]"
        )
    return redact_text(urlunsplit((parts.scheme, netloc, parts.path, query, "")))
