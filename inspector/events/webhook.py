"""POST each event as JSON, signed: `X-Inspector-Signature: sha256=<hex HMAC-SHA256 of the body>`.

Receivers verify the signature with the shared secret and deduplicate on `X-Inspector-Event-Id`
(also the body's `id`): delivery is at-least-once on the wire and exactly-once for a receiver
that ignores ids it has already processed.
"""

from __future__ import annotations

import hashlib
import hmac
import json

import aiohttp

from inspector.redact import redact_url
from inspector.store import EventRecord

SIGNATURE_HEADER = "X-Inspector-Signature"
EVENT_ID_HEADER = "X-Inspector-Event-Id"
EVENT_TYPE_HEADER = "X-Inspector-Event-Type"


class DeliveryError(Exception):
    """The sink did not take the event; it will be retried."""


def signature(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def encode(event: EventRecord) -> bytes:
    return json.dumps(event.data, sort_keys=True, separators=(",", ":")).encode()


class WebhookSink:
    def __init__(self, url: str, secret: str | None, timeout_s: float) -> None:
        self.url = url
        self.name = "webhook:" + hashlib.sha256(url.encode()).hexdigest()[:16]  # no URL secrets in the DB
        self._secret = secret.encode() if secret else None
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._session: aiohttp.ClientSession | None = None

    def describe(self) -> str:
        return f"webhook {redact_url(self.url)}"

    async def send(self, event: EventRecord) -> None:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        body = encode(event)
        headers = {"Content-Type": "application/json", EVENT_ID_HEADER: event.id, EVENT_TYPE_HEADER: event.type}
        if self._secret is not None:
            headers[SIGNATURE_HEADER] = signature(self._secret, body)
        try:
            async with self._session.post(self.url, data=body, headers=headers, allow_redirects=False) as response:
                if not 200 <= response.status < 300:
                    raise DeliveryError(f"receiver answered HTTP {response.status}")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise DeliveryError(f"{type(exc).__name__}: {exc}") from None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
