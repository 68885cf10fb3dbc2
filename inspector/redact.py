"""Secret removal for everything that leaves the process: logs, responses, snippets, URLs.

Payload text is attacker-controlled and may be huge, so every pattern here is bounded and
runs with a timeout; on timeout the text is replaced whole rather than risk leaking.
"""

from __future__ import annotations

import re
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
    # Command-line password flags: -p X, --password X, -Password X, /p:X. Values that are clearly
    # not secrets stay readable for analysts: other flags, paths, $variables, (subexpressions),
    # and port numbers/mappings (ssh -p 22, docker -p 80:80).
    regex.compile(
        r"(?i)(?<=(?:^|[\s\"'])(?:--?|/)(?:password|passwd|pass|pwd|p)(?:[:=]|\s{1,4})[\"']?)"
        r"(?![-/$(]|\d{1,5}(?::\d{1,5})?(?:[\s\"']|$))[^\s\"']{1,256}"
    ),
    # net user NAME PASSWORD [/add]: the password is positional.
    regex.compile(
        r"(?i)(?<=\bnet1?(?:\.exe)?\s{1,4}user\s{1,4}(?:\"[^\"]{1,64}\"|[^\s\"/]{1,64})\s{1,4})[^\s/*][^\s]{0,255}"
    ),
    # ConvertTo-SecureString 'literal' -AsPlainText
    regex.compile(r"(?i)(?<=ConvertTo-SecureString\s{1,4}(?:-String\s{1,4})?[\"'])[^\"']{1,256}(?=[\"'])"),
    # echo 'user:password' | chpasswd   and   echo 'password' | passwd --stdin user
    regex.compile(
        r"(?i)(?<=echo\s{1,4}(?:-e\s{1,4})?[\"']?[\w.$-]{1,64}:)[^\s\"'|]{1,256}"
        r"(?=[\"']?\s{0,4}\|\s{0,4}(?:sudo\s{1,4})?chpasswd)"
    ),
    regex.compile(
        r"(?i)(?<=echo\s{1,4}(?:-e\s{1,4})?[\"']?)[^\s\"'|]{1,256}(?=[\"']?\s{0,4}\|\s{0,4}(?:sudo\s{1,4})?passwd\b)"
    ),
    # Tokens and API keys: TOKEN=x, api_key: x, --token x, -ApiKey x.
    regex.compile(
        r"(?i)(?<=\b(?:[a-z_]{0,20}_)?(?:token|access_?token|api_?key|sas_?token|client_?secret)[\"']?\s{0,4}[=:]\s{0,4}[\"']?)"
        r"[^\s\"'&;,]{1,512}"
    ),
    regex.compile(r"(?i)(?<=(?:^|[\s\"'])--?[a-z]{0,20}(?:token|api-?key)\s{1,4}[\"']?)(?![-$(])[^\s\"']{1,512}"),
    # PEM private keys (VMAccess ssh_key given a private key by mistake, keys in scripts).
    regex.compile(
        r"-----BEGIN [A-Z0-9 ]{0,24}PRIVATE KEY-----[A-Za-z0-9+/=\s:,\-]{0,16384}?-----END [A-Z0-9 ]{0,24}PRIVATE KEY-----"
    ),
]


# Every pattern above needs one of these substrings to match: text without any is returned as is
# (a request can hold hundreds of thousands of short strings; most need no pattern at all).
# Keep it a superset when adding a pattern.
_SECRET_HINTS = ("=", ":", "bearer", "eyj", "-p", "/p", "user", "securestring", "passwd", "private key", "token", "key")


def _literals(hints: tuple[str, ...]) -> re.Pattern[str]:
    """One search for any of the literal hints. The standard library's engine on purpose: on
    literals it is as exact as `in`, and unlike `regex` it keeps the GIL for these few
    microseconds, where a release on the service's event loop can cost a thread switch."""
    return re.compile("|".join(re.escape(hint) for hint in hints))


_SECRET_HINT_SEARCH = _literals(_SECRET_HINTS)


def _might_hold_secret(text: str) -> bool:
    return _SECRET_HINT_SEARCH.search(text.lower()) is not None


