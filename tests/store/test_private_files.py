"""The data folder is private: the service's folders 0700, the database, its WAL and events 0600."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from inspector.store import Store
from inspector.store.private_files import private_dir, private_file, private_sqlite_files
from inspector.store.testing import blobs_of, make_verdict, store_settings


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


async def test_a_new_data_folder_and_everything_the_store_writes_in_it_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask, which made the database world-readable
    try:
        data_dir = tmp_path / "new" / "data"
        store = await Store.open(store_settings("sqlite", data_dir))
        try:
            verdict = make_verdict("i1", [b"Write-Host hi"])
            await store.inspections.create("i1", "script", None, None, None, None)
            await store.inspections.save_verdict("i1", verdict, blobs_of([b"Write-Host hi"]))
        finally:
            await store.close()
    finally:
        os.umask(old)
    assert mode(tmp_path / "new") == mode(data_dir) == 0o700
    written = [data_dir / "inspector.db", *(p for p in data_dir.glob("inspector.db-*"))]
    assert written and all(mode(path) == 0o600 for path in written), {p.name: oct(mode(p)) for p in written}
    assert all(mode(path) & 0o077 == 0 for path in data_dir.rglob("*")), sorted(
        (str(p.relative_to(data_dir)), oct(mode(p))) for p in data_dir.rglob("*") if mode(p) & 0o077)


def test_files_left_readable_by_an_earlier_version_are_made_private(tmp_path: Path) -> None:
    database = tmp_path / "inspector.db"
    for name in ("inspector.db", "inspector.db-wal", "inspector.db-shm"):
        (tmp_path / name).write_bytes(b"")
        os.chmod(tmp_path / name, 0o644)
    private_sqlite_files(database)
    assert [mode(tmp_path / n) for n in ("inspector.db", "inspector.db-wal", "inspector.db-shm")] == [0o600] * 3


def test_an_existing_folder_is_left_as_it_is(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    private_dir(tmp_path / "a" / "b")
    assert mode(tmp_path) == 0o755 and mode(tmp_path / "a") == mode(tmp_path / "a" / "b") == 0o700
    private_file(tmp_path / "a" / "f")
    assert mode(tmp_path / "a" / "f") == 0o600
