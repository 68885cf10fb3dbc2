"""Compiled Sigma matchers kept on disk, keyed by the rule files' bytes and the engine's code.

Parsing 1,700 SigmaHQ rules with pySigma takes about 10 s of CPU; every CLI run and service
start used to pay it. The compiled rules (plain dataclasses; the Aho-Corasick automata are
rebuilt on load) are pickled into `<data dir>/sigma-cache/<key>.pickle`, where the key hashes
every rule file's name and bytes, this package's source and pySigma's version: any change to
the rules or to how they compile is a new key, never a stale matcher. The folder is the
service's own data folder (like its database), written atomically with owner-only
permissions; only the newest few entries are kept. A cache that cannot be read or written is
ignored (the rules are compiled as without one).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.sigma.rules import SigmaRules

log = logging.getLogger(__name__)

CACHE_FOLDER = "sigma-cache"
KEEP_ENTRIES = 4
_PACKAGE = Path(__file__).resolve().parent


def engine_fingerprint() -> str:
    """Hash of what decides how rules compile: this package's source and pySigma's version."""
    digest = hashlib.sha256()
    for source in sorted(_PACKAGE.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    try:
        digest.update(metadata.version("pySigma").encode())
    except metadata.PackageNotFoundError:
        digest.update(b"pysigma-unknown")
    return digest.hexdigest()


def cache_key(rules_digest: str) -> str:
    return hashlib.sha256(f"{rules_digest}:{engine_fingerprint()}".encode()).hexdigest()[:32]


def load(cache_dir: Path, key: str) -> SigmaRules | None:
    from inspector.sigma.rules import SigmaRules

    path = cache_dir / CACHE_FOLDER / f"{key}.pickle"
    try:
        with path.open("rb") as handle:
            rules = pickle.load(handle)  # noqa: S301 - the service's own data folder, see above
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file: compile instead
        log.warning("ignoring the Sigma cache entry %s: %s", path, exc)
        return None
    if not isinstance(rules, SigmaRules):
        log.warning("ignoring the Sigma cache entry %s: not compiled Sigma rules", path)
        return None
    os.utime(path)  # recently used: kept by the eviction below
    return rules


def store(cache_dir: Path, key: str, rules: SigmaRules) -> None:
    folder = cache_dir / CACHE_FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".tmp-", delete=False) as handle:
            pickle.dump(rules, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(handle.name, 0o600)
        os.replace(handle.name, folder / f"{key}.pickle")
        entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in entries[KEEP_ENTRIES:]:
            stale.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not write the Sigma cache in %s: %s", folder, exc)


__all__ = ["CACHE_FOLDER", "KEEP_ENTRIES", "cache_key", "engine_fingerprint", "load", "store"]
