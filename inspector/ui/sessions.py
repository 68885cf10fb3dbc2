"""Console sessions: an API key exchanged for a signed, expiring cookie, and CSRF tokens.

The store has no session table, so a session is a cookie signed with HMAC-SHA256 under a
server secret: `v1.<key id>.<nonce>.<issued>.<expires>.<signature>`. Any replica holding the
same secret (setting `console_secret`, or the `console-secret` file in a shared data folder)
accepts it, and every request re-checks in the store that the key still exists, is active
and may read, so revoking a key ends its sessions at once. The cookie never carries the key
itself.

Sessions slide: a request in the second half of the idle window gets a fresh cookie, up to
`console_session_max_s` after sign-in. Signing out clears the cookie in the browser; a copy
taken before that stays valid until it expires (at most the idle window without use).

CSRF: each session's forms carry `HMAC(secret, "csrf" | nonce)`; the sign-in form, which
has no session yet, uses a double-submit cookie. Cookies are HttpOnly and SameSite=Strict.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

import regex

from inspector.config import Settings
from inspector.store import ApiKeyInfo

SESSION_COOKIE = "pi_console"
LOGIN_CSRF_COOKIE = "pi_console_login"
SECRET_FILE = "console-secret"
# Roles that may use the console: reading inspections is what it is for.
CONSOLE_ROLES = frozenset({"analyst", "admin"})

_VERSION = "v1"
_MAX_COOKIE_CHARS = 512
_COOKIE_SHAPE = regex.compile(r"v1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{16,64}\.\d{1,12}\.\d{1,12}\.[A-Za-z0-9_-]{43}")
_TOKEN_SHAPE = regex.compile(r"[A-Za-z0-9_-]{16,128}")


def load_secret(settings: Settings) -> bytes:
    """The configured secret, or the one kept in the data folder (created on first use, mode 0600)."""
    if settings.console_secret is not None:
        value = settings.console_secret.get_secret_value().encode("utf-8")
        if len(value) < 16:
            raise ValueError("console_secret must be at least 16 characters")
        return value
    path = Path(settings.data_dir) / SECRET_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: two processes starting together agree on whichever file was created first.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        value = path.read_bytes().strip()
        if len(value) < 32:
            raise ValueError(f"{path} is too short to be a console secret; delete it to make a new one") from None
        return value
    value = secrets.token_urlsafe(48).encode("ascii")
    with os.fdopen(fd, "wb") as handle:
        handle.write(value + b"\n")
    return value


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class Session:
    key_id: str
    nonce: str
    issued: int
    expires: int


@dataclass(frozen=True)
class SignedIn:
    """An authenticated console request: the session and the (active, readable) key behind it."""

    session: Session
    key: ApiKeyInfo
    csrf: str


class SessionSigner:
    def __init__(self, secret: bytes, *, idle_s: float, max_s: float) -> None:
        # Separate keys per purpose so a value signed for one use cannot be replayed as another.
        self._session_key = hmac.new(secret, b"console-session", hashlib.sha256).digest()
        self._csrf_key = hmac.new(secret, b"console-csrf", hashlib.sha256).digest()
        self.idle_s = int(idle_s)
        self.max_s = int(max_s)

    def _sign(self, payload: str) -> str:
        return _b64(hmac.new(self._session_key, payload.encode("ascii"), hashlib.sha256).digest())

    def new_session(self, key_id: str, now: float | None = None) -> Session:
        issued = int(now if now is not None else time.time())
        return Session(key_id=key_id, nonce=secrets.token_urlsafe(24), issued=issued,
                       expires=min(issued + self.idle_s, issued + self.max_s))

    def encode(self, session: Session) -> str:
        payload = f"{_VERSION}.{session.key_id}.{session.nonce}.{session.issued}.{session.expires}"
        return f"{payload}.{self._sign(payload)}"

    def decode(self, cookie: str | None, now: float | None = None) -> Session | None:
        """The session a cookie carries, or None when it is absent, forged, malformed or expired."""
        if not cookie or len(cookie) > _MAX_COOKIE_CHARS or not _COOKIE_SHAPE.fullmatch(cookie, timeout=0.05):
            return None
        payload, _, signature = cookie.rpartition(".")
        if not hmac.compare_digest(signature, self._sign(payload)):
            return None
        _v, key_id, nonce, issued_s, expires_s = payload.split(".")
        issued, expires = int(issued_s), int(expires_s)
        current = now if now is not None else time.time()
        if current >= expires or current >= issued + self.max_s or issued > current + 60:
            return None
        return Session(key_id=key_id, nonce=nonce, issued=issued, expires=expires)

    def refreshed(self, session: Session, now: float | None = None) -> Session | None:
        """A renewed session when more than half the idle window has passed, else None."""
        current = int(now if now is not None else time.time())
        if session.expires - current > self.idle_s // 2:
            return None
        expires = min(current + self.idle_s, session.issued + self.max_s)
        if expires <= session.expires:
            return None
        return Session(key_id=session.key_id, nonce=session.nonce, issued=session.issued, expires=expires)

    def csrf_token(self, session: Session) -> str:
        return _b64(hmac.new(self._csrf_key, f"csrf|{session.nonce}".encode("ascii"), hashlib.sha256).digest())

    def check_csrf(self, session: Session, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(str(token), self.csrf_token(session))


def new_login_token() -> str:
    return secrets.token_urlsafe(24)


def check_login_token(cookie: str | None, field: str | None) -> bool:
    """Double-submit check for the sign-in form: the hidden field must equal the cookie."""
    if not cookie or not field or not _TOKEN_SHAPE.fullmatch(cookie, timeout=0.05):
        return False
    return hmac.compare_digest(cookie, field)
