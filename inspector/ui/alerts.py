"""Console pages for the activity stream: the stored alerts (list, filters, one alert's evidence)
and one VM's learned activity timeline. Everything shown is read through the store's console
reader; caller names, IPs and resource ids come from activity logs (attacker-controlled): they
are rendered as escaped text and only ever put in URLs percent-encoded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from urllib.parse import quote

import regex
from aiohttp import web

from inspector.activity.catalog import ALERT_INFO
from inspector.ui.console import CONSOLE, INSPECTION_ID, PREFIX, Console
from inspector.ui.views import _parse_day

ALERT_ID = regex.compile(r"[A-Za-z0-9_-]{1,64}")
_MAX_FILTER_CHARS = 1024  # a resource id is at most about this long; longer filters are cut
_PAGE = 50  # alerts per page of the list


def _q(value: str) -> str:
    return quote(value, safe="")


def vm_link(resource_id: str) -> str:
    return f"{PREFIX}/vms?id={_q(resource_id)}"


@dataclass
class AlertFilter:
    values: dict[str, Any]
    shown: dict[str, str]
    problems: list[str]


def alert_filter(query: Any) -> AlertFilter:
    """The store filter for the alerts page's query string, the values to show back, and problems."""
    values: dict[str, Any] = {}
    shown: dict[str, str] = {}
    problems: list[str] = []
    alert_type = query.get("alert_type", "")
    if alert_type:
        if alert_type in ALERT_INFO:
            values["alert_type"] = shown["alert_type"] = alert_type
        else:
            problems.append("Unknown alert type filter ignored.")
    for name, key in (("subscription", "subscription_id"), ("resource", "resource_id")):
        value = query.get(name, "").strip()[:_MAX_FILTER_CHARS]
        if value:
            values[key] = shown[name] = value
    since, until = _parse_day(query.get("since")), _parse_day(query.get("until"))
    if query.get("since") and since is None or query.get("until") and until is None:
        problems.append("Dates are written YYYY-MM-DD; an unreadable date was ignored.")
    if since:
        values["since"] = datetime.combine(since, time.min, tzinfo=UTC)
        shown["since"] = since.isoformat()
    if until:
        values["until"] = datetime.combine(until, time.min, tzinfo=UTC) + timedelta(days=1)
        shown["until"] = until.isoformat()
    return AlertFilter(values, shown, problems)


def _after(query: Any) -> tuple[datetime, str] | None:
    """The page cursor: the start time and id of the previous page's last alert (ignored when malformed)."""
    at, last_id = query.get("after_time", ""), query.get("after_id", "")
    if not at or not ALERT_ID.fullmatch(last_id, timeout=0.05) or len(at) > 64:
        return None
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return None
    return (moment, last_id) if moment.tzinfo is not None else None


async def alerts_page(request: web.Request) -> web.Response:
    console: Console = request.app[CONSOLE]
    signed = await console.require(request)
    filt = alert_filter(request.query)
    after = _after(request.query)
    rows = await console.service.store.console.alerts(**filt.values, after=after, limit=_PAGE + 1)
    rows, more = rows[:_PAGE], len(rows) > _PAGE
    next_query = None
    if more:
        last = rows[-1]
        cursor = {"after_time": last.start_time.isoformat(), "after_id": last.id}
        next_query = "&".join(f"{k}={_q(v)}" for k, v in {**filt.shown, **cursor}.items())
    return await console.render(request, "alerts.html", signed=signed, rows=rows, next_query=next_query,
                                shown=filt.shown, problems=filt.problems, filtered=bool(filt.shown),
                                activity_alert_types=sorted(ALERT_INFO), vm_link=vm_link)


