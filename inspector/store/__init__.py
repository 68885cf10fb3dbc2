"""Persistent state: inspections, verdict history, payload bytes, API keys (docs/storage.md)."""

from inspector.store.blobs import BlobError, BlobStore
from inspector.store.records import (
    ApiKeyInfo,
    InspectionFilter,
    InspectionStatus,
    InspectionSummary,
    PayloadInfo,
    PayloadVerdict,
    Role,
    StoredInspection,
)
from inspector.store.store import Store, StoreError, UnknownInspection

__all__ = [
    "ApiKeyInfo",
    "BlobError",
    "BlobStore",
    "InspectionFilter",
    "InspectionStatus",
    "InspectionSummary",
    "PayloadInfo",
    "PayloadVerdict",
    "Role",
    "Store",
    "StoreError",
    "StoredInspection",
    "UnknownInspection",
]
