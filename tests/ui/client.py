"""A small HTTP client for the console: keeps cookies, reads CSRF tokens from pages, posts forms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from multidict import CIMultiDictProxy

from tests.api.server import Service

_CSRF = re.compile(r'name="csrf" value="([^"]+)"')
_LOGIN_TOKEN = re.compile(r'name="login_token" value="([^"]+)"')


@dataclass
class Page:
    status: int
    headers: CIMultiDictProxy[str]
    text: str

    @property
    def location(self) -> str | None:
        return self.headers.get("Location")


@dataclass
class ConsoleClient:
    base: str
    session: aiohttp.ClientSession
    csrf: str | None = None

    async def get(self, path: str, **kwargs: Any) -> Page:
        async with self.session.get(self.base + path, allow_redirects=False, **kwargs) as resp:
            page = Page(resp.status, resp.headers, await resp.text(errors="replace"))
        match = _CSRF.search(page.text)
        if match:
            self.csrf = match.group(1)
        return page

    async def post(self, path: str, data: Any, *, csrf: bool = True, headers: dict[str, str] | None = None) -> Page:
        if csrf and isinstance(data, dict) and "csrf" not in data:
            if self.csrf is None:
                await self.get("/ui/")
            data = {**data, "csrf": self.csrf or ""}
        async with self.session.post(self.base + path, data=data, allow_redirects=False, headers=headers) as resp:
            return Page(resp.status, resp.headers, await resp.text(errors="replace"))

    async def sign_in(self, secret: str) -> Page:
        form = await self.get("/ui/login")
        token = _LOGIN_TOKEN.search(form.text)
        assert token, "the sign-in form carries a login token"
        return await self.post("/ui/login", {"login_token": token.group(1), "api_key": secret, "next": "/ui/"},
                               csrf=False)

    async def submit(self, form: str, data: dict[str, Any]) -> Page:
        """Post a submit form and return the inspection page it redirects to (or the refused form)."""
        page = await self.post(f"/ui/submit/{form}", data)
        if page.status != 303 or not page.location:
            return page
        return await self.get(page.location)


@dataclass
class ConsoleService:
    service: Service
    sessions: list[aiohttp.ClientSession] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.service.url

    def client(self) -> ConsoleClient:
        # unsafe=True: keep cookies for an IP-address host (the service listens on 127.0.0.1).
        session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.sessions.append(session)
        return ConsoleClient(self.service.url, session)

    async def close(self) -> None:
        for session in self.sessions:
            await session.close()