# What each pattern of _TEXT_PATTERNS (same order) needs in the lower-cased ASCII text: a pattern
# runs only when one of its hints is there. A URL or a snippet holds ':' or '=' and so passes
# _might_hold_secret, yet usually needs one or two patterns, not all fifteen. Keep each tuple a
# superset of what its pattern can match.
_PATTERN_HINTS: tuple[tuple[str, ...], ...] = (
    ("=",),  # ?sig= &se= ...
    ("bearer",),
    ("eyj",),
    ("accountkey=",),
    ("==",),
    ("pass", "pwd", "secret", "key"),  # password|passwd|pwd|secret|client_secret|...AccountKey|passphrase
    ("-p", "/p"),
    ("user",),
    ("securestring",),
    ("chpasswd",),
    ("passwd",),
    ("token", "api", "secret"),  # token|access_token|api_key|sas_token|client_secret
    ("token", "api"),
    ("private key",),
)
assert len(_PATTERN_HINTS) == len(_TEXT_PATTERNS)
_PATTERN_HINT_SEARCHES = tuple(_literals(hints) for hints in _PATTERN_HINTS)


def redact_text(text: str, timeout: float = 0.5) -> str:
    """Remove secrets from free text (snippets, log fields, error details)."""
    if not text:
        return text
    try:
        if not _might_hold_secret(text):
            return text
        # Case-insensitive patterns can match non-ASCII letters that fold onto ASCII ones
        # (the Kelvin sign K), so the hints only rule patterns out for ASCII text.
        ascii_only = text.isascii()
        low = text.lower()
        for pattern, hints in zip(_TEXT_PATTERNS, _PATTERN_HINT_SEARCHES, strict=True):
            if ascii_only and hints.search(low) is None:
                continue
            redacted = pattern.sub(REDACTED, text, timeout=timeout)
            if redacted != text:
                text = redacted
                ascii_only = text.isascii()
                low = text.lower()
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


# --- structured redaction: JSON requests (extension bodies, Run Command, activity-log events)

# A key is secret when its normalised name (casefolded, without _ - and spaces) contains one of
# these: storageAccountKey, configurationUrlSasToken, SasToken, AADClientSecret, AADClientCertificate,
# Passphrase, runAsPassword, adminPassword, ...
_SECRET_KEY_PARTS = (
    "password", "passwd", "secret", "sastoken", "passphrase", "privatekey", "accountkey", "accesstoken",
    "refreshtoken", "idtoken", "apikey", "clientcertificate", "connectionstring",
)
_SECRET_KEYS_EXACT = frozenset({"pwd", "sig", "token", "bearer"})
# An HTTP Authorization header value is secret; an activity log's `authorization` {action, scope} is not.
_SECRET_HEADER_KEYS = frozenset({"authorization"})
# Containers whose every value is a secret whatever its name: DSC old-format protected `Items`.
_SECRET_CONTAINERS = frozenset({"items"})
# Lists of {name, value} whose values are secret: Run Command `protectedParameters`.
_SECRET_PARAMETER_LISTS = frozenset({"protectedparameters"})
# Identity fields of activity-log events: personal data.
_IDENTITY_KEYS = frozenset({"caller"})
_PERSONAL_KEYS = frozenset(
    {"calleripaddress", "clientipaddress", "ipaddress", "ipaddr", "upn", "email", "emailaddress", "uniquename"}
)
# Claims that say nothing about the person (token audience, issuer, tenant, app, times, methods).
_NEUTRAL_CLAIMS = frozenset(
    {"aud", "iss", "iat", "nbf", "exp", "appid", "appidacr", "azp", "azpacr", "tid", "tenantid", "ver",
     "idtyp", "acr", "amr", "authnmethodsreferences", "authnclassreference", "scope", "scp", "wids", "xms_tcdt",
     "identityprovider", "objectidentifier", "oid"}
)
_GUID = regex.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_EMAIL = regex.compile(r"^[^@\s]{1,256}@([A-Za-z0-9.-]{1,253})$")
_URL_START = regex.compile(r"^[A-Za-z][A-Za-z0-9+.-]{0,30}://")


def _norm_key(key: object) -> str:
    return str(key).casefold().replace("_", "").replace("-", "").replace(" ", "")


def is_secret_key(key: object) -> bool:
    """True when a JSON key names a secret (password, SAS token, storage key, client secret...)."""
    name = _norm_key(key)
    return name in _SECRET_KEYS_EXACT or any(part in name for part in _SECRET_KEY_PARTS)


def redact_identity(value: str) -> str:
    """A caller identity without personal data: object/app ids (GUIDs) stay, a UPN keeps its domain."""
    value = value.strip()
    if _GUID.match(value):
        return value
    email = _EMAIL.match(value)
    if email:
        return f"{REDACTED}@{email.group(1)}"
    return REDACTED


def redact_string(value: str, timeout: float = 0.5) -> str:
    """A string value of unknown meaning: URL rules for URLs, free-text rules otherwise."""
    if _URL_START.match(value):
        return redact_url(value)
    return redact_text(value, timeout=timeout)


