"""Secret removal for everything that leaves the process: logs, responses, snippets, URLs.

Payload text is attacker-controlled and may be huge, so every pattern here is bounded and
runs with a timeout; on timeout the text is replaced whole rather than risk leaking.

One function decides what a secret in free text is, `secret_spans`; `redact_text` (whole
strings), `redact_quote` (evidence cut out of a larger text) and `redact_json` (structured
requests) all rest on it. docs/redaction.md lists the shapes recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import regex

REDACTED = "[REDACTED]"

# Query parameters that carry SAS signatures, tokens or keys.
SECRET_QUERY_KEYS = frozenset(
    {"sig", "sv", "se", "sp", "st", "spr", "srt", "ss", "skoid", "sktid", "skt", "ske", "sks", "skv",
     "token", "access_token", "code", "key", "api_key", "apikey", "password", "secret", "client_secret"}
)


def _literals(hints: tuple[str, ...]) -> re.Pattern[str]:
    """One search for any of the literal hints. The standard library's engine on purpose: on
    literals it is as exact as `in`, and unlike `regex` it keeps the GIL for these few
    microseconds, where a release on the service's event loop can cost a thread switch."""
    return re.compile("|".join(re.escape(hint) for hint in hints))


@dataclass(frozen=True)
class SecretShape:
    """One way a secret appears in free text: a bounded pattern whose group `secret` is the
    secret value (the context around it stays readable), and `hints`, lower-case literals of
    which every text the pattern can match holds at least one (the pattern is skipped on text
    holding none). Patterns start with their context, not with a look-behind: a literal to
    search for is much faster than a look-behind tried at every position."""

    name: str
    pattern: regex.Pattern[str]
    hints: tuple[str, ...]
    hint_search: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if "secret" not in self.pattern.groupindex:
            raise ValueError(f"secret shape {self.name} has no group named 'secret'")
        object.__setattr__(self, "hint_search", _literals(self.hints))

    def spans(self, text: str, timeout: float) -> list[tuple[int, int]]:
        spans = (match.span("secret") for match in self.pattern.finditer(text, timeout=timeout))
        return [span for span in spans if span[0] >= 0]


def _shape(name: str, pattern: str, *hints: str) -> SecretShape:
    return SecretShape(name, regex.compile(pattern), hints)


def _quoted_or_bare(bare: str = r"(?![\"'])[^\s\"'&;,]{1,512}") -> str:
    """A value: the inside of a quoted one (spaces included), or a bare word."""
    return rf"(?:[\"'](?P<secret>[^\"'\n]{{1,512}})[\"']|(?P<secret>{bare}))"


_H = r"[ \t]"  # spacing inside one command line
_START = r"(?:^|(?<=[\s\"']))"  # where a command-line word starts
_SECRET_WORDS = (
    r"(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|access[_-]?key|account[_-]?key|workspace[_-]?key|"
    r"primary[_-]?key|secondary[_-]?key|master[_-]?key|shared[_-]?access[_-]?key|subscription[_-]?key|"
    r"functions?[_-]?key|private[_-]?key|credentials?)"
)
_SECRET_WORD_HINTS = ("pass", "pwd", "secret", "token", "key", "credential")

