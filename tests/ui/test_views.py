"""Reading pages: the verdict, its artifact tree and raw JSON, history with filters, payloads."""

from __future__ import annotations

import hashlib
import json
import re

import aiohttp
from multidict import MultiDict

from inspector.model import VerdictClass
from inspector.ui.views import history_filter
from tests.ui import samples
from tests.ui.client import ConsoleClient, ConsoleService


def inspection_id(page_text: str) -> str:
    match = re.search(r'href="/ui/inspections/([0-9a-f]{32})/verdict.json"', page_text)
    assert match
    return match.group(1)


async def test_the_verdict_page_explains_the_verdict(analyst: ConsoleClient) -> None:
    page = await analyst.submit("json", {"document": samples.EXTENSION, "kind": "extension"})
    text = page.text
    assert 'class="banner verdict-malicious"' in text and 'id="verdict-score"' in text
    assert "VM_CustomScriptExtensionSuspiciousCmd</span> (High)" in text
    assert '<a href="https://attack.mitre.org/techniques/T1059/001/"' in text
    assert "yara.core.mimikatz" in text and "heur.credential_access.mimikatz" in text
    # The tree: the request field, and under it the decoded layer whose Invoke-Mimikatz is marked.
    tree = text.index('id="tree-heading"')
    request_field = text.index(">protectedSettings.commandToExecute<", tree)
    layer = text.index(">decoded:encoded-command<", tree)
    assert request_field < layer
    assert re.search(r"<mark title=\"[^\"]*mimikatz[^\"]*\">Invoke-Mimikatz</mark>", text[layer:])
    assert 'class="ln" aria-hidden="true">1<' in text
    assert "Request as received (secrets redacted)" in text and samples.STORAGE_KEY not in text
    # The evidence is one look away: flagged nodes and the nodes holding them start open.
    assert re.search(r'<details open class="flagged">\s*<summary>\s*<span class="kind">decoded layer', text)
    tree_html = text[tree:text.index('id="raw-heading"')]
    assert "<details>" not in tree_html and "<details class=" not in tree_html


async def test_nodes_without_evidence_start_closed(analyst: ConsoleClient) -> None:
    page = await analyst.submit("script", {"content": "Get-Date\n", "filename": "clock.ps1"})
    assert "<details>" in page.text and "<details open" not in page.text.split('id="raw-heading"')[0]


async def test_a_pasted_script_is_shown_as_received_with_its_secrets_redacted(analyst: ConsoleClient) -> None:
    script = f"$key = '{samples.STORAGE_KEY}'\nWrite-Output 'paste-marker-7f3a'\n"
    page = await analyst.submit("script", {"content": script, "filename": "paste.ps1"})
    raw = page.text[page.text.index('id="raw-heading"'):]
    assert "&#34;filename&#34;: &#34;paste.ps1&#34;" in raw
    assert 'class="submitted-script"' in raw and "paste-marker-7f3a" in raw
    assert samples.STORAGE_KEY not in page.text


async def test_the_verdict_json_downloads_and_matches_the_api(console: ConsoleService, analyst: ConsoleClient) -> None:
    page = await analyst.submit("script", {"content": samples.SCRIPT, "language": "powershell"})
    ident = inspection_id(page.text)
    download = await analyst.get(f"/ui/inspections/{ident}/verdict.json")
    assert download.status == 200 and download.headers["Content-Type"].startswith("application/json")
    assert download.headers["Content-Disposition"] == f'attachment; filename="verdict-{ident}.json"'
    status, _, api_body = await console.service.call("GET", f"/v1/inspections/{ident}", key="analyst")
    assert status == 200 and json.loads(download.text) == api_body


async def test_each_artifact_has_its_own_page(analyst: ConsoleClient) -> None:
    page = await analyst.submit("script", {"content": samples.SCRIPT, "language": "powershell"})
    ident = inspection_id(page.text)
    sha = hashlib.sha256(samples.SCRIPT.encode()).hexdigest()
    artifact = await analyst.get(f"/ui/inspections/{ident}/artifacts/{sha}")
    assert artifact.status == 200 and "How it was reached" in artifact.text and "EncodedCommand" in artifact.text
    assert (await analyst.get(f"/ui/inspections/{ident}/artifacts/{'0' * 64}")).status == 404


