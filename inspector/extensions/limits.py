"""Limits on how much of a request is read: every one is a Settings field (INSPECTOR_*)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.config import Settings


@dataclass(frozen=True)
class RequestLimits:
    """Bounds for understanding one request. Defaults equal the Settings defaults (tested)."""

    max_json_bytes: int = 16 * 1024 * 1024
    max_json_depth: int = 64
    max_inline_script_bytes: int = 4 * 1024 * 1024
    max_plan_items: int = 256
    max_activity_records: int = 1000
    max_request_strings: int = 5000
    regex_timeout_s: float = 0.25

    @classmethod
    def from_settings(cls, settings: Settings) -> RequestLimits:
        return cls(
            max_json_bytes=settings.max_json_bytes,
            max_json_depth=settings.max_json_depth,
            max_inline_script_bytes=settings.max_inline_script_bytes,
            max_plan_items=settings.max_plan_items,
            max_activity_records=settings.max_activity_records,
            max_request_strings=settings.max_request_strings,
            regex_timeout_s=settings.regex_timeout_s,
        )
