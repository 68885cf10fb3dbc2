"""Verdict-change events: delivered from the store's outbox to a webhook and a JSON Lines file.

`EventDelivery` runs one loop per configured sink; `GET /v1/events` reads the same outbox
through `store.events.read`.
"""

from inspector.events.delivery import EventDelivery, Sink, backoff_delay, configured_sinks
from inspector.events.jsonl import JsonlSink
from inspector.events.webhook import WebhookSink, signature

__all__ = ["EventDelivery", "JsonlSink", "Sink", "WebhookSink", "backoff_delay", "configured_sinks", "signature"]