async def test_payload_markup_is_escaped_everywhere(analyst: ConsoleClient) -> None:
    page = await analyst.submit("script", {"content": samples.XSS_SCRIPT, "filename": samples.XSS_FILE_NAME})
    text = page.text
    assert "<script>alert" not in text and "<img src=x" not in text and "<svg" not in text
    assert "<iframe" not in text and "<style>" not in text
    assert "&lt;script&gt;alert(&#39;xss-script&#39;)&lt;/script&gt;" in text
    assert "{{7*7}} ${7*7}" in text and ">49<" not in text
    url_page = await analyst.submit("url", {"url": samples.XSS_URL})
    assert url_page.status == 200 and "<script>alert('xss-url')" not in url_page.text
    refused = await analyst.submit("url", {"url": samples.JAVASCRIPT_URL})
    assert refused.status == 422 and "<b>{{7*7}}</b>" not in refused.text
    assert "javascript:alert(&#39;xss-js-url&#39;)//&lt;b&gt;{{7*7}}&lt;/b&gt;" in refused.text
    assert 'href="javascript:' not in url_page.text and 'href="javascript:' not in text


async def test_unknown_or_malformed_inspection_ids_are_not_found(analyst: ConsoleClient) -> None:
    assert (await analyst.get("/ui/inspections/nope")).status == 404
    assert (await analyst.get("/ui/inspections/" + "x" * 80)).status == 404
    assert (await analyst.get("/ui/payloads/not-a-sha")).status == 404
    status = await analyst.get("/ui/inspections/nope/status")
    assert status.status == 404 and json.loads(status.text) == {"error": "no such inspection"}


async def test_the_status_endpoint_needs_a_session(console: ConsoleService) -> None:
    page = await console.client().get("/ui/inspections/abc/status")
    assert page.status == 401


async def test_history_lists_filters_and_searches(analyst: ConsoleClient) -> None:
    malicious = await analyst.submit("json", {"document": samples.RUN_COMMAND, "kind": "run_command"})
    clean = await analyst.submit("script", {"content": "Get-Date\n", "filename": "clock.ps1"})
    mal_id, clean_id = inspection_id(malicious.text), inspection_id(clean.text)
    everything = await analyst.get("/ui/inspections")
    assert mal_id[:12] in everything.text and clean_id[:12] in everything.text
    only_bad = await analyst.get("/ui/inspections?verdict=malicious")
    assert mal_id[:12] in only_bad.text and clean_id[:12] not in only_bad.text
    by_kind = await analyst.get("/ui/inspections?kind=script")
    assert clean_id[:12] in by_kind.text and mal_id[:12] not in by_kind.text
    by_alert = await analyst.get("/ui/inspections?alert_type=VM_RunCommandSuspiciousScript")
    assert mal_id[:12] in by_alert.text and clean_id[:12] not in by_alert.text
    by_name = await analyst.get("/ui/inspections?q=clock")
    assert clean_id[:12] in by_name.text and mal_id[:12] not in by_name.text
    sha = hashlib.sha256(b"Get-Date\n").hexdigest()
    by_sha = await analyst.get(f"/ui/inspections?q={sha}")
    assert clean_id[:12] in by_sha.text and mal_id[:12] not in by_sha.text
    future = await analyst.get("/ui/inspections?since=2999-01-01")
    assert "No inspections match these filters" in future.text


async def test_history_pages_through_older_inspections(console: ConsoleService) -> None:
    console.service.settings.console_page_size = 2
    client = console.client()
    await client.sign_in(console.service.keys["analyst"])
    for i in range(3):
        await client.submit("script", {"content": f"Write-Output {i}\n"})
    first = await client.get("/ui/inspections")
    older = re.search(r'href="(/ui/inspections\?[^"]*before=[^"]+)"', first.text)
    assert older and first.text.count('<a class="mono" href="/ui/inspections/') == 2
    second = await client.get(older.group(1).replace("&amp;", "&"))
    assert second.text.count('<a class="mono" href="/ui/inspections/') == 1


