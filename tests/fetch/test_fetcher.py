"""Fetcher and FetchSession: records, limits, timeouts, retries, redirects, credentials."""

from __future__ import annotations

import asyncio
import hashlib
import random
import time
from typing import Any

import httpx

from inspector.extensions.plan import UrlRole
from tests.fetch.support import (
    HELD_TIMEOUTS,
    SCRIPT,
    LocalServer,
    NoDns,
    RecordingConnector,
    closed_settings,
    planned,
)
from tests.timing import finishes_within, until


async def test_a_script_is_fetched_and_recorded(payload_server: LocalServer, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(closed_settings())
    got = await fetcher.session().fetch(planned(payload_server.url("/script.ps1", "raw.githubusercontent.com")))
    assert got.data == SCRIPT
    record = got.record
    assert record.fetched and record.error is None and record.status == 200
    assert record.bytes == len(SCRIPT) and record.sha256 == hashlib.sha256(SCRIPT).hexdigest()
    assert record.role == "entry_point" and record.content_type and record.content_type.startswith("text/plain")
    assert record.final_url == payload_server.url("/script.ps1", "raw.githubusercontent.com")
    assert record.elapsed_ms > 0 and got.attempts == [record]


async def test_the_host_header_keeps_the_name_and_the_user_agent_says_who_we_are(
    payload_server: LocalServer, fetcher_factory: Any
) -> None:
    fetcher = fetcher_factory(closed_settings())
    await fetcher.session().fetch(planned(payload_server.url("/echo", "raw.githubusercontent.com")))
    sent = payload_server.headers[-1]
    assert sent["Host"] == f"raw.githubusercontent.com:{payload_server.port}"
    assert "PayloadInspector" in sent["User-Agent"]
    assert sent["Accept-Encoding"] == "identity"  # never let a server hand us a gzip bomb to inflate


async def test_a_zip_is_returned_as_bytes(payload_server: LocalServer, fetcher_factory: Any) -> None:
    got = await fetcher_factory(closed_settings()).session().fetch(planned(payload_server.url("/dsc.zip")))
    assert got.data is not None and got.data.startswith(b"PK\x03\x04")


async def test_credentials_in_the_url_and_cookies_are_never_sent(payload_server: LocalServer, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(closed_settings())
    session = fetcher.session()
    await session.fetch(planned(payload_server.url("/script.ps1")))  # sets a cookie
    url = f"http://admin:hunter2@payloads.example:{payload_server.port}/echo"
    got = await session.fetch(planned(url))
    sent = payload_server.headers[-1]
    assert "Authorization" not in sent and "Cookie" not in sent
    assert "hunter2" not in (got.record.url + str(got.record.final_url))


async def test_redirects_are_followed_and_listed(payload_server: LocalServer, fetcher_factory: Any) -> None:
    got = await fetcher_factory(closed_settings()).session().fetch(planned(payload_server.url("/chain/3")))
    assert got.data == SCRIPT
    assert [r.rsplit("/", 1)[1] for r in got.record.redirects] == ["2", "1", "0"]
    assert got.record.final_url is not None and got.record.final_url.endswith("/chain/0")


async def test_too_many_redirects_stop_the_fetch(payload_server: LocalServer, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_max_redirects=5))
    got = await fetcher.session().fetch(planned(payload_server.url("/chain/6")))
    assert got.data is None and got.record.error == "too_many_redirects"
    assert len(payload_server.hits) == 6


async def test_secrets_in_redirect_targets_are_redacted(payload_server: LocalServer, fetcher_factory: Any) -> None:
    target = payload_server.url("/script.ps1?sv=2022-11-02&sig=c2VjcmV0c2lnbmF0dXJl&se=2030-01-01")
    got = await fetcher_factory(closed_settings()).session().fetch(
        planned(payload_server.url(f"/redirect?to={target.replace('&', '%26').replace('?', '%3F')}")))
    assert got.data == SCRIPT
    assert "c2VjcmV0c2lnbmF0dXJl" not in " ".join(got.record.redirects) + str(got.record.final_url)


async def test_a_drip_feeding_server_is_cut_by_the_total_timeout(payload_server: LocalServer, fetcher_factory: Any) -> None:
    # A byte every 0.2 s never lets the 60 s read timeout fire: only the total timeout can end it.
    fetcher = fetcher_factory(closed_settings(fetch_total_timeout_s=1.5, fetch_read_timeout_s=60.0))
    with finishes_within():
        got = await fetcher.session().fetch(planned(payload_server.url("/drip?every=0.2")))
    assert got.data is None and got.record.error == "timeout"
    assert "total timeout of 1.5s" in (got.record.error_detail or "")


async def test_a_silent_server_is_cut_by_the_read_timeout(payload_server: LocalServer, fetcher_factory: Any) -> None:
    # The server never answers; the total timeout is far away, so the read timeout is what ends it.
    fetcher = fetcher_factory(closed_settings(fetch_read_timeout_s=0.3, fetch_total_timeout_s=600.0, fetch_retries=0))
    with finishes_within():
        got = await fetcher.session().fetch(planned(payload_server.url("/held")))
    assert got.record.error == "timeout" and "no data for 0.3s" in (got.record.error_detail or "")
    assert payload_server.hits == ["/held"]


async def test_an_endless_body_is_cut_at_the_byte_cap(payload_server: LocalServer, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_max_bytes=256 * 1024))
    got = await fetcher.session().fetch(planned(payload_server.url("/endless")))
    assert got.data is None and got.record.error == "too_large"
    assert got.record.bytes <= 256 * 1024


