"""Append each event as one JSON line to a file (fsync'd before the cursor moves on).

A crash between the write and the cursor update repeats the last line on restart; readers
deduplicate on the event `id`, as webhook receivers do.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from pathlib import Path

from inspector.events.webhook import DeliveryError, encode
from inspector.store import EventRecord


class JsonlSink:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.name = "jsonl:" + hashlib.sha256(str(self.path.resolve()).encode()).hexdigest()[:16]

    def describe(self) -> str:
        return f"JSON Lines file {self.path}"

    def _append(self, line: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Events name inspections and verdicts: the file is for the service's user alone.
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "ab") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())

    async def send(self, event: EventRecord) -> None:
        try:
            await asyncio.to_thread(self._append, encode(event) + b"\n")
        except OSError as exc:
            raise DeliveryError(f"cannot append to {self.path}: {exc.strerror}") from None

    async def close(self) -> None:
        return None
