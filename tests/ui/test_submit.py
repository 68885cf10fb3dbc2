"""Submitting each input kind from the console, and the reasons a submission comes back refused."""

from __future__ import annotations

import re

import aiohttp

from tests.api.server import GatedInspector, start_service
from tests.timing import poll
from tests.ui import samples
from tests.ui.client import ConsoleClient, ConsoleService


def verdict_word(html: str) -> str:
    match = re.search(r'class="verdict-word">(\w+)<', html)
    assert match, "the page shows a verdict banner"
    return match.group(1)


async def test_a_pasted_script_is_inspected_with_its_decoded_layer(analyst: ConsoleClient) -> None:
    page = await analyst.submit("script", {"content": samples.SCRIPT, "language": "powershell"})
    assert page.status == 200
    assert verdict_word(page.text) == "malicious"
    assert "decoded:encoded-command" in page.text
    assert "<mark" in page.text and "Invoke-Mimikatz" in page.text


async def test_the_script_language_is_detected_when_not_given(analyst: ConsoleClient) -> None:
    script = "param($Name)\n$path = Join-Path $env:TEMP $Name\nGet-ChildItem $path | Remove-Item -Force\n"
    page = await analyst.submit("script", {"content": script, "language": "auto"})
    assert page.status == 200 and '<span class="meta">powershell' in page.text


async def test_an_extension_document_is_understood_and_its_secrets_stay_hidden(analyst: ConsoleClient) -> None:
    page = await analyst.submit("json", {"document": samples.EXTENSION, "kind": "extension"})
    assert verdict_word(page.text) == "malicious"
    assert "protectedSettings.commandToExecute" in page.text
    assert "VM_CustomScriptExtensionSuspiciousCmd" in page.text
    assert samples.STORAGE_KEY not in page.text and "[REDACTED]" in page.text


async def test_the_document_kind_is_detected_when_not_given(analyst: ConsoleClient) -> None:
    page = await analyst.submit("json", {"document": samples.LINUX_EXTENSION, "kind": "auto"})
    assert verdict_word(page.text) in ("suspicious", "malicious")
    assert "protectedSettings.script" in page.text


async def test_a_run_command_document_is_inspected(analyst: ConsoleClient) -> None:
    page = await analyst.submit("json", {"document": samples.RUN_COMMAND, "kind": "run_command"})
    assert verdict_word(page.text) == "malicious" and "VM_RunCommandSuspiciousScript" in page.text


async def test_an_activity_log_export_is_inspected(analyst: ConsoleClient) -> None:
    page = await analyst.submit("json", {"document": samples.ACTIVITY_LOG, "kind": "activity_log"})
    assert verdict_word(page.text) in ("suspicious", "malicious") and "requestbody" in page.text


async def test_a_url_is_recorded_in_the_fetch_log_when_fetching_is_off(analyst: ConsoleClient) -> None:
    page = await analyst.submit("url", {"url": samples.URL, "fetch": "on"})
    assert page.status == 200 and "Fetch log (1)" in page.text
    assert samples.URL in page.text and "fetch_disabled" in page.text


async def test_an_uploaded_file_keeps_its_name(analyst: ConsoleClient) -> None:
    await analyst.get("/ui/")
    form = aiohttp.FormData()
    form.add_field("csrf", analyst.csrf or "")
    form.add_field("fetch", "on")
    form.add_field("file", samples.FILE, filename=samples.FILE_NAME, content_type="application/octet-stream")
    page = await analyst.post("/ui/submit/file", form)
    assert page.status == 303
    verdict = await analyst.get(page.location or "")
    assert samples.FILE_NAME in verdict.text and verdict_word(verdict.text) in ("suspicious", "malicious")


async def test_invalid_json_comes_back_with_the_reason_and_the_text_kept(analyst: ConsoleClient) -> None:
    page = await analyst.submit("json", {"document": '{"properties": <b>', "kind": "extension"})
    assert page.status == 422 and "The JSON could not be read" in page.text
    assert "{&#34;properties&#34;: &lt;b&gt;" in page.text  # kept, escaped, in the textarea


async def test_empty_submissions_are_refused_with_a_reason(analyst: ConsoleClient) -> None:
    assert "Paste a script" in (await analyst.submit("script", {"content": "  "})).text
    assert "Give a URL" in (await analyst.submit("url", {"url": ""})).text
    assert "Choose a file" in (await analyst.post("/ui/submit/file", {"fetch": "on"})).text


async def test_an_unknown_language_or_kind_is_refused(analyst: ConsoleClient) -> None:
    assert (await analyst.submit("script", {"content": "x", "language": "cobol"})).status == 422
    assert (await analyst.submit("json", {"document": "{}", "kind": "nope"})).status == 422


async def test_a_slow_inspection_shows_progress_then_its_verdict(tmp_path: object) -> None:
    async with start_service(tmp_path, inspector_cls=GatedInspector, console_wait_s=0.0) as svc:  # type: ignore[arg-type]
        console = ConsoleService(svc)
        try:
            client = console.client()
            await client.sign_in(svc.keys["analyst"])
            posted = await client.post("/ui/submit/script", {"content": samples.SCRIPT, "language": "powershell"})
            assert posted.status == 303
            progress = await client.get(posted.location or "")
            assert progress.status == 200 and 'id="progress"' in progress.text and "<progress" in progress.text
            inspection_id = (posted.location or "").rsplit("/", 1)[1]
            status = await client.get(f"/ui/inspections/{inspection_id}/status")
            assert '"status": "running"' in status.text or '"status": "queued"' in status.text
            svc.inspector.gate.set()  # type: ignore[attr-defined]
            status = await poll(lambda: client.get(f"/ui/inspections/{inspection_id}/status"),
                                lambda page: '"done"' in page.text, what="the status page says done")
            assert '"verdict": "malicious"' in status.text
            assert verdict_word((await client.get(posted.location or "")).text) == "malicious"
        finally:
            await console.close()


async def test_a_full_queue_is_reported_on_the_form(tmp_path: object) -> None:
    async with start_service(tmp_path, inspector_cls=GatedInspector, console_wait_s=0.0,  # type: ignore[arg-type]
                             api_queue_size=1) as svc:
        console = ConsoleService(svc)
        try:
            client = console.client()
            await client.sign_in(svc.keys["analyst"])
            first = await client.post("/ui/submit/script", {"content": "whoami"})
            assert first.status == 303
            second = await client.post("/ui/submit/script", {"content": "whoami /all"})
            assert second.status == 429 and "whoami /all" in second.text and "Retry-After" in second.headers
        finally:
            await console.close()
