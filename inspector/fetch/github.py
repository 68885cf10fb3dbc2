"""GitHub awareness: every URL form parsed to owner/repo/ref/path, and repository reputation.

Public templates fetch from GitHub all the time, so a GitHub URL is not an indicator. What is:
a repository or account created days ago, a repository GitHub disabled or that is gone, an
executable served from a brand-new repository, a file added moments ago, an owner on the
intel list. Facts come from the REST API at `github_api_url` (token optional), cached per
process with a TTL and a size bound; when the rate limit runs out, querying stops until the
reset time and the inspection records that its reputation is incomplete.
"""

from __future__ import annotations

import asyncio
import json
import posixpath
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import httpx

from inspector.stage import Heuristic
from inspector.config import Settings
from inspector.extensions.plan import PlannedUrl
from inspector.fetch.guard import FetchBlocked
from inspector.fetch.reputation import Intel
from inspector.fetch.transport import raw_chunks
from inspector.model import DetectionSource, ErrorKind, Finding, InspectionError
from inspector.redact import redact_text

GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})
RAW_HOSTS = frozenset({"raw.githubusercontent.com", "raw.github.com"})
GIST_HOSTS = frozenset({"gist.github.com"})
GIST_RAW_HOSTS = frozenset({"gist.githubusercontent.com"})
CODELOAD_HOSTS = frozenset({"codeload.github.com"})
API_HOSTS = frozenset({"api.github.com"})

# github.com/<first segment> that are site pages, not owners.
_NOT_OWNERS = frozenset({"orgs", "settings", "marketplace", "sponsors", "features", "topics", "login", "about",
                         "explore", "notifications", "search", "pricing", "enterprise", "apps", "collections"})
_EXECUTABLE_EXTENSIONS = frozenset({".exe", ".dll", ".scr", ".sys", ".msi", ".com", ".pif", ".bin", ".elf", ".so",
                                    ".dylib", ".jar", ".apk", ".lnk"})
# Statuses that answer the question "what is this repository?" (anything else: incomplete).
ANSWER_STATUSES = frozenset({200, 301, 302, 307, 404, 410, 451})
_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})$")


@dataclass(frozen=True)
class GitHubRef:
    """Where a GitHub URL points. `form` names the URL shape (raw, blob, release_asset, ...)."""

    form: str
    owner: str
    repo: str | None = None
    ref: str | None = None
    path: str | None = None
    gist_id: str | None = None


def _split_ref(rest: list[str]) -> tuple[str | None, str | None]:
    """`refs/heads/main/a/b.ps1` or `main/a/b.ps1` -> (ref, path). A ref with slashes in it is
    ambiguous in URLs; the first segment is taken, as GitHub's own short links do."""
    if len(rest) >= 3 and rest[0] == "refs" and rest[1] in ("heads", "tags"):
        rest = rest[2:]
    if not rest:
        return None, None
    return rest[0], "/".join(rest[1:]) or None


