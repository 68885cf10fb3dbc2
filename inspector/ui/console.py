"""The analyst web console, mounted under /ui/ of the service (`setup_console(app)`).

It reuses the service's state (inspector/service/: the store, the inspector, the inspection
runner the API uses too), so a console submission runs exactly like `POST /v1/inspections`
and shows up for detectors and analysts alike. It reads through the store's console reader. Pages are rendered on the server by Jinja2 with autoescaping everywhere; the
only script is the static console.js. Every console response carries a strict
Content-Security-Policy and the other browser hardening headers.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
import regex
from aiohttp import web

from inspector.scoring.catalog import ALERT_TYPES
from inspector.service.state import SERVICE_STATE, ServiceState
from inspector.store import ApiKeyInfo
from inspector.ui.sessions import (
    CONSOLE_ROLES,
    SESSION_COOKIE,
    SessionSigner,
    SignedIn,
    load_secret,
)

HERE = Path(__file__).parent
PREFIX = "/ui"

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
# Rendering pages with this many characters of artifact text moves off the event loop.
_OFFLOAD_CHARS = 100_000
# Forms without payload (sign-in, sign-out) are small; anything larger is refused unread.
SMALL_FORM_BYTES = 64 * 1024
# Multipart framing and the other fields around a pasted or uploaded payload.
FORM_OVERHEAD_BYTES = 256 * 1024
_ATTACK_ID = regex.compile(r"T\d{4}(?:\.\d{3})?")
INSPECTION_ID = regex.compile(r"[A-Za-z0-9_-]{1,64}")
SHA256 = regex.compile(r"[A-Fa-f0-9]{64}")


def attack_url(technique: str) -> str | None:
    """The public ATT&CK page of a technique id (T1059.001 -> .../techniques/T1059/001/)."""
    if not _ATTACK_ID.fullmatch(technique, timeout=0.05):
        return None
    return "https://attack.mitre.org/techniques/" + technique.replace(".", "/") + "/"


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        # Every template, every extension: payload text is never trusted as markup.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(attack_url=attack_url, human_size=human_size, alert_types=sorted(ALERT_TYPES))
    env.filters["q"] = lambda value: quote(str(value), safe="")
    return env


@dataclass
class Console:
    """The console's own state, beside the service's."""

    service: ServiceState
    signer: SessionSigner
    templates: jinja2.Environment

    async def render(self, request: web.Request, name: str, status: int = 200,
                     signed: SignedIn | None = None, heavy: int = 0, **context: Any) -> web.Response:
        """Render a template; pages carrying a lot of payload text render off the event loop."""
        template = self.templates.get_template(name)
        values = {"signed": signed, "csrf": signed.csrf if signed else "", "path": request.path, **context}
        if heavy > _OFFLOAD_CHARS:
            body = await asyncio.to_thread(template.render, values)
        else:
            body = template.render(values)
        return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")

    def secure_cookie(self, request: web.Request) -> bool:
        configured = self.service.settings.console_secure_cookie
        return request.secure if configured is None else configured

    def set_cookie(self, request: web.Request, response: web.StreamResponse, name: str, value: str,
                   max_age: int | None) -> None:
        response.set_cookie(name, value, max_age=max_age, path=f"{PREFIX}/", httponly=True, samesite="Strict",
                            secure=self.secure_cookie(request))

    def clear_cookie(self, request: web.Request, response: web.StreamResponse, name: str) -> None:
        response.del_cookie(name, path=f"{PREFIX}/", httponly=True, samesite="Strict",
                            secure=self.secure_cookie(request))

    async def key_by_id(self, key_id: str) -> ApiKeyInfo | None:
        return await self.service.store.console.key(key_id)

    async def signed_in(self, request: web.Request) -> SignedIn | None:
        """The request's session, when its cookie is valid and its key is still active and readable."""
        session = self.signer.decode(request.cookies.get(SESSION_COOKIE))
        if session is None:
            return None
        key = await self.key_by_id(session.key_id)
        if key is None or not key.active or key.role not in CONSOLE_ROLES:
            return None
        renewed = self.signer.refreshed(session)
        if renewed is not None:
            request[_RENEWED] = self.signer.encode(renewed)
            session = renewed
        return SignedIn(session=session, key=key, csrf=self.signer.csrf_token(session))

    async def require(self, request: web.Request) -> SignedIn:
        """The signed-in analyst, or a redirect to the sign-in page that comes back here."""
        signed = await self.signed_in(request)
        if signed is None:
            target = request.path_qs if request.method == "GET" else f"{PREFIX}/"
            raise _Redirect(f"{PREFIX}/login?next={quote(target, safe='')}")
        return signed

    async def require_post(self, request: web.Request, max_bytes: int = SMALL_FORM_BYTES) -> tuple[SignedIn, Any]:
        """A signed-in, same-origin form post with a valid CSRF token, and its parsed form."""
        signed = await self.require(request)
        if not same_origin(request):
            raise _Forbidden("this form was posted from another site")
        form = await read_form(request, self.service.settings, max_bytes)
        if not self.signer.check_csrf(signed.session, _field(form, "csrf")):
            raise _Forbidden("the form's security token is missing or stale; reload the page and try again")
        return signed, form


