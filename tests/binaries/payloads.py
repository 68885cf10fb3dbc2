"""Wraps bytes as the `Payload` an analyzer receives, the way the pipeline would."""

from __future__ import annotations

import hashlib

from inspector.stage import Payload, ScanContext, ScanLimits
from inspector.model import TEXT_TYPES, Artifact, ArtifactType
from tests.timing import frozen_clock


def payload(data: bytes, kind: ArtifactType, *, url: str | None = None, origin: str = "fileUris[0]") -> Payload:
    artifact = Artifact(sha256=hashlib.sha256(data).hexdigest(), size=len(data), type=kind, origin=origin, url=url)
    text = data.decode("utf-8") if kind in TEXT_TYPES else None
    return Payload(artifact=artifact, data=data, text=text)


def script(text: str, kind: ArtifactType = ArtifactType.POWERSHELL, **kwargs: str) -> Payload:
    return payload(text.encode("utf-8"), kind, **kwargs)


def context(**limits: float) -> ScanContext:
    """Limits for one analysis; its deadline passes only when it is 0 (tests/timing.py)."""
    return ScanContext(ScanLimits(**limits), clock=frozen_clock)  # type: ignore[arg-type]
