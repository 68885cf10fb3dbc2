"""Records held back on a subscription that went quiet are judged, never kept for ever.

A streaming batch (`POST /v1/activity`, the workers) holds back each subscription's last
`activity_reorder_s` of event time until a newer record moves the subscription's watermark past
it (inspector/activity/engine.py). A subscription that sends nothing more would keep its last
hour unjudged, an attack's last burst included, until somebody flushed. The service's periodic
sweep (`Reaper`, service/recovery.py) therefore judges the held records of every subscription
that has sent nothing for `activity_release_idle_s` of wall time. Only when to release reads the
wall clock; judging still goes by event time. A record that comes after that is more than that
long late on arrival and is judged as late records are, against the history as it stands.
"""

from __future__ import annotations

from datetime import datetime

from inspector.activity import ActivityLimits, Ingestor, IngestReport, PayloadInspector
from inspector.logging_setup import get_logger
from inspector.store import Store

log = get_logger("inspector.service.activity_release")


async def release_idle(store: Store, limits: ActivityLimits, inspector: PayloadInspector | None,
                       idle_since: datetime) -> IngestReport | None:
    """Judge what every subscription quiet since `idle_since` (wall time) holds back; the report,
    or None when no subscription was quiet."""
    quiet = await store.activity.idle_held_subscriptions(idle_since)
    if not quiet:
        return None
    async with store.activity.serialised(*quiet):
        # A batch may have come while this waited for the subscriptions: those stay held.
        still_quiet = set(await store.activity.idle_held_subscriptions(idle_since)) & set(quiet)
        ingestor = Ingestor(store.activity, limits, inspector=inspector, streaming=True)
        for subscription_id in sorted(still_quiet):
            await ingestor.take_up(subscription_id)
        await ingestor.finish(flush=True)
        await ingestor.prune_store()
    report = ingestor.report
    log.info("activity_released_idle", subscriptions=len(still_quiet), judged=report.judged,
             alerts=len(report.alerts))
    return report

