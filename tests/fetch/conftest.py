"""Fixtures for the fetch tests live in support.py, so test modules can import its helpers."""

from tests.fetch.support import fake_github, fetcher_factory, loopback_listener, payload_server, raw_server

__all__ = ["fake_github", "fetcher_factory", "loopback_listener", "payload_server", "raw_server"]
