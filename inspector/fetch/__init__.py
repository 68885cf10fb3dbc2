"""Fetching payloads and entry points safely: SSRF guard, limits, GitHub reputation.

    fetcher = Fetcher(settings)                  # one per process
    session = fetcher.session()                  # one per inspection
    got = await session.fetch(planned_url, depth)
    findings = await session.reputation(planned_url) + offline_url_findings(planned_url)
    await fetcher.aclose()
"""

from inspector.fetch.fetcher import FetchedPayload, Fetcher, FetchSession
from inspector.fetch.github import GitHubRef, parse_github_url
from inspector.fetch.guard import AddressGuard, FetchBlocked
from inspector.fetch.reputation import content_mismatch_finding, offline_url_findings

__all__ = [
    "AddressGuard",
    "FetchBlocked",
    "FetchSession",
    "FetchedPayload",
    "Fetcher",
    "GitHubRef",
    "content_mismatch_finding",
    "offline_url_findings",
    "parse_github_url",
]
