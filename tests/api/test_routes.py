"""Every endpoint, role and error path, through a real server and a real HTTP client."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

import aiohttp
import pytest

from inspector.service.problems import PROBLEM_BASE_URI
from inspector.service.state import SERVICE_STATE
from tests.api.server import BENIGN_PS, MALICIOUS_PS, Service, start_service
from tests.timing import poll

CSE_RESOURCE = {
    "properties": {
        "publisher": "Microsoft.Compute",
        "type": "CustomScriptExtension",
        "typeHandlerVersion": "1.10",
        "settings": {"commandToExecute": "cmd /c vssadmin delete shadows /all /quiet & wevtutil cl Security"},
        "protectedSettings": {"storageAccountName": "acct", "storageAccountKey": "S3CR3TKEYVALUE" + "A" * 74 + "=="},
    }
}
RUN_COMMAND = {"commandId": "RunPowerShellScript", "script": ["Invoke-Mimikatz -DumpCreds", "whoami"]}
ACTIVITY_EVENT = {
    "operationName": {"value": "Microsoft.Compute/virtualMachines/runCommand/action"},
    "status": {"value": "Succeeded"},
    "caller": "alice@contoso.com",
    "claims": {"upn": "alice@contoso.com", "ipaddr": "203.0.113.9"},
    "resourceId": "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1",
    "properties": {"requestbody": json.dumps(RUN_COMMAND)},
}


def assert_problem(status: int, headers: Mapping[str, str], body: object, expected_status: int, slug: str) -> dict:
    assert status == expected_status, body
    assert headers["Content-Type"].startswith("application/problem+json")
    assert isinstance(body, dict)
    assert body["type"] == PROBLEM_BASE_URI + slug
    assert body["status"] == expected_status
    assert body["title"] and body["detail"]
    assert body["request_id"] == headers["X-Request-Id"]
    assert "Traceback" not in json.dumps(body)
    return body


# --------------------------------------------------------------------------- inspections


async def test_malicious_script_answers_200_with_the_verdict_and_it_is_stored(service: Service):
    status, headers, verdict = await service.call(
        "POST", "/v1/inspections", key="detector", json_body={"kind": "script", "content": MALICIOUS_PS})
    assert status == 200
    assert headers["Content-Type"].startswith("application/json")
    assert verdict["verdict"] in ("suspicious", "malicious")
    assert verdict["request_kind"] == "script" and verdict["findings"] and verdict["artifacts"]
    status, _, stored = await service.call("GET", f"/v1/inspections/{verdict['id']}", key="analyst")
    assert status == 200 and stored == verdict


async def test_benign_script_is_clean(service: Service):
    status, _, verdict = await service.call("POST", "/v1/inspections", json_body={
        "kind": "script", "content": BENIGN_PS, "language": "powershell", "filename": "svc.ps1"})
    assert status == 200 and verdict["verdict"] == "clean"


async def test_extension_resource_raises_the_custom_script_alert_and_hides_the_key(service: Service):
    status, _, verdict = await service.call("POST", "/v1/inspections", key="detector",
                                            json_body={"kind": "extension", "resource": CSE_RESOURCE})
    assert status == 200
    assert "VM_CustomScriptExtensionSuspiciousCmd" in {a["alertType"] for a in verdict["alerts"]}
    assert "S3CR3TKEYVALUE" not in json.dumps(verdict)


async def test_run_command_with_context(service: Service):
    status, _, verdict = await service.call("POST", "/v1/inspections", json_body={
        "kind": "run_command", "resource": RUN_COMMAND,
        "context": {"vm_size": "Standard_D2s_v5", "status": "Failed"}})
    assert status == 200 and verdict["request_kind"] == "run_command"
    assert verdict["verdict"] != "clean"


async def test_activity_log_event_is_inspected_without_echoing_claims(service: Service):
    status, _, verdict = await service.call("POST", "/v1/inspections",
                                            json_body={"kind": "activity_log", "event": ACTIVITY_EVENT})
    assert status == 200 and verdict["request_kind"] == "activity_log"
    assert "203.0.113.9" not in json.dumps(verdict)


async def test_activity_log_accepts_a_json_array_of_events_as_the_cli_does(service: Service):
    events = [ACTIVITY_EVENT, {**ACTIVITY_EVENT, "status": {"value": "Started"}}]
    status, _, verdict = await service.call("POST", "/v1/inspections",
                                            json_body={"kind": "activity_log", "event": events})
    assert status == 200 and verdict["request_kind"] == "activity_log" and verdict["verdict"] != "clean"
    status, _, auto = await service.call("POST", "/v1/inspections", json_body={"kind": "auto", "event": events})
    assert status == 200 and auto["request_kind"] == "activity_log"


async def test_protected_settings_in_key_vault_make_the_verdict_incomplete_and_say_why(service: Service):
    resource = {"properties": {
        "publisher": "Microsoft.Compute", "type": "CustomScriptExtension", "typeHandlerVersion": "1.10",
        "settings": {}, "protectedSettingsFromKeyVault": {
            "sourceVault": {"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.KeyVault/vaults/v"},
            "secretUrl": "https://v.vault.azure.net/secrets/command/1"}}}
    status, _, verdict = await service.call("POST", "/v1/inspections",
                                            json_body={"kind": "extension", "resource": resource})
    assert status == 200 and verdict["complete"] is False
    assert [e["kind"] for e in verdict["errors"]] == ["secret_reference_not_read"]
    assert "Key Vault" in verdict["errors"][0]["detail"]


async def test_url_kind_with_fetching_off_is_incomplete_and_records_why(service: Service):
    status, _, verdict = await service.call("POST", "/v1/inspections", json_body={
        "kind": "url", "url": "https://example.invalid/a.ps1?sv=1&sig=SECRET", "options": {"fetch": True}})
    assert status == 200
    assert verdict["complete"] is False
    assert verdict["fetches"] and verdict["fetches"][0]["fetched"] is False
    assert "SECRET" not in json.dumps(verdict)


@pytest.mark.parametrize("body", [
    {"kind": "auto", "content": MALICIOUS_PS},
    {"kind": "auto", "resource": CSE_RESOURCE},
])
async def test_auto_kind_guesses_the_input(service: Service, body: dict):
    status, _, verdict = await service.call("POST", "/v1/inspections", json_body=body)
    assert status == 200 and verdict["verdict"] != "clean"


async def test_prefer_respond_async_answers_202_with_location_then_the_verdict(service: Service):
    status, headers, accepted = await service.call(
        "POST", "/v1/inspections", json_body={"kind": "script", "content": MALICIOUS_PS},
        headers={"Prefer": "respond-async"})
    assert status == 202
    assert headers["Location"] == accepted["location"] == f"/v1/inspections/{accepted['id']}"
    status, _, body = await poll(lambda: service.call("GET", headers["Location"]),
                                 lambda answer: "verdict" in answer[2] or answer[2]["status"] not in ("queued", "running"),
                                 what="the verdict")
    assert status == 200 and body["id"] == accepted["id"] and body["verdict"] != "clean"


# --------------------------------------------------------------------------- uploads


async def test_multipart_upload_is_inspected_with_its_file_name(service: Service):
    form = aiohttp.FormData()
    form.add_field("note", "ignored")
    form.add_field("file", MALICIOUS_PS.encode(), filename="drop.ps1", content_type="application/octet-stream")
    status, _, verdict = await service.call("POST", "/v1/inspections/file", key="detector", data=form)
    assert status == 200 and verdict["verdict"] != "clean"
    assert verdict["input"] == "drop.ps1"


async def test_raw_upload_is_inspected(service: Service):
    status, _, verdict = await service.call(
        "POST", "/v1/inspections/file", data=BENIGN_PS.encode(), params={"filename": "ok.ps1"},
        headers={"Content-Type": "application/octet-stream"})
    assert status == 200 and verdict["verdict"] == "clean" and verdict["input"] == "ok.ps1"


async def test_raw_upload_of_an_extension_json_file_is_read_as_an_extension(service: Service):
    status, _, verdict = await service.call(
        "POST", "/v1/inspections/file", data=json.dumps(CSE_RESOURCE).encode(), params={"filename": "cse.json"},
        headers={"Content-Type": "application/octet-stream"})
    assert status == 200
    assert "VM_CustomScriptExtensionSuspiciousCmd" in {a["alertType"] for a in verdict["alerts"]}


async def test_upload_errors(service: Service):
    status, headers, body = await service.call("POST", "/v1/inspections/file", data=b"",
                                               headers={"Content-Type": "application/octet-stream"})
    assert_problem(status, headers, body, 400, "invalid-request")
    form = aiohttp.FormData()
    form.add_field("other", b"x", filename="x.bin")
    status, headers, body = await service.call("POST", "/v1/inspections/file", data=form)
    assert "'file'" in assert_problem(status, headers, body, 400, "invalid-request")["detail"]
    status, headers, body = await service.call("POST", "/v1/inspections/file", data=b"x",
                                               params={"deadline_s": "soon"})
    assert_problem(status, headers, body, 400, "invalid-parameter")
    status, headers, body = await service.call("POST", "/v1/inspections/file", data=b"x", params={"fetch": "maybe"})
    assert_problem(status, headers, body, 400, "invalid-parameter")


async def test_upload_larger_than_max_input_bytes_is_413(tmp_path: Path):
    async with start_service(tmp_path, max_input_bytes=4096) as service:
        status, headers, body = await service.call("POST", "/v1/inspections/file", data=b"A" * 5000,
                                                   headers={"Content-Type": "application/octet-stream"})
        assert_problem(status, headers, body, 413, "body-too-large")
        form = aiohttp.FormData()
        form.add_field("file", b"A" * 5000, filename="big.bin")
        status, headers, body = await service.call("POST", "/v1/inspections/file", data=form)
        assert_problem(status, headers, body, 413, "body-too-large")

        async def chunked_parts():  # no Content-Length; a large part that is not the file comes first
            yield b"--B\r\nContent-Disposition: form-data; name=\"junk\"\r\n\r\n"
            for _ in range(100):
                yield b"J" * 1024
            yield b"\r\n--B\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--B--\r\n"

        status, headers, body = await service.call("POST", "/v1/inspections/file", data=chunked_parts(),
                                                   headers={"Content-Type": "multipart/form-data; boundary=B"})
        assert_problem(status, headers, body, 413, "body-too-large")


async def test_a_multipart_body_with_too_many_parts_is_refused(service: Service):
    form = aiohttp.FormData()
    for n in range(20):
        form.add_field(f"field{n}", "x")
    form.add_field("file", b"Get-Date", filename="late.ps1")
    status, headers, body = await service.call("POST", "/v1/inspections/file", data=form)
    assert "first 16 parts" in assert_problem(status, headers, body, 400, "invalid-request")["detail"]


# --------------------------------------------------------------------------- request errors


async def test_missing_or_invalid_key_is_401(service: Service):
    for key in (None, "pi_000000000000_notakey", "garbage"):
        status, headers, body = await service.call("POST", "/v1/inspections", key=key,
                                                   json_body={"kind": "script", "content": "Get-Date"})
        assert_problem(status, headers, body, 401, "unauthorized")
        assert headers["WWW-Authenticate"].startswith("Bearer")


async def test_revoked_key_is_refused_once_the_auth_cache_expires(tmp_path: Path):
    async with start_service(tmp_path, api_auth_cache_s=0) as service:
        assert (await service.call("GET", "/v1/signatures", key="detector"))[0] == 200
        await service.store.keys.revoke(service.key_ids["detector"])
        status, headers, body = await service.call("GET", "/v1/signatures", key="detector")
        assert_problem(status, headers, body, 401, "unauthorized")


async def test_malformed_json_is_400_invalid_json(service: Service):
    status, headers, body = await service.call("POST", "/v1/inspections", data=b'{"kind": ',
                                               headers={"Content-Type": "application/json"})
    assert "line 1" in assert_problem(status, headers, body, 400, "invalid-json")["detail"]


@pytest.mark.parametrize("ctype", ["text/plain", "application/x-www-form-urlencoded", "application/xml"])
async def test_wrong_content_type_is_415(service: Service, ctype: str):
    status, headers, body = await service.call("POST", "/v1/inspections", data=b'{"kind": "script"}',
                                               headers={"Content-Type": ctype})
    assert_problem(status, headers, body, 415, "unsupported-media-type")


async def test_unknown_fields_are_named(service: Service):
    status, headers, body = await service.call("POST", "/v1/inspections", json_body={
        "kind": "script", "content": "Get-Date", "colour": "red", "options": {"fetch": False, "speed": 3}})
    problem = assert_problem(status, headers, body, 400, "unknown-fields")
    assert problem["unknown_fields"] == ["colour", "options.speed"]


@pytest.mark.parametrize(("body", "field"), [
    ({"kind": "script"}, "content"),
    ({"kind": "extension", "content": "x"}, "resource"),
    ({"kind": "script", "content": "x", "url": "https://a"}, "url"),
    ({"kind": "auto"}, "kind"),
    ({"kind": "nonsense", "content": "x"}, "kind"),
    ({"kind": "script", "content": 42}, "content"),
    ({"kind": "script", "content": "x", "options": {"deadline_s": -1}}, "options.deadline_s"),
    ([1, 2, 3], "body"),
])
async def test_invalid_requests_are_400_per_field(service: Service, body: object, field: str):
    status, headers, problem = await service.call("POST", "/v1/inspections", json_body=body)
    problem = assert_problem(status, headers, problem, 400, "invalid-request")
    assert field in {issue["field"] for issue in problem["errors"]}


async def test_body_and_json_limits(tmp_path: Path):
    async with start_service(tmp_path, api_max_body_bytes=2048, api_max_json_depth=5,
                             api_max_string_chars=100) as service:
        big = {"kind": "script", "content": "A" * 3000}
        status, headers, body = await service.call("POST", "/v1/inspections", json_body=big)
        assert_problem(status, headers, body, 413, "body-too-large")

        async def chunked():  # no Content-Length: the cap applies while streaming
            yield json.dumps(big).encode()

        status, headers, body = await service.call("POST", "/v1/inspections", data=chunked(),
                                                   headers={"Content-Type": "application/json"})
        assert_problem(status, headers, body, 413, "body-too-large")
        deep = {"kind": "extension", "resource": {"a": {"b": {"c": {"d": {"e": 1}}}}}}
        status, headers, body = await service.call("POST", "/v1/inspections", json_body=deep)
        assert_problem(status, headers, body, 400, "json-too-deep")
        status, headers, body = await service.call("POST", "/v1/inspections",
                                                   json_body={"kind": "script", "content": "B" * 200})
        assert "$.content" in assert_problem(status, headers, body, 400, "field-too-large")["detail"]


async def test_per_key_rate_limit_is_429_with_retry_after(tmp_path: Path):
    # One token per 1,000 s: no refill between these requests, however slowly they run.
    async with start_service(tmp_path, api_rate_per_s=0.001, api_rate_burst=2) as service:
        for _ in range(2):
            assert (await service.call("GET", "/v1/signatures", key="detector"))[0] == 200
        status, headers, body = await service.call("GET", "/v1/signatures", key="detector")
        assert_problem(status, headers, body, 429, "rate-limited")
        assert int(headers["Retry-After"]) >= 1
        assert (await service.call("GET", "/v1/signatures", key="analyst"))[0] == 200  # its own bucket


# --------------------------------------------------------------------------- reading


async def test_inspection_read_access_by_role_and_owner(service: Service):
    _, _, verdict = await service.call("POST", "/v1/inspections", key="detector",
                                       json_body={"kind": "script", "content": BENIGN_PS})
    path = f"/v1/inspections/{verdict['id']}"
    for key in ("detector", "analyst", "admin"):
        assert (await service.call("GET", path, key=key))[0] == 200
    status, headers, body = await service.call("GET", path, key="detector2")
    assert_problem(status, headers, body, 404, "not-found")


async def test_unknown_and_malformed_inspection_ids(service: Service):
    status, headers, body = await service.call("GET", "/v1/inspections/0123456789abcdef")
    assert_problem(status, headers, body, 404, "not-found")
    status, headers, body = await service.call("GET", "/v1/inspections/" + "x" * 65)
    assert_problem(status, headers, body, 400, "invalid-parameter")
    status, headers, body = await service.call("GET", "/v1/inspections/a%20b")
    assert_problem(status, headers, body, 400, "invalid-parameter")


async def test_payload_metadata_with_latest_verdict(service: Service):
    _, _, verdict = await service.call("POST", "/v1/inspections", json_body={"kind": "script", "content": MALICIOUS_PS})
    sha256 = hashlib.sha256(MALICIOUS_PS.encode()).hexdigest()
    assert sha256 in {a["sha256"] for a in verdict["artifacts"]}
    status, _, payload = await service.call("GET", f"/v1/payloads/{sha256.upper()}", key="analyst")
    assert status == 200
    assert payload["sha256"] == sha256 and payload["size"] == len(MALICIOUS_PS)
    assert payload["inspections"] == [verdict["id"]]
    assert payload["latest_verdict"]["verdict"] == verdict["verdict"]
    status, headers, body = await service.call("GET", f"/v1/payloads/{sha256}", key="detector")
    assert_problem(status, headers, body, 403, "forbidden")
    status, headers, body = await service.call("GET", "/v1/payloads/" + "0" * 64)
    assert_problem(status, headers, body, 404, "not-found")
    status, headers, body = await service.call("GET", "/v1/payloads/not-a-hash")
    assert_problem(status, headers, body, 400, "invalid-parameter")


# --------------------------------------------------------------------------- signatures


async def test_signatures_status_for_every_role(service: Service):
    for key in ("detector", "analyst", "admin"):
        status, _, body = await service.call("GET", "/v1/signatures", key=key)
        assert status == 200 and body["rule_count"] > 0 and body["version"] and body["loaded_at"]


async def test_reload_is_admin_only_and_swaps(service: Service):
    for key in ("detector", "analyst"):
        status, headers, body = await service.call("POST", "/v1/signatures/reload", key=key)
        assert_problem(status, headers, body, 403, "forbidden")
    _, _, before = await service.call("GET", "/v1/signatures")
    status, _, after = await service.call("POST", "/v1/signatures/reload")
    assert status == 200 and after["version"] == before["version"] and after["rule_count"] == before["rule_count"]


async def test_broken_ruleset_is_refused_with_file_and_line_and_the_old_one_stays(tmp_path: Path):
    rules = tmp_path / "rules"
    rules.mkdir()
    extra = rules / "operator.yar"
    extra.write_text('rule operator_ok { strings: $a = "zzmarkerzz" condition: $a }\n')
    async with start_service(tmp_path, signature_dirs=[rules]) as service:
        _, _, before = await service.call("GET", "/v1/signatures")
        extra.write_text('rule operator_ok {\n strings: $a = "x"\n condition: $a and\n}\n')
        status, headers, body = await service.call("POST", "/v1/signatures/reload")
        problem = assert_problem(status, headers, body, 422, "invalid-ruleset")
        [issue] = problem["ruleset_errors"]
        assert issue["file"].endswith("operator.yar") and issue["line"] == 4
        _, _, still = await service.call("GET", "/v1/signatures")
        assert still["version"] == before["version"]
        status, _, verdict = await service.call("POST", "/v1/inspections",
                                                json_body={"kind": "script", "content": MALICIOUS_PS})
        assert status == 200 and verdict["signatures"]["version"] == before["version"]


async def test_rule_files_left_out_at_start_up_are_counted_with_their_reason(tmp_path: Path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ext_vars.yar").write_text('rule by_name { condition: filename == "x.exe" and filetype == "EXE" }\n')
    (rules / "thor_only.yar").write_text('rule a { condition: true }\nrule b { condition: md5 == "0" }\n')
    async with start_service(tmp_path, signature_dirs=[rules]) as service:
        status, _, body = await service.call("GET", "/v1/signatures", key="detector")
    assert status == 200 and (body["skipped_files"], body["skipped_rules"]) == (1, 2)
    [skipped] = body["skipped"]
    assert skipped["file"].endswith("thor_only.yar") and skipped["line"] == 2 and skipped["rules"] == 2
    assert skipped["reason"] == 'undefined identifier "md5"'
    assert [e for e in body["errors"] if "ext_vars.yar" in e] == []  # the externals compile


# --------------------------------------------------------------------------- operations


async def test_health_ready_metrics_and_openapi_need_no_key(service: Service):
    status, _, body = await service.call("GET", "/healthz", key=None)
    assert status == 200 and body == {"status": "ok"}
    status, _, body = await service.call("GET", "/readyz", key=None)
    assert status == 200 and body["ready"] is True and set(body["checks"]) == {"rules", "store", "accepting"}
    status, _, spec = await service.call("GET", "/v1/openapi.json", key=None)
    assert status == 200 and spec["openapi"].startswith("3.1")


async def test_metrics_count_requests_verdicts_queue_and_rules(service: Service):
    await service.call("POST", "/v1/inspections", json_body={"kind": "script", "content": MALICIOUS_PS})
    await service.call("POST", "/v1/inspections", json_body={"kind": "url", "url": "https://example.invalid/x"})
    status, headers, text = await service.call("GET", "/metrics", key=None)
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    text = text.decode()
    assert 'inspector_http_requests_total{method="POST",route="/v1/inspections",status="200"} 2.0' in text
    assert "inspector_http_request_duration_seconds_bucket" in text
    assert 'inspector_verdicts_total{verdict="clean"}' in text
    assert 'inspector_fetches_total{outcome="fetch_disabled"} 1.0' in text
    assert "inspector_queue_depth 0.0" in text
    assert f'version="{service.inspector.signatures.version}"' in text


async def test_readyz_is_503_once_shutting_down(service: Service):
    service.app[SERVICE_STATE].runner.accepting = False
    status, headers, body = await service.call("GET", "/readyz", key=None)
    assert status == 503 and body["checks"]["accepting"] == "shutting down" and headers["Retry-After"]
    status, headers, body = await service.call("POST", "/v1/inspections",
                                               json_body={"kind": "script", "content": "Get-Date"})
    assert_problem(status, headers, body, 503, "shutting-down")
