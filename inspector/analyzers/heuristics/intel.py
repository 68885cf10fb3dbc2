"""Intel lists: plain data files in `signatures/intel/`, one entry per line, `#` comments.

The format is documented in docs/signatures.md. Entries are lowercased; a domain entry
matches the domain itself and every subdomain of it. Lists are read once per process and
are immutable afterwards (a frozenset per list), so a change needs a restart or a new
`load_intel(directory)` call, which the rescan path can use.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

INTEL_SUBDIR = "intel"

# file name -> attribute of IntelLists
LIST_FILES = {
    "pool_domains.txt": "pool_domains",
    "bad_domains.txt": "bad_domains",
    "bad_repo_owners.txt": "bad_repo_owners",
    "vendor_installer_domains.txt": "vendor_installer_domains",
    "vendor_repo_owners.txt": "vendor_repo_owners",
}
# Code hosts where the first path component is the account that published the file, so a
# vendor's own organisation there is as much the vendor as its download domain.
CODE_HOSTS = frozenset({"raw.githubusercontent.com", "github.com", "gist.githubusercontent.com"})

# Intel files are small by design; anything bigger is a mistake, not a list.
MAX_INTEL_FILE_BYTES = 2 * 1024 * 1024


class IntelError(Exception):
    """An intel file is unreadable or malformed (the message names the file and line)."""


@dataclass(frozen=True)
class IntelLists:
    pool_domains: frozenset[str] = frozenset()
    bad_domains: frozenset[str] = frozenset()
    bad_repo_owners: frozenset[str] = frozenset()
    vendor_installer_domains: frozenset[str] = frozenset()
    vendor_repo_owners: frozenset[str] = frozenset()

    def is_pool_domain(self, host: str) -> bool:
        return domain_in(host, self.pool_domains)

    def is_bad_domain(self, host: str) -> bool:
        return domain_in(host, self.bad_domains)

    def is_vendor_installer(self, host: str) -> bool:
        return domain_in(host, self.vendor_installer_domains)

    def is_vendor_url(self, host: str, path: str) -> bool:
        """A vendor installer domain, or a file a vendor's own organisation publishes on a code host
        (`raw.githubusercontent.com/<vendor>/...`). Pull-request refs are not the vendor's: anyone
        can open one, and its files are served under the vendor's name."""
        if self.is_vendor_installer(host):
            return True
        if host.strip().lower().rstrip(".") not in CODE_HOSTS:
            return False
        owner = path.lstrip("/").split("/", 1)[0]
        return bool(owner) and owner.lower() in self.vendor_repo_owners and "/pull/" not in path.lower()

    def is_bad_repo_owner(self, owner: str) -> bool:
        return owner.strip().lower() in self.bad_repo_owners


def domain_in(host: str, domains: frozenset[str]) -> bool:
    """True when `host` is one of `domains` or a subdomain of one (never a mere suffix match)."""
    host = host.strip().lower().rstrip(".")
    if not host:
        return False
    labels = host.split(".")
    return any(".".join(labels[i:]) in domains for i in range(len(labels)))


def parse_intel_lines(text: str, source: str) -> frozenset[str]:
    """Entries of one list: `#` starts a comment, blank lines are skipped, entries lowercased."""
    entries: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        entry = raw.split("#", 1)[0].strip().lower()
        if not entry:
            continue
        if any(ch.isspace() for ch in entry):
            raise IntelError(f"{source}:{number}: one entry per line, got {raw.strip()!r}")
        entries.add(entry.rstrip("."))
    return frozenset(entries)


def builtin_intel_dir() -> Path:
    try:
        from inspector.rules.paths import builtin_signature_dir
    except ImportError:  # the rules package is optional for this module's users
        return Path(__file__).resolve().parents[3] / "signatures" / INTEL_SUBDIR
    return builtin_signature_dir() / INTEL_SUBDIR


def load_intel(directory: Path) -> IntelLists:
    """Read every known list in `directory`; a missing file is an empty list."""
    values: dict[str, frozenset[str]] = {}
    for file_name, attribute in LIST_FILES.items():
        path = directory / file_name
        if not path.is_file():
            values[attribute] = frozenset()
            continue
        if path.stat().st_size > MAX_INTEL_FILE_BYTES:
            raise IntelError(f"{path}: larger than {MAX_INTEL_FILE_BYTES} bytes")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise IntelError(f"{path}: cannot read: {exc}") from None
        values[attribute] = parse_intel_lines(text, str(path))
    return IntelLists(**values)


@lru_cache(maxsize=1)
def builtin_intel() -> IntelLists:
    """The shipped lists, read once (immutable afterwards)."""
    return load_intel(builtin_intel_dir())
