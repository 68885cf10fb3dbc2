"""Analysed trees kept in process memory, in front of the store's `analysis_trees` table.

A payload submitted again and again (the same extension script on every VM of a fleet) would
otherwise cost a database read per inspection, which for a small script is more than analysing
it. Entries are bounded in number and in bytes (least recently used go first), a tree larger
than a sixteenth of the byte budget is never kept (its analysis dwarfs the read anyway), and each
expires after a short TTL, so that a retention run in another process, which drops the stored
trees of payloads whose bytes it removed, is seen within that time.
"""

from __future__ import annotations

import time
from collections import OrderedDict

MemoKey = tuple[str, str]  # (root sha256, analysis key)


class TreeMemo:
    def __init__(self, max_entries: int, max_bytes: int, ttl_s: float) -> None:
        self.max_entries, self.max_bytes, self.ttl_s = max_entries, max_bytes, ttl_s
        self._entries: OrderedDict[MemoKey, tuple[float, str]] = OrderedDict()
        self._bytes = 0

    @property
    def enabled(self) -> bool:
        return self.max_entries > 0 and self.max_bytes > 0 and self.ttl_s > 0

    @property
    def size(self) -> tuple[int, int]:
        """(entries, bytes) held now."""
        return len(self._entries), self._bytes

    def get(self, key: MemoKey) -> str | None:
        """The tree's JSON, or None when it is not held or has expired."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[0] < time.monotonic():
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        return entry[1]

    def put(self, key: MemoKey, body: str) -> None:
        if not self.enabled or len(body) > self.max_bytes // 16:
            return
        if key in self._entries:
            self._drop(key)
        self._entries[key] = (time.monotonic() + self.ttl_s, body)
        self._bytes += len(body)
        while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
            self._drop(next(iter(self._entries)))

    def clear(self) -> None:
        self._entries.clear()
        self._bytes = 0

    def _drop(self, key: MemoKey) -> None:
        _expiry, body = self._entries.pop(key)
        self._bytes -= len(body)
