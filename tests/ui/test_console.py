"""Console access over plain HTTP: sign-in, sessions, CSRF, and the browser hardening headers."""

from __future__ import annotations

import re
import time

from inspector.ui.console import CONSOLE, CONTENT_SECURITY_POLICY, attack_url, safe_next
from inspector.ui.sessions import Session
from tests.ui.client import ConsoleClient, ConsoleService


async def test_pages_need_a_session_and_come_back_after_sign_in(console: ConsoleService) -> None:
    client = console.client()
    page = await client.get("/ui/inspections?verdict=malicious")
    assert page.status == 303 and page.location == "/ui/login?next=%2Fui%2Finspections%3Fverdict%3Dmalicious"
    form = await client.get(page.location)
    token = re.search(r'name="login_token" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    signed = await client.post("/ui/login", {"login_token": token, "api_key": console.service.keys["analyst"],
                                             "next": "/ui/inspections?verdict=malicious"}, csrf=False)
    assert signed.status == 303 and signed.location == "/ui/inspections?verdict=malicious"
    assert (await client.get("/ui/inspections?verdict=malicious")).status == 200


async def test_the_root_redirects_to_the_console(console: ConsoleService) -> None:
    page = await console.client().get("/")
    assert page.status == 303 and page.location == "/ui/"


async def test_the_session_cookie_is_httponly_strict_and_holds_no_key(console: ConsoleService) -> None:
    client = console.client()
    page = await client.sign_in(console.service.keys["admin"])
    cookies = [c for c in page.headers.getall("Set-Cookie") if c.startswith("pi_console=")]
    assert len(cookies) == 1
    cookie = cookies[0]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/ui/" in cookie
    assert "Secure" not in cookie  # plain http on loopback; https requests get Secure
    assert console.service.keys["admin"] not in cookie


async def test_a_detector_key_cannot_sign_in(console: ConsoleService) -> None:
    page = await console.client().sign_in(console.service.keys["detector"])
    assert page.status == 403 and "cannot sign in to the console" in page.text
    assert not any(c.startswith("pi_console=") for c in page.headers.getall("Set-Cookie", []))


async def test_an_unknown_key_is_refused_without_echoing_it(console: ConsoleService) -> None:
    page = await console.client().sign_in("pi_000000000000_not-a-real-secret")
    assert page.status == 401 and "not valid" in page.text and "not-a-real-secret" not in page.text


async def test_sign_in_needs_the_form_token(console: ConsoleService) -> None:
    client = console.client()
    await client.get("/ui/login")
    page = await client.post("/ui/login", {"login_token": "forged-token-value-123456", "api_key":
                                           console.service.keys["analyst"]}, csrf=False)
    assert page.status == 403


async def test_sign_in_never_redirects_off_the_console() -> None:
    for target in ("https://evil.example/", "//evil.example/ui/", "/ui/\\evil", "/v1/inspections", None, ""):
        assert safe_next(target) == "/ui/"
    assert safe_next("/ui/inspections?q=x") == "/ui/inspections?q=x"


async def test_posts_without_a_valid_csrf_token_are_refused(analyst: ConsoleClient) -> None:
    for token in ("", "forged"):
        page = await analyst.post("/ui/submit/script", {"content": "whoami", "csrf": token})
        assert page.status == 403 and "security token" in page.text


