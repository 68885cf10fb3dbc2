"""The data folder is private: folders the service creates are 0700, its files 0600.

The database, its WAL and the events file hold inspection ids, verdicts and redacted requests;
like the blobs and the console secret they are for the service's user alone, whatever the umask.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# SQLite's companions of a database file (its WAL and shared-memory index).
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_dir(path: Path) -> Path:
    """Create `path` and any missing parents with mode 0700 (existing folders are left as they are)."""
    missing: list[Path] = []
    current = Path(path)
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:  # another process made it first
            continue
        os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask
    return Path(path)


def private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist, else make it 0600."""
    private_dir(Path(path).parent)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    except FileExistsError:
        pass
    os.chmod(path, PRIVATE_FILE_MODE)


def private_sqlite_files(database: Path) -> None:
    """The database file 0600 before SQLite opens it (SQLite gives its WAL and shared-memory files
    the database's mode), and companions left by an earlier run made 0600 too."""
    private_file(database)
    for suffix in SQLITE_COMPANIONS:
        companion = Path(f"{database}{suffix}")
        if companion.exists():
            os.chmod(companion, PRIVATE_FILE_MODE)
