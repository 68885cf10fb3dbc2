"""YARA findings of artifacts that were files, scanned again under their names.

A rescan batch scans each stored payload once, by its bytes alone (scanner.py): the same
bytes can be a fetched `install.ps1` in one inspection and an inline command in another. Rules
that read `filename`, `filepath` or `extension` (rules/externals.py) can judge the file
differently from the nameless bytes, so when the rescan's rules may read them, each artifact
an inspection saw as a file is scanned once more with its own external variables, as the live
analysis did, and those YARA findings stand for it in that inspection. Rules that read no name
cost nothing here: the batch results are exact for them.

Named scans run in the coordinator, per page of inspections, in threads (YARA releases the
GIL); within one rescan run each (bytes, name) pair is scanned once.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping

from inspector.config import Settings
from inspector.model import Artifact, Finding, Verdict
from inspector.rescan.scanner import ArtifactScanner
from inspector.rules.externals import artifact_externals, file_path
from inspector.store import RescanInfo, Store

# Named scans kept for reuse across pages (a script many inspections fetched is scanned once).
MAX_REMEMBERED_SCANS = 10_000


class NamedRulesMismatch(RuntimeError):
    """The rules on disk are not the ones the rescan is for (they changed while it ran)."""


class NamedArtifactScans:
    """The YARA findings of one rescan's named artifacts, scanned on first need."""

    def __init__(self, settings: Settings, store: Store, rescan: RescanInfo) -> None:
        self.settings = settings
        self.store = store
        self.rescan = rescan
        self._scanner: ArtifactScanner | None = None
        self._found: dict[str, list[Finding] | None] = {}

    async def findings_for(self, verdict: Verdict,
                           findings: Mapping[str, list[Finding]]) -> Mapping[str, list[Finding]]:
        """`findings` (sha256 -> the batch's findings) with the YARA findings of each artifact the
        verdict saw as a file replaced by those of its named scan, when the rules may read names."""
        named = [a for a in verdict.artifacts if a.sha256 in findings and file_path(a)]
        if not named:
            return findings
        scanner = await self._active_scanner()
        if not scanner.reads_file_names:
            return findings
        result = dict(findings)
        for artifact in named:
            yara_findings = await self._named_scan(scanner, artifact)
            if yara_findings is not None:
                others = [f for f in findings[artifact.sha256] if f.source != "yara"]
                result[artifact.sha256] = others + yara_findings
        return result

    async def _active_scanner(self) -> ArtifactScanner:
        if self._scanner is None:
            scanner = await asyncio.to_thread(ArtifactScanner.from_settings, self.settings, "rules")
            if scanner.ruleset_version != self.rescan.ruleset_version:
                raise NamedRulesMismatch(f"the rules on disk are {scanner.ruleset_version}, the rescan is for "
                                         f"{self.rescan.ruleset_version}")
            self._scanner = scanner
        return self._scanner

    async def _named_scan(self, scanner: ArtifactScanner, artifact: Artifact) -> list[Finding] | None:
        """None when the artifact's bytes are gone (its stored findings then stay)."""
        key = artifact.sha256 + json.dumps(artifact_externals(artifact), sort_keys=True)
        if key in self._found:
            return self._found[key]
        data = await self.store.payloads.get_bytes(artifact.sha256)
        found = None if data is None else await asyncio.to_thread(scanner.scan_named, artifact, data)
        if len(self._found) >= MAX_REMEMBERED_SCANS:
            del self._found[next(iter(self._found))]  # the oldest
        self._found[key] = found
        return found
