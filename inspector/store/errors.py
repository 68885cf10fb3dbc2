"""Errors every repository of the store raises."""

from __future__ import annotations


class StoreError(Exception):
    """A store operation was asked something impossible (unknown inspection, bad argument)."""


class UnknownInspection(StoreError, LookupError):
    pass
