"""The rows an inspection's verdict is stored as, and the batched write of finished inspections.

`InspectionRepository.save_verdict` (a verdict for an inspection recorded earlier),
`InspectionRepository.save_completed` (an inspection that finished before anything was
recorded) and `RescanRepository.apply_page` (a verdict a rescan changed) build the same rows
here. The second is the service's hot path: `FinishedInspection.build`
prepares and checks everything in the caller, and `insert_finished` writes any number of
them with a fixed number of statements (one per table, executemany), so the group-commit
writer can put many callers' inspections in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from inspector.model import Verdict, VerdictClass
from inspector.store.blobs import check_sha256
from inspector.store.events import Event, event_rows, lock_for_events
from inspector.store.schema import (
    events,
    inspection_alerts,
    inspection_artifacts,
    inspection_fetches,
    inspections,
    payloads,
    utcnow,
    verdicts,
)

MAX_INPUT_NAME = 1024

InsertFactory = Callable[[sa.Table], Any]


def payload_rows(verdict: Verdict, stored: Iterable[str], now: datetime) -> list[dict[str, Any]]:
    """One `payloads` row per distinct artifact, sorted by sha256.

    Sorted so that concurrent upserts (several replicas on PostgreSQL) lock rows in the same
    order and cannot deadlock each other.
    """
    present = set(stored)
    distinct = {a.sha256: a for a in reversed(verdict.artifacts)}  # first occurrence wins
    return [
        {
            "sha256": check_sha256(sha),
            "size": a.size,
            "type": a.type.value,
            "first_seen": now,
            "last_seen": now,
            "blob_state": "present" if sha in present else "absent",
        }
        for sha, a in sorted(distinct.items())
    ]


def artifact_rows(inspection_id: str, verdict: Verdict) -> list[dict[str, Any]]:
    return [
        {
            "inspection_id": inspection_id,
            "position": i,
            "sha256": a.sha256,
            "parent": a.parent,
            "origin": a.origin,
            "depth": a.depth,
            "role": a.role,
            "url": a.url,
        }
        for i, a in enumerate(verdict.artifacts)
    ]


def fetch_rows(inspection_id: str, verdict: Verdict) -> list[dict[str, Any]]:
    return [
        {
            "inspection_id": inspection_id,
            "position": i,
            "url": f.url,
            "role": f.role,
            "fetched": f.fetched,
            "final_url": f.final_url,
            "status": f.status,
            "sha256": f.sha256,
            "error": f.error,
        }
        for i, f in enumerate(verdict.fetches)
    ]


def alert_rows(inspection_id: str, verdict: Verdict) -> list[dict[str, Any]]:
    return [{"inspection_id": inspection_id, "alert_type": t} for t in sorted({a.alertType for a in verdict.alerts})]


def new_verdict_event(inspection_id: str, verdict: Verdict) -> Event | None:
    """The `verdict.new` event of a non-clean verdict (when `events_on_new_verdicts` is on)."""
    if verdict.verdict is VerdictClass.CLEAN:
        return None
    return ("verdict.new", inspection_id, {
        "ruleset_version": verdict.signatures.version,
        "new": {"verdict": verdict.verdict.value, "score": verdict.score, "severity": verdict.severity,
                "alerts": sorted({a.alertType for a in verdict.alerts})},
    })


def payload_upsert(insert: InsertFactory) -> Any:
    """INSERT payload rows, or refresh `last_seen` (and revive expired bytes) of known ones."""
    stmt = insert(payloads)
    excluded = stmt.excluded
    return stmt.on_conflict_do_update(
        index_elements=[payloads.c.sha256],
        set_={
            "last_seen": excluded.last_seen,
            # New bytes revive an expired payload; a tree without bytes never hides them.
            "blob_state": sa.case((excluded.blob_state == "present", "present"), else_=payloads.c.blob_state),
        },
    )


@dataclass(frozen=True)
class FinishedInspection:
    """Every row of one inspection that finished before it was recorded, ready to insert."""

    inspection_id: str
    inspection: dict[str, Any]
    verdict: dict[str, Any]
    payloads: list[dict[str, Any]]
    artifacts: list[dict[str, Any]]
    fetches: list[dict[str, Any]]
    alerts: list[dict[str, Any]]
    event: Event | None
    # The payload bytes, written with the batch just before its transaction.
    blobs: Mapping[str, bytes] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        *,
        inspection_id: str,
        kind: str,
        request: Any,
        context: Any,
        key_id: str | None,
        input_name: str | None,
        verdict: Verdict,
        blobs: Mapping[str, bytes],
        now: datetime,
        with_event: bool,
        verdict_json: str | None = None,
    ) -> FinishedInspection:
        """Rows for the tables; `request` and `context` are already plain JSON (and redacted).

        Raises ValueError (a BlobError) for a malformed artifact sha256, so a bad item fails
        its own caller before it can share a transaction with others.
        """
        return cls(
            inspection_id=inspection_id,
            inspection={
                "id": inspection_id,
                "kind": kind[:32],
                "status": "done",
                "key_id": key_id,
                "input_name": input_name[:MAX_INPUT_NAME] if input_name else None,
                "request": request,
                "context": context,
                "created_at": now,
                "updated_at": now,
                "error_kind": None,
                "error_detail": None,
                "verdict": verdict.verdict.value,
                "score": verdict.score,
                "severity": verdict.severity,
                "ruleset_version": verdict.signatures.version,
            },
            verdict={
                "inspection_id": inspection_id,
                "ruleset_version": verdict.signatures.version,
                "verdict": verdict.verdict.value,
                "score": verdict.score,
                "severity": verdict.severity,
                "cause": "inspection",
                "body": verdict_json if verdict_json is not None else verdict.model_dump_json(),
                "created_at": now,
            },
            payloads=payload_rows(verdict, blobs.keys(), now),
            artifacts=artifact_rows(inspection_id, verdict),
            fetches=fetch_rows(inspection_id, verdict),
            alerts=alert_rows(inspection_id, verdict),
            event=new_verdict_event(inspection_id, verdict) if with_event else None,
            blobs=blobs,
        )


def merged_payload_rows(items: Sequence[FinishedInspection]) -> list[dict[str, Any]]:
    """The payload rows of several inspections, one per sha256 (sorted): present if any has the bytes."""
    merged: dict[str, dict[str, Any]] = {}
    for item in items:
        for row in item.payloads:
            known = merged.get(row["sha256"])
            if known is None:
                merged[row["sha256"]] = row
            elif row["blob_state"] == "present" and known["blob_state"] != "present":
                merged[row["sha256"]] = {**known, "blob_state": "present"}
    return [merged[sha] for sha in sorted(merged)]


Statement = Any  # an executable SQLAlchemy Core statement
Write = tuple[Statement, list[dict[str, Any]]]


class FinishedWrites:
    """The statements that store finished inspections, built once per store (they are dialect-specific).

    `plan(items)` lists them with their rows, at most eight whatever the number of items:
    payloads, inspections, verdicts, the inspections' current verdict ids, artifacts, fetches,
    alerts and events. A duplicate inspection id fails the inspections statement (and the
    transaction) with an IntegrityError. The same plan runs through SQLAlchemy
    (`insert_finished`) or, on the SQLite writer thread, straight on the driver (see
    compiled_writes.py); on PostgreSQL `events.lock_for_events` comes first when it has events.
    """

    def __init__(self, insert: InsertFactory) -> None:
        self.upsert_payloads = payload_upsert(insert)
        self.insert_inspections = inspections.insert()
        self.insert_verdicts = verdicts.insert()
        # The verdict just inserted is the newest one of its (new) inspection.
        newest_verdict = (sa.select(sa.func.max(verdicts.c.id))
                          .where(verdicts.c.inspection_id == inspections.c.id).scalar_subquery())
        self.set_current_verdicts = (inspections.update()
                                     .where(inspections.c.id == sa.bindparam("b_inspection"))
                                     .values(current_verdict_id=newest_verdict))
        self.insert_artifacts = inspection_artifacts.insert()
        self.insert_fetches = inspection_fetches.insert()
        self.insert_alerts = inspection_alerts.insert()
        self.insert_events = events.insert()

    def plan(self, items: Sequence[FinishedInspection]) -> list[Write]:
        writes: list[Write] = [
            (self.upsert_payloads, merged_payload_rows(items)),
            (self.insert_inspections, [item.inspection for item in items]),
            (self.insert_verdicts, [item.verdict for item in items]),
            (self.set_current_verdicts, [{"b_inspection": item.inspection_id} for item in items]),
            (self.insert_artifacts, [row for item in items for row in item.artifacts]),
            (self.insert_fetches, [row for item in items for row in item.fetches]),
            (self.insert_alerts, [row for item in items for row in item.alerts]),
            (self.insert_events, event_rows(events_of(items))),
        ]
        return [(statement, rows) for statement, rows in writes if rows]


def blobs_of(items: Sequence[FinishedInspection]) -> dict[str, bytes]:
    """Every payload's bytes of a batch, each once."""
    return {sha: data for item in items for sha, data in item.blobs.items()}


