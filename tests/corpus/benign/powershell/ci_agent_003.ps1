# config 6157 v2
$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force C:\agent | Out-Null
Set-Location C:\agent
$wc = New-Object System.Net.WebClient
$wc.DownloadFile('https://vstsagentpackage.azureedge.net/agent/3.236.1/vsts-agent-win-x64-3.236.1.zip', "$PWD\agent.zip")
Add-Type -AssemblyName System.IO.Compression.FileSystem
[System.IO.Compression.ZipFile]::ExtractToDirectory("$PWD\agent.zip", "$PWD")
.\config.cmd --unattended --url https://dev.azure.com/contoso --auth pat --token $env:AZP_TOKEN --pool intranet --agent $env:COMPUTERNAME --runAsService --windowsLogonAccount 'NT AUTHORITY\SYSTEM'
Remove-Item agent.zip
