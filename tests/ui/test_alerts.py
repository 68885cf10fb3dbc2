"""The console's activity pages: the stored alerts with their filters and evidence, and a VM's
learned timeline. Caller names and resource ids come from activity logs: attacker-controlled."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from inspector.activity import ActivityLimits, ingest, records_of
from inspector.store.activity import AlertRow
from tests.activity.builders import T0, extension_delete, extension_write, routine, run_command, vm, vm_write
from tests.ui.client import ConsoleClient, ConsoleService

AFTER = T0 + timedelta(days=14, hours=2)
HOSTILE_CALLER = "<script>alert('caller')</script>@evil.example"
HOSTILE_VM = vm("vm-<img src=x onerror=alert(1)>")


async def _ingest(console: ConsoleService, batch: list[dict]) -> None:
    limits = ActivityLimits(inspect_bodies=False)
    batch = sorted(batch, key=lambda r: r["eventTimestamp"])
    await ingest(records_of(batch, limits), console.service.store.activity, limits)


async def _intrusion(console: ConsoleService) -> None:
    """Two weeks of routine work, then a never-seen caller runs a command on a VM from a new range."""
    await _ingest(console, routine(14) + [vm_write(HOSTILE_VM, T0, "Standard_NC6s_v3")])
    await _ingest(console, [run_command(HOSTILE_VM, AFTER, caller=HOSTILE_CALLER, ip="198.51.100.7",
                                        correlation="corr-intrusion-1")])


async def test_the_alerts_page_lists_stored_alerts_and_links_each_one(console: ConsoleService,
                                                                      analyst: ConsoleClient) -> None:
    await _intrusion(console)
    page = await analyst.get("/ui/alerts")
    assert page.status == 200
    assert "VM_RunCommandSuspiciousUsage" in page.text
    [row] = await console.service.store.console.alerts()
    assert f'href="/ui/alerts/{row.id}"' in page.text
    assert f'href="/ui/vms?id={quote(HOSTILE_VM.casefold(), safe="")}"' in page.text or \
        f'href="/ui/vms?id={quote(HOSTILE_VM, safe="")}"' in page.text


async def test_an_alert_shows_its_evidence_entities_and_correlation_ids(console: ConsoleService,
                                                                        analyst: ConsoleClient) -> None:
    await _intrusion(console)
    [row] = await console.service.store.console.alerts()
    page = await analyst.get(f"/ui/alerts/{row.id}")
    assert page.status == 200
    text = page.text
    assert "Unusual Run Command usage" in text or "Run Command" in text
    assert "first Run Command by this caller" in text
    assert "history_days" in text                      # the numbers, by name
    assert "corr-intrusion-1" in text
    assert "198.51.100.7" in text
    assert "Execution" in text or row.body["tactics"][0] in text
    assert 'href="https://attack.mitre.org/techniques/T1651/"' in text


async def test_attacker_controlled_names_are_escaped_on_every_page(console: ConsoleService,
                                                                   analyst: ConsoleClient) -> None:
    await _intrusion(console)
    [row] = await console.service.store.console.alerts()
    pages = [await analyst.get("/ui/alerts"), await analyst.get(f"/ui/alerts/{row.id}"),
             await analyst.get("/ui/vms?id=" + quote(HOSTILE_VM, safe=""))]
    for page in pages:
        assert page.status == 200
        assert "<script>alert(" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;alert(&#39;caller&#39;)&lt;/script&gt;@evil.example" in pages[1].text
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[2].text


async def test_alerts_filter_by_type_subscription_resource_and_time(console: ConsoleService,
                                                                    analyst: ConsoleClient) -> None:
    await _intrusion(console)
    [row] = await console.service.store.console.alerts()
    kept = [f"?alert_type={row.alert_type}", f"?subscription={row.subscription_id}",
            "?resource=" + quote(HOSTILE_VM.upper(), safe=""), f"?since={AFTER.date()}&until={AFTER.date()}"]
    dropped = ["?alert_type=VM_GPUExtensionSuspiciousFailure", "?subscription=00000000-0000-0000-0000-00000000beef",
               "?resource=" + quote(vm("vm-01"), safe=""), f"?until={(AFTER - timedelta(days=2)).date()}"]
    for query in kept:
        assert f"/ui/alerts/{row.id}" in (await analyst.get("/ui/alerts" + query)).text, query
    for query in dropped:
        page = await analyst.get("/ui/alerts" + query)
        assert page.status == 200 and f"/ui/alerts/{row.id}" not in page.text, query
    bad = await analyst.get("/ui/alerts?alert_type=<b>nope</b>&since=yesterday")
    assert bad.status == 200 and "Unknown alert type filter ignored." in bad.text and "<b>nope" not in bad.text


async def test_an_alert_that_names_an_inspection_links_to_it(console: ConsoleService, analyst: ConsoleClient) -> None:
    at = datetime(2026, 2, 1, tzinfo=UTC)
    body = {"id": "a" * 32, "alert_type": "VM_RunCommandSuspiciousScript", "display_name": "Suspicious script",
            "severity": "High", "subscription_id": "sub-1", "resource_ids": [vm("vm-01")], "entities": [],
            "start_time": "2026-02-01T00:00:00Z", "end_time": "2026-02-01T00:00:00Z", "tactics": ["Execution"],
            "techniques": ["T1059"], "evidence": ["reverse shell"], "numbers": {}, "correlation_ids": [],
            "inspection_id": "insp_0123", "verdict": "malicious", "detector": "payload", "description": "d"}
    hostile = {**body, "id": "b" * 32, "inspection_id": "\"><script>x</script>"}
    await console.service.store.activity.save([], [
        AlertRow("a" * 32, "sub-1", "k1", body["alert_type"], "High", at, at, body),
        AlertRow("b" * 32, "sub-1", "k2", body["alert_type"], "High", at, at, hostile)])
    page = await analyst.get("/ui/alerts/" + "a" * 32)
    assert 'href="/ui/inspections/insp_0123"' in page.text and "malicious" in page.text
    other = await analyst.get("/ui/alerts/" + "b" * 32)
    assert other.status == 200 and "/ui/inspections/" not in other.text and "<script>x" not in other.text


async def test_the_vm_timeline_shows_extensions_run_commands_and_size(console: ConsoleService,
                                                                      analyst: ConsoleClient) -> None:
    target = vm("vm-07")
    await _ingest(console, [
        vm_write(target, AFTER - timedelta(hours=1), "Standard_NC6s_v3", os_type="Linux"),
        extension_write(target, "cse", AFTER, caller="admin@contoso.com", correlation="corr-cse"),
        extension_delete(target, "cse", AFTER + timedelta(minutes=20), caller="admin@contoso.com"),
        run_command(target, AFTER + timedelta(minutes=30), caller="ops@contoso.com", correlation="corr-rc"),
    ])
    page = await analyst.get("/ui/vms?id=" + quote(target.upper(), safe=""))
    assert page.status == 200
    text = page.text
    assert "Standard_NC6s_v3" in text and "Linux" in text
    assert "Custom Script Extension installed" in text and "Custom Script Extension deleted" in text
    assert "Run Command" in text and "corr-rc" in text and "corr-cse" in text
    assert "admin@contoso.com" in text
    # Newest first.
    assert text.index("corr-rc") < text.index("corr-cse")
    assert (AFTER + timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M:%S") in text


async def test_unknown_alerts_and_vms_are_not_found(analyst: ConsoleClient) -> None:
    assert (await analyst.get("/ui/alerts/nope")).status == 404
    assert (await analyst.get("/ui/alerts/" + "x" * 80)).status == 404
    assert (await analyst.get("/ui/vms")).status == 404
    assert (await analyst.get("/ui/vms?id=" + quote(vm("never-seen"), safe=""))).status == 404


async def test_the_activity_pages_need_a_session(console: ConsoleService) -> None:
    client = console.client()
    for path in ("/ui/alerts", "/ui/alerts/" + "a" * 32, "/ui/vms?id=x"):
        page = await client.get(path)
        assert page.status == 303 and page.location and page.location.startswith("/ui/login")


async def test_the_alerts_list_pages_through_older_alerts_keeping_its_filters(console: ConsoleService,
                                                                              analyst: ConsoleClient) -> None:
    at = datetime(2026, 3, 1, tzinfo=UTC)
    rows = []
    for n in range(120):
        alert_type = "VM_RunCommandSuspiciousUsage" if n % 4 else "VM_DSCExtensionSuspiciousUsage"
        body = {"id": f"{n:032x}", "alert_type": alert_type, "resource_ids": [vm(f"vm-{n % 7:02d}")], "entities": []}
        rows.append(AlertRow(f"{n:032x}", "sub-1", f"g{n}", alert_type, "Low", at + timedelta(minutes=n // 3),
                             at + timedelta(minutes=n // 3), body))
    await console.service.store.activity.save([], rows)
    seen: list[str] = []
    path: str | None = "/ui/alerts?alert_type=VM_RunCommandSuspiciousUsage"
    while path is not None:
        page = await analyst.get(path.replace("&amp;", "&"))
        seen += re.findall(r'href="/ui/alerts/([0-9a-f]{32})"', page.text)
        older = re.search(r'href="(/ui/alerts\?[^"]*after_id=[^"]+)">Older alerts', page.text)
        path = older.group(1) if older else None
        if path:
            assert "alert_type=VM_RunCommandSuspiciousUsage" in path
    expected = [r.id for r in sorted(rows, key=lambda r: (-r.start_time.timestamp(), r.id))
                if r.alert_type == "VM_RunCommandSuspiciousUsage"]
    assert seen == expected and len(seen) == 90
    broken = await analyst.get("/ui/alerts?after_time=yesterday&after_id=<x>")
    assert broken.status == 200 and len(re.findall(r'href="/ui/alerts/[0-9a-f]{32}"', broken.text)) == 50
