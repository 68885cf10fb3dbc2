"""The connection policy: which addresses, names and ports may be fetched from."""

from __future__ import annotations

import ipaddress
import random

import pytest

from inspector.config import Settings
from inspector.fetch.guard import AddressGuard, FetchBlocked, forbidden_reason, host_literal, loose_ipv4
from tests.fetch.support import NoDns, closed_settings


def open_guard(resolver: NoDns, **overrides: object) -> AddressGuard:
    """The public-internet policy, with a resolver that never sends a query."""
    return AddressGuard.from_settings(Settings(fetch_only_allowed=False, **overrides), resolver)  # type: ignore[arg-type]


@pytest.mark.parametrize("address, reason", [
    ("127.0.0.1", "loopback"), ("127.255.255.254", "loopback"), ("10.1.2.3", "private"),
    ("172.16.0.1", "private"), ("172.31.255.255", "private"), ("192.168.0.1", "private"),
    ("100.64.0.1", "shared address space"), ("169.254.169.254", "link-local"), ("0.0.0.0", "unspecified"),
    ("224.0.0.251", "multicast"), ("239.255.255.250", "multicast"), ("240.0.0.1", "reserved"),
    ("255.255.255.255", "reserved"), ("198.18.0.1", "benchmarking"), ("192.0.2.10", "documentation"),
    ("168.63.129.16", "WireServer"), ("::1", "loopback"), ("::", "unspecified"), ("fe80::1", "link-local"),
    ("fc00::1", "unique local"), ("fd00:ec2::254", "unique local"), ("ff02::1", "multicast"),
    ("::ffff:127.0.0.1", "IPv6 form of 127.0.0.1"), ("::ffff:a9fe:a9fe", "IPv6 form of 169.254.169.254"),
    ("::10.0.0.1", "IPv6 form of 10.0.0.1"), ("64:ff9b::7f00:1", "IPv6 form of 127.0.0.1"),
    ("2002:c0a8:0101::1", "IPv6 form of 192.168.1.1"), ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"),
    ("64:ff9b:1::1", "NAT64"), ("2001:db8::1", "documentation"), ("3fff::1", None), ("4000::1", "reserved"),
])
def test_forbidden_ranges_are_refused_with_their_reason(address: str, reason: str | None) -> None:
    why = forbidden_reason(ipaddress.ip_address(address))
    if reason is None:
        assert why is None
    else:
        assert why is not None and reason in why


