"""The payload inspector of the activity stream: a record's request body through the payload
pipeline, the inspection stored like any other (shared by `inspector activity ingest`,
`POST /v1/activity` and the Celery workers, which is why it lives in `inspector.tasks`).
"""

from __future__ import annotations

from inspector.tasks.activity_ingest import payload_inspector

__all__ = ["payload_inspector"]