def events_of(items: Sequence[FinishedInspection]) -> list[Event]:
    return [item.event for item in items if item.event is not None]


def insert_finished(conn: Connection, writes: FinishedWrites, items: Sequence[FinishedInspection]) -> None:
    """Write finished inspections inside the caller's write transaction, through SQLAlchemy.

    Synchronous: on PostgreSQL it runs through `AsyncConnection.run_sync`.
    """
    if events_of(items):
        lock_for_events(conn)
    for statement, rows in writes.plan(items):
        conn.execute(statement, rows)


def is_item_error(exc: Exception) -> bool:
    """Whether a failed batch is worth retrying item by item.

    Errors of the database itself (connection lost, lock or pool timeout) would only repeat
    once per item; anything else (a duplicate id, a value the database refuses) may belong to
    one item, and the others should still be stored.
    """
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return False
    return not isinstance(
        exc, (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.TimeoutError, OSError, TimeoutError)
    )



async def save_tree(conn: AsyncConnection, writes: FinishedWrites, inspection_id: str, verdict: Verdict,
                    stored: Iterable[str]) -> None:
    """Replace an inspection's payload tree (artifacts, fetches) with the verdict's; `stored`
    names the payloads whose bytes were just stored."""
    rows = payload_rows(verdict, stored, utcnow())
    if rows:
        await conn.execute(writes.upsert_payloads, rows)
    # Saving again (a retried task) replaces the tree rather than duplicating it.
    for table in (inspection_artifacts, inspection_fetches):
        await conn.execute(table.delete().where(table.c.inspection_id == inspection_id))
    for table, rows in ((inspection_artifacts, artifact_rows(inspection_id, verdict)),
                        (inspection_fetches, fetch_rows(inspection_id, verdict))):
        if rows:
            await conn.execute(table.insert(), rows)


