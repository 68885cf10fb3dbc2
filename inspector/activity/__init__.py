"""The activity stream: Azure activity-log records in, the subscription's history learned, the
history-based extension alerts out (docs/activity.md).

    from inspector.activity import ActivityLimits, ingest, read_records
    report = await ingest(read_records(stream, limits), store.activity, limits, inspector=...)
    report.alerts        # ActivityAlert, each raised once

records.py reads the shapes Azure emits; operations.py says what a record did; history.py is a
subscription's history and the questions detectors ask of it (state.py loads and saves it);
detectors/ holds one module per detector; engine.py orders, deduplicates, inspects, runs the
detectors and learns; alerts.py is the alert and its OCSF rendering.
"""

from __future__ import annotations

from inspector.activity.alerts import ActivityAlert, Entity, to_ocsf
from inspector.activity.detectors import DETECTORS, Inspected
from inspector.activity.engine import Ingestor, IngestReport, PayloadInspector, ingest
from inspector.activity.limits import ActivityLimits
from inspector.activity.records import ActivityRecord, RecordError, read_records, records_of

__all__ = [
    "DETECTORS", "ActivityAlert", "ActivityLimits", "ActivityRecord", "Entity", "IngestReport", "Ingestor",
    "Inspected", "PayloadInspector", "RecordError", "ingest", "read_records", "records_of", "to_ocsf",
]
