"""A subscription's history between the store's rows and memory: loaded when its first record of
a run arrives (only what the windows and the lookback need), saved as the rows that changed."""

from __future__ import annotations

from datetime import timedelta

from inspector.activity.history import (
    RECENT_HORIZON,
    ExtensionState,
    OpEvent,
    Seen,
    SubscriptionHistory,
    VmInfo,
)
from inspector.activity.limits import ActivityLimits
from inspector.activity.operations import Family
from inspector.store.activity import ActivityChanges, ActivityRepository


async def load_history(repository: ActivityRepository, subscription_id: str, limits: ActivityLimits) -> SubscriptionHistory:
    history = SubscriptionHistory(subscription_id)
    newest = await repository.newest(subscription_id)
    if newest is None:
        return history
    # Day counters of the lookback (plus the learning period) are all a detector reads.
    window = max(limits.lookback, limits.learning) + timedelta(days=1)
    snap = await repository.load(subscription_id, operations_since=newest - RECENT_HORIZON - limits.max_lateness,
                                 daily_since=(newest - window).date(),
                                 record_ids_since=newest - limits.max_lateness)
    history.first_time, history.newest = snap.first_time, snap.newest
    for dimension, value, first, last in snap.seen:
        history.seen[(dimension, value)] = Seen(first, last)
    for dimension, value, day, count in snap.daily:
        history.daily.setdefault((dimension, value), {})[day] = count
    for row in snap.vms:
        history.vms[row["vm_id"]] = VmInfo(row["size"], row["os_type"], row["updated_at"])
    for row in snap.extensions:
        history.extensions[row["resource_id"]] = ExtensionState(
            row["vm_id"], row["extension_type"], Family(row["family"]), row["installs"], row["deletes"],
            row["last_install"], row["last_install_by"], row["last_delete"])
    for row in snap.operations:
        event = OpEvent(row["time"], row["op_key"], row["family"], row["action"], row["caller"], row["ip_range"],
                        row["vm_id"], row["extension_type"], row["correlation_id"])
        history.counted[event.key] = event
        history.recent.append(event)
    history.recent.sort()
    for record_id, at in snap.record_ids:
        history.record_ids[record_id] = at
    for key, at in snap.alert_keys:
        group = key.rsplit("@", 1)[0]
        history.alert_keys[group] = max(history.alert_keys.get(group, at), at)
    return history


def to_changes(history: SubscriptionHistory) -> ActivityChanges:
    raw = history.take_changes()
    _, first, newest = raw["subscription"]
    vms = [{"vm_id": vm, "size": info.size, "os_type": info.os_type, "updated_at": info.updated}
           for vm, info in raw["vms"]]
    extensions = [{"resource_id": target, "vm_id": s.vm_id, "extension_type": s.extension_type,
                   "family": s.family.value, "installs": s.installs, "deletes": s.deletes,
                   "last_install": s.last_install, "last_install_by": s.last_install_by,
                   "last_delete": s.last_delete} for target, s in raw["extensions"]]
    operations = [{"op_key": e.key, "time": e.time, "family": e.family, "action": e.action, "caller": e.caller,
                   "ip_range": e.ip_range, "vm_id": e.vm_id, "extension_type": e.extension_type,
                   "correlation_id": e.correlation_id} for e in raw["operations"]]
    return ActivityChanges(history.subscription_id, first, newest, seen=raw["seen"], daily=raw["daily"], vms=vms,
                           extensions=extensions, operations=operations, record_ids=raw["record_ids"])