_SHAPES: tuple[SecretShape, ...] = (
    # SAS query strings inside text: keep the parameter name, drop its value.
    _shape("sas_query", r"(?i)[?&](?:sig|se|sv|sp|st|spr|srt|ss|skoid|sktid|ske|skv)=(?P<secret>[^&\s\"'<>]{1,2048})",
           "="),
    # Bearer tokens and JWTs.
    _shape("bearer", r"(?i)bearer\s{1,8}(?P<secret>[A-Za-z0-9\-._~+/]{8,4096}=*)", "bearer"),
    _shape("jwt", r"(?P<secret>eyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{0,4096})", "eyj"),
    # Any Authorization header or field: the credentials after the scheme word (Basic, Bearer,
    # token, SharedKey, ...), or the whole value when there is no scheme word.
    _shape("authorization",
           rf"(?i)authorization[\"']?{_H}{{0,4}}[:=]{_H}{{0,4}}[\"']?"
           rf"(?:[a-z][a-z0-9-]{{0,24}}{_H}{{1,4}}(?P<secret>(?![$({{\[])[^\s\"';,]{{1,4096}})"
           r"|(?P<secret>(?![$({\[])[^\s\"';,]{1,4096}))", "authorization"),
    # Storage account keys (88 base64 chars ending in ==) and connection strings.
    _shape("account_key", r"(?i)AccountKey=(?P<secret>[A-Za-z0-9+/=]{20,200})", "accountkey="),
    _shape("storage_key", r"(?<![A-Za-z0-9+/])(?P<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])", "=="),
    # name=value / name: value where the name ends in a secret word: DB_PASSWORD=, "workspaceKey": "...",
    # x-api-key: ..., aws_secret_access_key = ..., PGPASSWORD=..., gitToken=... Not inside a URL's
    # authority (https://x-access-token:TOKEN@host): url_userinfo takes that one and keeps the host.
    _shape("secret_assignment",
           rf"(?i)(?<!://[^\s/@]{{0,64}}){_SECRET_WORDS}[\"']?{_H}{{0,4}}[=:]{_H}{{0,4}}" + _quoted_or_bare(),
           *_SECRET_WORD_HINTS),
    # Shell and PowerShell variables named like a secret: $env:PW='...', $AdminPw = "...", DB_PASS=... cmd.
    _shape("secret_variable",
           r"(?i)(?:\$env:|\$|^|(?<=[\s;&|(]))[a-z0-9_]{0,40}?(?:pw|pwd|pass|passwd|password|secret|token|apikey|"
           rf"api_key|_key|credentials?|creds?){_H}{{0,4}}={_H}{{0,4}}"
           + _quoted_or_bare(r"(?![\"'$(%])[^\s\"';&|]{1,512}"),
           "pw", "pass", "secret", "token", "key", "cred"),
    # Short password flags: -p X, -pass X, -pwd X, /p:X. Values that are clearly not secrets stay
    # readable for analysts: other flags, paths, $variables, (subexpressions), and port numbers
    # or mappings (ssh -p 22, docker -p 80:80).
    _shape("short_password_flag",
           rf"(?i){_START}(?:--?|/)(?:password|passwd|pass|pwd|p)(?:[:=]|\s{{1,4}})[\"']?"
           r"(?P<secret>(?![-/$(]|\d{1,5}(?::\d{1,5})?(?:[\s\"']|$))[^\s\"']{1,256})", "-p", "/p"),
    # Long flags named like a secret: --client-secret X, -NuGetApiKey X, --token=X, -Password X.
    _shape("secret_flag",
           rf"(?i){_START}(?:--?|/)[a-z-]{{0,30}}?{_SECRET_WORDS}(?:[:=]|{_H}{{1,4}})[\"']?"
           r"(?P<secret>(?![-$(])[^\s\"']{1,512})", *_SECRET_WORD_HINTS),
    # A password glued to -p: mysql -pX, sshpass -pX, 7z a -pX.
    _shape("attached_p_flag",
           rf"(?i)\b(?:mysql\w{{0,10}}|mariadb\w{{0,10}}|sshpass|7za?|7zr)(?:\.exe)?\b[^\n|;&]{{0,200}}?{_H}(?-i:-p)"
           r"[\"']?(?P<secret>(?!-)[^\s\"'|;&]{1,256})", "mysql", "mariadb", "sshpass", "7z"),
    # user:password after -u / --user / --proxy-user (curl, wget, psexec...), user%password (smbclient -U).
    _shape("user_password_pair",
           rf"(?i){_START}(?:-u|--user|--proxy-user)(?:{_H}{{1,4}}|=)[\"']?[^\s:%\"'$]{{1,128}}[:%]"
           r"(?P<secret>(?![$(]|\d{1,10}(?:[\s\"']|$))[^\s\"']{1,256})", "-u"),
    # Credentials inside a URL anywhere in text: scheme://user:password@host (the fetch log's rule).
    _shape("url_userinfo", r"://(?P<secret>[^\s/?#@\"'<>\\]{1,256})@", "://"),
    # net user NAME PASSWORD [/add]: the password is positional.
    _shape("net_user",
           r"(?i)\bnet1?(?:\.exe)?\s{1,4}user\s{1,4}(?:\"[^\"]{1,64}\"|[^\s\"/]{1,64})\s{1,4}"
           r"(?P<secret>[^\s/*][^\s]{0,255})", "user"),
    # net use \\host\share PASSWORD /user:X   and   net use ... /user:X PASSWORD
    _shape("net_use_after_user",
           rf"(?i)\bnet1?(?:\.exe)?{_H}{{1,4}}use\b[^\n|;&]{{0,300}}?{_H}/u(?:ser)?:(?:\"[^\"\n]{{1,128}}\"|[^\s\"]{{1,128}})"
           rf"{_H}{{1,4}}(?P<secret>(?![/*])[^\s]{{1,256}})", "use"),
    _shape("net_use_before_user",
           rf"(?i)\bnet1?(?:\.exe)?{_H}{{1,4}}use{_H}{{1,4}}(?:[a-z]:{_H}{{1,4}}|\*{_H}{{1,4}})?\\\\[^\s]{{1,256}}"
           rf"{_H}{{1,4}}(?P<secret>(?![/*])[^\s]{{1,256}})", "use"),
    # ConvertTo-SecureString 'literal' -AsPlainText (any parameter order), and 'literal' | ConvertTo-SecureString.
    _shape("securestring_literal",
           rf"(?i)ConvertTo-SecureString(?:{_H}{{1,4}}-(?:AsPlainText|Force|String)(?::\$true)?){{0,4}}{_H}{{1,4}}"
           + _quoted_or_bare(r"(?![\"'$(-])[^\s\"'()]{1,512}"), "securestring"),
    _shape("securestring_piped",
           rf"(?i)[\"'](?P<secret>[^\"'\n]{{1,256}})[\"']{_H}{{0,4}}\|{_H}{{0,4}}ConvertTo-SecureString", "securestring"),
    # New-Object System.Net.NetworkCredential('user', 'password')
    _shape("network_credential",
           rf"(?i)NetworkCredential{_H}{{0,4}}(?:\(|{_H}-ArgumentList){_H}{{0,4}}[\"'][^\"'\n]{{0,128}}[\"']{_H}{{0,4}},"
           rf"{_H}{{0,4}}[\"'](?P<secret>[^\"'\n]{{1,256}})[\"']", "networkcredential"),
    # echo 'user:password' | chpasswd   and   echo 'password' | passwd --stdin user
    _shape("chpasswd_echo",
           r"(?i)echo\s{1,4}(?:-e\s{1,4})?[\"']?[\w.$-]{1,64}:(?P<secret>[^\s\"'|]{1,256})"
           r"[\"']?\s{0,4}\|\s{0,4}(?:sudo\s{1,4})?chpasswd", "chpasswd"),
    _shape("passwd_stdin_echo",
           r"(?i)echo\s{1,4}(?:-e\s{1,4})?[\"']?(?P<secret>[^\s\"'|]{1,256})[\"']?\s{0,4}\|\s{0,4}(?:sudo\s{1,4})?passwd\b",
           "passwd"),
    # The last word piped into a --password-stdin login: echo PW | docker login -u bob --password-stdin.
    _shape("password_stdin",
           rf"(?i)(?<=[\s\"'])(?P<secret>[^\s\"'|]{{1,256}})[\"']?{_H}{{0,4}}\|[^\n|]{{0,200}}--password-stdin",
           "password-stdin"),
    # htpasswd -b [-c ...] file user PASSWORD, htpasswd -nb user PASSWORD: the last word of the command.
    _shape("htpasswd_batch",
           rf"(?i)\bhtpasswd\b[^\n|;&<>]{{0,300}}?{_H}-[a-z]{{0,6}}b[a-z]{{0,6}}\b[^\n|;&<>]{{0,300}}?{_H}"
           rf"(?P<secret>(?![-\"'])[^\s|;&<>]{{1,256}})(?={_H}{{0,4}}(?:[|;&\r\n<>]|\d?>|\Z))", "htpasswd"),
    # Other command-line credential forms: ldapsearch -w PW, redis-cli -a PW, openssl -passin pass:PW,
    # schtasks /RP PW, aws configure set aws_secret_access_key X.
    _shape("ldap_bind_password",
           rf"\bldap\w{{0,12}}\b[^\n|;&]{{0,200}}?{_H}-w{_H}{{1,4}}[\"']?(?P<secret>(?!-)[^\s\"']{{1,256}})", "ldap"),
    _shape("redis_password",
           rf"(?i)\bredis-cli\b[^\n|;&]{{0,200}}?{_H}-a{_H}{{1,4}}[\"']?(?P<secret>(?!-)[^\s\"']{{1,256}})", "redis-cli"),
    _shape("openssl_pass", rf"(?i)-pass(?:in|out)?{_H}{{1,4}}[\"']?pass:(?P<secret>[^\s\"']{{1,256}})", "pass:"),
    _shape("schtasks_run_password", rf"(?i){_H}/rp{_H}{{1,4}}[\"']?(?P<secret>(?![/*\"'])[^\s\"']{{1,256}})", "/rp"),
    _shape("aws_configure_secret",
           rf"(?i)\baws{_H}{{1,4}}configure{_H}{{1,4}}set{_H}{{1,4}}(?:[a-z0-9_.-]{{0,40}}\.)?"
           rf"(?:aws_secret_access_key|aws_session_token){_H}{{1,4}}[\"']?(?P<secret>[^\s\"']{{1,512}})",
           "aws_secret_access_key", "aws_session_token"),
    # Tokens recognisable by their shape alone, wherever they are.
    _shape("github_token",
           r"(?<![A-Za-z0-9_])(?P<secret>gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255})",
           "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    _shape("aws_access_key_id", r"(?<![A-Z0-9])(?P<secret>(?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Z0-9])", "akia", "asia"),
    _shape("slack_token", r"(?<![A-Za-z0-9])(?P<secret>xox[abposre]-[A-Za-z0-9-]{10,250})", "xox"),
    _shape("slack_webhook",
           r"(?i)hooks\.slack\.com/(?:services|workflows|triggers)/(?P<secret>[A-Za-z0-9/_-]{8,256})", "hooks.slack.com"),
    # PEM private keys (VMAccess ssh_key given a private key by mistake, keys in scripts).
    _shape("pem_private_key",
           r"(?P<secret>-----BEGIN [A-Z0-9 ]{0,24}PRIVATE KEY-----[A-Za-z0-9+/=\s:,\-]{0,16384}?"
           r"-----END [A-Z0-9 ]{0,24}PRIVATE KEY-----)", "private key"),
)

# Every shape needs one of these substrings (each holds one of them, see the test): text without
# any is returned as is (a request can hold hundreds of thousands of short strings; most need no
# pattern at all). Keep it covering every shape's hints when adding a shape.
_SECRET_HINTS = (
    "=", ":", "bearer", "eyj", "-p", "/p", "-u", "use", "pass", "pw", "secret", "token", "key", "cred",
    "authorization", "securestring", "mysql", "mariadb", "7z", "ldap", "redis-cli", "/rp",
    "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "akia", "asia", "xox", "hooks.slack.com",
)
_SECRET_HINT_SEARCH = _literals(_SECRET_HINTS)


def _might_hold_secret(text: str) -> bool:
    return _SECRET_HINT_SEARCH.search(text.lower()) is not None


def secret_spans(text: str, timeout: float = 0.5) -> list[tuple[int, int]]:
    """Where the secrets of `text` are: sorted, disjoint (start, end) spans, touching ones joined.

    Every shape looks at the text as given, so what one shape finds does not hide context from
    another. Raises TimeoutError when a pattern runs out of time.
    """
    if not text or not _might_hold_secret(text):
        return []
    # Case-insensitive patterns can match non-ASCII letters that fold onto ASCII ones (the
    # Kelvin sign K), so the hints only rule shapes out for ASCII text.
    ascii_only = text.isascii()
    low = text.lower()
    found: list[tuple[int, int]] = []
    for shape in _SHAPES:
        if ascii_only and shape.hint_search.search(low) is None:
            continue
        found.extend(shape.spans(text, timeout))
    return _joined(found)


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            if end > joined[-1][1]:
                joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _replaced(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    kept = 0
    for start, end in spans:
        parts.append(text[kept:start])
        parts.append(REDACTED)
        kept = end
    parts.append(text[kept:])
    return "".join(parts)


def redact_text(text: str, timeout: float = 0.5) -> str:
    """Remove secrets from free text (snippets, log fields, error details)."""
    if not text:
        return text
    try:
        return _replaced(text, secret_spans(text, timeout))
    except TimeoutError:
        return REDACTED


# How much text around a quote is searched for the secrets it may cut through: more than the
# longest bounded value above (512) with its context; a PEM key is searched over its whole extent.
QUOTE_CONTEXT_CHARS = 1024
_MAX_QUOTE_EXTENT = 20_000
# A piece of a secret shorter than this is not searched for in a quote that is not a plain cut
# of the text: it would match ordinary words, and says little about the secret.
_SHORTEST_REPLACED_FRAGMENT = 4


def redact_quote(text: str, start: int, quote: str, *, length: int | None = None, limit: int = 200,
                 timeout: float = 0.5) -> str:
    """`quote`, shortened to about `limit` characters, without the secrets `text` holds where it was taken.

    `quote` is evidence cut from `text` at `start` (`length` characters of it when known): as is,
    shortened, or with its whitespace collapsed. Secrets are looked for in the text around it, so
    one that the quote's edges cut through is still recognised and removed whole, rather than
    left part-shown where no pattern could tell it is a secret. A quote not found at `start`
    (decoded content, say) is redacted by itself, and any secret of the text at that place is
    also taken out of it.
    """
    if not quote:
        return quote
    head = quote[:limit]
    extent_end = start + (length if length is not None else len(quote))
    if 0 <= start and text.startswith(head, start):  # a plain cut: no character-by-character walk
        return _redact_cut(text, start, start + len(head), extent_end, timeout)[:limit]
    positions = _aligned(head, text, start)
    if positions is None:
        return _redact_unaligned(quote, text, start, extent_end, timeout)[:limit]
    try:
        low, spans = _spans_around(text, positions[0], positions[-1] + 1, extent_end, timeout)
    except TimeoutError:
        return REDACTED
    parts: list[str] = []
    span_index = 0
    in_secret = False
    for char, position in zip(head, positions, strict=True):
        offset = position - low
        while span_index < len(spans) and spans[span_index][1] <= offset:
            span_index += 1
        secret = span_index < len(spans) and spans[span_index][0] <= offset
        if secret and not in_secret:
            parts.append(REDACTED)
        elif not secret:
            parts.append(char)
        in_secret = secret
    return "".join(parts)[:limit]


def redact_head(text: str, chars: int) -> str:
    """The first `chars` characters of `text` (about: a secret becomes "[REDACTED]"), redacted
    before the cut, so a secret the cut runs through is still recognised."""
    if len(text) <= chars:
        return redact_text(text)
    return redact_quote(text, 0, text[:chars], limit=chars)


def _spans_around(text: str, start: int, end: int, extent_end: int,
                  timeout: float) -> tuple[int, list[tuple[int, int]]]:
    """The secrets of the text around [start, end) (and on to `extent_end`, within bounds), as
    spans relative to the returned offset of the window searched."""
    low = max(0, start - QUOTE_CONTEXT_CHARS)
    high = min(len(text), max(end, extent_end) + QUOTE_CONTEXT_CHARS, end + _MAX_QUOTE_EXTENT)
    return low, secret_spans(text[low:high], timeout)


def _redact_cut(text: str, start: int, end: int, extent_end: int, timeout: float) -> str:
    try:
        low, spans = _spans_around(text, start, end, extent_end, timeout)
    except TimeoutError:
        return REDACTED
    inside = [(max(s + low, start) - start, min(e + low, end) - start) for s, e in spans
              if s + low < end and e + low > start]
    return _replaced(text[start:end], inside)


def _aligned(quote: str, text: str, start: int) -> list[int] | None:
    """The position in `text` of each character of `quote` read from `start`, where a run of
    whitespace in the text may stand as one space in the quote; None when the quote is not there."""
    if not 0 <= start <= len(text):
        return None
    positions: list[int] = []
    at = start
    end = len(text)
    if quote and not quote[0].isspace():  # a collapsed quote loses the text's leading whitespace
        while at < end and text[at].isspace() and at - start < QUOTE_CONTEXT_CHARS:
            at += 1
    for index, char in enumerate(quote):
        if at >= end:
            return None
        if char.isspace() and text[at].isspace():
            positions.append(at)
            at += 1
            next_is_space = index + 1 < len(quote) and quote[index + 1].isspace()
            while not next_is_space and at < end and text[at].isspace():
                at += 1
        elif text[at] == char:
            positions.append(at)
            at += 1
        else:
            return None
    return positions


def _redact_unaligned(quote: str, text: str, start: int, end: int, timeout: float) -> str:
    """A quote that is not a plain cut of the text: its own secrets, and those of the text at its place."""
    shown = redact_text(quote, timeout)
    start = min(max(start, 0), len(text))
    try:
        low, spans = _spans_around(text, start, start, end, timeout)
    except TimeoutError:
        return REDACTED
    inside = [text[low + max(s, start - low):low + min(e, end - low)] for s, e in spans
              if s < end - low and e > start - low]
    for part in sorted(inside, key=len, reverse=True):
        for form in {part, " ".join(part.split())}:
            if len(form) >= _SHORTEST_REPLACED_FRAGMENT:
                shown = shown.replace(form, REDACTED)
    return shown



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
# Passphrase, runAsPassword, adminPassword, workspaceKey (Log Analytics), ... or ends in "token"
# (gitToken, personalAccessToken, ...).
_SECRET_KEY_PARTS = (
    "password", "passwd", "secret", "sastoken", "passphrase", "privatekey", "accountkey", "accesstoken",
    "refreshtoken", "idtoken", "apikey", "clientcertificate", "connectionstring", "workspacekey", "primarykey",
    "secondarykey", "masterkey", "sharedaccesskey", "secretkey", "accesskey", "subscriptionkey", "credential",
)
_SECRET_KEY_ENDINGS = ("token",)
_SECRET_KEYS_EXACT = frozenset({"pwd", "sig", "token", "bearer"})
# protectedSettings exist to carry secrets, and every extension names its own (workspaceKey,
# gitToken, ...): under them only these keys, known to hold no secret by themselves, stay
# readable (their values still go through the text rules); every other value is replaced.
READABLE_PROTECTED_KEYS = frozenset({
    "commandtoexecute", "script", "fileuris", "storageaccountname", "managedidentity", "timestamp", "skipdos2unix",
    "databloburi",
    "username", "sshkey", "resetssh", "removeuser", "expiration", "removepriorkeys", "restorebackupssh",
    "checkdisk", "repairdisk", "diskname",
})
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
    return (name in _SECRET_KEYS_EXACT or any(part in name for part in _SECRET_KEY_PARTS)
            or name.endswith(_SECRET_KEY_ENDINGS))


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
        elif name == "protectedsettings":
            out[key] = _redact_protected(item, depth + 1, max_depth, timeout, budget)
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


def _redact_protected(value: object, depth: int, max_depth: int, timeout: float, budget: _Budget) -> object:
    """protectedSettings: the keys known to be readable are redacted like the rest of the request,
    every other value is hidden whole."""
    if not isinstance(value, dict) or depth > max_depth:
        return _all_secret(value, depth, max_depth)
    return {key: (_redact(item, depth + 1, max_depth, timeout, budget) if _norm_key(key) in READABLE_PROTECTED_KEYS
                  else _all_secret(item, depth + 1, max_depth))
            for key, item in value.items()}


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
