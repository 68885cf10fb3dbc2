"""Bearer key authentication, its cache, and the role policy."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiohttp.test_utils import make_mocked_request

from inspector.api.auth import ADMIN, INSPECT, READ, KeyAuthenticator, bearer_secret, require_role
from inspector.service.problems import FORBIDDEN, UNAUTHORIZED, ProblemError
from inspector.store import ApiKeyInfo

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def key(role: str = "detector", revoked: bool = False) -> ApiKeyInfo:
    return ApiKeyInfo(id="abc123", role=role, created_at=NOW, revoked_at=NOW if revoked else None)  # type: ignore[arg-type]


def request(authorization: str | None):
    headers = {"Authorization": authorization} if authorization is not None else {}
    return make_mocked_request("GET", "/v1/signatures", headers=headers)


class CountingVerifier:
    def __init__(self, answer: ApiKeyInfo | None) -> None:
        self.answer = answer
        self.calls: list[str] = []

    async def __call__(self, secret: str) -> ApiKeyInfo | None:
        self.calls.append(secret)
        return self.answer


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer   ", "Basic dXNlcjpwYXNz", "Token abc"])
def test_missing_or_non_bearer_authorization_is_401_with_challenge(header):
    with pytest.raises(ProblemError) as info:
        bearer_secret(request(header))
    assert info.value.kind is UNAUTHORIZED
    assert info.value.headers["WWW-Authenticate"].startswith("Bearer")


def test_bearer_scheme_is_case_insensitive():
    assert bearer_secret(request("bearer pi_x_y")) == "pi_x_y"


def test_absurdly_long_key_is_refused_without_asking_the_store():
    with pytest.raises(ProblemError):
        bearer_secret(request("Bearer " + "a" * 10_000))


async def test_valid_key_is_verified_once_then_served_from_the_cache():
    verify = CountingVerifier(key())
    auth = KeyAuthenticator(verify, ttl_s=60)
    for _ in range(5):
        assert (await auth.authenticate(request("Bearer pi_abc123_secret"))).id == "abc123"
    assert verify.calls == ["pi_abc123_secret"]


async def test_cache_off_verifies_every_time():
    verify = CountingVerifier(key())
    auth = KeyAuthenticator(verify, ttl_s=0)
    for _ in range(3):
        await auth.authenticate(request("Bearer pi_abc123_secret"))
    assert len(verify.calls) == 3


async def test_unknown_key_is_401_and_not_cached():
    verify = CountingVerifier(None)
    auth = KeyAuthenticator(verify, ttl_s=60)
    for _ in range(2):
        with pytest.raises(ProblemError) as info:
            await auth.authenticate(request("Bearer pi_nope_nope"))
        assert info.value.kind is UNAUTHORIZED
        assert "pi_nope_nope" not in info.value.detail
    assert len(verify.calls) == 2


async def test_revoked_key_is_401():
    auth = KeyAuthenticator(CountingVerifier(key(revoked=True)), ttl_s=60)
    with pytest.raises(ProblemError):
        await auth.authenticate(request("Bearer pi_abc123_secret"))


async def test_cache_is_bounded():
    auth = KeyAuthenticator(CountingVerifier(key()), ttl_s=60, max_entries=3)
    for i in range(10):
        await auth.authenticate(request(f"Bearer pi_abc123_{i}"))
    assert len(auth._cache) == 3
    assert all("pi_abc123" not in fingerprint for fingerprint in auth._cache)  # hashes, not keys


@pytest.mark.parametrize(
    ("role", "allowed", "ok"),
    [
        ("detector", INSPECT, True), ("analyst", INSPECT, True), ("admin", INSPECT, True),
        ("detector", READ, False), ("analyst", READ, True), ("admin", READ, True),
        ("detector", ADMIN, False), ("analyst", ADMIN, False), ("admin", ADMIN, True),
    ],
)
def test_role_policy(role, allowed, ok):
    if ok:
        require_role(key(role), allowed, "doing it")
    else:
        with pytest.raises(ProblemError) as info:
            require_role(key(role), allowed, "doing it")
        assert info.value.kind is FORBIDDEN
        assert role in info.value.detail
