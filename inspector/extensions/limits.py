"""Limits on how much of a request is read: every one is a Settings field (INSPECTOR_*)."""

from __future__ import annotations

from dataclasses import dataclass
from inspector.config import Settings, setting_default


@dataclass(frozen=True)
class RequestLimits:
    """Bounds for understanding one request; each default is its Settings default."""

    max_json_bytes: int = setting_default("max_json_bytes")
    max_json_depth: int = setting_default("max_json_depth")
    max_inline_script_bytes: int = setting_default("max_inline_script_bytes")
    max_plan_items: int = setting_default("max_plan_items")
    max_activity_records: int = setting_default("max_activity_records")
    max_request_strings: int = setting_default("max_request_strings")
    regex_timeout_s: float = setting_default("regex_timeout_s")

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