CONSOLE = web.AppKey("console", Console)
_RENEWED = web.RequestKey("console_renewed_cookie", str)


class _Redirect(Exception):
    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


class _Forbidden(Exception):
    pass


class FormTooLarge(Exception):
    pass


def redirect(location: str) -> web.Response:
    """A 303 See Other (never an exception: the API middleware turns exceptions into problems)."""
    return web.Response(status=303, headers={"Location": location})


def _refresh_cookie(request: web.Request, response: web.StreamResponse) -> None:
    """Send the renewed session cookie (the response's own cookies are already serialised here)."""
    renewed = request.get(_RENEWED)
    if renewed is None or SESSION_COOKIE in response.cookies:
        return
    console = request.app[CONSOLE]
    jar: SimpleCookie = SimpleCookie()
    jar[SESSION_COOKIE] = renewed
    morsel = jar[SESSION_COOKIE]
    morsel["path"] = f"{PREFIX}/"
    morsel["max-age"] = str(int(console.signer.max_s))
    morsel["httponly"] = True
    morsel["samesite"] = "Strict"
    if console.secure_cookie(request):
        morsel["secure"] = True
    response.headers.add("Set-Cookie", morsel.OutputString())


def safe_next(value: str | None) -> str:
    """Only local console paths are followed after sign-in (no open redirect)."""
    if not value or not value.startswith(f"{PREFIX}/") or value.startswith("//") or "\\" in value:
        return f"{PREFIX}/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or len(value) > 2048:
        return f"{PREFIX}/"
    return value


def same_origin(request: web.Request) -> bool:
    """Refuse posts a browser marks as cross-site (defence in depth beside CSRF tokens)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc == request.host
    return True


async def read_form(request: web.Request, settings: Any, limit: int) -> Any:
    """The posted form, bounded in size (`limit` bytes, and the application's own limit) and in time."""
    if request.content_length is not None and request.content_length > limit:
        raise FormTooLarge(f"the form is {request.content_length} bytes; the limit is {limit}")
    try:
        async with asyncio.timeout(settings.api_body_timeout_s):
            return await request.post()
    except TimeoutError:
        raise FormTooLarge(f"the form was not received within {settings.api_body_timeout_s:g} s") from None
    except web.HTTPRequestEntityTooLarge:
        raise FormTooLarge(f"the form exceeds the limit of {limit} bytes") from None
    except ValueError as exc:
        raise FormTooLarge(f"the form could not be read: {exc}") from None


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


@web.middleware
async def _console_errors(request: web.Request, handler: Any) -> web.StreamResponse:
    """Console flow control: redirects to sign-in and refused posts become pages, not problems."""
    if not request.path.startswith(f"{PREFIX}/"):
        return await handler(request)
    try:
        return await handler(request)
    except _Redirect as exc:
        return redirect(exc.location)
    except _Forbidden as exc:
        console = request.app[CONSOLE]
        return await console.render(request, "error.html", status=403, title="Not allowed", message=str(exc))
    except FormTooLarge as exc:
        console = request.app[CONSOLE]
        return await console.render(request, "error.html", status=413, title="Form too large", message=str(exc))


async def _prepare_response(request: web.Request, response: web.StreamResponse) -> None:
    """Hardening headers on every console response, and the renewed session cookie if any."""
    if request.path.startswith(f"{PREFIX}/"):
        _refresh_cookie(request, response)
    if request.path == "/" or request.path == PREFIX or request.path.startswith(f"{PREFIX}/"):
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
        if not request.path.startswith(f"{PREFIX}/static/"):
            # Pages show payloads and verdicts: keep them out of shared and browser caches.
            response.headers["Cache-Control"] = "no-store"


async def _root(request: web.Request) -> web.Response:
    return redirect(f"{PREFIX}/")


def setup_console(app: web.Application) -> None:
    """Mount the console on a service application built by `inspector.api.app.build_app`."""
    from inspector.ui import alerts, submit, views  # the handlers need CONSOLE defined above

    state = app[SERVICE_STATE]
    settings = state.settings
    signer = SessionSigner(load_secret(settings), idle_s=settings.console_session_idle_s,
                           max_s=settings.console_session_max_s)
    app[CONSOLE] = Console(service=state, signer=signer, templates=_environment())
    app.middlewares.append(_console_errors)
    app.on_response_prepare.append(_prepare_response)
    app.router.add_get("/", _root, allow_head=False)
    app.router.add_get(PREFIX, _root, allow_head=False)
    app.router.add_static(f"{PREFIX}/static/", HERE / "static", name="console_static")
    views.add_routes(app)
    submit.add_routes(app)
    alerts.add_routes(app)


__all__ = ["CONSOLE", "Console", "setup_console"]
