"""Prometheus metrics of one service instance, in its own registry (no process-global state).

The API counts requests into it, the inspection runner inspections and verdicts; store
figures are read on each scrape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, Info, generate_latest
from prometheus_client import ProcessCollector

from inspector.model import Verdict
from inspector.tasks.worker_metrics import LATENCY_BUCKETS, InspectionMetrics

if TYPE_CHECKING:
    from inspector.store import Store

# Request methods that get their own label; any other token a client sends counts as OTHER.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_LATENCY_BUCKETS = LATENCY_BUCKETS


class ServiceMetrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        ProcessCollector(registry=self.registry)
        self.requests = Counter(
            "inspector_http_requests_total", "HTTP requests answered", ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "inspector_http_request_duration_seconds", "Time to answer an HTTP request", ["method", "route"],
            buckets=_LATENCY_BUCKETS, registry=self.registry,
        )
        # (method, route template, status) -> its children of `requests` and `latency`: bounded by
        # the routes, methods and statuses the service has.
        self._request_children: dict[tuple[str, str, int], tuple[Any, Any]] = {}
        # The same series as every Celery worker's (tasks/worker_metrics.py): dashboards sum them.
        self.inspections = InspectionMetrics.register(self.registry)
        self.verdicts = self.inspections.verdicts
        self.inspection_failures = self.inspections.failures
        self.inspection_seconds = self.inspections.seconds
        self.fetches = self.inspections.fetches
        self.queue_depth = Gauge(
            "inspector_queue_depth", "Inspections admitted and not finished", registry=self.registry,
        )
        self.queue_capacity = Gauge(
            "inspector_queue_capacity", "Most inspections admitted at once", registry=self.registry,
        )
        self.rejected = Counter(
            "inspector_rejected_total", "Requests refused before any work, by reason", ["reason"],
            registry=self.registry,
        )
        self.rules = Info("inspector_rules", "Active signature ruleset", registry=self.registry)
        self.celery_queued = Counter(
            "inspector_inspections_queued_total", "Inspections handed to Celery workers (engine celery)",
            registry=self.registry,
        )
        # Store-side figures, read from the store on each scrape (see refresh_store).
        self.cache_hits = Gauge(
            "inspector_analysis_cache_hits", "Analysis-cache lookups answered from the cache (this process)",
            registry=self.registry,
        )
        self.cache_misses = Gauge(
            "inspector_analysis_cache_misses", "Analysis-cache lookups that found nothing (this process)",
            registry=self.registry,
        )
        self.cache_hit_rate = Gauge(
            "inspector_analysis_cache_hit_rate", "Hits / lookups of the analysis cache (0 before any lookup)",
            registry=self.registry,
        )
        self.rescans = Gauge(
            "inspector_rescans", "Rescans recorded in the store, by status", ["status"], registry=self.registry,
        )
        self.events_pending = Gauge(
            "inspector_events_pending", "Verdict events not yet delivered, by configured sink", ["sink"],
            registry=self.registry,
        )

    def record_request(self, method: str, route: str, status: int, elapsed_s: float) -> None:
        """Count and time one answered request (label children looked up once per combination)."""
        if method not in _METHODS:  # a client may send any token as a method: keep the labels bounded
            method = "OTHER"
        key = (method, route, status)
        children = self._request_children.get(key)
        if children is None:
            children = (self.requests.labels(method=method, route=route, status=str(status)),
                        self.latency.labels(method=method, route=route))
            self._request_children[key] = children
        children[0].inc()
        children[1].observe(elapsed_s)

    def record_verdict(self, verdict: Verdict) -> None:
        self.inspections.record_verdict(verdict)

    def set_rules(self, version: str, rule_count: int, loaded_at: str) -> None:
        self.rules.info({"version": version, "rule_count": str(rule_count), "loaded_at": loaded_at})

    async def refresh_store(self, store: Store, sinks: list[str]) -> None:
        """Read the cache counters, rescan statuses and undelivered events just before a scrape.

        Gauges rather than counters: the store holds the totals, this process only reports them.
        """
        stats = store.analysis_cache.stats
        self.cache_hits.set(stats.hits)
        self.cache_misses.set(stats.misses)
        self.cache_hit_rate.set(stats.hit_rate)
        for status, count in (await store.rescans.status_counts()).items():
            self.rescans.labels(status=status).set(count)
        for sink, pending in (await store.events.pending(sinks)).items():
            self.events_pending.labels(sink=sink).set(pending)

    def render(self) -> bytes:
        return generate_latest(self.registry)
