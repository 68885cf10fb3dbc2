"""SSRF table: no URL, spelling or redirect ever opens a connection to a forbidden address.

Three proofs, none of which lets a packet leave loopback:
- loopback spellings: a listener waits on 127.0.0.1 (and ::1) at the port the URLs name, the
  real socket connector is in place, and the listener must receive nothing;
- every other forbidden range: a recording connector stands where sockets are opened and
  must record no attempt (a public address proves that it would have recorded one);
- redirects: an allowlisted server on 127.0.0.2 redirects to each forbidden URL; the only
  connections ever attempted are to 127.0.0.2.
Names are answered by `NoDns`, which never sends a DNS query.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import pytest

from inspector.config import Settings
from tests.fetch.support import LocalServer, Listener, NoDns, RecordingConnector, payload_app, planned, start_app

REFUSED = {"blocked_address", "blocked_port", "blocked_scheme", "invalid_host", "invalid_url"}

# Names a hostile DNS server could answer with forbidden addresses.
HOSTILE_DNS = {
    "loopback.test": ["127.0.0.1"],
    "v6loop.test": ["::1"],
    "mixed.test": ["93.184.216.34", "127.0.0.1"],
    "metadata.azure.internal": ["169.254.169.254"],
    "169.254.169.254.nip.io": ["169.254.169.254"],
    "internal.corp.test": ["10.20.30.40"],
    "v6ula.test": ["fd00::1"],
    "rebind.test": ["93.184.216.34", "192.168.1.1"],
}

LOOPBACK_SPELLINGS = [
    "http://127.0.0.1:{port}/", "https://127.0.0.1:{port}/", "http://127.1:{port}/", "http://127.0.1:{port}/",
    "http://2130706433:{port}/", "http://0x7f000001:{port}/", "http://0x7f.1:{port}/", "http://0177.0.0.1:{port}/",
    "http://017700000001:{port}/", "http://127.000.000.001:{port}/", "http://127.0.0.1.:{port}/",
    "http://127.0.0.1..:{port}/", "http://[::1]:{port}/", "http://[::ffff:127.0.0.1]:{port}/",
    "http://[::ffff:7f00:1]:{port}/", "http://[::127.0.0.1]:{port}/", "http://[64:ff9b::7f00:1]:{port}/",
    "http://[2002:7f00:1::1]:{port}/", "http://localhost:{port}/", "http://LOCALHOST.:{port}/",
    "http://app.localhost:{port}/", "http://user:pass@127.0.0.1:{port}/", "http://example.com@127.0.0.1:{port}/",
    "http://0:{port}/", "http://0.0.0.0:{port}/", "http://%31%32%37.0.0.1:{port}/", "http://loopback.test:{port}/",
    "http://v6loop.test:{port}/", "http://mixed.test:{port}/", "http://mapped-loopback.test:{port}/",
    "http://\u24db\u24de\u24d2\u24d0\u24db\u24d7\u24de\u24e2\u24e3:{port}/",  # circled "localhost" (IDNA)
    "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11:{port}/",  # full-width digits
]

OTHER_FORBIDDEN = [
    "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/",
    "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://10.0.0.1/",
    "http://10.255.255.255:8080/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/",
    "http://100.64.0.1/", "http://224.0.0.1/", "http://239.255.255.250/", "http://255.255.255.255/",
    "http://240.0.0.1/", "http://198.18.0.1/", "http://192.0.2.1/", "http://168.63.129.16/machine?comp=goalstate",
    "http://[fe80::1]/", "http://[fc00::1]/", "http://[ff02::1]/", "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::]/",
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[fe80::1%25eth0]/", "http://2852039166/",
    "http://0xa9fea9fe/", "http://0xa9.0xfe.0xa9.0xfe/", "http://169.254.43518/",
    "http://metadata.azure.internal/metadata/instance", "http://169.254.169.254.nip.io/",
    "http://internal.corp.test/", "http://v6ula.test/", "http://rebind.test/", "http://93.184.216.34:22/",
    "http://93.184.216.34:6379/", "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://93.184.216.34/",
    "dict://127.0.0.1:11211/",
]


def open_settings(**overrides: Any) -> Settings:
    """The production policy (public internet, no allowlist), made loopback-safe by NoDns."""
    values: dict[str, Any] = dict(fetch=True, fetch_only_allowed=False, fetch_allow_networks=[],
                                  fetch_hosts={"mapped-loopback.test": "127.0.0.1"}, fetch_retries=0,
                                  fetch_total_timeout_s=5.0)
    values.update(overrides)
    return Settings(**values)


def test_the_table_has_at_least_forty_urls() -> None:
    assert len(LOOPBACK_SPELLINGS) + len(OTHER_FORBIDDEN) >= 40


@pytest.mark.parametrize("template", LOOPBACK_SPELLINGS)
async def test_loopback_spellings_never_reach_the_listener(
    template: str, loopback_listener: Listener, fetcher_factory: Any
) -> None:
    url = template.format(port=loopback_listener.port)
    # The listener's port is an allowed port, so only the address check stands in the way.
    fetcher = fetcher_factory(open_settings(fetch_ports=[80, 443, loopback_listener.port]), resolver=NoDns(HOSTILE_DNS))
    got = await fetcher.session().fetch(planned(url))
    assert got.data is None and not got.record.fetched
    assert got.record.error in REFUSED, got.record
    assert loopback_listener.connections == []


@pytest.mark.parametrize("url", OTHER_FORBIDDEN)
async def test_forbidden_ranges_are_refused_before_any_socket(url: str, fetcher_factory: Any) -> None:
    connector = RecordingConnector()
    fetcher = fetcher_factory(open_settings(), resolver=NoDns(HOSTILE_DNS), connector=connector)
    got = await fetcher.session().fetch(planned(url))
    assert got.record.error in REFUSED, got.record
    assert connector.attempts == []


async def test_the_recording_connector_does_see_allowed_addresses(fetcher_factory: Any) -> None:
    """Control for the table above: a public address reaches the connector (which opens nothing)."""
    connector = RecordingConnector()
    fetcher = fetcher_factory(open_settings(), resolver=NoDns({"public.test": ["93.184.216.34"]}), connector=connector)
    got = await fetcher.session().fetch(planned("http://public.test/payload.ps1"))
    assert connector.attempts == [("93.184.216.34", 80)]
    assert got.record.error == "connect_failed"


@pytest.fixture
async def allowed_redirector() -> AsyncIterator[LocalServer]:
    """The payload server on 127.0.0.2: the one allowlisted address in the redirect tests."""
    server = LocalServer("127.0.0.2", 0)
    runner, server.port = await start_app(payload_app(server), host="127.0.0.2")
    yield server
    await runner.cleanup()


@pytest.mark.parametrize("target", LOOPBACK_SPELLINGS + OTHER_FORBIDDEN)
async def test_redirects_from_an_allowed_host_to_forbidden_addresses_are_refused(
    target: str, allowed_redirector: LocalServer, loopback_listener: Listener, fetcher_factory: Any
) -> None:
    target = target.format(port=loopback_listener.port)
    connector = RecordingConnector(pass_through=frozenset({"127.0.0.2"}))
    settings = open_settings(fetch_allow_networks=["127.0.0.2/32"], fetch_ports=[80, 443, loopback_listener.port])
    fetcher = fetcher_factory(settings, resolver=NoDns(HOSTILE_DNS), connector=connector)
    start = f"http://127.0.0.2:{allowed_redirector.port}/redirect?to={quote(target, safe='')}"
    got = await fetcher.session().fetch(planned(start))
    assert got.record.error in REFUSED, got.record
    assert allowed_redirector.hits  # the allowed hop really happened
    assert {host for host, _ in connector.attempts} == {"127.0.0.2"}
    assert loopback_listener.connections == []
