"""Everything the analyst console shows, read through one object (the console writes nothing but sign-ins)."""

from __future__ import annotations

from typing import Any

from datetime import datetime

from inspector.store.activity import ActivityRepository, AlertRow, VmTimeline
from inspector.store.inspections import InspectionRepository
from inspector.store.keys import KeyRepository
from inspector.store.payloads import PayloadRepository
from inspector.store.records import ApiKeyInfo, InspectionFilter, InspectionSummary, PayloadInfo, StoredInspection


class ConsoleReader:
    def __init__(self, keys: KeyRepository, inspections: InspectionRepository, payloads: PayloadRepository,
                 activity: ActivityRepository) -> None:
        self._keys = keys
        self._activity = activity
        self._inspections = inspections
        self._payloads = payloads

    async def key(self, key_id: str) -> ApiKeyInfo | None:
        """The key a console session was signed in with (revoked keys included: the caller checks)."""
        return await self._keys.get(key_id)

    async def inspection(self, inspection_id: str) -> StoredInspection | None:
        return await self._inspections.get(inspection_id)

    async def inspection_request(self, inspection_id: str) -> Any:
        """The request as stored (redacted when it was recorded), plain JSON."""
        return await self._inspections.stored_request(inspection_id)

    async def history(self, f: InspectionFilter, limit: int, before: str | None = None) -> list[InspectionSummary]:
        """A page of inspections, newest first (StoreError for a `before` cursor that does not exist)."""
        return await self._inspections.search(f, limit=limit, before=before)

    async def payload(self, sha256: str) -> PayloadInfo | None:
        return await self._payloads.get(sha256)

    async def payload_bytes(self, sha256: str) -> bytes | None:
        return await self._payloads.get_bytes(sha256)

    async def alerts(self, *, subscription_id: str | None = None, alert_type: str | None = None,
                     resource_id: str | None = None, since: datetime | None = None, until: datetime | None = None,
                     after: tuple[datetime, str] | None = None, limit: int = 100) -> list[AlertRow]:
        """Activity alerts, newest first; `after` is the (start time, id) of the previous page's last."""
        return await self._activity.alerts(subscription_id=subscription_id, alert_type=alert_type,
                                           resource_id=resource_id, since=since, until=until, after=after,
                                           limit=limit)

    async def alert(self, alert_id: str) -> AlertRow | None:
        return await self._activity.alert(alert_id)

    async def vm_timeline(self, vm_id: str) -> VmTimeline:
        return await self._activity.vm_timeline(vm_id)