async def test_cross_site_posts_are_refused_even_with_a_token(analyst: ConsoleClient) -> None:
    await analyst.get("/ui/")
    page = await analyst.post("/ui/submit/script", {"content": "whoami"},
                              headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
    assert page.status == 403


async def test_sign_out_ends_the_session(analyst: ConsoleClient) -> None:
    await analyst.get("/ui/")
    page = await analyst.post("/ui/logout", {})
    assert page.status == 303 and page.location == "/ui/login?signed_out=1"
    assert (await analyst.get("/ui/")).status == 303


async def test_revoking_the_key_ends_its_sessions(console: ConsoleService, analyst: ConsoleClient) -> None:
    assert (await analyst.get("/ui/")).status == 200
    assert await console.service.store.keys.revoke(console.service.key_ids["analyst"])
    page = await analyst.get("/ui/")
    assert page.status == 303 and page.location.startswith("/ui/login")  # type: ignore[union-attr]


async def test_a_forged_session_cookie_is_ignored(console: ConsoleService) -> None:
    client = console.client()
    forged = f"v1.{console.service.key_ids['admin']}.{'A' * 32}.1.9999999999.{'B' * 43}"
    page = await client.get("/ui/", headers={"Cookie": f"pi_console={forged}"})
    assert page.status == 303


async def test_every_console_response_carries_the_hardening_headers(console: ConsoleService,
                                                                    analyst: ConsoleClient) -> None:
    for path in ("/ui/", "/ui/inspections", "/ui/static/console.css", "/ui/static/console.js", "/ui/nope"):
        page = await analyst.get(path)
        assert page.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, path
        assert page.headers["X-Content-Type-Options"] == "nosniff"
        assert page.headers["Referrer-Policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    login = await console.client().get("/ui/login")
    assert login.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert login.headers["Cache-Control"] == "no-store"


async def test_the_policy_allows_no_inline_or_foreign_code() -> None:
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["default-src"] == "'self'" and directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'" and directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'" and directives["form-action"] == "'self'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


async def test_pages_have_no_inline_script_style_or_external_resource(analyst: ConsoleClient) -> None:
    for path in ("/ui/", "/ui/inspections", "/ui/login"):
        text = (await analyst.get(path)).text
        assert "<style" not in text and " style=" not in text and " on" + "click" not in text
        for src in re.findall(r'<script[^>]*>', text):
            assert 'src="/ui/static/' in src
        assert not re.search(r'(?:src|href)="(?:https?:)?//', text)


async def test_the_api_is_unchanged_by_the_console(console: ConsoleService) -> None:
    status, headers, _ = await console.service.call("GET", "/healthz", key=None)
    assert status == 200 and "Content-Security-Policy" not in headers


def test_attack_ids_link_to_their_public_pages() -> None:
    assert attack_url("T1059.001") == "https://attack.mitre.org/techniques/T1059/001/"
    assert attack_url("T1105") == "https://attack.mitre.org/techniques/T1105/"
    assert attack_url("javascript:alert(1)") is None


async def test_the_cookie_is_secure_when_configured_for_https_behind_a_proxy(console: ConsoleService) -> None:
    console.service.settings.console_secure_cookie = True
    page = await console.client().get("/ui/login")
    cookie = next(c for c in page.headers.getall("Set-Cookie") if c.startswith("pi_console_login="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie


async def test_an_expired_session_sends_the_analyst_back_to_sign_in(console: ConsoleService) -> None:
    signer = console.service.app[CONSOLE].signer
    old = Session(key_id=console.service.key_ids["analyst"], nonce="n" * 32, issued=int(time.time()) - 7200,
                  expires=int(time.time()) - 10)
    page = await console.client().get("/ui/", headers={"Cookie": f"pi_console={signer.encode(old)}"})
    assert page.status == 303 and page.location.startswith("/ui/login")  # type: ignore[union-attr]
    fresh = Session(key_id=old.key_id, nonce=old.nonce, issued=int(time.time()), expires=int(time.time()) + 600)
    assert (await console.client().get("/ui/", headers={"Cookie": f"pi_console={signer.encode(fresh)}"})).status == 200


async def test_oversized_forms_are_refused_unread(console: ConsoleService, analyst: ConsoleClient) -> None:
    too_big_login = await console.client().post("/ui/login", {"api_key": "x" * 100_000}, csrf=False)
    assert too_big_login.status == 413 and "Form too large" in too_big_login.text
    console.service.settings.api_max_body_bytes = 4096
    too_big_script = await analyst.post("/ui/submit/script", {"content": "A" * 400_000})
    assert too_big_script.status == 413


async def test_an_active_session_is_renewed_on_any_response(console: ConsoleService) -> None:
    signer = console.service.app[CONSOLE].signer
    now = int(time.time())
    aging = Session(key_id=console.service.key_ids["analyst"], nonce="m" * 32, issued=now - 1500, expires=now + 100)
    page = await console.client().get("/ui/inspections/abc/status",
                                      headers={"Cookie": f"pi_console={signer.encode(aging)}"})
    renewed = [c for c in page.headers.getall("Set-Cookie", []) if c.startswith("pi_console=")]
    assert page.status == 404 and len(renewed) == 1
    value = renewed[0].split(";", 1)[0].split("=", 1)[1]
    session = signer.decode(value)
    assert session is not None and session.expires > aging.expires and session.nonce == aging.nonce
