"""Inspection metrics shared by the service and Celery workers, and the worker's scrape endpoint.

The service (inspector/service/metrics.py) and every worker define these series with the same
names, labels and buckets, so a dashboard sums them across `serve` and `inspector worker`.

A worker's inspections run in Celery's prefork children, so a worker exposes them through
prometheus_client's multiprocess mode: `inspector worker --metrics-port` points
PROMETHEUS_MULTIPROC_DIR at a private temporary folder before the pool forks; each child writes
its counters there and the main process serves their sum over HTTP.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from inspector.model import Verdict

if TYPE_CHECKING:  # imported lazily: see multiprocess_folder
    from prometheus_client import CollectorRegistry, Counter, Histogram

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Buckets tuned for sub-100 ms inline-script answers, with a tail for fetching inspections.
LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


@dataclass(frozen=True)
class InspectionMetrics:
    verdicts: Counter
    failures: Counter
    seconds: Histogram
    fetches: Counter

    @classmethod
    def register(cls, registry: CollectorRegistry | None) -> InspectionMetrics:
        """The series in `registry` (None: in no registry, for a worker's pool process)."""
        from prometheus_client import Counter, Histogram

        return cls(
            verdicts=Counter("inspector_verdicts_total", "Inspections completed, by verdict class", ["verdict"],
                             registry=registry),
            failures=Counter("inspector_inspection_failures_total", "Inspections that ended without a verdict",
                             ["kind"], registry=registry),
            seconds=Histogram("inspector_inspection_duration_seconds", "Time an inspection took, queueing included",
                              buckets=LATENCY_BUCKETS, registry=registry),
            fetches=Counter("inspector_fetches_total", "URL fetch attempts, by outcome (ok or the error kind)",
                            ["outcome"], registry=registry),
        )

    def record_verdict(self, verdict: Verdict) -> None:
        self.verdicts.labels(verdict=verdict.verdict.value).inc()
        for fetch in verdict.fetches:
            self.fetches.labels(outcome="ok" if fetch.fetched else (fetch.error or "failed")).inc()

    def record_failure(self, kind: str) -> None:
        self.failures.labels(kind=kind).inc()


@contextmanager
def multiprocess_folder() -> Iterator[str]:
    """A fresh PROMETHEUS_MULTIPROC_DIR for this worker's processes, removed when the worker stops.

    Must be entered before prometheus_client is first imported and before the pool forks: the
    library picks its multiprocess value class at import time.
    """
    folder = tempfile.mkdtemp(prefix="inspector-worker-metrics-")
    previous = os.environ.get(MULTIPROC_ENV)
    os.environ[MULTIPROC_ENV] = folder
    try:
        yield folder
    finally:
        if previous is None:
            os.environ.pop(MULTIPROC_ENV, None)
        else:
            os.environ[MULTIPROC_ENV] = previous
        shutil.rmtree(folder, ignore_errors=True)


def serve_worker_metrics(port: int, host: str) -> None:
    """Serve the sum of every pool process's inspection metrics on http://host:port/metrics (a daemon thread)."""
    from prometheus_client import CollectorRegistry, start_http_server
    from prometheus_client.multiprocess import MultiProcessCollector

    registry = CollectorRegistry()
    MultiProcessCollector(registry)
    start_http_server(port, addr=host, registry=registry)
