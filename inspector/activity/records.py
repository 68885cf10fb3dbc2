"""Activity-log records: the shapes Azure emits, read one record at a time.

Accepted, in one stream or mixed:
- the diagnostic-settings export `{"records": [...]}` (Event Hubs, storage archive), one per
  document or one per line;
- the Azure Monitor REST `EventData` list, a JSON array (`az monitor activity-log list`);
- single events (REST or export shape), one per document or one per line (JSON Lines).

Each record becomes an `ActivityRecord` judged on its own: its own operation, status, resource
id, caller, caller IP, correlation id and request body. A record that cannot be read is a
`RecordError` naming it (its position in the input) and the rest is still read. The reader
streams: memory is bounded by the largest record (`max_record_bytes`), never by the input.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import IO, Any

from pydantic import BaseModel, ConfigDict, Field

from inspector.activity.limits import ActivityLimits

_CALLER_CLAIMS = ("upn", "unique_name", "appid", "objectidentifier", "oid")
_STATUS = {
    "start": "started", "started": "started", "accept": "accepted", "accepted": "accepted",
    "success": "succeeded", "succeeded": "succeeded", "failure": "failed", "failed": "failed",
    "error": "failed", "canceled": "canceled", "cancelled": "canceled", "timedout": "failed",
}
_CHUNK = 256 * 1024


class ActivityRecord(BaseModel):
    """One activity-log record, normalised from either Azure shape. Names are kept as Azure
    spells them; comparisons casefold."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    record_id: str = Field(description="eventDataId, or a digest of correlation id, operation, status and time")
    subscription_id: str
    operation: str
    status: str = Field(description="started, accepted, succeeded, failed, canceled, or the record's own word")
    sub_status: str | None = None
    resource_id: str
    caller: str | None = None
    caller_ip: str | None = None
    correlation_id: str | None = None
    event_time: datetime
    request_body: Any = None
    response_body: Any = None
    position: str = Field(default="", description="where the record sits in its input, for messages")

    @property
    def ip_range(self) -> str | None:
        return ip_range(self.caller_ip)


@dataclass(frozen=True)
class RecordError:
    """A record that could not be read; the input goes on."""

    position: str
    detail: str

    def message(self) -> str:
        return f"{self.position}: {self.detail}"


class InvalidRecord(ValueError):
    pass


def ip_range(address: str | None) -> str | None:
    """The /16 (IPv4) or /48 (IPv6) network of an address: callers move within their range."""
    if not address:
        return None
    return _ip_range(address)


@lru_cache(maxsize=65536)  # callers come from few addresses; parsing each time would dominate ingest
def _ip_range(address: str) -> str | None:
    text = address.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        parsed = ipaddress.ip_address(text)
    except ValueError:
        return None
    prefix = 16 if parsed.version == 4 else 48
    return str(ipaddress.ip_network(f"{parsed}/{prefix}", strict=False))


def _get(value: Any, name: str) -> Any:
    if not isinstance(value, Mapping):
        return None
    item = value.get(name)
    if item is not None:
        return item
    folded = name.casefold()
    for key, item in value.items():
        if isinstance(key, str) and key.casefold() == folded:
            return item
    return None


def _text(value: Any) -> str | None:
    """A plain string, or the `value` of `{value, localizedValue}` (REST shape)."""
    if isinstance(value, Mapping):
        value = _get(value, "value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _time(value: Any) -> datetime:
    text = _text(value)
    if text is None:
        raise InvalidRecord("no event time (eventTimestamp or time)")
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        raise InvalidRecord(f"event time {text[:40]!r} is not an ISO 8601 time") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)  # Azure times are UTC
    return parsed.astimezone(UTC)


def _caller(data: Mapping[str, Any]) -> str | None:
    caller = _text(_get(data, "caller"))
    if caller:
        return caller
    claims = _get(data, "claims") or _get(_get(data, "identity"), "claims")
    if isinstance(claims, Mapping):
        for wanted in _CALLER_CLAIMS:
            for key, value in claims.items():
                if isinstance(key, str) and key.rstrip("/").rsplit("/", 1)[-1].casefold() == wanted:
                    text = _text(value)
                    if text:
                        return text
    return None


def _caller_ip(data: Mapping[str, Any]) -> str | None:
    found = (_text(_get(_get(data, "httpRequest"), "clientIpAddress")) or _text(_get(data, "callerIpAddress")))
    if found:
        return found
    claims = _get(data, "claims") or _get(_get(data, "identity"), "claims")
    return _text(_get(claims, "ipaddr"))