class _Budget:
    """How many strings one redact_json call may still run the text patterns on."""

    def __init__(self, strings: int) -> None:
        self.left = strings

    def redact(self, value: str, timeout: float) -> str:
        if not _might_hold_secret(value):
            return value
        if self.left <= 0:
            return REDACTED  # out of budget: hide rather than risk a leak
        self.left -= 1
        return redact_string(value, timeout)


def _all_secret(value: object, depth: int, max_depth: int) -> object:
    """Keep the shape (keys, list lengths) but replace every scalar that could hold a secret."""
    if depth > max_depth:
        return REDACTED
    if isinstance(value, dict):
        return {k: _all_secret(v, depth + 1, max_depth) for k, v in value.items()}
    if isinstance(value, list):
        return [_all_secret(v, depth + 1, max_depth) for v in value]
    if value is None or isinstance(value, bool):
        return value
    return REDACTED


def redact_json(value: object, *, max_depth: int = 64, timeout: float = 0.5, max_strings: int = 5000) -> object:
    """A copy of a JSON document with every secret and personal datum replaced by "[REDACTED]".

    Keys are matched case-insensitively. Secret keys (see `is_secret_key`), DSC `Items`, the values
    of `protectedParameters`, {name, value} pairs whose name is secret, and activity-log identity
    (caller, IP addresses, claims other than neutral ones) are replaced; every other string goes
    through `redact_string`, so SAS queries, bearer tokens and command-line passwords are scrubbed
    inside commands and URLs while the rest stays readable. Nesting beyond `max_depth` is dropped.
    The text patterns run on at most `max_strings` strings (a hostile document can hold millions);
    beyond that, strings that could hold a secret are replaced whole.
    """
    return _redact(value, 0, max_depth, timeout, _Budget(max_strings))


def _redact(value: object, depth: int, max_depth: int, timeout: float, budget: _Budget) -> object:
    if depth > max_depth:
        return REDACTED
    if isinstance(value, str):
        return budget.redact(value, timeout)
    if isinstance(value, list):
        return [_redact(v, depth + 1, max_depth, timeout, budget) for v in value]
    if not isinstance(value, dict):
        return value
    secret_pair = _secret_name_value_pair(value)
    out: dict[object, object] = {}
    for key, item in value.items():
        name = _norm_key(key)
        if secret_pair and name == "value":
            out[key] = _all_secret(item, depth + 1, max_depth)
        elif (is_secret_key(key) or (name in _SECRET_CONTAINERS and isinstance(item, dict))
              or (name in _SECRET_HEADER_KEYS and not isinstance(item, (dict, list)))):
            out[key] = _all_secret(item, depth + 1, max_depth)
        elif name in _SECRET_PARAMETER_LISTS:
            out[key] = _redact_parameters(item, depth + 1, max_depth, timeout, budget)
        elif name in _IDENTITY_KEYS and isinstance(item, str):
            out[key] = redact_identity(item)
        elif name in _PERSONAL_KEYS:
            out[key] = _all_secret(item, depth + 1, max_depth)
        elif name == "claims" and isinstance(item, dict):
            out[key] = _redact_claims(item, depth + 1, max_depth, timeout, budget)
        else:
            out[key] = _redact(item, depth + 1, max_depth, timeout, budget)
    return out


def _secret_name_value_pair(value: dict[object, object]) -> bool:
    for key, item in value.items():
        if _norm_key(key) == "name" and isinstance(item, str) and is_secret_key(item):
            return True
    return False


def _redact_parameters(value: object, depth: int, max_depth: int, timeout: float, budget: _Budget) -> object:
    """protectedParameters: keep each parameter's name, hide everything else."""
    if not isinstance(value, list):
        return _all_secret(value, depth, max_depth)
    out: list[object] = []
    for entry in value:
        if isinstance(entry, dict):
            out.append({k: (_redact(v, depth + 1, max_depth, timeout, budget) if _norm_key(k) == "name"
                            else _all_secret(v, depth + 1, max_depth)) for k, v in entry.items()})
        else:
            out.append(_all_secret(entry, depth + 1, max_depth))
    return out


def _redact_claims(claims: dict[object, object], depth: int, max_depth: int, timeout: float, budget: _Budget) -> object:
    """Claim names are often URIs (.../claims/upn): judge them by their last segment."""
    out: dict[object, object] = {}
    for key, item in claims.items():
        short = _norm_key(str(key).rstrip("/").rsplit("/", 1)[-1])
        out[key] = _redact(item, depth + 1, max_depth, timeout, budget) if short in _NEUTRAL_CLAIMS else _all_secret(
            item, depth + 1, max_depth
        )
    return out