async def test_a_url_search_finds_the_inspection_that_named_it(analyst: ConsoleClient) -> None:
    page = await analyst.submit("url", {"url": samples.URL})
    found = await analyst.get("/ui/inspections?q=example-owner/tools&field=url")
    assert inspection_id(page.text)[:12] in found.text


async def test_the_payload_page_lists_every_inspection_that_saw_it(analyst: ConsoleClient) -> None:
    first = await analyst.submit("script", {"content": samples.SCRIPT, "language": "powershell"})
    second = await analyst.submit("json", {"document": samples.EXTENSION, "kind": "extension"})
    layer = hashlib.sha256("Invoke-Mimikatz -DumpCreds\n".encode("utf-16-le")).hexdigest()
    page = await analyst.get(f"/ui/payloads/{layer}")
    if page.status == 404:  # the decoded layer is stored as UTF-8 text by some layer versions
        layer = hashlib.sha256(b"Invoke-Mimikatz -DumpCreds\n").hexdigest()
        page = await analyst.get(f"/ui/payloads/{layer}")
    assert page.status == 200, "the decoded Invoke-Mimikatz layer is a payload of both inspections"
    assert inspection_id(first.text)[:12] in page.text and inspection_id(second.text)[:12] in page.text
    assert "Verdicts by ruleset version" in page.text and "malicious" in page.text
    assert '<span class="ln" aria-hidden="true">1</span>Invoke-Mimikatz -DumpCreds' in page.text


def test_history_filters_come_from_the_query_string() -> None:
    f, shown, problems = history_filter(MultiDict(verdict="malicious", kind="script", since="2026-01-02",
                                                  until="2026-01-03", q="A" * 64))
    assert f.verdict == VerdictClass.MALICIOUS and f.kind == "script" and f.sha256 == "a" * 64
    assert f.since is not None and f.until is not None and (f.until - f.since).days == 2
    assert not problems and shown["q"] == "A" * 64


def test_the_search_field_is_guessed_from_what_was_typed() -> None:
    assert history_filter(MultiDict(q="https://x.example/a.ps1"))[0].url == "https://x.example/a.ps1"
    assert history_filter(MultiDict(q="setup.ps1"))[0].file_name == "setup.ps1"
    assert history_filter(MultiDict(q="setup", field="url"))[0].url == "setup"


def test_bad_filters_are_ignored_with_a_message() -> None:
    f, _, problems = history_filter(MultiDict(verdict="evil", kind="<b>", since="yesterday", q="xyz", field="sha256"))
    assert f == f.__class__() and len(problems) == 4


async def test_content_beyond_the_page_budget_moves_to_the_artifact_page(console: ConsoleService) -> None:
    console.service.settings.console_max_page_chars = 1000
    console.service.settings.console_max_content_chars = 1000
    client = console.client()
    await client.sign_in(console.service.keys["analyst"])
    script = "".join(f"Write-Output 'line {i}'\n" for i in range(500))
    page = await client.submit("script", {"content": script, "language": "powershell"})
    assert page.status == 200 and "more characters are not shown" in page.text
    assert "line 499" not in page.text


async def test_binary_content_is_shown_as_a_bounded_hex_dump(analyst: ConsoleClient) -> None:
    await analyst.get("/ui/")
    form = aiohttp.FormData()
    form.add_field("csrf", analyst.csrf or "")
    form.add_field("file", b"\x00\x01\x02<script>" + bytes(range(256)) * 40, filename="blob.bin")
    posted = await analyst.post("/ui/submit/file", form)
    page = await analyst.get(posted.location or "")
    assert "Binary content: the first 4096 bytes as hex" in page.text
    assert "00000000  00 01 02 3c 73 63 72 69 70 74 3e" in page.text and "<script>" not in page.text
