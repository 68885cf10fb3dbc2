"""Content-addressed payload bytes in a local folder: `<root>/ab/cd/<sha256>`.

Writes go to a temporary file in the destination folder and are renamed into place, so a
reader never sees half a blob and a crash leaves at most a stray temporary file. The key is
checked against the bytes on every write: a blob's name is a promise about its content.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from inspector.store.private_files import private_dir

_LOWER_HEX = frozenset("0123456789abcdef")
_TMP_PREFIX = ".tmp-"


class BlobError(ValueError):
    """A blob key is malformed or does not match its content."""


def is_sha256(value: object) -> bool:
    """A lowercase hex sha256. Plain string checks: it runs for every stored artifact on the
    service's event loop, where a regex call (which releases the GIL) can cost a thread switch."""
    return isinstance(value, str) and len(value) == 64 and _LOWER_HEX.issuperset(value)


def check_sha256(sha256: str) -> str:
    if not is_sha256(sha256):
        raise BlobError(f"not a lowercase hex sha256: {str(sha256)[:80]!r}")
    return sha256


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._root_text = str(self.root)

    def path(self, sha256: str) -> Path:
        check_sha256(sha256)
        return self.root / sha256[:2] / sha256[2:4] / sha256

    # --- synchronous core (worker processes call these directly)

    def put_sync(self, sha256: str, data: bytes) -> bool:
        """Store `data` under its sha256; returns False when it was already there."""
        if hashlib.sha256(data).hexdigest() != check_sha256(sha256):
            raise BlobError(f"blob {sha256} does not match the sha256 of its {len(data)} bytes")
        return self._write_new(sha256, data)

    def put_many_sync(self, blobs: Mapping[str, bytes]) -> int:
        """Store several blobs (one call, so one thread hop for a whole payload tree); returns how many were new.

        Every key is checked against its bytes before anything is written, so a bad key fails
        the call without leaving part of the set behind. Each new file is still synced before
        it is renamed into place: the database may only promise bytes that are on disk.
        """
        for sha256, data in blobs.items():
            if hashlib.sha256(data).hexdigest() != check_sha256(sha256):
                raise BlobError(f"blob {sha256} does not match the sha256 of its {len(data)} bytes")
        return sum(self._write_new(sha256, data) for sha256, data in blobs.items())

    def _write_new(self, sha256: str, data: bytes) -> bool:
        # Most payloads recur: a stat, no write (on a plain string path: Path objects cost more than
        # the stat on the service's writer thread).
        if os.path.exists(os.path.join(self._root_text, sha256[:2], sha256[2:4], sha256)):
            return False
        target = self.path(sha256)
        private_dir(target.parent)
        fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return True

    def get_sync(self, sha256: str) -> bytes | None:
        try:
            return self.path(sha256).read_bytes()
        except FileNotFoundError:
            return None

    def delete_sync(self, sha256: str) -> int:
        """Remove a blob; returns the bytes freed (0 when it was not there)."""
        target = self.path(sha256)
        try:
            size = target.stat().st_size
            target.unlink()
        except FileNotFoundError:
            return 0
        return size

    def iter_sizes(self) -> Iterator[tuple[str, int]]:
        """Every stored blob and its size (temporary files are skipped)."""
        if not self.root.is_dir():
            return
        for path in self.root.glob("??/??/*"):
            if path.name.startswith(_TMP_PREFIX) or not is_sha256(path.name):
                continue
            try:
                yield path.name, path.stat().st_size
            except FileNotFoundError:
                continue

    # --- async wrappers for the service (file I/O off the event loop)

    async def put(self, sha256: str, data: bytes) -> bool:
        return await asyncio.to_thread(self.put_sync, sha256, data)

    async def put_many(self, blobs: Mapping[str, bytes]) -> int:
        if not blobs:
            return 0
        return await asyncio.to_thread(self.put_many_sync, blobs)

    async def get(self, sha256: str) -> bytes | None:
        return await asyncio.to_thread(self.get_sync, sha256)

    async def delete(self, sha256: str) -> int:
        return await asyncio.to_thread(self.delete_sync, sha256)