async def alert_page(request: web.Request) -> web.Response:
    console: Console = request.app[CONSOLE]
    signed = await console.require(request)
    alert_id = request.match_info["alert_id"]
    row = await console.service.store.console.alert(alert_id) if ALERT_ID.fullmatch(alert_id, timeout=0.05) else None
    if row is None:
        return await console.render(request, "error.html", status=404, signed=signed, title="Not found",
                                    message="There is no such alert.")
    body = row.body
    inspection_id = body.get("inspection_id")
    if not isinstance(inspection_id, str) or not INSPECTION_ID.fullmatch(inspection_id, timeout=0.05):
        inspection_id = None
    numbers = body.get("numbers") or {}
    return await console.render(request, "alert.html", signed=signed, row=row, body=body,
                                inspection_id=inspection_id, numbers=sorted(numbers.items()), vm_link=vm_link)


async def vm_page(request: web.Request) -> web.Response:
    console: Console = request.app[CONSOLE]
    signed = await console.require(request)
    vm_id = request.query.get("id", "").strip()
    if not vm_id or len(vm_id) > _MAX_FILTER_CHARS:
        return await console.render(request, "error.html", status=404, signed=signed, title="Not found",
                                    message="Name a virtual machine by its resource id.")
    timeline = await console.service.store.console.vm_timeline(vm_id)
    alerts = await console.service.store.console.alerts(resource_id=vm_id, limit=_PAGE)
    entries = _entries(timeline)
    return await console.render(request, "vm.html", signed=signed, vm_id=vm_id, timeline=timeline,
                                entries=entries, alerts=alerts, status=404 if timeline.empty and not alerts else 200)


_WORDS = {"write": "installed", "delete": "deleted", "action": "ran"}
_FAMILIES = {"run_command": "Run Command", "custom_script": "Custom Script Extension", "dsc": "DSC extension",
             "vmaccess": "VMAccess", "gpu_driver": "GPU driver extension", "disk_encryption": "Azure Disk Encryption",
             "extension": "extension"}


def _entries(timeline: Any) -> list[dict[str, Any]]:
    """The VM's history as one list, newest first: each operation kept, each extension's latest
    install and delete, and the size and OS it was last seen with."""
    entries: list[dict[str, Any]] = []
    for op in timeline.operations:
        family = op["family"]
        what = ("Run Command" if family == "run_command"
                else f"{_FAMILIES.get(family, family)} {_WORDS.get(op['action'], op['action'])}")
        if family == "run_command" and op["action"] == "delete":
            what = "Run Command deleted"
        entries.append({"time": op["time"], "what": what, "detail": op["extension_type"] or "",
                        "caller": op["caller"] or "", "correlation_id": op["correlation_id"] or ""})
    for ext in timeline.extensions:
        name = ext["resource_id"].rsplit("/", 1)[-1]
        label = f"{_FAMILIES.get(ext['family'], ext['family'])} {name}"
        counts = f"{ext['installs']} install(s), {ext['deletes']} delete(s) in the history"
        if ext["last_install"] is not None:
            entries.append({"time": ext["last_install"], "what": f"latest install of {label}",
                            "detail": f"{ext['extension_type'] or ''} ({counts})",
                            "caller": ext["last_install_by"] or "", "correlation_id": ""})
        if ext["last_delete"] is not None:
            entries.append({"time": ext["last_delete"], "what": f"latest deletion of {label}", "detail": counts,
                            "caller": "", "correlation_id": ""})
    vm = timeline.vm
    if vm is not None and vm.get("updated_at") is not None:
        entries.append({"time": vm["updated_at"], "what": "size and OS last reported",
                        "detail": f"{vm.get('size') or 'size unknown'}, {vm.get('os_type') or 'OS unknown'}",
                        "caller": "", "correlation_id": ""})
    entries.sort(key=lambda e: e["time"], reverse=True)
    return entries


def add_routes(app: web.Application) -> None:
    app.router.add_get(f"{PREFIX}/alerts", alerts_page, allow_head=False)
    app.router.add_get(f"{PREFIX}/alerts/{{alert_id}}", alert_page, allow_head=False)
    app.router.add_get(f"{PREFIX}/vms", vm_page, allow_head=False)