async def record_verdict(conn: AsyncConnection, inspection_id: str, verdict: Verdict, *, cause: str,
                         status: str) -> int:
    """Append a verdict row and make it the inspection's current verdict; returns its id."""
    now = utcnow()
    verdict_id = await conn.scalar(
        verdicts.insert()
        .values(
            inspection_id=inspection_id,
            ruleset_version=verdict.signatures.version,
            verdict=verdict.verdict.value,
            score=verdict.score,
            severity=verdict.severity,
            cause=cause,
            body=verdict.model_dump_json(),
            created_at=now,
        )
        .returning(verdicts.c.id)
    )
    await conn.execute(
        inspections.update()
        .where(inspections.c.id == inspection_id)
        .values(
            status=status,
            updated_at=now,
            verdict=verdict.verdict.value,
            score=verdict.score,
            severity=verdict.severity,
            ruleset_version=verdict.signatures.version,
            current_verdict_id=verdict_id,
            error_kind=None,
            error_detail=None,
        )
    )
    await conn.execute(inspection_alerts.delete().where(inspection_alerts.c.inspection_id == inspection_id))
    alert_types = sorted({a.alertType for a in verdict.alerts})
    if alert_types:
        await conn.execute(
            inspection_alerts.insert(),
            [{"inspection_id": inspection_id, "alert_type": t} for t in alert_types],
        )
    return int(verdict_id)
