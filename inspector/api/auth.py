"""API key authentication and role checks.

Keys arrive as `Authorization: Bearer KEY`. The store verifies them (it keeps only hashes and
compares in constant time); this module adds a short-lived cache of verified keys so a
detector sending thousands of requests does not cost a database round trip each, and maps
endpoints to the roles allowed on them. The cache is keyed by a hash of the key, never the
key itself, and is bounded.
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable


from aiohttp import web

from inspector.service.problems import FORBIDDEN, UNAUTHORIZED, ProblemError
from inspector.store import ApiKeyInfo, Role


# Who may do what (design.md): detectors inspect; analysts also read; admins also manage.
INSPECT: frozenset[Role] = frozenset({"detector", "analyst", "admin"})
READ: frozenset[Role] = frozenset({"analyst", "admin"})
ADMIN: frozenset[Role] = frozenset({"admin"})

_MAX_KEY_CHARS = 512
_WWW_AUTHENTICATE = {"WWW-Authenticate": 'Bearer realm="payload-inspector"'}

Verifier = Callable[[str], Awaitable[ApiKeyInfo | None]]


def bearer_secret(request: web.Request) -> str:
    """The key from the Authorization header, or a 401 problem."""
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        raise ProblemError(UNAUTHORIZED, "send an API key as 'Authorization: Bearer KEY'", headers=_WWW_AUTHENTICATE)
    # Keys are printable ASCII; anything else (a header decoded as Latin-1, say) is no key.
    if len(secret) > _MAX_KEY_CHARS or not (secret.isascii() and secret.isprintable()):
        raise ProblemError(UNAUTHORIZED, "the API key is not valid", headers=_WWW_AUTHENTICATE)
    return secret


class KeyAuthenticator:
    """Verifies bearer keys through the store, caching positive answers for `ttl_s`."""

    def __init__(self, verify: Verifier, *, ttl_s: float, max_entries: int = 4096) -> None:
        self._verify = verify
        self._ttl_s = ttl_s
        self._max_entries = max_entries
        self._cache: OrderedDict[str, tuple[float, ApiKeyInfo]] = OrderedDict()

    async def authenticate(self, request: web.Request) -> ApiKeyInfo:
        secret = bearer_secret(request)
        fingerprint = hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()
        now = time.monotonic()
        cached = self._cache.get(fingerprint)
        if cached is not None and cached[0] > now:
            return cached[1]
        key = await self._verify(secret)
        if key is None or not key.active:
            self._cache.pop(fingerprint, None)
            raise ProblemError(UNAUTHORIZED, "the API key is not valid", headers=_WWW_AUTHENTICATE)
        if self._ttl_s > 0:
            self._cache[fingerprint] = (now + self._ttl_s, key)
            self._cache.move_to_end(fingerprint)
            while len(self._cache) > self._max_entries:
                self._cache.popitem(last=False)
        return key


def require_role(key: ApiKeyInfo, allowed: frozenset[Role], action: str) -> None:
    if key.role not in allowed:
        roles = ", ".join(sorted(allowed))
        raise ProblemError(FORBIDDEN, f"{action} needs one of the roles {roles}; this key is {key.role}")
