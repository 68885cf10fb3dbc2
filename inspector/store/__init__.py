"""Persistent state: inspections, verdict history, payload bytes, API keys (docs/storage.md)."""

from inspector.store.blobs import BlobError, BlobStore
from inspector.store.records import (
    ApiKeyInfo,
    CacheStats,
    EventRecord,
    InspectionFilter,
    InspectionStatus,
    InspectionSummary,
    PayloadInfo,
    PayloadVerdict,
    RescanFilter,
    RescanInfo,
    RescanProgress,
    RetentionReport,
    Role,
    StoredInspection,
    VerdictChange,
)
from inspector.store.rescan_queries import RescanConflict
from inspector.store.store import Store, StoreError, UnknownInspection

__all__ = [
    "ApiKeyInfo",
    "CacheStats",
    "EventRecord",
    "BlobError",
    "BlobStore",
    "InspectionFilter",
    "InspectionStatus",
    "InspectionSummary",
    "PayloadInfo",
    "PayloadVerdict",
    "RescanConflict",
    "RescanFilter",
    "RescanInfo",
    "RescanProgress",
    "RetentionReport",
    "Role",
    "Store",
    "StoreError",
    "StoredInspection",
    "UnknownInspection",
    "VerdictChange",
]
