"""The blob folder: content-addressed, sharded, atomic, and strict about its keys."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from inspector.store.blobs import BlobError, BlobStore


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_put_get_delete_round_trip(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    data = b"\x00binary\xff" * 100
    assert blobs.put_sync(_sha(data), data) is True
    assert blobs.put_sync(_sha(data), data) is False  # already there: nothing rewritten
    assert blobs.get_sync(_sha(data)) == data
    assert blobs.delete_sync(_sha(data)) == len(data)
    assert blobs.get_sync(_sha(data)) is None
    assert blobs.delete_sync(_sha(data)) == 0


def test_keys_must_be_the_content_hash(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    with pytest.raises(BlobError, match="does not match"):
        blobs.put_sync(_sha(b"a"), b"b")
    for bad in ("../../../etc/passwd", "A" * 64, "0" * 63, "", "0" * 65, "0" * 63 + "g", "0" * 63 + "\n",
                "０" * 64, 1234):
        with pytest.raises(BlobError):
            blobs.path(bad)


def test_failed_writes_leave_no_partial_blob(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blobs = BlobStore(tmp_path)

    def boom(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("inspector.store.blobs.os.replace", boom)
    with pytest.raises(OSError, match="disk full"):
        blobs.put_sync(_sha(b"x"), b"x")
    assert blobs.get_sync(_sha(b"x")) is None
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_iter_sizes_lists_blobs_and_skips_temporary_files(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    blobs.put_sync(_sha(b"one"), b"one")
    blobs.put_sync(_sha(b"three"), b"three")
    sha = _sha(b"one")
    (tmp_path / sha[:2] / sha[2:4] / ".tmp-abandoned").write_bytes(b"partial")
    assert dict(blobs.iter_sizes()) == {_sha(b"one"): 3, _sha(b"three"): 5}
    assert list(BlobStore(tmp_path / "missing").iter_sizes()) == []


async def test_async_wrappers(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    assert await blobs.put(_sha(b"z"), b"z") is True
    assert await blobs.get(_sha(b"z")) == b"z"
    assert await blobs.delete(_sha(b"z")) == 1


def test_put_many_writes_only_new_blobs_in_one_call(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    old, new = b"seen before", b"first time"
    blobs.put_sync(_sha(old), old)
    assert blobs.put_many_sync({_sha(old): old, _sha(new): new}) == 1
    assert blobs.get_sync(_sha(new)) == new and blobs.get_sync(_sha(old)) == old
    assert blobs.put_many_sync({}) == 0


def test_put_many_checks_every_key_before_writing_any(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    good = b"good bytes"
    with pytest.raises(BlobError, match="does not match"):
        blobs.put_many_sync({_sha(good): good, _sha(b"one"): b"two"})
    assert blobs.get_sync(_sha(good)) is None
    assert list(blobs.iter_sizes()) == []


async def test_put_many_async_wrapper(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    data = b"async many"
    assert await blobs.put_many({_sha(data): data}) == 1
    assert await blobs.put_many({}) == 0
    assert await blobs.get(_sha(data)) == data