def _archive_ref(name: str) -> str:
    for suffix in (".tar.gz", ".zip", ".tgz", ".tar"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def parse_github_url(url: str) -> GitHubRef | None:
    """owner/repo/ref/path for every GitHub URL form; None for anything else."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    segs = [unquote(s) for s in parts.path.split("/") if s]
    if not segs or not _NAME.match(segs[0]):
        return None
    owner = segs[0]
    if host in GIST_RAW_HOSTS:  # /<user>/<id>/raw/[<sha>/]<file>
        if len(segs) < 2:
            return None
        tail = segs[3:] if len(segs) > 2 and segs[2] == "raw" else []
        return GitHubRef("gist_raw", owner, gist_id=segs[1], ref=tail[0] if len(tail) > 1 else None,
                         path=tail[-1] if tail else None)
    if host in GIST_HOSTS:  # /<user>/<id>[/raw/...] or /<id>
        if len(segs) == 1:
            return GitHubRef("gist", "", gist_id=segs[0])
        return GitHubRef("gist", owner, gist_id=segs[1], path=segs[-1] if len(segs) > 3 else None)
    if host in API_HOSTS:  # /repos/<o>/<r>/contents/<path>?ref=, /zipball/<ref>, /tarball/<ref>
        if len(segs) < 3 or segs[0] != "repos":
            return None
        owner, repo, rest = segs[1], segs[2], segs[3:]
        query_ref = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p).get("ref")
        if rest[:1] == ["contents"]:
            return GitHubRef("api_contents", owner, repo, query_ref, "/".join(rest[1:]) or None)
        if rest[:1] in (["zipball"], ["tarball"]):
            return GitHubRef("archive", owner, repo, rest[1] if len(rest) > 1 else None)
        return GitHubRef("api", owner, repo, query_ref)
    if len(segs) < 2:
        return None
    repo = segs[1].removesuffix(".git")
    rest = segs[2:]
    if host in RAW_HOSTS:
        ref, path = _split_ref(rest)
        return GitHubRef("raw", owner, repo, ref, path)
    if host in CODELOAD_HOSTS:  # /<o>/<r>/zip|tar.gz|legacy.zip/<ref>
        ref, _ = _split_ref(rest[1:]) if rest else (None, None)
        return GitHubRef("archive", owner, repo, ref)
    if host not in GITHUB_HOSTS or owner.lower() in _NOT_OWNERS:
        return None
    kind = rest[0] if rest else ""
    if kind in ("blob", "raw", "tree"):
        ref, path = _split_ref(rest[1:])
        return GitHubRef(kind, owner, repo, ref, path)
    if kind == "releases" and "download" in rest:
        i = rest.index("download")
        tag = "latest" if rest[1:2] == ["latest"] else (rest[i + 1] if len(rest) > i + 2 else None)
        return GitHubRef("release_asset", owner, repo, tag, rest[-1])
    if kind == "archive" and len(rest) > 1:
        ref, _ = _split_ref(rest[1:])
        if ref is not None and len(rest) > 2 and rest[1] == "refs":
            ref = _archive_ref(rest[-1])
        return GitHubRef("archive", owner, repo, _archive_ref(ref) if ref else None)
    return GitHubRef("repo", owner, repo)


@dataclass(frozen=True)
class ApiResult:
    status: int | None
    body: Any = None
    error: str | None = None  # rate_limited, or a fetch error kind
    location: str | None = None
    link: str | None = None  # pagination header


@dataclass
class RepoFacts:
    """What the API said about the repository, its owner and the file a URL names."""

    ref: GitHubRef
    repo_status: int | None = None
    repo_moved_to: str | None = None
    created_at: datetime | None = None
    pushed_at: datetime | None = None
    stars: int | None = None
    forks: int | None = None
    archived: bool = False
    disabled: bool = False
    owner_created_at: datetime | None = None
    owner_public_repos: int | None = None
    owner_type: str | None = None
    file_added_at: datetime | None = None
    incomplete: str | None = None  # why some facts are missing


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _last_page(link: str | None) -> int | None:
    match = re.search(r'[?&]page=(\d{1,6})[^>]*>;\s*rel="last"', link or "")
    return int(match.group(1)) if match else None


class GitHubClient:
    """REST API client with a per-process TTL cache, request coalescing and rate-limit respect."""

    def __init__(self, settings: Settings, open_url: Callable[[str, dict[str, str]], Awaitable[httpx.Response]]) -> None:
        """`open_url` sends a GET through the fetcher's guarded transport (Fetcher.open)."""
        self.settings = settings
        self.open_url = open_url
        self.base = settings.github_api_url.rstrip("/")
        self._token = settings.github_token.get_secret_value() if settings.github_token else None
        self._cache: OrderedDict[str, tuple[float, ApiResult]] = OrderedDict()
        self._inflight: dict[str, asyncio.Future[ApiResult]] = {}
        self.limited_until = 0.0  # epoch seconds; no query before then
        self.queries = 0

    async def get(self, path: str) -> ApiResult:
        now = time.time()
        cached = self._cache.get(path)
        if cached and cached[0] > time.monotonic():
            self._cache.move_to_end(path)
            return cached[1]
        if now < self.limited_until:
            return ApiResult(None, error="rate_limited")
        if path in self._inflight:
            return await asyncio.shield(self._inflight[path])
        future: asyncio.Future[ApiResult] = asyncio.get_running_loop().create_future()
        self._inflight[path] = future
        try:
            result = await self._query(path)
        except BaseException:
            future.cancel()
            raise
        finally:
            self._inflight.pop(path, None)
        future.set_result(result)
        if result.error is None and result.status is not None and result.status < 500:  # 5xx: ask again later
            self._cache[path] = (time.monotonic() + self.settings.github_cache_ttl_s, result)
            while len(self._cache) > self.settings.github_cache_entries:
                self._cache.popitem(last=False)
        return result

    @staticmethod
    def _unexpected(result: ApiResult) -> str | None:
        """Why an answer says nothing about the repository (an error, 403, 5xx), or None."""
        if result.error:
            return result.error
        if result.status not in ANSWER_STATUSES:
            return f"HTTP {result.status}"
        return None

    async def _query(self, path: str) -> ApiResult:
        s = self.settings
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
        if self._token:  # only ever to the configured API host: redirects are not followed
            headers["Authorization"] = f"Bearer {self._token}"
        self.queries += 1
        try:
            async with asyncio.timeout(s.fetch_total_timeout_s):
                response = await self.open_url(self.base + path, headers)
                try:
                    self._note_rate_limit(response)
                    if response.status_code in (403, 429) and self.limited_until > time.time():
                        return ApiResult(response.status_code, error="rate_limited")
                    body = bytearray()
                    async for chunk in raw_chunks(response):
                        body += chunk
                        if len(body) > s.github_api_max_bytes:
                            return ApiResult(response.status_code, error="too_large")
                finally:
                    await response.aclose()
        except FetchBlocked as exc:
            return ApiResult(None, error=exc.kind)
        except TimeoutError:
            return ApiResult(None, error="timeout")
        except httpx.HTTPError as exc:
            return ApiResult(None, error=type(exc).__name__)
        try:
            parsed = json.loads(body) if body else None
        except ValueError:
            parsed = None
        return ApiResult(response.status_code, parsed, location=response.headers.get("location"),
                         link=response.headers.get("link"))

    def _note_rate_limit(self, response: httpx.Response) -> None:
        remaining = response.headers.get("x-ratelimit-remaining", "")
        reset = response.headers.get("x-ratelimit-reset", "")
        if remaining == "0" and reset.isdigit():
            self.limited_until = float(reset)
        elif response.status_code == 429 or (response.status_code == 403 and remaining == "0"):
            self.limited_until = time.time() + 60

    async def facts(self, ref: GitHubRef) -> RepoFacts:
        facts = RepoFacts(ref)
        owner = ref.owner
        if ref.gist_id:
            gist = await self.get(f"/gists/{quote(ref.gist_id, safe='')}")
            facts.repo_status = gist.status
            facts.incomplete = self._unexpected(gist)
            if not facts.incomplete and gist.status == 200 and isinstance(gist.body, dict):
                facts.created_at = _when(gist.body.get("created_at"))
                facts.pushed_at = _when(gist.body.get("updated_at"))
                owner = str((gist.body.get("owner") or {}).get("login") or owner)
        elif ref.repo:
            repo = await self.get(f"/repos/{quote(owner, safe='')}/{quote(ref.repo, safe='')}")
            facts.repo_status = repo.status
            facts.incomplete = self._unexpected(repo)
            if facts.incomplete:
                return facts
            if repo.status in (301, 302, 307):
                facts.repo_moved_to = repo.location
            elif repo.status == 200 and isinstance(repo.body, dict):
                body = repo.body
                facts.created_at = _when(body.get("created_at"))
                facts.pushed_at = _when(body.get("pushed_at"))
                facts.stars = body.get("stargazers_count")
                facts.forks = body.get("forks_count")
                facts.archived = bool(body.get("archived"))
                facts.disabled = bool(body.get("disabled"))
                if ref.path:
                    facts.file_added_at = await self._file_added(ref)
        if owner and facts.repo_status in (200, None) and not facts.incomplete:
            user = await self.get(f"/users/{quote(owner, safe='')}")
            facts.incomplete = self._unexpected(user)
            if not facts.incomplete and user.status == 200 and isinstance(user.body, dict):
                facts.owner_created_at = _when(user.body.get("created_at"))
                facts.owner_public_repos = user.body.get("public_repos")
                facts.owner_type = user.body.get("type")
        return facts

    async def _file_added(self, ref: GitHubRef) -> datetime | None:
        """Date of the oldest commit touching the path: newest first, so read the last page."""
        assert ref.repo and ref.path
        base = (f"/repos/{quote(ref.owner, safe='')}/{quote(ref.repo, safe='')}/commits"
                f"?path={quote(ref.path, safe='')}&per_page=1" + (f"&sha={quote(ref.ref, safe='')}" if ref.ref else ""))
        first = await self.get(base)
        if first.error or first.status != 200 or not isinstance(first.body, list) or not first.body:
            return None
        page = _last_page(first.link)
        commits = first.body
        if page and page > 1:
            last = await self.get(f"{base}&page={page}")
            if last.status == 200 and isinstance(last.body, list) and last.body:
                commits = last.body
        commit = commits[-1].get("commit", {}) if isinstance(commits[-1], dict) else {}
        return _when((commit.get("committer") or {}).get("date") or (commit.get("author") or {}).get("date"))


def _declare(id: str, title: str, description: str, score: int, *attack: str) -> Heuristic:
    return Heuristic(id=id, title=title, description=description, score=score, attack=attack,
                     source=DetectionSource.REPUTATION)


NEW_REPO = _declare("reputation.github.new_repo", "GitHub repository created recently",
                    "The repository the payload comes from is days old; staging repositories are made just "
                    "before use.", 150, "T1583.006", "T1105")
NEW_OWNER = _declare("reputation.github.new_owner", "GitHub account created recently",
                     "The account that owns the repository is days old.", 150, "T1585", "T1105")
REPO_MISSING = _declare("reputation.github.repo_missing", "GitHub repository is gone",
                        "The repository no longer exists or is unavailable (404/451): staging repositories "
                        "are deleted after use.", 200, "T1070")
REPO_MOVED = _declare("reputation.github.repo_moved", "GitHub repository was renamed or moved",
                      "The API answered with a redirect: the name in the URL now points elsewhere.", 50)
REPO_DISABLED = _declare("reputation.github.repo_disabled", "GitHub disabled the repository",
                         "GitHub disables repositories for terms-of-service violations such as malware.", 300)
EXECUTABLE_NEW = _declare("reputation.github.executable_from_new_repo", "Executable served from a new repository",
                          "A binary downloaded from a repository or account that is days old.", 400,
                          "T1105", "T1204.002")
FILE_NEW = _declare("reputation.github.file_recently_added", "File was added to the repository recently",
                    "The fetched file first appeared in the repository days ago.", 100, "T1105")
NO_FOLLOWING = _declare("reputation.github.no_following", "Repository has no stars or forks",
                        "Nobody else uses this repository (weak alone; it adds to other signals).", 25)
BAD_OWNER = _declare("reputation.intel.bad_owner", "GitHub owner is on the intel list",
                     "The repository owner is listed in signatures/intel as hosting offensive tooling.", 500,
                     "T1588.002", "T1105")
BAD_REPO = _declare("reputation.intel.bad_repo", "GitHub repository is on the intel list",
                    "The repository is listed in signatures/intel as hosting offensive tooling.", 500,
                    "T1588.002", "T1105")

# Every detection this module declares, for the detection catalog (inspector/detections).
DETECTIONS: tuple[Heuristic, ...] = (
    NEW_REPO, NEW_OWNER, REPO_MISSING, REPO_MOVED, REPO_DISABLED, EXECUTABLE_NEW, FILE_NEW, NO_FOLLOWING, BAD_OWNER,
    BAD_REPO,
)


def _finding(heuristic: Heuristic, url: str, detail: str | None = None) -> Finding:
    return Finding(
        id=heuristic.id, source="reputation", title=heuristic.title, description=heuristic.description,
        attack=list(heuristic.attack), score=heuristic.score, url=url, snippet=redact_text(detail)[:200] if detail else None,
    )


def _days(then: datetime | None, now: datetime) -> float | None:
    return (now - then).total_seconds() / 86400 if then else None


def facts_findings(facts: RepoFacts, url: str, settings: Settings, now: datetime | None = None) -> list[Finding]:
    """Turn API facts into reputation findings (pure: easy to test against recorded JSON)."""
    now = now or datetime.now(UTC)
    found: list[Finding] = []
    ref = facts.ref
    name = f"{ref.owner}/{ref.repo}" if ref.repo else f"gist {ref.gist_id}"
    if facts.repo_status in (404, 410, 451):
        found.append(_finding(REPO_MISSING, url, f"{name}: HTTP {facts.repo_status}"))
    if facts.repo_moved_to is not None or facts.repo_status in (301, 302, 307):
        found.append(_finding(REPO_MOVED, url, name))
    if facts.disabled:
        found.append(_finding(REPO_DISABLED, url, name))
    repo_age, owner_age = _days(facts.created_at, now), _days(facts.owner_created_at, now)
    new_repo = repo_age is not None and repo_age < settings.github_new_days
    new_owner = owner_age is not None and owner_age < settings.github_new_days
    if new_repo:
        found.append(_finding(NEW_REPO, url, f"{name} created {repo_age:.0f} days ago"))
    if new_owner:
        found.append(_finding(NEW_OWNER, url, f"{ref.owner} created {owner_age:.0f} days ago, "
                                                f"{facts.owner_public_repos} public repositories"))
    extension = posixpath.splitext((ref.path or "").lower())[1]
    if (new_repo or new_owner) and extension in _EXECUTABLE_EXTENSIONS:
        found.append(_finding(EXECUTABLE_NEW, url, f"{ref.path} from {name}"))
    added_age = _days(facts.file_added_at, now)
    if added_age is not None and added_age < settings.github_recent_file_days:
        found.append(_finding(FILE_NEW, url, f"{ref.path} added {added_age:.1f} days ago"))
    if facts.stars == 0 and facts.forks == 0:
        found.append(_finding(NO_FOLLOWING, url, name))
    return found


def intel_findings(ref: GitHubRef, url: str, intel: Intel) -> list[Finding]:
    found = []
    if ref.owner and ref.owner.lower() in intel.bad_owners:
        found.append(_finding(BAD_OWNER, url, ref.owner))
    if ref.repo and f"{ref.owner}/{ref.repo}".lower() in intel.bad_repos:
        found.append(_finding(BAD_REPO, url, f"{ref.owner}/{ref.repo}"))
    return found


async def github_reputation(
    planned: PlannedUrl, client: GitHubClient, intel: Intel, problems: list[InspectionError]
) -> list[Finding]:
    """Intel matches (offline) plus API facts for a GitHub URL; [] for any other URL."""
    ref = parse_github_url(planned.url)
    if ref is None:
        return []
    found = intel_findings(ref, planned.redacted, intel)
    if not client.settings.fetch:
        return found  # no network at all when fetching is off
    facts = await client.facts(ref)
    if facts.incomplete:
        kind = ErrorKind.GITHUB_RATE_LIMITED if facts.incomplete == "rate_limited" else ErrorKind.GITHUB_API_FAILED
        problems.append(InspectionError(kind=kind, detail=f"GitHub facts incomplete: {facts.incomplete}",
                                        url=planned.redacted))
    found.extend(facts_findings(facts, planned.redacted, client.settings))
    return found
