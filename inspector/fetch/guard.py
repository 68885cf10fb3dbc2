"""The SSRF guard: which hosts, addresses and ports the fetcher may connect to.

Every connection the fetcher opens goes through `AddressGuard.resolve()` (see transport.py):
the host name is resolved here, once, each address is checked, and the socket is opened to
exactly the address that was checked, so a DNS answer cannot change between check and use.

The only way to reach a forbidden range (loopback, private, link-local, ...) is the explicit
allowlist `fetch_allow_networks`; closed-network mode (`fetch_only_allowed`) refuses every
address outside it and resolves names only through the `fetch_hosts` map, never through DNS.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from inspector.config import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# A resolver returns the addresses a name stands for; the default asks the system resolver
# in a worker thread (loop.getaddrinfo). Tests inject their own so no DNS query ever leaves.
Resolver = Callable[[str, int], Awaitable[list[str]]]

ALLOWED_SCHEMES = frozenset({"http", "https"})


class FetchBlocked(Exception):
    """A URL, host, address or port the policy refuses; `kind` is the stable error kind."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def _nets(*pairs: tuple[str, str]) -> tuple[tuple[IPNetwork, str], ...]:
    return tuple((ipaddress.ip_network(cidr), why) for cidr, why in pairs)


# Explicit tables rather than `ipaddress.is_global`: its answer differs between Python
# versions (3.11 calls multicast "global"), and the reason is worth reporting.
FORBIDDEN_V4 = _nets(
    ("0.0.0.0/8", "unspecified / this network"),
    ("10.0.0.0/8", "private"),
    ("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
    ("127.0.0.0/8", "loopback"),
    ("169.254.0.0/16", "link-local (instance metadata service)"),
    ("172.16.0.0/12", "private"),
    ("192.0.0.0/24", "IETF protocol assignments"),
    ("192.0.2.0/24", "documentation"),
    ("192.88.99.0/24", "6to4 relay anycast"),
    ("192.168.0.0/16", "private"),
    ("198.18.0.0/15", "benchmarking"),
    ("198.51.100.0/24", "documentation"),
    ("203.0.113.0/24", "documentation"),
    ("224.0.0.0/4", "multicast"),
    ("240.0.0.0/4", "reserved"),
    ("255.255.255.255/32", "broadcast"),
    # Azure's platform endpoint (WireServer / host DNS) is a public address that every Azure
    # VM can reach; an inspector running in Azure must never be steered at it.
    ("168.63.129.16/32", "Azure platform endpoint (WireServer)"),
)

FORBIDDEN_V6 = _nets(
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    ("64:ff9b:1::/48", "local-use NAT64"),
    ("100::/64", "discard-only"),
    ("2001::/32", "Teredo tunnel (embeds an obfuscated IPv4 address)"),
    ("2001:db8::/32", "documentation"),
    ("2001:10::/28", "ORCHID"),
    ("2001:20::/28", "ORCHIDv2"),
    ("fc00::/7", "unique local (private)"),
    ("fe80::/10", "link-local"),
    ("fec0::/10", "site-local"),
    ("ff00::/8", "multicast"),
)
_GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")
_COMPATIBLE_V6 = ipaddress.ip_network("::/96")
_NAT64_V6 = ipaddress.ip_network("64:ff9b::/96")

# Names that mean "this machine" whatever DNS says (RFC 6761); refused without a lookup.
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
_LOCAL_SUFFIXES = (".localhost",)


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64_V6 or (address in _COMPATIBLE_V6 and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def forbidden_reason(address: IPAddress) -> str | None:
    """Why an address may not be fetched from, or None when it is a public unicast address."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return "IPv6 address with a zone id"
        inner = embedded_ipv4(address)
        if inner is not None:
            why = forbidden_reason(inner)
            return f"IPv6 form of {inner} ({why})" if why else None
        for net, why in FORBIDDEN_V6:
            if address in net:
                return why
        if address not in _GLOBAL_UNICAST_V6:
            return "reserved (outside global unicast 2000::/3)"
        return None
    for net, why in FORBIDDEN_V4:
        if address in net:
            return why
    return None


_HEX, _OCT, _DEC = frozenset("0123456789abcdef"), frozenset("01234567"), frozenset("0123456789")


def _parse_ipv4_part(part: str) -> int | None:
    """One component of an inet_aton-style IPv4 literal: decimal, 0-octal or 0x-hex. Strict
    ASCII digits only (int() would also take "-5", "1_0" and full-width digits)."""
    part = part.lower()
    if part.startswith("0x"):
        digits, base, allowed = part[2:], 16, _HEX
    elif len(part) > 1 and part.startswith("0"):
        digits, base, allowed = part[1:], 8, _OCT
    else:
        digits, base, allowed = part, 10, _DEC
    if not set(digits) <= allowed or (base == 10 and not digits):
        return None
    return int(digits or "0", base)


def loose_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Interpret a host the way inet_aton (and so many resolvers) would: `2130706433`,
    `0177.0.0.1`, `0x7f.1` and `127.1` all mean 127.0.0.1. None when it is not numeric."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or any(not p for p in parts):
        return None
    values = [_parse_ipv4_part(p) for p in parts]
    if any(v is None for v in values):
        return None
    nums = [v for v in values if v is not None]
    *head, last = nums
    if any(v > 255 for v in head) or last >= 256 ** (5 - len(nums)):
        return None
    value = 0
    for v in head:
        value = value << 8 | v
    value = value << 8 * (5 - len(nums)) | last
    return ipaddress.IPv4Address(value)


def normalise_host(host: str) -> str:
    """Lower-case, strip the trailing dots of a fully-qualified name and IPv6 brackets."""
    host = host.strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host.rstrip(".")


def host_literal(host: str) -> IPAddress | None:
    """The address a host literally is, or None for a name. Refuses ambiguous spellings."""
    host = normalise_host(host)
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host)
        except ValueError:
            raise FetchBlocked("invalid_host", f"malformed IPv6 literal {host!r}") from None
    try:
        return ipaddress.IPv4Address(host)
    except ValueError:
        pass
    loose = loose_ipv4(host)
    if loose is not None:
        # Resolvers disagree on these spellings; whatever they mean, refuse them.
        raise FetchBlocked("blocked_address", f"non-canonical IPv4 literal {host!r} (means {loose})")
    return None


def check_host_syntax(host: str) -> None:
    """Refuse host strings no honest URL has: percent-encoding, spaces, empty labels."""
    name = normalise_host(host)
    if not name:
        raise FetchBlocked("invalid_host", "empty host")
    if ":" in name:
        return  # IPv6 literal, checked by host_literal
    if len(name) > 253 or any(not label or len(label) > 63 for label in name.split(".")):
        raise FetchBlocked("invalid_host", f"malformed host name {name[:80]!r}")
    if not all(c.isascii() and (c.isalnum() or c in "-_.") for c in name):
        raise FetchBlocked("invalid_host", f"host {name[:80]!r} has characters a host name cannot have")


async def system_resolver(host: str, port: int) -> list[str]:
    """Ask the system resolver (in a worker thread, via the event loop)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return [str(info[4][0]) for info in infos]


@dataclass(frozen=True)
class AddressGuard:
    """The connection policy built from Settings; immutable and shared by all sessions."""

    ports: frozenset[int]
    allow_networks: tuple[IPNetwork, ...]
    only_allowed: bool
    hosts: dict[str, str]
    resolver: Resolver = system_resolver

    @classmethod
    def from_settings(cls, settings: Settings, resolver: Resolver | None = None) -> AddressGuard:
        hosts = {normalise_host(k): v.strip() for k, v in settings.fetch_hosts.items()}
        for name, address in hosts.items():
            try:
                ipaddress.ip_address(address)
            except ValueError:
                raise ValueError(f"fetch_hosts: {name} maps to {address!r}, which is not an IP address") from None
        return cls(
            ports=frozenset(settings.fetch_ports),
            allow_networks=tuple(ipaddress.ip_network(c, strict=False) for c in settings.fetch_allow_networks),
            only_allowed=settings.fetch_only_allowed,
            hosts=hosts,
            resolver=resolver or system_resolver,
        )

    def describe(self) -> str:
        nets = ", ".join(str(n) for n in self.allow_networks) or "none"
        mode = "closed network (allowlist and host map only, no DNS)" if self.only_allowed else "public internet"
        ports = ",".join(str(p) for p in sorted(self.ports))
        hosts = ", ".join(f"{k}={v}" for k, v in sorted(self.hosts.items())) or "none"
        return f"fetch policy: {mode}; ports {ports}; allowlisted networks: {nets}; host map: {hosts}"

    def allowlisted(self, address: IPAddress) -> bool:
        return any(address.version == net.version and address in net for net in self.allow_networks)

    def check_address(self, address: IPAddress, port: int) -> None:
        """Raise FetchBlocked unless (address, port) may be connected to."""
        if self.allowlisted(address):
            return  # any port on an explicitly allowlisted network
        if self.only_allowed:
            raise FetchBlocked("blocked_address", f"{address} is outside the allowlisted networks (closed-network mode)")
        why = forbidden_reason(address)
        if why:
            raise FetchBlocked("blocked_address", f"{address} is {why}")
        if port not in self.ports:
            raise FetchBlocked("blocked_port", f"port {port} is not an allowed port")

    def check_url_static(self, scheme: str, host: str, port: int) -> None:
        """Everything decidable without resolving: scheme, host syntax, literal addresses, ports."""
        if scheme not in ALLOWED_SCHEMES:
            raise FetchBlocked("blocked_scheme", f"scheme {scheme!r} is not http or https")
        check_host_syntax(host)
        literal = host_literal(host)
        if literal is not None:
            self.check_address(literal, port)
            return
        self._check_name(normalise_host(host))
        if port not in self.ports and not self.allow_networks:
            raise FetchBlocked("blocked_port", f"port {port} is not an allowed port")

    def _check_name(self, name: str) -> None:
        if name in self.hosts:
            return
        if name in _LOCAL_NAMES or name.endswith(_LOCAL_SUFFIXES):
            raise FetchBlocked("blocked_address", f"{name} names this machine")
        if self.only_allowed:
            raise FetchBlocked("not_in_hosts_map", f"{name} is not in the host map (closed-network mode)")

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        """The checked addresses to connect to for host:port. Raises FetchBlocked."""
        check_host_syntax(host)
        literal = host_literal(host)
        if literal is not None:
            self.check_address(literal, port)
            return [literal]
        name = normalise_host(host)
        self._check_name(name)
        if name in self.hosts:
            answers: Sequence[str] = [self.hosts[name]]
        else:
            try:
                answers = await self.resolver(name, port)
            except (OSError, UnicodeError) as exc:
                raise FetchBlocked("dns_failed", f"cannot resolve {name}: {exc}") from None
        addresses: list[IPAddress] = []
        for answer in answers:
            try:
                address = ipaddress.ip_address(answer)  # a zone id ("fe80::1%eth0") does not parse
            except ValueError:
                raise FetchBlocked("blocked_address", f"{name} resolved to an unusable address {answer!r}") from None
            # One forbidden answer refuses the name: a mixed answer is a rebinding attempt.
            try:
                self.check_address(address, port)
            except FetchBlocked as exc:
                raise FetchBlocked(exc.kind, f"{name} resolves to {exc.detail}") from None
            if address not in addresses:
                addresses.append(address)
        if not addresses:
            raise FetchBlocked("dns_failed", f"{name} has no address")
        return addresses
