"""Download a SigmaHQ release archive into a folder, for operators (`inspector rules update --sigma`).

Only rule files are extracted (`*.yml` / `*.yaml`), under their archive path, never outside
the destination; the archive's size is bounded. The new release lands in a fresh folder named
by the archive's hash, so the rules in use never change under a running service: operators
point `INSPECTOR_SIGMA_DIRS` at it and reload.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import httpx

from inspector.sigma.rules import RULE_SUFFIXES

# SigmaHQ's release asset with every rule (core, emerging threats, threat hunting); GitHub
# redirects `latest/download/<asset>` to the newest release's asset.
DEFAULT_RELEASE_URL = "https://github.com/SigmaHQ/sigma/releases/latest/download/sigma_all_rules.zip"
RULE_FOLDERS = ("rules", "rules-emerging-threats", "rules-threat-hunting")
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024


class ReleaseError(Exception):
    """The archive could not be downloaded or is not a Sigma rules archive."""


@dataclass(frozen=True)
class SigmaRelease:
    folder: Path
    rule_folders: tuple[Path, ...]
    files: int
    sha256: str


def download_release(url: str, destination: Path, *, timeout_s: float = 120.0) -> SigmaRelease:
    """Download the zip at `url` and extract its rule files into `destination/<sha256 prefix>/`."""
    try:
        with httpx.stream("GET", url, follow_redirects=True, timeout=timeout_s) as response:
            response.raise_for_status()
            buffer = io.BytesIO()
            for chunk in response.iter_bytes():
                buffer.write(chunk)
                if buffer.tell() > MAX_ARCHIVE_BYTES:
                    raise ReleaseError(f"archive larger than {MAX_ARCHIVE_BYTES} bytes")
    except httpx.HTTPError as exc:
        raise ReleaseError(f"download failed: {exc}") from exc
    return extract_release(buffer.getvalue(), destination)


def extract_release(archive: bytes, destination: Path) -> SigmaRelease:
    digest = hashlib.sha256(archive).hexdigest()
    try:
        bundle = zipfile.ZipFile(io.BytesIO(archive))
    except zipfile.BadZipFile as exc:
        raise ReleaseError("not a zip archive") from exc
    folder = destination / digest[:16]
    written = 0
    with bundle:
        for member in bundle.infolist():
            path = PurePosixPath(member.filename)
            if member.is_dir() or path.suffix not in RULE_SUFFIXES:
                continue
            if path.is_absolute() or ".." in path.parts:
                raise ReleaseError(f"archive member outside the archive: {member.filename}")
            target = folder.joinpath(*path.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(bundle.read(member))
            written += 1
    if written == 0:
        raise ReleaseError("the archive holds no Sigma rule files")
    return SigmaRelease(folder=folder, rule_folders=_rule_folders(folder), files=written, sha256=digest)


def _rule_folders(folder: Path) -> tuple[Path, ...]:
    """The release's rule folders (at the top or one level down, as GitHub's archives nest them)."""
    for base in (folder, *sorted(p for p in folder.iterdir() if p.is_dir())):
        found = tuple(base / name for name in RULE_FOLDERS if (base / name).is_dir())
        if found:
            return found
    return (folder,)
