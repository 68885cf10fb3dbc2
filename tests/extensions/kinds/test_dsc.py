"""PowerShell DSC extension, new and old format."""

from __future__ import annotations

from inspector.extensions import UrlRole
from inspector.model import ArtifactType

from tests.extensions.samples import CRED_PASSWORD, DSC_SAS, ITEM_SECRET, SAS_SIG, dsc_new_format, dsc_old_format_abuse, plan


def test_new_format_urls_have_their_roles_and_sas_tokens_appended_for_fetching_only():
    p = plan(dsc_new_format())
    assert p.kind == "dsc" and p.recognised
    urls = {u.origin: u for u in p.urls}
    config = urls["settings.configuration.url"]
    assert config.role is UrlRole.CONFIGURATION
    assert config.url == "https://deployacct.blob.core.windows.net/dsc/WebServer.ps1.zip" + DSC_SAS
    assert SAS_SIG not in config.redacted and config.redacted.endswith("?[REDACTED]")
    assert config.member == "WebServer.ps1" and config.language is ArtifactType.POWERSHELL
    assert urls["settings.configurationData.url"].role is UrlRole.DATA
    assert urls["settings.configurationData.url"].url.endswith(DSC_SAS)
    assert urls["settings.advancedOptions.downloadMappings.customWmfLocation"].role is UrlRole.PAYLOAD
    assert p.entry_point == "settings.configuration.url"
    assert p.findings == [] and p.problems == []
    dumped = p.model_dump_json(exclude={"urls": {"__all__": {"url"}}})
    assert SAS_SIG not in dumped and CRED_PASSWORD not in dumped


def test_old_format_modules_from_an_arbitrary_host_with_telemetry_off_is_flagged():
    p = plan(dsc_old_format_abuse())
    modules = [u for u in p.urls if u.role is UrlRole.MODULES]
    assert [u.origin for u in modules] == ["settings.ModulesUrl"]
    assert modules[0].member == "Update.ps1"
    assert p.entry_point == "settings.ModulesUrl"
    assert [f.id for f in p.findings] == ["structure.dsc.external_modules_telemetry_off"]
    assert 0 < p.findings[0].score < 300 and "T1059.001" in p.findings[0].attack
    # the URL among the Properties is planned, the PrivateSettingsRef reference is not
    assert any(u.url == "https://c2.example-cdn.net/beacon" for u in p.urls)
    assert all("PrivateSettingsRef" not in s.content.decode() for s in p.scripts)
    assert ITEM_SECRET not in p.model_dump_json()


def test_old_format_keys_in_any_case():
    body = dsc_old_format_abuse()
    settings = body["settings"]
    body["settings"] = {
        "modulesurl": settings["ModulesUrl"],
        "configurationFunction": settings["ConfigurationFunction"],
        "privacy": {"dataCollection": "disable"},
    }
    p = plan(body)
    assert [u.origin for u in p.urls] == ["settings.ModulesUrl"]
    assert [f.id for f in p.findings] == ["structure.dsc.external_modules_telemetry_off"]


def test_old_format_from_microsoft_github_or_with_telemetry_on_is_not_flagged():
    body = dsc_old_format_abuse()
    body["settings"]["ModulesUrl"] = "https://github.com/Azure/azure-quickstart-templates/raw/master/dsc/ConfigureWebServer.ps1.zip"
    assert plan(body).findings == []
    body = dsc_old_format_abuse()
    body["settings"]["Privacy"] = {"DataCollection": "Enable"}
    assert plan(body).findings == []


def test_old_format_sas_token_and_properties_as_a_dict():
    body = dsc_old_format_abuse()
    body["settings"]["SasToken"] = DSC_SAS
    body["settings"]["Properties"] = {"Url": "https://files.example-cdn.net/agent.msi", "Mode": "ApplyOnly"}
    p = plan(body)
    modules = next(u for u in p.urls if u.role is UrlRole.MODULES)
    assert modules.url.endswith(DSC_SAS) and SAS_SIG not in modules.redacted
    assert any(u.url == "https://files.example-cdn.net/agent.msi" for u in p.urls)
    assert SAS_SIG not in str(p.redacted_request)


def test_configuration_arguments_that_look_like_commands_are_scanned_as_powershell():
    body = dsc_new_format()
    body["properties"]["settings"]["configurationArguments"]["PostInstall"] = "powershell -enc SQBFAFgA"
    p = plan(body)
    [script] = [s for s in p.scripts if s.origin.endswith("PostInstall")]
    assert script.language is ArtifactType.POWERSHELL


def test_configuration_of_the_wrong_type_is_a_problem():
    body = dsc_new_format()
    body["properties"]["settings"]["configuration"] = "https://x.example.org/c.zip"
    p = plan(body)
    assert ("wrong_type", "settings.configuration") in [(q.kind, q.origin) for q in p.problems]
