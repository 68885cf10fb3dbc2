"""Structured logging for the service: one JSON object per line on stdout.

Every string value is redacted (inspector/redact.py) before it is written, and fields that may
carry personal data or credentials (activity-log claims, callers, authorization headers)
are replaced whole, so a careless log call cannot leak a key, a SAS token or a UPN.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog

from inspector.redact import REDACTED, redact_head, redact_quote

# Field names whose values are never logged, whatever they contain.
SENSITIVE_FIELDS = frozenset(
    {"authorization", "api_key", "key", "secret", "password", "token", "claims", "caller", "upn",
     "ipaddr", "callerIpAddress", "protectedSettings", "body", "content"}
)
_MAX_FIELD_CHARS = 2000


def _redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact_head(value, _MAX_FIELD_CHARS)
    return value


def _redacted_tail(value: str, chars: int) -> str:
    """The last `chars` characters, redacted before the cut: a secret it runs through is still recognised."""
    start = max(0, len(value) - chars)
    return redact_quote(value, start, value[start:], limit=chars)


def redact_event(_logger: Any, _method: str, event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """structlog processor: drop sensitive fields, redact and bound every string."""
    for name in list(event):
        if name in SENSITIVE_FIELDS or name.lower() in SENSITIVE_FIELDS:
            event[name] = REDACTED
        elif name == "exception" and isinstance(event[name], str):
            # A traceback's useful part is its end.
            event[name] = _redacted_tail(event[name], 4 * _MAX_FIELD_CHARS)
        else:
            event[name] = _redact_value(event[name])
    return event


class _CurrentStdout(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stdout` is at the time of the record (it may be replaced)."""

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stdout

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


def configure_logging(level: str = "info", *, json_lines: bool = True, stream: TextIO | None = None) -> None:
    """Route structlog and the standard library's logging to `stream` (default: the current
    stdout, looked up at each write), at `level`."""
    numeric = logging.getLevelName(level.upper())
    renderer: Any = structlog.processors.JSONRenderer() if json_lines else structlog.dev.ConsoleRenderer(colors=False)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.format_exc_info,
            redact_event,
            # Added after redaction: ours, and its ':' would send every line through the patterns.
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=stream),
        cache_logger_on_first_use=False,
    )
    # Libraries that use the standard logging module (aiohttp, sqlalchemy) go through the same
    # redaction, at warning level or above so that their access logs do not double ours.
    handler: logging.Handler = logging.StreamHandler(stream) if stream is not None else _CurrentStdout()
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processor=renderer,
            foreign_pre_chain=[
                structlog.processors.add_log_level,
                redact_event,
                structlog.processors.TimeStamper(fmt="iso", utc=True),
            ],
        )
    )
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(max(numeric, logging.WARNING))


def get_logger(name: str) -> Any:
    return structlog.get_logger(name)