async def test_a_declared_length_over_the_cap_is_refused_before_reading(
    payload_server: LocalServer, fetcher_factory: Any
) -> None:
    got = await fetcher_factory(closed_settings()).session().fetch(planned(payload_server.url("/declared-huge")))
    assert got.record.error == "too_large" and got.record.bytes == 0
    assert "Content-Length" in (got.record.error_detail or "")


async def test_a_body_shorter_than_its_content_length_is_a_protocol_error(
    raw_server: tuple[int, dict[str, bytes]], fetcher_factory: Any
) -> None:
    port, answers = raw_server
    answers["/short"] = b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nWrite-Host only part"
    got = await fetcher_factory(closed_settings()).session().fetch(planned(f"http://payloads.example:{port}/short"))
    assert got.data is None and got.record.error == "protocol_error"


async def test_a_body_longer_than_its_content_length_is_cut_to_the_declared_length(
    raw_server: tuple[int, dict[str, bytes]], fetcher_factory: Any
) -> None:
    port, answers = raw_server
    answers["/long"] = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello and a smuggled second response"
    got = await fetcher_factory(closed_settings()).session().fetch(planned(f"http://payloads.example:{port}/long"))
    assert got.data == b"hello" and got.record.bytes == 5


async def test_garbage_instead_of_http_is_a_protocol_error(
    raw_server: tuple[int, dict[str, bytes]], fetcher_factory: Any
) -> None:
    port, answers = raw_server
    answers["/junk"] = b"SSH-2.0-OpenSSH_9.6\r\n"
    got = await fetcher_factory(closed_settings()).session().fetch(planned(f"http://payloads.example:{port}/junk"))
    assert got.record.error == "protocol_error"


async def test_transient_failures_are_retried_with_one_record_per_attempt(
    payload_server: LocalServer, fetcher_factory: Any
) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_retries=2))
    got = await fetcher.session().fetch(planned(payload_server.url("/flaky?fail=2&code=503")))
    assert got.data == SCRIPT
    assert [a.status for a in got.attempts] == [503, 503, 200]
    assert [a.error for a in got.attempts] == ["http_error", "http_error", None]


async def test_429_is_retried_after_the_retry_after_delay(payload_server: LocalServer, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_retries=1))
    started = time.monotonic()
    got = await fetcher.session().fetch(planned(payload_server.url("/flaky?fail=1&code=429&retry_after=1")))
    assert got.data == SCRIPT and time.monotonic() - started >= 1.0


