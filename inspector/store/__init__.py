"""Persistent state: inspections, verdict history, payload bytes, API keys (docs/storage.md).

`Store.open(settings)` gives one object whose attributes are the repositories, one per
aggregate, over one `Database`.
"""

from inspector.store.activity import ALERT_RAISED, MAX_ALERTS_PAGE
from inspector.store.analysis_cache import AnalysisCacheRepository
from inspector.store.blobs import BlobError, BlobStore
from inspector.store.console import ConsoleReader
from inspector.store.database import Database
from inspector.store.errors import StoreError, UnknownInspection
from inspector.store.events import MAX_EVENTS_PAGE, EventRepository
from inspector.store.inspections import InspectionRepository
from inspector.store.keys import KeyRepository
from inspector.store.payloads import PayloadRepository
from inspector.store.records import (
    ROLES,
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
from inspector.store.rescans import RescanConflict, RescanRepository, verdict_changed
from inspector.store.retention import Retention
from inspector.store.store import Store

__all__ = [
    "ALERT_RAISED", "MAX_ALERTS_PAGE",
    "MAX_EVENTS_PAGE",
    "ROLES",
    "AnalysisCacheRepository",
    "ApiKeyInfo",
    "BlobError",
    "BlobStore",
    "CacheStats",
    "ConsoleReader",
    "Database",
    "EventRecord",
    "EventRepository",
    "InspectionFilter",
    "InspectionRepository",
    "InspectionStatus",
    "InspectionSummary",
    "KeyRepository",
    "PayloadInfo",
    "PayloadRepository",
    "PayloadVerdict",
    "RescanConflict",
    "RescanFilter",
    "RescanInfo",
    "RescanProgress",
    "RescanRepository",
    "Retention",
    "RetentionReport",
    "Role",
    "Store",
    "StoreError",
    "StoredInspection",
    "UnknownInspection",
    "VerdictChange",
    "verdict_changed",
]
