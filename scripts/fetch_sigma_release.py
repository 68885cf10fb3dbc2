#!/usr/bin/env python3
"""Download a SigmaHQ archive, check it against a pinned sha256 and unpack its rule folders.

    python scripts/fetch_sigma_release.py URL SHA256 DEST

Used by the container build (Dockerfile): the archive must hash to SHA256 or nothing is
written and the build fails. DEST receives `rules`, `rules-emerging-threats` and
`rules-threat-hunting` (those the archive has), ready for INSPECTOR_SIGMA_DIRS. Only rule files
are extracted (`inspector.sigma.release.extract_release`).
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

import httpx

from inspector.sigma.release import MAX_ARCHIVE_BYTES, extract_release


def main(url: str, sha256: str, destination: Path) -> int:
    if len(sha256) != 64:
        print(f"a sha256 pin (64 hex digits) is required for {url}", file=sys.stderr)
        return 2
    with httpx.stream("GET", url, follow_redirects=True, timeout=300) as response:
        response.raise_for_status()
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > MAX_ARCHIVE_BYTES:
                print(f"archive larger than {MAX_ARCHIVE_BYTES} bytes", file=sys.stderr)
                return 1
    actual = hashlib.sha256(body).hexdigest()
    if actual != sha256.lower():
        print(f"sha256 mismatch for {url}: expected {sha256}, got {actual}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as temp:
        release = extract_release(bytes(body), Path(temp))
        destination.mkdir(parents=True, exist_ok=True)
        for folder in release.rule_folders:
            shutil.copytree(folder, destination / folder.name, dirs_exist_ok=True)
            print(f"{destination / folder.name}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], Path(sys.argv[3])))