async def test_a_retry_after_beyond_the_deadline_is_not_waited_for(
    payload_server: LocalServer, fetcher_factory: Any
) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_retries=3, fetch_total_timeout_s=30.0))
    with finishes_within(20):  # neither the 120 s asked for nor what is left of the 30 s; it takes under a second
        got = await fetcher.session().fetch(planned(payload_server.url("/flaky?fail=1&code=429&retry_after=120")))
    assert got.record.status == 429 and "no retry" in (got.record.error_detail or "")
    assert len(got.attempts) == 1


async def test_client_errors_are_not_retried(payload_server: LocalServer, fetcher_factory: Any) -> None:
    got = await fetcher_factory(closed_settings(fetch_retries=3)).session().fetch(planned(payload_server.url("/status/404")))
    assert got.record.error == "http_error" and got.record.status == 404 and len(got.attempts) == 1


async def test_refused_connections_are_retried_then_reported(fetcher_factory: Any) -> None:
    connector = RecordingConnector()
    fetcher = fetcher_factory(closed_settings(fetch_retries=2), connector=connector)
    got = await fetcher.session().fetch(planned("http://payloads.example:9/x.ps1"))
    assert got.record.error == "connect_failed" and len(got.attempts) == 3
    assert connector.attempts == [("127.0.0.1", 9)] * 3


async def test_fetching_off_touches_no_network(fetcher_factory: Any) -> None:
    connector, dns = RecordingConnector(), NoDns()
    fetcher = fetcher_factory(closed_settings(fetch=False), connector=connector, resolver=dns)
    got = await fetcher.session().fetch(planned("https://raw.githubusercontent.com/o/r/main/a.ps1"))
    assert got.record.error == "fetch_disabled" and got.data is None
    assert connector.attempts == [] and dns.questions == []


async def test_the_session_byte_budget_is_shared_by_its_fetches(payload_server: LocalServer, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_total_bytes=150_000, fetch_max_bytes=100_000))
    session = fetcher.session()
    first = await session.fetch(planned(payload_server.url("/sized/90000")))
    second = await session.fetch(planned(payload_server.url("/sized/90001")))
    third = await session.fetch(planned(payload_server.url("/sized/10")))
    assert first.data is not None and len(first.data) == 90_000
    assert second.record.error == "budget_exhausted"
    assert third.record.error == "budget_exhausted"
    fresh = await fetcher.session().fetch(planned(payload_server.url("/sized/90002")))
    assert fresh.data is not None  # the budget is per inspection, not per process


async def test_the_url_count_per_inspection_is_bounded(payload_server: LocalServer, fetcher_factory: Any) -> None:
    session = fetcher_factory(closed_settings(fetch_max_urls=2)).session()
    results = [await session.fetch(planned(payload_server.url(f"/sized/{n}"))) for n in (1, 2, 3)]
    assert [r.record.error for r in results] == [None, None, "too_many_urls"]


async def test_urls_beyond_the_fetch_depth_are_not_fetched(payload_server: LocalServer, fetcher_factory: Any) -> None:
    session = fetcher_factory(closed_settings(fetch_depth=2)).session()
    got = await session.fetch(planned(payload_server.url("/script.ps1"), UrlRole.REFERENCED), depth=3)
    assert got.record.error == "depth_limit" and payload_server.hits == []
    got = await session.fetch(planned(payload_server.url("/script.ps1"), UrlRole.REFERENCED), depth=2)
    assert got.data == SCRIPT and got.record.depth == 2


async def test_the_same_url_twice_in_one_inspection_is_fetched_once(
    payload_server: LocalServer, fetcher_factory: Any
) -> None:
    session = fetcher_factory(closed_settings(**HELD_TIMEOUTS)).session()
    url = payload_server.url("/held")
    both = asyncio.gather(session.fetch(planned(url)), session.fetch(planned(url, UrlRole.REFERENCED)))
    await until(lambda: payload_server.in_flight == 1, what="the first fetch reached the server")
    payload_server.release.set()
    a, b = await both
    assert a.data == b.data == SCRIPT and len(payload_server.hits) == 1
    assert b.record.role == "referenced"


