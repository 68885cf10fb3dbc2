"""What one running service owns, shared by its front ends: the API's handlers and the console's pages."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from inspector.config import Settings
from inspector.events.delivery import EventDelivery
from inspector.pipeline import Inspector
from inspector.service.inspection_runner import InspectionRunner
from inspector.service.json_body import JsonLimits
from inspector.service.metrics import ServiceMetrics
from inspector.service.rescan_service import RescanService
from inspector.store import Store


@dataclass
class ServiceState:
    """Everything the handlers share, owned by one application."""

    settings: Settings
    inspector: Inspector
    store: Store
    runner: InspectionRunner
    metrics: ServiceMetrics
    rescans: RescanService
    events: EventDelivery

    @property
    def json_limits(self) -> JsonLimits:
        s = self.settings
        return JsonLimits(s.api_max_json_depth, s.api_max_json_nodes, s.api_max_string_chars)


SERVICE_STATE = web.AppKey("service", ServiceState)
