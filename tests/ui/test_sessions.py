"""Console sessions: signed cookies that expire, cannot be forged, and carry no key."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from inspector.config import Settings
from inspector.ui.sessions import SECRET_FILE, SessionSigner, check_login_token, load_secret, new_login_token

SECRET = b"s" * 48


def signer(idle_s: float = 600, max_s: float = 3600) -> SessionSigner:
    return SessionSigner(SECRET, idle_s=idle_s, max_s=max_s)


def test_a_session_round_trips_through_its_cookie() -> None:
    s = signer()
    session = s.new_session("abc123", now=1000)
    assert s.decode(s.encode(session), now=1001) == session


def test_the_cookie_names_the_key_id_but_never_holds_a_secret() -> None:
    s = signer()
    cookie = s.encode(s.new_session("abc123", now=1000))
    assert cookie.startswith("v1.abc123.")
    assert "pi_" not in cookie


@pytest.mark.parametrize("tamper", [
    lambda c: c.replace("v1.abc123.", "v1.zzz999."),           # another key id
    lambda c: c[:-1] + ("A" if c[-1] != "A" else "B"),          # signature changed
    lambda c: c.rsplit(".", 2)[0] + ".99999999999." + c.rsplit(".", 1)[1],  # expiry pushed out
    lambda c: "",
    lambda c: "x" * 5000,
    lambda c: c + ".extra",
])
def test_a_tampered_cookie_is_refused(tamper: object) -> None:
    s = signer()
    cookie = s.encode(s.new_session("abc123", now=1000))
    assert s.decode(tamper(cookie), now=1001) is None  # type: ignore[operator]


def test_a_cookie_signed_with_another_secret_is_refused() -> None:
    other = SessionSigner(b"t" * 48, idle_s=600, max_s=3600)
    assert signer().decode(other.encode(other.new_session("abc123", now=1000)), now=1001) is None


def test_a_session_ends_after_the_idle_window() -> None:
    s = signer(idle_s=600)
    cookie = s.encode(s.new_session("k", now=1000))
    assert s.decode(cookie, now=1599) is not None
    assert s.decode(cookie, now=1600) is None


def test_activity_renews_a_session_but_never_beyond_its_maximum_age() -> None:
    s = signer(idle_s=600, max_s=1000)
    session = s.new_session("k", now=1000)
    assert s.refreshed(session, now=1100) is None  # still in the first half of the idle window
    renewed = s.refreshed(session, now=1400)
    assert renewed is not None and renewed.expires == 2000 and renewed.nonce == session.nonce
    later = s.refreshed(renewed, now=1900)
    assert later is None or later.expires <= 2000
    assert s.decode(s.encode(renewed), now=2000) is None


def test_csrf_tokens_belong_to_one_session() -> None:
    s = signer()
    one, two = s.new_session("k", now=1000), s.new_session("k", now=1000)
    assert s.check_csrf(one, s.csrf_token(one))
    assert not s.check_csrf(one, s.csrf_token(two))
    assert not s.check_csrf(one, None)
    assert not s.check_csrf(one, "")


def test_the_sign_in_form_token_is_a_double_submit_pair() -> None:
    token = new_login_token()
    assert check_login_token(token, token)
    assert not check_login_token(token, new_login_token())
    assert not check_login_token(None, token)
    assert not check_login_token("short", "short")


def test_the_secret_is_created_once_in_the_data_dir_readable_only_by_its_owner(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    first = load_secret(settings)
    assert load_secret(settings) == first and len(first) >= 32
    mode = stat.S_IMODE(os.stat(tmp_path / SECRET_FILE).st_mode)
    assert mode == 0o600


def test_a_configured_secret_wins_and_must_not_be_trivially_short(tmp_path: Path) -> None:
    assert load_secret(Settings(data_dir=tmp_path, console_secret="x" * 20)) == b"x" * 20
    with pytest.raises(ValueError):
        load_secret(Settings(data_dir=tmp_path, console_secret="short"))
