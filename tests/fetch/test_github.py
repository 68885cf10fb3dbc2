"""GitHub URL forms, repository facts from a fake REST API, and the findings they become."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import SecretStr

from inspector.fetch.github import GitHubRef, RepoFacts, facts_findings, parse_github_url
from inspector.fetch.reputation import Intel
from tests.fetch.support import (
    FakeGitHub,
    LocalServer,
    closed_settings,
    github_gist_json,
    github_repo_json,
    github_user_json,
    planned,
)


@pytest.mark.parametrize("url, expected", [
    ("https://github.com/contoso/tools/blob/main/scripts/install.ps1",
     GitHubRef("blob", "contoso", "tools", "main", "scripts/install.ps1")),
    ("https://github.com/contoso/tools/raw/main/bin/agent.exe", GitHubRef("raw", "contoso", "tools", "main", "bin/agent.exe")),
    ("https://github.com/contoso/tools/raw/refs/heads/dev/a.sh", GitHubRef("raw", "contoso", "tools", "dev", "a.sh")),
    ("https://github.com/contoso/tools/tree/v1.2/modules", GitHubRef("tree", "contoso", "tools", "v1.2", "modules")),
    ("https://github.com/contoso/tools/releases/download/v2.0/agent.zip",
     GitHubRef("release_asset", "contoso", "tools", "v2.0", "agent.zip")),
    ("https://github.com/contoso/tools/releases/latest/download/agent.exe",
     GitHubRef("release_asset", "contoso", "tools", "latest", "agent.exe")),
    ("https://github.com/contoso/tools/archive/refs/heads/main.zip", GitHubRef("archive", "contoso", "tools", "main")),
    ("https://github.com/contoso/tools/archive/v1.0.tar.gz", GitHubRef("archive", "contoso", "tools", "v1.0")),
    ("https://github.com/contoso/tools.git", GitHubRef("repo", "contoso", "tools")),
    ("https://raw.githubusercontent.com/contoso/tools/main/dsc/cfg.ps1.zip",
     GitHubRef("raw", "contoso", "tools", "main", "dsc/cfg.ps1.zip")),
    ("https://raw.githubusercontent.com/contoso/tools/refs/heads/main/a/b.ps1",
     GitHubRef("raw", "contoso", "tools", "main", "a/b.ps1")),
    ("https://raw.githubusercontent.com/contoso/tools/3f2c1a9/a.ps1", GitHubRef("raw", "contoso", "tools", "3f2c1a9", "a.ps1")),
    ("https://codeload.github.com/contoso/tools/zip/refs/heads/main", GitHubRef("archive", "contoso", "tools", "main")),
    ("https://codeload.github.com/contoso/tools/tar.gz/v3", GitHubRef("archive", "contoso", "tools", "v3")),
    ("https://api.github.com/repos/contoso/tools/contents/scripts/run.sh?ref=dev",
     GitHubRef("api_contents", "contoso", "tools", "dev", "scripts/run.sh")),
    ("https://api.github.com/repos/contoso/tools/zipball/main", GitHubRef("archive", "contoso", "tools", "main")),
    ("https://gist.github.com/mallory/0a1b2c3d4e5f", GitHubRef("gist", "mallory", gist_id="0a1b2c3d4e5f")),
    ("https://gist.githubusercontent.com/mallory/0a1b2c3d4e5f/raw/9f8e7d/stage2.ps1",
     GitHubRef("gist_raw", "mallory", gist_id="0a1b2c3d4e5f", ref="9f8e7d", path="stage2.ps1")),
    ("https://gist.githubusercontent.com/mallory/0a1b2c3d4e5f/raw/stage2.ps1",
     GitHubRef("gist_raw", "mallory", gist_id="0a1b2c3d4e5f", path="stage2.ps1")),
    ("https://GITHUB.com./contoso/tools/blob/main/x.ps1", GitHubRef("blob", "contoso", "tools", "main", "x.ps1")),
])
def test_every_github_url_form_is_parsed(url: str, expected: GitHubRef) -> None:
    assert parse_github_url(url) == expected


@pytest.mark.parametrize("url", [
    "https://example.com/contoso/tools/blob/main/x.ps1", "https://github.com/", "https://github.com/contoso",
    "https://github.com/orgs/contoso/repos", "https://notgithub.com/a/b", "https://acct.blob.core.windows.net/c/a.ps1",
    "https://github.com.evil.example/contoso/tools",
])
def test_other_urls_are_not_github(url: str) -> None:
    assert parse_github_url(url) is None


NOW = datetime(2026, 6, 1, tzinfo=UTC)


def facts(**values: Any) -> RepoFacts:
    return RepoFacts(GitHubRef("raw", "mallory", "payloads", "main", values.pop("path", "stage2.ps1")), **values)


def ids(found: list[Any]) -> set[str]:
    return {f.id for f in found}


def test_a_days_old_repository_of_a_days_old_account_serving_an_executable() -> None:
    found = facts_findings(facts(repo_status=200, created_at=NOW - timedelta(days=2), owner_created_at=NOW - timedelta(days=3),
                                 owner_public_repos=1, stars=0, forks=0, path="bin/update.exe",
                                 file_added_at=NOW - timedelta(hours=5)),
                           "https://raw.githubusercontent.com/mallory/payloads/main/bin/update.exe", closed_settings(), NOW)
    assert ids(found) == {"reputation.github.new_repo", "reputation.github.new_owner",
                          "reputation.github.executable_from_new_repo", "reputation.github.file_recently_added",
                          "reputation.github.no_following"}
    assert all(f.source == "reputation" and f.artifact is None and f.url for f in found)
    assert sum(f.score for f in found) >= 700


def test_an_established_repository_is_not_an_indicator() -> None:
    found = facts_findings(facts(repo_status=200, created_at=NOW - timedelta(days=2000), stars=4200, forks=800,
                                 owner_created_at=NOW - timedelta(days=4000), owner_public_repos=300,
                                 file_added_at=NOW - timedelta(days=900)), "u", closed_settings(), NOW)
    assert found == []


@pytest.mark.parametrize("status, finding", [(404, "reputation.github.repo_missing"),
                                             (451, "reputation.github.repo_missing"),
                                             (301, "reputation.github.repo_moved")])
def test_gone_and_moved_repositories(status: int, finding: str) -> None:
    assert ids(facts_findings(facts(repo_status=status), "u", closed_settings(), NOW)) == {finding}


def test_a_disabled_repository() -> None:
    found = facts_findings(facts(repo_status=200, disabled=True, created_at=NOW - timedelta(days=400), stars=3, forks=1),
                           "u", closed_settings(), NOW)
    assert ids(found) == {"reputation.github.repo_disabled"}


def github_settings(gh: FakeGitHub, **overrides: Any) -> Any:
    return closed_settings(github_api_url=gh.api_url, **overrides)


async def test_facts_come_from_the_api_and_become_findings(fake_github: FakeGitHub, fetcher_factory: Any) -> None:
    fake_github.repos["mallory/payloads"] = github_repo_json("mallory", "payloads", age_days=3)
    fake_github.users["mallory"] = github_user_json("mallory", age_days=4, public_repos=1)
    fake_github.commits["mallory/payloads:bin/update.exe"] = [0.5, 1.0, 2.0]
    fetcher = fetcher_factory(github_settings(fake_github))
    url = "https://raw.githubusercontent.com/mallory/payloads/main/bin/update.exe"
    found = await fetcher.session().reputation(planned(url))
    assert ids(found) == {"reputation.github.new_repo", "reputation.github.new_owner",
                          "reputation.github.executable_from_new_repo", "reputation.github.file_recently_added",
                          "reputation.github.no_following"}
    assert "/repos/mallory/payloads" in fake_github.hits and "/users/mallory" in fake_github.hits
    assert any("page=3" in hit for hit in fake_github.hits)  # the oldest commit: when the file was added


async def test_a_deleted_repository_is_reported(fake_github: FakeGitHub, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(github_settings(fake_github))
    found = await fetcher.session().reputation(planned("https://github.com/gone/away/raw/main/a.ps1"))
    assert ids(found) == {"reputation.github.repo_missing"}


async def test_a_renamed_repository_is_reported_and_the_redirect_not_followed(
    fake_github: FakeGitHub, fetcher_factory: Any
) -> None:
    fake_github.repos["old/name"] = 301
    fetcher = fetcher_factory(github_settings(fake_github))
    found = await fetcher.session().reputation(planned("https://github.com/old/name/blob/main/a.ps1"))
    assert ids(found) == {"reputation.github.repo_moved"}
    assert not any(hit.startswith("/repositories/") for hit in fake_github.hits)


async def test_a_new_gist_of_a_new_account_is_reported(fake_github: FakeGitHub, fetcher_factory: Any) -> None:
    fake_github.gists["0a1b2c3d4e5f"] = github_gist_json("0a1b2c3d4e5f", "mallory", age_days=1)
    fake_github.users["mallory"] = github_user_json("mallory", age_days=2, public_repos=0)
    fetcher = fetcher_factory(github_settings(fake_github))
    found = await fetcher.session().reputation(
        planned("https://gist.githubusercontent.com/mallory/0a1b2c3d4e5f/raw/9f8e7d/stage2.ps1"))
    assert ids(found) == {"reputation.github.new_repo", "reputation.github.new_owner"}
    assert fake_github.hits == ["/gists/0a1b2c3d4e5f", "/users/mallory"]


async def test_api_failures_make_reputation_incomplete_and_are_not_cached(
    fake_github: FakeGitHub, fetcher_factory: Any
) -> None:
    fake_github.repos["flaky/repo"] = 503
    fetcher = fetcher_factory(github_settings(fake_github))
    for _ in range(2):
        session = fetcher.session()
        assert await session.reputation(planned("https://github.com/flaky/repo")) == []
        assert [(p.kind, p.detail) for p in session.problems] == [("github_api_failed", "GitHub facts incomplete: HTTP 503")]
    assert fake_github.hits == ["/repos/flaky/repo"] * 2


async def test_answers_are_cached_per_process(fake_github: FakeGitHub, fetcher_factory: Any) -> None:
    fake_github.repos["contoso/tools"] = github_repo_json("contoso", "tools", age_days=900, stars=50, forks=5)
    fake_github.users["contoso"] = github_user_json("contoso", age_days=3000, public_repos=40)
    fetcher = fetcher_factory(github_settings(fake_github))
    url = "https://github.com/contoso/tools/archive/refs/heads/main.zip"
    for _ in range(3):
        assert await fetcher.session().reputation(planned(url)) == []
    assert fake_github.hits == ["/repos/contoso/tools", "/users/contoso"]


async def test_cached_answers_expire_after_their_ttl(fake_github: FakeGitHub, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(github_settings(fake_github, github_cache_ttl_s=0))
    for _ in range(2):
        await fetcher.session().reputation(planned("https://github.com/gone/away"))
    assert fake_github.hits == ["/repos/gone/away"] * 2


async def test_the_cache_is_bounded(fake_github: FakeGitHub, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(github_settings(fake_github, github_cache_entries=3))
    for n in range(6):
        await fetcher.session().reputation(planned(f"https://github.com/gone/r{n}"))
    assert len(fetcher.github._cache) == 3


async def test_an_exhausted_rate_limit_stops_querying_and_is_recorded(
    fake_github: FakeGitHub, fetcher_factory: Any
) -> None:
    fake_github.remaining = 2
    fake_github.repos["a/one"] = github_repo_json("a", "one", age_days=3)
    fake_github.users["a"] = github_user_json("a", age_days=900, public_repos=9)
    fetcher = fetcher_factory(github_settings(fake_github))
    session = fetcher.session()
    await session.reputation(planned("https://github.com/a/one"))
    assert fetcher.github.limited_until > datetime.now(UTC).timestamp()
    before = len(fake_github.hits)
    await session.reputation(planned("https://github.com/b/two"))
    assert len(fake_github.hits) == before
    assert [p.kind for p in session.problems] == ["github_rate_limited"]


async def test_the_token_goes_to_the_api_host_only(
    fake_github: FakeGitHub, payload_server: LocalServer, fetcher_factory: Any
) -> None:
    fake_github.repos["contoso/tools"] = github_repo_json("contoso", "tools", age_days=900, stars=5, forks=1)
    fake_github.users["contoso"] = github_user_json("contoso", age_days=3000, public_repos=4)
    fetcher = fetcher_factory(github_settings(fake_github, github_token=SecretStr("ghp_testtoken")))
    session = fetcher.session()
    url = payload_server.url("/owner/repo/main/install.ps1", "raw.githubusercontent.com")
    await session.fetch(planned(url))
    await session.reputation(planned("https://github.com/contoso/tools/blob/main/x.ps1"))
    assert set(fake_github.auth) == {"Bearer ghp_testtoken"}
    assert "Authorization" not in payload_server.headers[-1]


async def test_intel_owners_match_without_any_query(fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(closed_settings(fetch=False), intel=Intel(bad_owners=frozenset({"mallory"}),
                                                                        bad_repos=frozenset({"eve/kit"})))
    found = await fetcher.session().reputation(planned("https://github.com/Mallory/anything/raw/main/a.exe"))
    assert ids(found) == {"reputation.intel.bad_owner"}
    found = await fetcher.session().reputation(planned("https://raw.githubusercontent.com/eve/kit/main/a.ps1"))
    assert ids(found) == {"reputation.intel.bad_repo"}
    assert fetcher.github.queries == 0


async def test_non_github_urls_have_no_github_reputation(fake_github: FakeGitHub, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(github_settings(fake_github))
    assert await fetcher.session().reputation(planned("https://acct.blob.core.windows.net/c/a.ps1")) == []
    assert fake_github.hits == []
