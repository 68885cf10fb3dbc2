"""Local servers, closed-network settings and recording connectors for the fetch tests.

Nothing here talks to anything but loopback: every Settings object built by these helpers is
in closed-network mode (or uses a resolver that never queries DNS), and realistic names such
as raw.githubusercontent.com are mapped to 127.0.0.1 with `fetch_hosts`.
"""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpcore
import pytest
from aiohttp import web

from inspector.config import Settings
from inspector.extensions.plan import PlannedUrl, UrlRole
from inspector.fetch import Fetcher
from inspector.redact import redact_url

SCRIPT = b"Write-Output 'configured'\r\n"
REALISTIC_NAMES = ("raw.githubusercontent.com", "github.com", "api.github.com", "gist.githubusercontent.com",
                   "codeload.github.com", "payloads.example", "cdn.example")


def planned(url: str, role: UrlRole = UrlRole.ENTRY_POINT, origin: str = "settings.fileUris[0]") -> PlannedUrl:
    return PlannedUrl(origin=origin, role=role, url=url, redacted=redact_url(url))


def closed_settings(**overrides: Any) -> Settings:
    """Closed-network mode: only 127.0.0.1 (any port), names only through the host map."""
    values: dict[str, Any] = dict(
        fetch=True,
        fetch_only_allowed=True,
        fetch_allow_networks=["127.0.0.1/32"],
        fetch_hosts={name: "127.0.0.1" for name in REALISTIC_NAMES},
        # Far above what a loopback fetch takes on a loaded machine; tests of timeouts set their own.
        fetch_connect_timeout_s=60.0,
        fetch_read_timeout_s=60.0,
        fetch_total_timeout_s=120.0,
        fetch_retry_backoff_s=0.01,
        github_api_url="http://api.github.com:9",  # replaced by tests that use the fake API
    )
    values.update(overrides)
    return Settings(**values)


# For fetches of `/held`: timeouts far beyond any hold, so only the test decides when they end.
HELD_TIMEOUTS: dict[str, Any] = {"fetch_read_timeout_s": 600.0, "fetch_total_timeout_s": 600.0}


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


@dataclass
class LocalServer:
    host: str
    port: int
    hits: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    state: dict[str, int] = field(default_factory=dict)
    in_flight: int = 0
    peak_in_flight: int = 0
    # `/held` answers only once this is set: a slow server whose slowness the test decides.
    release: asyncio.Event = field(default_factory=asyncio.Event)

    def url(self, path: str, name: str = "payloads.example") -> str:
        return f"http://{name}:{self.port}{path}"


