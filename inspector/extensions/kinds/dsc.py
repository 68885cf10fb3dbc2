"""PowerShell DSC extension, new format (configuration/configurationData) and old format
(ModulesUrl, ConfigurationFunction, SasToken, Properties, Items, DataBlobUri).

The package at configuration.url / ModulesUrl is a zip with the configuration script at its
root; the extension runs the configuration function, so that URL is the entry point. SAS
tokens given apart from the URL are appended to the URL to fetch, never to the redacted one.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from inspector.extensions.builder import PlanBuilder
from inspector.extensions.extension import ExtensionRequest
from inspector.extensions.fields import Field, as_text, is_present
from inspector.extensions.kind import KindAlerts, KindDeclaration, request_check
from inspector.extensions.plan import ExtensionKind, UrlRole
from inspector.extensions.strings import collect_strings
from inspector.model import ArtifactType
from inspector.redact import REDACTED, redact_url

# The kind name this module declares.
DSC = ExtensionKind("dsc")

_USAGE_ALERT = "VM_DSCExtensionSuspiciousUsage"
DSC_EXTERNAL_MODULES_NO_TELEMETRY = request_check(
    "structure.dsc.external_modules_telemetry_off",
    "Old-format DSC from a non-Microsoft host with data collection disabled",
    "An old-format DSC extension loads its modules package (ModulesUrl) from a host outside Microsoft "
    "and turns data collection off (Privacy.DataCollection = Disable), the pattern of DSC abuse in "
    "public offensive tooling.",
    250,
    ("T1059.001", "T1105", "T1562"),
    alert=_USAGE_ALERT,
)
_PS = ArtifactType.POWERSHELL
_PRIVATE_REF = ("PrivateSettingsRef:",)
# Hosts Microsoft controls; a GitHub URL counts only under Microsoft's organisations. Blob storage
# (*.blob.core.windows.net) belongs to whoever owns the account, so it is not on the list.
_MICROSOFT_HOST_SUFFIXES = ("microsoft.com", "azure.com", "powershellgallery.com", "aka.ms", "windowsupdate.com")
_GITHUB_HOSTS = ("github.com", "raw.githubusercontent.com", "codeload.github.com")
_MICROSOFT_GITHUB_ORGS = frozenset({"azure", "azure-samples", "microsoft", "microsoftdocs", "powershell"})


def plan_dsc(ext: ExtensionRequest, b: PlanBuilder) -> None:
    _plan_new_format(ext, b)
    modules_urls = _plan_old_format(ext, b)
    for field in ext.find_all("configurationArguments"):
        collect_strings(b, field, language=_PS)
    if modules_urls and _data_collection_disabled(ext) and any(not is_microsoft_url(u) for u in modules_urls):
        b.flag(DSC_EXTERNAL_MODULES_NO_TELEMETRY, "ModulesUrl=" + redact_url(modules_urls[0]))


def _token(ext: ExtensionRequest, b: PlanBuilder, name: str) -> str | None:
    field = ext.first(name)
    if field is None or not is_present(field.value):
        return None
    token = as_text(field.value)
    if token is None:
        b.wrong_type(field, "a SAS token string")
    return token


def _plan_package(
    b: PlanBuilder, field: Field, role: UrlRole, token: str | None, member: str | None = None
) -> str | None:
    url = as_text(field.value)
    if url is None:
        if is_present(field.value):
            b.wrong_type(field, "a URL string")
        return None
    url = url.strip()
    if not url:
        return None
    fetch_url, redacted = with_sas_token(url, token)
    planned = b.add_url(field.origin, role, fetch_url, redacted=redacted, language=_PS, member=member)
    if planned is not None and role in (UrlRole.CONFIGURATION, UrlRole.MODULES):
        b.set_entry_point(field.origin)
    return url


def with_sas_token(url: str, token: str | None) -> tuple[str, str]:
    """(URL to fetch, redacted URL). The token is appended as a query; the redacted URL shows
    only that one was there, whatever the token looks like."""
    if not token or not token.strip():
        return url, redact_url(url)
    token = token.strip().lstrip("?&")
    try:
        has_query = bool(urlsplit(url).query)
    except ValueError:
        has_query = "?" in url
    separator = "&" if has_query else "?"
    return url + separator + token, redact_url(url) + separator + REDACTED


def _plan_new_format(ext: ExtensionRequest, b: PlanBuilder) -> None:
    config_token = _token(ext, b, "configurationUrlSasToken")
    data_token = _token(ext, b, "configurationDataUrlSasToken")
    for config in ext.find_all("configuration"):
        if not config.is_object():
            if is_present(config.value):
                b.wrong_type(config, "an object with url, script and function")
            continue
        script = as_text(config.get("script"))
        for url_field in config.find_all("url"):
            _plan_package(b, url_field, UrlRole.CONFIGURATION, config_token, member=script)
    for data in ext.find_all("configurationData"):
        if data.is_object():
            for url_field in data.find_all("url"):
                _plan_package(b, url_field, UrlRole.DATA, data_token)
        elif is_present(data.value):
            b.wrong_type(data, "an object with url")
    for options in ext.find_all("advancedOptions"):
        mappings = options.find("downloadMappings")
        if mappings is not None:
            # customWmfLocation and friends: installers the extension downloads and runs.
            collect_strings(b, mappings, language=None)


def _plan_old_format(ext: ExtensionRequest, b: PlanBuilder) -> list[str]:
    token = _token(ext, b, "SasToken")
    member = None
    function = ext.first("ConfigurationFunction")
    if function is not None:
        text = as_text(function.value)
        if text is None:
            b.wrong_type(function, "a string like file.ps1\\Function")
        else:
            member = text.replace("/", "\\").split("\\", 1)[0].strip() or None
    modules_urls: list[str] = []
    for field in ext.find_all("ModulesUrl"):
        url = _plan_package(b, field, UrlRole.MODULES, token, member=member)
        if url:
            modules_urls.append(url)
    for field in ext.find_all("DataBlobUri"):
        _plan_package(b, field, UrlRole.DATA, None)
    for field in ext.find_all("Properties"):
        if isinstance(field.value, (dict, list)):
            collect_strings(b, field, language=_PS, skip_values=_PRIVATE_REF)
        elif is_present(field.value):
            b.wrong_type(field, "an object or an array of {Name, Value}")
    return modules_urls


def _data_collection_disabled(ext: ExtensionRequest) -> bool:
    for privacy in ext.find_all("Privacy"):
        value = as_text(privacy.get("DataCollection")) if privacy.is_object() else None
        if value is not None and value.strip().casefold() == "disable":
            return True
    return False


def is_microsoft_url(url: str) -> bool:
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").casefold()
    except ValueError:
        return False
    if any(host == s or host.endswith("." + s) for s in _MICROSOFT_HOST_SUFFIXES):
        return True
    if host in _GITHUB_HOSTS:
        owner = parts.path.strip("/").split("/", 1)[0].casefold()
        return owner in _MICROSOFT_GITHUB_ORGS
    return False


KIND = KindDeclaration(
    kinds=(DSC,),
    extensions=((("microsoft.powershell", "dsc"), DSC),),
    handler=plan_dsc,
    checks=(DSC_EXTERNAL_MODULES_NO_TELEMETRY,),
    alerts=KindAlerts(script="VM_DSCExtensionSuspiciousScript", deletion=_USAGE_ALERT),
)