async def test_concurrency_per_host_is_bounded(payload_server: LocalServer, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_per_host=3, fetch_concurrency=50, **HELD_TIMEOUTS))
    urls = [payload_server.url(f"/held?n={i}") for i in range(12)]
    fetches = asyncio.gather(*(fetcher.session().fetch(planned(u)) for u in urls))
    await until(lambda: payload_server.in_flight == 3, what="three fetches held by the server")
    payload_server.release.set()
    results = await fetches
    assert all(r.data == SCRIPT for r in results)
    assert payload_server.peak_in_flight == 3


async def test_concurrency_overall_is_bounded(payload_server: LocalServer, fetcher_factory: Any) -> None:
    fetcher = fetcher_factory(closed_settings(fetch_per_host=50, fetch_concurrency=2, **HELD_TIMEOUTS))
    urls = [payload_server.url(f"/held?n={i}", name) for i in range(4)
            for name in ("payloads.example", "cdn.example")]
    fetches = asyncio.gather(*(fetcher.session().fetch(planned(u)) for u in urls))
    await until(lambda: payload_server.in_flight == 2, what="two fetches held by the server")
    payload_server.release.set()
    results = await fetches
    assert all(r.data == SCRIPT for r in results)
    assert payload_server.peak_in_flight == 2


async def test_closed_network_mode_opens_no_socket_outside_the_allowlist(fetcher_factory: Any) -> None:
    connector, dns = RecordingConnector(), NoDns({"public.test": ["93.184.216.34"]})
    fetcher = fetcher_factory(closed_settings(), connector=connector, resolver=dns)
    session = fetcher.session()
    public = await session.fetch(planned("https://93.184.216.34/a.ps1"))
    unmapped = await session.fetch(planned("https://public.test/a.ps1"))
    assert (public.record.error, unmapped.record.error) == ("blocked_address", "not_in_hosts_map")
    assert connector.attempts == [] and dns.questions == []


async def test_a_transport_factory_replaces_the_transport_and_static_checks_still_apply(fetcher_factory: Any) -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, content=SCRIPT)

    fetcher = fetcher_factory(closed_settings(), transport_factory=lambda backend: httpx.MockTransport(answer))
    got = await fetcher.session().fetch(planned("http://payloads.example/a.ps1"))
    refused = await fetcher.session().fetch(planned("http://10.0.0.1/a.ps1"))
    assert got.data == SCRIPT and refused.record.error == "blocked_address"
    assert seen == ["http://payloads.example/a.ps1"]


async def test_junk_urls_give_error_records_never_exceptions(fetcher_factory: Any) -> None:
    """Random concatenations of URL pieces (found this way: a bare "xn--" label raised IDNAError)."""
    pieces = ["http://", "https://", "ftp://", "//", "[", "]", "::1", "%", "%2e", "@", ":", ":99999", ":-1", ":80",
              "raw.githubusercontent.com", "127.0.0.1", "0x7f.1", "a", ".", "/", "?", "#", "\\", " ", "\u24db", "\x00",
              "\n", "\u00e9", "xn--", "..", "@@"]
    connector = RecordingConnector()
    fetcher = fetcher_factory(closed_settings(fetch_retries=0), connector=connector, resolver=NoDns())
    rng = random.Random(2026)
    for _ in range(1500):
        url = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        got = await fetcher.session().fetch(planned(url))
        assert got.record.error is not None or got.data is not None
    assert {host for host, _ in connector.attempts} <= {"127.0.0.1"}


async def test_describe_names_the_policy_for_the_start_up_log(fetcher_factory: Any) -> None:
    text = fetcher_factory(closed_settings()).describe()
    assert text.startswith("fetching on") and "127.0.0.1/32" in text and "closed network" in text
    assert text.endswith("(anonymous)")
    with_token = fetcher_factory(closed_settings(github_token="ghp_secretvalue")).describe()
    assert with_token.endswith("(with a token)") and "ghp_secretvalue" not in with_token