def payload_app(server: LocalServer) -> web.Application:
    """Scripts, zips, redirects, held, dripping and endless bodies, flaky and failing endpoints."""

    @web.middleware
    async def record(request: web.Request, handler: Any) -> web.StreamResponse:
        server.hits.append(request.path_qs)
        server.headers.append(dict(request.headers))
        server.in_flight += 1
        server.peak_in_flight = max(server.peak_in_flight, server.in_flight)
        try:
            return await handler(request)
        finally:
            server.in_flight -= 1

    async def script(request: web.Request) -> web.StreamResponse:
        response = web.Response(body=SCRIPT, content_type="text/plain")
        response.set_cookie("session", "tracking-value")
        return response

    async def dsc_zip(request: web.Request) -> web.StreamResponse:
        return web.Response(body=zip_bytes({"cfg.ps1": b"Configuration Cfg { Node localhost {} }\n"}),
                            content_type="application/zip")

    async def redirect(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(request.query["to"])

    async def chain(request: web.Request) -> web.StreamResponse:
        left = int(request.match_info["n"])
        if left == 0:
            return web.Response(body=SCRIPT)
        raise web.HTTPFound(f"/chain/{left - 1}")

    async def drip(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(request)
        for _ in range(600):  # one byte a second for ten minutes, unless the client hangs up
            await response.write(b"#")
            await asyncio.sleep(float(request.query.get("every", "1")))
        return response

    async def endless(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(request)
        block = b"A" * 65536
        for _ in range(100_000):
            await response.write(block)
        return response

    async def declared_huge(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Length": str(10**12)})
        await response.prepare(request)
        await response.write(b"x" * 1024)
        return response

    async def held(request: web.Request) -> web.StreamResponse:
        await server.release.wait()
        return web.Response(body=SCRIPT)

    async def status(request: web.Request) -> web.StreamResponse:
        headers = {"Retry-After": request.query["retry_after"]} if "retry_after" in request.query else {}
        return web.Response(status=int(request.match_info["code"]), text="no", headers=headers)

    async def flaky(request: web.Request) -> web.StreamResponse:
        key = request.path_qs
        server.state[key] = server.state.get(key, 0) + 1
        if server.state[key] <= int(request.query.get("fail", "1")):
            return web.Response(status=int(request.query.get("code", "503")), text="busy",
                                headers={"Retry-After": request.query.get("retry_after", "0")})
        return web.Response(body=SCRIPT)

    async def echo(request: web.Request) -> web.StreamResponse:
        return web.json_response(dict(request.headers))

    async def sized(request: web.Request) -> web.StreamResponse:
        return web.Response(body=b"B" * int(request.match_info["n"]))

    app = web.Application(middlewares=[record])
    app.router.add_get("/script.ps1", script)
    app.router.add_get("/owner/repo/main/install.ps1", script)
    app.router.add_get("/dsc.zip", dsc_zip)
    app.router.add_get("/redirect", redirect)
    app.router.add_get("/chain/{n}", chain)
    app.router.add_get("/drip", drip)
    app.router.add_get("/endless", endless)
    app.router.add_get("/declared-huge", declared_huge)
    app.router.add_get("/held", held)
    app.router.add_get("/status/{code}", status)
    app.router.add_get("/flaky", flaky)
    app.router.add_get("/echo", echo)
    app.router.add_get("/sized/{n}", sized)
    return app


async def start_app(app: web.Application, host: str = "127.0.0.1") -> tuple[web.AppRunner, int]:
    runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, host, 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, port


@pytest.fixture
async def payload_server() -> AsyncIterator[LocalServer]:
    server = LocalServer("127.0.0.1", 0)
    runner, server.port = await start_app(payload_app(server))
    yield server
    server.release.set()
    await runner.cleanup()


@pytest.fixture
async def raw_server() -> AsyncIterator[tuple[int, dict[str, bytes]]]:
    """A bare TCP server answering each path with exact bytes (for broken HTTP framing)."""
    answers: dict[str, bytes] = {}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        path = head.split(b" ", 2)[1].decode()
        writer.write(answers.get(path, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))
        await writer.drain()
        writer.close()

    srv = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = srv.sockets[0].getsockname()[1]
    yield port, answers
    srv.close()
    await srv.wait_closed()


@dataclass
class Listener:
    """Accepts TCP connections on one port and counts them: proof that nothing arrived."""

    port: int
    connections: list[str] = field(default_factory=list)


@pytest.fixture
async def loopback_listener() -> AsyncIterator[Listener]:
    listener = Listener(0)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        listener.connections.append(str(writer.get_extra_info("peername")))
        writer.close()

    srv4 = await asyncio.start_server(handle, "127.0.0.1", 0)
    listener.port = srv4.sockets[0].getsockname()[1]
    servers = [srv4]
    try:  # the same port on ::1, where the machine has IPv6 loopback
        servers.append(await asyncio.start_server(handle, "::1", listener.port))
    except OSError:
        pass
    yield listener
    for srv in servers:
        srv.close()
        await srv.wait_closed()


class RecordingConnector(httpcore.AsyncNetworkBackend):
    """Stands where sockets are opened (after the guard): records every attempt and opens a
    real connection only to `pass_through` addresses; anything else fails without a packet."""

    def __init__(self, pass_through: frozenset[str] = frozenset()) -> None:
        self.attempts: list[tuple[str, int]] = []
        self.pass_through = pass_through
        self.real = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        self.attempts.append((host, port))
        if host in self.pass_through:
            return await self.real.connect_tcp(host, port, timeout=timeout, socket_options=socket_options)
        raise httpcore.ConnectError(f"recording connector: no connection opened to {host}:{port}")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class NoDns:
    """A resolver that answers from a fixed table and records every question; it never
    sends a DNS query. Unknown names fail like NXDOMAIN."""

    def __init__(self, table: dict[str, list[str]] | None = None) -> None:
        self.table = table or {}
        self.questions: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.questions.append(host)
        if host in self.table:
            return self.table[host]
        raise OSError(f"[Errno -2] Name or service not known: {host}")


@pytest.fixture
async def fetcher_factory() -> AsyncIterator[Any]:
    made: list[Fetcher] = []

    def make(settings: Settings, **kwargs: Any) -> Fetcher:
        fetcher = Fetcher(settings, **kwargs)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        await fetcher.aclose()


# ---- a fake GitHub REST API with recorded-shape responses ---------------------------------


def _iso(days_ago: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def github_repo_json(owner: str, repo: str, *, age_days: float, pushed_days: float = 1, stars: int = 0,
                     forks: int = 0, archived: bool = False, disabled: bool = False) -> dict[str, Any]:
    """The fields of GET /repos/{owner}/{repo} as GitHub returns them (trimmed of URLs)."""
    return {
        "id": 812345678, "node_id": "R_kgDOMG7xTg", "name": repo, "full_name": f"{owner}/{repo}", "private": False,
        "owner": {"login": owner, "id": 170001234, "node_id": "U_kgDOCiH3Mg", "type": "User", "site_admin": False,
                  "html_url": f"https://github.com/{owner}"},
        "html_url": f"https://github.com/{owner}/{repo}", "description": None, "fork": False,
        "created_at": _iso(age_days), "updated_at": _iso(pushed_days), "pushed_at": _iso(pushed_days),
        "size": 12, "stargazers_count": stars, "watchers_count": stars, "language": "PowerShell",
        "has_issues": True, "forks_count": forks, "archived": archived, "disabled": disabled,
        "open_issues_count": 0, "license": None, "visibility": "public", "default_branch": "main",
        "network_count": forks, "subscribers_count": 1,
    }


def github_user_json(login: str, *, age_days: float, public_repos: int) -> dict[str, Any]:
    return {
        "login": login, "id": 170001234, "node_id": "U_kgDOCiH3Mg", "type": "User", "site_admin": False,
        "name": None, "company": None, "blog": "", "location": None, "bio": None,
        "public_repos": public_repos, "public_gists": 0, "followers": 0, "following": 0,
        "created_at": _iso(age_days), "updated_at": _iso(age_days / 2),
    }


def github_gist_json(gist_id: str, owner: str, *, age_days: float) -> dict[str, Any]:
    return {
        "id": gist_id, "node_id": "G_kwDOAJy2KtoAIDBhMWIyYzNk", "public": True, "description": "",
        "files": {"stage2.ps1": {"filename": "stage2.ps1", "type": "text/plain", "language": "PowerShell", "size": 120}},
        "owner": {"login": owner, "id": 170001234, "type": "User"}, "created_at": _iso(age_days),
        "updated_at": _iso(age_days), "comments": 0, "truncated": False,
    }


def github_commit_json(days_ago: float) -> dict[str, Any]:
    return {
        "sha": "4c1b2f0e9d8a7c6b5a4f3e2d1c0b9a8f7e6d5c4b", "node_id": "C_kwDOMG7xTtoAKDRjMWIy",
        "commit": {"author": {"name": "x", "email": "x@users.noreply.github.com", "date": _iso(days_ago)},
                   "committer": {"name": "GitHub", "email": "noreply@github.com", "date": _iso(days_ago)},
                   "message": "Add files via upload"},
        "author": None, "committer": None, "parents": [],
    }


@dataclass
class FakeGitHub:
    port: int
    repos: dict[str, dict[str, Any] | int] = field(default_factory=dict)  # "o/r" -> JSON or HTTP status
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    commits: dict[str, list[float]] = field(default_factory=dict)  # "o/r:path" -> commit ages, newest first
    gists: dict[str, dict[str, Any]] = field(default_factory=dict)
    remaining: int = 5000
    hits: list[str] = field(default_factory=list)
    auth: list[str | None] = field(default_factory=list)

    @property
    def api_url(self) -> str:
        return f"http://api.github.com:{self.port}"


def _github_app(gh: FakeGitHub) -> web.Application:
    def reply(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
        gh.remaining = max(gh.remaining - 1, 0)
        base = {"X-RateLimit-Limit": "60", "X-RateLimit-Remaining": str(gh.remaining),
                "X-RateLimit-Reset": str(int(datetime.now(UTC).timestamp()) + 3600)}
        return web.Response(status=status, text=json.dumps(body), content_type="application/json",
                            headers={**base, **(headers or {})})

    @web.middleware
    async def record(request: web.Request, handler: Any) -> web.StreamResponse:
        gh.hits.append(request.path_qs)
        gh.auth.append(request.headers.get("Authorization"))
        if gh.remaining <= 0:
            return web.Response(status=403, text='{"message":"API rate limit exceeded"}',
                                headers={"X-RateLimit-Remaining": "0",
                                         "X-RateLimit-Reset": str(int(datetime.now(UTC).timestamp()) + 3600)})
        return await handler(request)

    async def repo(request: web.Request) -> web.StreamResponse:
        key = f"{request.match_info['owner']}/{request.match_info['repo']}"
        found = gh.repos.get(key, 404)
        if found == 301:
            return reply({"message": "Moved Permanently", "url": f"{gh.api_url}/repositories/42"}, 301,
                         {"Location": f"{gh.api_url}/repositories/42"})
        if isinstance(found, int):
            return reply({"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}, found)
        return reply(found)

    async def user(request: web.Request) -> web.StreamResponse:
        found = gh.users.get(request.match_info["owner"])
        return reply(found) if found else reply({"message": "Not Found"}, 404)

    async def commits(request: web.Request) -> web.StreamResponse:
        key = f"{request.match_info['owner']}/{request.match_info['repo']}:{request.query.get('path')}"
        ages = gh.commits.get(key, [])
        page = int(request.query.get("page", "1"))
        headers = {}
        if len(ages) > 1 and page == 1:
            base = f"{gh.api_url}{request.path}?path={request.query.get('path')}&per_page=1"
            headers["Link"] = f'<{base}&page=2>; rel="next", <{base}&page={len(ages)}>; rel="last"'
        chosen = ages[page - 1: page]
        return reply([github_commit_json(a) for a in chosen], 200, headers)

    async def gist(request: web.Request) -> web.StreamResponse:
        found = gh.gists.get(request.match_info["gist_id"])
        return reply(found) if found else reply({"message": "Not Found"}, 404)

    app = web.Application(middlewares=[record])
    app.router.add_get("/gists/{gist_id}", gist)
    app.router.add_get("/repos/{owner}/{repo}", repo)
    app.router.add_get("/users/{owner}", user)
    app.router.add_get("/repos/{owner}/{repo}/commits", commits)
    return app


@pytest.fixture
async def fake_github() -> AsyncIterator[FakeGitHub]:
    gh = FakeGitHub(0)
    runner, gh.port = await start_app(_github_app(gh))
    yield gh
    await runner.cleanup()