@pytest.mark.parametrize("address", ["93.184.216.34", "140.82.112.3", "2606:50c0:8000::154", "::ffff:8.8.8.8"])
def test_public_unicast_addresses_are_allowed(address: str) -> None:
    assert forbidden_reason(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize("spelling, means", [
    ("2130706433", "127.0.0.1"), ("0x7f000001", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("0x7f.1", "127.0.0.1"),
    ("127.1", "127.0.0.1"), ("127.0.1", "127.0.0.1"), ("2852039166", "169.254.169.254"), ("0", "0.0.0.0"),
    ("0xa9.0xfe.0xa9.0xfe", "169.254.169.254"), ("017700000001", "127.0.0.1"), ("0x", "0.0.0.0"),
])
def test_inet_aton_spellings_are_understood(spelling: str, means: str) -> None:
    assert loose_ipv4(spelling) == ipaddress.IPv4Address(means)


@pytest.mark.parametrize("spelling", ["2130706433", "0x7f.1", "127.1", "0177.0.0.1", "8.8.2056", "134744072"])
def test_non_canonical_ipv4_literals_are_refused_whatever_they_mean(spelling: str) -> None:
    with pytest.raises(FetchBlocked) as caught:
        host_literal(spelling)
    assert caught.value.kind == "blocked_address"
    assert "non-canonical" in caught.value.detail


@pytest.mark.parametrize("name", ["example.com", "1.2.3.4.5", "0x.example", "a1.b2", "-5", "+5", "1_0.0.0.1",
                                  "\uff11\uff12\uff17.0.0.1", "08.1", "0xg.1"])
def test_names_are_not_mistaken_for_literals(name: str) -> None:
    assert host_literal(name) is None


@pytest.mark.parametrize("host, kind", [
    ("%31%32%37.0.0.1", "invalid_host"), ("exa%20mple.com", "invalid_host"), ("a..b", "invalid_host"),
    ("", "invalid_host"), ("x" * 64 + ".com", "invalid_host"),
])
def test_hosts_no_honest_url_has_are_refused(host: str, kind: str) -> None:
    guard = open_guard(NoDns())
    with pytest.raises(FetchBlocked) as caught:
        guard.check_url_static("http", host, 80)
    assert caught.value.kind == kind


def test_only_http_and_https_are_fetched() -> None:
    guard = open_guard(NoDns())
    for scheme in ("file", "ftp", "gopher", "dict", "ldap", "jar"):
        with pytest.raises(FetchBlocked) as caught:
            guard.check_url_static(scheme, "example.com", 80)
        assert caught.value.kind == "blocked_scheme"


def test_ports_outside_the_list_are_refused_for_public_addresses() -> None:
    guard = open_guard(NoDns())
    with pytest.raises(FetchBlocked) as caught:
        guard.check_url_static("http", "93.184.216.34", 22)
    assert caught.value.kind == "blocked_port"
    guard.check_url_static("https", "93.184.216.34", 8443)


async def test_every_dns_answer_is_checked_and_one_bad_answer_refuses_the_name() -> None:
    dns = NoDns({"rebind.test": ["93.184.216.34", "10.0.0.7"], "good.test": ["93.184.216.34"]})
    guard = open_guard(dns)
    with pytest.raises(FetchBlocked) as caught:
        await guard.resolve("rebind.test", 443)
    assert caught.value.kind == "blocked_address" and "10.0.0.7" in caught.value.detail
    assert await guard.resolve("good.test", 443) == [ipaddress.ip_address("93.184.216.34")]


async def test_a_name_that_resolves_to_a_zone_scoped_address_is_refused() -> None:
    guard = open_guard(NoDns({"scoped.test": ["fe80::1%eth0"]}))
    with pytest.raises(FetchBlocked):
        await guard.resolve("scoped.test", 80)


async def test_localhost_names_are_refused_without_a_lookup() -> None:
    dns = NoDns({"localhost": ["127.0.0.1"]})
    guard = open_guard(dns)
    for name in ("localhost", "LOCALHOST.", "api.localhost"):
        with pytest.raises(FetchBlocked):
            await guard.resolve(name, 80)
    assert dns.questions == []


async def test_dns_failure_is_its_own_error_kind() -> None:
    with pytest.raises(FetchBlocked) as caught:
        await open_guard(NoDns()).resolve("nxdomain.test", 80)
    assert caught.value.kind == "dns_failed"


async def test_closed_network_mode_never_resolves_a_name_outside_the_host_map() -> None:
    dns = NoDns({"elsewhere.test": ["127.0.0.1"]})
    guard = AddressGuard.from_settings(closed_settings(), dns)
    with pytest.raises(FetchBlocked) as caught:
        await guard.resolve("elsewhere.test", 80)
    assert caught.value.kind == "not_in_hosts_map"
    assert await guard.resolve("raw.githubusercontent.com", 80) == [ipaddress.ip_address("127.0.0.1")]
    assert dns.questions == []


async def test_closed_network_mode_refuses_public_addresses_too() -> None:
    guard = AddressGuard.from_settings(closed_settings(), NoDns())
    with pytest.raises(FetchBlocked) as caught:
        await guard.resolve("93.184.216.34", 443)
    assert caught.value.kind == "blocked_address" and "closed-network" in caught.value.detail


async def test_allowlisted_networks_open_any_port_and_nothing_else() -> None:
    guard = open_guard(NoDns(), fetch_allow_networks=["127.0.0.2/32"])
    assert await guard.resolve("127.0.0.2", 55555) == [ipaddress.ip_address("127.0.0.2")]
    with pytest.raises(FetchBlocked):
        await guard.resolve("127.0.0.1", 55555)


def test_the_host_map_must_map_to_addresses() -> None:
    with pytest.raises(ValueError, match="not an IP address"):
        AddressGuard.from_settings(closed_settings(fetch_hosts={"a.test": "b.test"}))


def test_describe_reports_the_allowlist_and_the_mode() -> None:
    text = AddressGuard.from_settings(closed_settings()).describe()
    assert "closed network" in text and "127.0.0.1/32" in text and "raw.githubusercontent.com=127.0.0.1" in text
    assert "allowlisted networks: none" in open_guard(NoDns()).describe()


async def test_random_hosts_are_refused_cleanly_or_resolved_never_crash() -> None:
    """Random junk made of the characters the tricks use: only FetchBlocked ever comes out
    (found this way: int() took "-5" as an address component)."""
    guard = open_guard(NoDns())
    rng = random.Random(2026)
    alphabet = "0123456789abcdefx.:[]%@-_+ \u24db\uff11\x00"
    for _ in range(3000):
        host = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        try:
            guard.check_url_static("http", host, 80)
            await guard.resolve(host, 80)
        except FetchBlocked:
            pass