def _body(value: Any, max_bytes: int) -> Any:
    """A request or response body: JSON text parsed when it parses, kept as text otherwise
    (activity logs truncate long bodies)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        if len(value) > max_bytes:
            return value[:max_bytes]
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def subscription_of(resource_id: str | None) -> str | None:
    parts = (resource_id or "").split("/")
    for index, part in enumerate(parts[:-1]):
        if part.casefold() == "subscriptions" and parts[index + 1]:
            return parts[index + 1]
    return None


def parse_record(data: Any, position: str, limits: ActivityLimits) -> ActivityRecord:
    """One record, either shape. Raises InvalidRecord naming what is missing or wrong."""
    if not isinstance(data, Mapping):
        raise InvalidRecord(f"a record is a JSON object, not {type(data).__name__}")
    operation = _text(_get(data, "operationName"))
    if operation is None:
        raise InvalidRecord("no operationName")
    resource_id = _text(_get(data, "resourceId"))
    if resource_id is None:
        raise InvalidRecord("no resourceId")
    subscription = _text(_get(data, "subscriptionId")) or subscription_of(resource_id)
    if not subscription:
        raise InvalidRecord("no subscription (subscriptionId, or a resourceId under /subscriptions/)")
    event_time = _time(_get(data, "eventTimestamp") or _get(data, "time"))
    raw_status = _text(_get(data, "status")) or _text(_get(data, "resultType")) or "unknown"
    status = _STATUS.get(raw_status.casefold().replace(" ", ""), raw_status.casefold())
    sub_status = _text(_get(data, "subStatus")) or _text(_get(data, "resultSignature"))
    properties = _get(data, "properties")
    correlation = _text(_get(data, "correlationId"))
    record_id = _text(_get(data, "eventDataId")) or _text(_get(properties, "eventDataId"))
    if record_id is None:
        seed = "\x1f".join((correlation or resource_id, operation, raw_status, event_time.isoformat()))
        record_id = "h:" + hashlib.sha256(seed.casefold().encode()).hexdigest()[:32]
    return ActivityRecord(
        record_id=record_id,
        subscription_id=subscription,
        operation=operation,
        status=status,
        sub_status=sub_status,
        resource_id=resource_id,
        caller=_caller(data),
        caller_ip=_caller_ip(data),
        correlation_id=correlation,
        event_time=event_time,
        request_body=_body(_get(properties, "requestbody"), limits.max_record_bytes),
        response_body=_body(_get(properties, "responseBody"), limits.max_record_bytes),
        position=position,
    )


# --- streaming the documents of an input -----------------------------------------------------

_RECORDS_OPEN = re.compile(r'\{\s*"records"\s*:\s*\[')
_WS = re.compile(r"[\s,]*")


class _Buffer:
    """Text read in chunks; the consumed prefix is dropped as documents are decoded."""

    def __init__(self, stream: IO[bytes], limits: ActivityLimits) -> None:
        self.stream = stream
        self.limits = limits
        self.text = ""
        self.pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder()
        self._pending = b""

    def more(self) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(_CHUNK)
        if not chunk:
            self.eof = True
            return False
        data = self._pending + chunk
        try:
            text = data.decode("utf-8")
            self._pending = b""
        except UnicodeDecodeError as exc:
            if exc.start < len(data) - 4:  # not a character split between chunks: invalid
                text = data.decode("utf-8", errors="replace")
                self._pending = b""
            else:
                text, self._pending = data[:exc.start].decode("utf-8"), data[exc.start:]
        if self.pos > _CHUNK:
            self.text, self.pos = self.text[self.pos:], 0
        self.text += text.lstrip("\ufeff") if not self.text else text
        return True

    def skip(self, pattern: re.Pattern[str] = _WS) -> str | None:
        """Skip separators; the next character, or None at the end."""
        while True:
            match = pattern.match(self.text, self.pos)
            self.pos = match.end() if match else self.pos
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return None

    def ensure(self, chars: int) -> None:
        while len(self.text) - self.pos < chars and self.more():
            pass

    def decode(self, *, lines: bool = False) -> Any:
        """The next JSON value; raises InvalidRecord (and skips the value) when it cannot be read.
        `lines`: a top-level document, so a broken one is skipped to the end of its line (JSON Lines)."""
        while True:
            try:
                value, end = self.decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                too_long = len(self.text) - self.pos > self.limits.max_record_bytes
                if not too_long and self.more():
                    continue
                newline = self.text.find("\n", self.pos)
                if lines and newline >= 0:
                    self.pos = newline + 1
                else:
                    self._skip_value()
                if too_long:
                    raise InvalidRecord(f"record larger than {self.limits.max_record_bytes} characters "
                                        "(INSPECTOR_ACTIVITY_MAX_RECORD_BYTES)") from None
                raise InvalidRecord(f"not valid JSON ({exc.msg})") from None
            if end - self.pos > self.limits.max_record_bytes:
                self.pos = end
                raise InvalidRecord(f"record larger than {self.limits.max_record_bytes} characters "
                                    "(INSPECTOR_ACTIVITY_MAX_RECORD_BYTES)")
            self.pos = end
            return value

    def _skip_value(self) -> None:
        """Step over a value that does not decode: to the end of its brackets, or its line."""
        depth, in_string, escaped = 0, False, False
        start_line = self.text[self.pos] != "{" and self.text[self.pos] != "["
        while True:
            text = self.text
            while self.pos < len(text):
                char = text[self.pos]
                self.pos += 1
                if in_string:
                    if escaped:
                        escaped = False
                    elif char == "\\":
                        escaped = True
                    elif char == '"':
                        in_string = False
                    elif char == "\n":  # a broken line never joins the next one
                        in_string = False
                        if depth <= 1 or start_line:
                            return
                elif char == '"':
                    in_string = True
                elif char in "{[":
                    depth += 1
                elif char in "}]":
                    depth -= 1
                    if depth <= 0:
                        return
                elif char == "\n" and (start_line or depth <= 0):
                    return
                elif char == "," and depth <= 0:
                    self.pos -= 1
                    return
            if not self.more():
                return


def read_documents(stream: IO[bytes], limits: ActivityLimits, name: str = "-") -> Iterator[tuple[str, Any] | RecordError]:
    """(position, raw record) for every record of the input, or a RecordError for one that could
    not be decoded. Stops, with an error, after `max_batch_records`."""
    buf = _Buffer(stream, limits)
    count = 0
    document = 0

    def limited() -> RecordError | None:
        if count >= limits.max_batch_records:
            return RecordError(f"{name}", f"more than {limits.max_batch_records} records: the rest was not read "
                                          "(INSPECTOR_ACTIVITY_MAX_BATCH_RECORDS)")
        return None

    while (char := buf.skip()) is not None:
        if char == "[" or (char == "{" and _opens_records(buf)):
            array_name = f"{name}[{document}]" if char == "[" else f"{name}#{document}.records"
            buf.pos = buf.text.index("[", buf.pos) + 1
            index = 0
            while (inner := buf.skip()) is not None and inner != "]":
                if (stop := limited()) is not None:
                    yield stop
                    return
                position = f"{array_name}[{index}]"
                index += 1
                count += 1
                try:
                    yield position, buf.decode()
                except InvalidRecord as exc:
                    yield RecordError(position, str(exc))
            if inner is None:
                yield RecordError(array_name, "the input ends inside the list of records")
                return
            buf.pos += 1
            if char == "{" and buf.skip() == "}":
                buf.pos += 1
        else:
            if (stop := limited()) is not None:
                yield stop
                return
            position = f"{name}#{document}"
            count += 1
            try:
                value = buf.decode(lines=True)
            except InvalidRecord as exc:
                yield RecordError(position, str(exc))
            else:
                records = _get(value, "records") if isinstance(value, Mapping) else None
                if isinstance(records, list):  # an export object the fast path did not recognise
                    for index, item in enumerate(records):
                        yield f"{position}.records[{index}]", item
                elif isinstance(value, list):
                    for index, item in enumerate(value):
                        yield f"{position}[{index}]", item
                else:
                    yield position, value
        document += 1


def _opens_records(buf: _Buffer) -> bool:
    buf.ensure(64)
    return _RECORDS_OPEN.match(buf.text, buf.pos) is not None


def read_records(stream: IO[bytes], limits: ActivityLimits, name: str = "-") -> Iterator[ActivityRecord | RecordError]:
    """Every record of an input, normalised; a RecordError for each one that could not be read."""
    for item in read_documents(stream, limits, name):
        if isinstance(item, RecordError):
            yield item
            continue
        position, data = item
        try:
            yield parse_record(data, position, limits)
        except InvalidRecord as exc:
            yield RecordError(position, str(exc))


def records_of(batch: Any, limits: ActivityLimits, name: str = "batch") -> Iterator[ActivityRecord | RecordError]:
    """The records of an already parsed batch (any of the shapes above), for library callers."""
    if isinstance(batch, Mapping) and isinstance(_get(batch, "records"), list):
        items = [(f"{name}.records[{i}]", item) for i, item in enumerate(_get(batch, "records"))]
    elif isinstance(batch, list):
        items = [(f"{name}[{i}]", item) for i, item in enumerate(batch)]
    else:
        items = [(name, batch)]
    for index, (position, data) in enumerate(items):
        if index >= limits.max_batch_records:
            yield RecordError(name, f"more than {limits.max_batch_records} records: the rest was not read "
                                    "(INSPECTOR_ACTIVITY_MAX_BATCH_RECORDS)")
            return
        try:
            yield parse_record(data, position, limits)
        except InvalidRecord as exc:
            yield RecordError(position, str(exc))
