"""The Store: one database and one blob backend, and a repository per aggregate over them.

One code path for SQLite and PostgreSQL (SQLAlchemy Core on an async engine). Opening a
store brings the schema to the newest migration. Payload bytes live in a blob backend; the
database holds metadata only. Callers use the repositories: `store.keys`, `store.inspections`,
`store.payloads`, `store.analysis_cache`, `store.events`, `store.rescans`, `store.retention`,
and `store.activity` for the activity history and its alerts, and
`store.console` for everything the analyst console shows.
"""

from __future__ import annotations

from pathlib import Path

from inspector.config import Settings
from inspector.store.activity import ActivityRepository
from inspector.store.analysis_cache import AnalysisCacheRepository
from inspector.store.blob_backends import BlobBackend, open_blob_backend
from inspector.store.console import ConsoleReader
from inspector.store.database import Database, database_url
from inspector.store.events import EventRepository
from inspector.store.inspection_rows import FinishedWrites
from inspector.store.inspections import InspectionRepository
from inspector.store.keys import KeyRepository
from inspector.store.private_files import private_dir
from inspector.store.payloads import PayloadRepository
from inspector.store.rescans import RescanRepository
from inspector.store.retention import Retention


class Store:
    def __init__(self, database: Database, blobs: BlobBackend, settings: Settings) -> None:
        self.database = database
        self.blobs = blobs
        self.settings = settings
        # The statements that store verdicts, built once for the dialect; inspections and rescans share them.
        writes = FinishedWrites(database.insert)
        self.keys = KeyRepository(database)
        self.payloads = PayloadRepository(database, blobs)
        self.inspections = InspectionRepository(database, self.payloads, settings, writes)
        self.analysis_cache = AnalysisCacheRepository(database, settings)
        self.events = EventRepository(database)
        self.rescans = RescanRepository(database, settings, writes)
        self.retention = Retention(database, blobs, settings, self.analysis_cache)
        self.activity = ActivityRepository(database)
        self.console = ConsoleReader(self.keys, self.inspections, self.payloads, self.activity)

    @classmethod
    async def open(cls, settings: Settings, *, migrate: bool = True) -> Store:
        private_dir(Path(settings.data_dir))
        database = await Database.open(settings, migrate=migrate)
        try:
            blobs = open_blob_backend(settings, database.engine, database_url(settings))
        except BaseException:
            await database.close()
            raise
        return cls(database, blobs, settings)

    async def close(self) -> None:
        """Commit the inspections still queued for the writer, then let go of the database."""
        await self.inspections.close()
        self.blobs.close()
        await self.database.close()
