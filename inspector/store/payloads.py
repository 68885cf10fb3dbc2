"""Payloads: content-addressed metadata in the database, their bytes in the blob backend."""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa

from inspector.model import ArtifactType
from inspector.store.blob_backends import BlobBackend
from inspector.store.blobs import BlobStore, check_sha256
from inspector.store.database import Database
from inspector.store.records import PayloadInfo, PayloadVerdict
from inspector.store.schema import inspection_artifacts, inspections, payloads, verdicts

MAX_PAYLOAD_INSPECTIONS = 200


class PayloadRepository:
    def __init__(self, database: Database, blobs: BlobBackend) -> None:
        self.database = database
        self.blobs = blobs

    async def get(self, sha256: str) -> PayloadInfo | None:
        """What is known of a payload: size, type, where it was seen, the latest verdict per ruleset."""
        sha256 = sha256.lower()
        async with self.database.read() as conn:
            row = (await conn.execute(sa.select(payloads).where(payloads.c.sha256 == sha256))).mappings().first()
            if row is None:
                return None
            ids = (
                await conn.execute(
                    sa.select(inspections.c.id)
                    .where(
                        inspections.c.id.in_(
                            sa.select(inspection_artifacts.c.inspection_id).where(inspection_artifacts.c.sha256 == sha256)
                        )
                    )
                    .order_by(inspections.c.created_at.desc(), inspections.c.id.desc())
                    .limit(MAX_PAYLOAD_INSPECTIONS)
                )
            ).scalars().all()
            verdict_rows = await conn.execute(
                sa.select(
                    verdicts.c.ruleset_version,
                    verdicts.c.inspection_id,
                    verdicts.c.verdict,
                    verdicts.c.score,
                    verdicts.c.created_at,
                )
                .where(verdicts.c.inspection_id.in_(ids))
                .order_by(verdicts.c.id.desc())
            )
            latest: dict[str, PayloadVerdict] = {}
            for v in verdict_rows.mappings():
                if v["ruleset_version"] not in latest:
                    latest[v["ruleset_version"]] = PayloadVerdict(**v)
        return PayloadInfo(
            sha256=row["sha256"],
            size=row["size"],
            type=ArtifactType(row["type"]) if row["type"] in ArtifactType._value2member_map_ else ArtifactType.UNKNOWN,
            first_seen=row["first_seen"],
            last_seen=row["last_seen"],
            blob_available=row["blob_state"] == "present",
            expired=row["blob_state"] == "expired",
            inspections=list(ids),
            verdicts=list(latest.values()),
        )

    async def get_bytes(self, sha256: str) -> bytes | None:
        """A payload's bytes, or None when they were never stored or retention removed them."""
        return await self.blobs.get(check_sha256(sha256.lower()))

    async def put_bytes(self, blobs: Mapping[str, bytes]) -> None:
        """Payload bytes by sha256; the local folder takes a whole tree in one thread hop."""
        if isinstance(self.blobs, BlobStore):
            await self.blobs.put_many(blobs)
            return
        for sha256, data in blobs.items():
            await self.blobs.put(sha256, data)
