# provision 0475 v4
$ErrorActionPreference = 'Stop'
$msi = "$env:TEMP\datadog-agent.msi"
Invoke-WebRequest -Uri 'https://s3.amazonaws.com/ddagent-windows-stable/datadog-agent-7-latest.amd64.msi' -OutFile $msi -UseBasicParsing
Start-Process -Wait msiexec -ArgumentList "/qn /i $msi APIKEY=$env:DD_API_KEY SITE=datadoghq.eu"
Remove-Item $msi
Restart-Service datadogagent
